// Lists of initiatives: the actor's own (as creator or co-author), and the receiving leaders'
// inbox, scoped in SQL by the subtrees where the actor may receive (or audit) registrations,
// through the receiving organization's path. One count and one page query each, no per-row
// queries; the inbox walks initiatives_receiving_idx (receiving_org_id, status, submitted_at).
import { and, asc, count, desc, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { initiativeAuthors, initiatives, organizations, people, type InitiativeKind, type InitiativeStatus, type TaskArea } from "../../db/schema";
import { canAnywhere, scopes, type Actor, type Permission } from "~/auth/policy";
import type { InboxSort } from "~/schemas/initiatives";
import type { Ctx } from "./context.server";
import { forbidden } from "./errors";
import { loadNode, underPath } from "./orgs-shared.server";

export const INITIATIVE_PAGE_SIZE = 25;
/** Ho Chi Minh City is UTC+7 all year (no daylight saving). */
const HCM_OFFSET_MS = 7 * 3600 * 1000;

export type InitiativeListRow = {
  id: number;
  kind: InitiativeKind;
  status: InitiativeStatus;
  registrationNumber: string | null;
  title: string;
  receivingOrgName: string;
  creatorFamilyName: string;
  creatorMiddleName: string;
  creatorGivenName: string;
  taskId: number | null;
  submittedAt: string | null;
  decisionDueOn: string | null;
  updatedAt: string;
};

export type Paged<T> = { rows: T[]; total: number; page: number };

const listColumns = {
  id: initiatives.id,
  kind: initiatives.kind,
  status: initiatives.status,
  registrationNumber: initiatives.registrationNumber,
  title: initiatives.title,
  receivingOrgName: organizations.name,
  creatorFamilyName: people.familyName,
  creatorMiddleName: people.middleName,
  creatorGivenName: people.givenName,
  taskId: initiatives.taskId,
  submittedAt: initiatives.submittedAt,
  decisionDueOn: initiatives.decisionDueOn,
  updatedAt: initiatives.updatedAt,
};

function paged(ctx: Ctx, where: SQL | undefined, pageNo: number, order: SQL[]): Paged<InitiativeListRow> {
  const page = Number.isSafeInteger(pageNo) && pageNo > 0 ? pageNo : 1;
  const from = () =>
    ctx.db
      .select(listColumns)
      .from(initiatives)
      .innerJoin(organizations, eq(organizations.id, initiatives.receivingOrgId))
      .innerJoin(people, eq(people.id, initiatives.createdBy));
  const total = ctx.db.select({ n: count() }).from(initiatives).innerJoin(organizations, eq(organizations.id, initiatives.receivingOrgId)).where(where).get()!.n;
  const rows = from().where(where).orderBy(...order).limit(INITIATIVE_PAGE_SIZE).offset((page - 1) * INITIATIVE_PAGE_SIZE).all();
  return { rows, total, page };
}

/** Initiatives the person created or co-authors (exported for search). */
export function mine(ctx: Ctx, me: number): SQL {
  const coAuthored = ctx.db.select({ id: initiativeAuthors.initiativeId }).from(initiativeAuthors).where(eq(initiativeAuthors.personId, me));
  return or(eq(initiatives.createdBy, me), inArray(initiatives.id, coAuthored))!;
}

/** The initiatives the actor created or co-authors, drafts included, most recently changed first. */
export function listMine(ctx: Ctx, page = 1): Paged<InitiativeListRow> {
  const me = ctx.actor?.personId;
  if (me === undefined) throw forbidden();
  return paged(ctx, mine(ctx, me), page, [desc(initiatives.updatedAt), desc(initiatives.id)]);
}

export type InitiativeHomeCard = { key: "initiativesToReceive" | "initiativesReturned" | "initiativeDrafts"; count: number; href: string };

/** Home cards: registrations waiting for the actor to receive them; the actor's own drafts and
 * registrations returned for revision. Empty counts are left out, except the leaders' inbox. */
export function homeInitiativeCards(ctx: Ctx): InitiativeHomeCard[] {
  const actor = ctx.actor;
  if (!actor) return [];
  const cards: InitiativeHomeCard[] = [];
  if (canAnywhere(actor, "initiative.receive")) {
    const waiting = ctx.db
      .select({ n: count() })
      .from(initiatives)
      .innerJoin(organizations, eq(organizations.id, initiatives.receivingOrgId))
      .where(and(inboxScope(actor, ["initiative.receive"]), eq(initiatives.status, "submitted")))
      .get()!.n;
    cards.push({ key: "initiativesToReceive", count: waiting, href: "/sang-kien?xem=tiep-nhan&trang-thai=da-nop&sap-xep=cu-nhat" });
  }
  const own = ctx.db
    .select({ status: initiatives.status, n: count() })
    .from(initiatives)
    .where(and(mine(ctx, actor.personId), inArray(initiatives.status, ["draft", "returned"])))
    .groupBy(initiatives.status)
    .all();
  const n = (status: InitiativeStatus) => own.find((r) => r.status === status)?.n ?? 0;
  if (n("returned")) cards.push({ key: "initiativesReturned", count: n("returned"), href: "/sang-kien" });
  if (n("draft")) cards.push({ key: "initiativeDrafts", count: n("draft"), href: "/sang-kien" });
  return cards;
}

export type InboxFilters = {
  status?: InitiativeStatus | null;
  taskId?: number | null;
  area?: TaskArea | null;
  /** The receiving organization or one below it. */
  orgId?: number | null;
  year?: number | null;
  quarter?: number | null;
  sort?: InboxSort | null;
  page?: number;
};

/** [from, to) in UTC of a year or a quarter in Ho Chi Minh City time. */
export function periodRange(year: number, quarter: number | null): [string, string] {
  const m0 = quarter ? (quarter - 1) * 3 : 0;
  const m1 = quarter ? m0 + 3 : 12;
  const at = (month: number) => new Date(Date.UTC(year, month, 1) - HCM_OFFSET_MS).toISOString();
  return [at(m0), at(m1)];
}

const ORDER: Record<InboxSort, SQL[]> = {
  newest: [desc(initiatives.submittedAt), desc(initiatives.id)],
  oldest: [asc(initiatives.submittedAt), asc(initiatives.id)],
  due: [asc(sql`${initiatives.decisionDueOn} IS NULL`), asc(initiatives.decisionDueOn), asc(initiatives.submittedAt), asc(initiatives.id)],
  number: [asc(initiatives.registrationNumber), asc(initiatives.id)],
};

/** The receiving organizations the actor may see registrations of, as path ranges (not LIKE,
 * which SQLite cannot turn into an index range): the planner walks organizations_path_idx,
 * then initiatives_receiving_idx by receiving_org_id, instead of scanning every initiative. */
export function inboxScope(actor: Actor | null, permissions: Permission[] = ["initiative.receive", "initiative.audit"]): SQL {
  const roots = [...new Set(permissions.flatMap((p) => scopes(actor, p)))];
  const minimal = roots.filter((r) => !roots.some((other) => other !== r && r.startsWith(other)));
  return minimal.length ? or(...minimal.map((root) => underPath(organizations.path, root)))! : sql`0`;
}

/**
 * The inbox of the receiving leaders (and, read-only, the inspection): registrations received
 * by an organization within the actor's initiative.receive or initiative.audit subtrees.
 * Drafts never appear: they belong to their authors.
 */
export function listInbox(ctx: Ctx, f: InboxFilters = {}): Paged<InitiativeListRow> {
  const actor = ctx.actor;
  if (!canAnywhere(actor, "initiative.receive") && !canAnywhere(actor, "initiative.audit")) throw forbidden();
  const where: (SQL | undefined)[] = [
    inboxScope(actor),
    f.status && f.status !== "draft" ? eq(initiatives.status, f.status) : ne(initiatives.status, "draft"),
  ];
  if (f.taskId) where.push(eq(initiatives.taskId, f.taskId));
  if (f.area) {
    where.push(sql`EXISTS (SELECT 1 FROM tasks t WHERE t.id = ${initiatives.taskId} AND (',' || t.areas || ',') LIKE ${`%,${f.area},%`})`);
  }
  if (f.orgId) {
    const node = loadNode(ctx.db, f.orgId);
    where.push(node ? underPath(organizations.path, node.path) : sql`0`);
  }
  if (f.year) {
    const [from, to] = periodRange(f.year, f.quarter ?? null);
    where.push(sql`${initiatives.submittedAt} >= ${from}`, sql`${initiatives.submittedAt} < ${to}`);
  }
  return paged(ctx, and(...where), f.page ?? 1, ORDER[f.sort ?? "newest"] ?? ORDER.newest);
}

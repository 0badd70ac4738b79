// The receiving leaders' inbox (and, read-only, the inspection's), scoped in SQL by the subtrees
// where the actor may receive or audit registrations, through the receiving organization's path;
// and the home cards of registrations to receive, returned and drafted.
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { initiatives, organizations, type InitiativeStatus, type TaskArea } from "../../db/schema";
import { canAnywhere, scopes, type Actor, type Permission } from "~/auth/policy";
import type { InboxSort } from "~/schemas/initiatives";
import type { Ctx } from "./context.server";
import { actorKey, preparedOnce } from "./compiled.server";
import { memoCount, rememberUntilChange } from "./count-memo.server";
import { forbidden } from "./errors";
import { fromList, INITIATIVE_PAGE_SIZE, mine, pageOf, type InitiativeListRow, type Paged } from "./initiatives-lists.server";
import { loadNode, underPath } from "./orgs-shared.server";
import { pathRange } from "./scope.server";

/** Ho Chi Minh City is UTC+7 all year (no daylight saving). */
const HCM_OFFSET_MS = 7 * 3600 * 1000;

export type InitiativeHomeCard = { key: "initiativesToReceive" | "initiativesReturned" | "initiativeDrafts"; count: number; href: string };

/** Home cards: registrations waiting for the actor to receive them; the actor's own drafts and
 * registrations returned for revision. Empty counts are left out, except the leaders' inbox. */
export function homeInitiativeCards(ctx: Ctx): InitiativeHomeCard[] {
  const actor = ctx.actor;
  if (!actor) return [];
  const cards: InitiativeHomeCard[] = [];
  if (canAnywhere(actor, "initiative.receive")) {
    const waiting = memoCount(ctx.db, `home initiativesToReceive\u0000${actorKey(actor)}`, () =>
      ctx.db
        .select({ n: count() })
        .from(initiatives)
        .innerJoin(organizations, eq(organizations.id, initiatives.receivingOrgId))
        .where(and(inboxScope(actor, ["initiative.receive"]), eq(initiatives.status, "submitted"))),
    );
    cards.push({ key: "initiativesToReceive", count: waiting, href: "/sang-kien?xem=tiep-nhan&trang-thai=da-nop&sap-xep=cu-nhat" });
  }
  const own = preparedOnce(ctx.db, "home own initiatives", () =>
    ctx.db
      .select({ status: initiatives.status, n: count() })
      .from(initiatives)
      // The unary + keeps the planner on the person's few ids instead of every draft by status.
      .where(and(mine(ctx, ph("person")), inArray(sql`+${initiatives.status}`, ["draft", "returned"])))
      .groupBy(initiatives.status),
  ).all({ person: actor.personId });
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

/**
 * Orders an index gives directly, as segments walked one after the other: newest and oldest by
 * the submission time (initiatives_submitted_idx; drafts, which have none, are not in the
 * inbox), the number by its unique index, and "due" as the registrations with a due date by that
 * date (initiatives_due_idx), then the others oldest first — the same order as ORDER.due.
 */
const WALK: Record<InboxSort, { column: SQLiteColumn; where: SQL; order: SQL[] }[]> = {
  newest: [{ column: initiatives.submittedAt, where: isNotNull(initiatives.submittedAt), order: [desc(initiatives.submittedAt), desc(initiatives.id)] }],
  oldest: [{ column: initiatives.submittedAt, where: isNotNull(initiatives.submittedAt), order: [asc(initiatives.submittedAt), asc(initiatives.id)] }],
  number: [{ column: initiatives.registrationNumber, where: isNotNull(initiatives.registrationNumber), order: [asc(initiatives.registrationNumber), asc(initiatives.id)] }],
  due: [
    {
      column: initiatives.decisionDueOn,
      where: isNotNull(initiatives.decisionDueOn),
      order: [asc(initiatives.decisionDueOn), asc(initiatives.submittedAt), asc(initiatives.id)],
    },
    { column: initiatives.submittedAt, where: and(isNull(initiatives.decisionDueOn), isNotNull(initiatives.submittedAt))!, order: [asc(initiatives.submittedAt), asc(initiatives.id)] },
  ],
};
/** Below this many rows, reading the scope's rows and sorting them is cheaper than a walk. */
const WALK_FROM = 2_000;
/** Pages beyond this many rows are not offered: a list that long is narrowed with the filters. */
export const INBOX_MAX_ROWS = 10_000;

/**
 * The inbox's filters on the initiative row, built for the plan wanted: "all" leaves their
 * columns open to the planner (a city-wide count), "none" hides them behind a unary + (a small
 * scope is read through its organizations: otherwise the planner walks every registration of a
 * status or a year in the city to find a ward's), and a column leaves only that one open (a walk
 * along its index, where a range on the same column narrows the walk).
 */
type IndexUse = "all" | "none" | SQLiteColumn;
type RowFilter = (use: IndexUse) => SQL;

/** The values a page's statements bind, by placeholder name, and the shape of its filters: the
 * statements' text depends on the shape alone, so each is built and prepared once per shape
 * (compiled.server.ts); a call binds the values. */
type Bound = { shape: string; values: Record<string, unknown> };
type Counting = { get(values: Record<string, unknown>): { n: number } | undefined };
const ph = sql.placeholder;

/**
 * One page of the inbox. A ward's inbox (hundreds of rows) is read through its organizations and
 * sorted. A city's (tens of thousands) would sort every row for 25 of them, so when the scope
 * holds a large share of all registrations the page walks the order's index instead and tests
 * each row's organization against the scope, stopping after the page; an all-city scope tests
 * nothing. Totals are counted once per state of the database (count-memo.server.ts).
 */
function inboxPage(ctx: Ctx, filters: RowFilter[], orgWhere: () => SQL, sort: InboxSort, pageNo: number, { shape, values }: Bound): Paged<InitiativeListRow> {
  const page = Math.min(pageOf(pageNo), INBOX_MAX_ROWS / INITIATIVE_PAGE_SIZE);
  const offset = (page - 1) * INITIATIVE_PAGE_SIZE;
  const prepared = <P>(name: string, build: () => { prepare(): P; toSQL(): { sql: string } }) => preparedOnce(ctx.db, `inbox ${name}\u0000${shape}`, build);
  const counted = (name: string, build: () => { prepare(): unknown; toSQL(): { sql: string } }) => {
    const query = prepared(name, build) as Counting;
    return rememberUntilChange(ctx.db, `inbox ${name}\u0000${shape}\u0000${JSON.stringify(values)}`, () => query.get(values)!.n);
  };
  // Conditions are built only when a statement of this shape is not prepared yet.
  const scopedWhere = () => and(...filters.map((f) => f("none")), orgWhere());
  const total = counted("total", () =>
    ctx.db.select({ n: count() }).from(initiatives).innerJoin(organizations, eq(organizations.id, initiatives.receivingOrgId)).where(scopedWhere()),
  );
  // The same filters over the whole city: when the scope holds a fifth of those or more, a walk
  // finds a page's rows among the first few it reads.
  const city = total < WALK_FROM ? Infinity : counted("city", () => ctx.db.select({ n: count() }).from(initiatives).where(and(...filters.map((f) => f("all")))));
  if (total * 5 < city) {
    // The page's ids first, from the indexes alone (initiatives_receiving_idx holds every column
    // the filters and orders read): joining every row of the scope to its author before sorting
    // read a table row and a person per registration, ~3 ms for a ward.
    const found = prepared(`ids ${sort}`, () =>
      ctx.db.select({ id: initiatives.id }).from(initiatives).innerJoin(organizations, eq(organizations.id, initiatives.receivingOrgId))
        .where(scopedWhere()).orderBy(...ORDER[sort]).limit(ph("limit")).offset(ph("offset")),
    ).all({ ...values, limit: INITIATIVE_PAGE_SIZE, offset });
    return { rows: rowsInOrder(ctx, found.map((r) => r.id)), total, page };
  }
  const everyOrg =
    counted("orgs", () => ctx.db.select({ n: count() }).from(organizations).where(orgWhere())) ===
    counted("all orgs", () => ctx.db.select({ n: count() }).from(organizations));
  // The unary + keeps the planner off initiatives_receiving_idx, so that it walks the order's index.
  const inScope = () => (everyOrg ? undefined : sql`+${initiatives.receivingOrgId} IN ${ctx.db.select({ id: organizations.id }).from(organizations).where(orgWhere())}`);
  const walk = `${sort}\u0000${everyOrg}`;
  const ids: number[] = [];
  let skip = offset;
  for (const [i, segment] of WALK[sort].entries()) {
    const where = () => and(...filters.map((f) => f(segment.column)), segment.where, inScope());
    const size = WALK[sort].length > 1 ? counted(`segment ${walk} ${i}`, () => ctx.db.select({ n: count() }).from(initiatives).where(where())) : Infinity;
    if (skip >= size) {
      skip -= size;
      continue;
    }
    const found = prepared(`walk ${walk} ${i}`, () =>
      ctx.db.select({ id: initiatives.id }).from(initiatives).where(where()).orderBy(...segment.order).limit(ph("limit")).offset(ph("offset")),
    ).all({ ...values, limit: INITIATIVE_PAGE_SIZE - ids.length, offset: skip });
    ids.push(...found.map((r) => r.id));
    skip = 0;
    if (ids.length === INITIATIVE_PAGE_SIZE) break;
  }
  return { rows: rowsInOrder(ctx, ids), total, page };
}

/** The list rows of these ids, in the ids' order. */
function rowsInOrder(ctx: Ctx, ids: number[]): InitiativeListRow[] {
  if (!ids.length) return [];
  const query = preparedOnce(ctx.db, "inbox rows", () => fromList(ctx).where(sql`${initiatives.id} IN (SELECT value FROM json_each(${ph("ids")}))`));
  const byId = new Map(query.all({ ids: JSON.stringify(ids) }).map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

/** The receiving organizations the actor may see registrations of, as path ranges (not LIKE,
 * which SQLite cannot turn into an index range): the planner walks organizations_path_idx,
 * then initiatives_receiving_idx by receiving_org_id, instead of scanning every initiative. */
export function inboxScope(actor: Actor | null, permissions: Permission[] = ["initiative.receive", "initiative.audit"]): SQL {
  const roots = [...new Set(permissions.flatMap((p) => scopes(actor, p)))];
  const minimal = roots.filter((r) => !roots.some((other) => other !== r && r.startsWith(other)));
  return minimal.length ? or(...minimal.map((root) => underPath(organizations.path, root)))! : sql`0`;
}

const usable = (column: SQLiteColumn, use: IndexUse) => (use === "all" || use === column ? sql`${column}` : sql`+${column}`);

/**
 * The inbox of the receiving leaders (and, read-only, the inspection): registrations received
 * by an organization within the actor's initiative.receive or initiative.audit subtrees.
 * Drafts never appear: they belong to their authors.
 */
export function listInbox(ctx: Ctx, f: InboxFilters = {}): Paged<InitiativeListRow> {
  const actor = ctx.actor;
  if (!canAnywhere(actor, "initiative.receive") && !canAnywhere(actor, "initiative.audit")) throw forbidden();
  const status = f.status && f.status !== "draft" ? f.status : null;
  const values: Record<string, unknown> = {};
  const filters: RowFilter[] = [(u) => (status ? sql`${usable(initiatives.status, u)} = ${ph("status")}` : sql`${usable(initiatives.status, u)} <> 'draft'`)];
  if (status) values.status = status;
  const orgWhere: (() => SQL)[] = [() => inboxScope(actor)];
  if (f.taskId) {
    values.taskId = f.taskId;
    filters.push(() => sql`${initiatives.taskId} = ${ph("taskId")}`);
  }
  if (f.area) {
    values.area = `%,${f.area},%`;
    filters.push(() => sql`EXISTS (SELECT 1 FROM tasks t WHERE t.id = ${initiatives.taskId} AND (',' || t.areas || ',') LIKE ${ph("area")})`);
  }
  if (f.orgId) {
    const node = loadNode(ctx.db, f.orgId);
    if (node) [values.orgFrom, values.orgTo] = pathRange(node.path);
    orgWhere.push(() => (node ? sql`${organizations.path} >= ${ph("orgFrom")} AND ${organizations.path} < ${ph("orgTo")}` : sql`0`));
  }
  if (f.year) {
    [values.from, values.to] = periodRange(f.year, f.quarter ?? null);
    filters.push((u) => sql`${usable(initiatives.submittedAt, u)} >= ${ph("from")} AND ${usable(initiatives.submittedAt, u)} < ${ph("to")}`);
  }
  // Everything the statements' text depends on: the actor's scope and which filters are set.
  const shape = JSON.stringify([actorKey(actor!), Object.keys(values), f.orgId ? "org" : ""]);
  return inboxPage(ctx, filters, () => and(...orgWhere.map((w) => w()))!, f.sort ?? "newest", f.page ?? 1, { shape, values });
}

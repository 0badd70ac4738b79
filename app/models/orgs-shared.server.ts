// Pieces the organization reads and writes share: loading a node, subtree ranges on the
// materialized path, and the calendar arithmetic of validity dates.
//
// Dates: validity dates are calendar days 'YYYY-MM-DD', both ends inclusive (the districts
// abolished on 01/07/2025 carry valid_to 2025-06-30). A change "effective on D" ends the
// previous state on D − 1 day and starts the new one on D.
import { and, count, desc, eq, isNull, ne } from "drizzle-orm";
import { organizations, organizationVersions, people, type OrgKind } from "../../db/schema";
import { can, type OrgNode } from "~/auth/policy";
import { TIME_ZONE, cityIsoDate } from "~/i18n/format";
import type { Ctx, Tx } from "./context.server";
import { notFound } from "./errors";
import { underPath } from "./scope.server";

type Reader = Ctx["db"] | Tx;

export type NodeRow = {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  parentId: number | null;
  path: string;
  depth: number;
  validFrom: string;
  validTo: string | null;
  createdAt: string;
};

export const nodeColumns = {
  id: organizations.id,
  code: organizations.code,
  name: organizations.name,
  kind: organizations.kind,
  parentId: organizations.parentId,
  path: organizations.path,
  depth: organizations.depth,
  validFrom: organizations.validFrom,
  validTo: organizations.validTo,
  createdAt: organizations.createdAt,
};

export function loadNode(db: Reader, id: number): NodeRow | undefined {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  return db.select(nodeColumns).from(organizations).where(eq(organizations.id, id)).get();
}

export function loadNodeByCode(db: Reader, code: string): NodeRow | undefined {
  return db.select(nodeColumns).from(organizations).where(eq(organizations.code, code)).get();
}

/** A node the actor may see with org.view, or not found: existence is not revealed. */
export function visibleNode(ctx: Ctx, db: Reader, id: number): NodeRow {
  const node = loadNode(db, id);
  if (!node || !can(ctx.actor, "org.view", node.path)) throw notFound();
  return node;
}

/** "/1/17/230/" → "/1/17/"; a root has no parent path. */
export function parentPathOf(path: string): string | null {
  const cut = path.lastIndexOf("/", path.length - 2);
  return cut <= 0 ? null : path.slice(0, cut + 1);
}

export function asPolicyNode(node: { id: number; path: string }): OrgNode {
  return { id: node.id, path: node.path, parentPath: parentPathOf(node.path) };
}

/** The ids on a path, root first: "/1/17/230/" → [1, 17, 230]. */
export function idsOfPath(path: string): number[] {
  return path.split("/").filter(Boolean).map(Number);
}

export { underPath };

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's calendar date in Ho Chi Minh City, from the server clock. */
/** 'YYYY-MM-DD' + n calendar months, clamped to the last day of the month (30/11 + 3 → 28/02). */
export function addMonthsClamped(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function todayIso(ctx: Ctx): string {
  return dateInHcm(ctx.now());
}

/** The calendar date ('YYYY-MM-DD') of an instant in Ho Chi Minh City. */
// Building an Intl formatter costs far more than using one: made once, used by every request;
// and within the years of UTC+7 the date is read from the shifted UTC fields (cityIsoDate), as a
// few µs of Intl each time added up to ~50 µs of a council's page.
const HCM_DATE = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

export function dateInHcm(at: Date): string {
  return cityIsoDate(at) ?? HCM_DATE.format(at);
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;
}

/** The day the node's current name and parent took effect: the day after its last recorded
 * version ended, or its founding day when it never changed. */
export function currentSince(db: Reader, node: { id: number; validFrom: string }): string {
  const last = db
    .select({ validTo: organizationVersions.validTo })
    .from(organizationVersions)
    .where(eq(organizationVersions.orgId, node.id))
    .orderBy(desc(organizationVersions.validTo))
    .limit(1)
    .get();
  if (!last) return node.validFrom;
  const next = addDays(last.validTo, 1);
  return next > node.validFrom ? next : node.validFrom;
}

export type CloseBlockers = { openDescendants: number; activePeople: number };

/** What still stands in the way of closing a node: open nodes below it, active people in it. */
export function closeBlockers(db: Reader, node: { id: number; path: string }): CloseBlockers {
  const openDescendants = db
    .select({ n: count() })
    .from(organizations)
    .where(and(underPath(organizations.path, node.path), ne(organizations.id, node.id), isNull(organizations.validTo)))
    .get()!.n;
  const activePeople = db
    .select({ n: count() })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.orgId))
    .where(and(underPath(organizations.path, node.path), eq(people.active, true)))
    .get()!.n;
  return { openDescendants, activePeople };
}

export function blockerMessage(b: CloseBlockers): string | null {
  if (b.openDescendants && b.activePeople) return "orgs.close.blockedBoth";
  if (b.openDescendants) return "orgs.close.blockedChildren";
  if (b.activePeople) return "orgs.close.blockedPeople";
  return null;
}


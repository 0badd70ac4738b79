// Browsing the evidence ledger: scoped, filtered, keyset-paginated lists (the table will hold
// millions of rows, so no OFFSET and no COUNT), one event with its own check, and the
// whole-chain check. Reading only: nothing here changes state.
import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { accounts, ledgerEvents, ledgerPayloads, organizations, people } from "../../db/schema";
import { canAnywhere, canViewLedgerOf } from "~/auth/policy";
import { parseDate } from "~/i18n/format";
import { fold, likeEscape } from "~/utils/fold";
import type { Ctx } from "./context.server";
import { forbidden, invalid } from "./errors";
import { pathScope } from "./scope.server";

export const LEDGER_PAGE_SIZE = 25;
export const LEDGER_MAX_PAGE_SIZE = 100;
/** Organizations a name search may resolve to; more is too broad to be a useful filter. */
const MAX_ORG_MATCHES = 50;
/** Above this many events in a subtree scope, listing walks seq instead of sorting. */
const DENSE = 5000;
const SHORT_PERIOD_MS = 31 * 24 * 3600_000;
/** Ho Chi Minh City has no daylight saving time: calendar days start at 00:00 +07:00. */
const HCMC_OFFSET = "+07:00";

export type LedgerFilter = {
  actorId?: number;
  /** Part of a person's name (diacritics optional) or the start of a username. */
  actorQuery?: string;
  orgId?: number;
  /** An organization's code, or part of its name. */
  orgQuery?: string;
  /** With an organization: include the organizations below it (default true). */
  subtree?: boolean;
  entity?: string;
  entityId?: string;
  action?: string;
  /** Calendar days in Ho Chi Minh City time, dd/mm/yyyy or yyyy-mm-dd, both inclusive. */
  from?: string;
  to?: string;
  /** Keyset cursors: events older than `before`, or newer than `after`. */
  before?: number;
  after?: number;
  pageSize?: number;
};

export type LedgerRow = {
  seq: number;
  at: string;
  actorId: number | null;
  actorName: string | null;
  orgId: number | null;
  orgName: string | null;
  orgCode: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  hashShort: string;
  /** Canonical JSON; null once the personal data was erased. */
  payload: string | null;
};

export type OrgMatch = { id: number; code: string; name: string };

export type LedgerPage = {
  rows: LedgerRow[];
  pageSize: number;
  hasOlder: boolean;
  hasNewer: boolean;
  /** The organizations an organization filter resolved to (null when there is none). */
  orgMatches: OrgMatch[] | null;
  /** True when an actor search matched nobody. */
  noActorMatch: boolean;
};

/** The start of a Ho Chi Minh City calendar day as a UTC ISO timestamp. */
export function hcmcDayStartUtc(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00.000${HCMC_OFFSET}`).toISOString();
}

function nextDay(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The period as a half-open UTC range [from, to). Invalid input is a field error. */
export function periodUtc(from?: string, to?: string): { fromUtc?: string; toUtc?: string } {
  const errors: Record<string, string> = {};
  const fromDay = from ? parseDate(from) : null;
  const toDay = to ? parseDate(to) : null;
  if (from && !fromDay) errors["tu-ngay"] = "errors.invalidDate";
  if (to && !toDay) errors["den-ngay"] = "errors.invalidDate";
  if (fromDay && toDay && fromDay > toDay) errors["den-ngay"] = "ledger.filter.periodOrder";
  if (Object.keys(errors).length) throw invalid(errors);
  return { fromUtc: fromDay ? hcmcDayStartUtc(fromDay) : undefined, toUtc: toDay ? hcmcDayStartUtc(nextDay(toDay)) : undefined };
}

const scopeOrgs = alias(organizations, "scope_orgs");

/**
 * Which events the actor may see. Whole-tree readers walk seq backwards and check the joined
 * organization. Subtree readers with few events go through the org index and sort those few;
 * with many (probed, at most DENSE index entries read), walking seq backwards fills a page
 * sooner than sorting them all.
 */
function visibleEvents(ctx: Ctx): SQL {
  const actor = ctx.actor;
  if (!canAnywhere(actor, "ledger.view")) throw forbidden();
  if (canViewLedgerOf(actor, null)) return or(isNull(ledgerEvents.orgId), pathScope(organizations.path, actor, "ledger.view"))!;
  const inScope = ctx.db.select({ id: scopeOrgs.id }).from(scopeOrgs).where(pathScope(scopeOrgs.path, actor, "ledger.view"));
  const { n } = ctx.db.get<{ n: number }>(
    sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${ledgerEvents} WHERE ${ledgerEvents.orgId} IN (${inScope}) LIMIT ${DENSE})`,
  );
  return n >= DENSE ? sql`+${ledgerEvents.orgId} IN (${inScope})` : inArray(ledgerEvents.orgId, inScope);
}

/** The organizations a filter names, within the actor's ledger scope. */
function matchOrgs(ctx: Ctx, filter: LedgerFilter): (OrgMatch & { path: string })[] {
  const cols = { id: organizations.id, code: organizations.code, name: organizations.name, path: organizations.path };
  const inScope = pathScope(organizations.path, ctx.actor, "ledger.view");
  if (filter.orgId !== undefined) {
    return ctx.db.select(cols).from(organizations).where(and(eq(organizations.id, filter.orgId), inScope)).all();
  }
  const q = filter.orgQuery!.trim();
  const byCode = ctx.db.select(cols).from(organizations).where(and(sql`lower(${organizations.code}) = ${q.toLowerCase()}`, inScope)).all();
  if (byCode.length) return byCode;
  const pattern = `%${likeEscape(fold(q))}%`;
  return ctx.db
    .select(cols)
    .from(organizations)
    .where(and(sql`${organizations.searchName} LIKE ${pattern} ESCAPE '\\'`, inScope))
    .orderBy(asc(organizations.depth), asc(organizations.name))
    .limit(MAX_ORG_MATCHES)
    .all();
}

function actorMatches(ctx: Ctx, q: string) {
  const name = `%${likeEscape(fold(q))}%`;
  const username = `${likeEscape(q.trim().toLowerCase())}%`;
  return ctx.db
    .select({ id: people.id })
    .from(people)
    .leftJoin(accounts, eq(accounts.personId, people.id))
    .where(or(sql`${people.searchName} LIKE ${name} ESCAPE '\\'`, sql`${accounts.username} LIKE ${username} ESCAPE '\\'`));
}

const rowColumns = {
  seq: ledgerEvents.seq,
  at: ledgerEvents.at,
  actorId: ledgerEvents.actorId,
  actorName: sql<string | null>`trim(${people.familyName} || ' ' || ${people.middleName} || ' ' || ${people.givenName})`.mapWith(
    (v: string | null) => (v ? v.replace(/\s+/g, " ") : null),
  ),
  orgId: ledgerEvents.orgId,
  orgName: organizations.name,
  orgCode: organizations.code,
  action: ledgerEvents.action,
  entity: ledgerEvents.entity,
  entityId: ledgerEvents.entityId,
  hashShort: sql<string>`substr(${ledgerEvents.hash}, 1, 12)`,
  payload: ledgerPayloads.payload,
};

/** A page of the events the actor may see, newest first, narrowed by the filter. */
export function listEvents(ctx: Ctx, filter: LedgerFilter = {}): LedgerPage {
  const conditions: SQL[] = [visibleEvents(ctx)];
  const pageSize = Math.min(LEDGER_MAX_PAGE_SIZE, Math.max(1, Math.trunc(filter.pageSize ?? LEDGER_PAGE_SIZE)));
  const empty = (extra: Partial<LedgerPage>): LedgerPage => ({ rows: [], pageSize, hasOlder: false, hasNewer: false, orgMatches: null, noActorMatch: false, ...extra });
  const { fromUtc, toUtc } = periodUtc(filter.from, filter.to);

  let orgMatches: OrgMatch[] | null = null;
  if (filter.orgId !== undefined || filter.orgQuery?.trim()) {
    const found = matchOrgs(ctx, filter);
    orgMatches = found.map(({ id, code, name }) => ({ id, code, name }));
    if (!found.length) return empty({ orgMatches });
    if (filter.subtree === false) {
      conditions.push(inArray(ledgerEvents.orgId, found.map((o) => o.id)));
    } else {
      const under = or(...found.map((o) => sql`${scopeOrgs.path} LIKE ${`${likeEscape(o.path)}%`} ESCAPE '\\'`))!;
      conditions.push(inArray(ledgerEvents.orgId, ctx.db.select({ id: scopeOrgs.id }).from(scopeOrgs).where(under)));
    }
  }
  if (filter.actorId !== undefined) conditions.push(eq(ledgerEvents.actorId, filter.actorId));
  if (filter.actorQuery?.trim()) {
    const matches = actorMatches(ctx, filter.actorQuery);
    if (!ctx.db.select({ one: sql`1` }).from(matches.as("m")).limit(1).get()) return empty({ orgMatches, noActorMatch: true });
    conditions.push(inArray(ledgerEvents.actorId, matches));
  }
  if (filter.entity && filter.entityId) {
    conditions.push(eq(ledgerEvents.entity, filter.entity), eq(ledgerEvents.entityId, filter.entityId));
  } else if (filter.entity) {
    // A handful of entity kinds share the table: walking seq backwards finds a page sooner
    // than sorting every event of the kind from the (entity, entity_id, seq) index. The
    // unary + keeps the planner off that index.
    conditions.push(sql`+${ledgerEvents.entity} = ${filter.entity}`);
  } else if (filter.entityId) {
    conditions.push(eq(ledgerEvents.entityId, filter.entityId));
  }
  if (filter.action) conditions.push(eq(ledgerEvents.action, filter.action));
  // A short closed period is a small range of the `at` index, cheap to sort by seq; for a
  // long or open one, walking seq backwards and skipping is cheaper than sorting it all.
  const short = fromUtc && toUtc && Date.parse(toUtc) - Date.parse(fromUtc) <= SHORT_PERIOD_MS;
  const at = short ? ledgerEvents.at : sql`+${ledgerEvents.at}`;
  if (fromUtc) conditions.push(sql`${at} >= ${fromUtc}`);
  if (toUtc) conditions.push(sql`${at} < ${toUtc}`);

  const base = () =>
    ctx.db
      .select(rowColumns)
      .from(ledgerEvents)
      .leftJoin(organizations, eq(organizations.id, ledgerEvents.orgId))
      .leftJoin(people, eq(people.id, ledgerEvents.actorId))
      .leftJoin(ledgerPayloads, eq(ledgerPayloads.seq, ledgerEvents.seq));
  const exists = (cond: SQL, order: "asc" | "desc") =>
    !!ctx.db
      .select({ seq: ledgerEvents.seq })
      .from(ledgerEvents)
      .leftJoin(organizations, eq(organizations.id, ledgerEvents.orgId))
      .where(and(...conditions, cond))
      .orderBy(order === "asc" ? asc(ledgerEvents.seq) : desc(ledgerEvents.seq))
      .limit(1)
      .get();

  if (filter.after !== undefined) {
    const rows = base().where(and(...conditions, gt(ledgerEvents.seq, filter.after))).orderBy(asc(ledgerEvents.seq)).limit(pageSize + 1).all();
    const hasNewer = rows.length > pageSize;
    const page = rows.slice(0, pageSize).reverse();
    const oldest = page.length ? page[page.length - 1].seq : filter.after + 1;
    return { rows: page, pageSize, hasNewer, hasOlder: exists(lt(ledgerEvents.seq, oldest), "desc"), orgMatches, noActorMatch: false };
  }
  const older = filter.before !== undefined ? [lt(ledgerEvents.seq, filter.before)] : [];
  const rows = base().where(and(...conditions, ...older)).orderBy(desc(ledgerEvents.seq)).limit(pageSize + 1).all();
  const page = rows.slice(0, pageSize);
  const newest = page.length ? page[0].seq : (filter.before ?? 0) - 1;
  const hasNewer = filter.before !== undefined && exists(gt(ledgerEvents.seq, newest), "asc");
  return { rows: page, pageSize, hasOlder: rows.length > pageSize, hasNewer, orgMatches, noActorMatch: false };
}

export { getEvent, verifyStatus, type ChainStatus, type LedgerEventDetail } from "./ledger-check.server";

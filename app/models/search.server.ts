// One search over the tasks and initiatives the actor may see (/tim-kiem).
//
// How the work per request stays bounded (100,000 initiatives, thousands of tasks):
// - The text is matched by FTS5 (tasks_fts, initiatives_fts: drizzle/0007_search_fts.sql), folded
//   like the index (no diacritics, đ → d, lower case). Each token is quoted, so FTS syntax typed by
//   a user (NEAR, *, ", -, :, OR) is only text; at most MAX_TOKENS tokens.
// - Rows matching the whole input as a phrase come first, then rows matching every token. Within
//   each group the newest first (id descending) — the order FTS5 walks its doclists in, so a page
//   is read with LIMIT without sorting, and no bm25 rank is computed over thousands of matches.
// - Every statement starts from the FTS table and reaches the rows by their key (CROSS JOIN fixes
//   the order, NOT INDEXED keeps the planner from scanning an index of a small table instead of
//   a key lookup once ANALYZE has statistics), and the index's
//   `facets` column (organization, target and person tokens) narrows the matches to the actor's
//   reach inside FTS5: a ward leader's search walks the ward's matches, not the city's. The rules
//   themselves are then applied in SQL by the models' own scoping helpers (reachScope, pathScope,
//   inboxScope, mine), so the facets can only narrow, never widen, what is shown.
// - Counts stop at SEARCH_CAP + 1 (the page says "more than 1,000"); the second group is counted
//   only when the first did not reach the cap; pages beyond the cap are not offered. So one
//   request runs at most 2 counts and 2–3 page reads per type, each bounded by the cap.
// - Filters (status, area, year) are conditions on the same statements.
import { and, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { initiatives, organizations, tasks, type InitiativeKind } from "../../db/schema";
import { scopes, type Actor } from "~/auth/policy";
import { isInitiativeStatus, isTaskStatus, type SearchParams, type SearchStatus } from "~/schemas/search";
import { fold } from "~/utils/fold";
import type { Ctx } from "./context.server";
import { rememberUntilChange } from "./count-memo.server";
import { forbidden } from "./errors";
import { inboxScope, periodRange } from "./initiatives-inbox.server";
import { mine } from "./initiatives-lists.server";
import { idsOfPath } from "./orgs-shared.server";
import { pathScope } from "./scope.server";
import { reachScope } from "./tasks-read.server";

export const SEARCH_CAP = 1000;
export const SEARCH_PAGE_SIZE = 20;
export const MAX_TOKENS = 8;
const MAX_TOKEN_LENGTH = 40;

export type SearchRow = {
  type: "task" | "initiative";
  id: number;
  title: string;
  kind: InitiativeKind | null;
  number: string | null;
  status: SearchStatus;
  orgName: string;
  date: string | null;
  href: string;
};

export type SearchResult = {
  rows: SearchRow[];
  total: number;
  capped: boolean;
  page: number;
  pageCount: number;
  tokens: string[];
};

export type SearchInput = Pick<SearchParams, "q"> & Partial<Omit<SearchParams, "q">>;

/** The input as index tokens: folded like the index, split where unicode61 splits (anything
 * but letters and digits), so no FTS operator or quote survives. */
export function searchTokens(q: string): string[] {
  return fold(q.slice(0, 400))
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_TOKENS)
    .map((t) => t.slice(0, MAX_TOKEN_LENGTH));
}

const quote = (token: string) => `"${token.replace(/"/g, '""')}"`;

/** Text columns only (never the facets), AND the actor's facets. */
function matchExpr(columns: string, text: string, facets: string[]): string {
  return `{${columns}} : (${text}) AND facets : (${facets.map(quote).join(" OR ")})`;
}

/** "/1/17/230/" → 230: the facet token of a subtree root. */
const rootId = (path: string) => idsOfPath(path).at(-1) ?? 0;

type Source = {
  /** Matches in scope, up to SEARCH_CAP + 1. */
  count(text: string): number;
  /** Ids in result order (newest first). */
  ids(text: string, limit: number, offset?: number): number[];
  /** The rows of these ids, in the given order. */
  rows(ids: number[]): SearchRow[];
};

type Spec = {
  fts: "tasks_fts" | "initiatives_fts";
  /** The FTS columns holding text (never the facets). */
  textColumns: string;
  facets: string[];
  /** The base table and its organization, joined to a driving key by that key. */
  join: (key: SQL) => SQL;
  columns: SQL;
  where: SQL;
  type: SearchRow["type"];
  /** Names everything `where` depends on (the actor and the filters), for remembering counts. */
  key: string;
};

function source(ctx: Ctx, spec: Spec): Source {
  const fts = sql.raw(spec.fts);
  const from = sql`${fts} ${spec.join(sql`${fts}.rowid`)}`;
  const where = (text: string) => and(sql`${fts} MATCH ${matchExpr(spec.textColumns, text, spec.facets)}`, spec.where);
  const href = spec.type === "task" ? "/nhiem-vu/" : "/sang-kien/";
  return {
    // Counted once per state of the database: the pages of one search count the same matches.
    count: (text) =>
      rememberUntilChange(ctx.db, `search\u0000${spec.key}\u0000${text}`, () =>
        ctx.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where(text)} LIMIT ${SEARCH_CAP + 1})`)!.n,
      ),
    ids: (text, limit, offset = 0) =>
      ctx.db.all<{ id: number }>(sql`SELECT ${fts}.rowid AS id FROM ${from} WHERE ${where(text)} ORDER BY ${fts}.rowid DESC LIMIT ${limit} OFFSET ${offset}`).map((r) => r.id),
    rows: (ids) => {
      if (!ids.length) return [];
      // The page's ids drive the lookups by key; the scope is checked again.
      const found = ctx.db.all<Omit<SearchRow, "type" | "href">>(
        sql`SELECT ${spec.columns} FROM json_each(${JSON.stringify(ids)}) AS ids ${spec.join(sql`ids.value`)} WHERE ${spec.where}`,
      );
      const byId = new Map(found.map((r) => [r.id, { ...r, type: spec.type, href: `${href}${r.id}` }]));
      return ids.map((id) => byId.get(id)).filter((r): r is SearchRow => !!r);
    },
  };
}

function taskSource(ctx: Ctx, actor: Actor, p: SearchInput): Source | null {
  if (p.type === "initiatives" || (p.status && !isTaskStatus(p.status))) return null;
  // Published or closed tasks that reach the actor, and every task of the organizations where
  // they manage tasks (drafts included) — the two lists of tasks-read.server.ts.
  const scope = or(and(inArray(tasks.status, ["published", "closed"]), reachScope(ctx, actor)), pathScope(organizations.path, actor, "task.manage"))!;
  const filters: SQL[] = [];
  if (p.status) filters.push(eq(tasks.status, p.status));
  if (p.area) filters.push(sql`(',' || ${tasks.areas} || ',') LIKE ${`%,${p.area},%`}`);
  if (p.year) filters.push(eq(tasks.periodYear, p.year));
  return source(ctx, {
    fts: "tasks_fts",
    textColumns: "title body",
    facets: [...idsOfPath(actor.orgPath).map((id) => `t${id}`), `p${actor.personId}`, ...scopes(actor, "task.manage").map((r) => `o${rootId(r)}`)],
    join: (key) => sql`CROSS JOIN ${tasks} NOT INDEXED ON ${tasks.id} = ${key} CROSS JOIN ${organizations} NOT INDEXED ON ${organizations.id} = ${tasks.orgId}`,
    columns: sql`${tasks.id} AS id, ${tasks.title} AS title, NULL AS kind, NULL AS number, ${tasks.status} AS status, ${organizations.name} AS orgName,
      coalesce(${tasks.publishedAt}, ${tasks.createdAt}) AS date`,
    where: and(scope, ...filters)!,
    type: "task",
    key: `task\u0000${actor.personId}\u0000${JSON.stringify([p.status, p.area, p.year])}`,
  });
}

function initiativeSource(ctx: Ctx, actor: Actor, p: SearchInput): Source | null {
  if (p.type === "tasks" || (p.status && !isInitiativeStatus(p.status))) return null;
  const roots = [...scopes(actor, "initiative.receive"), ...scopes(actor, "initiative.audit")];
  // Registrations received within the actor's receive/audit subtrees (never drafts), and the
  // actor's own as creator or co-author — the inbox and "mine" of initiatives-lists.server.ts.
  const scope = or(and(inboxScope(actor), ne(initiatives.status, "draft")), mine(ctx, actor.personId))!;
  const filters: SQL[] = [];
  if (p.status) filters.push(eq(initiatives.status, p.status));
  if (p.area) filters.push(sql`EXISTS (SELECT 1 FROM ${tasks} t WHERE t.id = ${initiatives.taskId} AND (',' || t.areas || ',') LIKE ${`%,${p.area},%`})`);
  if (p.year) {
    const [from, to] = periodRange(p.year, null);
    const at = sql`coalesce(${initiatives.submittedAt}, ${initiatives.createdAt})`;
    filters.push(sql`${at} >= ${from}`, sql`${at} < ${to}`);
  }
  return source(ctx, {
    fts: "initiatives_fts",
    textColumns: "number title body",
    facets: [...new Set(roots.map((r) => `o${rootId(r)}`)), `p${actor.personId}`],
    join: (key) =>
      sql`CROSS JOIN ${initiatives} NOT INDEXED ON ${initiatives.id} = ${key} CROSS JOIN ${organizations} NOT INDEXED ON ${organizations.id} = ${initiatives.receivingOrgId}`,
    columns: sql`${initiatives.id} AS id, ${initiatives.title} AS title, ${initiatives.kind} AS kind, ${initiatives.registrationNumber} AS number,
      ${initiatives.status} AS status, ${organizations.name} AS orgName, coalesce(${initiatives.submittedAt}, ${initiatives.updatedAt}) AS date`,
    where: and(scope, ...filters)!,
    type: "initiative",
    key: `initiative\u0000${actor.personId}\u0000${JSON.stringify([p.status, p.area, p.year])}`,
  });
}

type Segment = {
  source: Source;
  text: string;
  count: number;
  /** for the "every token" group: the phrase matches to skip */ skip: {
    text: string;
    count: number;
  } | null;
};

/**
 * Search tasks and initiatives the actor may see. Order: phrase matches (tasks, then
 * initiatives), then matches of every token that are not phrase matches; newest first in each.
 * `total` stops at SEARCH_CAP (`capped` tells there are more); `page` is clamped to the pages there are.
 */
export function search(ctx: Ctx, input: SearchInput): SearchResult {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const tokens = searchTokens(input.q);
  if (!tokens.length) return { rows: [], total: 0, capped: false, page: 1, pageCount: 1, tokens };
  const sources = [taskSource(ctx, actor, input), initiativeSource(ctx, actor, input)].filter((s): s is Source => !!s);
  const phrase = quote(tokens.join(" "));
  const every = tokens.length > 1 ? tokens.map(quote).join(" AND ") : null;

  // Count lazily: once past the cap, later segments cannot be reached by any offered page.
  const segments: Segment[] = [];
  let sum = 0;
  for (const s of sources) {
    if (sum > SEARCH_CAP) break;
    const count = s.count(phrase);
    segments.push({ source: s, text: phrase, count, skip: null });
    sum += count;
  }
  if (every) {
    for (const [i, s] of sources.entries()) {
      if (sum > SEARCH_CAP) break;
      const phraseCount = segments[i].count;
      const count = Math.max(0, s.count(every) - phraseCount);
      segments.push({
        source: s,
        text: every,
        count,
        skip: phraseCount ? { text: phrase, count: phraseCount } : null,
      });
      sum += count;
    }
  }
  const total = Math.min(sum, SEARCH_CAP);
  const pageCount = Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page ?? 1), pageCount);

  const rows: SearchRow[] = [];
  let offset = (page - 1) * SEARCH_PAGE_SIZE;
  let need = Math.min(SEARCH_PAGE_SIZE, total - offset);
  for (const seg of segments) {
    if (need <= 0) break;
    if (offset >= seg.count) {
      offset -= seg.count;
      continue;
    }
    const take = Math.min(need, seg.count - offset);
    let ids: number[];
    if (!seg.skip) ids = seg.source.ids(seg.text, take, offset);
    else {
      // Every-token matches minus the phrase matches (a subset of them): at most SEARCH_CAP ids each.
      const skip = new Set(seg.source.ids(seg.skip.text, seg.skip.count));
      ids = seg.source
        .ids(seg.text, offset + take + skip.size)
        .filter((id) => !skip.has(id))
        .slice(offset, offset + take);
    }
    rows.push(...seg.source.rows(ids));
    need -= take;
    offset = 0;
  }
  return { rows, total, capped: sum > SEARCH_CAP, page, pageCount, tokens };
}

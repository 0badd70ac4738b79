// The two kinds of things search finds (tasks, initiatives) as sources: each counts its matches
// in the actor's reach, lists their ids in result order and reads a page's rows
// (search.server.ts orders and pages them). The statements are described in search.server.ts.
import { and, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { initiatives, organizations, tasks, type InitiativeKind } from "../../db/schema";
import { scopes, type Actor } from "~/auth/policy";
import { isInitiativeStatus, isTaskStatus, type SearchParams, type SearchStatus } from "~/schemas/search";
import type { Ctx } from "./context.server";
import { actorKey, compiled } from "./compiled.server";
import { rememberUntilChange } from "./count-memo.server";
import { inboxScope, periodRange } from "./initiatives-inbox.server";
import { mine } from "./initiatives-lists.server";
import { idsOfPath } from "./orgs-shared.server";
import { pathScope } from "./scope.server";
import { reachScope } from "./tasks-read.server";

export const SEARCH_CAP = 1000;

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

export type SearchInput = Pick<SearchParams, "q"> & Partial<Omit<SearchParams, "q">>;

export const quote = (token: string) => `"${token.replace(/"/g, '""')}"`;

/** Text columns only (never the facets), AND the actor's facets. */
function matchExpr(columns: string, text: string, facets: string[]): string {
  return `{${columns}} : (${text}) AND facets : (${facets.map(quote).join(" OR ")})`;
}

/** "/1/17/230/" → 230: the facet token of a subtree root. */
const rootId = (path: string) => idsOfPath(path).at(-1) ?? 0;

export type Source = {
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
  type: SearchRow["type"];
  /** Names everything `parts` depends on (the actor's scope and the filters): the statements are
   * built once per key, and counts remembered per key. */
  key: string;
  /** The statements' pieces, built only when a statement of this key is not kept yet (building
   * the scope's conditions on every search cost ~0.4 ms of a search page). */
  parts: () => {
    /** The base table and its organization, joined to a driving key by that key. */
    join: (key: SQL) => SQL;
    columns: SQL;
    where: SQL;
  };
};

function source(ctx: Ctx, spec: Spec): Source {
  const fts = sql.raw(spec.fts);
  let built: ReturnType<Spec["parts"]> | undefined;
  const parts = () => (built ??= spec.parts());
  const from = () => sql`${fts} ${parts().join(sql`${fts}.rowid`)}`;
  const where = (match: SQL | string) => and(sql`${fts} MATCH ${match}`, parts().where);
  const match = (text: string) => matchExpr(spec.textColumns, text, spec.facets);
  const href = spec.type === "task" ? "/nhiem-vu/" : "/sang-kien/";
  // The page's statements are the same for every search with this key: built once (compiled.server.ts).
  const idsQuery = compiled<{ id: number }>(ctx.db, `search ids\u0000${spec.key}`, () =>
    sql`SELECT ${fts}.rowid AS id FROM ${from()} WHERE ${where(sql`${sql.placeholder("match")}`)} ORDER BY ${fts}.rowid DESC LIMIT ${sql.placeholder("limit")} OFFSET ${sql.placeholder("offset")}`,
  );
  const rowsQuery = compiled<Omit<SearchRow, "type" | "href">>(ctx.db, `search rows\u0000${spec.key}`, () =>
    // The page's ids drive the lookups by key; the scope is checked again.
    sql`SELECT ${parts().columns} FROM json_each(${sql.placeholder("ids")}) AS ids ${parts().join(sql`ids.value`)} WHERE ${parts().where}`,
  );
  return {
    // Counted once per state of the database: the pages of one search count the same matches.
    count: (text) =>
      rememberUntilChange(ctx.db, `search\u0000${spec.key}\u0000${text}`, () =>
        ctx.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM (SELECT 1 FROM ${from()} WHERE ${where(match(text))} LIMIT ${SEARCH_CAP + 1})`)!.n,
      ),
    ids: (text, limit, offset = 0) => idsQuery.all({ match: match(text), limit, offset }).map((r) => r.id),
    rows: (ids) => {
      if (!ids.length) return [];
      const found = rowsQuery.all({ ids: JSON.stringify(ids) });
      // The row's own columns after the new ones (rows.server.ts: a spread copy that gains a property is slow).
      const byId = new Map(found.map((r) => [r.id, { type: spec.type, href: `${href}${r.id}`, ...r }]));
      return ids.map((id) => byId.get(id)).filter((r): r is SearchRow => !!r);
    },
  };
}

export function taskSource(ctx: Ctx, actor: Actor, p: SearchInput): Source | null {
  if (p.type === "initiatives" || (p.status && !isTaskStatus(p.status))) return null;
  const status = p.status && isTaskStatus(p.status) ? p.status : null;
  return source(ctx, {
    fts: "tasks_fts",
    textColumns: "title body",
    facets: [...idsOfPath(actor.orgPath).map((id) => `t${id}`), `p${actor.personId}`, ...scopes(actor, "task.manage").map((r) => `o${rootId(r)}`)],
    type: "task",
    key: `task\u0000${actorKey(actor)}\u0000${JSON.stringify([p.status, p.area, p.year])}`,
    parts: () => {
      // Published or closed tasks that reach the actor, and every task of the organizations where
      // they manage tasks (drafts included) — the two lists of tasks-read.server.ts.
      const scope = or(and(inArray(tasks.status, ["published", "closed"]), reachScope(ctx, actor)), pathScope(organizations.path, actor, "task.manage"))!;
      const filters: SQL[] = [];
      if (status) filters.push(eq(tasks.status, status));
      if (p.area) filters.push(sql`(',' || ${tasks.areas} || ',') LIKE ${`%,${p.area},%`}`);
      if (p.year) filters.push(eq(tasks.periodYear, p.year));
      return {
        join: (key) => sql`CROSS JOIN ${tasks} NOT INDEXED ON ${tasks.id} = ${key} CROSS JOIN ${organizations} NOT INDEXED ON ${organizations.id} = ${tasks.orgId}`,
        columns: sql`${tasks.id} AS id, ${tasks.title} AS title, NULL AS kind, NULL AS number, ${tasks.status} AS status, ${organizations.name} AS orgName,
          coalesce(${tasks.publishedAt}, ${tasks.createdAt}) AS date`,
        where: and(scope, ...filters)!,
      };
    },
  });
}

export function initiativeSource(ctx: Ctx, actor: Actor, p: SearchInput): Source | null {
  if (p.type === "tasks" || (p.status && !isInitiativeStatus(p.status))) return null;
  const status = p.status && isInitiativeStatus(p.status) ? p.status : null;
  const roots = [...scopes(actor, "initiative.receive"), ...scopes(actor, "initiative.audit")];
  return source(ctx, {
    fts: "initiatives_fts",
    textColumns: "number title body",
    facets: [...new Set(roots.map((r) => `o${rootId(r)}`)), `p${actor.personId}`],
    type: "initiative",
    key: `initiative\u0000${actorKey(actor)}\u0000${JSON.stringify([p.status, p.area, p.year])}`,
    parts: () => {
      // Registrations received within the actor's receive/audit subtrees (never drafts), and the
      // actor's own as creator or co-author — the inbox and "mine" of initiatives-lists.server.ts.
      const scope = or(and(inboxScope(actor), ne(initiatives.status, "draft")), mine(ctx, actor.personId))!;
      const filters: SQL[] = [];
      if (status) filters.push(eq(initiatives.status, status));
      if (p.area) filters.push(sql`EXISTS (SELECT 1 FROM ${tasks} t WHERE t.id = ${initiatives.taskId} AND (',' || t.areas || ',') LIKE ${`%,${p.area},%`})`);
      if (p.year) {
        const [from, to] = periodRange(p.year, null);
        const at = sql`coalesce(${initiatives.submittedAt}, ${initiatives.createdAt})`;
        filters.push(sql`${at} >= ${from}`, sql`${at} < ${to}`);
      }
      return {
        join: (key) =>
          sql`CROSS JOIN ${initiatives} NOT INDEXED ON ${initiatives.id} = ${key} CROSS JOIN ${organizations} NOT INDEXED ON ${organizations.id} = ${initiatives.receivingOrgId}`,
        columns: sql`${initiatives.id} AS id, ${initiatives.title} AS title, ${initiatives.kind} AS kind, ${initiatives.registrationNumber} AS number,
          ${initiatives.status} AS status, ${organizations.name} AS orgName, coalesce(${initiatives.submittedAt}, ${initiatives.updatedAt}) AS date`,
        where: and(scope, ...filters)!,
      };
    },
  });
}

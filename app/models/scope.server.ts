// Turning the policy's subtree roots into SQL: every list query is scoped with this.
import { and, gte, lt, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { scopes, type Actor, type Permission } from "~/auth/policy";

/** The subtree rooted at `path` (itself included) as an index range: paths hold only digits
 * and "/", and "0" follows "/" in byte order, so [prefix, prefix-without-slash + "0").
 * (A LIKE 'prefix%' would scan: SQLite's LIKE is case-insensitive and so cannot use a BINARY index.) */
export function underPath(column: SQLiteColumn, path: string): SQL {
  const [from, to] = pathRange(path);
  return and(gte(column, from), lt(column, to))!;
}

/** [from, to) of the paths in the subtree rooted at `path` (see underPath). */
export function pathRange(path: string): [string, string] {
  return [path, `${path.slice(0, -1)}0`];
}

/** Rows whose path lies in a subtree where the actor holds `permission`; false when none. */
export function pathScope(column: SQLiteColumn, actor: Actor | null, permission: Permission): SQL {
  const roots = scopes(actor, permission);
  if (roots.length === 0) return sql`0`;
  return or(...roots.map((root) => underPath(column, root)))!;
}

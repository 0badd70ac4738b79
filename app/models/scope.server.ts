// Turning the policy's subtree roots into SQL: every list query is scoped with this.
import { like, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { scopes, type Actor, type Permission } from "~/auth/policy";

/** `path LIKE '/1/17/%' OR …` for each root the actor holds `permission` on; false when none. */
export function pathScope(column: SQLiteColumn, actor: Actor | null, permission: Permission): SQL {
  const roots = scopes(actor, permission);
  if (roots.length === 0) return sql`0`;
  return or(...roots.map((root) => like(column, `${root}%`)))!;
}

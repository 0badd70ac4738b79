import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { resolve } from "node:path";
import type { Handle } from "./client";
import { viSortKey } from "~/models/people-sort.server";

// Commands and the server run from the project folder (npm scripts do).
export const MIGRATIONS = resolve(process.env.MIGRATIONS_DIR ?? "drizzle");

export function migrateDatabase(handle: Handle): void {
  migrate(handle.db, { migrationsFolder: MIGRATIONS });
  backfillSortKeys(handle);
}

/** Rows written before people.sort_key existed get their key (a no-op afterwards). */
function backfillSortKeys({ sqlite }: Handle): void {
  const rows = sqlite.prepare("SELECT id, given_name AS g, family_name AS f, middle_name AS m FROM people WHERE sort_key = ''").all() as {
    id: number;
    g: string;
    f: string;
    m: string;
  }[];
  if (rows.length === 0) return;
  const set = sqlite.prepare("UPDATE people SET sort_key = ? WHERE id = ?");
  sqlite.transaction(() => rows.forEach((r) => set.run(viSortKey(r.g, r.f, r.m), r.id)))();
}

import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { resolve } from "node:path";
import type { Handle } from "./client";

// Commands and the server run from the project folder (npm scripts do).
export const MIGRATIONS = resolve(process.env.MIGRATIONS_DIR ?? "drizzle");

export function migrateDatabase(handle: Handle): void {
  migrate(handle.db, { migrationsFolder: MIGRATIONS });
}

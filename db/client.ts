import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { migrateDatabase } from "./migrate";
import * as schema from "./schema";

// drizzle() also exposes the better-sqlite3 connection as $client (prepared hot-path statements).
export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Handle = { sqlite: Database.Database; db: Db };

export function databasePath(): string {
  return process.env.DATABASE_PATH ?? "data/portal.db";
}

/** Open a database with the pragmas the records need (WAL, FULL sync: they are evidence). */
export function openDatabase(file = databasePath()): Handle {
  if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // 16 MB of pages kept in each connection (SQLite's default is 2 MB): at city scale a list page
  // reads a few hundred pages of people, organizations and initiatives, and each page not in
  // this cache is a system call to the OS's copy. (32 MB per server process took the two
  // processes over the memory budget.)
  sqlite.pragma("cache_size = -16384");
  return { sqlite, db: drizzle(sqlite, { schema }) };
}

declare global {
  // eslint-disable-next-line no-var
  var __portalDb: Handle | undefined;
}

/** The process-wide connection of the server, migrated when first opened so that a server
 * started on an older database (npm run serve after an update) never meets a stale schema. */
export function getHandle(): Handle {
  if (!globalThis.__portalDb) {
    const handle = openDatabase();
    migrateDatabase(handle);
    globalThis.__portalDb = handle;
  }
  return globalThis.__portalDb;
}

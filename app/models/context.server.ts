import type Database from "better-sqlite3";
import type { Db } from "../../db/client";
import type { Secrets } from "../../db/secrets";
import type { Actor } from "~/auth/policy";

export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** What every model function takes first: the database, who is acting, the portal's keys. */
export type Ctx = {
  db: Db;
  actor: Actor | null;
  secrets: Secrets;
  /** The server clock; tests move it to check expiry and lockout. */
  now: () => Date;
};

/** One IMMEDIATE write transaction: check, write and ledger together or not at all. */
export function write<T>(ctx: Ctx, fn: (tx: Tx) => T): T {
  return ctx.db.transaction(fn, { behavior: "immediate" });
}

export function nowIso(ctx: Ctx): string {
  return ctx.now().toISOString();
}

/** The better-sqlite3 connection behind a database or one of its transactions: drizzle keeps
 * it as the session's client on both (the database also exposes it as $client). */
export function sqliteOf(db: Db | Tx): Database.Database {
  return (db as unknown as { session: { client: Database.Database } }).session.client;
}

// Values computed from the database, remembered until the database changes: a list's total or
// a home card's number over a whole city counts tens of thousands of index entries (~10 ms), a
// council's figures read every sheet; asked again before any write they give the same answer,
// so they are kept. "Before any write" is exact, not a time-out: the key includes this
// connection's total_changes() (every row this process inserts, updates or deletes, in any
// transaction) and PRAGMA data_version (which moves when another connection commits: the
// server's other processes, a command-line tool; the ledger worker never writes).
import type Database from "better-sqlite3";
import type { Db } from "../../db/client";

const MAX_ENTRIES = 2_000;
const CHECK_KEYS = process.env.NODE_ENV !== "production";

type Memo = { version: Database.Statement; entries: Map<string, { at: string; value: unknown }> };
const memos = new WeakMap<Database.Database, Memo>();

function memoOf(sqlite: Database.Database): Memo {
  let memo = memos.get(sqlite);
  if (!memo) {
    memo = { version: sqlite.prepare("SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS data"), entries: new Map() };
    memos.set(sqlite, memo);
  }
  return memo;
}

/** `compute()`, once per state of the database. The key must name everything the value depends
 * on (a query's SQL and parameters, the actor…). */
export function rememberUntilChange<T>(db: Db, key: string, compute: () => T): T {
  const memo = memoOf(db.$client);
  const v = memo.version.get() as { changes: number; data: number };
  const at = `${v.changes}:${v.data}`;
  const hit = memo.entries.get(key);
  if (hit && hit.at === at) return hit.value as T;
  const value = compute();
  memo.entries.delete(key);
  memo.entries.set(key, { at, value });
  if (memo.entries.size > MAX_ENTRIES) memo.entries.delete(memo.entries.keys().next().value!);
  return value;
}

/** Drop what this connection remembers (the query-plan tests see every statement run). */
export function forgetRemembered(db: Db): void {
  memos.delete(db.$client);
}

type CountQuery = { get(): { n: number } | undefined; toSQL(): { sql: string; params: unknown[] } };

const countKeys = new Map<string, string>();

/** A count query's result (`select({ n: count() })…`), once per state of the database. The query
 * is built only when its count is not remembered (building it with the query builder cost as much
 * as running it), so `key` must name everything its SQL and parameters depend on (an actorKey, a
 * date…). Outside production the query is built every time anyway, and a key that gave two
 * different queries is an error. */
export function memoCount(db: Db, key: string, build: () => CountQuery): number {
  if (CHECK_KEYS) {
    const { sql, params } = build().toSQL();
    const query = `${sql}\u0000${JSON.stringify(params)}`;
    const seen = countKeys.get(key);
    if (seen !== undefined && seen !== query) throw new Error(`count-memo: key "${key}" gave two queries:\n${seen}\n${query}`);
    countKeys.set(key, query);
  }
  return rememberUntilChange(db, `count\u0000${key}`, () => build().get()!.n);
}

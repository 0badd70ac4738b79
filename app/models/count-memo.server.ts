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

/** A count query's result (`select({ n: count() })…`), once per state of the database. */
export function memoCount(db: Db, query: CountQuery): number {
  const { sql, params } = query.toSQL();
  return rememberUntilChange(db, `${sql}\u0000${JSON.stringify(params)}`, () => query.get()!.n);
}

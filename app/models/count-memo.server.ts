// Exact counts remembered until the database changes. A list's total or a home card's number
// over a whole city counts tens of thousands of index entries (~10 ms); the same count asked
// again before any write gives the same answer, so it is kept. "Before any write" is exact,
// not a time-out: the key includes this connection's total_changes() (every row this process
// inserts, updates or deletes, in any transaction) and PRAGMA data_version (which moves when
// another connection — a command-line tool, the ledger worker never writes — commits).
import type Database from "better-sqlite3";
import type { Db } from "../../db/client";

const MAX_ENTRIES = 2_000;

type Memo = { version: Database.Statement; entries: Map<string, { at: string; n: number }> };
const memos = new WeakMap<Database.Database, Memo>();

function memoOf(sqlite: Database.Database): Memo {
  let memo = memos.get(sqlite);
  if (!memo) {
    memo = { version: sqlite.prepare("SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS data"), entries: new Map() };
    memos.set(sqlite, memo);
  }
  return memo;
}

/** A query's count, computed once per state of the database. The key must name everything
 * the count depends on (the query's SQL and parameters). */
export function memoCount(db: Db, key: string, count: () => number): number {
  const memo = memoOf(db.$client);
  const v = memo.version.get() as { changes: number; data: number };
  const at = `${v.changes}:${v.data}`;
  const hit = memo.entries.get(key);
  if (hit && hit.at === at) return hit.n;
  const n = count();
  memo.entries.delete(key);
  memo.entries.set(key, { at, n });
  if (memo.entries.size > MAX_ENTRIES) memo.entries.delete(memo.entries.keys().next().value!);
  return n;
}

/** The key of a drizzle query: its SQL text and parameters. */
export function queryKey(query: { toSQL(): { sql: string; params: unknown[] } }): string {
  const { sql, params } = query.toSQL();
  return `${sql}\u0000${JSON.stringify(params)}`;
}

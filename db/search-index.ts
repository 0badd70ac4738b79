// The search indexes' upkeep (drizzle/0007_search_fts.sql). FTS5 writes a new segment per writing
// transaction and merges segments only in steps, so an index filled row by row keeps several, and
// every search walks each token's postings in all of them. 'optimize' merges each index into one
// segment and drops the tombstones of deleted rows: the city's search statements took half the time.
import type { Database } from "better-sqlite3";

export const SEARCH_INDEXES = ["initiatives_fts", "tasks_fts"] as const;

/** The segments an index has now: every search walks each of them. */
export function segmentsOf(sqlite: Database, name: (typeof SEARCH_INDEXES)[number]): number {
  return (sqlite.prepare(`SELECT count(DISTINCT segid) AS n FROM ${name}_idx`).get() as { n: number }).n;
}

/** Merge each search index into one segment; returns the segments there were before. */
export function optimizeSearchIndexes(sqlite: Database): Record<(typeof SEARCH_INDEXES)[number], number> {
  const before = {} as Record<(typeof SEARCH_INDEXES)[number], number>;
  sqlite.transaction(() => {
    for (const name of SEARCH_INDEXES) {
      before[name] = segmentsOf(sqlite, name);
      sqlite.prepare(`INSERT INTO ${name} (${name}) VALUES ('optimize')`).run();
    }
  }).immediate();
  return before;
}

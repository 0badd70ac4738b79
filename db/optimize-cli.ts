// npm run db:optimize — merges the search indexes into one segment each (db/search-index.ts). For
// cron, e.g. nightly: the indexes grow a segment per registration and merge them only in steps.
// It holds the write lock for a few seconds at city scale; submissions wait for it (busy timeout).
import { databasePath, openDatabase } from "./client";
import { optimizeSearchIndexes } from "./search-index";

const handle = openDatabase();
try {
  const started = performance.now();
  const before = optimizeSearchIndexes(handle.sqlite);
  const segments = Object.entries(before).map(([name, n]) => `${name} ${n} → 1`).join(", ");
  console.log(`Đã gộp chỉ mục tìm kiếm (${databasePath()}): ${segments}, ${Math.round(performance.now() - started)} ms.`);
  console.log(`Search indexes merged: ${segments}.`);
} catch (error) {
  console.error(`Gộp chỉ mục thất bại / optimizing the search indexes failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  handle.sqlite.close();
}

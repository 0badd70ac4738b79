// npm run db:optimize — merges the search indexes into one segment each (db/search-index.ts). For
// a nightly cron at a quiet hour: the indexes grow a segment per registration and merge them only
// in steps. It holds the write lock ~2 s at city scale; a submission arriving then waits for it
// (busy timeout), and its server process with it.
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

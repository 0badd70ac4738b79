// The search indexes' upkeep: merging each into one segment keeps every match where it was, and
// the city seed leaves them merged.
import { randomUUID } from "node:crypto";
import { copyFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Handle } from "../../db/client";
import { optimizeSearchIndexes, SEARCH_INDEXES } from "../../db/search-index";
import { BASE_DB, TMP_DIR } from "../helpers/paths";

const segments = (h: Handle, name: string) => (h.sqlite.prepare(`SELECT count(DISTINCT segid) AS n FROM ${name}_idx`).get() as { n: number }).n;
const matches = (h: Handle, text: string) =>
  (h.sqlite.prepare("SELECT rowid FROM initiatives_fts WHERE initiatives_fts MATCH ? ORDER BY rowid DESC").all(text) as { rowid: number }[]).map((r) => r.rowid);

describe("optimizeSearchIndexes", () => {
  let handle: Handle | undefined;
  afterEach(() => handle?.sqlite.close());

  it("merges an index written in many transactions into one segment, with the same matches", () => {
    const file = resolve(TMP_DIR, `fts-${randomUUID()}.db`);
    copyFileSync(BASE_DB, file);
    handle = openDatabase(file);
    const insert = handle.sqlite.prepare("INSERT INTO initiatives_fts (rowid, number, title, body, facets) VALUES (?, ?, ?, ?, ?)");
    // One transaction per row, as registrations arrive: a segment each until FTS5 merges some.
    for (let id = 900_001; id <= 900_012; id++) insert.run(id, `SK-2026-${id}`, id % 3 ? "Nạo vét kênh rạch" : "Minh bạch thu phí chợ", "phong ngua tham nhung", `o${id % 2}`);
    handle.sqlite.prepare("DELETE FROM initiatives_fts WHERE rowid = ?").run(900_004);
    const queries = ['"nao vet" AND facets : "o1"', '"tham nhung"', '"minh bach"'];
    const before = queries.map((q) => matches(handle!, q));
    expect(segments(handle, "initiatives_fts")).toBeGreaterThan(1);

    const counted = optimizeSearchIndexes(handle.sqlite);

    expect(counted.initiatives_fts).toBeGreaterThan(1);
    for (const name of SEARCH_INDEXES) expect(segments(handle, name)).toBeLessThanOrEqual(1);
    expect(queries.map((q) => matches(handle!, q))).toEqual(before);
    expect(before[1]).toHaveLength(11);
    expect(before[1]).not.toContain(900_004);
  });
});

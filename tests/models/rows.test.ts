// allRows reads rows as arrays and shapes them itself: the rows must be exactly what
// statement.all gives, and the statement must be left as it was found, even when it fails.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { allRows } from "~/models/rows.server";

function sample() {
  const db = new Database(":memory:");
  db.exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL, note TEXT, data BLOB);
    INSERT INTO t VALUES (1, 'Nguyễn Văn A', 7.5, NULL, x'0102'), (2, 'Trần Thị "B"', NULL, 'ghi chú', NULL);`);
  return db;
}

describe("allRows", () => {
  it("gives the objects statement.all gives: names, order, nulls, numbers, blobs, parameters", () => {
    const db = sample();
    const s = db.prepare("SELECT id, name AS \"full name\", score, note, data, id * 2 AS twice FROM t WHERE id >= ? ORDER BY id");
    expect(allRows(s, 1)).toEqual(s.all(1));
    expect(Object.keys(allRows(s, 1)[0] as object)).toEqual(["id", "full name", "score", "note", "data", "twice"]);
    const named = db.prepare("SELECT id, name FROM t WHERE id = @id");
    expect(allRows(named, { id: 2 })).toEqual([{ id: 2, name: 'Trần Thị "B"' }]);
    expect(allRows(s, 9)).toEqual([]);
  });

  it("leaves the statement giving objects, also after a failed run", () => {
    const db = sample();
    const s = db.prepare("SELECT id FROM t WHERE id = ?");
    allRows(s, 1);
    expect(s.get(1)).toEqual({ id: 1 });
    expect(() => allRows(s)).toThrow();
    expect(s.get(1)).toEqual({ id: 1 });
  });

  it("keeps the last of two columns of one name, as better-sqlite3 does", () => {
    const db = sample();
    const s = db.prepare("SELECT 1 AS a, 2 AS a");
    expect(allRows(s)).toEqual(s.all());
  });
});

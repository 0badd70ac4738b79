// app/models/count-memo.server.ts: a count is remembered until the database changes, its query is
// built only when it is not remembered, and (outside production) a key that names two different
// queries is refused instead of answering one query with the other's count.
import { count, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { organizations } from "../../db/schema";
import { memoCount } from "~/models/count-memo.server";
import { freshDb, type TestDb } from "../helpers/db";

let t: TestDb;
beforeEach(() => (t = freshDb()));
afterEach(() => t.close());

describe("memoCount", () => {
  it("answers from memory until a write, then counts again", () => {
    const db = t.handle.db;
    const root = t.org("TP", null, "city");
    let builds = 0;
    const children = () =>
      memoCount(db, `test children\u0000${root.id}`, () => {
        builds++;
        return db.select({ n: count() }).from(organizations).where(eq(organizations.parentId, root.id));
      });
    expect(children()).toBe(0);
    const afterFirst = builds;
    expect(children()).toBe(0);
    // Outside production the query is built once more per call to check the key; the count is not run again.
    expect(builds - afterFirst).toBe(1);
    t.org("P1", root.id, "ward");
    expect(children()).toBe(1);
  });

  it("refuses a key that names two different queries", () => {
    const db = t.handle.db;
    const root = t.org("TP", null, "city");
    const other = t.org("P1", root.id, "ward");
    const by = (id: number) => () => db.select({ n: count() }).from(organizations).where(eq(organizations.parentId, id));
    memoCount(db, "test same key", by(root.id));
    expect(() => memoCount(db, "test same key", by(other.id))).toThrow(/gave two queries/);
  });
});

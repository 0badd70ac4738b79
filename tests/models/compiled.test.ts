// Statements kept prepared by key: values are bound per call, and outside production a key that
// does not name everything the SQL depends on is caught the first time it gives two statements.
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, expect, it } from "vitest";
import { compiled } from "~/models/compiled.server";
import { freshDb, type TestDb } from "../helpers/db";

let t: TestDb;
beforeEach(() => {
  t = freshDb();
});
afterEach(() => t.close());

it("binds each call's values to the statement built once", () => {
  let builds = 0;
  const query = (min: number) =>
    compiled<{ n: number }>(t.handle.db, "numbers", () => {
      builds++;
      return sql`SELECT value AS n FROM json_each(${sql.placeholder("list")}) WHERE value >= ${min} ORDER BY value LIMIT ${sql.placeholder("limit")}`;
    });
  expect(query(2).all({ list: "[1,2,3,4]", limit: 2 })).toEqual([{ n: 2 }, { n: 3 }]);
  expect(query(2).all({ list: "[5,1]", limit: 5 })).toEqual([{ n: 5 }]);
  // Outside production a kept statement's SQL is built again to compare; it is not prepared again.
  expect(builds).toBe(2);
});

it("refuses a key that gave two different statements", () => {
  const query = (column: string) => compiled(t.handle.db, "one key", () => sql`SELECT ${sql.raw(column)} FROM json_each('[1]')`);
  query("value").all({});
  expect(() => query("key").all({})).toThrow(/gave two statements/);
});

// The query plans of search: every statement starts from the FTS index (a SCAN of the virtual
// table is how FTS5 is read; json_each drives the lookups of a page's rows by key) and reaches
// the tables by key or index, never by a SCAN of tasks, initiatives or any other table, and
// pages are read in index order (no sort of the matches). SEARCH_PLANS=1 prints the plans.
import { capture as captureStatements } from "../helpers/query-plan";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { forgetRemembered } from "~/models/count-memo.server";
import { search, type SearchInput } from "~/models/search.server";
import { createTask, publishTask } from "~/models/tasks.server";
import { submit } from "~/models/initiatives.server";
import { draft, tree, type Tree } from "./initiatives-fixture";

let x: Tree;
beforeEach(() => {
  x = tree();
});
afterEach(() => x.t.close());

/** Run `fn`, capturing every statement it executes with its parameters. */
function capture(fn: () => void): { sql: string; params: unknown[] }[] {
  return captureStatements(x.t.handle.sqlite, fn);
}

describe("search query plans", () => {
  it("never scans a table and never sorts the matches", () => {
    const leader = x.as(x.p.wardLeader);
    for (let k = 0; k < 3; k++) {
      const { id } = createTask(leader, {
        orgId: x.o.p1,
        title: `Phòng ngừa tham nhũng ${k}`,
        areas: ["corruption"],
        description: "x",
        periodYear: 2026,
        periodQuarter: 4,
        deadline: "2026-12-31",
        targets: [],
        assignees: [],
      });
      publishTask(leader, id);
      submit(x.as(x.p.cadre), draft(x.as(x.p.cadre)));
    }
    const inputs: SearchInput[] = [
      { q: "phong ngua tham nhung" },
      { q: "tham nhung phong ngua", page: 2 },
      {
        q: "so hoa",
        type: "initiatives",
        status: "submitted",
        area: "corruption",
        year: 2026,
      },
      {
        q: "phong",
        type: "tasks",
        status: "published",
        area: "corruption",
        year: 2026,
      },
    ];
    const actors = [x.p.cadre, x.p.wardLeader, x.p.inspector, x.p.cityLeader];
    let checked = 0;
    // Without statistics, and with the statistics of a tiny database (which tempt the planner
    // to scan small tables instead of looking rows up by key).
    for (const analyzed of [false, true]) {
      if (analyzed) x.t.handle.sqlite.exec("ANALYZE");
      for (const person of actors) {
        const ctx = x.as(person);
        for (const input of inputs) {
          forgetRemembered(ctx.db);
          const statements = capture(() => search(ctx, input));
          for (const { sql, params } of statements) {
            const plan = (x.t.handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
            if (process.env.SEARCH_PLANS) console.log(`${sql.slice(0, 90)}…\n  ${plan.join("\n  ")}`);
            for (const step of plan) {
              // With a tiny database's statistics the planner may read a 3-row link table whole
              // once per statement (task_targets in a LIST SUBQUERY); the main tables never.
              expect(step, sql).not.toMatch(
                analyzed ? /^SCAN (tasks|initiatives|organizations)\b/ : /^SCAN (?!\w+ VIRTUAL TABLE|\(subquery|CONSTANT ROW)/
              );
              expect(step, sql).not.toMatch(/USE TEMP B-TREE/);
            }
            if (sql.includes(" MATCH "))
              expect(
                plan.find((s) => s.startsWith("SCAN")),
                sql
              ).toMatch(/_fts VIRTUAL TABLE/);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(80);
  });
});

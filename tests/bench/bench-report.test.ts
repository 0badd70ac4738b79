// The benchmark's verdicts: each page's ratio is to the sign-in page measured just before it,
// so that a run whose machine sped up or slowed down midway judges like with like.
import { describe, expect, it } from "vitest";
import type { LoadResult } from "./bench-load";
import { judge, renderMarkdown, type RunRecord } from "./bench-report";

function result(name: string, group: LoadResult["group"], rps: number, extra: Partial<LoadResult> = {}): LoadResult {
  return { name, group, rps, p50: 100, p90: 150, p99: 200, max: 220, requests: rps * 10, bad: 0, errors: 0, statuses: { 200: rps * 10 }, durationS: 10, ...extra };
}

describe("judge", () => {
  it("divides by the sign-in page measured just before the page", () => {
    const rows = judge([result("sign-in", "signin", 300), result("inbox", "list", 200, { referenceRps: 800 })], 0);
    expect(rows[1]!.ratio).toBeCloseTo(0.25);
    expect(rows[1]!.verdict).toBe("FAIL (ratio < 0.5)");
  });

  it("falls back to the run's sign-in scenario when no reference was measured", () => {
    const rows = judge([result("sign-in", "signin", 300), result("inbox", "list", 200)], 0);
    expect(rows[1]!.ratio).toBeCloseTo(2 / 3);
    expect(rows[1]!.verdict).toBe("ok");
  });

  it("gives the stack's floor a ratio and no verdict, unless its responses were bad", () => {
    const rows = judge(
      [result("sign-in", "signin", 300), result("floor", "reference", 120, { referenceRps: 400, p99: 300 }), result("floor, bad", "reference", 120, { bad: 1 })],
      0,
    );
    expect(rows[1]!.ratio).toBeCloseTo(0.3);
    expect(rows[1]!.verdict).toBe("—");
    expect(rows[2]!.verdict).toBe("FAIL (1 bad)");
  });

  it("judges p99, errors, search ratio and submissions on their own budgets", () => {
    const rows = judge(
      [
        result("sign-in", "signin", 500),
        result("search", "search", 140, { referenceRps: 500, p99: 300 }),
        result("submit", "submit", 150, { bad: 2 }),
      ],
      3,
    );
    expect(rows[1]!.verdict).toBe("FAIL (p99 ≥ 250, ratio < 0.3)");
    expect(rows[2]!.verdict).toBe("FAIL (2 bad, < 200/s, 3 SQLITE_BUSY)");
    expect(rows[2]!.ratio).toBeNull();
  });
});

describe("renderMarkdown", () => {
  it("shows the reference each ratio was taken against", () => {
    const scenarios = judge([result("sign-in", "signin", 300), result("inbox", "list", 200, { referenceRps: 800 })], 0);
    const rec: RunRecord = {
      startedAt: "2026-11-27T19:00:00.000Z",
      finishedAt: "2026-11-27T19:05:00.000Z",
      commit: "abc1234",
      machine: { os: "Linux", cpuModel: "cpu", cpus: 2, memoryGb: 24, node: "v20" },
      options: { connections: 50, duration: 10, warmup: 2 },
      db: { kind: "given", source: "x.db", sizeMb: 1000, rows: {} },
      scenarios,
      memory: { peakPssMb: 250, peakRssMb: 380, processes: 3, verdict: "ok" },
      js: [],
      sqliteBusy: 0,
      serverErrorLines: [],
      notes: [],
    };
    const inboxLine = renderMarkdown(rec).split("\n").find((l) => l.startsWith("| inbox"))!;
    expect(inboxLine.split("|").map((c) => c.trim())).toEqual(["", "inbox", "200", "100", "200", "0/0", "25 %", "800", "—", "FAIL (ratio < 0.5)", ""]);
  });
});

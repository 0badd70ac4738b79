// The benchmark's verdicts against issue 5's budgets, the table for the screen and the files
// (results/bench-<time>.json and .md, results/bench-latest.md), and the comparison of two runs.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { LoadResult } from "./bench-load";
import type { JsWeight } from "./bench-pages";
import type { MemoryPeak } from "./bench-procs";

export const BUDGETS = {
  p99Ms: 250,
  listDetailRatio: 0.5,
  searchRatio: 0.3,
  submitRps: 200,
  memoryMb: 300,
  jsGzipKb: 100,
} as const;

export type ScenarioRow = LoadResult & { ratio: number | null; verdict: string };

export type RunRecord = {
  startedAt: string;
  finishedAt: string;
  commit: string;
  machine: { os: string; cpuModel: string; cpus: number; memoryGb: number; node: string };
  options: { connections: number; duration: number; warmup: number };
  db: { kind: string; source: string; sizeMb: number; rows: Record<string, number> };
  scenarios: ScenarioRow[];
  memory: MemoryPeak & { verdict: string };
  js: (JsWeight & { verdict: string })[];
  sqliteBusy: number;
  serverErrorLines: string[];
  notes: string[];
};

/** The groups whose throughput is compared with the sign-in page's, measured again just before. */
export const RATIO_GROUPS: LoadResult["group"][] = ["reference", "page", "list", "detail", "search"];
/** Seconds of the sign-in page measured before each of those. */
export const REFERENCE_S = 5;

/** Judge each scenario; the ratio is to the sign-in page's throughput measured just before it
 * (or, without that, to the sign-in scenario of the same run). */
export function judge(results: LoadResult[], sqliteBusy: number): ScenarioRow[] {
  const signin = results.find((r) => r.group === "signin")?.rps ?? null;
  return results.map((r) => {
    const base = r.referenceRps ?? signin;
    const ratio = base && (r.group === "signin" || RATIO_GROUPS.includes(r.group)) ? r.rps / base : null;
    const fails: string[] = [];
    if (r.requests === 0) fails.push("no response in time");
    else if (r.group !== "ceiling") {
      if (r.bad > 0 || r.errors > 0) fails.push(`${r.bad + r.errors} bad`);
      if (r.group !== "submit" && r.group !== "reference" && r.p99 >= BUDGETS.p99Ms) fails.push(`p99 ≥ ${BUDGETS.p99Ms}`);
      if ((r.group === "list" || r.group === "detail") && ratio !== null && ratio < BUDGETS.listDetailRatio) fails.push(`ratio < ${BUDGETS.listDetailRatio}`);
      if (r.group === "search" && ratio !== null && ratio < BUDGETS.searchRatio) fails.push(`ratio < ${BUDGETS.searchRatio}`);
      if (r.group === "submit") {
        if (r.rps < BUDGETS.submitRps) fails.push(`< ${BUDGETS.submitRps}/s`);
        if (sqliteBusy > 0) fails.push(`${sqliteBusy} SQLITE_BUSY`);
      }
    }
    const verdict = (r.group === "ceiling" || r.group === "reference") && !fails.length ? "—" : fails.length ? `FAIL (${fails.join(", ")})` : "ok";
    return { ...r, ratio, verdict };
  });
}

const n0 = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number) => (n < 10 ? n.toFixed(1) : n0(n));
const pct = (n: number | null) => (n === null ? "—" : `${Math.round(n * 100)} %`);
const kb = (b: number) => (b / 1024).toFixed(1);

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...rows.map(line)].join("\n");
}

export function renderMarkdown(rec: RunRecord): string {
  const rows = rec.scenarios.map((s) => [
    s.name,
    n0(s.rps),
    ms(s.p50),
    ms(s.p99),
    `${s.errors}/${s.bad}`,
    pct(s.ratio),
    s.referenceRps ? n0(s.referenceRps) : "—",
    s.peakMemoryMb ? n0(s.peakMemoryMb) : "—",
    s.verdict,
  ]);
  const js = rec.js.map((j) => [j.path, String(j.files), kb(j.rawBytes), kb(j.gzipBytes), j.verdict]);
  const m = rec.machine;
  const rowsOf = Object.entries(rec.db.rows)
    .filter(([, c]) => c > 0)
    .map(([t, c]) => `${t} ${n0(c)}`)
    .join(", ");
  return [
    `# Benchmark ${rec.startedAt}`,
    "",
    `Machine: ${m.os}, ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}. Commit ${rec.commit}.`,
    `Load: ${rec.options.connections} connections, ${rec.options.duration} s per scenario after ${rec.options.warmup} s of warm-up, autocannon from a second process on 127.0.0.1.`,
    `Database (${rec.db.kind}, ${n0(rec.db.sizeMb)} MB): ${rowsOf}.`,
    "",
    table(["scenario", "req/s", "p50 ms", "p99 ms", "errors/bad", "vs sign-in", "sign-in then", "peak MB", "verdict"], rows),
    "",
    `Budgets: p99 < ${BUDGETS.p99Ms} ms on every page; list and detail ≥ ${BUDGETS.listDetailRatio * 100} % of the sign-in page's req/s ("sign-in then": measured for ${REFERENCE_S} s just before the page), search ≥ ${BUDGETS.searchRatio * 100} %; submissions ≥ ${BUDGETS.submitRps}/s without error or SQLITE_BUSY. "bad" = a response other than the expected one (200 for pages, a redirect to /da-nop for submissions).`,
    "",
    `Server memory (${rec.memory.processes} processes): peak ${n0(rec.memory.peakPssMb)} MB (PSS added up: pages shared between the processes count once; the resident sets added up: ${n0(rec.memory.peakRssMb)} MB), budget ${BUDGETS.memoryMb} MB: ${rec.memory.verdict}. SQLITE_BUSY in the server's output: ${rec.sqliteBusy}.`,
    "",
    table(["first load of", "JS files", "raw KB", "gzip KB", `≤ ${BUDGETS.jsGzipKb} KB`], js),
    ...(rec.serverErrorLines.length ? ["", "Server stderr (first lines):", "", "```", ...rec.serverErrorLines, "```"] : []),
    ...(rec.notes.length ? ["", ...rec.notes.map((n) => `- ${n}`)] : []),
    "",
  ].join("\n");
}

/** Write results/bench-<time>.json and .md and results/bench-latest.md; returns the json path. */
export function writeResults(rec: RunRecord, dir = "results"): { json: string; md: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = rec.startedAt.replace(/[:.]/g, "-");
  const json = join(dir, `bench-${stamp}.json`);
  const md = join(dir, `bench-${stamp}.md`);
  const text = renderMarkdown(rec);
  writeFileSync(json, JSON.stringify(rec, null, 2) + "\n");
  writeFileSync(md, text);
  writeFileSync(join(dir, "bench-latest.md"), text);
  return { json, md };
}

/** The change from an earlier run, scenario by scenario (matched by name). */
export function renderComparison(now: RunRecord, file: string): string {
  const before = JSON.parse(readFileSync(file, "utf8")) as RunRecord;
  const delta = (a: number, b: number) => (a > 0 ? `${b >= a ? "+" : ""}${Math.round(((b - a) / a) * 100)} %` : "—");
  const rows = now.scenarios.map((s) => {
    const old = before.scenarios.find((o) => o.name === s.name);
    if (!old) return [s.name, "—", n0(s.rps), "—", "—", ms(s.p99), "—"];
    return [s.name, n0(old.rps), n0(s.rps), delta(old.rps, s.rps), ms(old.p99), ms(s.p99), delta(old.p99, s.p99)];
  });
  return [
    `Compared with ${file} (${before.startedAt}, ${before.db.kind} database, ${before.options.duration} s):`,
    "",
    table(["scenario", "req/s before", "req/s now", "Δ req/s", "p99 before", "p99 now", "Δ p99"], rows),
    "",
    `Peak memory: ${n0(before.memory.peakPssMb ?? before.memory.peakRssMb)} → ${n0(now.memory.peakPssMb)} MB.`,
  ].join("\n");
}

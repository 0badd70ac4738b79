// Query-plan checks: capture the statements a model function runs (with their parameters),
// EXPLAIN QUERY PLAN each one, and name the steps that would read a large table whole or sort
// a large paginated list. Used by tests/models/query-plans.test.ts and search-plan.test.ts.
import type Database from "better-sqlite3";

export type Statement = { sql: string; params: unknown[] };
export type PlanStep = { id: number; parent: number; detail: string };

/** Run `fn`, capturing every statement it executes on this connection with its parameters. The
 * statements' methods are wrapped on their prototype, not at prepare: drizzle keeps statements
 * prepared once per connection (patches/drizzle-orm), so a query may run without a prepare. */
export function capture(sqlite: Database.Database, fn: () => unknown): Statement[] {
  const seen: Statement[] = [];
  const proto = Object.getPrototypeOf(sqlite.prepare("SELECT 1")) as Record<string, (...a: unknown[]) => unknown>;
  const originals = new Map<string, (...a: unknown[]) => unknown>();
  for (const method of ["all", "get", "run", "iterate"]) {
    const original = proto[method];
    originals.set(method, original);
    proto[method] = function (this: Database.Statement, ...params: unknown[]) {
      if (this.database === sqlite) seen.push({ sql: this.source, params });
      return original.apply(this, params);
    };
  }
  try {
    fn();
  } finally {
    for (const [method, original] of originals) proto[method] = original;
  }
  return seen;
}

export function planOf(sqlite: Database.Database, { sql, params }: Statement): PlanStep[] {
  return sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as PlanStep[];
}

const NOT_ALIASES = new Set(["where", "on", "inner", "left", "cross", "join", "group", "order", "limit", "using", "natural", "union", "as", "set", "values"]);

/** Table names by the name the plan shows (the alias when there is one). */
export function aliasesOf(sql: string): Map<string, string> {
  const map = new Map<string, string>();
  const re = /\b(?:from|join)\s+"?(\w+)"?(?:\s+(?:as\s+)?"?(\w+)"?)?/gi;
  for (const m of sql.matchAll(re)) {
    const table = m[1].toLowerCase();
    map.set(table, table);
    const alias = m[2]?.toLowerCase();
    if (alias && !NOT_ALIASES.has(alias)) map.set(alias, table);
  }
  return map;
}

export type PlanRules = {
  /** Tables that must never be read whole. */
  large: ReadonlySet<string>;
  /** Columns whose one value selects a bounded set of rows (one person's, one council's…):
   * a page sorted after such a lookup sorts few rows. */
  boundedKeys: ReadonlySet<string>;
  /** Whole-table walks allowed anyway (each with its reason, where the rules are written). */
  allowScan?: (table: string, sql: string) => boolean;
  /** Sorts of a large paginated list allowed anyway (each with its reason). */
  allowSort?: (sql: string) => boolean;
};

/** The top-level conditions of the outer WHERE, when one of them is the literal 0 (an actor
 * without scope): SQLite tests it once before the loop and reads nothing, whatever the plan. */
export function constantlyFalse(sql: string): boolean {
  const lower = sql.toLowerCase();
  let depth = 0;
  let start = -1;
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (depth === 0 && lower.startsWith(" where ", i)) start = i + 7;
  }
  if (start < 0) return false;
  const end = lower.slice(start).search(/ (order by|group by|limit) (?![^()]*\))/);
  let where = (end < 0 ? lower.slice(start) : lower.slice(start, start + end)).trim();
  const conjuncts = (text: string): string[] => {
    const parts: string[] = [];
    let d = 0;
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === "(") d++;
      else if (text[i] === ")") d--;
      else if (d === 0 && text.startsWith(" and ", i)) {
        parts.push(text.slice(from, i));
        from = i + 5;
      }
    }
    return [...parts, text.slice(from)].map((p) => p.trim());
  };
  const unwrap = (text: string): string => {
    while (text.startsWith("(") && text.endsWith(")")) {
      let d = 0;
      let closesAtEnd = true;
      for (let i = 0; i < text.length; i++) {
        if (text[i] === "(") d++;
        else if (text[i] === ")") d--;
        if (d === 0 && i < text.length - 1) closesAtEnd = false;
      }
      if (!closesAtEnd) break;
      text = text.slice(1, -1).trim();
    }
    return text;
  };
  const falseIn = (text: string): boolean => conjuncts(unwrap(text)).some((c) => unwrap(c) === "0" || (c !== text && c.startsWith("(") && falseIn(c)));
  where = unwrap(where);
  return falseIn(where);
}

/**
 * The problems of a plan: a `SCAN` of a large table without an index (a full read), and a
 * `USE TEMP B-TREE FOR [LAST TERM OF] ORDER BY` in a paginated statement (LIMIT) whose first loop over a
 * large table is not a lookup of a bounded key (every match of a scope sorted to show a page).
 */
export function planProblems(sql: string, plan: PlanStep[], rules: PlanRules): string[] {
  if (constantlyFalse(sql)) return [];
  const names = aliasesOf(sql);
  const problems: string[] = [];
  const tableOf = (shown: string) => names.get(shown.toLowerCase()) ?? shown.toLowerCase();
  const driving = plan.find((s) => {
    const m = /^(?:SCAN|SEARCH) (\w+)/.exec(s.detail);
    return !!m && rules.large.has(tableOf(m[1]));
  });
  for (const step of plan) {
    const scan = /^SCAN (\w+)(.*)$/.exec(step.detail);
    if (scan && !/VIRTUAL TABLE|CONSTANT ROW|^\(subquery/.test(scan[1] + scan[2])) {
      const table = tableOf(scan[1]);
      const indexed = /USING (COVERING )?INDEX/.test(scan[2]);
      if (rules.large.has(table) && !indexed && !rules.allowScan?.(table, sql)) problems.push(`full scan of ${table}: ${step.detail}`);
    }
    if (/USE TEMP B-TREE FOR (RIGHT PART OF |LAST TERM OF )?ORDER BY/.test(step.detail) && /\blimit\b/i.test(sql) && driving) {
      const key = /^SEARCH \w+ USING .*?\((\w+)=\?/.exec(driving.detail)?.[1];
      const bounded = !!key && (rules.boundedKeys.has(key) || key === "rowid");
      if (!bounded && !rules.allowSort?.(sql)) problems.push(`sorts a large paginated list: ${step.detail} after ${driving.detail}`);
    }
  }
  return problems;
}

/** A plan as an indented tree, for messages and SHOW_PLANS=1. */
export function formatPlan(plan: PlanStep[]): string {
  const depth = new Map<number, number>([[0, 0]]);
  return plan
    .map((s) => {
      const d = (depth.get(s.parent) ?? 0) + 1;
      depth.set(s.id, d);
      return `${"  ".repeat(d)}${s.detail}`;
    })
    .join("\n");
}

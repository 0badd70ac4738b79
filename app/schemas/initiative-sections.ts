// The initiative form's constants and plain helpers (sections, required fields, shares, author
// rows, inbox sorts), without any zod schema: pages that only show an initiative import these
// from here, so that the schema definitions of ./initiatives stay out of their JavaScript
// (issue 5, the JavaScript budget). ./initiatives re-exports everything here.
import type { InitiativeKind } from "../../db/enums";

export const SECTIONS = ["general", "solution", "conditions", "benefit", "trial", "confidential", "prevention", "authors", "statement"] as const;
export type Section = (typeof SECTIONS)[number];
export type SectionState = "not_started" | "in_progress" | "done";

/** The sections of the form of each kind, in the order of the task list. */
export function sectionsFor(kind: InitiativeKind): Section[] {
  return SECTIONS.filter((s) => s !== "prevention" || kind === "solution");
}

export const isSection = (s: string): s is Section => (SECTIONS as readonly string[]).includes(s);

export const MAX_AUTHORS = 20;
export const SHORT = 300;
export const LONG = 10_000;

/** "33,33" / "33.33" / 33.33 → 3333 hundredths of a percent; null when not a share. */
export function parseShare(value: unknown): number | null {
  const s = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return bp > 0 && bp <= 10_000 ? bp : null;
}

/** 3333 → "33,33" (Vietnamese decimal comma). */
export function formatShare(bp: number): string {
  const whole = Math.floor(bp / 100);
  const rest = bp % 100;
  return rest ? `${whole},${String(rest).padStart(2, "0")}` : String(whole);
}

/** What submission requires of each section beyond the form of its values. */
export const REQUIRED: Record<Section, readonly string[]> = {
  general: ["title", "field", "firstAppliedOn"],
  solution: ["steps", "improvement", "howToApply"],
  conditions: ["conditions"],
  benefit: ["expectedBenefit"],
  trial: [],
  confidential: [],
  prevention: ["risk", "scope", "resources", "expectedEffect"],
  authors: [],
  statement: [],
};

export type FieldErrors = Record<string, string>;

/** The author rows as a plain form sends them ("authors.0.fullName" …), in index order; a
 * missing index is an empty row, so that row numbers match what the person sees. */
export function authorRowsFromForm(values: Record<string, string>): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  for (const [key, value] of Object.entries(values)) {
    const m = /^authors\.(\d{1,2})\.(\w+)$/.exec(key);
    if (!m || Number(m[1]) >= MAX_AUTHORS) continue;
    (rows[Number(m[1])] ??= {})[m[2]] = value;
  }
  return Array.from(rows, (r) => r ?? {});
}

/** A spare row of the form left empty (not an author). */
export const isBlankRow = (row: Record<string, string>) => Object.values(row).every((v) => v.trim() === "");

/** Rows back to the form's flat names. */
export function authorRowsToValues(rows: Record<string, string>[]): Record<string, string> {
  const out: Record<string, string> = {};
  rows.forEach((row, i) => Object.entries(row).forEach(([k, v]) => (out[`authors.${i}.${k}`] = v)));
  return out;
}

export const INBOX_SORTS = ["newest", "oldest", "due", "number"] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

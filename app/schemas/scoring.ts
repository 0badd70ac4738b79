// The evaluator's score sheet: one score and one comment per criterion of the council's rubric.
// Scores are typed as "7", "7,5" or "7.5", from 0 to the criterion's maximum, in whole or half
// points, and stored in half points (7,5 → 15). The same rules run in the browser (zod through
// react-hook-form), in the action and in the model, so no path writes a score the form refuses.
import { z } from "./z";
import { noMarkup } from "./common";

export const COMMENT_MAX = 2000;

export type CriterionRule = { id: number; maxPoints: number };

export const scoreField = (criterionId: number) => `score_${criterionId}`;
export const commentField = (criterionId: number) => `comment_${criterionId}`;

export type ScoreError = "scoring.errors.notNumber" | "scoring.errors.negative" | "scoring.errors.aboveMax" | "scoring.errors.halfOnly";

/**
 * A typed score in half points, null when left blank, or the catalog key of what is wrong.
 * Vietnamese writes the decimal comma ("7,5"); the dot is accepted too. Nothing else is a
 * number here: no thousands separators, exponents, signs other than a leading minus, or spaces
 * inside.
 */
export function parseScore(text: string, maxPoints: number): { halfPoints: number | null } | { error: ScoreError } {
  const trimmed = text.trim();
  if (trimmed === "") return { halfPoints: null };
  if (!/^-?\d{1,9}(?:[.,]\d{1,9})?$/.test(trimmed)) return { error: "scoring.errors.notNumber" };
  const value = Number(trimmed.replace(",", "."));
  if (!Number.isFinite(value)) return { error: "scoring.errors.notNumber" };
  if (value < 0) return { error: "scoring.errors.negative" };
  if (value > maxPoints) return { error: "scoring.errors.aboveMax" };
  const doubled = value * 2;
  if (!Number.isInteger(doubled)) return { error: "scoring.errors.halfOnly" };
  return { halfPoints: doubled };
}

/** 15 half points → "7,5"; the value a score input shows again. */
export function halfPointsText(halfPoints: number | null | undefined): string {
  if (halfPoints === null || halfPoints === undefined) return "";
  return halfPoints % 2 === 0 ? String(halfPoints / 2) : `${(halfPoints - 1) / 2},5`;
}

const comment = z
  .string()
  .trim()
  .normalize("NFC")
  .max(COMMENT_MAX, "errors.tooLong")
  .refine(noMarkup, "errors.noMarkup")
  .optional()
  .default("");

/**
 * The sheet's form for a rubric: `score_<id>` and `comment_<id>` per criterion. With
 * `complete`, every score is required (submitting); without, blanks are a draft's gaps.
 */
export function sheetSchema(criteria: CriterionRule[], opts: { complete?: boolean } = {}) {
  const shape: Record<string, z.ZodType> = {};
  for (const c of criteria) {
    shape[scoreField(c.id)] = z
      .string()
      .optional()
      .default("")
      .superRefine((value, issue) => {
        const parsed = parseScore(value, c.maxPoints);
        if ("error" in parsed) issue.addIssue({ code: "custom", message: parsed.error });
        else if (parsed.halfPoints === null && opts.complete) issue.addIssue({ code: "custom", message: "scoring.errors.required" });
      });
    shape[commentField(c.id)] = comment;
  }
  return z.object(shape);
}

export type ParsedScore = { criterionId: number; halfPoints: number | null; comment: string };

/** The form's values as scores, or the field errors ({ score_12: "scoring.errors.aboveMax" }). */
export function parseSheet(
  criteria: CriterionRule[],
  values: Record<string, unknown>,
  opts: { complete?: boolean } = {},
): { ok: true; scores: ParsedScore[] } | { ok: false; fieldErrors: Record<string, string> } {
  const strings: Record<string, string> = {};
  for (const c of criteria) {
    for (const name of [scoreField(c.id), commentField(c.id)]) {
      const v = values[name];
      // A number from a test or a script is read as its text; anything else is not a score.
      strings[name] = typeof v === "string" ? v : typeof v === "number" ? String(v) : v == null ? "" : "\u0000";
    }
  }
  const parsed = sheetSchema(criteria, opts).safeParse(strings);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
    return { ok: false, fieldErrors };
  }
  const data = parsed.data as Record<string, string>;
  return {
    ok: true,
    scores: criteria.map((c) => {
      const score = parseScore(data[scoreField(c.id)] ?? "", c.maxPoints);
      return { criterionId: c.id, halfPoints: "halfPoints" in score ? score.halfPoints : null, comment: data[commentField(c.id)] ?? "" };
    }),
  };
}

export const reopenSchema = z.object({
  reason: z.string({ error: "errors.required" }).trim().normalize("NFC").min(1, "errors.required").max(COMMENT_MAX, "errors.tooLong").refine(noMarkup, "errors.noMarkup"),
});

/** The queue's tabs as they appear in the URL (?xem=…). */
export const QUEUE_TABS = { "tat-ca": "all", "cho-cham": "pending", "qua-han": "overdue", "da-cham": "done" } as const;
export type QueueSlug = keyof typeof QUEUE_TABS;
export type QueueTab = (typeof QUEUE_TABS)[QueueSlug];

export function queueTabOf(value: string | null): QueueTab {
  return value && value in QUEUE_TABS ? QUEUE_TABS[value as QueueSlug] : "all";
}

export const slugOfTab = (tab: QueueTab): QueueSlug => (Object.entries(QUEUE_TABS).find(([, t]) => t === tab)![0] as QueueSlug);

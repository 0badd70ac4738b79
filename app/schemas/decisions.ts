// Forms of the decision, credit and result-report pages. Shared by the browser and the server;
// messages are catalog keys; no server imports. Whether a date is in the future is the
// model's check (it knows the server's day).
import { z } from "./z";
import { DECISION_OUTCOMES, RECOGNITION_LEVELS } from "../../db/enums";
import { parseDate } from "~/i18n/format";
import { noMarkup } from "./common";

/**
 * A party decision number: sequence, "-QĐ/", the issuing body's initials in capitals, e.g.
 * 15-QĐ/ĐU (Đảng ủy), 124-QĐ/TU (Thành ủy), 7-QĐ/ĐUP. The sequence has no leading zero and at
 * most 5 digits; the initials are 1–10 capital letters (Đ included), optionally two groups
 * joined by "-" (3-QĐ/BCĐ-TU).
 */
export const DECISION_NUMBER = /^[1-9]\d{0,4}-QĐ\/[A-ZĐ]{1,10}(?:-[A-ZĐ]{1,10})?$/u;

const text = (max: number) =>
  z.string({ error: "errors.required" }).trim().normalize("NFC").max(max, "errors.tooLong").refine(noMarkup, "errors.noMarkup");

const requiredText = (max: number) => text(max).refine((v) => v !== "", "errors.required");

const date = z
  .string({ error: "errors.invalidDate" })
  .trim()
  .refine((v) => v !== "", "errors.required")
  .refine((v) => v === "" || parseDate(v) !== null, "errors.invalidDate");

export const decisionSchema = z
  .object({
    outcome: z.enum(DECISION_OUTCOMES, { error: "errors.chooseOne" }),
    level: z.string().trim().default(""),
    reason: text(2000).default(""),
    number: text(40).refine((v) => v !== "", "errors.required").refine((v) => v === "" || DECISION_NUMBER.test(v), "decisions.errors.number"),
    decidedOn: date,
    signerName: requiredText(120),
    signerTitle: requiredText(120),
  })
  .superRefine((v, c) => {
    if (v.outcome === "recognised" && !(RECOGNITION_LEVELS as readonly string[]).includes(v.level)) {
      c.addIssue({ code: "custom", path: ["level"], message: "decisions.errors.levelRequired" });
    }
    if (v.outcome === "not_recognised" && v.reason === "") {
      c.addIssue({ code: "custom", path: ["reason"], message: "decisions.errors.reasonRequired" });
    }
  });
export type DecisionInput = z.input<typeof decisionSchema>;

export const reportSchema = z.object({
  measuredBenefit: requiredText(5000),
  appliedFrom: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || parseDate(v) !== null, "errors.invalidDate"),
});

export const reportDecisionSchema = z.object({
  verdict: z.enum(["confirmed", "rejected"], { error: "errors.chooseOne" }),
  note: text(2000).default(""),
}).superRefine((v, c) => {
  if (v.verdict === "rejected" && v.note === "") c.addIssue({ code: "custom", path: ["note"], message: "decisions.report.errors.noteRequired" });
});

/** Points per level as typed: "10" or "2,5" (at most two decimals) → hundredths. */
export function parsePoints(value: unknown): number | null {
  const s = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
  const m = /^(\d{1,4})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

const points = z.string().trim().refine((v) => v !== "", "errors.required").refine((v) => v === "" || parsePoints(v) !== null, "credit.errors.points");

export const creditRulesSchema = z.object({ unit: points, ward: points, city: points });

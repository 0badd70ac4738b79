// Forms of innovation proposals (Decree 73/2023) and of the holiday calendar. Shared by the
// browser and the server; messages are catalog keys; no server imports. A draft may be
// incomplete (only the title is needed to save it); submission requires every field of the plan.
import { z } from "./z";
import { COMPLETIONS } from "../../db/enums";
import { parseDate } from "~/i18n/format";
import { noMarkup } from "./common";

export const SHORT = 300;
export const LONG = 10_000;

const text = (max: number) =>
  z.string({ error: "errors.required" }).trim().normalize("NFC").max(max, "errors.tooLong").refine(noMarkup, "errors.noMarkup").default("");
const required = (max: number) =>
  z.string({ error: "errors.required" }).trim().normalize("NFC").min(1, "errors.required").max(max, "errors.tooLong").refine(noMarkup, "errors.noMarkup");
/** dd/mm/yyyy (or YYYY-MM-DD) → 'YYYY-MM-DD'. */
const date = z
  .string({ error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .refine((v) => parseDate(v) !== null, "errors.invalidDate")
  .transform((v) => parseDate(v) ?? "");

/** The plan, in the order of Decree 73: necessity and the bottleneck removed; content, tasks and
 * solutions; scope and who carries them out; duration; resources; feasibility; impacts and
 * expected effectiveness. */
export const PLAN_FIELDS = ["necessity", "content", "scope", "duration", "resources", "feasibility", "impacts"] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];

export const planSchema = z.object({
  title: required(SHORT),
  necessity: text(LONG),
  content: text(LONG),
  scope: text(LONG),
  duration: text(2000),
  resources: text(LONG),
  feasibility: text(LONG),
  impacts: text(LONG),
});
export type PlanInput = z.output<typeof planSchema>;

/** The votes form: one field per voter not yet recorded ("v<personId>"), for / against / blank. */
export function votesSchema(voterIds: readonly number[]) {
  const shape: Record<string, z.ZodType<"" | "for" | "against">> = {};
  for (const id of voterIds) shape[`v${id}`] = z.enum(["", "for", "against"], { error: "errors.chooseOne" }).default("");
  return z.object(shape).refine((values) => Object.values(values).some((v) => v !== ""), { message: "proposals.errors.noVotes", path: ["votes"] });
}

export const overrideSchema = z.object({ overrideNote: required(4000) });

export const implementedSchema = z.object({ endedOn: date });

export const reportSchema = z.object({ report: required(LONG) });

export const evaluationSchema = z
  .object({
    completion: z.enum(COMPLETIONS, { error: "errors.chooseOne" }),
    causes: text(LONG),
    damage: z.enum(["yes", "no"], { error: "errors.chooseOne" }),
  })
  .refine((v) => v.completion === "completed" || v.causes !== "", { message: "proposals.errors.causesRequired", path: ["causes"] });

// --- The holiday calendar -------------------------------------------------------------------

export const holidaySchema = z.object({ date, name: required(200) });

export const MIN_CALENDAR_YEAR = 2020;
export const MAX_CALENDAR_YEAR = 2100;

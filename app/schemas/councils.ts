// Forms of score sheets (rubrics), councils, members, assignments and declared conflicts.
// Shared by the browser (react-hook-form) and the actions; messages are catalog keys.
import { z } from "./z";
import { COUNCIL_ROLES } from "../../db/enums";
import { parseDate } from "~/i18n/format";
import { noMarkup } from "./common";

export const MAX_CRITERIA = 5;
export const MAX_POINTS = 1000;
export const MIN_YEAR = 2020;
export const MAX_YEAR = 2100;
export const CRITERION_ROWS = Array.from({ length: MAX_CRITERIA }, (_, i) => i + 1);

export const critField = (row: number, part: "name" | "max" | "guidance") => `c${row}_${part}`;

/** The default sheet (novelty 30, applicability 30, effectiveness 40; scope of influence optional). */
export const DEFAULT_RUBRIC_VALUES: Record<string, string> = {
  orgId: "",
  name: "",
  c1_name: "Tính mới", c1_max: "30", c1_guidance: "Giải pháp chưa được áp dụng tại đơn vị; có điểm mới so với cách làm trước.",
  c2_name: "Khả năng áp dụng", c2_max: "30", c2_guidance: "Có thể áp dụng rộng rãi, điều kiện áp dụng đơn giản.",
  c3_name: "Hiệu quả, lợi ích", c3_max: "40", c3_guidance: "Lợi ích đo được về thời gian, chi phí, phòng ngừa tiêu cực.",
  c4_name: "", c4_max: "", c4_guidance: "",
  c5_name: "", c5_max: "", c5_guidance: "",
  thresholdUnit: "50",
  thresholdWard: "70",
  thresholdCity: "85",
};

const text = (max: number) => z.string().trim().normalize("NFC").min(1, "errors.required").max(max, "errors.tooLong").refine(noMarkup, "errors.noMarkup");
const optionalText = (max: number) => z.string().trim().normalize("NFC").max(max, "errors.tooLong").refine(noMarkup, "errors.noMarkup").optional().default("");
const id = z.string().trim().min(1, "errors.chooseOne").regex(/^\d{1,12}$/, "errors.chooseOne").transform(Number);
const whole = (key: string) => z.string().trim().min(1, "errors.required").regex(/^\d{1,4}$/, key).transform(Number);
const dueDate = z
  .string()
  .trim()
  .min(1, "errors.required")
  .refine((v) => parseDate(v) !== null, "errors.invalidDate")
  .transform((v) => parseDate(v)!);

const rubricShape: Record<string, z.ZodType> = {
  name: text(200),
  thresholdUnit: whole("councils.errors.wholePoints"),
  thresholdWard: whole("councils.errors.wholePoints"),
  thresholdCity: whole("councils.errors.wholePoints"),
};
for (const row of CRITERION_ROWS) {
  rubricShape[critField(row, "name")] = optionalText(200);
  rubricShape[critField(row, "max")] = z.string().trim().max(4, "councils.errors.maxPoints").optional().default("");
  rubricShape[critField(row, "guidance")] = optionalText(1000);
}

export type RubricInput = {
  name: string;
  criteria: { name: string; maxPoints: number; guidance: string }[];
  thresholdUnit: number;
  thresholdWard: number;
  thresholdCity: number;
};

/** Rows with a name are the criteria; a max without a name, or a name without a valid max, is an error.
 * Thresholds: unit < ward < city ≤ the sum of the maxima. */
export const rubricSchema = z
  .object(rubricShape)
  .superRefine((v, ctx) => {
    const r = v as Record<string, string | number>;
    let sum = 0;
    let used = 0;
    for (const row of CRITERION_ROWS) {
      const name = String(r[critField(row, "name")] ?? "");
      const max = String(r[critField(row, "max")] ?? "");
      const guidance = String(r[critField(row, "guidance")] ?? "");
      if (!name) {
        if (max || guidance) ctx.addIssue({ code: "custom", path: [critField(row, "name")], message: "errors.required" });
        continue;
      }
      used++;
      if (!/^\d{1,4}$/.test(max) || Number(max) < 1 || Number(max) > MAX_POINTS) {
        ctx.addIssue({ code: "custom", path: [critField(row, "max")], message: "councils.errors.maxPoints" });
      } else sum += Number(max);
    }
    if (!used) ctx.addIssue({ code: "custom", path: [critField(1, "name")], message: "councils.errors.noCriteria" });
    const [u, w, c] = [r.thresholdUnit, r.thresholdWard, r.thresholdCity].map(Number);
    if ([u, w, c].some((n) => !Number.isInteger(n))) return;
    if (u < 1) ctx.addIssue({ code: "custom", path: ["thresholdUnit"], message: "councils.errors.thresholdPositive" });
    if (w <= u) ctx.addIssue({ code: "custom", path: ["thresholdWard"], message: "councils.errors.thresholdOrder" });
    if (c <= w) ctx.addIssue({ code: "custom", path: ["thresholdCity"], message: "councils.errors.thresholdOrder" });
    if (used && c > sum) ctx.addIssue({ code: "custom", path: ["thresholdCity"], message: "councils.errors.thresholdAboveSum" });
  })
  .transform((v): RubricInput => {
    const r = v as Record<string, string | number>;
    const criteria = CRITERION_ROWS.filter((row) => r[critField(row, "name")]).map((row) => ({
      name: String(r[critField(row, "name")]),
      maxPoints: Number(r[critField(row, "max")]),
      guidance: String(r[critField(row, "guidance")] ?? ""),
    }));
    return { name: String(r.name), criteria, thresholdUnit: Number(r.thresholdUnit), thresholdWard: Number(r.thresholdWard), thresholdCity: Number(r.thresholdCity) };
  });

export const rubricCreateSchema = z.intersection(z.object({ orgId: id }), rubricSchema);

export const councilSchema = z.object({
  orgId: id,
  name: text(300),
  rubricId: id,
  periodYear: z
    .string()
    .trim()
    .min(1, "errors.required")
    .regex(/^\d{4}$/, "councils.errors.year")
    .transform(Number)
    .refine((y) => y >= MIN_YEAR && y <= MAX_YEAR, "councils.errors.year"),
  periodQuarter: z
    .enum(["", "1", "2", "3", "4"], { error: "errors.chooseOne" })
    .optional()
    .default("")
    .transform((q) => (q === "" ? null : Number(q))),
  spreadLimit: z
    .string()
    .trim()
    .min(1, "errors.required")
    .regex(/^\d{1,4}$/, "councils.errors.wholePoints")
    .transform(Number)
    .refine((n) => n >= 1 && n <= MAX_POINTS, "councils.errors.spreadLimit"),
});
export type CouncilInput = z.output<typeof councilSchema>;

export const memberSchema = z.object({
  username: z.string().trim().toLowerCase().min(1, "errors.required").max(100, "errors.tooLong").refine(noMarkup, "errors.noMarkup"),
  role: z.enum(COUNCIL_ROLES, { error: "errors.chooseOne" }),
});
export type MemberInput = z.output<typeof memberSchema>;

/** Ticked boxes named `<prefix><id>` (e.g. "sk_12" = on) → ids. */
export function tickedIds(values: Record<string, unknown>, prefix: string): number[] {
  const ids: number[] = [];
  for (const [key, v] of Object.entries(values)) {
    const m = key.startsWith(prefix) ? /^\d{1,12}$/.exec(key.slice(prefix.length)) : null;
    if (m && (v === "on" || v === true)) ids.push(Number(m[0]));
  }
  return [...new Set(ids)].sort((a, b) => a - b);
}

export const ITEM_PREFIX = "sk_";
export const EVAL_ITEM_PREFIX = "muc_";
export const EVALUATOR_PREFIX = "gk_";

export const assignItemsSchema = z
  .looseObject({ dueOn: dueDate })
  .refine((v) => tickedIds(v, ITEM_PREFIX).length > 0, { message: "councils.errors.pickInitiative", path: ["initiatives"], when: () => true })
  .transform((v) => ({ dueOn: v.dueOn as string, initiativeIds: tickedIds(v, ITEM_PREFIX) }));
export type AssignItemsInput = { dueOn: string; initiativeIds: number[] };

export const assignEvaluatorsSchema = z
  .looseObject({ dueOn: dueDate })
  .refine((v) => tickedIds(v, EVAL_ITEM_PREFIX).length > 0, { message: "councils.errors.pickItem", path: ["items"], when: () => true })
  .refine((v) => tickedIds(v, EVALUATOR_PREFIX).length > 0, { message: "councils.errors.pickEvaluator", path: ["evaluators"], when: () => true })
  .transform((v) => ({ dueOn: v.dueOn as string, itemIds: tickedIds(v, EVAL_ITEM_PREFIX), evaluatorIds: tickedIds(v, EVALUATOR_PREFIX) }));
export type AssignEvaluatorsInput = { dueOn: string; itemIds: number[]; evaluatorIds: number[] };

export const conflictSchema = z.object({ reason: text(1000) });

/** The council view's item filters as they appear in the URL (?xem=…). */
export const ITEM_STATES = { "tat-ca": "all", "cho-phieu": "waiting", "chenh-lech": "flagged", "san-sang": "ready", "da-quyet-dinh": "decided" } as const;
export type ItemStateSlug = keyof typeof ITEM_STATES;
export type ItemState = (typeof ITEM_STATES)[ItemStateSlug];

export function itemStateOf(value: string | null): ItemState {
  return value && Object.hasOwn(ITEM_STATES, value) ? ITEM_STATES[value as ItemStateSlug] : "all";
}

export const slugOfItemState = (state: ItemState): ItemStateSlug => (Object.entries(ITEM_STATES).find(([, s]) => s === state)![0] as ItemStateSlug);

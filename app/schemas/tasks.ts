// Forms of the prevention tasks (nhiệm vụ phòng ngừa). Shared by the browser (react-hook-form)
// and the actions; messages are catalog keys. No server imports here. Status and times are
// not fields of any form: whatever a request sends for them is dropped by the parse.
import { z } from "./z";
import { TASK_AREAS, type TaskArea } from "../../db/enums";
import { parseDate } from "~/i18n/format";
import { noMarkup } from "./common";
import { areaField, MAX_ASSIGNEES, MAX_TARGETS, MAX_YEAR, MIN_YEAR, splitList } from "./task-filters";

export * from "./task-filters";

const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "on");

const text = (max: number) =>
  z.string().trim().min(1, "errors.required").max(max, "errors.tooLong").refine(noMarkup, "errors.noMarkup");

/** A list typed one per line or separated by commas/semicolons/spaces. */
const list = (max: number, normalise: (s: string) => string) =>
  z
    .string()
    .max(4000, "errors.tooLong")
    .refine(noMarkup, "errors.noMarkup")
    .optional()
    .default("")
    .transform((v) => [...new Set(splitList(v).map(normalise))])
    .refine((v) => v.length <= max, "tasks.errors.tooMany");

export const taskSchema = z
  .object({
    orgId: z.string().trim().min(1, "errors.chooseOne").regex(/^\d{1,12}$/, "errors.chooseOne").transform(Number),
    title: text(300),
    area_corruption: checkbox,
    area_waste: checkbox,
    area_negative: checkbox,
    description: text(5000),
    periodYear: z
      .string()
      .trim()
      .min(1, "errors.required")
      .regex(/^\d{4}$/, "tasks.errors.year")
      .transform(Number)
      .refine((y) => y >= MIN_YEAR && y <= MAX_YEAR, "tasks.errors.year"),
    periodQuarter: z
      .enum(["", "1", "2", "3", "4"], { error: "errors.chooseOne" })
      .optional()
      .default("")
      .transform((q) => (q === "" ? null : Number(q))),
    deadline: z
      .string()
      .trim()
      .min(1, "errors.required")
      .refine((v) => parseDate(v) !== null, "errors.invalidDate")
      .transform((v) => parseDate(v)!),
    targets: list(MAX_TARGETS, (s) => s.toUpperCase()),
    assignees: list(MAX_ASSIGNEES, (s) => s.toLowerCase()),
  })
  .refine((v) => TASK_AREAS.some((a) => isTicked((v as Record<string, unknown>)[areaField(a)])), {
    message: "tasks.errors.areaRequired",
    path: ["areas"],
    // Checked even while other fields are wrong, so every error shows at once.
    when: () => true,
  });

function isTicked(v: unknown): boolean {
  return v === true || v === "on";
}

export type TaskFormData = z.output<typeof taskSchema>;

/** What the model takes: the parsed form with the areas gathered into one list. */
export type TaskInput = {
  orgId: number;
  title: string;
  areas: TaskArea[];
  description: string;
  periodYear: number;
  periodQuarter: number | null;
  deadline: string;
  targets: string[];
  assignees: string[];
};

export function toTaskInput(data: TaskFormData): TaskInput {
  const { area_corruption: _c, area_waste: _w, area_negative: _n, ...rest } = data;
  return { ...rest, areas: TASK_AREAS.filter((a) => data[areaField(a)]) };
}

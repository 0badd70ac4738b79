// The prevention tasks' constants and list filters (years, areas, URL slugs), without any zod
// schema: list and search pages import these from here, so that the task form's schema stays
// out of their JavaScript (issue 5, the JavaScript budget). ./tasks re-exports everything here.
import { TASK_AREAS, TASK_STATUSES, type TaskArea, type TaskStatus } from "../../db/enums";

export const MIN_YEAR = 2020;
export const MAX_YEAR = 2100;
export const MAX_TARGETS = 50;
export const MAX_ASSIGNEES = 50;

/** One checkbox per area ("area_waste"): a form sends a single value per name. */
export const areaField = (area: TaskArea) => `area_${area}` as const;

export function splitList(v: string): string[] {
  return v.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
}

// --- List filters (GET) ---------------------------------------------------------------------

export const TASK_VIEWS = ["cua-toi", "den-to-chuc", "da-giao"] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

/** Status slugs in URLs. */
export const STATUS_SLUGS: Record<TaskStatus, string> = { draft: "ban-nhap", published: "da-ban-hanh", closed: "da-ket-thuc" };
export const AREA_SLUGS: Record<TaskArea, string> = { corruption: "tham-nhung", waste: "lang-phi", negative: "tieu-cuc" };

export type TaskFilters = {
  view: TaskView | null;
  status: TaskStatus | null;
  area: TaskArea | null;
  year: number | null;
  quarter: number | null;
  nearDue: boolean;
};

/** ?xem=da-giao&trang-thai=da-ban-hanh&linh-vuc=lang-phi&nam=2026&quy=4&han=sap-den: unknown values are ignored. */
export function taskFilters(params: URLSearchParams): TaskFilters {
  const view = params.get("xem") ?? "";
  const status = TASK_STATUSES.find((s) => STATUS_SLUGS[s] === params.get("trang-thai")) ?? null;
  const area = TASK_AREAS.find((a) => AREA_SLUGS[a] === params.get("linh-vuc")) ?? null;
  const year = Number(params.get("nam"));
  const quarter = Number(params.get("quy"));
  return {
    view: (TASK_VIEWS as readonly string[]).includes(view) ? (view as TaskView) : null,
    status,
    area,
    year: Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : null,
    quarter: Number.isInteger(quarter) && quarter >= 1 && quarter <= 4 ? quarter : null,
    nearDue: params.get("han") === "sap-den",
  };
}

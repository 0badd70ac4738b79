// The query string of the initiative lists (/sang-kien): which view, and the inbox's filters
// and sort, as Vietnamese slugs. Anything unknown is ignored (falls back to no filter).
import { INITIATIVE_KINDS, INITIATIVE_STATUSES, TASK_AREAS, type InitiativeKind, type InitiativeStatus, type TaskArea } from "../../db/enums";
import { INBOX_SORTS, type InboxSort } from "./initiative-sections";
import { AREA_SLUGS, MAX_YEAR, MIN_YEAR } from "./task-filters";

export const INITIATIVE_VIEWS = ["cua-toi", "tiep-nhan"] as const;
export type InitiativeView = (typeof INITIATIVE_VIEWS)[number];

export const STATUS_SLUGS: Record<InitiativeStatus, string> = {
  draft: "ban-nhap",
  submitted: "da-nop",
  returned: "yeu-cau-bo-sung",
  accepted: "da-tiep-nhan",
  withdrawn: "da-rut",
  evaluating: "dang-danh-gia",
  recognised: "da-cong-nhan",
  not_recognised: "khong-cong-nhan",
};
export const SORT_SLUGS: Record<InboxSort, string> = { newest: "moi-nhat", oldest: "cu-nhat", due: "han", number: "so" };
export const KIND_SLUGS: Record<InitiativeKind, string> = { initiative: "sang-kien", solution: "giai-phap" };

export type InitiativeFilters = {
  view: InitiativeView | null;
  status: InitiativeStatus | null;
  taskId: number | null;
  area: TaskArea | null;
  /** An organization's code or name, as typed (the inbox resolves it within its scope). */
  org: string | null;
  year: number | null;
  quarter: number | null;
  sort: InboxSort | null;
};

const positiveId = (value: string | null): number | null => {
  const n = Number(value);
  return value && Number.isSafeInteger(n) && n > 0 ? n : null;
};

export function initiativeFilters(params: URLSearchParams): InitiativeFilters {
  const view = params.get("xem") ?? "";
  const year = Number(params.get("nam"));
  const quarter = Number(params.get("quy"));
  return {
    view: (INITIATIVE_VIEWS as readonly string[]).includes(view) ? (view as InitiativeView) : null,
    status: INITIATIVE_STATUSES.find((s) => STATUS_SLUGS[s] === params.get("trang-thai")) ?? null,
    taskId: positiveId(params.get("nhiem-vu")),
    area: TASK_AREAS.find((a) => AREA_SLUGS[a] === params.get("linh-vuc")) ?? null,
    org: (params.get("to-chuc") ?? "").trim().slice(0, 100) || null,
    year: Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : null,
    quarter: Number.isInteger(quarter) && quarter >= 1 && quarter <= 4 ? quarter : null,
    sort: INBOX_SORTS.find((s) => SORT_SLUGS[s] === params.get("sap-xep")) ?? null,
  };
}

/** The kind a "new registration" link asks for (?loai=giai-phap), else null. */
export function kindFromSlug(slug: string | null): InitiativeKind | null {
  return INITIATIVE_KINDS.find((k) => KIND_SLUGS[k] === slug) ?? null;
}

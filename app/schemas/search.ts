// The query string of the search page (/tim-kiem?q=…&loai=sang-kien&trang-thai=da-nop&linh-vuc=
// tham-nhung&nam=2026&trang=2), as Vietnamese slugs. Anything unknown is ignored (no filter).
// No server imports: the page's filter panel uses the same lists.
import { INITIATIVE_STATUSES, TASK_AREAS, TASK_STATUSES, type InitiativeStatus, type TaskArea, type TaskStatus } from "../../db/enums";
import { STATUS_SLUGS as INITIATIVE_STATUS_SLUGS } from "./initiative-filters";
import { AREA_SLUGS, MAX_YEAR, MIN_YEAR, STATUS_SLUGS as TASK_STATUS_SLUGS } from "./task-filters";

export const SEARCH_TYPES = ["all", "tasks", "initiatives"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
export const TYPE_SLUGS: Record<SearchType, string> = {
  all: "tat-ca",
  tasks: "nhiem-vu",
  initiatives: "sang-kien",
};

export type SearchStatus = TaskStatus | InitiativeStatus;
/** Every status once (draft is both a task's and an initiative's), tasks' first. */
export const SEARCH_STATUSES: SearchStatus[] = [...new Set<SearchStatus>([...TASK_STATUSES, ...INITIATIVE_STATUSES])];
export const SEARCH_STATUS_SLUGS: Record<SearchStatus, string> = {
  ...TASK_STATUS_SLUGS,
  ...INITIATIVE_STATUS_SLUGS,
};

/** Longer input is cut: a search box is not a document. */
export const MAX_QUERY_LENGTH = 200;

export type SearchParams = {
  q: string;
  type: SearchType;
  status: SearchStatus | null;
  area: TaskArea | null;
  year: number | null;
  page: number;
};

export function searchParams(params: URLSearchParams): SearchParams {
  const type = SEARCH_TYPES.find((t) => TYPE_SLUGS[t] === params.get("loai")) ?? "all";
  const status = SEARCH_STATUSES.find((s) => SEARCH_STATUS_SLUGS[s] === params.get("trang-thai")) ?? null;
  const area = TASK_AREAS.find((a) => AREA_SLUGS[a] === params.get("linh-vuc")) ?? null;
  const year = Number(params.get("nam"));
  const page = Number(params.get("trang"));
  return {
    q: (params.get("q") ?? "").slice(0, MAX_QUERY_LENGTH).trim(),
    type,
    status,
    area,
    year: Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : null,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
  };
}

export const isTaskStatus = (s: SearchStatus): s is TaskStatus => (TASK_STATUSES as readonly string[]).includes(s);
export const isInitiativeStatus = (s: SearchStatus): s is InitiativeStatus => (INITIATIVE_STATUSES as readonly string[]).includes(s);

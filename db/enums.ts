// Value lists shared by the schema, the zod form schemas and the interface. Plain constants:
// safe to import into the browser bundle (db/schema.ts pulls in drizzle and is not).
export const ORG_KINDS = [
  "city", // Thành ủy
  "body", // a committee of the City Party Committee (Ban Nội chính, Ban Tổ chức …)
  "bloc", // bloc party committee directly under the city (Đảng ủy UBND TP …)
  "ward",
  "commune",
  "special_zone",
  "district", // abolished on 01/07/2025, kept for history
  "grassroots", // đảng bộ cơ sở / chi bộ cơ sở
  "cell", // chi bộ trực thuộc
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ROLES = [
  "cadre",
  "leader",
  "evaluator",
  "secretary",
  "internal_affairs",
  "organization_staff",
  "inspector",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

/** The three areas a prevention task addresses (tham nhũng / lãng phí / tiêu cực). */
export const TASK_AREAS = ["corruption", "waste", "negative"] as const;
export type TaskArea = (typeof TASK_AREAS)[number];

export const TASK_STATUSES = ["draft", "published", "closed"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Sáng kiến (initiative) or giải pháp phòng ngừa (prevention solution). */
export const INITIATIVE_KINDS = ["initiative", "solution"] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];

/** draft → submitted → accepted, or returned (reason) → resubmitted …; withdrawn by the authors before evaluation. */
export const INITIATIVE_STATUSES = ["draft", "submitted", "returned", "accepted", "withdrawn"] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

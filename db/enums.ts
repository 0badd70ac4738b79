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

/** draft → submitted → accepted, or returned (reason) → resubmitted …; withdrawn by the authors
 * before evaluation. Accepted → evaluating (before a council) → recognised or not_recognised. */
export const INITIATIVE_STATUSES = ["draft", "submitted", "returned", "accepted", "withdrawn", "evaluating", "recognised", "not_recognised"] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

// --- Evaluation and crediting -------------------------------------------------------------

/** A council's members: chủ tịch, thư ký, thành viên. */
export const COUNCIL_ROLES = ["chair", "secretary", "member"] as const;
export type CouncilRole = (typeof COUNCIL_ROLES)[number];

/** Recognition levels: cơ sở (unit), cấp trên cơ sở (ward/commune), Thành phố (city). */
export const RECOGNITION_LEVELS = ["unit", "ward", "city"] as const;
export type RecognitionLevel = (typeof RECOGNITION_LEVELS)[number];

export const DECISION_OUTCOMES = ["recognised", "not_recognised"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** An evaluator's sheet: assigned (nothing saved), draft (saved, not submitted), submitted. */
export const EVALUATION_STATUSES = ["assigned", "draft", "submitted"] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

export const REPORT_STATUSES = ["submitted", "confirmed", "rejected"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

// --- Innovation proposals of leaders (Decree 73/2023) --------------------------------------

/** draft → voting → approved (by vote, or by the head despite a failed vote) or rejected;
 * approved → reported (completion report) → evaluated. */
export const PROPOSAL_STATUSES = ["draft", "voting", "approved", "rejected", "reported", "evaluated"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const VOTES = ["for", "against"] as const;
export type Vote = (typeof VOTES)[number];

export const COMPLETIONS = ["completed", "partly", "not_completed"] as const;
export type Completion = (typeof COMPLETIONS)[number];

/** What protection applies after the evaluation (Decree 73, art. 10–11). */
export const PROTECTION_TIERS = ["no_liability", "liability_excluded", "consider_exclusion"] as const;
export type ProtectionTier = (typeof PROTECTION_TIERS)[number];

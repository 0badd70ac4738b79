// The one drizzle schema module. Timestamps are ISO-8601 UTC text set by the server;
// calendar dates (validity, birth) are 'YYYY-MM-DD' text.
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import {
  COMPLETIONS, COUNCIL_ROLES, DECISION_OUTCOMES, EVALUATION_STATUSES, INITIATIVE_KINDS, INITIATIVE_STATUSES, ORG_KINDS, PROPOSAL_STATUSES, PROTECTION_TIERS,
  RECOGNITION_LEVELS, REPORT_STATUSES, ROLES, TASK_STATUSES, VOTES,
} from "./enums";

export { INITIATIVE_KINDS, INITIATIVE_STATUSES, ORG_KINDS, ROLES, TASK_AREAS, TASK_STATUSES } from "./enums";
export type { InitiativeKind, InitiativeStatus, OrgKind, Role, TaskArea, TaskStatus } from "./enums";
export type {
  Completion, CouncilRole, DecisionOutcome, EvaluationStatus, ProposalStatus, ProtectionTier, RecognitionLevel, ReportStatus, Vote,
} from "./enums";

const createdAt = () => text("created_at").notNull();

export const organizations = sqliteTable(
  "organizations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ORG_KINDS }).notNull(),
    parentId: integer("parent_id"),
    // Materialized path of ids, "/1/17/230/": a subtree is one indexed prefix range.
    path: text("path").notNull(),
    depth: integer("depth").notNull(),
    // Diacritic-folded lower-case name for search ("phuong sai gon").
    searchName: text("search_name").notNull(),
    validFrom: text("valid_from").notNull(),
    validTo: text("valid_to"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("organizations_code_uq").on(t.code),
    index("organizations_path_idx").on(t.path),
    index("organizations_parent_idx").on(t.parentId, t.name),
  ],
);

// Every earlier state of a node: a rename, move or closure closes the current version here,
// so a record made at time T can be shown with the name and parent the node had then.
export const organizationVersions = sqliteTable(
  "organization_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orgId: integer("org_id").notNull().references(() => organizations.id),
    name: text("name").notNull(),
    parentId: integer("parent_id"),
    validFrom: text("valid_from").notNull(),
    validTo: text("valid_to").notNull(),
    change: text("change", { enum: ["rename", "move", "close"] }).notNull(),
    recordedAt: text("recorded_at").notNull(),
  },
  (t) => [index("organization_versions_org_idx").on(t.orgId, t.validFrom)],
);

export const people = sqliteTable(
  "people",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    familyName: text("family_name").notNull(),
    middleName: text("middle_name").notNull().default(""),
    givenName: text("given_name").notNull(),
    searchName: text("search_name").notNull(),
    // Binary order = Vietnamese order by given name (app/models/people-sort.server.ts), set on write.
    sortKey: text("sort_key").notNull().default(""),
    dateOfBirth: text("date_of_birth"),
    position: text("position").notNull().default(""),
    orgId: integer("org_id").notNull().references(() => organizations.id),
    partyMember: integer("party_member", { mode: "boolean" }).notNull().default(true),
    email: text("email"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("people_org_idx").on(t.orgId, t.givenName),
    index("people_search_idx").on(t.searchName),
    index("people_sort_idx").on(t.sortKey, t.id),
    uniqueIndex("people_email_uq").on(t.email).where(sql`${t.email} IS NOT NULL`),
  ],
);

export const accounts = sqliteTable(
  "accounts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id").notNull().references(() => people.id),
    username: text("username").notNull(),
    // Null until an administrator issues a first password (imported people).
    passwordHash: text("password_hash"),
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(true),
    failedAttempts: integer("failed_attempts").notNull().default(0),
    lockedUntil: text("locked_until"),
    lastSignInAt: text("last_sign_in_at"),
    passwordChangedAt: text("password_changed_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("accounts_username_uq").on(t.username),
    uniqueIndex("accounts_person_uq").on(t.personId),
    // The administrators' "locked accounts" card reads the few locked ones, not every account.
    index("accounts_locked_idx").on(t.lockedUntil),
  ],
);

export const roleGrants = sqliteTable(
  "role_grants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id").notNull().references(() => people.id),
    role: text("role", { enum: ROLES }).notNull(),
    orgId: integer("org_id").notNull().references(() => organizations.id),
    grantedBy: integer("granted_by"),
    grantedAt: text("granted_at").notNull(),
    revokedBy: integer("revoked_by"),
    revokedAt: text("revoked_at"),
  },
  (t) => [
    index("role_grants_person_idx").on(t.personId, t.revokedAt),
    index("role_grants_org_idx").on(t.orgId, t.role),
  ],
);

export const sessions = sqliteTable(
  "sessions",
  {
    // SHA-256 of the cookie token: a stolen database copy yields no usable session.
    id: text("id").primaryKey(),
    personId: integer("person_id").notNull().references(() => people.id),
    createdAt: createdAt(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    revokedAt: text("revoked_at"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_person_idx").on(t.personId)],
);

// Append-only, hash-chained. UPDATE and DELETE are refused by triggers (drizzle/…_ledger.sql).
export const ledgerEvents = sqliteTable(
  "ledger_events",
  {
    seq: integer("seq").primaryKey(),
    at: text("at").notNull(),
    actorId: integer("actor_id"),
    orgId: integer("org_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    payloadHash: text("payload_hash").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
    // Ed25519 signature of `hash` by the portal key: rewriting the chain needs the key.
    signature: text("signature").notNull(),
  },
  (t) => [
    index("ledger_events_actor_idx").on(t.actorId, t.seq),
    index("ledger_events_org_idx").on(t.orgId, t.seq),
    index("ledger_events_entity_idx").on(t.entity, t.entityId, t.seq),
    index("ledger_events_at_idx").on(t.at),
  ],
);

// The clear text of each event's payload, kept apart so that personal data can be erased
// (the row deleted) without breaking the chain, which hashes only payload_hash.
export const ledgerPayloads = sqliteTable("ledger_payloads", {
  seq: integer("seq").primaryKey(),
  payload: text("payload").notNull(),
});

// The whole-chain checks run from the ledger page, one at a time across the server's processes:
// the process that runs one (its worker thread) writes its progress and a heartbeat here, and
// any process shows it. Not ledger events: a check reads the chain and decides nothing, and an
// event per check would move the head it had just checked. `position` is where a later "recent"
// check may start (JSON {seq, hash, fullCheckedAt}), signed with the ledger key, so that
// rewriting it with the file needs the key as rewriting the chain does.
export const ledgerChecks = sqliteTable(
  "ledger_checks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ["full", "recent"] }).notNull(),
    fromSeq: integer("from_seq"),
    startedAt: text("started_at").notNull(),
    startedBy: integer("started_by").references(() => people.id),
    /** The process running it; its heartbeat stops when that process ends. */
    runner: text("runner").notNull(),
    heartbeatAt: text("heartbeat_at").notNull(),
    done: integer("done").notNull().default(0),
    total: integer("total"),
    finishedAt: text("finished_at"),
    /** JSON of the CheckOutcome once finished. */
    outcome: text("outcome"),
    position: text("position"),
    positionSignature: text("position_signature"),
  },
  (t) => [index("ledger_checks_open_idx").on(t.finishedAt, t.id)],
);

// An uploaded list of people, parsed and checked but not yet written: the preview page and
// the confirm step read it back (no re-upload, works without JavaScript). `rows` is the JSON
// of the normalised rows with their problems; it is emptied once the batch is decided.
export const IMPORT_STATUSES = ["pending", "confirmed", "discarded"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const importBatches = sqliteTable(
  "import_batches",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: integer("actor_id").notNull().references(() => people.id),
    // JSON array of the subtree roots the actor could import into at preview time.
    orgScope: text("org_scope").notNull(),
    fileName: text("file_name").notNull(),
    fileSha256: text("file_sha256").notNull(),
    createdAt: createdAt(),
    status: text("status", { enum: IMPORT_STATUSES }).notNull().default("pending"),
    decidedAt: text("decided_at"),
    rowCount: integer("row_count").notNull(),
    problemCount: integer("problem_count").notNull(),
    createdCount: integer("created_count").notNull().default(0),
    rows: text("rows").notNull(),
  },
  (t) => [index("import_batches_actor_idx").on(t.actorId, t.status)],
);

// Prevention tasks (nhiệm vụ phòng ngừa): posted by a party organization's leader for its
// subtree, draft → published → closed.
export const tasks = sqliteTable(
  "tasks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // The posting organization: the task is for its subtree.
    orgId: integer("org_id").notNull().references(() => organizations.id),
    title: text("title").notNull(),
    // Sorted, comma-separated TASK_AREAS ("corruption,waste").
    areas: text("areas").notNull(),
    description: text("description").notNull(),
    periodYear: integer("period_year").notNull(),
    // 1–4, or null for a task of the whole year.
    periodQuarter: integer("period_quarter"),
    deadline: text("deadline").notNull(),
    // The quarterly warning it answers (warnings come with the Internal Affairs issue).
    warningId: integer("warning_id"),
    status: text("status", { enum: TASK_STATUSES }).notNull().default("draft"),
    searchText: text("search_text").notNull(),
    createdBy: integer("created_by").notNull().references(() => people.id),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
    publishedAt: text("published_at"),
    closedAt: text("closed_at"),
  },
  (t) => [
    index("tasks_org_idx").on(t.orgId, t.status, t.deadline),
    index("tasks_status_idx").on(t.status, t.deadline),
  ],
);

// The organizations a task is addressed to (each with its subtree); none = the posting org.
export const taskTargets = sqliteTable(
  "task_targets",
  {
    taskId: integer("task_id").notNull().references(() => tasks.id),
    orgId: integer("org_id").notNull().references(() => organizations.id),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.orgId] }), index("task_targets_org_idx").on(t.orgId, t.taskId)],
);

// Cadres a task is assigned to by name.
export const taskAssignees = sqliteTable(
  "task_assignees",
  {
    taskId: integer("task_id").notNull().references(() => tasks.id),
    personId: integer("person_id").notNull().references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.personId] }), index("task_assignees_person_idx").on(t.personId, t.taskId)],
);

// In-app notifications: a task assigned to me, my registration accepted or returned, a
// deadline near. `key` is a catalog key; `href` where the notification leads.
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id").notNull().references(() => people.id),
    key: text("key").notNull(),
    params: text("params").notNull().default("{}"),
    href: text("href").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    createdAt: createdAt(),
    readAt: text("read_at"),
  },
  (t) => [index("notifications_person_idx").on(t.personId, t.readAt, t.id)],
);

// Initiatives and prevention solutions. The row holds the current state for lists and
// scoping; every submitted content lives, frozen and hashed, in initiative_versions.
export const initiatives = sqliteTable(
  "initiatives",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: INITIATIVE_KINDS }).notNull(),
    // Given at first submission (SK-2026-000123 / GP-2026-000045), never reused.
    registrationNumber: text("registration_number"),
    // The organization that receives and decides: the author's own or one above it, or the
    // posting organization of the task it answers.
    receivingOrgId: integer("receiving_org_id").notNull().references(() => organizations.id),
    // The creator's organization when the draft was made.
    authorOrgId: integer("author_org_id").notNull().references(() => organizations.id),
    taskId: integer("task_id").references(() => tasks.id),
    status: text("status", { enum: INITIATIVE_STATUSES }).notNull().default("draft"),
    title: text("title").notNull(),
    searchText: text("search_text").notNull().default(""),
    // The version being edited (a draft) or the last one submitted.
    currentVersion: integer("current_version").notNull().default(1),
    createdBy: integer("created_by").notNull().references(() => people.id),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
    firstSubmittedAt: text("first_submitted_at"),
    submittedAt: text("submitted_at"),
    acceptedAt: text("accepted_at"),
    // 3 months after acceptance: the decision is due (Decree 13/2012).
    decisionDueOn: text("decision_due_on"),
    returnedReason: text("returned_reason"),
    withdrawnAt: text("withdrawn_at"),
  },
  (t) => [
    uniqueIndex("initiatives_regno_uq").on(t.registrationNumber).where(sql`${t.registrationNumber} IS NOT NULL`),
    // A ward's inbox is read through this index and sorted: it holds every column a filter or
    // an order of the inbox reads, so no registration's row is read before the page's 25.
    index("initiatives_receiving_idx").on(t.receivingOrgId, t.status, t.submittedAt, t.decisionDueOn, t.registrationNumber, t.taskId),
    index("initiatives_status_idx").on(t.status, t.submittedAt),
    index("initiatives_task_idx").on(t.taskId, t.receivingOrgId),
    index("initiatives_creator_idx").on(t.createdBy, t.updatedAt),
    // A whole city's inbox walks these in order instead of sorting every row (initiatives-inbox).
    // The id before the status keeps the order's tie-break in the index (without it SQLite sorted
    // each run of equal times: 7,500 rows deep, 5 ms → 0.8 ms); the status spares a table read per
    // row walked. By submission time; by the decision due; by registration number.
    index("initiatives_submitted_idx").on(t.submittedAt, t.id, t.status),
    index("initiatives_due_idx").on(t.decisionDueOn, t.submittedAt, t.id, t.status),
    index("initiatives_number_idx").on(t.registrationNumber, t.id, t.status),
  ],
);

export const initiativeVersions = sqliteTable(
  "initiative_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    initiativeId: integer("initiative_id").notNull().references(() => initiatives.id),
    version: integer("version").notNull(),
    // Canonical JSON of every field of the form, the authors and the attachments' hashes.
    content: text("content").notNull(),
    // Set when the version is submitted; from then on the row never changes.
    contentSha256: text("content_sha256"),
    submittedAt: text("submitted_at"),
    ledgerSeq: integer("ledger_seq"),
    ledgerHash: text("ledger_hash"),
    createdBy: integer("created_by").notNull().references(() => people.id),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("initiative_versions_uq").on(t.initiativeId, t.version)],
);

// The authors of the current version (the version's content keeps each version's own list).
// Co-authors are people of the portal (person_id) or outside people (name, workplace, title).
export const initiativeAuthors = sqliteTable(
  "initiative_authors",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    initiativeId: integer("initiative_id").notNull().references(() => initiatives.id),
    position: integer("position").notNull(),
    personId: integer("person_id").references(() => people.id),
    fullName: text("full_name").notNull(),
    dateOfBirth: text("date_of_birth"),
    workplace: text("workplace").notNull().default(""),
    jobTitle: text("job_title").notNull().default(""),
    qualification: text("qualification").notNull().default(""),
    // Contribution in hundredths of a percent (33,33 % = 3333); the shares total 10000.
    shareBp: integer("share_bp").notNull(),
  },
  (t) => [
    index("initiative_authors_initiative_idx").on(t.initiativeId, t.position),
    index("initiative_authors_person_idx").on(t.personId, t.initiativeId),
  ],
);

// Files attached to an initiative: stored outside public/ under their SHA-256, served only to
// those who may see the initiative. A version lists the attachments it includes by hash.
export const attachments = sqliteTable(
  "attachments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    initiativeId: integer("initiative_id").notNull().references(() => initiatives.id),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: integer("uploaded_by").notNull().references(() => people.id),
    uploadedAt: text("uploaded_at").notNull(),
    // Removed from the draft (still part of the versions that included it).
    removedAt: text("removed_at"),
  },
  (t) => [index("attachments_initiative_idx").on(t.initiativeId, t.removedAt)],
);

// Registration numbers: one counter per prefix and year, advanced inside the submitting
// IMMEDIATE transaction, so numbers are unique and never reused.
export const registrationCounters = sqliteTable(
  "registration_counters",
  {
    prefix: text("prefix").notNull(),
    year: integer("year").notNull(),
    last: integer("last").notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.year] })],
);

// ---------------------------------------------------------------------------------------
// Evaluation: score sheets (rubrics), councils, evaluators' sheets, decisions and credit.
// Points are stored as integers: criterion maxima and thresholds in whole points, scores in
// half points (a score of 7,5 is 15), credit in hundredths of a point.
// ---------------------------------------------------------------------------------------

// A score sheet (phiếu chấm điểm). Once a council uses it (locked_at set) it never changes;
// a change is a new version that names the one it replaces.
export const rubrics = sqliteTable(
  "rubrics",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orgId: integer("org_id").notNull().references(() => organizations.id),
    name: text("name").notNull(),
    version: integer("version").notNull().default(1),
    previousId: integer("previous_id"),
    // Minimum totals for each recognition level (e.g. 50 / 70 / 85 out of 100).
    thresholdUnit: integer("threshold_unit").notNull(),
    thresholdWard: integer("threshold_ward").notNull(),
    thresholdCity: integer("threshold_city").notNull(),
    createdBy: integer("created_by").notNull().references(() => people.id),
    createdAt: createdAt(),
    lockedAt: text("locked_at"),
  },
  (t) => [index("rubrics_org_idx").on(t.orgId), uniqueIndex("rubrics_previous_uq").on(t.previousId)],
);

export const rubricCriteria = sqliteTable(
  "rubric_criteria",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    rubricId: integer("rubric_id").notNull().references(() => rubrics.id),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    maxPoints: integer("max_points").notNull(),
    guidance: text("guidance").notNull().default(""),
  },
  (t) => [uniqueIndex("rubric_criteria_uq").on(t.rubricId, t.position)],
);

// An evaluation council (hội đồng đánh giá) of an organization for a period.
export const councils = sqliteTable(
  "councils",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    orgId: integer("org_id").notNull().references(() => organizations.id),
    name: text("name").notNull(),
    periodYear: integer("period_year").notNull(),
    periodQuarter: integer("period_quarter"),
    rubricId: integer("rubric_id").notNull().references(() => rubrics.id),
    // Flag an initiative when its evaluators' totals differ by more than this many points.
    spreadLimit: integer("spread_limit").notNull().default(20),
    createdBy: integer("created_by").notNull().references(() => people.id),
    createdAt: createdAt(),
    closedAt: text("closed_at"),
  },
  (t) => [index("councils_org_idx").on(t.orgId, t.periodYear)],
);

export const councilMembers = sqliteTable(
  "council_members",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    councilId: integer("council_id").notNull().references(() => councils.id),
    personId: integer("person_id").notNull().references(() => people.id),
    role: text("role", { enum: COUNCIL_ROLES }).notNull(),
    addedBy: integer("added_by").notNull().references(() => people.id),
    addedAt: text("added_at").notNull(),
    removedAt: text("removed_at"),
  },
  (t) => [uniqueIndex("council_members_uq").on(t.councilId, t.personId), index("council_members_person_idx").on(t.personId)],
);

// An accepted registration's version before a council; one council per version.
export const councilItems = sqliteTable(
  "council_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    councilId: integer("council_id").notNull().references(() => councils.id),
    initiativeId: integer("initiative_id").notNull().references(() => initiatives.id),
    version: integer("version").notNull(),
    dueOn: text("due_on").notNull(),
    assignedBy: integer("assigned_by").notNull().references(() => people.id),
    assignedAt: text("assigned_at").notNull(),
  },
  (t) => [uniqueIndex("council_items_version_uq").on(t.initiativeId, t.version), index("council_items_council_idx").on(t.councilId)],
);

// One evaluator's sheet for one item. Scores are hidden from the other evaluators until they
// submit their own; a submitted sheet changes only after the secretary reopens it (ledgered).
export const evaluations = sqliteTable(
  "evaluations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    itemId: integer("item_id").notNull().references(() => councilItems.id),
    evaluatorId: integer("evaluator_id").notNull().references(() => people.id),
    status: text("status", { enum: EVALUATION_STATUSES }).notNull().default("assigned"),
    dueOn: text("due_on").notNull(),
    assignedBy: integer("assigned_by").notNull().references(() => people.id),
    assignedAt: text("assigned_at").notNull(),
    savedAt: text("saved_at"),
    submittedAt: text("submitted_at"),
    // The total of the submitted scores, in half points.
    totalHalfPoints: integer("total_half_points"),
    reopenedCount: integer("reopened_count").notNull().default(0),
  },
  (t) => [uniqueIndex("evaluations_uq").on(t.itemId, t.evaluatorId), index("evaluations_evaluator_idx").on(t.evaluatorId, t.status, t.dueOn)],
);

export const evaluationScores = sqliteTable(
  "evaluation_scores",
  {
    evaluationId: integer("evaluation_id").notNull().references(() => evaluations.id),
    criterionId: integer("criterion_id").notNull().references(() => rubricCriteria.id),
    halfPoints: integer("half_points").notNull(),
    comment: text("comment").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.criterionId] })],
);

// A conflict of interest an evaluator declares on an initiative (beyond the ones the portal
// derives: authors, the authors' cell leaders, whoever posted the task).
export const conflicts = sqliteTable(
  "conflicts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id").notNull().references(() => people.id),
    initiativeId: integer("initiative_id").notNull().references(() => initiatives.id),
    reason: text("reason").notNull(),
    declaredAt: text("declared_at").notNull(),
  },
  (t) => [uniqueIndex("conflicts_uq").on(t.initiativeId, t.personId)],
);

// The council's decision on a version: immutable; a correction is a new decision naming the
// one it corrects. One original decision per version.
export const decisions = sqliteTable(
  "decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    councilId: integer("council_id").notNull().references(() => councils.id),
    orgId: integer("org_id").notNull().references(() => organizations.id),
    initiativeId: integer("initiative_id").notNull().references(() => initiatives.id),
    version: integer("version").notNull(),
    outcome: text("outcome", { enum: DECISION_OUTCOMES }).notNull(),
    level: text("level", { enum: RECOGNITION_LEVELS }),
    reason: text("reason").notNull().default(""),
    // Party style, e.g. 15-QĐ/ĐU; unique within the issuing organization.
    number: text("number").notNull(),
    decidedOn: text("decided_on").notNull(),
    signerName: text("signer_name").notNull(),
    signerTitle: text("signer_title").notNull(),
    correctsId: integer("corrects_id"),
    createdBy: integer("created_by").notNull().references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("decisions_original_uq").on(t.initiativeId, t.version).where(sql`corrects_id IS NULL`),
    uniqueIndex("decisions_corrects_uq").on(t.correctsId),
    uniqueIndex("decisions_number_uq").on(t.orgId, t.number),
    index("decisions_council_idx").on(t.councilId),
    // An initiative's decisions, in order (its page, the decision form): never a scan.
    index("decisions_initiative_idx").on(t.initiativeId),
  ],
);

// Points per recognition level, in hundredths (city 1000 = 10 points), set by administrators.
export const creditRules = sqliteTable("credit_rules", {
  level: text("level", { enum: RECOGNITION_LEVELS }).primaryKey(),
  points: integer("points").notNull(),
  updatedBy: integer("updated_by").references(() => people.id),
  updatedAt: text("updated_at").notNull(),
});

// The credit ledger: each author's share of a recognition, per person and organization and
// period. A correcting decision reverses the earlier entries (negative points) and adds new
// ones; rows are never updated.
export const creditEntries = sqliteTable(
  "credit_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    decisionId: integer("decision_id").notNull().references(() => decisions.id),
    initiativeId: integer("initiative_id").notNull().references(() => initiatives.id),
    personId: integer("person_id").references(() => people.id),
    authorName: text("author_name").notNull(),
    orgId: integer("org_id").references(() => organizations.id),
    level: text("level", { enum: RECOGNITION_LEVELS }).notNull(),
    periodYear: integer("period_year").notNull(),
    shareBp: integer("share_bp").notNull(),
    points: integer("points").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("credit_entries_person_idx").on(t.personId, t.periodYear),
    index("credit_entries_org_idx").on(t.orgId, t.periodYear),
    index("credit_entries_decision_idx").on(t.decisionId),
  ],
);

// After recognition: the authors report results of applying it; a leader confirms.
export const resultReports = sqliteTable(
  "result_reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    initiativeId: integer("initiative_id").notNull().references(() => initiatives.id),
    measuredBenefit: text("measured_benefit").notNull(),
    appliedFrom: text("applied_from"),
    status: text("status", { enum: REPORT_STATUSES }).notNull().default("submitted"),
    submittedBy: integer("submitted_by").notNull().references(() => people.id),
    submittedAt: text("submitted_at").notNull(),
    decidedBy: integer("decided_by").references(() => people.id),
    decidedAt: text("decided_at"),
    decisionNote: text("decision_note").notNull().default(""),
  },
  (t) => [
    index("result_reports_initiative_idx").on(t.initiativeId, t.status),
    // Reports awaiting confirmation, oldest first (the leaders' list and home card).
    index("result_reports_status_idx").on(t.status, t.submittedAt),
  ],
);

// Evidence files of a result report (stored like attachments, by SHA-256).
export const reportFiles = sqliteTable(
  "report_files",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: integer("report_id").notNull().references(() => resultReports.id),
    fileName: text("file_name").notNull(),
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: integer("uploaded_by").notNull().references(() => people.id),
    uploadedAt: text("uploaded_at").notNull(),
  },
  (t) => [index("report_files_report_idx").on(t.reportId)],
);

// ---------------------------------------------------------------------------------------
// Innovation proposals of leaders (Decree 73/2023) and the working-day calendar.
// ---------------------------------------------------------------------------------------

// Official holidays (Tết included), maintained by administrators; weekends are implicit.
export const holidays = sqliteTable("holidays", {
  date: text("date").primaryKey(),
  name: text("name").notNull(),
  createdBy: integer("created_by").references(() => people.id),
  createdAt: createdAt(),
});

export const proposals = sqliteTable(
  "proposals",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // The proposer's organization, and the one whose head decides (one level up when the
    // proposer is the head of their own).
    orgId: integer("org_id").notNull().references(() => organizations.id),
    deciderOrgId: integer("decider_org_id").notNull().references(() => organizations.id),
    proposerId: integer("proposer_id").notNull().references(() => people.id),
    status: text("status", { enum: PROPOSAL_STATUSES }).notNull().default("draft"),
    title: text("title").notNull(),
    necessity: text("necessity").notNull().default(""),
    content: text("content").notNull().default(""),
    scope: text("scope").notNull().default(""),
    duration: text("duration").notNull().default(""),
    resources: text("resources").notNull().default(""),
    feasibility: text("feasibility").notNull().default(""),
    impacts: text("impacts").notNull().default(""),
    submittedAt: text("submitted_at"),
    voteDueOn: text("vote_due_on"),
    decidedAt: text("decided_at"),
    decidedBy: integer("decided_by").references(() => people.id),
    votesFor: integer("votes_for"),
    votesAgainst: integer("votes_against"),
    // The head approved in writing despite a failed vote and bears the responsibility.
    headOverride: integer("head_override", { mode: "boolean" }).notNull().default(false),
    overrideNote: text("override_note").notNull().default(""),
    implementationEndedOn: text("implementation_ended_on"),
    reportDueOn: text("report_due_on"),
    report: text("report").notNull().default(""),
    reportedAt: text("reported_at"),
    evaluationDueOn: text("evaluation_due_on"),
    completion: text("completion", { enum: COMPLETIONS }),
    causes: text("causes").notNull().default(""),
    damage: integer("damage", { mode: "boolean" }),
    protectionTier: text("protection_tier", { enum: PROTECTION_TIERS }),
    evaluatedBy: integer("evaluated_by").references(() => people.id),
    evaluatedAt: text("evaluated_at"),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("proposals_decider_idx").on(t.deciderOrgId, t.status), index("proposals_proposer_idx").on(t.proposerId)],
);

// The leadership collective's votes; the proposer never votes; one vote each.
export const proposalVotes = sqliteTable(
  "proposal_votes",
  {
    proposalId: integer("proposal_id").notNull().references(() => proposals.id),
    voterId: integer("voter_id").notNull().references(() => people.id),
    vote: text("vote", { enum: VOTES }).notNull(),
    recordedBy: integer("recorded_by").notNull().references(() => people.id),
    recordedAt: text("recorded_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.voterId] })],
);

export type Organization = typeof organizations.$inferSelect;
export type Person = typeof people.$inferSelect;
export type Account = typeof accounts.$inferSelect;
export type RoleGrant = typeof roleGrants.$inferSelect;
export type LedgerEvent = typeof ledgerEvents.$inferSelect;
export type ImportBatch = typeof importBatches.$inferSelect;
export type Task = typeof tasks.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type Initiative = typeof initiatives.$inferSelect;
export type InitiativeVersion = typeof initiativeVersions.$inferSelect;

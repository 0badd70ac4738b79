// Pieces the evaluator's sheet reads and writes share: a council as the policy sees it, one
// sheet with its item, council and initiative, the rubric's criteria, the stored scores and
// their hash, and who may open a sheet at all. Every read of scores goes through `sheetFor`,
// so that no path shows one evaluator's scores to another before both have submitted.
import { and, asc, eq } from "drizzle-orm";
import {
  councilItems, councils, evaluations, evaluationScores, initiatives, notifications,
  type EvaluationStatus, type InitiativeKind, type InitiativeStatus,
} from "../../db/schema";
import { canScore, canViewCouncil, type CouncilRecord } from "~/auth/policy";
import { canonicalJson, sha256Hex } from "~/utils/canonical.server";
import type { Ctx, Tx } from "./context.server";
import { conflict, notFound } from "./errors";
import { todayIso } from "./orgs-shared.server";
import { criteriaOfRubric, type CriterionRow } from "./rubrics.server";
import { loadCouncil } from "./councils.server";

type Reader = Ctx["db"] | Tx;

/**
 * The council as the policy needs it, from its current (not removed) members. Kept here until
 * the councils model offers one; it reads the same tables the same way.
 */
/** The council's policy record with its organization and name (one loader: councils.server). */
export function councilRecordOf(db: Reader, councilId: number): (CouncilRecord & { orgId: number; name: string }) | undefined {
  const c = loadCouncil(db, councilId);
  return c && { ...c.record, orgId: c.row.orgId, name: c.row.name };
}

export function isSeated(c: CouncilRecord, personId: number): boolean {
  return c.chairIds.includes(personId) || c.secretaryIds.includes(personId) || c.memberIds.includes(personId);
}

export type SheetRow = {
  id: number;
  itemId: number;
  evaluatorId: number;
  status: EvaluationStatus;
  dueOn: string;
  savedAt: string | null;
  submittedAt: string | null;
  totalHalfPoints: number | null;
  reopenedCount: number;
  councilId: number;
  initiativeId: number;
  version: number;
  rubricId: number;
  kind: InitiativeKind;
  registrationNumber: string | null;
  title: string;
  initiativeStatus: InitiativeStatus;
};

export function loadSheet(db: Reader, id: number): SheetRow | undefined {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  return db
    .select({
      id: evaluations.id,
      itemId: evaluations.itemId,
      evaluatorId: evaluations.evaluatorId,
      status: evaluations.status,
      dueOn: evaluations.dueOn,
      savedAt: evaluations.savedAt,
      submittedAt: evaluations.submittedAt,
      totalHalfPoints: evaluations.totalHalfPoints,
      reopenedCount: evaluations.reopenedCount,
      councilId: councilItems.councilId,
      initiativeId: councilItems.initiativeId,
      version: councilItems.version,
      rubricId: councils.rubricId,
      kind: initiatives.kind,
      registrationNumber: initiatives.registrationNumber,
      title: initiatives.title,
      initiativeStatus: initiatives.status,
    })
    .from(evaluations)
    .innerJoin(councilItems, eq(councilItems.id, evaluations.itemId))
    .innerJoin(councils, eq(councils.id, councilItems.councilId))
    .innerJoin(initiatives, eq(initiatives.id, councilItems.initiativeId))
    .where(eq(evaluations.id, id))
    .get();
}

export type Criterion = CriterionRow;

/** The rubric's criteria in order (one reader for scoring and the rubric pages). */
export const criteriaOf = criteriaOfRubric;

export type StoredScore = { criterionId: number; halfPoints: number; comment: string };

/** The scores of ONE sheet. Only `sheetFor` callers may pass an id here. */
export function scoresOf(db: Reader, evaluationId: number): StoredScore[] {
  return db
    .select({ criterionId: evaluationScores.criterionId, halfPoints: evaluationScores.halfPoints, comment: evaluationScores.comment })
    .from(evaluationScores)
    .where(eq(evaluationScores.evaluationId, evaluationId))
    .orderBy(asc(evaluationScores.criterionId))
    .all();
}

/** SHA-256 of the scores (criterion and half points, comments left out) for the ledger. */
export function scoresSha256(scores: { criterionId: number; halfPoints: number }[]): string {
  const sorted = [...scores].sort((a, b) => a.criterionId - b.criterionId).map((s) => [s.criterionId, s.halfPoints]);
  return sha256Hex(canonicalJson({ scores: sorted }));
}

export function isOverdue(ctx: Ctx, sheet: { status: EvaluationStatus; dueOn: string }): boolean {
  return sheet.status !== "submitted" && sheet.dueOn < todayIso(ctx);
}

export type Access = { sheet: SheetRow; council: NonNullable<ReturnType<typeof councilRecordOf>>; own: boolean };

/**
 * One sheet for the actor, or not found (nothing said about whether it exists).
 * - "score": only the evaluator it is assigned to, still seated on the council; a submitted
 *   sheet or a closed council is a conflict with a message.
 * - "view": the evaluator; or, once the sheet is submitted, whoever may see the council (its
 *   chair and secretary, council secretaries over it, the inspection) — but never an actor who
 *   has a sheet of their own on the same item that is not yet submitted.
 */
export function sheetFor(ctx: Ctx, db: Reader, id: number, mode: "score" | "view"): Access {
  const actor = ctx.actor;
  const sheet = loadSheet(db, id);
  if (!actor || !sheet) throw notFound();
  const council = councilRecordOf(db, sheet.councilId);
  if (!council) throw notFound();
  const own = sheet.evaluatorId === actor.personId && isSeated(council, actor.personId);
  if (mode === "score") {
    if (!own) throw notFound();
    if (!canScore(actor, sheet, council)) throw conflict(council.closed ? "scoring.errors.councilClosed" : "scoring.errors.alreadySubmitted");
    return { sheet, council, own };
  }
  if (own) return { sheet, council, own };
  if (sheet.status !== "submitted" || !canViewCouncil(actor, council)) throw notFound();
  if (hasOpenSheetOnItem(db, sheet.itemId, actor.personId)) throw notFound();
  return { sheet, council, own };
}

function hasOpenSheetOnItem(db: Reader, itemId: number, personId: number): boolean {
  const mine = db
    .select({ status: evaluations.status })
    .from(evaluations)
    .where(and(eq(evaluations.itemId, itemId), eq(evaluations.evaluatorId, personId)))
    .get();
  return !!mine && mine.status !== "submitted";
}

/** An in-app notice to the evaluator about their sheet. */
export function notifyEvaluator(tx: Tx, personId: number, key: string, params: Record<string, string | number>, evaluationId: number, at: string): void {
  tx.insert(notifications)
    .values({ personId, key, params: JSON.stringify(params), href: `/danh-gia/phieu/${evaluationId}`, entity: "evaluation", entityId: String(evaluationId), createdAt: at })
    .run();
}

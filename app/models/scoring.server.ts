// The evaluator's score sheet (phiếu chấm điểm): read the frozen version and the rubric, save a
// draft, submit (final), and the secretary's reopening with a reason. Each change is one
// IMMEDIATE transaction: who may → is the input valid → rows → ledger. An evaluator reads only
// their own scores; others' stay out of every answer here (the council view aggregates them for
// the chair and the secretary).
import { and, asc, eq, inArray } from "drizzle-orm";
import { attachments, decisions, evaluations, evaluationScores, people } from "../../db/schema";
import { canRunCouncil, canViewCouncil } from "~/auth/policy";
import { commentField, halfPointsText, parseSheet, reopenSchema, scoreField } from "~/schemas/scoring";
import { nowIso, write, type Ctx, type Tx } from "./context.server";
import { conflict, forbidden, invalid, notFound } from "./errors";
import { loadVersion, parseContent, type StoredAuthor } from "./initiatives-shared.server";
import { appendEvent } from "./ledger.server";
import {
  councilRecordOf, criteriaOf, isOverdue, loadSheet, notifyEvaluator, scoresOf, scoresSha256, sheetFor, type Access, type Criterion, type StoredScore,
} from "./scoring-shared.server";

export { homeScoringCards, listQueue, SCORING_PAGE_SIZE, type QueueRow, type ScoringHomeCard } from "./scoring-queue.server";
export { councilRecordOf } from "./scoring-shared.server";

type Reader = Ctx["db"] | Tx;

function frozenVersion(db: Reader, initiativeId: number, version: number) {
  const v = loadVersion(db, initiativeId, version);
  // A council scores a submitted version only; a draft here would be a fault of the data.
  if (!v || !v.contentSha256) throw notFound();
  return v;
}

/** The files the frozen version included, by the hashes it froze (first upload of each). */
function frozenFiles(db: Reader, initiativeId: number, content: Record<string, unknown>) {
  const list = Array.isArray(content.attachments) ? content.attachments.filter((s): s is string => typeof s === "string") : [];
  if (!list.length) return [];
  const seen = new Set<string>();
  return db
    .select({ id: attachments.id, fileName: attachments.fileName, mediaType: attachments.mediaType, size: attachments.size, sha256: attachments.sha256, uploadedAt: attachments.uploadedAt })
    .from(attachments)
    .where(and(eq(attachments.initiativeId, initiativeId), inArray(attachments.sha256, list)))
    .orderBy(asc(attachments.id))
    .all()
    .filter((a) => !seen.has(a.sha256) && seen.add(a.sha256));
}

function totalOf(scores: { halfPoints: number }[]): number {
  return scores.reduce((sum, s) => sum + s.halfPoints, 0);
}

export type SheetView = ReturnType<typeof getSheet>;

/**
 * The sheet for the evaluator (to score, or read once submitted), or read-only for the council's
 * chair and secretary once submitted. Not found for anyone else. The scores are this sheet's
 * own — never another evaluator's.
 */
export function getSheet(ctx: Ctx, id: number) {
  const { sheet, council, own } = sheetFor(ctx, ctx.db, id, "view");
  const v = frozenVersion(ctx.db, sheet.initiativeId, sheet.version);
  const content = parseContent(v.content);
  const criteria = criteriaOf(ctx.db, sheet.rubricId);
  const scores = scoresOf(ctx.db, sheet.id);
  const complete = criteria.every((c) => scores.some((s) => s.criterionId === c.id));
  const canEdit = own && !council.closed && sheet.status !== "submitted";
  const evaluator = own ? null : ctx.db.select({ familyName: people.familyName, middleName: people.middleName, givenName: people.givenName }).from(people).where(eq(people.id, sheet.evaluatorId)).get() ?? null;
  return {
    id: sheet.id,
    status: sheet.status,
    dueOn: sheet.dueOn,
    overdue: isOverdue(ctx, sheet),
    savedAt: sheet.savedAt,
    submittedAt: sheet.submittedAt,
    reopenedCount: sheet.reopenedCount,
    own,
    evaluator,
    council: { id: sheet.councilId, name: council.name, closed: council.closed },
    initiative: {
      id: sheet.initiativeId,
      kind: sheet.kind,
      registrationNumber: sheet.registrationNumber,
      title: String((content.general as { title?: string } | undefined)?.title ?? sheet.title),
      version: sheet.version,
      submittedAt: v.submittedAt,
      contentSha256: v.contentSha256,
    },
    content,
    authors: (content.authors as StoredAuthor[] | undefined) ?? [],
    files: frozenFiles(ctx.db, sheet.initiativeId, content),
    criteria,
    scores,
    totalHalfPoints: totalOf(scores),
    scoresSha256: scoresSha256(scores),
    allowed: {
      score: canEdit,
      submit: canEdit && complete && criteria.length > 0,
      reopen: sheet.status === "submitted" && canRunCouncil(ctx.actor, council),
    },
  };
}

/** The form's values for the sheet's scores and comments ("7,5" for 15 half points). */
export function sheetValues(criteria: Criterion[], scores: StoredScore[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const c of criteria) {
    const s = scores.find((x) => x.criterionId === c.id);
    values[scoreField(c.id)] = halfPointsText(s?.halfPoints);
    values[commentField(c.id)] = s?.comment ?? "";
  }
  return values;
}

function ledgerIds(a: Access) {
  return { id: a.sheet.id, itemId: a.sheet.itemId, councilId: a.sheet.councilId, initiativeId: a.sheet.initiativeId, version: a.sheet.version, evaluatorId: a.sheet.evaluatorId };
}

/**
 * Save the sheet as a draft: every typed score must be a number from 0 to the criterion's
 * maximum in whole or half points, and a comment needs its score. With `complete` (the step
 * before submitting) every criterion must be scored. Refused with field errors, nothing written.
 */
export function saveDraft(ctx: Ctx, id: number, values: Record<string, unknown>, opts: { complete?: boolean } = {}): { scored: number; of: number } {
  return write(ctx, (tx) => {
    const access = sheetFor(ctx, tx, id, "score");
    const criteria = criteriaOf(tx, access.sheet.rubricId);
    const parsed = parseSheet(criteria, values, opts);
    if (!parsed.ok) throw invalid(parsed.fieldErrors);
    const orphanComments = parsed.scores.filter((s) => s.halfPoints === null && s.comment !== "");
    if (orphanComments.length) throw invalid(Object.fromEntries(orphanComments.map((s) => [scoreField(s.criterionId), "scoring.errors.scoreForComment"])));
    const scored = parsed.scores.flatMap((s) => (s.halfPoints === null ? [] : [{ criterionId: s.criterionId, halfPoints: s.halfPoints, comment: s.comment }]));
    tx.delete(evaluationScores).where(eq(evaluationScores.evaluationId, id)).run();
    if (scored.length) tx.insert(evaluationScores).values(scored.map((s) => ({ evaluationId: id, ...s }))).run();
    tx.update(evaluations).set({ status: "draft", savedAt: nowIso(ctx) }).where(eq(evaluations.id, id)).run();
    // The draft's total stays out of the ledger: its readers may include another evaluator.
    appendEvent(ctx, tx, {
      action: "evaluation.saved",
      entity: "evaluation",
      entityId: id,
      orgId: access.council.orgId,
      payload: { ...ledgerIds(access), scored: scored.length, of: criteria.length, scoresSha256: scoresSha256(scored) },
    });
    return { scored: scored.length, of: criteria.length };
  });
}

/**
 * Submit the saved sheet: final. Every criterion must be scored. With `expectedSha256` (what the
 * confirmation page showed) a sheet changed meanwhile in another window is refused.
 */
export function submitSheet(ctx: Ctx, id: number, opts: { expectedSha256?: string } = {}): { totalHalfPoints: number; scoresSha256: string } {
  return write(ctx, (tx) => {
    const access = sheetFor(ctx, tx, id, "score");
    const criteria = criteriaOf(tx, access.sheet.rubricId);
    const scores = scoresOf(tx, id);
    const missing = criteria.filter((c) => !scores.some((s) => s.criterionId === c.id));
    if (missing.length || !criteria.length) {
      throw invalid(Object.fromEntries(missing.map((c) => [scoreField(c.id), "scoring.errors.required"])), "scoring.errors.incomplete");
    }
    const sha = scoresSha256(scores);
    if (opts.expectedSha256 !== undefined && opts.expectedSha256 !== sha) throw conflict("scoring.errors.changed");
    const total = totalOf(scores);
    const at = nowIso(ctx);
    tx.update(evaluations).set({ status: "submitted", submittedAt: at, totalHalfPoints: total }).where(eq(evaluations.id, id)).run();
    appendEvent(ctx, tx, {
      action: "evaluation.submitted",
      entity: "evaluation",
      entityId: id,
      orgId: access.council.orgId,
      payload: { ...ledgerIds(access), totalHalfPoints: total, scoresSha256: sha, reopenedCount: access.sheet.reopenedCount },
    });
    return { totalHalfPoints: total, scoresSha256: sha };
  });
}

/** Who may reopen, else not found (not seen at all) or forbidden (seen but not theirs to run). */
function reopenable(ctx: Ctx, db: Reader, id: number) {
  const sheet = loadSheet(db, id);
  const council = sheet && councilRecordOf(db, sheet.councilId);
  if (!sheet || !council) throw notFound();
  if (!canRunCouncil(ctx.actor, council)) {
    if (sheet.status === "submitted" && canViewCouncil(ctx.actor, council)) throw forbidden();
    throw notFound();
  }
  if (sheet.status !== "submitted") throw conflict("scoring.errors.notSubmitted");
  const decided = db
    .select({ id: decisions.id })
    .from(decisions)
    .where(and(eq(decisions.initiativeId, sheet.initiativeId), eq(decisions.version, sheet.version)))
    .get();
  if (decided) throw conflict("scoring.errors.decided");
  return { sheet, council };
}

/** The reopening page: the sheet in one line, for the secretary who may reopen it. */
export function reopenView(ctx: Ctx, id: number) {
  const { sheet, council } = reopenable(ctx, ctx.db, id);
  const evaluator = ctx.db.select({ familyName: people.familyName, middleName: people.middleName, givenName: people.givenName }).from(people).where(eq(people.id, sheet.evaluatorId)).get()!;
  return {
    id: sheet.id,
    council: { id: sheet.councilId, name: council.name },
    initiative: { id: sheet.initiativeId, registrationNumber: sheet.registrationNumber, title: sheet.title, version: sheet.version },
    evaluator,
    submittedAt: sheet.submittedAt,
    totalHalfPoints: sheet.totalHalfPoints,
    reopenedCount: sheet.reopenedCount,
  };
}

/**
 * Send a submitted sheet back to its evaluator as a draft (the council's secretary, with a
 * reason). The scores stay for the evaluator to correct; the total is cleared until they submit
 * again. Ledgered with the reason; the evaluator is notified.
 */
export function reopenSheet(ctx: Ctx, id: number, input: { reason: unknown }): { reopenedCount: number } {
  return write(ctx, (tx) => {
    const { sheet, council } = reopenable(ctx, tx, id);
    const parsed = reopenSchema.safeParse({ reason: input.reason });
    if (!parsed.success) throw invalid({ reason: parsed.error.issues[0]?.message ?? "errors.required" });
    const at = nowIso(ctx);
    const reopenedCount = sheet.reopenedCount + 1;
    tx.update(evaluations).set({ status: "draft", submittedAt: null, totalHalfPoints: null, reopenedCount }).where(eq(evaluations.id, id)).run();
    notifyEvaluator(tx, sheet.evaluatorId, "scoring.notify.reopened", { number: sheet.registrationNumber ?? "", title: sheet.title, reason: parsed.data.reason }, id, at);
    appendEvent(ctx, tx, {
      action: "evaluation.reopened",
      entity: "evaluation",
      entityId: id,
      orgId: council.orgId,
      payload: {
        id,
        itemId: sheet.itemId,
        councilId: sheet.councilId,
        initiativeId: sheet.initiativeId,
        version: sheet.version,
        evaluatorId: sheet.evaluatorId,
        previousTotalHalfPoints: sheet.totalHalfPoints,
        reopenedCount,
        reason: parsed.data.reason,
      },
    });
    return { reopenedCount };
  });
}

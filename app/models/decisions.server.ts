// The council's decision (quyết định) on an initiative version: recognised at a level, or not
// recognised with a written reason; a party-style number, the date and the signer. A decision
// is never changed (database triggers refuse it); a correction is a new decision naming the
// one it corrects, which reverses the earlier credit and writes the new.
//
// In ONE IMMEDIATE transaction: policy (chair or secretary of the council) → validation →
// state (every sheet of the item submitted, at least two; no decision on the version yet;
// the number free within the organization) → the decision row, the initiative's status, the
// credit entries, the authors' notifications, the ledger event. Twenty simultaneous
// submissions queue on the write lock: the first writes, the others find its decision and
// are refused; the partial unique index (one original per version) backs that check.
import { and, eq, isNull } from "drizzle-orm";
import { councilItems, creditEntries, creditRules, decisions, initiatives, notifications, people, type RecognitionLevel } from "../../db/schema";
import { canRecordDecision } from "~/auth/policy";
import { decisionSchema, type DecisionInput } from "~/schemas/decisions";
import { parseDate } from "~/i18n/format";
import { nowIso, write, type Ctx, type Tx } from "./context.server";
import { splitPoints } from "./credit-split";
import { conflict, DomainError, forbidden, invalid, notFound } from "./errors";
import {
  correctionOf, frozenAuthors, loadCouncil, loadDecision, loadItem, sheetsOf, type CouncilInfo, type DecisionRow, type ItemRow, type Reader,
} from "./decisions-shared.server";
import { appendEvent } from "./ledger.server";
import { todayIso } from "./orgs-shared.server";

/** At least this many submitted sheets before a decision. */
export const MIN_EVALUATIONS = 2;

type Parsed = {
  outcome: "recognised" | "not_recognised";
  level: RecognitionLevel | null;
  reason: string;
  number: string;
  decidedOn: string;
  signerName: string;
  signerTitle: string;
};

function parse(ctx: Ctx, input: DecisionInput): Parsed {
  const parsed = decisionSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? "form")] ??= issue.message;
    throw invalid(fields);
  }
  const v = parsed.data;
  const decidedOn = parseDate(v.decidedOn)!;
  if (decidedOn > todayIso(ctx)) throw invalid({ decidedOn: "decisions.errors.future" });
  const recognised = v.outcome === "recognised";
  return {
    outcome: v.outcome,
    level: recognised ? (v.level as RecognitionLevel) : null,
    // A recognition may carry remarks; a refusal must give its reasons (Decree 13/2012).
    reason: v.reason,
    number: v.number,
    decidedOn,
    signerName: v.signerName,
    signerTitle: v.signerTitle,
  };
}

function councilFor(ctx: Ctx, tx: Tx, councilId: number): CouncilInfo {
  const council = loadCouncil(tx, councilId);
  if (!council) throw notFound();
  if (!canRecordDecision(ctx.actor, council)) {
    if (council.closed && (council.chairIds.includes(ctx.actor?.personId ?? -1) || council.secretaryIds.includes(ctx.actor?.personId ?? -1))) {
      throw conflict("decisions.errors.councilClosed");
    }
    throw forbidden();
  }
  return council;
}

function pointsFor(tx: Reader, level: RecognitionLevel): number {
  return tx.select({ points: creditRules.points }).from(creditRules).where(eq(creditRules.level, level)).get()?.points ?? 0;
}

type Credited = { personId: number | null; shareBp: number; points: number };

/** Credit each author of the decided version by share; outside authors have no person. */
function credit(tx: Tx, d: { id: number; initiativeId: number; version: number; level: RecognitionLevel; decidedOn: string }, at: string): Credited[] {
  const authors = frozenAuthors(tx, d.initiativeId, d.version);
  const parts = splitPoints(pointsFor(tx, d.level), authors.map((a) => a.shareBp));
  const periodYear = Number(d.decidedOn.slice(0, 4));
  const rows = authors.map((a, i) => {
    const orgId = a.personId === null ? null : (tx.select({ orgId: people.orgId }).from(people).where(eq(people.id, a.personId)).get()?.orgId ?? null);
    return { decisionId: d.id, initiativeId: d.initiativeId, personId: a.personId, authorName: a.fullName, orgId, level: d.level, periodYear, shareBp: a.shareBp, points: parts[i], createdAt: at };
  });
  if (rows.length) tx.insert(creditEntries).values(rows).run();
  return rows.map((r) => ({ personId: r.personId, shareBp: r.shareBp, points: r.points }));
}

/** Reverse what the corrected decision credited (its own positive entries; the reversals it
 * made of earlier decisions are already netted), in the same period and level, negated. */
function reverse(tx: Tx, corrected: DecisionRow, by: number, at: string): number {
  const earlier = tx
    .select({ initiativeId: creditEntries.initiativeId, personId: creditEntries.personId, authorName: creditEntries.authorName, orgId: creditEntries.orgId, level: creditEntries.level, periodYear: creditEntries.periodYear, shareBp: creditEntries.shareBp, points: creditEntries.points })
    .from(creditEntries)
    .where(eq(creditEntries.decisionId, corrected.id))
    .all()
    .filter((e) => e.points > 0);
  if (earlier.length) tx.insert(creditEntries).values(earlier.map((e) => ({ decisionId: by, createdAt: at, ...e, points: -e.points }))).run();
  return earlier.length;
}

function notifyAuthors(ctx: Ctx, tx: Tx, item: ItemRow, key: string, params: Record<string, string>, at: string): void {
  const ids = [...new Set(frozenAuthors(tx, item.initiativeId, item.version).flatMap((a) => (a.personId === null ? [] : [a.personId])))].filter((id) => id !== ctx.actor?.personId);
  if (!ids.length) return;
  tx.insert(notifications)
    .values(ids.map((personId) => ({ personId, key, params: JSON.stringify(params), href: `/sang-kien/${item.initiativeId}/quyet-dinh`, entity: "initiative", entityId: String(item.initiativeId), createdAt: at })))
    .run();
}

/** A unique index that fired under us (a racing writer): the same friendly refusals. */
function mapConstraint(error: unknown): never {
  const message = error instanceof Error ? error.message : "";
  if (/UNIQUE constraint failed: decisions\.org_id, decisions\.number/.test(message)) throw invalid({ number: "decisions.errors.numberTaken" });
  if (/UNIQUE constraint failed: decisions\.(initiative_id|corrects_id)/.test(message)) throw conflict("decisions.errors.alreadyDecided");
  throw error;
}

function numberFree(tx: Tx, orgId: number, number: string): void {
  const taken = tx.select({ id: decisions.id }).from(decisions).where(and(eq(decisions.orgId, orgId), eq(decisions.number, number))).get();
  if (taken) throw invalid({ number: "decisions.errors.numberTaken" });
}

type Written = { id: number; initiativeId: number; credited: Credited[] };

function insertDecision(ctx: Ctx, tx: Tx, council: CouncilInfo, item: ItemRow, v: Parsed, correctsId: number | null, at: string): number {
  return tx
    .insert(decisions)
    .values({ councilId: council.id, orgId: council.orgId, initiativeId: item.initiativeId, version: item.version, ...v, correctsId, createdBy: ctx.actor!.personId, createdAt: at })
    .returning({ id: decisions.id })
    .get().id;
}

/** Record the council's decision on an item (a version before the council). */
export function recordDecision(ctx: Ctx, itemId: number, input: DecisionInput): Written {
  try {
    return write(ctx, (tx) => {
      const item = loadItem(tx, itemId);
      if (!item) throw notFound();
      const council = councilFor(ctx, tx, item.councilId);
      const v = parse(ctx, input);
      const sheets = sheetsOf(tx, itemId);
      const submitted = sheets.filter((s) => s.status === "submitted").length;
      if (sheets.length < MIN_EVALUATIONS || submitted < sheets.length) throw conflict("decisions.errors.evaluationsPending");
      const existing = tx
        .select({ id: decisions.id })
        .from(decisions)
        .where(and(eq(decisions.initiativeId, item.initiativeId), eq(decisions.version, item.version), isNull(decisions.correctsId)))
        .get();
      if (existing) throw conflict("decisions.errors.alreadyDecided");
      if (item.status !== "accepted" && item.status !== "evaluating") throw conflict("decisions.errors.notUnderEvaluation");
      numberFree(tx, council.orgId, v.number);
      const at = nowIso(ctx);
      const id = insertDecision(ctx, tx, council, item, v, null, at);
      tx.update(initiatives).set({ status: v.outcome, updatedAt: at }).where(eq(initiatives.id, item.initiativeId)).run();
      const credited = v.level ? credit(tx, { id, initiativeId: item.initiativeId, version: item.version, level: v.level, decidedOn: v.decidedOn }, at) : [];
      notifyAuthors(ctx, tx, item, "decisions.notify.recorded", { number: v.number, title: item.title }, at);
      appendEvent(ctx, tx, {
        action: "decision.recorded",
        entity: "decision",
        entityId: id,
        orgId: council.orgId,
        payload: { id, councilId: council.id, initiativeId: item.initiativeId, version: item.version, outcome: v.outcome, level: v.level, number: v.number, decidedOn: v.decidedOn, reason: v.reason || null, evaluations: submitted, credited },
      });
      return { id, initiativeId: item.initiativeId, credited };
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    mapConstraint(error);
  }
}

/** Correct a decision: a new decision referencing it. Only the latest of a chain can be
 * corrected; the earlier credit is reversed and the new outcome credited. */
export function correctDecision(ctx: Ctx, decisionId: number, input: DecisionInput): Written {
  try {
    return write(ctx, (tx) => {
      const corrected = loadDecision(tx, decisionId);
      if (!corrected) throw notFound();
      const council = councilFor(ctx, tx, corrected.councilId);
      const v = parse(ctx, input);
      const later = correctionOf(tx, decisionId);
      if (later) throw conflict("decisions.errors.alreadyCorrected");
      if (v.decidedOn < corrected.decidedOn) throw invalid({ decidedOn: "decisions.errors.beforeCorrected" });
      numberFree(tx, council.orgId, v.number);
      const item = loadItemOf(tx, corrected);
      const at = nowIso(ctx);
      const id = insertDecision(ctx, tx, council, item, v, corrected.id, at);
      const reversed = reverse(tx, corrected, id, at);
      tx.update(initiatives).set({ status: v.outcome, updatedAt: at }).where(eq(initiatives.id, item.initiativeId)).run();
      const credited = v.level ? credit(tx, { id, initiativeId: item.initiativeId, version: item.version, level: v.level, decidedOn: v.decidedOn }, at) : [];
      notifyAuthors(ctx, tx, item, "decisions.notify.corrected", { number: v.number, corrected: corrected.number, title: item.title }, at);
      appendEvent(ctx, tx, {
        action: "decision.corrected",
        entity: "decision",
        entityId: id,
        orgId: council.orgId,
        payload: {
          id, correctsId: corrected.id, correctsNumber: corrected.number, initiativeId: item.initiativeId, version: item.version,
          before: { outcome: corrected.outcome, level: corrected.level }, outcome: v.outcome, level: v.level, number: v.number, decidedOn: v.decidedOn,
          reason: v.reason || null, reversedEntries: reversed, credited,
        },
      });
      return { id, initiativeId: item.initiativeId, credited };
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    mapConstraint(error);
  }
}

function loadItemOf(tx: Tx, d: DecisionRow): ItemRow {
  const row = tx.select({ id: councilItems.id }).from(councilItems).where(and(eq(councilItems.initiativeId, d.initiativeId), eq(councilItems.version, d.version))).get();
  const item = row ? loadItem(tx, row.id) : undefined;
  if (!item) throw notFound();
  return item;
}

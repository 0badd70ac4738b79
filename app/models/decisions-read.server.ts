// Reading decisions: the recording page's data (the item's score summary, thresholds and the
// suggested level), one decision as its viewers may see it, and the authors' view of the
// decisions on their initiative. Authors and receivers see the summary (mean and number of
// evaluators), never who gave which score; the council's chair and secretary, council
// secretaries over it and the inspection (canViewCouncil) see the full summary.
import { and, asc, eq, gte } from "drizzle-orm";
import { councilItems, creditEntries } from "../../db/schema";
import { canRecordDecision, canSeeScores, canViewCouncil, canViewInitiative, type CouncilRecord } from "~/auth/policy";
import { hasOpenSheet } from "./councils-view.server";
import type { Ctx } from "./context.server";
import { conflict, forbidden, notFound } from "./errors";
import {
  correctionOf, decisionsOfInitiative, frozenAuthors, itemSummary, loadCouncil, loadDecision, loadItem, rubricOf,
  type CouncilInfo, type DecisionRow, type RubricInfo, type Summary,
} from "./decisions-shared.server";
import { loadInitiative } from "./initiatives-shared.server";
import { todayIso } from "./orgs-shared.server";
import { MIN_EVALUATIONS } from "./decisions.server";

const councilBrief = (c: CouncilInfo) => ({ id: c.id, name: c.name, orgName: c.orgName, parentOrgName: c.parentOrgName, periodYear: c.periodYear, closed: c.closed });

/** The recording page: who may record, whether the item is ready, its summary. */
export function decisionForm(ctx: Ctx, councilId: number, itemId: number) {
  const council = loadCouncil(ctx.db, councilId);
  const item = loadItem(ctx.db, itemId);
  if (!council || !item || item.councilId !== council.id) throw notFound();
  const mayRecord = canRecordDecision(ctx.actor, council);
  if (!mayRecord && !canViewCouncil(ctx.actor, council)) throw notFound();
  // A chair or secretary who also scores this item sees nothing of the others' before submitting.
  if (hasOpenSheet(ctx.db, ctx.actor?.personId, { councilId, itemId })) throw conflict("decisions.errors.ownSheetOpen");
  const rubric = rubricOf(ctx.db, council.rubricId);
  const summary = itemSummary(ctx.db, item.id, rubric);
  const existing = decisionsOfInitiative(ctx.db, item.initiativeId).filter((d) => d.version === item.version);
  const pending = summary.assigned - summary.submitted;
  return {
    council: councilBrief(council),
    item: { id: item.id, initiativeId: item.initiativeId, version: item.version, title: item.title, registrationNumber: item.registrationNumber, status: item.status },
    rubric,
    summary,
    spreadLimit: council.spreadLimit,
    ready: summary.assigned >= MIN_EVALUATIONS && pending === 0,
    pending,
    existing: existing.map((d) => ({ id: d.id, number: d.number, outcome: d.outcome, level: d.level })),
    allowed: { record: mayRecord && existing.length === 0 },
    today: todayIso(ctx),
  };
}

type Viewer = { council: CouncilInfo; full: boolean; record: boolean };

/** Who may see a decision: the council's viewers, and whoever may see the initiative. */
function viewer(ctx: Ctx, d: DecisionRow): Viewer {
  const council = loadCouncil(ctx.db, d.councilId);
  const loaded = loadInitiative(ctx.db, d.initiativeId);
  if (!council || !loaded) throw notFound();
  const full = canViewCouncil(ctx.actor, council);
  if (!full && !canViewInitiative(ctx.actor, loaded.record)) throw notFound();
  return { council, full, record: canRecordDecision(ctx.actor, council) };
}

/** What authors and receivers may see of the scores: how many evaluated, the mean. */
export function publicSummary(s: Summary) {
  return { submitted: s.submitted, meanHalf: s.meanHalf };
}

function summaryFor(ctx: Ctx, d: DecisionRow, rubric: RubricInfo) {
  const row = ctx.db.select({ id: councilItems.id }).from(councilItems).where(and(eq(councilItems.initiativeId, d.initiativeId), eq(councilItems.version, d.version))).get();
  return row ? itemSummary(ctx.db, row.id, rubric) : null;
}

/** One decision, with its authors and their credit, the chain around it, the summary. */
export function getDecision(ctx: Ctx, id: number) {
  const d = loadDecision(ctx.db, id);
  if (!d) throw notFound();
  const v = viewer(ctx, d);
  const loaded = loadInitiative(ctx.db, d.initiativeId)!;
  const rubric = rubricOf(ctx.db, v.council.rubricId);
  const summary = summaryFor(ctx, d, rubric);
  const credit = ctx.db
    .select({ personId: creditEntries.personId, authorName: creditEntries.authorName, points: creditEntries.points })
    .from(creditEntries)
    .where(and(eq(creditEntries.decisionId, d.id), gte(creditEntries.points, 0)))
    .orderBy(asc(creditEntries.id))
    .all();
  const frozen = frozenAuthors(ctx.db, d.initiativeId, d.version);
  // The credit entries were written in author order, one per author (none for a refusal).
  const credited = credit.length === frozen.length;
  const authors = frozen.map((a, i) => ({
    fullName: a.fullName,
    personId: a.personId,
    workplace: a.workplace,
    jobTitle: a.jobTitle,
    shareBp: a.shareBp,
    points: credited ? credit[i].points : null,
  }));
  const corrects = d.correctsId ? loadDecision(ctx.db, d.correctsId) : undefined;
  const correctedBy = correctionOf(ctx.db, d.id) ?? null;
  return {
    decision: d,
    council: councilBrief(v.council),
    initiative: { id: loaded.row.id, title: loaded.row.title, registrationNumber: loaded.row.registrationNumber, kind: loaded.row.kind, receivingOrgName: loaded.row.receivingOrgName },
    authors,
    corrects: corrects ? { id: corrects.id, number: corrects.number } : null,
    correctedBy,
    summary: summary ? (v.full ? { ...summary, full: true as const } : { ...publicSummary(summary), full: false as const }) : null,
    rubric: v.full ? rubric : null,
    allowed: { correct: v.record && !correctedBy, council: v.full },
    today: todayIso(ctx),
  };
}
export type DecisionView = ReturnType<typeof getDecision>;

/**
 * The decisions on an initiative for its authors and receivers (whoever may see it), oldest
 * first, each with the score summary: the number of evaluators and the mean, not who gave
 * which score. The latest of each chain is marked `current`.
 */
export function decisionsForInitiative(ctx: Ctx, initiativeId: number) {
  const loaded = loadInitiative(ctx.db, initiativeId);
  if (!loaded || !canViewInitiative(ctx.actor, loaded.record)) throw notFound();
  const rows = decisionsOfInitiative(ctx.db, initiativeId);
  const corrected = new Set(rows.map((r) => r.correctsId).filter((x): x is number => x !== null));
  const councils = new Map<number, CouncilInfo | undefined>();
  const decisions = rows.map((d) => {
    if (!councils.has(d.councilId)) councils.set(d.councilId, loadCouncil(ctx.db, d.councilId));
    const council = councils.get(d.councilId);
    const summary = council ? summaryFor(ctx, d, rubricOf(ctx.db, council.rubricId)) : null;
    return {
      id: d.id, number: d.number, outcome: d.outcome, level: d.level, reason: d.reason, decidedOn: d.decidedOn, signerName: d.signerName,
      signerTitle: d.signerTitle, version: d.version, correctsId: d.correctsId, councilName: council?.name ?? "", current: !corrected.has(d.id),
      summary: summary ? publicSummary(summary) : null,
    };
  });
  return { initiative: { id: loaded.row.id, title: loaded.row.title, registrationNumber: loaded.row.registrationNumber, status: loaded.row.status }, decisions };
}

/** Decisions as the council's records (its minutes): every item's decisions, for viewers. */
export function councilForViewer(ctx: Ctx, councilId: number): CouncilInfo {
  const council = loadCouncil(ctx.db, councilId);
  if (!council) throw notFound();
  if (!canSeeScores(ctx.actor, council, hasOpenSheet(ctx.db, ctx.actor?.personId, { councilId }))) throw forbidden();
  return council;
}

export type { CouncilRecord };

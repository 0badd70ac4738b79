// The council view: members, the items before the council with their evaluators and statuses,
// and — for those who may see the council's scores (canViewCouncil) — each submitted total, the
// mean, median and spread, and the flag when the evaluators diverge beyond the council's limit.
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { conflicts, councilItems, evaluations, initiatives, people, type EvaluationStatus, type InitiativeStatus } from "../../db/schema";
import { canRecordDecision, canRunCouncil, canSeeScores, canViewCouncil } from "~/auth/policy";
import type { Ctx } from "./context.server";
import { forbidden, notFound } from "./errors";
import { isSpreadFlagged, MIN_EVALUATORS, summarizeTotals, type TotalsStats } from "./evaluation-stats";
import { todayIso } from "./orgs-shared.server";
import { evaluatorIdsOf, loadCouncil, membersOf, type CouncilRow, type MemberRow } from "./councils.server";
import { loadRubric } from "./rubrics.server";

type Name = { familyName: string; middleName: string; givenName: string };

export type ItemEvaluator = Name & {
  evaluationId: number; personId: number; status: EvaluationStatus; dueOn: string; submittedAt: string | null; overdue: boolean;
  /** Half points; only for those who may see the scores, and only once submitted. */
  totalHalfPoints: number | null;
};

export type CouncilItemScores = {
  itemId: number; initiativeId: number; version: number; registrationNumber: string | null; title: string; initiativeStatus: InitiativeStatus; dueOn: string;
  evaluators: ItemEvaluator[];
  /** Statistics of the submitted totals (null values for those who may not see scores). */
  stats: TotalsStats | null;
  flagged: boolean;
  tooFewEvaluators: boolean;
  declared: (Name & { personId: number })[];
};

/** Every item of the council with its evaluators, submitted totals and their statistics, for
 * whoever may see the council's scores (canViewCouncil). Stable API for the decisions. */
export function councilItemsWithScores(ctx: Ctx, councilId: number): CouncilItemScores[] {
  const c = loadCouncil(ctx.db, councilId);
  if (!c || !canViewCouncil(ctx.actor, c.record)) throw notFound();
  return itemsOf(ctx, councilId, c.row.spreadLimit, (open) => canSeeScores(ctx.actor, c.record, open));
}

export type CouncilView = {
  council: CouncilRow & { rubricName: string; rubricVersion: number };
  members: MemberRow[];
  items: CouncilItemScores[];
  canSeeScores: boolean;
  canRun: boolean;
  canDecide: boolean;
  isMember: boolean;
  evaluatorChoices: MemberRow[];
  hasChairAndSecretary: boolean;
};

/** The council page: its chair, secretaries and members see it; the scores only per canViewCouncil. */
export function councilView(ctx: Ctx, councilId: number): CouncilView {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const c = loadCouncil(ctx.db, councilId);
  if (!c) throw notFound();
  const { record } = c;
  const viewer = canViewCouncil(actor, record);
  const isMember = [...record.chairIds, ...record.secretaryIds, ...record.memberIds].includes(actor.personId);
  if (!viewer && !isMember) throw notFound();
  const rubric = loadRubric(ctx.db, c.row.rubricId)!;
  const members = membersOf(ctx.db, councilId);
  const eligible = evaluatorIdsOf(record);
  return {
    council: { ...c.row, rubricName: rubric.name, rubricVersion: rubric.version },
    members,
    items: itemsOf(ctx, councilId, c.row.spreadLimit, (open) => canSeeScores(actor, record, open)),
    canSeeScores: viewer,
    canRun: canRunCouncil(actor, record),
    canDecide: canRecordDecision(actor, record),
    isMember,
    evaluatorChoices: members.filter((m) => eligible.includes(m.personId)),
    hasChairAndSecretary: record.chairIds.length === 1 && record.secretaryIds.length >= 1,
  };
}

function itemsOf(ctx: Ctx, councilId: number, spreadLimit: number, scoresVisible: (ownOpenSheet: boolean) => boolean): CouncilItemScores[] {
  const items = ctx.db
    .select({
      itemId: councilItems.id, initiativeId: councilItems.initiativeId, version: councilItems.version, registrationNumber: initiatives.registrationNumber,
      title: initiatives.title, initiativeStatus: initiatives.status, dueOn: councilItems.dueOn,
    })
    .from(councilItems)
    .innerJoin(initiatives, eq(initiatives.id, councilItems.initiativeId))
    .where(eq(councilItems.councilId, councilId))
    .orderBy(asc(initiatives.registrationNumber), asc(councilItems.id))
    .all();
  if (!items.length) return [];
  const sheets = ctx.db
    .select({
      evaluationId: evaluations.id, itemId: evaluations.itemId, personId: evaluations.evaluatorId, status: evaluations.status, dueOn: evaluations.dueOn,
      submittedAt: evaluations.submittedAt, totalHalfPoints: evaluations.totalHalfPoints,
      familyName: people.familyName, middleName: people.middleName, givenName: people.givenName, sortKey: people.sortKey,
    })
    .from(evaluations)
    .innerJoin(people, eq(people.id, evaluations.evaluatorId))
    .where(inArray(evaluations.itemId, items.map((i) => i.itemId)))
    .orderBy(asc(people.sortKey), asc(evaluations.id))
    .all();
  const declared = ctx.db
    .select({ initiativeId: conflicts.initiativeId, personId: conflicts.personId, familyName: people.familyName, middleName: people.middleName, givenName: people.givenName })
    .from(conflicts)
    .innerJoin(people, eq(people.id, conflicts.personId))
    .where(and(inArray(conflicts.initiativeId, items.map((i) => i.initiativeId))))
    .all();
  const today = todayIso(ctx);
  return items.map((item) => {
    const withScores = scoresVisible(sheets.some((s) => s.itemId === item.itemId && s.personId === ctx.actor?.personId && s.status !== "submitted"));
    const evaluators: ItemEvaluator[] = sheets
      .filter((s) => s.itemId === item.itemId)
      .map(({ itemId: _i, sortKey: _s, ...s }) => ({
        ...s,
        overdue: s.status !== "submitted" && s.dueOn < today,
        totalHalfPoints: withScores && s.status === "submitted" ? s.totalHalfPoints : null,
      }));
    const totals = evaluators.filter((e) => e.status === "submitted" && e.totalHalfPoints !== null).map((e) => e.totalHalfPoints!);
    const stats = withScores ? summarizeTotals(totals) : null;
    return {
      ...item,
      evaluators,
      stats,
      flagged: stats ? isSpreadFlagged(stats, spreadLimit) : false,
      tooFewEvaluators: evaluators.length < MIN_EVALUATORS,
      declared: declared.filter((d) => d.initiativeId === item.initiativeId).map(({ initiativeId: _i, ...d }) => d),
    };
  });
}

/** Does the person hold a sheet not yet submitted in the council (or on one of its items)? */
export function hasOpenSheet(db: Ctx["db"], personId: number | undefined, where: { councilId: number; itemId?: number }): boolean {
  if (personId === undefined) return false;
  return !!db
    .select({ id: evaluations.id })
    .from(evaluations)
    .innerJoin(councilItems, eq(councilItems.id, evaluations.itemId))
    .where(
      and(
        eq(evaluations.evaluatorId, personId),
        ne(evaluations.status, "submitted"),
        where.itemId ? eq(councilItems.id, where.itemId) : eq(councilItems.councilId, where.councilId),
      ),
    )
    .get();
}

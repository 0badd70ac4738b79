// The council view: members, the items before the council with their evaluators and statuses,
// and — for those who may see the council's scores (canViewCouncil) — each submitted total, the
// mean, median and spread, and the flag when the evaluators diverge beyond the council's limit.
// The page shows the items 25 at a time by state (councils-view-list.server.ts); the assignment
// page and the downloads still read every item.
import { and, eq, ne } from "drizzle-orm";
import { councilItems, evaluations, type EvaluationStatus, type InitiativeStatus } from "../../db/schema";
import { canRecordDecision, canRunCouncil, canSeeScores, canViewCouncil } from "~/auth/policy";
import type { Ctx } from "./context.server";
import { forbidden, notFound } from "./errors";
import { isSpreadFlagged, MIN_EVALUATORS, summarizeTotals, type TotalsStats } from "./evaluation-stats";
import { todayIso } from "./orgs-shared.server";
import { evaluatorIdsOf, loadCouncil, membersOf, type CouncilRow, type MemberRow } from "./councils.server";
import { itemPage, type ItemPage } from "./councils-view-list.server";
import { viewStmt } from "./councils-view-statements.server";
import type { ItemState } from "~/schemas/councils";
import { allRows } from "./rows.server";

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
  /** Paging, the counts of each state and of the sheets (only when asked for a page). */
  list: ItemPage | null;
  canSeeScores: boolean;
  canRun: boolean;
  canDecide: boolean;
  isMember: boolean;
  evaluatorChoices: MemberRow[];
  hasChairAndSecretary: boolean;
};

/** The council page: its chair, secretaries and members see it; the scores only per canViewCouncil.
 * With a query, one page of the items in a state; without, every item (the assignment page). */
export function councilView(ctx: Ctx, councilId: number, query?: { state: ItemState; page: number }): CouncilView {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const c = loadCouncil(ctx.db, councilId);
  if (!c) throw notFound();
  const { record } = c;
  const viewer = canViewCouncil(actor, record);
  const isMember = [...record.chairIds, ...record.secretaryIds, ...record.memberIds].includes(actor.personId);
  if (!viewer && !isMember) throw notFound();
  const rubric = viewStmt(ctx.db, "rubricLabel").get(c.row.rubricId) as { name: string; version: number };
  const members = membersOf(ctx.db, councilId);
  const eligible = evaluatorIdsOf(record);
  const list = query ? itemPage(ctx, { id: councilId, record, spreadLimit: c.row.spreadLimit }, query, todayIso(ctx)) : null;
  return {
    council: { ...c.row, rubricName: rubric.name, rubricVersion: rubric.version },
    members,
    items: itemsOf(ctx, councilId, c.row.spreadLimit, (open) => canSeeScores(actor, record, open), list?.itemIds),
    list,
    canSeeScores: viewer,
    canRun: canRunCouncil(actor, record),
    canDecide: canRecordDecision(actor, record),
    isMember,
    evaluatorChoices: members.filter((m) => eligible.includes(m.personId)),
    hasChairAndSecretary: record.chairIds.length === 1 && record.secretaryIds.length >= 1,
  };
}

/** The council's items (or only those ids, in that order) with evaluators, totals and stats. */
function itemsOf(ctx: Ctx, councilId: number, spreadLimit: number, scoresVisible: (ownOpenSheet: boolean) => boolean, onlyIds?: number[]): CouncilItemScores[] {
  if (onlyIds && !onlyIds.length) return [];
  const items = (onlyIds ? allRows(viewStmt(ctx.db, "itemsIn"), JSON.stringify(onlyIds), councilId) : allRows(viewStmt(ctx.db, "items"), councilId)) as Omit<
    CouncilItemScores,
    "evaluators" | "stats" | "flagged" | "tooFewEvaluators" | "declared"
  >[];
  if (!items.length) return [];
  const sheets = allRows(viewStmt(ctx.db, "sheets"), JSON.stringify(items.map((i) => i.itemId))) as (Omit<ItemEvaluator, "overdue"> & { itemId: number })[];
  const declared = allRows(viewStmt(ctx.db, "declared"), JSON.stringify([...new Set(items.map((i) => i.initiativeId))])) as (Name & { personId: number; initiativeId: number })[];
  const sheetsOf = groupBy(sheets, (s) => s.itemId);
  const declaredOn = groupBy(declared, (d) => d.initiativeId);
  const today = todayIso(ctx);
  const me = ctx.actor?.personId;
  return items.map((item) => {
    const mine = sheetsOf.get(item.itemId) ?? [];
    const withScores = scoresVisible(mine.some((s) => s.personId === me && s.status !== "submitted"));
    // Literals, not `{ ...s, overdue }` (rows.server.ts: a spread copy that gains a property is slow).
    const evaluators: ItemEvaluator[] = mine.map((s) => ({
      evaluationId: s.evaluationId,
      personId: s.personId,
      status: s.status,
      dueOn: s.dueOn,
      submittedAt: s.submittedAt,
      familyName: s.familyName,
      middleName: s.middleName,
      givenName: s.givenName,
      overdue: s.status !== "submitted" && s.dueOn < today,
      totalHalfPoints: withScores && s.status === "submitted" ? s.totalHalfPoints : null,
    }));
    const totals = evaluators.filter((e) => e.status === "submitted" && e.totalHalfPoints !== null).map((e) => e.totalHalfPoints!);
    const stats = withScores ? summarizeTotals(totals) : null;
    return {
      itemId: item.itemId,
      initiativeId: item.initiativeId,
      version: item.version,
      registrationNumber: item.registrationNumber,
      title: item.title,
      initiativeStatus: item.initiativeStatus,
      dueOn: item.dueOn,
      evaluators,
      stats,
      flagged: stats ? isSpreadFlagged(stats, spreadLimit) : false,
      tooFewEvaluators: evaluators.length < MIN_EVALUATORS,
      declared: (declaredOn.get(item.initiativeId) ?? []).map((d) => ({ personId: d.personId, familyName: d.familyName, middleName: d.middleName, givenName: d.givenName })),
    };
  });
}

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
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

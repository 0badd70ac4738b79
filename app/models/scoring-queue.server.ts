// The evaluator's queue: the sheets assigned to me — all, still to score (assigned or draft,
// not yet due), overdue (due date passed in Ho Chi Minh City, not submitted), done (submitted).
// Every query starts from evaluations_evaluator_idx (evaluator_id, status, due_on).
import { and, asc, count, desc, eq, inArray, isNull, lt, gte, sql, type SQL } from "drizzle-orm";
import { councilItems, councilMembers, councils, evaluations, initiatives, type EvaluationStatus } from "../../db/schema";
import { canAnywhere, hasRole } from "~/auth/policy";
import type { QueueTab } from "~/schemas/scoring";
import type { Ctx } from "./context.server";
import { rememberUntilChange } from "./count-memo.server";
import { forbidden } from "./errors";
import { todayIso } from "./orgs-shared.server";

export const SCORING_PAGE_SIZE = 25;

const OPEN: EvaluationStatus[] = ["assigned", "draft"];

export type QueueRow = {
  id: number;
  registrationNumber: string | null;
  title: string;
  councilName: string;
  dueOn: string;
  status: EvaluationStatus;
  submittedAt: string | null;
  overdue: boolean;
};

export type QueueCounts = Record<QueueTab, number>;

function me(ctx: Ctx): number {
  if (!ctx.actor) throw forbidden();
  return ctx.actor.personId;
}

function tabWhere(tab: QueueTab, today: string): SQL | undefined {
  switch (tab) {
    case "pending":
      return and(inArray(evaluations.status, OPEN), gte(evaluations.dueOn, today), isNull(councils.closedAt));
    case "overdue":
      return and(inArray(evaluations.status, OPEN), lt(evaluations.dueOn, today), isNull(councils.closedAt));
    case "done":
      return eq(evaluations.status, "submitted");
    default:
      return undefined;
  }
}

/** How many sheets each tab holds for the actor, in one grouped pass over their rows. */
export function queueCounts(ctx: Ctx): QueueCounts {
  const personId = me(ctx);
  const today = todayIso(ctx);
  // Every page of the evaluator's queue and the home page count the same sheets: once per day and
  // state of the database.
  return rememberUntilChange(ctx.db, `queueCounts\u0000${personId}\u0000${today}`, () => countQueue(ctx, personId, today));
}

function countQueue(ctx: Ctx, personId: number, today: string): QueueCounts {
  const open = sql`${evaluations.status} IN ('assigned', 'draft') AND ${councils.closedAt} IS NULL`;
  const row = ctx.db
    .select({
      all: count(),
      pending: sql<number>`coalesce(sum(CASE WHEN ${open} AND ${evaluations.dueOn} >= ${today} THEN 1 ELSE 0 END), 0)`,
      overdue: sql<number>`coalesce(sum(CASE WHEN ${open} AND ${evaluations.dueOn} < ${today} THEN 1 ELSE 0 END), 0)`,
      done: sql<number>`coalesce(sum(CASE WHEN ${evaluations.status} = 'submitted' THEN 1 ELSE 0 END), 0)`,
    })
    .from(evaluations)
    .innerJoin(councilItems, eq(councilItems.id, evaluations.itemId))
    .innerJoin(councils, eq(councils.id, councilItems.councilId))
    .where(eq(evaluations.evaluatorId, personId))
    .get()!;
  return { all: row.all, pending: Number(row.pending), overdue: Number(row.overdue), done: Number(row.done) };
}

/** One page of the actor's sheets in a tab: the soonest due first; done ones the latest first. */
export function listQueue(ctx: Ctx, input: { tab: QueueTab; page?: number }) {
  const personId = me(ctx);
  const today = todayIso(ctx);
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const where = and(eq(evaluations.evaluatorId, personId), tabWhere(input.tab, today));
  const base = () =>
    ctx.db
      .select({
        id: evaluations.id,
        registrationNumber: initiatives.registrationNumber,
        title: initiatives.title,
        councilName: councils.name,
        dueOn: evaluations.dueOn,
        status: evaluations.status,
        submittedAt: evaluations.submittedAt,
      })
      .from(evaluations)
      .innerJoin(councilItems, eq(councilItems.id, evaluations.itemId))
      .innerJoin(councils, eq(councils.id, councilItems.councilId))
      .innerJoin(initiatives, eq(initiatives.id, councilItems.initiativeId))
      .where(where);
  const order =
    input.tab === "done"
      ? [desc(evaluations.submittedAt), desc(evaluations.id)]
      : [asc(sql`${evaluations.status} = 'submitted'`), asc(evaluations.dueOn), asc(evaluations.id)];
  const rows = base()
    .orderBy(...order)
    .limit(SCORING_PAGE_SIZE)
    .offset((page - 1) * SCORING_PAGE_SIZE)
    .all()
    .map((r): QueueRow => ({ overdue: r.status !== "submitted" && r.dueOn < today, ...r }));
  const counts = queueCounts(ctx);
  return { tab: input.tab, page, total: counts[input.tab], rows, counts, links: queueLinks(ctx) };
}

/** Links for people who run councils or keep score sheets (their pages live elsewhere). */
function queueLinks(ctx: Ctx): { councils: boolean; rubrics: boolean } {
  const actor = ctx.actor!;
  const runs =
    canAnywhere(actor, "council.manage") ||
    !!ctx.db
      .select({ id: councilMembers.id })
      .from(councilMembers)
      .where(and(eq(councilMembers.personId, actor.personId), isNull(councilMembers.removedAt), inArray(councilMembers.role, ["chair", "secretary"])))
      .limit(1)
      .get();
  return { councils: runs, rubrics: canAnywhere(actor, "rubric.manage") };
}

export type ScoringHomeCard = { key: "scoringPending" | "scoringOverdue"; count: number; href: string };

/** The home page's cards: sheets to score and sheets overdue, for anyone who has sheets (or the
 * evaluator role). */
export function homeScoringCards(ctx: Ctx): ScoringHomeCard[] {
  if (!ctx.actor) return [];
  const counts = queueCounts(ctx);
  if (counts.all === 0 && !hasRole(ctx.actor, "evaluator")) return [];
  return [
    { key: "scoringPending", count: counts.pending, href: "/danh-gia?xem=cho-cham" },
    { key: "scoringOverdue", count: counts.overdue, href: "/danh-gia?xem=qua-han" },
  ];
}

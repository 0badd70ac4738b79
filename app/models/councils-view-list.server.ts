// The council view's list of items at city scale: a ward council holds hundreds of items with
// two or three sheets each, so the page shows 25 at a time, filtered by where each item stands.
// One grouped query over the council's items and their sheets gives, per item, the figures the
// states need (sheets, open sheets, submitted totals' count, lowest and highest, whether the
// actor's own sheet is still open); the states themselves are decided here with the policy
// (canSeeScores) and the flag rule (isSpreadFlagged), so neither is restated in SQL. Only the
// page's items are then loaded with their evaluators, totals and declarations.
import type { InitiativeStatus } from "../../db/schema";
import { canSeeScores, type CouncilRecord } from "~/auth/policy";
import type { ItemState } from "~/schemas/councils";
import type { Ctx } from "./context.server";
import { rememberUntilChange } from "./count-memo.server";
import { viewStmt } from "./councils-view-statements.server";
import { isSpreadFlagged, MIN_EVALUATORS } from "./evaluation-stats";
import { allRows } from "./rows.server";

export const COUNCIL_PAGE_SIZE = 25;

export type ItemFigures = {
  itemId: number;
  initiativeStatus: InitiativeStatus;
  /** Sheets assigned on the item (any status). */
  sheets: number;
  /** Sheets not yet submitted. */
  open: number;
  /** Submitted sheets with a total (what the statistics count). */
  done: number;
  /** Lowest and highest submitted total, half points. */
  low: number | null;
  high: number | null;
  /** The actor holds a sheet on the item that is not submitted yet. */
  mineOpen: boolean;
};

export type StateCounts = Record<ItemState, number>;
export type SheetCounts = { assigned: number; submitted: number; overdue: number };

/** Per-item figures of a council, in the page's order (registration number, then item). */
export function itemFigures(ctx: Ctx, councilId: number, today: string): { items: ItemFigures[]; overdue: number } {
  const me = ctx.actor?.personId ?? -1;
  return rememberUntilChange<Figures>(ctx.db, `council-figures:${councilId}:${me}:${today}`, () => {
    const rows = allRows(viewStmt(ctx.db, "figures"), { councilId, today, me }) as (Omit<ItemFigures, "mineOpen"> & { overdue: number; mineOpen: number })[];
    let overdue = 0;
    const items = rows.map((r): ItemFigures => {
      overdue += r.overdue;
      return { itemId: r.itemId, initiativeStatus: r.initiativeStatus, sheets: r.sheets, open: r.open, done: r.done, low: r.low, high: r.high, mineOpen: r.mineOpen > 0 };
    });
    return { items, overdue };
  });
}

// The figures of a council as one actor sees them are remembered until the database changes
// (count-memo.server.ts): a secretary paging through a ward council, or several people looking
// at it, read them once.
type Figures = { items: ItemFigures[]; overdue: number };

/** Is the item flagged for this actor? Only where they may see its scores, as on the page. */
export function flaggedFor(ctx: Ctx, record: CouncilRecord, f: ItemFigures, spreadLimit: number): boolean {
  if (!canSeeScores(ctx.actor, record, f.mineOpen)) return false;
  const spread = f.low === null || f.high === null ? null : (f.high - f.low) / 2;
  return isSpreadFlagged({ count: f.done, spread }, spreadLimit);
}

/** Where an item stands: decided (no longer being evaluated); flagged (a wide spread the actor
 * may see); ready (every sheet in, at least the minimum number); otherwise waiting for sheets. */
export function stateOf(f: ItemFigures, flagged: boolean): Exclude<ItemState, "all"> {
  if (f.initiativeStatus !== "evaluating") return "decided";
  if (flagged) return "flagged";
  if (f.open === 0 && f.done >= MIN_EVALUATORS) return "ready";
  return "waiting";
}

export type ItemPage = {
  state: ItemState;
  page: number;
  pageSize: number;
  /** Items in the chosen state (all pages). */
  total: number;
  counts: StateCounts;
  sheets: SheetCounts;
  /** The page's item ids, in order. */
  itemIds: number[];
};

/** The ids of one page of the council's items in a state, with the counts of every state. */
export function itemPage(ctx: Ctx, c: { id: number; record: CouncilRecord; spreadLimit: number }, query: { state: ItemState; page: number }, today: string): ItemPage {
  const { items, overdue } = itemFigures(ctx, c.id, today);
  const counts: StateCounts = { all: items.length, waiting: 0, flagged: 0, ready: 0, decided: 0 };
  const sheets: SheetCounts = { assigned: 0, submitted: 0, overdue };
  const chosen: number[] = [];
  for (const f of items) {
    const state = stateOf(f, flaggedFor(ctx, c.record, f, c.spreadLimit));
    counts[state] += 1;
    sheets.assigned += f.sheets;
    sheets.submitted += f.sheets - f.open;
    if (query.state === "all" || query.state === state) chosen.push(f.itemId);
  }
  const pages = Math.max(1, Math.ceil(chosen.length / COUNCIL_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(query.page)), pages);
  return {
    state: query.state,
    page,
    pageSize: COUNCIL_PAGE_SIZE,
    total: chosen.length,
    counts,
    sheets,
    itemIds: chosen.slice((page - 1) * COUNCIL_PAGE_SIZE, page * COUNCIL_PAGE_SIZE),
  };
}

// The council page at scale: items 25 at a time, filtered by state (waiting for sheets, wide
// spread, ready for a decision, decided), with the counts of each state and of the sheets
// computed in SQL; the flag and its filter only where the actor may see the item's scores.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { assignEvaluators, assignItems } from "~/models/councils-assign.server";
import { councilView } from "~/models/councils-view.server";
import { COUNCIL_PAGE_SIZE } from "~/models/councils-view-list.server";
import { itemStateOf, slugOfItemState, type ItemState } from "~/schemas/councils";
import { councilTree, type CouncilTree } from "./councils-fixture";

let x: CouncilTree;
beforeEach(() => {
  x = councilTree();
});
afterEach(() => x.t.close());

const due = "2026-12-15";
const sec = () => x.as(x.s.secretary);
const sql = () => x.t.handle.sqlite;
function items(n: number): number[] {
  const ids = Array.from({ length: n }, () => x.accepted());
  return assignItems(sec(), x.councilId, { dueOn: due, initiativeIds: ids }).itemIds;
}
function submitted(itemId: number, personId: number, totalHalfPoints: number) {
  sql().prepare("UPDATE evaluations SET status = 'submitted', submitted_at = '2026-11-28T00:00:00.000Z', total_half_points = ? WHERE item_id = ? AND evaluator_id = ?").run(totalHalfPoints, itemId, personId);
}
const page = (ctx: ReturnType<typeof sec>, state: ItemState, n = 1) => councilView(ctx, x.councilId, { state, page: n });

/** Four items, one in each state for the secretary: wide spread, ready, waiting, decided. */
function fourStates() {
  const [wide, ready, waiting, decided] = items(4);
  assignEvaluators(sec(), x.councilId, { dueOn: due, itemIds: [wide, ready, decided], evaluatorIds: [x.s.ev1, x.s.ev2] });
  assignEvaluators(sec(), x.councilId, { dueOn: due, itemIds: [waiting], evaluatorIds: [x.s.ev1] });
  submitted(wide, x.s.ev1, 145); // 72,5
  submitted(wide, x.s.ev2, 100); // 50: spread 22,5 > 20
  submitted(ready, x.s.ev1, 140);
  submitted(ready, x.s.ev2, 180); // spread exactly 20: not flagged
  submitted(decided, x.s.ev1, 140);
  submitted(decided, x.s.ev2, 150);
  sql().prepare("UPDATE initiatives SET status = 'recognised' WHERE id = (SELECT initiative_id FROM council_items WHERE id = ?)").run(decided);
  return { wide, ready, waiting, decided };
}

describe("the council page's states", () => {
  it("counts each state, filters by it, and keeps the page's figures", () => {
    const s = fourStates();
    const all = page(sec(), "all");
    expect(all.list!.counts).toEqual({ all: 4, waiting: 1, flagged: 1, ready: 1, decided: 1 });
    expect(all.list!.sheets).toEqual({ assigned: 7, submitted: 6, overdue: 0 });
    expect(all.items.map((i) => i.itemId)).toEqual([s.wide, s.ready, s.waiting, s.decided]);
    expect(page(sec(), "flagged").items.map((i) => i.itemId)).toEqual([s.wide]);
    expect(page(sec(), "ready").items.map((i) => i.itemId)).toEqual([s.ready]);
    expect(page(sec(), "waiting").items.map((i) => i.itemId)).toEqual([s.waiting]);
    expect(page(sec(), "decided").items.map((i) => i.itemId)).toEqual([s.decided]);
    const wide = page(sec(), "flagged").items[0];
    expect(wide.flagged).toBe(true);
    expect(wide.stats).toMatchObject({ count: 2, mean: 61.25, median: 61.25, spread: 22.5 });
    expect(wide.evaluators.map((e) => e.totalHalfPoints).sort()).toEqual([100, 145]);
    x.t.clock.advance(30 * 24 * 3600 * 1000);
    expect(page(sec(), "all").list!.sheets.overdue).toBe(1);
  });

  it("never shows the flag, nor counts it, where the actor may not see the scores", () => {
    const s = fourStates();
    // A member (not a viewer of the council): no scores anywhere, so no wide spread either.
    const member = page(x.as(x.s.ev1), "all");
    expect(member.canSeeScores).toBe(false);
    expect(member.list!.counts).toEqual({ all: 4, waiting: 1, flagged: 0, ready: 2, decided: 1 });
    expect(page(x.as(x.s.ev1), "flagged").items).toEqual([]);
    expect(member.items.every((i) => i.stats === null && !i.flagged && i.evaluators.every((e) => e.totalHalfPoints === null))).toBe(true);
    // The chair with a sheet of their own still open on the wide item: waiting, not flagged.
    assignEvaluators(sec(), x.councilId, { dueOn: due, itemIds: [s.wide], evaluatorIds: [x.s.chair] });
    const chair = page(x.as(x.s.chair), "all");
    expect(chair.list!.counts).toMatchObject({ flagged: 0, waiting: 2 });
    expect(chair.items.find((i) => i.itemId === s.wide)!.stats).toBeNull();
    // Once theirs is in, they see it like the secretary (who sees it flagged throughout).
    expect(page(sec(), "flagged").items.map((i) => i.itemId)).toEqual([s.wide]);
    submitted(s.wide, x.s.chair, 120);
    expect(page(x.as(x.s.chair), "flagged").items.map((i) => i.itemId)).toEqual([s.wide]);
  });

  it("pages 25 at a time in registration order and clamps a page past the end", () => {
    const ids = items(COUNCIL_PAGE_SIZE + 3);
    const first = page(sec(), "all");
    expect(first.items).toHaveLength(COUNCIL_PAGE_SIZE);
    expect(first.list).toMatchObject({ page: 1, total: COUNCIL_PAGE_SIZE + 3 });
    const second = page(sec(), "all", 2);
    expect(second.items.map((i) => i.itemId)).toEqual(ids.slice(COUNCIL_PAGE_SIZE));
    const numbers = [...first.items, ...second.items].map((i) => i.registrationNumber!);
    expect(numbers).toEqual([...numbers].sort());
    expect(page(sec(), "all", 99).list!.page).toBe(2);
    expect(page(sec(), "waiting").list!.total).toBe(COUNCIL_PAGE_SIZE + 3);
    // Without a query (the assignment page): every item, no paging.
    expect(councilView(sec(), x.councilId).items).toHaveLength(COUNCIL_PAGE_SIZE + 3);
  });

  it("reads the state from the URL, anything else meaning all", () => {
    expect(itemStateOf("chenh-lech")).toBe("flagged");
    expect(itemStateOf("san-sang")).toBe("ready");
    expect(itemStateOf("toString")).toBe("all");
    expect(itemStateOf(null)).toBe("all");
    expect(slugOfItemState("waiting")).toBe("cho-phieu");
  });
});

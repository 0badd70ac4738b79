// Councils: members, assignment of accepted registrations, evaluators with conflicts of
// interest refused (no override, all or nothing), declared conflicts, and the council view.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { canRunCouncil } from "~/auth/policy";
import { assignableInitiatives, assignEvaluators, assignItems, ConflictRefusal, conflictFacts, declareConflict } from "~/models/councils-assign.server";
import { addMember, listCouncils, loadCouncil, membersOf, removeMember } from "~/models/councils.server";
import { councilItemsWithScores, councilView } from "~/models/councils-view.server";
import { verifyLedger } from "~/models/ledger.server";
import { failure } from "./initiatives-fixture";
import { councilTree, type CouncilTree } from "./councils-fixture";

let x: CouncilTree;
beforeEach(() => {
  x = councilTree();
});
afterEach(() => {
  expect(verifyLedger(x.t.handle.sqlite, x.t.secrets.publicKey).ok).toBe(true);
  x.t.close();
});

const sql = () => x.t.handle.sqlite;
const count = (table: string) => (sql().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const ledgerCount = () => count("ledger_events");
const due = "2026-12-15";
const sec = () => x.as(x.s.secretary);
function item(initiativeId: number): number {
  return assignItems(sec(), x.councilId, { dueOn: due, initiativeIds: [initiativeId] }).itemIds[0];
}
function submitted(itemId: number, personId: number, totalHalfPoints: number) {
  sql().prepare("UPDATE evaluations SET status = 'submitted', submitted_at = '2026-11-28T00:00:00.000Z', total_half_points = ? WHERE item_id = ? AND evaluator_id = ?").run(totalHalfPoints, itemId, personId);
}

describe("members", () => {
  it("seats one chair only, people of the council's organization only, and re-seats someone removed", () => {
    expect(failure(() => addMember(sec(), x.councilId, { username: "giamkhao1", role: "chair" })).fieldErrors.username).toBe("councils.errors.alreadyMember");
    const before = ledgerCount();
    const member = membersOf(x.t.handle.db, x.councilId).find((m) => m.personId === x.s.ev1)!;
    removeMember(sec(), x.councilId, member.id);
    expect(loadCouncil(x.t.handle.db, x.councilId)!.record.memberIds).not.toContain(x.s.ev1);
    expect(failure(() => addMember(sec(), x.councilId, { username: "giamkhao1", role: "chair" })).fieldErrors.role).toBe("councils.errors.oneChair");
    addMember(sec(), x.councilId, { username: "giamkhao1", role: "member" });
    expect(loadCouncil(x.t.handle.db, x.councilId)!.record.memberIds).toContain(x.s.ev1);
    expect(ledgerCount()).toBe(before + 2);
    expect(failure(() => addMember(sec(), x.councilId, { username: "ngoai", role: "member" })).fieldErrors.username).toBe("councils.errors.personNotFound");
  });

  it("lists the council for its secretary and chair, not for a plain member", () => {
    expect(listCouncils(sec()).map((c) => c.id)).toEqual([x.councilId]);
    expect(listCouncils(x.as(x.s.chair)).map((c) => c.myRole)).toEqual(["chair"]);
    expect(listCouncils(x.as(x.s.ev1))).toEqual([]);
  });
});

describe("assigning registrations", () => {
  it("only accepted registrations received in the council's subtree, each once; they become evaluating", () => {
    const id = x.accepted();
    expect(assignableInitiatives(sec(), x.councilId).map((r) => r.id)).toEqual([id]);
    const itemId = item(id);
    expect(itemId).toBeGreaterThan(0);
    expect(sql().prepare("SELECT status FROM initiatives WHERE id = ?").get(id)).toEqual({ status: "evaluating" });
    expect(assignableInitiatives(sec(), x.councilId)).toEqual([]);
    const before = count("council_items");
    expect(failure(() => assignItems(sec(), x.councilId, { dueOn: due, initiativeIds: [id] })).fieldErrors.initiatives).toBe("councils.errors.notAssignable");
    expect(count("council_items")).toBe(before);
  });

  it("refuses a registration that is not accepted (all or nothing) and a past due date", () => {
    const ok = x.accepted();
    const draftId = (sql().prepare("INSERT INTO initiatives (kind, receiving_org_id, author_org_id, status, title, created_by, created_at, updated_at) VALUES ('initiative', ?, ?, 'submitted', 't', ?, 'x', 'x') RETURNING id").get(x.o.p1, x.o.c1, x.p.cadre) as { id: number }).id;
    const before = ledgerCount();
    expect(failure(() => assignItems(sec(), x.councilId, { dueOn: due, initiativeIds: [ok, draftId] })).fieldErrors.initiatives).toBe("councils.errors.notAssignable");
    expect(failure(() => assignItems(sec(), x.councilId, { dueOn: "2026-11-01", initiativeIds: [ok] })).fieldErrors.dueOn).toBe("councils.errors.duePast");
    expect(count("council_items")).toBe(0);
    expect(ledgerCount()).toBe(before);
  });

  it("a non-secretary may not run the council (policy) and gets not found", () => {
    const id = x.accepted();
    const c = loadCouncil(x.t.handle.db, x.councilId)!;
    expect(canRunCouncil(x.t.actorOf(x.s.chair), c.record)).toBe(false);
    expect(canRunCouncil(x.t.actorOf(x.s.secretary), c.record)).toBe(true);
    expect(failure(() => assignItems(x.as(x.s.chair), x.councilId, { dueOn: due, initiativeIds: [id] })).status).toBe(404);
    expect(failure(() => assignItems(x.as(x.p.wardLeader), x.councilId, { dueOn: due, initiativeIds: [id] })).status).toBe(404);
  });

  it("needs a chair before assigning", () => {
    const id = x.accepted();
    const chair = membersOf(x.t.handle.db, x.councilId).find((m) => m.role === "chair")!;
    removeMember(sec(), x.councilId, chair.id);
    expect(failure(() => assignItems(sec(), x.councilId, { dueOn: due, initiativeIds: [id] })).message).toBe("councils.errors.needChairAndSecretary");
  });
});

describe("conflicts of interest", () => {
  const cases: [string, () => number, string][] = [
    ["author", () => x.p.cadre, "author"],
    ["co-author", () => x.p.co, "author"],
    ["leader of an author's cell", () => x.p.cellLeader, "cell_leader"],
    ["poster of the task", () => x.p.wardLeader, "task_poster"],
  ];
  for (const [what, who, reason] of cases) {
    it(`refuses the ${what} with the reason "${reason}", writing nothing`, () => {
      const itemId = item(x.accepted());
      const before = [count("evaluations"), ledgerCount(), count("notifications")];
      const error = failure(() => assignEvaluators(sec(), x.councilId, { dueOn: due, itemIds: [itemId], evaluatorIds: [who()] }));
      expect(error).toBeInstanceOf(ConflictRefusal);
      expect((error as ConflictRefusal).refused.map((r) => [r.itemId, r.personId, r.reason])).toEqual([[itemId, who(), reason]]);
      expect([count("evaluations"), ledgerCount(), count("notifications")]).toEqual(before);
    });
  }

  it("a declared conflict is refused too, and withdraws the declarer's open sheet", () => {
    const itemId = item(x.accepted());
    assignEvaluators(sec(), x.councilId, { dueOn: due, itemIds: [itemId], evaluatorIds: [x.s.ev1, x.s.ev2] });
    expect(failure(() => declareConflict(x.as(x.s.outsider), x.councilId, itemId, { reason: "x" })).status).toBe(404);
    const { withdrawnSheetIds } = declareConflict(x.as(x.s.ev1), x.councilId, itemId, { reason: "Anh ruột của tác giả" });
    expect(withdrawnSheetIds).toHaveLength(1);
    expect(sql().prepare("SELECT evaluator_id AS e FROM evaluations WHERE item_id = ?").all(itemId)).toEqual([{ e: x.s.ev2 }]);
    const error = failure(() => assignEvaluators(sec(), x.councilId, { dueOn: due, itemIds: [itemId], evaluatorIds: [x.s.ev1] })) as ConflictRefusal;
    expect(error.refused.map((r) => r.reason)).toEqual(["declared"]);
    expect(failure(() => declareConflict(x.as(x.s.ev1), x.councilId, itemId, { reason: "lần nữa" })).message).toBe("councils.errors.alreadyDeclared");
  });

  it("a submitted sheet stays when its evaluator declares a conflict afterwards", () => {
    const itemId = item(x.accepted());
    assignEvaluators(sec(), x.councilId, { dueOn: due, itemIds: [itemId], evaluatorIds: [x.s.ev1] });
    submitted(itemId, x.s.ev1, 150);
    expect(declareConflict(x.as(x.s.ev1), x.councilId, itemId, { reason: "Phát hiện sau" }).withdrawnSheetIds).toEqual([]);
    expect(count("evaluations")).toBe(1);
  });

  it("bulk: every item × every evaluator, all or nothing, each refused pair named", () => {
    const a = item(x.accepted("Sáng kiến A"));
    const b = item(x.accepted("Sáng kiến B"));
    const before = [count("evaluations"), ledgerCount()];
    const error = failure(() => assignEvaluators(sec(), x.councilId, { dueOn: due, itemIds: [a, b], evaluatorIds: [x.s.ev1, x.p.co, x.s.ev2] })) as ConflictRefusal;
    expect(error.refused.map((r) => [r.itemId, r.personId, r.reason])).toEqual([[a, x.p.co, "author"], [b, x.p.co, "author"]]);
    expect([count("evaluations"), ledgerCount()]).toEqual(before);
    const ok = assignEvaluators(sec(), x.councilId, { dueOn: due, itemIds: [a, b], evaluatorIds: [x.s.ev1, x.s.ev2] });
    expect(ok.evaluationIds).toHaveLength(4);
    expect(ledgerCount()).toBe(before[1] + 4);
    // Already assigned pairs are left alone.
    expect(assignEvaluators(sec(), x.councilId, { dueOn: due, itemIds: [a], evaluatorIds: [x.s.ev1, x.s.ev3] }).evaluationIds).toHaveLength(1);
  });

  it("only the chair and members evaluate, never the secretary or an outsider", () => {
    const itemId = item(x.accepted());
    expect(failure(() => assignEvaluators(sec(), x.councilId, { dueOn: due, itemIds: [itemId], evaluatorIds: [x.s.secretary] })).fieldErrors.evaluators).toBe("councils.errors.notEvaluator");
    expect(failure(() => assignEvaluators(sec(), x.councilId, { dueOn: due, itemIds: [itemId], evaluatorIds: [x.s.outsider] })).fieldErrors.evaluators).toBe("councils.errors.notEvaluator");
    expect(assignEvaluators(sec(), x.councilId, { dueOn: due, itemIds: [itemId], evaluatorIds: [x.s.chair] }).evaluationIds).toHaveLength(1);
  });

  it("derives the facts from authors, live leader grants of the authors' organizations and the task", () => {
    const id = x.accepted();
    const f = conflictFacts(x.t.handle.db, id);
    expect(f.authorIds.sort()).toEqual([x.p.cadre, x.p.co].sort());
    expect(f.authorCellLeaderIds).toEqual([x.p.cellLeader]);
    expect(f.taskPostedBy).toBe(x.p.wardLeader);
    sql().prepare("UPDATE role_grants SET revoked_at = 'x' WHERE person_id = ? AND role = 'leader'").run(x.p.cellLeader);
    expect(conflictFacts(x.t.handle.db, id).authorCellLeaderIds).toEqual([]);
  });
});

describe("the council view", () => {
  it("shows totals, mean, median and spread to the secretary, flags a wide spread, hides scores from members", () => {
    const itemId = item(x.accepted());
    assignEvaluators(sec(), x.councilId, { dueOn: due, itemIds: [itemId], evaluatorIds: [x.s.ev1] });
    let [row] = councilItemsWithScores(sec(), x.councilId);
    expect(row.tooFewEvaluators).toBe(true);
    assignEvaluators(sec(), x.councilId, { dueOn: due, itemIds: [itemId], evaluatorIds: [x.s.ev2, x.s.ev3] });
    submitted(itemId, x.s.ev1, 145); // 72,5
    submitted(itemId, x.s.ev2, 100); // 50
    [row] = councilItemsWithScores(sec(), x.councilId);
    expect(row.tooFewEvaluators).toBe(false);
    expect(row.stats).toMatchObject({ count: 2, mean: 61.25, median: 61.25, spread: 22.5 });
    expect(row.flagged).toBe(true);
    expect(row.evaluators.find((e) => e.personId === x.s.ev3)).toMatchObject({ status: "assigned", totalHalfPoints: null, overdue: false });
    x.t.clock.advance(30 * 24 * 3600 * 1000);
    expect(councilItemsWithScores(sec(), x.councilId)[0].evaluators.find((e) => e.personId === x.s.ev3)!.overdue).toBe(true);
    const asMember = councilView(x.as(x.s.ev1), x.councilId);
    expect(asMember.canSeeScores).toBe(false);
    expect(asMember.items[0].stats).toBeNull();
    expect(asMember.items[0].evaluators.every((e) => e.totalHalfPoints === null)).toBe(true);
    expect(failure(() => councilItemsWithScores(x.as(x.s.ev1), x.councilId)).status).toBe(404);
    expect(failure(() => councilView(x.as(x.s.outsider), x.councilId)).status).toBe(404);
  });

  it("does not flag a spread within the limit", () => {
    const itemId = item(x.accepted());
    assignEvaluators(sec(), x.councilId, { dueOn: due, itemIds: [itemId], evaluatorIds: [x.s.ev1, x.s.ev2] });
    submitted(itemId, x.s.ev1, 140);
    submitted(itemId, x.s.ev2, 180); // spread exactly 20
    expect(councilItemsWithScores(sec(), x.councilId)[0].flagged).toBe(false);
  });

  it("hides the others' totals from a chair who also scores the item, until their own sheet is in", () => {
    const itemId = item(x.accepted());
    assignEvaluators(sec(), x.councilId, { dueOn: due, itemIds: [itemId], evaluatorIds: [x.s.ev1, x.s.chair] });
    submitted(itemId, x.s.ev1, 145);
    const before = councilView(x.as(x.s.chair), x.councilId).items[0];
    expect(before.stats).toBeNull();
    expect(before.evaluators.every((e) => e.totalHalfPoints === null)).toBe(true);
    expect(councilItemsWithScores(sec(), x.councilId)[0].stats?.count).toBe(1);
    submitted(itemId, x.s.chair, 150);
    expect(councilView(x.as(x.s.chair), x.councilId).items[0].stats).toMatchObject({ count: 2 });
  });
});

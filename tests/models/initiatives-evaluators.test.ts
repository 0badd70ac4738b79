// Evaluators assigned by a council read the registration they score (and its files); an
// evaluator of another registration does not.
import { afterEach, beforeEach, expect, it } from "vitest";
import { councilItems, councils, evaluations, rubrics } from "../../db/schema";
import { accept, getInitiative, submit } from "~/models/initiatives.server";
import { draft, failure, tree, type Tree } from "./initiatives-fixture";

let x: Tree;
beforeEach(() => {
  x = tree();
});
afterEach(() => x.t.close());

it("lets the assigned evaluator read the submitted version, nobody else new", () => {
  const me = x.as(x.p.cadre);
  const id = draft(me);
  submit(me, id);
  accept(x.as(x.p.wardLeader), id);
  const evaluator = x.t.person(x.o.p2, { given: "Giám", username: "giamkhao.test" });
  const other = x.t.person(x.o.p2, { given: "Khác", username: "giamkhao.khac" });
  const db = x.t.handle.db;
  const at = "2026-11-27T03:00:00.000Z";
  expect(failure(() => getInitiative(x.as(evaluator), id)).status).toBe(404);
  const rubric = db.insert(rubrics).values({ orgId: x.o.p1, name: "Phiếu", thresholdUnit: 50, thresholdWard: 70, thresholdCity: 85, createdBy: x.p.wardLeader, createdAt: at }).returning().get();
  const council = db.insert(councils).values({ orgId: x.o.p1, name: "Hội đồng", periodYear: 2026, rubricId: rubric.id, createdBy: x.p.wardLeader, createdAt: at }).returning().get();
  const item = db.insert(councilItems).values({ councilId: council.id, initiativeId: id, version: 1, dueOn: "2026-12-31", assignedBy: x.p.wardLeader, assignedAt: at }).returning().get();
  db.insert(evaluations).values({ itemId: item.id, evaluatorId: evaluator, dueOn: "2026-12-31", assignedBy: x.p.wardLeader, assignedAt: at }).run();
  const seen = getInitiative(x.as(evaluator), id);
  expect(seen.version).toBe(1);
  expect(seen.sections).toBeNull();
  expect(failure(() => getInitiative(x.as(other), id)).status).toBe(404);
});

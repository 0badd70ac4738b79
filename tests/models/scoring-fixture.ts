// A council with sheets to score, built directly with drizzle (the councils model is written in
// parallel): the initiative tree, an accepted registration, a rubric of three criteria
// (30 / 30 / 40), a ward council with a chair (who also scores), a secretary, two members and
// an outsider, one item of version 1 and one sheet per evaluator (m1, m2, chair).
import { eq } from "drizzle-orm";
import { councilItems, councilMembers, councils, evaluations, initiatives, rubricCriteria, rubrics } from "../../db/schema";
import { accept, submit } from "~/models/initiatives.server";
import { draft, failure, tree, type Tree } from "./initiatives-fixture";

export { failure };

export type ScoringSetup = Tree & {
  q: Record<"chair" | "secretary" | "m1" | "m2" | "outsider", number>;
  councilId: number;
  itemId: number;
  initiativeId: number;
  criteria: { id: number; maxPoints: number }[];
  sheet: Record<"m1" | "m2" | "chair", number>;
  /** Add another accepted registration (or the one given, accepted already) to the council with
   * sheets for these evaluators. */
  addItem(evaluators: number[], dueOn: string, initiativeId?: number): { itemId: number; sheets: number[] };
};

export function scoringSetup(x: Tree = tree()): ScoringSetup {
  const { t, o, p } = x;
  const at = t.clock.now.toISOString();
  const db = t.handle.db;
  const accepted = () => {
    const id = draft(x.as(p.cadre));
    submit(x.as(p.cadre), id);
    accept(x.as(p.wardLeader), id);
    db.update(initiatives).set({ status: "evaluating" }).where(eq(initiatives.id, id)).run();
    return id;
  };
  const initiativeId = accepted();
  const q = {
    chair: t.person(o.p1, { given: "Chủ", username: "chutich" }),
    secretary: t.person(o.p1, { given: "Thư", username: "thuky" }),
    m1: t.person(o.p1, { given: "Một", username: "giamkhao1" }),
    m2: t.person(o.p2, { given: "Hai", username: "giamkhao2" }),
    outsider: t.person(o.p1, { given: "Ngoài", username: "nguoingoai" }),
  };
  const rubricId = db
    .insert(rubrics)
    .values({ orgId: o.p1, name: "Phiếu chấm 100 điểm", thresholdUnit: 50, thresholdWard: 70, thresholdCity: 85, createdBy: p.wardLeader, createdAt: at, lockedAt: at })
    .returning({ id: rubrics.id })
    .get().id;
  const criteria = db
    .insert(rubricCriteria)
    .values([
      { rubricId, position: 1, name: "Tính mới", maxPoints: 30, guidance: "Chưa được áp dụng tại đơn vị." },
      { rubricId, position: 2, name: "Khả năng áp dụng", maxPoints: 30, guidance: "" },
      { rubricId, position: 3, name: "Hiệu quả, lợi ích", maxPoints: 40, guidance: "Lợi ích đo được." },
    ])
    .returning({ id: rubricCriteria.id, maxPoints: rubricCriteria.maxPoints })
    .all();
  const councilId = db
    .insert(councils)
    .values({ orgId: o.p1, name: "Hội đồng đánh giá sáng kiến năm 2026", periodYear: 2026, rubricId, createdBy: p.wardLeader, createdAt: at })
    .returning({ id: councils.id })
    .get().id;
  const seat = (personId: number, role: "chair" | "secretary" | "member") =>
    db.insert(councilMembers).values({ councilId, personId, role, addedBy: p.wardLeader, addedAt: at }).run();
  seat(q.chair, "chair");
  seat(q.secretary, "secretary");
  seat(q.m1, "member");
  seat(q.m2, "member");
  const addItemFor = (id: number, evaluators: number[], dueOn: string) => {
    const itemId = db
      .insert(councilItems)
      .values({ councilId, initiativeId: id, version: 1, dueOn, assignedBy: q.secretary, assignedAt: at })
      .returning({ id: councilItems.id })
      .get().id;
    const sheets = evaluators.map(
      (evaluatorId) => db.insert(evaluations).values({ itemId, evaluatorId, dueOn, assignedBy: q.secretary, assignedAt: at }).returning({ id: evaluations.id }).get().id,
    );
    return { itemId, sheets };
  };
  const first = addItemFor(initiativeId, [q.m1, q.m2, q.chair], "2026-12-10");
  return {
    ...x,
    q,
    councilId,
    itemId: first.itemId,
    initiativeId,
    criteria,
    sheet: { m1: first.sheets[0], m2: first.sheets[1], chair: first.sheets[2] },
    addItem: (evaluators, dueOn, id) => addItemFor(id ?? accepted(), evaluators, dueOn),
  };
}

/** The form's values: score_<id> and comment_<id> for each criterion, in order. */
export function sheetInput(criteria: { id: number }[], scores: (string | number | undefined)[], comments: string[] = []): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  criteria.forEach((c, i) => {
    if (scores[i] !== undefined) values[`score_${c.id}`] = scores[i];
    if (comments[i] !== undefined) values[`comment_${c.id}`] = comments[i];
  });
  return values;
}

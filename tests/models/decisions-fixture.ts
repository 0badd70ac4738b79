// A council ready to decide, built directly with drizzle (the councils and scoring models are
// written in parallel): the initiative tree, an accepted registration by three authors
// (canbo 33,33 %, dongtacgia 33,33 %, an outside author 33,34 %), a rubric 100 points with
// thresholds 50 / 70 / 85, a council of the ward with a chair, a secretary and two members,
// the item, and one sheet per member (submitted when asked).
import { eq } from "drizzle-orm";
import { councilItems, councilMembers, councils, evaluations, initiatives, rubricCriteria, rubrics } from "../../db/schema";
import { accept, saveSection, submit } from "~/models/initiatives.server";
import { draft, tree, type Tree } from "./initiatives-fixture";

export type Setup = Tree & {
  q: Record<"chair" | "secretary" | "m1" | "m2", number>;
  councilId: number;
  itemId: number;
  initiativeId: number;
  sheets: number[];
  /** Submit the sheets with these totals (whole points); fewer totals leave the rest open. */
  score(totals: number[]): void;
  /** Another accepted registration by `by` (sole author) on the same council, both sheets
   * submitted with 80 points. */
  another(by?: number): { itemId: number; initiativeId: number };
};

export const VALID = {
  outcome: "recognised",
  level: "ward",
  reason: "",
  number: "15-QĐ/ĐU",
  decidedOn: "26/11/2026",
  signerName: "Nguyễn Văn Bình",
  signerTitle: "Chủ tịch Hội đồng",
} as const;

export function council(x: Tree = tree(), opts: { authors?: "three" | "one" } = {}): Setup {
  const { t, o, p } = x;
  const at = t.clock.now.toISOString();
  const db = t.handle.db;
  const me = x.as(p.cadre);
  const initiativeId = draft(me);
  if ((opts.authors ?? "three") === "three") {
    saveSection(me, initiativeId, "authors", {
      authors: [
        { username: "canbo", share: "33,33" },
        { username: "dongtacgia", share: "33,33" },
        { fullName: "Trần Thị Ngoài", workplace: "Trường THPT", jobTitle: "Giáo viên", share: "33,34" },
      ],
    });
  }
  submit(me, initiativeId);
  accept(x.as(p.wardLeader), initiativeId);
  db.update(initiatives).set({ status: "evaluating" }).where(eq(initiatives.id, initiativeId)).run();
  const q = {
    chair: t.person(o.p1, { given: "Chủ", username: "chutich" }),
    secretary: t.person(o.p1, { given: "Thư", username: "thuky" }),
    m1: t.person(o.p1, { given: "Một", username: "giamkhao1" }),
    m2: t.person(o.p2, { given: "Hai", username: "giamkhao2" }),
  };
  const rubricId = db
    .insert(rubrics)
    .values({ orgId: o.p1, name: "Phiếu chấm 100 điểm", thresholdUnit: 50, thresholdWard: 70, thresholdCity: 85, createdBy: p.wardLeader, createdAt: at, lockedAt: at })
    .returning({ id: rubrics.id })
    .get().id;
  db.insert(rubricCriteria)
    .values([
      { rubricId, position: 1, name: "Tính mới", maxPoints: 30 },
      { rubricId, position: 2, name: "Khả năng áp dụng", maxPoints: 30 },
      { rubricId, position: 3, name: "Hiệu quả, lợi ích", maxPoints: 40 },
    ])
    .run();
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
  const itemId = db
    .insert(councilItems)
    .values({ councilId, initiativeId, version: 1, dueOn: "2026-12-15", assignedBy: q.secretary, assignedAt: at })
    .returning({ id: councilItems.id })
    .get().id;
  const sheets = [q.m1, q.m2].map(
    (evaluatorId) =>
      db.insert(evaluations).values({ itemId, evaluatorId, dueOn: "2026-12-10", assignedBy: q.secretary, assignedAt: at }).returning({ id: evaluations.id }).get().id,
  );
  const score = (totals: number[]) =>
    totals.forEach((points, i) =>
      db.update(evaluations).set({ status: "submitted", submittedAt: at, savedAt: at, totalHalfPoints: points * 2 }).where(eq(evaluations.id, sheets[i])).run(),
    );
  const another = (by = p.cadre) => {
    // Registered to the city, so that authors of any ward can be on this council's list.
    const id = draft(x.as(by), "initiative", { receivingOrgId: o.city });
    submit(x.as(by), id);
    accept(x.as(p.cityLeader), id);
    const item = db.insert(councilItems).values({ councilId, initiativeId: id, version: 1, dueOn: "2026-12-15", assignedBy: q.secretary, assignedAt: at }).returning({ id: councilItems.id }).get().id;
    for (const evaluatorId of [q.m1, q.m2]) {
      db.insert(evaluations).values({ itemId: item, evaluatorId, status: "submitted", dueOn: "2026-12-10", assignedBy: q.secretary, assignedAt: at, submittedAt: at, totalHalfPoints: 160 }).run();
    }
    return { itemId: item, initiativeId: id };
  };
  return { ...x, q, councilId, itemId, initiativeId, sheets, score, another };
}

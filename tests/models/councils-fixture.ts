// A ward with a council secretary, evaluators, a score sheet, a council and an accepted
// registration (a cadre of a cell with a co-author, answering the ward leader's task).
import { accept, createDraft, saveSection, submit } from "~/models/initiatives.server";
import { addMember, createCouncil } from "~/models/councils.server";
import { createRubric } from "~/models/rubrics.server";
import { createTask, publishTask } from "~/models/tasks.server";
import type { RubricInput } from "~/schemas/councils";
import { fill, tree, type Tree } from "./initiatives-fixture";

export type CouncilTree = Tree & {
  s: Record<"secretary" | "chair" | "ev1" | "ev2" | "ev3" | "outsider", number>;
  rubricId: number;
  councilId: number;
  taskId: number;
  /** A new accepted registration of the cadre (co-author "dongtacgia"), answering the task. */
  accepted(title?: string): number;
};

export const RUBRIC: RubricInput = {
  name: "Phiếu chấm sáng kiến cấp phường",
  criteria: [
    { name: "Tính mới", maxPoints: 30, guidance: "" },
    { name: "Khả năng áp dụng", maxPoints: 30, guidance: "" },
    { name: "Hiệu quả, lợi ích", maxPoints: 40, guidance: "" },
  ],
  thresholdUnit: 50,
  thresholdWard: 70,
  thresholdCity: 85,
};

export function councilTree(): CouncilTree {
  const x = tree();
  const { t, o } = x;
  const s = {
    secretary: t.person(o.p1, { given: "Ánh", username: "thuky" }),
    chair: t.person(o.p1, { given: "Chính", username: "chutich" }),
    ev1: t.person(o.g, { given: "Việt", username: "giamkhao1" }),
    ev2: t.person(o.g, { given: "Xuân", username: "giamkhao2" }),
    ev3: t.person(o.c2, { given: "Yên", username: "giamkhao3" }),
    outsider: t.person(o.p2, { given: "Ngoại", username: "ngoai" }),
  };
  t.grant(s.secretary, "secretary", o.p1);
  const sec = x.as(s.secretary);
  const rubricId = createRubric(sec, { ...RUBRIC, orgId: o.p1 }).id;
  const councilId = createCouncil(sec, { orgId: o.p1, name: "Hội đồng sáng kiến phường năm 2026", rubricId, periodYear: 2026, periodQuarter: null, spreadLimit: 20 }).id;
  addMember(sec, councilId, { username: "chutich", role: "chair" });
  for (const u of ["giamkhao1", "giamkhao2", "giamkhao3", "canbo", "dongtacgia", "bithu.chibo", "bithu"]) addMember(sec, councilId, { username: u, role: "member" });
  const leader = x.as(x.p.wardLeader);
  const taskId = createTask(leader, {
    orgId: o.p1, title: "Phòng ngừa nhũng nhiễu", areas: ["corruption"], description: "x", periodYear: 2026, periodQuarter: 4, deadline: "2026-12-31", targets: [], assignees: [],
  }).id;
  publishTask(leader, taskId);
  const accepted = (title = "Số hóa sổ tiếp dân") => {
    const cadre = x.as(x.p.cadre);
    const { id } = createDraft(cadre, { kind: "initiative", receivingOrgId: o.p1, taskId });
    fill(cadre, id);
    saveSection(cadre, id, "general", { title, field: "Cải cách hành chính", firstAppliedOn: "15/10/2026" });
    saveSection(cadre, id, "authors", { authors: [{ username: "canbo", share: "50" }, { username: "dongtacgia", share: "50" }] });
    submit(cadre, id);
    accept(leader, id);
    return id;
  };
  return { ...x, s, rubricId, councilId, taskId, accepted };
}

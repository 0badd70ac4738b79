// A small tree and a complete application, shared by the initiative tests.
import type { InitiativeKind } from "../../db/enums";
import type { Ctx } from "~/models/context.server";
import { createDraft, saveSection } from "~/models/initiatives.server";
import { freshDb, type TestDb } from "../helpers/db";
import { failure } from "../helpers/refusal";

export { failure };

export type Tree = {
  t: TestDb;
  o: Record<"city" | "p1" | "p2" | "g" | "c1" | "c2" | "p2c", number>;
  p: Record<"wardLeader" | "cellLeader" | "cadre" | "co" | "cadreC2" | "cadreP2" | "inspector" | "cityLeader", number>;
  as(id: number): Ctx;
};

export function tree(): Tree {
  const t = freshDb(); // the clock reads 27/11/2026 10:00 in Ho Chi Minh City
  const city = t.org("TU", null).id;
  const p1 = t.org("P1", city, "ward").id;
  const p2 = t.org("P2", city, "ward").id;
  const g = t.org("P1-G", p1, "grassroots").id;
  const c1 = t.org("P1-G-C1", g, "cell").id;
  const c2 = t.org("P1-G-C2", g, "cell").id;
  const p2c = t.org("P2-C", p2, "cell").id;
  const o = { city, p1, p2, g, c1, c2, p2c };
  const p = {
    wardLeader: t.person(p1, { given: "Bình", username: "bithu" }),
    cellLeader: t.person(c1, { given: "Tuấn", username: "bithu.chibo" }),
    cadre: t.person(c1, { given: "Lan", username: "canbo" }),
    co: t.person(c1, { given: "Mai", username: "dongtacgia" }),
    cadreC2: t.person(c2, { given: "Hoa", username: "canbo.c2" }),
    cadreP2: t.person(p2c, { given: "Nam", username: "canbo.p2" }),
    inspector: t.person(p1, { given: "Kiên", username: "kiemtra.p1" }),
    cityLeader: t.person(city, { given: "Thành", username: "bithu.tp" }),
  };
  t.grant(p.wardLeader, "leader", p1);
  t.grant(p.cellLeader, "leader", c1);
  t.grant(p.cityLeader, "leader", city);
  t.grant(p.inspector, "inspector", p1);
  for (const c of [p.cadre, p.co, p.cadreC2, p.cadreP2, p.cellLeader]) t.grant(c, "cadre", c1);
  return { t, o, p, as: (id: number) => t.ctx(t.actorOf(id)) };
}

export const SECTION_VALUES = {
  general: { title: "Số hóa sổ theo dõi tiếp dân", field: "Cải cách hành chính", firstAppliedOn: "15/10/2026" },
  solution: { steps: "Bước 1: lập mẫu. Bước 2: nhập liệu.", improvement: "Không còn sổ giấy, tra cứu nhanh.", howToApply: "Áp dụng tại bộ phận một cửa." },
  conditions: { conditions: "Máy tính có mạng nội bộ." },
  benefit: { expectedBenefit: "Giảm 50 % thời gian tra cứu.", measuredBenefit: "" },
  trial: { trialParticipants: "Tổ tiếp dân phường." },
  confidential: { confidential: "" },
  prevention: { risk: "Nhũng nhiễu khi tiếp dân.", scope: "Bộ phận một cửa.", resources: "Hai cán bộ.", expectedEffect: "Minh bạch quy trình." },
  statement: { sworn: "on" },
} as const;

/** Fill every section of a draft (the creator is the only author, 100 %). */
export function fill(ctx: Ctx, id: number, kind: InitiativeKind = "initiative"): void {
  for (const [section, values] of Object.entries(SECTION_VALUES)) {
    if (section === "prevention" && kind !== "solution") continue;
    saveSection(ctx, id, section, values);
  }
}

export function draft(ctx: Ctx, kind: InitiativeKind = "initiative", over: { taskId?: number; receivingOrgId?: number } = {}): number {
  const { id } = createDraft(ctx, { kind, ...over });
  fill(ctx, id, kind);
  return id;
}

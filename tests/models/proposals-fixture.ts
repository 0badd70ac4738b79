// A small tree for the innovation proposal tests: a ward P1 with two leaders (its collective),
// a cell C1 under it led by a cell leader (who is its head and so proposes one level up), and
// a member of C1 who leads another unit (not C1's head: proposes to C1 itself).
import type { Ctx } from "~/models/context.server";
import { createDraft } from "~/models/proposals.server";
import { freshDb, type TestDb } from "../helpers/db";
import { failure } from "../helpers/refusal";

export { failure };

export type ProposalTree = {
  t: TestDb;
  o: Record<"city" | "p1" | "c1" | "c2", number>;
  p: Record<"wardHead" | "wardDeputy" | "wardThird" | "cellLeader" | "c1Member" | "cadre" | "inspector", number>;
  as(id: number): Ctx;
};

export function proposalTree(): ProposalTree {
  const t = freshDb(); // 27/11/2026 (a Friday) 10:00 in Ho Chi Minh City
  const city = t.org("TU", null).id;
  const p1 = t.org("P1", city, "ward").id;
  const c1 = t.org("P1-C1", p1, "cell").id;
  const c2 = t.org("P1-C2", p1, "cell").id;
  const o = { city, p1, c1, c2 };
  const p = {
    wardHead: t.person(p1, { given: "Bình" }),
    wardDeputy: t.person(p1, { given: "Cường" }),
    wardThird: t.person(p1, { given: "Dung" }),
    cellLeader: t.person(c1, { given: "Tuấn" }),
    c1Member: t.person(c1, { given: "Hải" }),
    cadre: t.person(c1, { given: "Lan" }),
    inspector: t.person(p1, { given: "Kiên" }),
  };
  t.grant(p.wardHead, "leader", p1);
  t.grant(p.wardDeputy, "leader", p1);
  t.grant(p.cellLeader, "leader", c1);
  t.grant(p.c1Member, "leader", c2);
  t.grant(p.cadre, "cadre", c1);
  t.grant(p.inspector, "inspector", p1);
  return { t, o, p, as: (id: number) => t.ctx(t.actorOf(id)) };
}

export const PLAN = {
  title: "Thí điểm tiếp nhận hồ sơ đất đai trực tuyến",
  necessity: "Hồ sơ tồn đọng do quy trình giấy; tháo gỡ điểm nghẽn thời gian chờ.",
  content: "Số hóa hồ sơ; phân công xử lý; công khai tiến độ.",
  scope: "Bộ phận một cửa phường; tổ công tác gồm ba cán bộ.",
  duration: "Ba tháng kể từ ngày được thông qua.",
  resources: "Kinh phí thường xuyên; máy quét hiện có.",
  feasibility: "Hạ tầng đã có; cán bộ đã được tập huấn.",
  impacts: "Tích cực: giảm thời gian; tiêu cực: quá tải ban đầu. Hiệu quả dự kiến: giảm 40 % thời gian.",
};

export function draftOf(ctx: Ctx, plan: Partial<typeof PLAN> = {}): number {
  return createDraft(ctx, { ...PLAN, ...plan }).id;
}

// What the pages of the application form ask the model: the choices of a new registration,
// what still blocks submission, the inbox with its filters resolved, a version with what
// changed, and the home cards.
import { describe, expect, it } from "vitest";
import { homeCards } from "~/models/home.server";
import {
  accept, createDraft, getVersionView, inboxView, receiptFor, registrationOptions, returnForRevision, saveSection, submissionProblems, submit,
} from "~/models/initiatives.server";
import { renameOrg } from "~/models/orgs.server";
import { createTask, publishTask } from "~/models/tasks.server";
import { initiativeFilters } from "~/schemas/initiative-filters";
import { draft, failure, fill, type Tree } from "./initiatives-fixture";
import { treePerTest } from "./initiatives-tree";

let x: Tree;
treePerTest((t) => (x = t));

function publishedTask(title = "Phòng ngừa nhũng nhiễu khi tiếp dân"): number {
  const leader = x.as(x.p.wardLeader);
  const { id } = createTask(leader, { orgId: x.o.p1, title, areas: ["corruption"], description: "x", periodYear: 2026, periodQuarter: 4, deadline: "2026-12-31", targets: ["P1-G-C1"], assignees: [] });
  publishTask(leader, id);
  return id;
}

const filters = (query: string) => initiativeFilters(new URLSearchParams(query));

describe("a new registration", () => {
  it("offers the cadre's own organization and each one above it, and the open tasks that reach them", () => {
    const taskId = publishedTask();
    const options = registrationOptions(x.as(x.p.cadre), taskId);
    expect(options.orgs.map((o) => o.id)).toEqual([x.o.c1, x.o.g, x.o.p1, x.o.city]);
    expect(options.task).toMatchObject({ id: taskId, orgId: x.o.p1 });
    expect(options.tasks.map((t) => t.id)).toEqual([taskId]);
  });

  it("does not preselect a task the actor cannot see", () => {
    const taskId = publishedTask();
    const options = registrationOptions(x.as(x.p.cadreP2), taskId);
    expect(options.task).toBeNull();
    expect(options.tasks).toEqual([]);
    expect(options.orgs.map((o) => o.id)).toEqual([x.o.p2c, x.o.p2, x.o.city]);
  });
});

describe("what blocks submission", () => {
  it("names the missing fields by section, and nothing once complete; only the authors may ask", () => {
    const me = x.as(x.p.cadre);
    const { id } = createDraft(me, { kind: "solution" });
    expect(submissionProblems(me, id)).toMatchObject({ "general.title": "errors.required", "prevention.risk": "errors.required", "statement.sworn": "initiatives.errors.swornRequired" });
    fill(me, id, "solution");
    expect(submissionProblems(me, id)).toEqual({});
    expect(failure(() => submissionProblems(x.as(x.p.wardLeader), id)).status).toBe(404);
  });
});

describe("the inbox view", () => {
  it("resolves the organization typed by code or name within scope; unknown means no rows, not everything", () => {
    const c1 = draft(x.as(x.p.cadre));
    submit(x.as(x.p.cadre), c1);
    const c2 = draft(x.as(x.p.cadreC2));
    submit(x.as(x.p.cadreC2), c2);
    const leader = x.as(x.p.wardLeader);
    expect(inboxView(leader, filters("xem=tiep-nhan"), 1).list.total).toBe(2);
    const byCode = inboxView(leader, filters("to-chuc=P1-G-C2"), 1);
    expect(byCode.org?.id).toBe(x.o.c2);
    expect(byCode.list.rows.map((r) => r.id)).toEqual([c2]);
    const outside = inboxView(leader, filters("to-chuc=P2-C"), 1);
    expect(outside.org).toBeNull();
    expect(outside.list.total).toBe(0);
  });

  it("shows the task filtered on, and filters by status and sort slugs", () => {
    const taskId = publishedTask();
    const me = x.as(x.p.cadre);
    const { id: onTask } = createDraft(me, { kind: "initiative", taskId });
    fill(me, onTask);
    submit(me, onTask);
    const free = draft(me, "initiative", { receivingOrgId: x.o.p1 });
    submit(me, free);
    const leader = x.as(x.p.wardLeader);
    accept(leader, free);
    const view = inboxView(leader, filters(`nhiem-vu=${taskId}`), 1);
    expect(view.task).toEqual({ id: taskId, title: "Phòng ngừa nhũng nhiễu khi tiếp dân" });
    expect(view.list.rows.map((r) => r.id)).toEqual([onTask]);
    expect(inboxView(leader, filters("trang-thai=da-tiep-nhan"), 1).list.rows.map((r) => r.id)).toEqual([free]);
    expect(inboxView(leader, filters("sap-xep=so"), 1).list.rows.map((r) => r.registrationNumber)).toEqual(["SK-2026-000001", "SK-2026-000002"]);
  });
});

describe("a version and what changed", () => {
  it("shows the fields that changed since the previous submitted version", () => {
    const me = x.as(x.p.cadre);
    const id = draft(me);
    submit(me, id);
    returnForRevision(x.as(x.p.wardLeader), id, { reason: "Bổ sung số liệu." });
    saveSection(me, id, "benefit", { expectedBenefit: "Giảm 50 % thời gian tra cứu.", measuredBenefit: "Đã giảm 40 %." });
    submit(me, id);
    const v2 = getVersionView(x.as(x.p.wardLeader), id, 2);
    expect(v2.previous).toBe(1);
    expect(v2.changes).toEqual([{ field: "benefit.measuredBenefit", before: "", after: "Đã giảm 40 %." }]);
    expect(v2.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(getVersionView(x.as(x.p.wardLeader), id, 1).previous).toBeNull();
  });

  it("keeps the authors' unsubmitted draft version from everyone else", () => {
    const me = x.as(x.p.cadre);
    const id = draft(me);
    submit(me, id);
    returnForRevision(x.as(x.p.wardLeader), id, { reason: "Bổ sung." });
    expect(getVersionView(me, id, 2).submittedAt).toBeNull();
    expect(failure(() => getVersionView(x.as(x.p.wardLeader), id, 2)).status).toBe(404);
    expect(failure(() => getVersionView(x.as(x.p.cadreC2), id, 1)).status).toBe(404);
  });
});

describe("home cards", () => {
  it("counts registrations waiting for the leader, and the cadre's drafts and returned ones", () => {
    const me = x.as(x.p.cadre);
    const a = draft(me);
    submit(me, a);
    const b = draft(me);
    submit(me, b);
    draft(me);
    returnForRevision(x.as(x.p.wardLeader), b, { reason: "Bổ sung." });
    const leaderCards = homeCards(x.as(x.p.wardLeader));
    expect(leaderCards.find((c) => c.key === "initiativesToReceive")?.count).toBe(1);
    const mine = homeCards(me);
    expect(mine.find((c) => c.key === "initiativesReturned")?.count).toBe(1);
    expect(mine.find((c) => c.key === "initiativeDrafts")?.count).toBe(1);
    expect(homeCards(x.as(x.p.inspector)).some((c) => c.key === "initiativesToReceive")).toBe(false);
  });
});

describe("the receipt", () => {
  it("names the receiving organization as it was called when the version was submitted", () => {
    const me = x.as(x.p.cadre);
    const id = draft(me);
    submit(me, id);
    const admin = x.t.person(x.o.city, { given: "Quản", username: "quantri.test" });
    x.t.grant(admin, "admin", x.o.city);
    x.t.clock.now = new Date("2026-12-05T03:00:00.000Z");
    renameOrg(x.as(admin), x.o.c1, { name: "Chi bộ Một Cửa", effectiveDate: "2026-12-05" });
    expect(receiptFor(me, id).receipt.organization).toBe("Tổ chức P1-G-C1");
  });
});

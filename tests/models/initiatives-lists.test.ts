// The authors' own list and the receiving leaders' inbox: scoped by subtree, no drafts, filters.
import { describe, expect, it } from "vitest";
import { and, desc, eq, ne } from "drizzle-orm";
import { initiatives, organizations } from "../../db/schema";
import { accept, createDraft, inboxScope, listInbox, listMine, saveSection, submit } from "~/models/initiatives.server";
import { createTask, publishTask } from "~/models/tasks.server";
import { draft, failure, fill, type Tree } from "./initiatives-fixture";
import { treePerTest } from "./initiatives-tree";

let x: Tree;
treePerTest((t) => (x = t));

const ids = (page: { rows: { id: number }[] }) => page.rows.map((r) => r.id).sort((a, b) => a - b);

describe("lists", () => {
  it("lists my drafts and co-authored ones, and the inbox within the receiving subtree without drafts", () => {
    const leader = x.as(x.p.wardLeader);
    const { id: taskId } = createTask(leader, { orgId: x.o.p1, title: "Lãng phí", areas: ["waste"], description: "x", periodYear: 2026, periodQuarter: 4, deadline: "2026-12-31", targets: [], assignees: [] });
    publishTask(leader, taskId);
    const me = x.as(x.p.cadre);
    const mineDraft = draft(me);
    const c1 = draft(me);
    saveSection(me, c1, "authors", { authors: [{ username: "canbo", share: "50" }, { username: "dongtacgia", share: "50" }] });
    submit(me, c1);
    const { id: onTask } = createDraft(me, { kind: "solution", taskId });
    fill(me, onTask, "solution");
    const c2 = draft(x.as(x.p.cadreC2));
    submit(x.as(x.p.cadreC2), c2);
    const p2 = draft(x.as(x.p.cadreP2));
    submit(x.as(x.p.cadreP2), p2);
    x.t.clock.now = new Date("2027-01-05T03:00:00.000Z");
    submit(me, onTask);

    expect(ids(listMine(me))).toEqual([mineDraft, c1, onTask]);
    expect(ids(listMine(x.as(x.p.co)))).toEqual([c1]);
    expect(listMine(me).total).toBe(3);

    expect(ids(listInbox(leader))).toEqual([c1, onTask, c2]);
    expect(ids(listInbox(x.as(x.p.cellLeader)))).toEqual([c1]);
    expect(ids(listInbox(x.as(x.p.inspector)))).toEqual([c1, onTask, c2]);
    expect(ids(listInbox(x.as(x.p.cityLeader)))).toEqual([c1, onTask, c2, p2]);
    expect(failure(() => listInbox(me)).status).toBe(403);

    expect(ids(listInbox(leader, { taskId }))).toEqual([onTask]);
    expect(ids(listInbox(leader, { area: "waste" }))).toEqual([onTask]);
    expect(ids(listInbox(leader, { area: "corruption" }))).toEqual([]);
    expect(ids(listInbox(leader, { orgId: x.o.c2 }))).toEqual([c2]);
    expect(ids(listInbox(leader, { year: 2027 }))).toEqual([onTask]);
    expect(ids(listInbox(leader, { year: 2026, quarter: 4 }))).toEqual([c1, c2]);
    expect(ids(listInbox(leader, { year: 2026, quarter: 3 }))).toEqual([]);
    accept(leader, c2);
    expect(ids(listInbox(leader, { status: "accepted" }))).toEqual([c2]);
    expect(ids(listInbox(leader, { status: "draft" }))).toEqual([c1, onTask, c2]);
    expect(listInbox(leader, { sort: "newest" }).rows[0].id).toBe(onTask);
    expect(listInbox(leader, { sort: "oldest" }).rows[0].id).toBe(c1);
    expect(listInbox(leader, { sort: "due" }).rows[0].id).toBe(c2);
    expect(listInbox(leader, { sort: "number" }).rows.map((r) => r.registrationNumber)).toEqual(["GP-2027-000001", "SK-2026-000001", "SK-2026-000002"]);
    expect(listInbox(leader).rows.find((r) => r.id === c1)).toMatchObject({ creatorGivenName: "Lan", receivingOrgName: "Tổ chức P1-G-C1", status: "submitted" });
  });

  it("the inbox walks the path index and then initiatives_receiving_idx, never a scan of all initiatives", () => {
    const query = x.t.handle.db
      .select({ id: initiatives.id })
      .from(initiatives)
      .innerJoin(organizations, eq(organizations.id, initiatives.receivingOrgId))
      .where(and(inboxScope(x.t.actorOf(x.p.wardLeader)), ne(initiatives.status, "draft")))
      .orderBy(desc(initiatives.submittedAt))
      .limit(25)
      .toSQL();
    const plan = (x.t.handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as { detail: string }[]).map((p) => p.detail).join("\n");
    expect(plan).toMatch(/SEARCH \w+ USING (COVERING )?INDEX organizations_path_idx/);
    expect(plan).toMatch(/SEARCH \w+ USING (COVERING )?INDEX initiatives_receiving_idx \(receiving_org_id=\?/);
    expect(plan).not.toMatch(/SCAN initiatives/);
  });
});

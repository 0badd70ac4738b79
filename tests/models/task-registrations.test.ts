// Registrations a task has received per target organization (for those who manage it) and per
// task on the leader's list: submitted, returned and accepted count; drafts and withdrawn not.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { accept, returnForRevision, submit, withdraw } from "~/models/initiatives.server";
import { createTask, getTask, listTasksForLeader, listTasksReachingMe, publishTask, taskRegistrations } from "~/models/tasks.server";
import { draft, failure, tree, type Tree } from "./initiatives-fixture";

let x: Tree;
beforeEach(() => {
  x = tree();
});
afterEach(() => x.t.close());

function task(targets: string[], assignees: string[] = []): number {
  const leader = x.as(x.p.wardLeader);
  const { id } = createTask(leader, {
    orgId: x.o.p1, title: "Phòng ngừa nhũng nhiễu", areas: ["corruption"], description: "Đề xuất giải pháp.", periodYear: 2026, periodQuarter: 4,
    deadline: "2026-12-31", targets, assignees,
  });
  publishTask(leader, id);
  return id;
}

/** A registration against `taskId` by `personId`, taken to `to`. */
function registration(personId: number, taskId: number, to: "draft" | "submitted" | "returned" | "accepted" | "withdrawn"): number {
  const me = x.as(personId);
  const id = draft(me, "solution", { taskId });
  if (to === "draft") return id;
  submit(me, id);
  if (to === "returned") returnForRevision(x.as(x.p.wardLeader), id, { reason: "Bổ sung số liệu." });
  if (to === "accepted") accept(x.as(x.p.wardLeader), id);
  if (to === "withdrawn") withdraw(me, id);
  return id;
}

const counts = (submitted: number, returned: number, accepted: number) => ({ submitted, returned, accepted, total: submitted + returned + accepted });

describe("taskRegistrations", () => {
  it("counts per target organization by the author's organization; drafts, withdrawn and other tasks not", () => {
    const id = task(["P1-G-C1", "P1-G-C2"], ["canbo.c2"]);
    const other = task(["P1-G-C1"]);
    registration(x.p.cadre, id, "submitted");
    registration(x.p.co, id, "accepted");
    registration(x.p.cadre, id, "draft");
    registration(x.p.co, id, "withdrawn");
    registration(x.p.cadreC2, id, "returned");
    registration(x.p.cadreC2, id, "submitted");
    registration(x.p.cadre, other, "submitted");
    registration(x.p.wardLeader, id, "submitted"); // the ward itself: under neither target

    const r = taskRegistrations(x.as(x.p.wardLeader), id)!;
    expect(r.rows.map((row) => [row.org.code, row.counts])).toEqual([
      ["P1-G-C1", counts(1, 0, 1)],
      ["P1-G-C2", counts(1, 1, 0)],
    ]);
    expect(r.outside).toEqual(counts(1, 0, 0));
    expect(r.total).toEqual(counts(3, 1, 1));
    expect(r.inboxHref).toBe(`/sang-kien?xem=tiep-nhan&nhiem-vu=${id}`);
    // The detail page carries the same table; the city's leader manages it too.
    expect(getTask(x.as(x.p.wardLeader), id).registrations).toEqual(r);
    expect(taskRegistrations(x.as(x.p.cityLeader), id)!.total.total).toBe(5);
    expect(taskRegistrations(x.as(x.p.wardLeader), other)!.total).toEqual(counts(1, 0, 0));
  });

  it("a target's subtree is rolled up; overlapping targets each count it, the total only once", () => {
    const id = task(["P1-G", "P1-G-C1"]);
    registration(x.p.cadre, id, "submitted");
    registration(x.p.cadreC2, id, "accepted");
    const r = taskRegistrations(x.as(x.p.wardLeader), id)!;
    expect(r.rows.map((row) => [row.org.code, row.counts])).toEqual([
      ["P1-G", counts(1, 0, 1)],
      ["P1-G-C1", counts(1, 0, 0)],
    ]);
    expect(r.total).toEqual(counts(1, 0, 1));
    expect(r.outside).toBeNull();
  });

  it("an organization in another subtree is not counted under a target", () => {
    const id = task(["P1-G-C1"], ["canbo.c2"]);
    registration(x.p.cadreC2, id, "submitted"); // C2, named assignee: outside the C1 target
    const r = taskRegistrations(x.as(x.p.wardLeader), id)!;
    expect(r.rows[0].counts).toEqual(counts(0, 0, 0));
    expect(r.outside).toEqual(counts(1, 0, 0));
  });

  it("only those who manage the task get counts: others who see it get none, the rest not found", () => {
    const id = task(["P1-G-C1"]);
    registration(x.p.cadre, id, "submitted");
    expect(taskRegistrations(x.as(x.p.cadre), id)).toBeNull();
    expect(getTask(x.as(x.p.cadre), id).registrations).toBeNull();
    expect(taskRegistrations(x.as(x.p.cellLeader), id)).toBeNull(); // leads the target, not the posting ward
    expect(getTask(x.as(x.p.cellLeader), id).registrations).toBeNull();
    expect(failure(() => taskRegistrations(x.as(x.p.cadreP2), id)).status).toBe(404);
    expect(failure(() => taskRegistrations(x.as(x.p.wardLeader), 999_999)).status).toBe(404);
  });

  it("a draft task shows no counts on its page", () => {
    const { id } = createTask(x.as(x.p.wardLeader), {
      orgId: x.o.p1, title: "Nháp", areas: ["waste"], description: "x", periodYear: 2026, periodQuarter: null, deadline: "2026-12-31", targets: [], assignees: [],
    });
    expect(getTask(x.as(x.p.wardLeader), id).registrations).toBeNull();
    expect(taskRegistrations(x.as(x.p.wardLeader), id)!.total).toEqual(counts(0, 0, 0));
  });
});

describe("the leader's task list", () => {
  it("shows the registrations each task received; other lists carry none", () => {
    const a = task(["P1-G-C1"]);
    const b = task(["P1-G-C2"]);
    registration(x.p.cadre, a, "submitted");
    registration(x.p.co, a, "accepted");
    registration(x.p.cadre, a, "draft");
    registration(x.p.cadreC2, b, "withdrawn");
    const rows = listTasksForLeader(x.as(x.p.wardLeader), {}).rows;
    expect(Object.fromEntries(rows.map((r) => [r.id, r.registrations]))).toEqual({ [a]: 2, [b]: 0 });
    expect(listTasksReachingMe(x.as(x.p.cadre), {}).rows.map((r) => r.registrations)).toEqual([null]);
  });
});

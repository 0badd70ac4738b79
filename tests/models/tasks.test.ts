import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { countEvents, verifyLedger } from "~/models/ledger.server";
import { listMyNotifications, markAllRead, markRead, unreadCount } from "~/models/notifications.server";
import {
  closeTask, createTask, findAssignees, getTask, homeTaskCards, listTasksForLeader, listTasksReachingMe, publishTask, taskForEdit, updateTask,
} from "~/models/tasks.server";
import { taskSchema, toTaskInput, type TaskInput } from "~/schemas/tasks";
import { freshDb, type TestDb } from "../helpers/db";
import { failure } from "../helpers/refusal";

let t: TestDb;
let o: Record<"city" | "p1" | "p2" | "g" | "c1" | "c2" | "p2c", number>;
let p: Record<"wardLeader" | "cellLeader" | "cadre" | "cadreC2" | "cadreP2" | "gone" | "p2Leader", number>;

beforeEach(() => {
  t = freshDb(); // the clock reads 27/11/2026 10:00 in Ho Chi Minh City
  const city = t.org("TU", null).id;
  const p1 = t.org("P1", city, "ward").id;
  const p2 = t.org("P2", city, "ward").id;
  const g = t.org("P1-G", p1, "grassroots").id;
  const c1 = t.org("P1-G-C1", g, "cell").id;
  const c2 = t.org("P1-G-C2", g, "cell").id;
  const p2c = t.org("P2-C", p2, "cell").id;
  o = { city, p1, p2, g, c1, c2, p2c };
  p = {
    wardLeader: t.person(p1, { given: "Bình", username: "bithu" }),
    cellLeader: t.person(c1, { given: "Tuấn", username: "bithu.chibo" }),
    cadre: t.person(c1, { given: "Lan", username: "canbo" }),
    cadreC2: t.person(c2, { given: "Hoa", username: "canbo.c2" }),
    cadreP2: t.person(p2c, { given: "Nam", username: "canbo.p2" }),
    gone: t.person(c1, { given: "Cũ", username: "nghi" }),
    p2Leader: t.person(p2, { given: "Sơn", username: "bithu.p2" }),
  };
  t.grant(p.wardLeader, "leader", p1);
  t.grant(p.cellLeader, "leader", c1);
  t.grant(p.p2Leader, "leader", p2);
  for (const c of [p.cadre, p.cadreC2, p.cadreP2, p.cellLeader]) t.grant(c, "cadre", o.c1);
  t.handle.sqlite.prepare("UPDATE people SET active = 0 WHERE id = ?").run(p.gone);
});
afterEach(() => t.close());

const as = (id: number) => t.ctx(t.actorOf(id));
const ledgerOk = () => verifyLedger(t.handle.sqlite, t.secrets.publicKey).ok;
const lastEvent = () =>
  t.handle.sqlite.prepare("SELECT e.action, e.entity_id AS entityId, e.org_id AS orgId, p.payload FROM ledger_events e JOIN ledger_payloads p ON p.seq = e.seq ORDER BY e.seq DESC LIMIT 1").get() as { action: string; entityId: string; orgId: number; payload: string };

const input = (over: Partial<TaskInput> = {}): TaskInput => ({
  orgId: o.p1,
  title: "Rà soát quy trình cấp phép xây dựng",
  areas: ["corruption", "waste"],
  description: "Rà soát, đề xuất giải pháp phòng ngừa nhũng nhiễu trong cấp phép.",
  periodYear: 2026,
  periodQuarter: 4,
  deadline: "2026-12-31",
  targets: ["P1-G-C1"],
  assignees: ["canbo"],
  ...over,
});


const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

describe("createTask", () => {
  it("creates a draft with targets, assignees, folded search text and an id-only ledger event", () => {
    const { id } = createTask(as(p.wardLeader), input({ title: "  Phòng ngừa  tham nhũng ", targets: ["p1-g-c1", "P1-G-C2"] }));
    const row = t.handle.db.get<{ status: string; search_text: string; title: string; warning_id: number | null; created_by: number }>(
      sql`SELECT status, search_text, title, warning_id, created_by FROM tasks WHERE id = ${id}`,
    );
    expect(row).toMatchObject({ status: "draft", title: "Phòng ngừa tham nhũng", warning_id: null, created_by: p.wardLeader });
    expect(row.search_text).toContain("phong ngua tham nhung");
    expect(row.search_text).toContain("nhung nhieu");
    const event = lastEvent();
    expect(event).toMatchObject({ action: "task.created", entityId: String(id), orgId: o.p1 });
    const payload = JSON.parse(event.payload);
    expect(payload.after).toMatchObject({ orgId: o.p1, targetIds: [o.c1, o.c2], assigneeIds: [p.cadre], deadline: "2026-12-31", areas: "corruption,waste" });
    expect(payload.after.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(event.payload).not.toContain("tham nhũng");
    expect(event.payload).not.toContain("canbo");
    expect(ledgerOk()).toBe(true);
  });

  it("targets the posting organization when none is given", () => {
    const { id } = createTask(as(p.wardLeader), input({ targets: [] }));
    expect(getTask(as(p.wardLeader), id).targets.map((x) => x.id)).toEqual([o.p1]);
  });

  it("keeps a cell leader to the cell: no posting from another cell, no target or assignee outside", () => {
    const cell = as(p.cellLeader);
    expect(failure(() => createTask(cell, input({ orgId: o.c2, targets: [] }))).fieldErrors.orgId).toBe("tasks.errors.orgNotAllowed");
    expect(failure(() => createTask(cell, input({ orgId: o.p1 }))).fieldErrors.orgId).toBe("tasks.errors.orgNotAllowed");
    expect(failure(() => createTask(cell, input({ orgId: o.c1, targets: ["P1-G-C2"] }))).fieldErrors.targets).toBe("tasks.errors.targetOutside");
    expect(failure(() => createTask(cell, input({ orgId: o.c1, targets: ["P2-C"] }))).fieldErrors.targets).toBe("tasks.errors.targetOutside");
    expect(failure(() => createTask(cell, input({ orgId: o.c1, targets: ["NOPE"] }))).fieldErrors.targets).toBe("tasks.errors.targetOutside");
    expect(failure(() => createTask(cell, input({ orgId: o.c1, targets: [], assignees: ["canbo.c2"] }))).fieldErrors.assignees).toBe("tasks.errors.assigneeOutside");
    expect(createTask(cell, input({ orgId: o.c1, targets: ["P1-G-C1"], assignees: ["canbo"] })).id).toBeGreaterThan(0);
  });

  it("refuses assignees of another ward, inactive or unknown, and a cadre posting at all", () => {
    const ward = as(p.wardLeader);
    for (const who of ["canbo.p2", "nghi", "khong.co"]) {
      expect(failure(() => createTask(ward, input({ assignees: [who] }))).fieldErrors.assignees).toBe("tasks.errors.assigneeOutside");
    }
    expect(failure(() => createTask(as(p.cadre), input({ orgId: o.c1, targets: [] }))).status).toBe(403);
  });

  it("refuses a past deadline, a year outside 2020–2100, no area and markup, writing nothing", () => {
    const ward = as(p.wardLeader);
    const before = countEvents(t.ctx());
    expect(failure(() => createTask(ward, input({ deadline: "2026-11-26" }))).fieldErrors.deadline).toBe("tasks.errors.deadlinePast");
    expect(failure(() => createTask(ward, input({ deadline: "2026-02-30" }))).fieldErrors.deadline).toBe("errors.invalidDate");
    const e = failure(() =>
      createTask(ward, input({ periodYear: 2019, areas: [], title: "<script>alert(1)</script>", description: "Xem <b>đây</b>" })),
    );
    expect(e.fieldErrors).toEqual({ periodYear: "tasks.errors.year", areas: "tasks.errors.areaRequired", title: "errors.noMarkup", description: "errors.noMarkup" });
    expect(failure(() => createTask(ward, input({ periodYear: 2101 }))).fieldErrors.periodYear).toBe("tasks.errors.year");
    expect(countEvents(t.ctx())).toBe(before);
    expect(t.handle.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM tasks`).n).toBe(0);
    // Today (Ho Chi Minh City) is still allowed.
    expect(createTask(ward, input({ deadline: "2026-11-27" })).id).toBeGreaterThan(0);
  });
});

describe("the form schema", () => {
  const form = (over: Record<string, string> = {}) => ({
    orgId: String(o.p1),
    title: "Nhiệm vụ quý IV",
    area_waste: "on",
    description: "Mô tả",
    periodYear: "2026",
    periodQuarter: "4",
    deadline: "31/12/2026",
    targets: "P1-G-C1, p1-g-c2\nP1-G-C1",
    assignees: "CanBo\ncanbo",
    ...over,
  });

  it("parses dd/mm/yyyy, the area boxes and the lists, and drops smuggled status and times", () => {
    const parsed = taskSchema.safeParse(form({ status: "published", publishedAt: "2020-01-01T00:00:00Z", createdAt: "2020-01-01", createdBy: "1" }));
    expect(parsed.success).toBe(true);
    const data = toTaskInput(parsed.data!);
    expect(data).toEqual({
      orgId: o.p1,
      title: "Nhiệm vụ quý IV",
      areas: ["waste"],
      description: "Mô tả",
      periodYear: 2026,
      periodQuarter: 4,
      deadline: "2026-12-31",
      targets: ["P1-G-C1", "P1-G-C2"],
      assignees: ["canbo"],
    });
    const { id } = createTask(as(p.wardLeader), data);
    const row = t.handle.db.get<{ status: string; published_at: string | null; created_at: string }>(sql`SELECT status, published_at, created_at FROM tasks WHERE id = ${id}`);
    expect(row).toEqual({ status: "draft", published_at: null, created_at: "2026-11-27T03:00:00.000Z" });
  });

  it("reports every bad field at once, the areas included", () => {
    const parsed = taskSchema.safeParse(form({ area_waste: "", title: "<img src=x>", deadline: "32/12/2026", periodYear: "1999", periodQuarter: "5" }));
    expect(parsed.success).toBe(false);
    const errors = Object.fromEntries(parsed.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(errors).toMatchObject({
      title: "errors.noMarkup",
      deadline: "errors.invalidDate",
      periodYear: "tasks.errors.year",
      periodQuarter: "errors.chooseOne",
      areas: "tasks.errors.areaRequired",
    });
  });

  it("an organization smuggled into the form is refused on its field", () => {
    const parsed = taskSchema.safeParse(form({ orgId: String(o.p2), targets: "", assignees: "" }));
    expect(parsed.success).toBe(true);
    expect(failure(() => createTask(as(p.wardLeader), toTaskInput(parsed.data!))).fieldErrors).toEqual({ orgId: "tasks.errors.orgNotAllowed" });
  });
});

describe("visibility, publishing and notifications", () => {
  it("a draft is seen only by leaders; once published it reaches the target subtree and the assignees", () => {
    const ward = as(p.wardLeader);
    const { id } = createTask(ward, input({ targets: ["P1-G-C1"], assignees: ["canbo.c2"] }));
    expect(failure(() => getTask(as(p.cadre), id)).status).toBe(404);
    expect(listTasksReachingMe(as(p.cadre), {}).total).toBe(0);
    expect(failure(() => getTask(as(p.cellLeader), id)).status).toBe(404); // a leader below the poster neither

    publishTask(ward, id);
    expect(lastEvent()).toMatchObject({ action: "task.published", entityId: String(id) });
    expect(JSON.parse(lastEvent().payload).notifiedIds).toEqual([p.cadreC2]);
    expect(getTask(as(p.cadre), id).title).toBe(input().title); // in the target cell
    expect(getTask(as(p.cellLeader), id).allowed).toEqual({ edit: false, publish: false, close: false }); // a target, not the poster
    expect(ids(listTasksReachingMe(as(p.cadre), {}).rows)).toEqual([id]);
    expect(listTasksReachingMe(as(p.cadre), { mine: true }).total).toBe(0);
    // The other cell sees it only because its cadre is assigned.
    const c2 = listTasksReachingMe(as(p.cadreC2), { mine: true });
    expect(c2.rows.map((r) => [r.id, r.assignedToMe])).toEqual([[id, true]]);
    expect(getTask(as(p.cadreC2), id).assignedToMe).toBe(true);
    // Another ward: neither the cadre nor its leader.
    expect(failure(() => getTask(as(p.cadreP2), id)).status).toBe(404);
    expect(failure(() => getTask(as(p.p2Leader), id)).status).toBe(404);
    expect(listTasksReachingMe(as(p.cadreP2), {}).total).toBe(0);
    expect(listTasksForLeader(as(p.p2Leader), {}).total).toBe(0);
    expect(ledgerOk()).toBe(true);
  });

  it("a task for the whole ward reaches every cell below it", () => {
    const { id } = createTask(as(p.wardLeader), input({ targets: ["P1"], assignees: [] }));
    publishTask(as(p.wardLeader), id);
    expect(ids(listTasksReachingMe(as(p.cadreC2), {}).rows)).toEqual([id]);
    expect(listTasksReachingMe(as(p.cadreP2), {}).total).toBe(0);
  });

  it("notifies each assignee on publish; each reads and marks only their own, without a ledger event", () => {
    const ward = as(p.wardLeader);
    const { id } = createTask(ward, input({ assignees: ["canbo", "bithu.chibo"] }));
    expect(unreadCount(as(p.cadre))).toBe(0); // nothing while a draft
    publishTask(ward, id);
    const mine = listMyNotifications(as(p.cadre));
    expect(mine.rows).toHaveLength(1);
    expect(mine.rows[0]).toMatchObject({ key: "tasks.notify.assigned", href: `/nhiem-vu/${id}`, params: { title: input().title }, readAt: null });
    expect(unreadCount(as(p.cellLeader))).toBe(1);
    expect(unreadCount(as(p.cadreC2))).toBe(0);
    const events = countEvents(t.ctx());
    expect(failure(() => markRead(as(p.cadreC2), mine.rows[0].id)).status).toBe(404);
    markRead(as(p.cadre), mine.rows[0].id);
    expect(unreadCount(as(p.cadre))).toBe(0);
    expect(unreadCount(as(p.cellLeader))).toBe(1);
    expect(markAllRead(as(p.cellLeader))).toBe(1);
    expect(countEvents(t.ctx())).toBe(events);
  });
});

describe("updateTask, publishTask, closeTask", () => {
  it("edits drafts only; a published task is closed once; others may not act", () => {
    const ward = as(p.wardLeader);
    const { id } = createTask(ward, input());
    updateTask(ward, id, input({ title: "Tên mới", assignees: [], targets: ["P1-G-C2"] }));
    expect(lastEvent().action).toBe("task.updated");
    const payload = JSON.parse(lastEvent().payload);
    expect(payload.before.targetIds).toEqual([o.c1]);
    expect(payload.after.targetIds).toEqual([o.c2]);
    expect(taskForEdit(ward, id).values).toMatchObject({ title: "Tên mới", targets: "P1-G-C2", assignees: "", deadline: "31/12/2026", area_corruption: true, area_waste: true });
    expect(failure(() => closeTask(ward, id)).message).toBe("tasks.errors.notPublished");
    expect(failure(() => publishTask(as(p.p2Leader), id)).status).toBe(404);
    publishTask(ward, id);
    expect(failure(() => publishTask(ward, id)).message).toBe("tasks.errors.notDraft");
    expect(failure(() => updateTask(ward, id, input())).message).toBe("tasks.errors.notDraft");
    expect(failure(() => closeTask(as(p.cadreC2), id)).status).toBe(404);
    closeTask(ward, id);
    expect(lastEvent().action).toBe("task.closed");
    expect(getTask(as(p.cadreC2), id).status).toBe("closed");
    expect(failure(() => closeTask(ward, id)).message).toBe("tasks.errors.notPublished");
    expect(ledgerOk()).toBe(true);
  });

  it("refuses to publish a draft whose deadline has passed", () => {
    const ward = as(p.wardLeader);
    const { id } = createTask(ward, input({ deadline: "2026-11-28" }));
    t.clock.advance(3 * 86_400_000);
    expect(failure(() => publishTask(ward, id)).message).toBe("tasks.errors.deadlinePassedPublish");
  });
});

describe("lists and home cards", () => {
  it("the leader's list is scoped, filtered, sorted by deadline and tags near and overdue tasks", () => {
    const ward = as(p.wardLeader);
    const late = createTask(ward, input({ deadline: "2026-12-20", areas: ["negative"] })).id;
    const soon = createTask(ward, input({ deadline: "2026-11-30" })).id;
    const cellTask = createTask(as(p.cellLeader), input({ orgId: o.c1, targets: [], deadline: "2026-12-01", periodQuarter: null })).id;
    const other = createTask(as(p.p2Leader), input({ orgId: o.p2, targets: [], assignees: [] })).id;
    expect(ids(listTasksForLeader(ward, {}).rows)).toEqual([soon, cellTask, late]); // the cell is in the ward
    expect(ids(listTasksForLeader(as(p.cellLeader), {}).rows)).toEqual([cellTask]);
    expect(ids(listTasksForLeader(as(p.p2Leader), {}).rows)).toEqual([other]);
    expect(ids(listTasksForLeader(ward, { area: "negative" }).rows)).toEqual([late]);
    expect(ids(listTasksForLeader(ward, { quarter: 4 }).rows)).toEqual([soon, late]);
    publishTask(ward, soon);
    publishTask(ward, late);
    expect(ids(listTasksForLeader(ward, { status: "draft" }).rows)).toEqual([cellTask]);
    expect(ids(listTasksForLeader(ward, { nearDue: true }).rows)).toEqual([soon]);
    expect(listTasksForLeader(ward, {}).rows.map((r) => r.due)).toEqual(["near", null, null]);
    t.clock.advance(4 * 86_400_000); // 01/12/2026
    expect(listTasksForLeader(ward, {}).rows.find((r) => r.id === soon)?.due).toBe("overdue");
    expect(failure(() => listTasksForLeader(as(p.cadre), {})).status).toBe(403);
    expect(homeTaskCards(ward)).toContainEqual({ key: "tasksNearDeadline", count: 1, href: "/nhiem-vu?xem=da-giao&han=sap-den" });
    const cadreCards = homeTaskCards(as(p.cadre));
    expect(cadreCards.map((c) => [c.key, c.count])).toEqual([["myTasks", 2], ["unreadNotifications", 2]]);
  });

  it("the people finder looks only inside the posting organization", () => {
    const ward = as(p.wardLeader);
    expect(findAssignees(ward, o.p1, "lan").map((r) => r.username)).toEqual(["canbo"]);
    expect(findAssignees(ward, o.p1, "nam")).toEqual([]); // another ward
    expect(findAssignees(as(p.cellLeader), o.p1, "lan")).toEqual([]); // not the cell leader's to post from
  });
});

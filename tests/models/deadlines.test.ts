// Deadline reminders: named assignees of published tasks due soon who have not registered,
// and the leaders receiving accepted initiatives whose decision is due soon; each once.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DECISION_KEY, maybeSweepDeadlines, SWEEP_INTERVAL_MS, sweepDeadlines, TASK_KEY } from "~/models/deadlines.server";
import { accept, createDraft, saveSection, submit, withdraw } from "~/models/initiatives.server";
import { countEvents, verifyLedger } from "~/models/ledger.server";
import { closeTask, createTask, publishTask } from "~/models/tasks.server";
import { draft, fill, tree, type Tree } from "./initiatives-fixture";

let x: Tree;
beforeEach(() => {
  x = tree(); // 27/11/2026 10:00 in Ho Chi Minh City
});
afterEach(() => {
  expect(verifyLedger(x.t.handle.sqlite, x.t.secrets.publicKey).ok).toBe(true);
  x.t.close();
});

type Note = { person_id: number; key: string; params: string; href: string; entity: string; entity_id: string };
const notes = (key: string) =>
  x.t.handle.sqlite.prepare("SELECT person_id, key, params, href, entity, entity_id FROM notifications WHERE key = ? ORDER BY person_id, id").all(key) as Note[];
const sweep = (days?: number) => sweepDeadlines(x.t.ctx(), days === undefined ? {} : { days });

/** A task of the ward P1 to cell C1, assigned by name to `assignees` (usernames). */
function task(deadline: string, opts: { assignees?: string[]; publish?: boolean } = {}): number {
  const leader = x.as(x.p.wardLeader);
  const { id } = createTask(leader, {
    orgId: x.o.p1, title: "Phòng ngừa nhũng nhiễu", areas: ["corruption"], description: "Đề xuất giải pháp.", periodYear: 2026, periodQuarter: 4,
    deadline, targets: ["P1-G-C1"], assignees: opts.assignees ?? ["canbo", "canbo.c2"],
  });
  if (opts.publish !== false) publishTask(leader, id);
  return id;
}

describe("sweepDeadlines: tasks", () => {
  it("reminds each named assignee of a task due within the window once, however often it runs, and writes no ledger event", () => {
    const id = task("2026-11-30"); // today + 3
    const events = countEvents(x.t.ctx());
    const r = sweep();
    expect(r).toEqual({ window: { from: "2026-11-27", to: "2026-11-30" }, taskReminders: 2, decisionReminders: 0 });
    const rows = notes(TASK_KEY);
    expect(rows.map((n) => n.person_id)).toEqual([x.p.cadre, x.p.cadreC2].sort((a, b) => a - b));
    expect(rows[0]).toMatchObject({ href: `/nhiem-vu/${id}`, entity: "task", entity_id: String(id) });
    expect(JSON.parse(rows[0].params)).toEqual({ title: "Phòng ngừa nhũng nhiễu", deadline: "30/11/2026" });
    expect(sweep().taskReminders).toBe(0);
    x.t.clock.advance(24 * 3600_000);
    expect(sweep().taskReminders).toBe(0);
    expect(notes(TASK_KEY)).toHaveLength(2);
    expect(countEvents(x.t.ctx())).toBe(events);
  });

  it("leaves tasks outside the window alone: later than today + days, or already past", () => {
    task("2026-12-01"); // today + 4
    expect(sweep().taskReminders).toBe(0);
    expect(sweep(4).taskReminders).toBe(2);
    const past = task("2026-11-28", { assignees: ["bithu.chibo"] });
    x.t.clock.advance(2 * 24 * 3600_000); // 29/11: the task of 28/11 is overdue
    sweep(10);
    expect(notes(TASK_KEY).filter((n) => n.entity_id === String(past))).toEqual([]);
  });

  it("today's deadline is still within the window", () => {
    task("2026-11-27");
    expect(sweep(0).taskReminders).toBe(2);
  });

  it("skips an assignee who registered against the task (a draft does not count, a withdrawn one no longer does)", () => {
    const id = task("2026-11-29");
    const submitted = draft(x.as(x.p.cadre), "solution", { taskId: id });
    submit(x.as(x.p.cadre), submitted);
    draft(x.as(x.p.cadreC2), "solution", { taskId: id }); // only a draft
    sweep();
    expect(notes(TASK_KEY).map((n) => n.person_id)).toEqual([x.p.cadreC2]);
  });

  it("a co-author of a submitted registration counts as registered; a withdrawn registration does not", () => {
    const id = task("2026-11-29", { assignees: ["canbo", "dongtacgia", "canbo.c2"] });
    const { id: withCo } = createDraft(x.as(x.p.cadre), { kind: "solution", taskId: id });
    fill(x.as(x.p.cadre), withCo, "solution");
    saveSection(x.as(x.p.cadre), withCo, "authors", { authors: [{ username: "canbo", share: "50" }, { username: "dongtacgia", share: "50" }] });
    submit(x.as(x.p.cadre), withCo);
    const gone = draft(x.as(x.p.cadreC2), "solution", { taskId: id });
    submit(x.as(x.p.cadreC2), gone);
    withdraw(x.as(x.p.cadreC2), gone);
    sweep();
    expect(notes(TASK_KEY).map((n) => n.person_id)).toEqual([x.p.cadreC2]);
  });

  it("does not remind about a draft or a closed task, nor an inactive assignee", () => {
    task("2026-11-29", { publish: false });
    const closed = task("2026-11-29");
    closeTask(x.as(x.p.wardLeader), closed);
    task("2026-11-29", { assignees: ["canbo"] });
    x.t.handle.sqlite.prepare("UPDATE people SET active = 0 WHERE id = ?").run(x.p.cadre);
    expect(sweep().taskReminders).toBe(0);
    expect(notes(TASK_KEY)).toEqual([]);
  });
});

describe("sweepDeadlines: decisions", () => {
  it("reminds the leaders receiving an accepted initiative near its decision due date, once, not its authors", () => {
    const id = draft(x.as(x.p.cadre));
    submit(x.as(x.p.cadre), id); // received by the cell C1
    const { decisionDueOn } = accept(x.as(x.p.cellLeader), id);
    expect(decisionDueOn).toBe("2027-02-27");
    expect(sweep().decisionReminders).toBe(0);
    x.t.clock.advance(87 * 24 * 3600_000); // 22/02/2027: five days before
    expect(sweep().decisionReminders).toBe(0);
    x.t.clock.advance(2 * 24 * 3600_000); // 24/02/2027: three days before
    const r = sweep();
    // The cell's, the ward's and the city's leaders (leadersOver), each once.
    expect(r.decisionReminders).toBe(3);
    const rows = notes(DECISION_KEY);
    expect(rows.map((n) => n.person_id)).toEqual([x.p.wardLeader, x.p.cellLeader, x.p.cityLeader].sort((a, b) => a - b));
    expect(rows[0]).toMatchObject({ href: `/sang-kien/${id}`, entity: "initiative", entity_id: String(id) });
    expect(JSON.parse(rows[0].params)).toMatchObject({ due: "27/02/2027", title: "Số hóa sổ theo dõi tiếp dân" });
    expect(JSON.parse(rows[0].params).number).toMatch(/^SK-2026-\d{6}$/);
    expect(sweep().decisionReminders).toBe(0);
    expect(notes(DECISION_KEY)).toHaveLength(3);
  });

  it("a leader who is an author of the initiative is not reminded to decide on it", () => {
    const id = draft(x.as(x.p.cellLeader));
    submit(x.as(x.p.cellLeader), id);
    accept(x.as(x.p.wardLeader), id);
    x.t.clock.advance(89 * 24 * 3600_000);
    sweep();
    expect(notes(DECISION_KEY).map((n) => n.person_id)).toEqual([x.p.wardLeader, x.p.cityLeader].sort((a, b) => a - b));
  });

  it("a submitted (not yet accepted) initiative has no decision due", () => {
    submit(x.as(x.p.cadre), draft(x.as(x.p.cadre)));
    x.t.clock.advance(89 * 24 * 3600_000);
    expect(sweep().decisionReminders).toBe(0);
  });
});

describe("maybeSweepDeadlines", () => {
  it("runs at most once per interval, and never throws", () => {
    task("2026-11-29");
    const first = maybeSweepDeadlines(x.t.ctx());
    expect(first?.taskReminders).toBe(2);
    expect(maybeSweepDeadlines(x.t.ctx())).toBeNull();
    x.t.clock.advance(SWEEP_INTERVAL_MS);
    expect(maybeSweepDeadlines(x.t.ctx())).toEqual({ window: { from: "2026-11-27", to: "2026-11-30" }, taskReminders: 0, decisionReminders: 0 });
    // A failing sweep (the database is closed) is logged, not thrown.
    x.t.clock.advance(SWEEP_INTERVAL_MS);
    const broken = { ...x.t.ctx(), db: { transaction: () => { throw new Error("disk I/O error"); } } } as unknown as ReturnType<typeof x.t.ctx>;
    const log = console.error;
    const logged: unknown[] = [];
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      expect(maybeSweepDeadlines(broken)).toBeNull();
    } finally {
      console.error = log;
    }
    expect(String(logged[0])).toContain("deadlines");
  });
});

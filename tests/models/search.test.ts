// Search over tasks and initiatives: Vietnamese folding, phrase-first order, hostile input,
// scoping by the models' own rules, the index kept in sync by triggers, filters, pagination.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { TaskArea } from "../../db/enums";
import { createDraft, saveSection, submit } from "~/models/initiatives.server";
import { search, SEARCH_CAP, SEARCH_PAGE_SIZE, type SearchInput } from "~/models/search.server";
import { moveOrg } from "~/models/orgs.server";
import { createTask, publishTask, updateTask } from "~/models/tasks.server";
import type { Ctx } from "~/models/context.server";
import { draft, fill, tree, type Tree } from "./initiatives-fixture";

let x: Tree;
beforeEach(() => {
  x = tree();
});
afterEach(() => x.t.close());

type TaskOver = {
  orgId?: number;
  description?: string;
  areas?: TaskArea[];
  periodYear?: number;
  targets?: string[];
  assignees?: string[];
};
function task(ctx: Ctx, title: string, over: TaskOver = {}, publish = true): number {
  const { id } = createTask(ctx, {
    orgId: over.orgId ?? x.o.p1,
    title,
    areas: over.areas ?? ["corruption"],
    description: over.description ?? "Mô tả",
    periodYear: over.periodYear ?? 2026,
    periodQuarter: 4,
    deadline: "2026-12-31",
    targets: over.targets ?? [],
    assignees: over.assignees ?? [],
  });
  if (publish) publishTask(ctx, id);
  return id;
}

/** A complete initiative of `ctx`'s actor titled `title`; submitted unless `keepDraft`. */
function initiative(ctx: Ctx, title: string, keepDraft = false): number {
  const { id } = createDraft(ctx, { kind: "initiative" });
  fill(ctx, id);
  saveSection(ctx, id, "general", {
    title,
    field: "Cải cách hành chính",
    firstAppliedOn: "15/10/2026",
  });
  if (!keepDraft) submit(ctx, id);
  return id;
}

const find = (ctx: Ctx, q: string, more: Omit<SearchInput, "q"> = {}) => search(ctx, { q, ...more }).rows.map((r) => `${r.type[0]}${r.id}`);

describe("Vietnamese folding", () => {
  it("finds text without diacritics, with đ typed as d, upper case and two-mark letters", () => {
    const leader = x.as(x.p.wardLeader);
    const a = task(leader, "Phòng ngừa tham nhũng trong đấu thầu");
    const b = task(leader, "ĐĂNG KÝ tài sản, thu nhập", {
      description: "Kê khai hằng năm",
    });
    const c = task(leader, "Nâng cao hiệu quả nghiệp vụ");
    const me = x.as(x.p.cadre);
    expect(find(me, "phong ngua tham nhung")).toEqual([`t${a}`]);
    expect(find(me, "dang ky")).toEqual([`t${b}`]);
    expect(find(me, "Đăng Ký")).toEqual([`t${b}`]);
    expect(find(me, "DANG KY tai san")).toEqual([`t${b}`]);
    expect(find(me, "ngua")).toEqual([`t${a}`]); // ừ: u with horn and grave
    expect(find(me, "dau thau")).toEqual([`t${a}`]); // ấ
    expect(find(me, "hieu qua nghiep vu")).toEqual([`t${c}`]); // ệ
    expect(find(me, "hang nam")).toEqual([`t${b}`]); // the description is searched too
    expect(find(me, "dang")).toEqual([`t${b}`]); // one syllable is enough
  });

  it("finds an initiative by its registration number and its field", () => {
    const me = x.as(x.p.cadre);
    const id = initiative(me, "Số hóa sổ đăng ký tiếp dân");
    const number = search(me, { q: "so hoa" }).rows[0].number!;
    expect(number).toMatch(/^SK-2026-\d{6}$/);
    expect(find(me, number)).toEqual([`i${id}`]);
    expect(find(me, number.toLowerCase())).toEqual([`i${id}`]);
    expect(find(me, "cai cach hanh chinh")).toEqual([`i${id}`]);
  });
});

describe("order and input", () => {
  it("ranks rows matching the whole input as a phrase before rows matching every word", () => {
    const leader = x.as(x.p.wardLeader);
    const phrase = task(leader, "Phòng ngừa tham nhũng");
    const scattered = task(leader, "Ngừa tham nhũng tại phòng họp"); // newer, every word, not the phrase
    const partial = task(leader, "Phòng ngừa lãng phí"); // not every word
    const res = search(x.as(x.p.cadre), { q: "phong ngua tham nhung" });
    expect(res.rows.map((r) => r.id)).toEqual([phrase, scattered]);
    expect(res.total).toBe(2);
    expect(res.rows.map((r) => r.id)).not.toContain(partial);
    // Within a group, newest first.
    const newer = task(leader, "Phòng ngừa tham nhũng lần hai");
    expect(search(x.as(x.p.cadre), { q: "phong ngua tham nhung" }).rows.map((r) => r.id)).toEqual([newer, phrase, scattered]);
  });

  it("treats FTS syntax in the input as text and never throws", () => {
    const leader = x.as(x.p.wardLeader);
    const id = task(leader, "Phòng ngừa tham nhũng");
    const me = x.as(x.p.cadre);
    const hostile = [
      '"',
      '""',
      '"phong',
      "NEAR(",
      "NEAR(phong ngua, 2)",
      "*",
      "phong*",
      "-",
      "- phong",
      "phong -ngua",
      ":",
      "title:phong",
      "facets:p1",
      "{facets}: o1",
      "OR",
      "phong OR xyz",
      "AND",
      "NOT",
      "phong NOT ngua",
      "(",
      ")",
      "^phong",
      "'",
      "\\",
      "%",
      "_",
      "\u0000",
      "phong".repeat(500),
      "a ".repeat(300),
      "🙂 phòng",
    ];
    for (const q of hostile) expect(() => search(me, { q }), q).not.toThrow();
    expect(find(me, '"phong')).toEqual([`t${id}`]);
    expect(find(me, "phong*")).toEqual([`t${id}`]);
    expect(find(me, "phong -ngua")).toEqual([`t${id}`]);
    expect(find(me, "NEAR(phong ngua, 2)")).toEqual([]); // "near" and "2" are words the task lacks
    expect(find(me, "facets:p1")).toEqual([]); // the facet column is not searchable
    expect(find(me, "phong OR xyz")).toEqual([]); // OR is a word, not an operator
    const empty = search(me, { q: "  ?! " });
    expect(empty).toMatchObject({ rows: [], total: 0, capped: false });
  });
});

describe("scoping", () => {
  it("follows a revoked grant at once: the kept statements are per scope, not per person", () => {
    const id = initiative(x.as(x.p.cadre), "Minh bạch sổ tiếp dân");
    expect(find(x.as(x.p.wardLeader), "minh bach so tiep dan")).toEqual([`i${id}`]);
    x.t.handle.sqlite.prepare("UPDATE role_grants SET revoked_at = '2026-11-27T00:00:00.000Z' WHERE person_id = ?").run(x.p.wardLeader);
    expect(find(x.as(x.p.wardLeader), "minh bach so tiep dan")).toEqual([]);
  });

  it("never shows another cell's draft, a task that does not reach the actor, or drafts to leaders", () => {
    const c1Draft = initiative(x.as(x.p.cadre), "Minh bạch hồ sơ chi bộ", true);
    const c2Draft = initiative(x.as(x.p.cadreC2), "Minh bạch hồ sơ chi bộ hai", true);
    const c2Submitted = initiative(x.as(x.p.cadreC2), "Minh bạch hồ sơ đã nộp");
    const p2Submitted = initiative(x.as(x.p.cadreP2), "Minh bạch hồ sơ phường hai");
    const p2Leader = x.t.person(x.o.p2, { given: "Hải", username: "bithu.p2" });
    x.t.grant(p2Leader, "leader", x.o.p2);
    const p2Task = task(x.as(p2Leader), "Minh bạch hồ sơ nhiệm vụ phường hai", {
      orgId: x.o.p2,
    });
    const p1Task = task(x.as(x.p.wardLeader), "Minh bạch hồ sơ nhiệm vụ");
    const p1TaskDraft = task(x.as(x.p.wardLeader), "Minh bạch hồ sơ dự thảo", {}, false);

    expect(find(x.as(x.p.cadre), "minh bach ho so").sort()).toEqual([`i${c1Draft}`, `t${p1Task}`].sort());
    expect(find(x.as(x.p.cadreC2), "minh bach ho so").sort()).toEqual([`i${c2Draft}`, `i${c2Submitted}`, `t${p1Task}`].sort());
    // The ward leader: submitted registrations of the subtree, the ward's tasks (drafts too), no drafts of others.
    expect(find(x.as(x.p.wardLeader), "minh bach ho so").sort()).toEqual([`i${c2Submitted}`, `t${p1Task}`, `t${p1TaskDraft}`].sort());
    expect(find(x.as(x.p.inspector), "minh bach ho so").sort()).toEqual([`i${c2Submitted}`, `t${p1Task}`].sort());
    expect(find(x.as(x.p.cityLeader), "minh bach ho so").sort()).toEqual(
      [`i${c2Submitted}`, `i${p2Submitted}`, `t${p1Task}`, `t${p1TaskDraft}`, `t${p2Task}`].sort()
    );
    expect(find(x.as(x.p.cadreP2), "minh bach ho so").sort()).toEqual([`i${p2Submitted}`, `t${p2Task}`].sort());
  });

  it("shows a task to its assignee outside the targets, and co-authored drafts to the co-author", () => {
    const leader = x.as(x.p.wardLeader);
    const assigned = task(leader, "Rà soát kê khai", {
      targets: ["P1-G-C1"],
      assignees: ["canbo.c2"],
    });
    expect(find(x.as(x.p.cadreC2), "ra soat ke khai")).toEqual([`t${assigned}`]);
    expect(find(x.as(x.p.cadreP2), "ra soat ke khai")).toEqual([]);
    const me = x.as(x.p.cadre);
    const id = initiative(me, "Sổ theo dõi chung", true);
    expect(find(x.as(x.p.co), "so theo doi chung")).toEqual([]);
    saveSection(me, id, "authors", {
      authors: [
        { username: "canbo", share: "50" },
        { username: "dongtacgia", share: "50" },
      ],
    });
    expect(find(x.as(x.p.co), "so theo doi chung")).toEqual([`i${id}`]);
  });
});

describe("index kept in sync", () => {
  it("follows title edits, deletes and organization moves", () => {
    const leader = x.as(x.p.wardLeader);
    const id = task(leader, "Tên cũ của nhiệm vụ", {}, false);
    updateTask(leader, id, {
      orgId: x.o.p1,
      title: "Tên mới hoàn toàn",
      areas: ["waste"],
      description: "Khác",
      periodYear: 2026,
      periodQuarter: 4,
      deadline: "2026-12-31",
      targets: [],
      assignees: [],
    });
    expect(find(leader, "ten cu")).toEqual([]);
    expect(find(leader, "ten moi hoan toan")).toEqual([`t${id}`]);
    const me = x.as(x.p.cadre);
    const i1 = draft(me);
    saveSection(me, i1, "general", {
      title: "Đổi tên sáng kiến",
      field: "Y tế",
      firstAppliedOn: "15/10/2026",
    });
    expect(find(me, "so hoa so theo doi")).toEqual([]);
    expect(find(me, "doi ten sang kien")).toEqual([`i${i1}`]);

    const sqlite = x.t.handle.sqlite;
    sqlite.prepare("DELETE FROM task_targets WHERE task_id = ?").run(id);
    sqlite.prepare("DELETE FROM tasks WHERE id = ?").run(id);
    expect(find(leader, "ten moi hoan toan")).toEqual([]);
    expect(sqlite.prepare("SELECT count(*) AS n FROM tasks_fts WHERE tasks_fts MATCH 'moi'").get()).toEqual({ n: 0 });

    // A submitted registration of cell 2 follows the cell when it moves to ward 2.
    const moved = initiative(x.as(x.p.cadreC2), "Chuyển chi bộ");
    expect(find(x.as(x.p.wardLeader), "chuyen chi bo")).toEqual([`i${moved}`]);
    const admin = x.t.person(x.o.city, {
      given: "Quản",
      username: "quantri.tp",
    });
    x.t.grant(admin, "admin", x.o.city);
    moveOrg(x.as(admin), x.o.c2, {
      newParentId: x.o.p2,
      effectiveDate: "2026-11-27",
    });
    const p2Leader = x.t.person(x.o.p2, { given: "Hải", username: "bithu.p2" });
    x.t.grant(p2Leader, "leader", x.o.p2);
    expect(find(x.as(x.p.wardLeader), "chuyen chi bo")).toEqual([]);
    expect(find(x.as(p2Leader), "chuyen chi bo")).toEqual([`i${moved}`]);
  });
});

describe("index of drafts", () => {
  it("gives a draft its authors' tokens only, and its organizations' once it is submitted", () => {
    const sqlite = x.t.handle.sqlite;
    const rowsOf = (facet: string) =>
      (sqlite.prepare("SELECT rowid AS id FROM initiatives_fts WHERE initiatives_fts MATCH ?").all(`facets : "${facet}"`) as { id: number }[]).map((r) => r.id);
    const me = x.as(x.p.cadre);
    const id = initiative(me, "Bản nháp riêng", true);
    expect(rowsOf(`p${x.p.cadre}`)).toContain(id);
    expect(rowsOf(`o${x.o.p1}`)).not.toContain(id);
    submit(me, id);
    expect(rowsOf(`o${x.o.p1}`)).toContain(id);
    expect(rowsOf(`p${x.p.cadre}`)).toContain(id);
    expect(find(x.as(x.p.wardLeader), "ban nhap rieng")).toEqual([`i${id}`]);
  });
});

describe("filters and pages", () => {
  it("combines the query with type, status, area and year", () => {
    const leader = x.as(x.p.wardLeader);
    const t2026 = task(leader, "Kiểm soát tài sản", { areas: ["waste"] });
    const t2025 = task(leader, "Kiểm soát tài sản công", { periodYear: 2025 });
    const tDraft = task(leader, "Kiểm soát tài sản dự thảo", {}, false);
    const i = initiative(x.as(x.p.cadre), "Kiểm soát tài sản cán bộ");
    const other = task(leader, "Không liên quan", { areas: ["waste"] });
    expect(find(leader, "kiem soat tai san").sort()).toEqual([`t${t2026}`, `t${t2025}`, `t${tDraft}`, `i${i}`].sort());
    expect(find(leader, "kiem soat tai san", { type: "initiatives" })).toEqual([`i${i}`]);
    expect(find(leader, "kiem soat tai san", { type: "tasks", status: "draft" })).toEqual([`t${tDraft}`]);
    expect(find(leader, "kiem soat tai san", { status: "submitted" })).toEqual([`i${i}`]);
    expect(find(leader, "kiem soat tai san", { status: "published", year: 2025 })).toEqual([`t${t2025}`]);
    expect(find(leader, "kiem soat tai san", { area: "waste" })).toEqual([`t${t2026}`]);
    expect(find(leader, "kiem soat tai san", { year: 2026, type: "initiatives" })).toEqual([`i${i}`]);
    expect(find(leader, "kiem soat tai san", { year: 2024 })).toEqual([]);
    expect(find(leader, "khong lien quan", { area: "waste" })).toEqual([`t${other}`]);
  });

  it("pages through results and caps the count", () => {
    const sqlite = x.t.handle.sqlite;
    const insert = sqlite.prepare(
      `INSERT INTO tasks (org_id, title, areas, description, period_year, deadline, status, search_text, created_by, created_at, updated_at)
       VALUES (?, ?, 'corruption', 'x', 2026, '2026-12-31', 'published', '', ?, '2026-11-27T03:00:00.000Z', '2026-11-27T03:00:00.000Z')`
    );
    const target = sqlite.prepare("INSERT INTO task_targets (task_id, org_id) VALUES (?, ?)");
    const add = (n: number, title: string) =>
      sqlite.transaction(() => {
        for (let k = 0; k < n; k++) target.run(insert.run(x.o.p1, `${title} ${k}`, x.p.wardLeader).lastInsertRowid, x.o.p1);
      })();
    add(45, "Giám sát chuyên đề");
    const me = x.as(x.p.cadre);
    const p1 = search(me, { q: "giam sat chuyen de" });
    expect(p1).toMatchObject({
      total: 45,
      capped: false,
      page: 1,
      pageCount: 3,
    });
    expect(p1.rows).toHaveLength(SEARCH_PAGE_SIZE);
    const p3 = search(me, { q: "giam sat chuyen de", page: 3 });
    expect(p3.rows).toHaveLength(5);
    const all = [1, 2, 3].flatMap((page) => search(me, { q: "giam sat chuyen de", page }).rows.map((r) => r.id));
    expect(new Set(all).size).toBe(45);
    expect(search(me, { q: "giam sat chuyen de", page: 99 }).page).toBe(3);

    add(SEARCH_CAP, "Thanh tra định kỳ");
    expect(search(me, { q: "thanh tra dinh ky" })).toMatchObject({
      total: SEARCH_CAP,
      capped: false,
    }); // exactly the cap
    add(5, "Thanh tra định kỳ");
    const capped = search(me, { q: "thanh tra dinh ky", page: 1000 });
    expect(capped).toMatchObject({
      total: SEARCH_CAP,
      capped: true,
      pageCount: SEARCH_CAP / SEARCH_PAGE_SIZE,
      page: SEARCH_CAP / SEARCH_PAGE_SIZE,
    });
    expect(capped.rows).toHaveLength(SEARCH_PAGE_SIZE);
  });
});

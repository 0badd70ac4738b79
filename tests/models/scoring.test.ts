// The evaluator's side: scores refused with a message and nothing written, no leak to people
// not assigned, draft then submit, a submitted sheet frozen until the secretary reopens it with
// a reason, nothing of another evaluator's scores before one's own is in, the queue's tabs by the
// Ho Chi Minh City date, and the ledger.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { councilMembers, councils, decisions } from "../../db/schema";
import { verifyLedger } from "~/models/ledger.server";
import { listMyNotifications } from "~/models/notifications.server";
import { getInitiative } from "~/models/initiatives.server";
import { getSheet, homeScoringCards, listQueue, reopenSheet, reopenView, saveDraft, sheetValues, submitSheet } from "~/models/scoring.server";
import { parseScore } from "~/schemas/scoring";
import { failure, scoringSetup, sheetInput, type ScoringSetup } from "./scoring-fixture";

let s: ScoringSetup;
beforeEach(() => {
  s = scoringSetup();
});
afterEach(() => {
  expect(verifyLedger(s.t.handle.sqlite, s.t.secrets.publicKey).ok).toBe(true);
  s.t.close();
});

const sql = () => s.t.handle.sqlite;
/** Everything a refused call must leave untouched. */
const snapshot = () => ({
  sheets: sql().prepare("SELECT id, status, saved_at, submitted_at, total_half_points, reopened_count FROM evaluations ORDER BY id").all(),
  scores: sql().prepare("SELECT evaluation_id, criterion_id, half_points, comment FROM evaluation_scores ORDER BY 1, 2").all(),
  events: (sql().prepare("SELECT count(*) AS n FROM ledger_events").get() as { n: number }).n,
  notices: (sql().prepare("SELECT count(*) AS n FROM notifications").get() as { n: number }).n,
});
const payloads = (action: string) =>
  (sql().prepare("SELECT p.payload FROM ledger_events e JOIN ledger_payloads p ON p.seq = e.seq WHERE e.action = ? ORDER BY e.seq").all(action) as { payload: string }[]).map(
    (r) => JSON.parse(r.payload) as Record<string, unknown>,
  );
const as = (id: number) => s.as(id);
const full = (scores: (string | number)[], comments?: string[]) => sheetInput(s.criteria, scores, comments);

describe("parseScore", () => {
  it("reads whole and half points with a comma or a dot", () => {
    expect(parseScore("7", 30)).toEqual({ halfPoints: 14 });
    expect(parseScore("7,5", 30)).toEqual({ halfPoints: 15 });
    expect(parseScore(" 7.5 ", 30)).toEqual({ halfPoints: 15 });
    expect(parseScore("0", 30)).toEqual({ halfPoints: 0 });
    expect(parseScore("30", 30)).toEqual({ halfPoints: 60 });
    expect(parseScore("", 30)).toEqual({ halfPoints: null });
  });
  it("refuses what is not a score", () => {
    expect(parseScore("30,5", 30)).toEqual({ error: "scoring.errors.aboveMax" });
    expect(parseScore("-1", 30)).toEqual({ error: "scoring.errors.negative" });
    expect(parseScore("7,25", 30)).toEqual({ error: "scoring.errors.halfOnly" });
    for (const bad of ["bảy", "7,5,5", "1e1", "0x10", "7 5", "+7", "Infinity", "NaN", "7,"]) expect(parseScore(bad, 30)).toEqual({ error: "scoring.errors.notNumber" });
  });
});

describe("bad input", () => {
  it.each([
    ["above the maximum", ["31", "10", "10"], "scoring.errors.aboveMax"],
    ["negative", ["-0,5", "10", "10"], "scoring.errors.negative"],
    ["not a number", ["mười", "10", "10"], "scoring.errors.notNumber"],
    ["a quarter point", ["7,25", "10", "10"], "scoring.errors.halfOnly"],
  ])("refuses a score %s with a message next to the field and writes nothing", (_, scores, key) => {
    const before = snapshot();
    const error = failure(() => saveDraft(as(s.q.m1), s.sheet.m1, full(scores)));
    expect(error.status).toBe(422);
    expect(error.fieldErrors).toEqual({ [`score_${s.criteria[0].id}`]: key });
    expect(snapshot()).toEqual(before);
  });

  it("refuses markup in a comment, a comment without its score, and a non-string score", () => {
    const before = snapshot();
    expect(failure(() => saveDraft(as(s.q.m1), s.sheet.m1, full(["7", "8", "9"], ["<script>x</script>"]))).fieldErrors).toEqual({
      [`comment_${s.criteria[0].id}`]: "errors.noMarkup",
    });
    expect(failure(() => saveDraft(as(s.q.m1), s.sheet.m1, sheetInput(s.criteria, [undefined, "8"], ["Tốt"]))).fieldErrors).toEqual({
      [`score_${s.criteria[0].id}`]: "scoring.errors.scoreForComment",
    });
    expect(failure(() => saveDraft(as(s.q.m1), s.sheet.m1, { [`score_${s.criteria[0].id}`]: { $gt: 1 } })).fieldErrors).toEqual({
      [`score_${s.criteria[0].id}`]: "scoring.errors.notNumber",
    });
    expect(snapshot()).toEqual(before);
  });

  it("refuses to submit with a criterion missing, naming it", () => {
    saveDraft(as(s.q.m1), s.sheet.m1, sheetInput(s.criteria, ["10", "", "20"]));
    const before = snapshot();
    const error = failure(() => submitSheet(as(s.q.m1), s.sheet.m1));
    expect(error.message).toBe("scoring.errors.incomplete");
    expect(error.fieldErrors).toEqual({ [`score_${s.criteria[1].id}`]: "scoring.errors.required" });
    expect(snapshot()).toEqual(before);
    // The step before submitting checks the same on the typed values.
    expect(failure(() => saveDraft(as(s.q.m1), s.sheet.m1, sheetInput(s.criteria, ["10", "", "20"]), { complete: true })).fieldErrors).toEqual({
      [`score_${s.criteria[1].id}`]: "scoring.errors.required",
    });
    expect(snapshot()).toEqual(before);
  });
});

describe("who may open a sheet", () => {
  it("is not found for anyone not assigned, without saying whether it exists", () => {
    const before = snapshot();
    for (const who of [s.q.outsider, s.q.m2, s.q.secretary, s.q.chair, s.p.wardLeader, s.p.cadre]) {
      expect(failure(() => getSheet(as(who), s.sheet.m1)).status).toBe(404);
      expect(failure(() => saveDraft(as(who), s.sheet.m1, full(["1", "1", "1"]))).status).toBe(404);
      expect(failure(() => submitSheet(as(who), s.sheet.m1)).status).toBe(404);
    }
    expect(failure(() => getSheet(as(s.q.m1), 999_999)).status).toBe(404);
    expect(failure(() => getSheet(s.t.ctx(null), s.sheet.m1)).status).toBe(404);
    expect(snapshot()).toEqual(before);
  });

  it("is not found for an evaluator no longer seated on the council", () => {
    s.t.handle.db.update(councilMembers).set({ removedAt: s.t.clock.now.toISOString() }).where(eq(councilMembers.personId, s.q.m1)).run();
    expect(failure(() => getSheet(as(s.q.m1), s.sheet.m1)).status).toBe(404);
    expect(failure(() => saveDraft(as(s.q.m1), s.sheet.m1, full(["1", "1", "1"]))).status).toBe(404);
  });

  it("shows the evaluator the frozen version, its rubric and authors; they may read the registration itself", () => {
    const sheet = getSheet(as(s.q.m1), s.sheet.m1);
    expect(sheet.initiative.version).toBe(1);
    expect(sheet.initiative.title).toBe("Số hóa sổ theo dõi tiếp dân");
    expect(sheet.initiative.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(sheet.authors.map((a) => a.fullName)).toHaveLength(1);
    expect(sheet.criteria.map((c) => [c.name, c.maxPoints])).toEqual([["Tính mới", 30], ["Khả năng áp dụng", 30], ["Hiệu quả, lợi ích", 40]]);
    expect(sheet.allowed).toEqual({ score: true, submit: false, reopen: false });
    expect(getInitiative(as(s.q.m1), s.initiativeId).id).toBe(s.initiativeId);
  });
});

describe("draft then submit", () => {
  it("saves a draft, reads it back as typed, submits with the total, and ledgers both without comments", () => {
    saveDraft(as(s.q.m1), s.sheet.m1, full(["7,5", "20", "30.5"], ["Mới ở phường", "", "Rõ ràng"]));
    let sheet = getSheet(as(s.q.m1), s.sheet.m1);
    expect(sheet.status).toBe("draft");
    expect(sheet.scores.map((x) => x.halfPoints)).toEqual([15, 40, 61]);
    expect(sheetValues(sheet.criteria, sheet.scores)).toEqual(full(["7,5", "20", "30,5"], ["Mới ở phường", "", "Rõ ràng"]));
    expect(sheet.totalHalfPoints).toBe(116);
    expect(sheet.allowed.submit).toBe(true);
    const result = submitSheet(as(s.q.m1), s.sheet.m1, { expectedSha256: sheet.scoresSha256 });
    expect(result.totalHalfPoints).toBe(116);
    sheet = getSheet(as(s.q.m1), s.sheet.m1);
    expect(sheet.status).toBe("submitted");
    expect(sheet.submittedAt).toBe(s.t.clock.now.toISOString());
    expect(sheet.allowed).toEqual({ score: false, submit: false, reopen: false });
    const saved = payloads("evaluation.saved");
    const submitted = payloads("evaluation.submitted");
    expect(saved).toHaveLength(1);
    expect(submitted).toEqual([
      expect.objectContaining({ id: s.sheet.m1, councilId: s.councilId, initiativeId: s.initiativeId, evaluatorId: s.q.m1, totalHalfPoints: 116, scoresSha256: result.scoresSha256 }),
    ]);
    expect(saved[0]).not.toHaveProperty("totalHalfPoints");
    const all = JSON.stringify([...saved, ...submitted]);
    expect(all).not.toContain("Mới ở phường");
    expect(all).not.toContain("Rõ ràng");
  });

  it("refuses a submission when the sheet changed after the confirmation page was shown", () => {
    saveDraft(as(s.q.m1), s.sheet.m1, full(["1", "2", "3"]));
    const shown = getSheet(as(s.q.m1), s.sheet.m1).scoresSha256;
    saveDraft(as(s.q.m1), s.sheet.m1, full(["1", "2", "4"]));
    expect(failure(() => submitSheet(as(s.q.m1), s.sheet.m1, { expectedSha256: shown })).message).toBe("scoring.errors.changed");
  });

  it("freezes a submitted sheet: no save, no second submission, nothing written", () => {
    saveDraft(as(s.q.m1), s.sheet.m1, full(["10", "10", "10"]));
    submitSheet(as(s.q.m1), s.sheet.m1);
    const before = snapshot();
    expect(failure(() => saveDraft(as(s.q.m1), s.sheet.m1, full(["30", "30", "40"]))).message).toBe("scoring.errors.alreadySubmitted");
    expect(failure(() => submitSheet(as(s.q.m1), s.sheet.m1)).message).toBe("scoring.errors.alreadySubmitted");
    expect(snapshot()).toEqual(before);
  });

  it("refuses scoring in a closed council", () => {
    s.t.handle.db.update(councils).set({ closedAt: s.t.clock.now.toISOString() }).where(eq(councils.id, s.councilId)).run();
    expect(failure(() => saveDraft(as(s.q.m1), s.sheet.m1, full(["1", "1", "1"]))).message).toBe("scoring.errors.councilClosed");
    expect(getSheet(as(s.q.m1), s.sheet.m1).allowed.score).toBe(false);
  });
});

describe("reopening", () => {
  const submitM1 = () => {
    saveDraft(as(s.q.m1), s.sheet.m1, full(["10", "10", "10"], ["Đạt", "", ""]));
    submitSheet(as(s.q.m1), s.sheet.m1);
  };

  it("needs the secretary and a reason; sends the sheet back as a draft, notifies and ledgers", () => {
    submitM1();
    expect(failure(() => reopenSheet(as(s.q.m1), s.sheet.m1, { reason: "Tôi muốn sửa" })).status).toBe(404);
    expect(failure(() => reopenSheet(as(s.q.outsider), s.sheet.m1, { reason: "x" })).status).toBe(404);
    // The chair sees the council but does not run it.
    expect(failure(() => reopenSheet(as(s.q.chair), s.sheet.m1, { reason: "x" })).status).toBe(403);
    const before = snapshot();
    expect(failure(() => reopenSheet(as(s.q.secretary), s.sheet.m1, { reason: "  " })).fieldErrors).toEqual({ reason: "errors.required" });
    expect(failure(() => reopenSheet(as(s.q.secretary), s.sheet.m1, { reason: "<b>x</b>" })).fieldErrors).toEqual({ reason: "errors.noMarkup" });
    expect(snapshot()).toEqual(before);
    expect(reopenView(as(s.q.secretary), s.sheet.m1).totalHalfPoints).toBe(60);
    expect(reopenSheet(as(s.q.secretary), s.sheet.m1, { reason: "Chấm nhầm tiêu chí 2" })).toEqual({ reopenedCount: 1 });
    const sheet = getSheet(as(s.q.m1), s.sheet.m1);
    expect(sheet.status).toBe("draft");
    expect(sheet.reopenedCount).toBe(1);
    expect(sheet.submittedAt).toBeNull();
    expect(sheet.scores.map((x) => x.halfPoints)).toEqual([20, 20, 20]);
    expect(sheet.allowed.score).toBe(true);
    expect(payloads("evaluation.reopened")).toEqual([expect.objectContaining({ id: s.sheet.m1, reason: "Chấm nhầm tiêu chí 2", previousTotalHalfPoints: 60, reopenedCount: 1 })]);
    const notices = listMyNotifications(as(s.q.m1)).rows;
    expect(notices).toEqual([expect.objectContaining({ key: "scoring.notify.reopened", href: `/danh-gia/phieu/${s.sheet.m1}` })]);
    expect(notices[0].params.reason).toBe("Chấm nhầm tiêu chí 2");
    // Once reopened, it can be changed and submitted again.
    saveDraft(as(s.q.m1), s.sheet.m1, full(["10", "12", "10"]));
    expect(submitSheet(as(s.q.m1), s.sheet.m1).totalHalfPoints).toBe(64);
  });

  it("refuses to reopen a sheet not submitted, or once the council has decided", () => {
    expect(failure(() => reopenSheet(as(s.q.secretary), s.sheet.m1, { reason: "x" })).message).toBe("scoring.errors.notSubmitted");
    submitM1();
    s.t.handle.db
      .insert(decisions)
      .values({ councilId: s.councilId, orgId: s.o.p1, initiativeId: s.initiativeId, version: 1, outcome: "not_recognised", number: "1-QĐ/ĐU", decidedOn: "2026-11-27", signerName: "A", signerTitle: "B", createdBy: s.q.secretary, createdAt: s.t.clock.now.toISOString() })
      .run();
    expect(failure(() => reopenSheet(as(s.q.secretary), s.sheet.m1, { reason: "x" })).message).toBe("scoring.errors.decided");
  });
});

describe("no evaluator sees another's scores before submitting", () => {
  it("hides B's sheet from A in every read, before and after B submits, until A submits", () => {
    saveDraft(as(s.q.m2), s.sheet.m2, full(["29", "29", "39"], ["Bí mật của B", "", ""]));
    submitSheet(as(s.q.m2), s.sheet.m2);
    const a = as(s.q.m1);
    // A's own sheet carries only A's scores (none yet).
    const mine = getSheet(a, s.sheet.m1);
    expect(mine.scores).toEqual([]);
    expect(mine.totalHalfPoints).toBe(0);
    expect(JSON.stringify(mine)).not.toContain("Bí mật của B");
    // B's sheet is not found for A, and so is the reopening page.
    expect(failure(() => getSheet(a, s.sheet.m2)).status).toBe(404);
    expect(failure(() => reopenView(a, s.sheet.m2)).status).toBe(404);
    // A's queue lists A's sheet only, with no totals of anyone.
    const queue = listQueue(a, { tab: "all" });
    expect(queue.rows.map((r) => r.id)).toEqual([s.sheet.m1]);
    expect(JSON.stringify(queue)).not.toMatch(/totalHalfPoints|Bí mật/);
    expect(JSON.stringify(homeScoringCards(a))).not.toContain("Bí mật");
    // The chair, who also scores this item, does not see B's sheet before submitting their own…
    expect(failure(() => getSheet(as(s.q.chair), s.sheet.m2)).status).toBe(404);
    saveDraft(as(s.q.chair), s.sheet.chair, full(["1", "1", "1"]));
    submitSheet(as(s.q.chair), s.sheet.chair);
    // …and afterwards reads it, read-only.
    const read = getSheet(as(s.q.chair), s.sheet.m2);
    expect(read.own).toBe(false);
    expect(read.totalHalfPoints).toBe(194);
    expect(read.allowed).toEqual({ score: false, submit: false, reopen: false });
    // A submitted sheet of B is still not A's business: A is not chair or secretary.
    saveDraft(a, s.sheet.m1, full(["1", "1", "1"]));
    submitSheet(a, s.sheet.m1);
    expect(failure(() => getSheet(a, s.sheet.m2)).status).toBe(404);
    // The secretary (who scores nothing) reads B's submitted sheet and may reopen it.
    expect(getSheet(as(s.q.secretary), s.sheet.m2).allowed.reopen).toBe(true);
  });
});

describe("the queue", () => {
  it("sorts sheets into tabs by status and the Ho Chi Minh City date", () => {
    // Today is 27/11/2026 in HCM (03:00 UTC). One due yesterday, one due today, one done.
    const late = s.addItem([s.q.m1], "2026-11-26").sheets[0];
    const today = s.addItem([s.q.m1], "2026-11-27").sheets[0];
    const done = s.addItem([s.q.m1], "2026-12-31").sheets[0];
    saveDraft(as(s.q.m1), done, full(["1", "1", "1"]));
    submitSheet(as(s.q.m1), done);
    s.addItem([s.q.m2], "2026-11-01"); // someone else's
    const ids = (tab: "all" | "pending" | "overdue" | "done") => listQueue(as(s.q.m1), { tab }).rows.map((r) => r.id);
    expect(ids("all")).toEqual([late, today, s.sheet.m1, done]);
    expect(ids("pending")).toEqual([today, s.sheet.m1]);
    expect(ids("overdue")).toEqual([late]);
    expect(ids("done")).toEqual([done]);
    const q = listQueue(as(s.q.m1), { tab: "overdue" });
    expect(q.counts).toEqual({ all: 4, pending: 2, overdue: 1, done: 1 });
    expect(q.rows[0]).toMatchObject({ overdue: true, councilName: "Hội đồng đánh giá sáng kiến năm 2026", status: "assigned" });
    expect(homeScoringCards(as(s.q.m1))).toEqual([
      { key: "scoringPending", count: 2, href: "/danh-gia?xem=cho-cham" },
      { key: "scoringOverdue", count: 1, href: "/danh-gia?xem=qua-han" },
    ]);
    // 17:00 UTC on the 27th is already the 28th in Ho Chi Minh City: today's sheet is overdue.
    s.t.clock.now = new Date("2026-11-27T17:00:00.000Z");
    expect(ids("overdue")).toEqual([late, today]);
    expect(homeScoringCards(as(s.q.outsider))).toEqual([]);
  });

  it("pages by 25 and offers council and rubric links only to those who run them", () => {
    for (let i = 0; i < 26; i++) s.addItem([s.q.m1], "2026-12-20");
    const first = listQueue(as(s.q.m1), { tab: "pending" });
    const second = listQueue(as(s.q.m1), { tab: "pending", page: 2 });
    expect(first.total).toBe(27);
    expect(first.rows).toHaveLength(25);
    expect(second.rows).toHaveLength(2);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(27);
    expect(first.links).toEqual({ councils: false, rubrics: false });
    expect(listQueue(as(s.q.secretary), { tab: "all" }).links).toEqual({ councils: true, rubrics: false });
  });

  it("uses the evaluator index", () => {
    const plan = sql()
      .prepare("EXPLAIN QUERY PLAN SELECT id FROM evaluations WHERE evaluator_id = ? AND status IN ('assigned','draft') AND due_on < ?")
      .all(1, "2026-11-27") as { detail: string }[];
    expect(plan.map((p) => p.detail).join(" ")).toContain("evaluations_evaluator_idx");
  });
});

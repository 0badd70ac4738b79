// Decisions: refusals that write nothing, a recognition with its credit and notifications, a
// correction that reverses credit, the chain rule, and the immutability triggers.
import { afterEach, describe, expect, it } from "vitest";
import { verifyLedger } from "~/models/ledger.server";
import { correctDecision, recordDecision } from "~/models/decisions.server";
import { council, VALID, type Setup } from "./decisions-fixture";
import { failure } from "./initiatives-fixture";

let s: Setup;
afterEach(() => {
  expect(verifyLedger(s.t.handle.sqlite, s.t.secrets.publicKey).ok).toBe(true);
  s.t.close();
});

const sql = <T,>(query: string, ...args: unknown[]) => s.t.handle.sqlite.prepare(query).all(...args) as T[];
const count = (table: string) => (s.t.handle.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const status = () => (s.t.handle.sqlite.prepare("SELECT status FROM initiatives WHERE id = ?").get(s.initiativeId) as { status: string }).status;
const snapshot = () => ({ decisions: count("decisions"), credit: count("credit_entries"), ledger: count("ledger_events"), notes: count("notifications"), status: status() });

describe("recording a decision", () => {
  it("refuses before every evaluation is in, and with fewer than two sheets, writing nothing", () => {
    s = council();
    s.score([80]);
    const before = snapshot();
    const e = failure(() => recordDecision(s.as(s.q.secretary), s.itemId, VALID));
    expect(e.status).toBe(409);
    expect(e.message).toBe("decisions.errors.evaluationsPending");
    expect(snapshot()).toEqual(before);
  });

  it("refuses people who are not the council's chair or secretary", () => {
    s = council();
    s.score([80, 70]);
    expect(failure(() => recordDecision(s.as(s.q.m1), s.itemId, VALID)).status).toBe(403);
    expect(failure(() => recordDecision(s.as(s.p.wardLeader), s.itemId, VALID)).status).toBe(403);
    expect(failure(() => recordDecision(s.t.ctx(null), s.itemId, VALID)).status).toBe(403);
    expect(count("decisions")).toBe(0);
  });

  it("refuses bad input field by field, writing nothing", () => {
    s = council();
    s.score([80, 70]);
    const me = s.as(s.q.secretary);
    const before = snapshot();
    const fields = (input: Record<string, string>) => failure(() => recordDecision(me, s.itemId, { ...VALID, ...input } as never)).fieldErrors;
    expect(fields({ number: "15/QĐ-ĐU" })).toEqual({ number: "decisions.errors.number" });
    expect(fields({ number: "015-QĐ/ĐU" })).toEqual({ number: "decisions.errors.number" });
    expect(fields({ number: "" })).toEqual({ number: "errors.required" });
    expect(fields({ decidedOn: "28/11/2026" })).toEqual({ decidedOn: "decisions.errors.future" });
    expect(fields({ decidedOn: "31/02/2026" })).toEqual({ decidedOn: "errors.invalidDate" });
    expect(fields({ level: "" })).toEqual({ level: "decisions.errors.levelRequired" });
    expect(fields({ outcome: "not_recognised", level: "", reason: "" })).toEqual({ reason: "decisions.errors.reasonRequired" });
    expect(fields({ signerName: "", signerTitle: "<b>x</b>" })).toEqual({ signerName: "errors.required", signerTitle: "errors.noMarkup" });
    expect(snapshot()).toEqual(before);
  });

  it("records a ward recognition: status, credit split by share, notifications, ledger", () => {
    s = council();
    s.score([80, 72]);
    const { id, credited } = recordDecision(s.as(s.q.secretary), s.itemId, VALID);
    expect(status()).toBe("recognised");
    // Ward = 5 points = 500 hundredths; 33,33 / 33,33 / 33,34 % → 166,65 / 166,65 / 166,7.
    expect(credited.map((c) => c.points)).toEqual([167, 166, 167]);
    const entries = sql<{ person_id: number | null; org_id: number | null; author_name: string; level: string; period_year: number; points: number }>(
      "SELECT person_id, org_id, author_name, level, period_year, points FROM credit_entries WHERE decision_id = ? ORDER BY id",
      id,
    );
    expect(entries.map((e) => [e.person_id, e.org_id, e.level, e.period_year, e.points])).toEqual([
      [s.p.cadre, s.o.c1, "ward", 2026, 167],
      [s.p.co, s.o.c1, "ward", 2026, 166],
      [null, null, "ward", 2026, 167],
    ]);
    expect(entries[2].author_name).toBe("Trần Thị Ngoài");
    const notes = sql<{ person_id: number; key: string; href: string }>("SELECT person_id, key, href FROM notifications WHERE key LIKE 'decisions.%' ORDER BY person_id");
    expect(notes).toEqual([
      { person_id: s.p.cadre, key: "decisions.notify.recorded", href: `/sang-kien/${s.initiativeId}/quyet-dinh` },
      { person_id: s.p.co, key: "decisions.notify.recorded", href: `/sang-kien/${s.initiativeId}/quyet-dinh` },
    ]);
    const event = sql<{ action: string; entity_id: string }>("SELECT action, entity_id FROM ledger_events ORDER BY seq DESC LIMIT 1")[0];
    expect(event).toEqual({ action: "decision.recorded", entity_id: String(id) });
  });

  it("refuses a second decision on the same version, writing nothing", () => {
    s = council();
    s.score([80, 72]);
    recordDecision(s.as(s.q.secretary), s.itemId, VALID);
    const before = snapshot();
    const e = failure(() => recordDecision(s.as(s.q.chair), s.itemId, { ...VALID, number: "16-QĐ/ĐU" }));
    expect([e.status, e.message]).toEqual([409, "decisions.errors.alreadyDecided"]);
    expect(snapshot()).toEqual(before);
  });

  it("records a refusal with its reason and credits nobody", () => {
    s = council();
    s.score([40, 44]);
    recordDecision(s.as(s.q.chair), s.itemId, { ...VALID, outcome: "not_recognised", level: "", reason: "Chưa có hiệu quả thực tế." });
    expect(status()).toBe("not_recognised");
    expect(count("credit_entries")).toBe(0);
  });
});

describe("correcting a decision", () => {
  it("reverses the earlier credit and credits the new level; only the latest can be corrected", () => {
    s = council();
    s.score([90, 88]);
    const first = recordDecision(s.as(s.q.secretary), s.itemId, VALID);
    const me = s.as(s.q.chair);
    expect(failure(() => correctDecision(me, first.id, VALID)).fieldErrors).toEqual({ number: "decisions.errors.numberTaken" });
    const second = correctDecision(me, first.id, { ...VALID, level: "city", number: "17-QĐ/ĐU" });
    const byPerson = () =>
      sql<{ person_id: number | null; total: number }>("SELECT person_id, sum(points) AS total FROM credit_entries GROUP BY person_id ORDER BY person_id");
    // City = 10 points: 333 / 333 / 334 after reversing 167 / 166 / 167.
    expect(byPerson()).toEqual([
      { person_id: null, total: 334 },
      { person_id: s.p.cadre, total: 333 },
      { person_id: s.p.co, total: 333 },
    ]);
    expect(sql<{ points: number }>("SELECT points FROM credit_entries WHERE decision_id = ? ORDER BY id", second.id).map((e) => e.points)).toEqual([-167, -166, -167, 333, 333, 334]);
    const e = failure(() => correctDecision(me, first.id, { ...VALID, number: "18-QĐ/ĐU" }));
    expect([e.status, e.message]).toEqual([409, "decisions.errors.alreadyCorrected"]);
    correctDecision(me, second.id, { ...VALID, outcome: "not_recognised", level: "", reason: "Phát hiện trùng giải pháp đã có.", number: "18-QĐ/ĐU" });
    expect(status()).toBe("not_recognised");
    expect(byPerson().map((r) => r.total)).toEqual([0, 0, 0]);
    expect(sql<{ action: string }>("SELECT action FROM ledger_events WHERE action LIKE 'decision.%' ORDER BY seq").map((r) => r.action)).toEqual([
      "decision.recorded",
      "decision.corrected",
      "decision.corrected",
    ]);
  });

  it("refuses a correction dated before the decision it corrects", () => {
    s = council();
    s.score([90, 88]);
    const first = recordDecision(s.as(s.q.secretary), s.itemId, VALID);
    expect(failure(() => correctDecision(s.as(s.q.chair), first.id, { ...VALID, number: "20-QĐ/ĐU", decidedOn: "20/11/2026" })).fieldErrors).toEqual({
      decidedOn: "decisions.errors.beforeCorrected",
    });
  });
});

describe("immutability", () => {
  it("refuses to update or delete decisions and credit entries at the database", () => {
    s = council();
    s.score([90, 88]);
    const { id } = recordDecision(s.as(s.q.secretary), s.itemId, VALID);
    const db = s.t.handle.sqlite;
    expect(() => db.prepare("UPDATE decisions SET level = 'city' WHERE id = ?").run(id)).toThrow(/immutable/);
    expect(() => db.prepare("DELETE FROM decisions WHERE id = ?").run(id)).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE credit_entries SET points = 1000").run()).toThrow(/immutable/);
    expect(() => db.prepare("DELETE FROM credit_entries").run()).toThrow(/immutable/);
    expect(count("credit_entries")).toBe(3);
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendEvent, verifyLedger } from "~/models/ledger.server";
import { write } from "~/models/context.server";
import { freshDb, type TestDb } from "../helpers/db";

let t: TestDb;
beforeEach(() => {
  t = freshDb();
  const ctx = t.ctx();
  for (let i = 1; i <= 5; i++) {
    write(ctx, (tx) => appendEvent(ctx, tx, { action: "test.event", entity: "thing", entityId: i, orgId: null, payload: { i, name: "Nguyễn Văn An" } }));
  }
});
afterEach(() => t.close());

const verify = () => verifyLedger(t.handle.sqlite, t.secrets.publicKey);

describe("ledger", () => {
  it("verifies an intact chain and reports its head", () => {
    const result = verify();
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.count).toBe(5);
      expect(result.headSeq).toBe(5);
      expect(result.headHash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it("refuses UPDATE and DELETE through its triggers", () => {
    expect(() => t.handle.sqlite.prepare("UPDATE ledger_events SET action = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => t.handle.sqlite.prepare("DELETE FROM ledger_events WHERE seq = 2").run()).toThrow(/append-only/);
  });

  it("refuses an insert that does not extend the head", () => {
    const insert = t.handle.sqlite.prepare(
      "INSERT INTO ledger_events (seq, at, action, entity, payload_hash, prev_hash, hash, signature) VALUES (?, 'x', 'a', 'e', 'p', ?, 'h', 's')",
    );
    expect(() => insert.run(6, "0".repeat(64))).toThrow(/extend the head/);
    expect(() => insert.run(9, "whatever")).toThrow(/extend the head/);
  });

  it("names the edited event after a dropped trigger and an edit", () => {
    t.handle.sqlite.exec("DROP TRIGGER ledger_events_no_update");
    t.handle.sqlite.prepare("UPDATE ledger_events SET entity_id = '99' WHERE seq = 3").run();
    const result = verify();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.brokenSeq).toBe(3);
  });

  it("names the deleted event", () => {
    t.handle.sqlite.exec("DROP TRIGGER ledger_events_no_delete");
    t.handle.sqlite.prepare("DELETE FROM ledger_events WHERE seq = 2").run();
    const result = verify();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.brokenSeq).toBe(2);
  });

  it("detects a truncated tail through the payload left behind", () => {
    t.handle.sqlite.exec("DROP TRIGGER ledger_events_no_delete");
    t.handle.sqlite.prepare("DELETE FROM ledger_events WHERE seq = 5").run();
    const result = verify();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.brokenSeq).toBe(5);
  });

  it("detects a rewritten chain whose hashes were recomputed without the portal key", async () => {
    const { eventHash } = await import("~/models/ledger.server");
    t.handle.sqlite.exec("DROP TRIGGER ledger_events_no_update");
    type Row = { seq: number; at: string; actorId: number | null; orgId: number | null; action: string; entity: string; entityId: string | null; payloadHash: string; prevHash: string };
    const rows = t.handle.sqlite
      .prepare("SELECT seq, at, actor_id AS actorId, org_id AS orgId, action, entity, entity_id AS entityId, payload_hash AS payloadHash, prev_hash AS prevHash FROM ledger_events ORDER BY seq")
      .all() as Row[];
    let prev = rows[0].prevHash;
    for (const row of rows) {
      const changed = { ...row, prevHash: prev, action: row.seq === 2 ? "forged" : row.action };
      const hash = eventHash(changed);
      t.handle.sqlite.prepare("UPDATE ledger_events SET action = ?, prev_hash = ?, hash = ? WHERE seq = ?").run(changed.action, prev, hash, row.seq);
      prev = hash;
    }
    const result = verify();
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.brokenSeq).toBe(2);
      expect(result.reason).toMatch(/signature/);
    }
  });

  it("detects an edited payload but accepts an erased one", () => {
    t.handle.sqlite.prepare("UPDATE ledger_payloads SET payload = '{\"i\":4}' WHERE seq = 4").run();
    let result = verify();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.brokenSeq).toBe(4);
    t.handle.sqlite.prepare("DELETE FROM ledger_payloads WHERE seq = 4").run();
    result = verify();
    expect(result.ok).toBe(true); // erased personal data leaves the chain intact
  });

  it("reports missing guard triggers even when rows are intact", () => {
    t.handle.sqlite.exec("DROP TRIGGER ledger_events_no_update");
    const result = verify();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/no_update/);
  });
});

// The whole-chain check as the page runs it: in a worker thread on its own read-only
// connection, one at a time, with progress, and the quick check of the recent events only.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "~/auth/policy";
import { write } from "~/models/context.server";
import { DomainError } from "~/models/errors";
import { appendEvent, eventHash } from "~/models/ledger.server";
import { chainCheckView, startChainCheck } from "~/models/ledger-check-run.server";
import { canonicalJson, sha256Hex } from "~/utils/canonical.server";
import { openDatabase } from "../../db/client";
import { freshDb, type TestDb } from "../helpers/db";

let t: TestDb;
let inspector: Actor;
let cadre: Actor;

function appendMany(n: number) {
  const ctx = t.ctx();
  write(ctx, (tx) => {
    for (let i = 0; i < n; i++) appendEvent(ctx, tx, { action: "org.renamed", entity: "organization", entityId: i, actorId: null, payload: { i } });
  });
  t.clock.advance(60_000);
}

function head(): number {
  return (t.handle.sqlite.prepare("SELECT max(seq) AS seq FROM ledger_events").get() as { seq: number }).seq;
}

/** Rewrite one event's action behind the guards' back and put the guard back, as a careful
 * attacker with the database file could. */
function tamper(seq: number) {
  const guard = t.handle.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'ledger_events_no_update'").get() as { sql: string };
  t.handle.sqlite.exec("DROP TRIGGER ledger_events_no_update");
  t.handle.sqlite.prepare("UPDATE ledger_events SET action = 'forged' WHERE seq = ?").run(seq);
  t.handle.sqlite.exec(guard.sql);
}

/** A database with a city inspector and a ward cadre, and 50 events. */
function freshWorld() {
  t = freshDb();
  const city = t.org("TP", null);
  const ward = t.org("P1", city.id, "ward");
  const i = t.person(city.id, { given: "Hạnh" });
  t.grant(i, "inspector", city.id);
  inspector = t.actorOf(i);
  const c = t.person(ward.id, { given: "Bình" });
  t.grant(c, "cadre", ward.id);
  cadre = t.actorOf(c);
  appendMany(50);
}

beforeEach(freshWorld);

afterEach(() => t.close());

describe("the worker-run whole-chain check", () => {
  it("finds an intact chain and reports its head, count and times", async () => {
    const ctx = t.ctx(inspector);
    expect(chainCheckView(ctx)).toEqual({ running: null, last: null, resume: null });
    const run = startChainCheck(ctx, "full");
    expect(run.started).toBe(true);
    const result = await run.finished;
    expect(result).toMatchObject({ kind: "full", fromSeq: null, startedAt: "2026-11-27T03:01:00.000Z" });
    expect(result.outcome).toMatchObject({ state: "intact", count: head(), headSeq: head() });
    const headHash = (t.handle.sqlite.prepare("SELECT hash FROM ledger_events WHERE seq = ?").get(head()) as { hash: string }).hash;
    if (result.outcome.state === "intact") expect(result.outcome.headHash).toBe(headHash);
    const view = chainCheckView(ctx);
    expect(view.running).toBeNull();
    expect(view.last).toEqual(result);
    expect(view.resume).toEqual({ seq: head(), fullCheckedAt: result.finishedAt });
  });

  it("names the first tampered event and its reason", async () => {
    tamper(17);
    tamper(30);
    const result = await startChainCheck(t.ctx(inspector), "full").finished;
    expect(result.outcome).toMatchObject({ state: "broken", brokenSeq: 17, reason: "hash", count: 17 });
    expect(chainCheckView(t.ctx(inspector)).resume).toBeNull();
  });

  it("runs one check at a time: a second start returns the running one with its progress", async () => {
    appendMany(3000);
    const ctx = t.ctx(inspector);
    const first = startChainCheck(ctx, "full");
    const second = startChainCheck(t.ctx(inspector), "full");
    expect(second.started).toBe(false);
    expect(second.finished).toBe(first.finished);
    expect(second.progress.startedAt).toBe(first.progress.startedAt);
    expect(chainCheckView(ctx).running).toMatchObject({ kind: "full", startedAt: first.progress.startedAt });
    expect(chainCheckView(ctx).last).toBeNull();
    // A "recent" request while a full one runs gets the full one too.
    expect(startChainCheck(ctx, "recent").started).toBe(false);

    // Progress arrives from the worker while it runs (every 10,000 events, and 0 with the total at the start).
    let seen: { done: number; total: number | null } | null = null;
    while (!seen) {
      const running = chainCheckView(ctx).running;
      if (!running) break;
      if (running.total !== null) seen = { done: running.done, total: running.total };
      await new Promise((r) => setTimeout(r, 5));
    }
    const result = await first.finished;
    expect(result.outcome).toMatchObject({ state: "intact", count: head() });
    if (seen) expect(seen.total).toBe(head());
    expect(chainCheckView(ctx).running).toBeNull();
    const next = startChainCheck(ctx, "full");
    expect(next.started).toBe(true);
    await next.finished;
  });

  it("reads while the server writes: the worker sees one snapshot", async () => {
    appendMany(2000);
    const before = head();
    const run = startChainCheck(t.ctx(inspector), "full");
    appendMany(5);
    const result = await run.finished;
    expect(result.outcome.state).toBe("intact");
    if (result.outcome.state === "intact") expect([before, before + 5]).toContain(result.outcome.headSeq);
    expect((await startChainCheck(t.ctx(inspector), "full").finished).outcome).toMatchObject({ headSeq: before + 5 });
  });

  it("checks only the new events after a full check, and still catches the position being rewritten", async () => {
    const ctx = t.ctx(inspector);
    // Without a verified position, "recent" runs in full.
    const first = await startChainCheck(ctx, "recent").finished;
    expect(first.kind).toBe("full");
    const verified = head();
    appendMany(7);
    const recent = await startChainCheck(ctx, "recent").finished;
    expect(recent).toMatchObject({ kind: "recent", fromSeq: verified });
    // The verified position is checked again with the 7 new events.
    expect(recent.outcome).toMatchObject({ state: "intact", count: 8, headSeq: verified + 7 });
    expect(chainCheckView(ctx).resume).toEqual({ seq: verified + 7, fullCheckedAt: first.finishedAt });

    // A new event tampered with is found by the recent check …
    appendMany(3);
    tamper(verified + 9);
    expect((await startChainCheck(ctx, "recent").finished).outcome).toMatchObject({ state: "broken", brokenSeq: verified + 9 });
    // … which forgets the position, so the next "recent" is a full one.
    expect(chainCheckView(ctx).resume).toBeNull();
    expect((await startChainCheck(ctx, "recent").finished).kind).toBe("full");
  });

  it("a recent check cannot vouch for old rows; a full one finds them, and a rewritten anchor or a deleted old event fails the recent one", async () => {
    const ctx = t.ctx(inspector);
    await startChainCheck(ctx, "full").finished;
    const verified = head();
    tamper(5);
    expect((await startChainCheck(ctx, "recent").finished).outcome.state).toBe("intact");
    expect((await startChainCheck(ctx, "full").finished).outcome).toMatchObject({ state: "broken", brokenSeq: 5 });

    // Rebuild a verified position on a fresh database, then rewrite the anchor itself.
    t.close();
    freshWorld();
    await startChainCheck(t.ctx(inspector), "full").finished;
    tamper(head());
    expect((await startChainCheck(t.ctx(inspector), "recent").finished).outcome).toMatchObject({ state: "broken", brokenSeq: head(), reason: "hash" });

    t.close();
    freshWorld();
    await startChainCheck(t.ctx(inspector), "full").finished;
    const guard = t.handle.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'ledger_events_no_delete'").get() as { sql: string };
    t.handle.sqlite.exec("DROP TRIGGER ledger_events_no_delete");
    t.handle.sqlite.prepare("DELETE FROM ledger_payloads WHERE seq = 3").run();
    t.handle.sqlite.prepare("DELETE FROM ledger_events WHERE seq = 3").run();
    t.handle.sqlite.exec(guard.sql);
    expect((await startChainCheck(t.ctx(inspector), "recent").finished).outcome).toMatchObject({ state: "broken", reason: "missing" });
    expect(verified).toBeGreaterThan(0);
  });

  it("a quick check still finds a truncated tail (payload left behind) and a row slipped in before the first", async () => {
    const ctx = t.ctx(inspector);
    await startChainCheck(ctx, "full").finished;
    appendMany(5);
    const last = head();
    const guard = t.handle.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'ledger_events_no_delete'").get() as { sql: string };
    t.handle.sqlite.exec("DROP TRIGGER ledger_events_no_delete");
    t.handle.sqlite.prepare("DELETE FROM ledger_events WHERE seq > ?").run(last - 2);
    t.handle.sqlite.exec(guard.sql);
    expect((await startChainCheck(ctx, "recent").finished).outcome).toMatchObject({ state: "broken", brokenSeq: last - 1, reason: "missing" });

    await startChainCheck(ctx, "full").finished;
    const head1 = t.handle.sqlite.prepare("SELECT sql FROM sqlite_master WHERE name = 'ledger_events_extend_head'").get() as { sql: string };
    t.handle.sqlite.exec("DROP TRIGGER ledger_events_extend_head");
    t.handle.sqlite
      .prepare("INSERT INTO ledger_events (seq, at, action, entity, payload_hash, prev_hash, hash, signature) SELECT 0, at, action, entity, payload_hash, prev_hash, hash, signature FROM ledger_events WHERE seq = 1")
      .run();
    t.handle.sqlite.exec(head1.sql);
    expect((await startChainCheck(ctx, "recent").finished).outcome).toMatchObject({ state: "broken", brokenSeq: 1, reason: "missing" });
    expect((await startChainCheck(ctx, "full").finished).outcome).toMatchObject({ state: "broken", brokenSeq: 1, reason: "missing" });
  });

  it("finds removed guards in a quick check too", async () => {
    const ctx = t.ctx(inspector);
    await startChainCheck(ctx, "full").finished;
    t.handle.sqlite.exec("DROP TRIGGER ledger_events_no_delete");
    expect((await startChainCheck(ctx, "recent").finished).outcome).toMatchObject({ state: "broken", brokenSeq: null, reason: "triggers" });
  });

  it("is one check at a time across the server's processes, and a check whose process ended is shown as stopped", async () => {
    const ctx = t.ctx(inspector);
    // Another process of the server runs a check: its row has a recent heartbeat.
    const now = t.clock.now.toISOString();
    const other = t.handle.sqlite
      .prepare("INSERT INTO ledger_checks (kind, started_at, runner, heartbeat_at, done, total) VALUES ('full', ?, 'other:1:x', ?, 20000, 90000) RETURNING id")
      .get(now, now) as { id: number };
    expect(chainCheckView(ctx).running).toEqual({ kind: "full", fromSeq: null, startedAt: now, done: 20000, total: 90000 });
    const joined = startChainCheck(ctx, "full");
    expect(joined.started).toBe(false);
    // Its result reaches this process once the other writes it.
    const outcome = { state: "intact", count: 90000, headSeq: 90000, headHash: "ab" };
    t.handle.sqlite.prepare("UPDATE ledger_checks SET finished_at = ?, outcome = ? WHERE id = ?").run(now, JSON.stringify(outcome), other.id);
    expect((await joined.finished).outcome).toEqual(outcome);
    expect(chainCheckView(ctx)).toMatchObject({ running: null, last: { outcome }, resume: null });

    // A process that ended mid-check leaves its heartbeat behind: after 30 s the check shows as
    // stopped, and a new one may start.
    t.handle.sqlite
      .prepare("INSERT INTO ledger_checks (kind, started_at, runner, heartbeat_at) VALUES ('full', ?, 'other:2:y', ?)")
      .run(now, now);
    expect(chainCheckView(ctx).running).not.toBeNull();
    t.clock.advance(31_000);
    expect(chainCheckView(ctx)).toMatchObject({ running: null, last: { finishedAt: now, outcome: { state: "failed" } } });
    const next = startChainCheck(ctx, "full");
    expect(next.started).toBe(true);
    expect((await next.finished).outcome).toMatchObject({ state: "intact", headSeq: head() });
    const rows = t.handle.sqlite.prepare("SELECT runner, finished_at AS finishedAt FROM ledger_checks ORDER BY id").all() as { runner: string; finishedAt: string | null }[];
    expect(rows.map((r) => r.finishedAt !== null)).toEqual([true, true, true]);
  });

  it("keeps its results in the database, and trusts a stored position only with the ledger key's signature", async () => {
    const ctx = t.ctx(inspector);
    const full = await startChainCheck(ctx, "full").finished;
    // Another connection (another process, or the server after a restart) sees the same.
    const again = openDatabase(t.handle.sqlite.name);
    try {
      const view = chainCheckView({ ...ctx, db: again.db });
      expect(view.last).toEqual(full);
      expect(view.resume).toEqual({ seq: head(), fullCheckedAt: full.finishedAt });
    } finally {
      again.sqlite.close();
    }
    // Moving the position forward by hand (to skip rows rewritten before it) needs the key.
    appendMany(5);
    tamper(head() - 1);
    const forged = JSON.stringify({ seq: head(), hash: "00", fullCheckedAt: full.finishedAt });
    t.handle.sqlite.prepare("UPDATE ledger_checks SET position = ?").run(forged);
    expect(chainCheckView(ctx).resume).toBeNull();
    const recent = await startChainCheck(ctx, "recent").finished;
    expect(recent).toMatchObject({ kind: "full", outcome: { state: "broken", brokenSeq: head() - 1 } });
  });

  it("is for those who may view the ledger", () => {
    for (const actor of [cadre]) {
      for (const call of [() => chainCheckView(t.ctx(actor)), () => startChainCheck(t.ctx(actor), "full")]) {
        try {
          call();
          expect.unreachable();
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          expect((error as DomainError).status).toBe(403);
        }
      }
    }
    expect(chainCheckView(t.ctx(inspector)).running).toBeNull();
  });

  it("hashes events exactly as canonical JSON does (append and check share one hash)", () => {
    const e = { seq: 9, at: "2026-01-01T00:00:00.000Z", actorId: null, orgId: 4, action: "a", entity: "b", entityId: "Đ\"1", payloadHash: "p", prevHash: "q" };
    expect(eventHash(e)).toBe(sha256Hex(canonicalJson(e)));
  });
});

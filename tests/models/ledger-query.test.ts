import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import * as schema from "../../db/schema";
import type { Actor } from "~/auth/policy";
import { write } from "~/models/context.server";
import { DomainError } from "~/models/errors";
import { appendEvent, type LedgerInput } from "~/models/ledger.server";
import { getEvent, LEDGER_MAX_PAGE_SIZE, listEvents, verifyStatus, type LedgerFilter } from "~/models/ledger-query.server";
import { freshDb, type TestDb } from "../helpers/db";

let t: TestDb;
let city: { id: number; path: string };
let wardA: { id: number; path: string };
let cellA: { id: number; path: string };
let wardB: { id: number; path: string };
let cityInspector: Actor;
let wardInspector: Actor;
let wardAdmin: Actor;
let cadre: Actor;
let binh: number;
let lan: number;
/** seq of each labelled event */
const at: Record<string, number> = {};

function append(label: string, input: Partial<LedgerInput> & { actorId: number | null }) {
  const ctx = t.ctx();
  const { seq } = write(ctx, (tx) => appendEvent(ctx, tx, { action: "org.renamed", entity: "organization", payload: { label }, ...input }));
  at[label] = seq;
  t.clock.advance(60_000);
}

function codes(filter: LedgerFilter = {}, actor: Actor = cityInspector): string[] {
  return listEvents(t.ctx(actor), filter).rows.map((r) => JSON.parse(r.payload ?? "{}").label as string);
}

function expectStatus(fn: () => unknown, status: number) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).status).toBe(status);
    return error as DomainError;
  }
  throw new Error(`expected a ${status}`);
}

beforeEach(() => {
  t = freshDb();
  city = t.org("TU", null, "city");
  wardA = t.org("PA", city.id, "ward");
  cellA = t.org("PA-CB1", wardA.id, "cell");
  wardB = t.org("PB", city.id, "ward");
  const inspector = t.person(city.id, { given: "Hạnh", username: "kiemtra" });
  t.grant(inspector, "inspector", city.id);
  const wardInsp = t.person(wardA.id, { given: "Bình", username: "kiemtra.pa" });
  t.grant(wardInsp, "inspector", wardA.id);
  const admin = t.person(wardA.id, { given: "Yến", username: "quantri.pa" });
  t.grant(admin, "admin", wardA.id);
  const member = t.person(cellA.id, { given: "Lan", username: "canbo" });
  t.grant(member, "cadre", cellA.id);
  binh = wardInsp;
  lan = member;
  [cityInspector, wardInspector, wardAdmin, cadre] = [inspector, wardInsp, admin, member].map((id) => t.actorOf(id));

  // 2026-11-27T03:00Z onward, one minute apart.
  append("city", { actorId: inspector, orgId: city.id, action: "org.created" });
  append("wardA", { actorId: binh, orgId: wardA.id, action: "person.created", entity: "person", entityId: 7 });
  append("cellA", { actorId: lan, orgId: cellA.id, action: "auth.sign_in", entity: "account", entityId: 3 });
  append("wardB", { actorId: admin, orgId: wardB.id, action: "person.created", entity: "person", entityId: 8 });
  append("none", { actorId: null, orgId: null, action: "auth.sign_in_failed", entity: "account" });
  append("wardA2", { actorId: lan, orgId: wardA.id, action: "person.updated", entity: "person", entityId: 7 });
});
afterEach(() => t.close());

describe("listEvents scoping", () => {
  it("shows a ward inspector only its ward's subtree: not another ward, not the city, not org-less events", () => {
    expect(codes({}, wardInspector)).toEqual(["wardA2", "cellA", "wardA"]);
  });

  it("shows a ward administrator the same subtree", () => {
    expect(codes({}, wardAdmin)).toEqual(["wardA2", "cellA", "wardA"]);
  });

  it("shows the city inspector everything, org-less events included, newest first", () => {
    expect(codes()).toEqual(["wardA2", "none", "wardB", "cellA", "wardA", "city"]);
  });

  it("forbids anyone without ledger.view", () => {
    expectStatus(() => listEvents(t.ctx(cadre), {}), 403);
    expectStatus(() => listEvents(t.ctx(null), {}), 403);
    expectStatus(() => getEvent(t.ctx(cadre), at.cellA), 403);
    expectStatus(() => verifyStatus(t.ctx(cadre)), 403);
  });

  it("returns names, organization, short hash and payload", () => {
    const row = listEvents(t.ctx(wardInspector), {}).rows.find((r) => r.seq === at.wardA)!;
    expect(row).toMatchObject({ actorName: "Nguyễn Văn Bình", orgName: "Tổ chức PA", orgCode: "PA", action: "person.created", entity: "person", entityId: "7" });
    expect(row.hashShort).toMatch(/^[0-9a-f]{12}$/);
    expect(JSON.parse(row.payload!)).toEqual({ label: "wardA" });
    expect(listEvents(t.ctx(cityInspector), {}).rows.find((r) => r.seq === at.none)!.actorName).toBeNull();
  });

  it("shows an erased payload as null", () => {
    t.handle.sqlite.prepare("DELETE FROM ledger_payloads WHERE seq = ?").run(at.wardA);
    expect(listEvents(t.ctx(wardInspector), {}).rows.find((r) => r.seq === at.wardA)!.payload).toBeNull();
  });
});

describe("listEvents filters", () => {
  it("filters by actor id, by name without diacritics, and by username prefix", () => {
    expect(codes({ actorId: lan })).toEqual(["wardA2", "cellA"]);
    expect(codes({ actorQuery: "binh" })).toEqual(["wardA"]);
    expect(codes({ actorQuery: "Bình" })).toEqual(["wardA"]);
    expect(codes({ actorQuery: "canbo" })).toEqual(["wardA2", "cellA"]);
    const none = listEvents(t.ctx(cityInspector), { actorQuery: "không ai" });
    expect(none.rows).toEqual([]);
    expect(none.noActorMatch).toBe(true);
  });

  it("filters by organization code with or without its subtree, and by name", () => {
    expect(codes({ orgQuery: "pa" })).toEqual(["wardA2", "cellA", "wardA"]);
    expect(codes({ orgQuery: "PA", subtree: false })).toEqual(["wardA2", "wardA"]);
    expect(codes({ orgId: cellA.id })).toEqual(["cellA"]);
    expect(codes({ orgQuery: "to chuc pb" })).toEqual(["wardB"]);
    const page = listEvents(t.ctx(cityInspector), { orgQuery: "PB" });
    expect(page.orgMatches).toEqual([{ id: wardB.id, code: "PB", name: "Tổ chức PB" }]);
  });

  it("does not let an organization filter reach outside the actor's scope", () => {
    const page = listEvents(t.ctx(wardInspector), { orgQuery: "PB" });
    expect(page.orgMatches).toEqual([]);
    expect(page.rows).toEqual([]);
    expect(codes({ orgQuery: "TU" }, wardInspector)).toEqual([]);
  });

  it("filters by entity, entity id and action", () => {
    expect(codes({ entity: "person" })).toEqual(["wardA2", "wardB", "wardA"]);
    expect(codes({ entity: "person", entityId: "7" })).toEqual(["wardA2", "wardA"]);
    expect(codes({ action: "auth.sign_in_failed" })).toEqual(["none"]);
    expect(codes({ action: "person.created" }, wardInspector)).toEqual(["wardA"]);
  });

  it("filters by period in Ho Chi Minh City days (UTC+7), both ends inclusive", () => {
    // All six events are on 27/11/2026 10:00–10:05 Hanoi time.
    expect(codes({ from: "27/11/2026", to: "27/11/2026" })).toHaveLength(6);
    expect(codes({ from: "28/11/2026" })).toEqual([]);
    expect(codes({ to: "26/11/2026" })).toEqual([]);
    // 23:59 on the 27th local time is 16:59Z; 00:01 on the 28th is 17:01Z.
    t.clock.now = new Date("2026-11-27T16:59:00.000Z");
    append("late27", { actorId: null, orgId: city.id });
    t.clock.now = new Date("2026-11-27T17:01:00.000Z");
    append("early28", { actorId: null, orgId: city.id });
    expect(codes({ from: "28/11/2026", to: "28/11/2026" })).toEqual(["early28"]);
    expect(codes({ from: "2026-11-27", to: "27/11/2026" })[0]).toBe("late27");
  });

  it("refuses an invalid date or a reversed period with field errors", () => {
    expect(expectStatus(() => listEvents(t.ctx(cityInspector), { from: "31/02/2026" }), 422).fieldErrors).toEqual({ "tu-ngay": "errors.invalidDate" });
    expect(expectStatus(() => listEvents(t.ctx(cityInspector), { from: "02/12/2026", to: "01/12/2026" }), 422).fieldErrors).toEqual({
      "den-ngay": "ledger.filter.periodOrder",
    });
  });
});

describe("listEvents pagination", () => {
  beforeEach(() => {
    for (let i = 0; i < 54; i++) append(`p${i}`, { actorId: null, orgId: cellA.id });
  });

  it("pages newest first with bounded keyset pages", () => {
    const ctx = t.ctx(wardInspector); // 3 + 54 = 57 visible events
    const first = listEvents(ctx, { pageSize: 25 });
    expect(first.rows).toHaveLength(25);
    expect(first.rows[0].seq).toBe(at.p53);
    expect(first.rows.map((r) => r.seq)).toEqual([...first.rows.map((r) => r.seq)].sort((a, b) => b - a));
    expect([first.hasNewer, first.hasOlder]).toEqual([false, true]);

    const second = listEvents(ctx, { pageSize: 25, before: first.rows[24].seq });
    expect(second.rows[0].seq).toBe(first.rows[24].seq - 1);
    expect([second.hasNewer, second.hasOlder]).toEqual([true, true]);

    const third = listEvents(ctx, { pageSize: 25, before: second.rows[24].seq });
    expect(third.rows).toHaveLength(7);
    expect(third.rows.at(-1)!.seq).toBe(at.wardA);
    expect([third.hasNewer, third.hasOlder]).toEqual([true, false]);

    const back = listEvents(ctx, { pageSize: 25, after: third.rows[0].seq });
    expect(back.rows.map((r) => r.seq)).toEqual(second.rows.map((r) => r.seq));
    expect([back.hasNewer, back.hasOlder]).toEqual([true, true]);

    const all = new Set([...first.rows, ...second.rows, ...third.rows].map((r) => r.seq));
    expect(all.size).toBe(57);
    expect(all.has(at.wardB)).toBe(false);
  });

  it("bounds the page size", () => {
    for (let i = 0; i < 60; i++) append(`q${i}`, { actorId: null, orgId: city.id });
    const page = listEvents(t.ctx(cityInspector), { pageSize: 10_000 });
    expect(page.pageSize).toBe(LEDGER_MAX_PAGE_SIZE);
    expect(page.rows).toHaveLength(LEDGER_MAX_PAGE_SIZE);
    expect(listEvents(t.ctx(cityInspector), { pageSize: 0 }).rows).toHaveLength(1);
    expect(listEvents(t.ctx(cityInspector), {}).rows).toHaveLength(25);
  });

  it("lists by seq through an index, without sorting the table", () => {
    const logged: { query: string; params: unknown[] }[] = [];
    const db = drizzle(t.handle.sqlite, { schema, logger: { logQuery: (query, params) => void logged.push({ query, params }) } });
    for (const actor of [cityInspector, wardInspector]) {
      logged.length = 0;
      listEvents({ ...t.ctx(actor), db }, {});
      const main = logged.find((l) => l.query.includes("ledger_payloads"))!;
      const plan = (t.handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${main.query}`).all(...main.params) as { detail: string }[]).map((p) => p.detail).join("\n");
      if (actor === cityInspector) {
        // Whole-tree readers walk the primary key backwards and stop after a page.
        expect(plan).toMatch(/SCAN ledger_events/);
        expect(plan).not.toMatch(/TEMP B-TREE/);
      } else {
        expect(plan).toMatch(/ledger_events USING (COVERING )?INDEX ledger_events_org_idx/);
      }
    }
  });
});

describe("listEvents on a busy subtree", () => {
  it("walks seq instead of sorting when the subtree has many events, with the same scoping", () => {
    const ctx = t.ctx();
    write(ctx, (tx) => {
      for (let i = 0; i < 10_400; i++) appendEvent(ctx, tx, { action: "auth.sign_in", entity: "account", orgId: i % 2 ? cellA.id : wardB.id, actorId: null });
    });
    const logged: { query: string; params: unknown[] }[] = [];
    const db = drizzle(t.handle.sqlite, { schema, logger: { logQuery: (query, params) => void logged.push({ query, params }) } });
    const page = listEvents({ ...t.ctx(wardInspector), db }, { pageSize: 100 });
    expect(page.rows).toHaveLength(100);
    expect(new Set(page.rows.map((r) => r.orgId))).toEqual(new Set([cellA.id]));
    const main = logged.find((l) => l.query.includes("ledger_payloads"))!;
    const plan = (t.handle.sqlite.prepare(`EXPLAIN QUERY PLAN ${main.query}`).all(...main.params) as { detail: string }[]).map((p) => p.detail).join("\n");
    expect(plan).toMatch(/SCAN ledger_events/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
    const older = listEvents(t.ctx(wardInspector), { before: page.rows[99].seq, pageSize: 100 });
    expect(older.rows[0].seq).toBe(page.rows[99].seq - 2);
    expect(older.hasNewer).toBe(true);
  });
});

describe("getEvent and verifyStatus", () => {
  it("returns an event with its own check, and hides events outside the scope", () => {
    const e = getEvent(t.ctx(wardInspector), at.cellA);
    expect(e.check).toEqual({ hash: true, signature: true, prevLink: "ok", payload: "ok", ok: true });
    expect(e.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(e.signature.length).toBeGreaterThan(40);
    expect(getEvent(t.ctx(cityInspector), 1).check.prevLink).toBe("genesis");
    expectStatus(() => getEvent(t.ctx(wardInspector), at.wardB), 404);
    expectStatus(() => getEvent(t.ctx(wardInspector), at.none), 404);
    expect(getEvent(t.ctx(cityInspector), at.none).orgId).toBeNull();
    expectStatus(() => getEvent(t.ctx(cityInspector), 9999), 404);
  });

  it("flags an edited event, an erased payload and a missing predecessor", () => {
    t.handle.sqlite.prepare("DELETE FROM ledger_payloads WHERE seq = ?").run(at.wardA);
    expect(getEvent(t.ctx(wardInspector), at.wardA).check).toMatchObject({ payload: "erased", ok: true });

    t.handle.sqlite.exec("DROP TRIGGER ledger_events_no_update; DROP TRIGGER ledger_events_no_delete");
    t.handle.sqlite.prepare("UPDATE ledger_events SET entity_id = '99' WHERE seq = ?").run(at.wardA);
    expect(getEvent(t.ctx(wardInspector), at.wardA).check).toMatchObject({ hash: false, ok: false });
    t.handle.sqlite.prepare("DELETE FROM ledger_events WHERE seq = ?").run(at.cellA - 1);
    expect(getEvent(t.ctx(wardInspector), at.cellA).check).toMatchObject({ prevLink: "missing", ok: false });
  });

  it("flags a signature made with another key", () => {
    const other = freshDb();
    try {
      expect(getEvent({ ...t.ctx(wardInspector), secrets: other.secrets }, at.cellA).check).toMatchObject({ signature: false, ok: false });
    } finally {
      other.close();
    }
  });

  it("checks the whole chain: intact, then the first broken event", () => {
    const ok = verifyStatus(t.ctx(wardInspector));
    expect(ok).toMatchObject({ ok: true, count: 6, headSeq: at.wardA2 });
    if (ok.ok) expect(ok.headHash).toMatch(/^[0-9a-f]{64}$/);
    t.handle.sqlite.exec("DROP TRIGGER ledger_events_no_update");
    t.handle.sqlite.prepare("UPDATE ledger_events SET action = 'x' WHERE seq = ?").run(at.cellA);
    expect(verifyStatus(t.ctx(cityInspector))).toMatchObject({ ok: false, brokenSeq: at.cellA, reason: "hash" });
  });
});

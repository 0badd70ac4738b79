// The city seed at a small scale: the chain verifies, the same seed number gives the same
// city, the rows agree with their ledger events, and the benchmark's drafts really submit.
import { randomUUID, sign } from "node:crypto";
import { copyFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Handle } from "../../db/client";
import { ephemeralSecrets, type Secrets } from "../../db/secrets";
import { seedCity } from "../../db/seed-city";
import { loadActor } from "~/auth/actor.server";
import { submit } from "~/models/initiatives.server";
import { verifyLedger } from "~/models/ledger.server";
import { sha256Hex } from "~/utils/canonical.server";
import { BASE_DB, TMP_DIR } from "../helpers/paths";

const SCALE = 0.002;

async function seeded(seed: number): Promise<{ handle: Handle; secrets: Secrets; counts: Record<string, number> }> {
  const file = resolve(TMP_DIR, `city-${randomUUID()}.db`);
  copyFileSync(BASE_DB, file);
  const handle = openDatabase(file);
  const secrets = ephemeralSecrets();
  const counts = await seedCity(handle, secrets, { seed, scale: SCALE });
  return { handle, secrets, counts };
}

const head = (h: Handle) => h.sqlite.prepare("SELECT seq, hash FROM ledger_events ORDER BY seq DESC LIMIT 1").get();
const all = <T>(h: Handle, sql: string, ...params: unknown[]) => h.sqlite.prepare(sql).all(...params) as T[];

describe("city seed", () => {
  let a: Awaited<ReturnType<typeof seeded>>;
  let headA: unknown;
  beforeAll(async () => {
    a = await seeded(7);
    headA = head(a.handle);
  }, 120_000);

  it("writes a chain that verifies with the portal's key, an event for every row it made", () => {
    const result = verifyLedger(a.handle.sqlite, a.secrets.publicKey);
    expect(result.ok).toBe(true);
    const events = (action: string) => all<{ n: number }>(a.handle, "SELECT count(*) AS n FROM ledger_events WHERE action = ?", action)[0].n;
    expect(events("person.created")).toBe(all<{ n: number }>(a.handle, "SELECT count(*) AS n FROM people")[0].n);
    expect(events("initiative.created")).toBe(a.counts.initiatives);
    expect(events("decision.recorded")).toBe(a.counts.decisions);
    expect(events("evaluation.submitted")).toBe(all<{ n: number }>(a.handle, "SELECT count(*) AS n FROM evaluations WHERE status = 'submitted'")[0].n);
    const times = all<{ at: string }>(a.handle, "SELECT at FROM ledger_events ORDER BY seq").map((e) => e.at);
    expect(times).toEqual([...times].sort());
  });

  it("signs with libsodium exactly the bytes node:crypto makes for the same key and hash", () => {
    const sample = all<{ hash: string; signature: string }>(a.handle, "SELECT hash, signature FROM ledger_events WHERE seq % 97 = 0 ORDER BY seq");
    expect(sample.length).toBeGreaterThan(10);
    for (const e of sample) expect(e.signature).toBe(sign(null, Buffer.from(e.hash, "hex"), a.secrets.privateKey).toString("base64"));
  });

  it("has the mix a real city has: every stage of an initiative's life", () => {
    const statuses = new Set(all<{ status: string }>(a.handle, "SELECT DISTINCT status FROM initiatives").map((s) => s.status));
    for (const s of ["draft", "accepted", "evaluating", "recognised"]) expect(statuses).toContain(s);
    expect(a.counts.decisions).toBeGreaterThan(0);
    expect(a.counts.scores).toBeGreaterThan(a.counts.evaluations);
  });

  it("leaves each search index merged into one segment, every initiative in it", () => {
    for (const name of ["initiatives_fts", "tasks_fts"]) expect(all<{ n: number }>(a.handle, `SELECT count(DISTINCT segid) AS n FROM ${name}_idx`)[0].n).toBe(1);
    const indexed = all<{ n: number }>(a.handle, "SELECT count(*) AS n FROM initiatives_fts")[0].n;
    expect(indexed).toBe(all<{ n: number }>(a.handle, "SELECT count(*) AS n FROM initiatives")[0].n);
  });

  it("freezes each submitted version with the hash and event its submission recorded", () => {
    const rows = all<{ content: string; sha: string; seq: number; hash: string; payload: string; eventHash: string }>(
      a.handle,
      `SELECT v.content, v.content_sha256 AS sha, v.ledger_seq AS seq, v.ledger_hash AS hash, p.payload, e.hash AS eventHash
       FROM initiative_versions v JOIN ledger_events e ON e.seq = v.ledger_seq JOIN ledger_payloads p ON p.seq = e.seq WHERE v.submitted_at IS NOT NULL`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(sha256Hex(r.content)).toBe(r.sha);
      expect(JSON.parse(r.payload).contentSha256).toBe(r.sha);
      expect(r.eventHash).toBe(r.hash);
    }
  });

  it("credits each recognised decision exactly the level's points, split among the authors", () => {
    const rows = all<{ level: string | null; total: number | null; rule: number | null }>(
      a.handle,
      `SELECT d.level, (SELECT sum(points) FROM credit_entries c WHERE c.decision_id = d.id) AS total, r.points AS rule
       FROM decisions d LEFT JOIN credit_rules r ON r.level = d.level`,
    );
    for (const r of rows) expect(r.total).toBe(r.level ? r.rule : null);
  });

  it("gives the benchmark's cadres complete drafts that the portal accepts for submission", () => {
    const drafts = all<{ id: number; personId: number }>(
      a.handle,
      `SELECT i.id, i.created_by AS personId FROM initiatives i JOIN accounts ac ON ac.person_id = i.created_by
       WHERE i.status = 'draft' AND ac.username LIKE 'canbo.0%' LIMIT 3`,
    );
    expect(drafts).toHaveLength(3);
    for (const d of drafts) {
      const ctx = { db: a.handle.db, actor: loadActor(a.handle.db, d.personId), secrets: a.secrets, now: () => new Date("2026-11-27T03:00:00Z") };
      expect(submit(ctx, d.id).registrationNumber).toMatch(/^(SK|GP)-2026-\d{6}$/);
    }
  });

  it("is deterministic: the same seed number gives the same chain, another one a different city", async () => {
    const same = await seeded(7);
    const other = await seeded(8);
    expect(head(same.handle)).toEqual(headA);
    expect(head(other.handle)).not.toEqual(headA);
  }, 120_000);
});

// The evidence ledger: an append-only, hash-chained, signed list of every state change.
import { sign, verify as verifySignature, type KeyObject } from "node:crypto";
import type Database from "better-sqlite3";
import { desc, sql } from "drizzle-orm";
import { ledgerEvents } from "../../db/schema";
import { canonicalJson, sha256Hex } from "~/utils/canonical.server";
import type { Ctx, Tx } from "./context.server";

export const GENESIS_HASH = "0".repeat(64);

export type LedgerInput = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  orgId?: number | null;
  /** What changed. Kept in clear text apart from the chain, so it can be erased later. */
  payload?: Record<string, unknown>;
  /** Defaults to the context's actor. */
  actorId?: number | null;
};

type Chained = {
  seq: number;
  at: string;
  actorId: number | null;
  orgId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  payloadHash: string;
  prevHash: string;
};

/** The bytes each event's hash covers: everything but the payload's clear text. */
export function eventHash(e: Chained): string {
  return sha256Hex(
    canonicalJson({
      seq: e.seq,
      at: e.at,
      actorId: e.actorId,
      orgId: e.orgId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      payloadHash: e.payloadHash,
      prevHash: e.prevHash,
    }),
  );
}

export function signHash(key: KeyObject, hash: string): string {
  return sign(null, Buffer.from(hash, "hex"), key).toString("base64");
}

export function checkSignature(key: KeyObject, hash: string, signature: string): boolean {
  try {
    return verifySignature(null, Buffer.from(hash, "hex"), key, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}

// Appending is on every write path (an import appends thousands): its three statements are
// prepared once per connection instead of being rebuilt by the query builder each time.
type Statements = { head: Database.Statement; event: Database.Statement; payload: Database.Statement };
const prepared = new WeakMap<Database.Database, Statements>();

function statements(sqlite: Database.Database): Statements {
  let s = prepared.get(sqlite);
  if (!s) {
    s = {
      head: sqlite.prepare("SELECT seq, hash FROM ledger_events ORDER BY seq DESC LIMIT 1"),
      event: sqlite.prepare(
        `INSERT INTO ledger_events (seq, at, actor_id, org_id, action, entity, entity_id, payload_hash, prev_hash, hash, signature)
         VALUES (@seq, @at, @actorId, @orgId, @action, @entity, @entityId, @payloadHash, @prevHash, @hash, @signature)`,
      ),
      payload: sqlite.prepare("INSERT INTO ledger_payloads (seq, payload) VALUES (?, ?)"),
    };
    prepared.set(sqlite, s);
  }
  return s;
}

/** Append one event inside the caller's write transaction (`tx` proves there is one). Returns
 * its position and hash. */
export function appendEvent(ctx: Ctx, _tx: Tx, input: LedgerInput): { seq: number; hash: string } {
  const s = statements(ctx.db.$client);
  const head = s.head.get() as { seq: number; hash: string } | undefined;
  const payload = canonicalJson(input.payload ?? {});
  const event: Chained = {
    seq: (head?.seq ?? 0) + 1,
    at: ctx.now().toISOString(),
    actorId: input.actorId !== undefined ? input.actorId : (ctx.actor?.personId ?? null),
    orgId: input.orgId ?? null,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId == null ? null : String(input.entityId),
    payloadHash: sha256Hex(payload),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  const hash = eventHash(event);
  s.event.run({ ...event, hash, signature: signHash(ctx.secrets.privateKey, hash) });
  s.payload.run(event.seq, payload);
  return { seq: event.seq, hash };
}

export function ledgerHead(ctx: Ctx): { seq: number; hash: string } {
  const head = ctx.db
    .select({ seq: ledgerEvents.seq, hash: ledgerEvents.hash })
    .from(ledgerEvents)
    .orderBy(desc(ledgerEvents.seq))
    .limit(1)
    .get();
  return head ?? { seq: 0, hash: GENESIS_HASH };
}

export type VerifyResult =
  | { ok: true; count: number; headSeq: number; headHash: string }
  | { ok: false; count: number; brokenSeq: number | null; reason: string };

const REQUIRED_TRIGGERS = ["ledger_events_no_update", "ledger_events_no_delete", "ledger_events_extend_head"];

/**
 * Check the whole chain: sequence without gaps, each prev_hash the previous hash, each hash
 * recomputed from the row, each signature valid for the portal key, each payload still
 * matching its hash (an erased payload is allowed), and the guarding triggers in place.
 */
export function verifyLedger(sqlite: Database.Database, publicKey: KeyObject): VerifyResult {
  const rows = sqlite
    .prepare(
      `SELECT e.seq, e.at, e.actor_id AS actorId, e.org_id AS orgId, e.action, e.entity,
              e.entity_id AS entityId, e.payload_hash AS payloadHash, e.prev_hash AS prevHash,
              e.hash, e.signature, p.payload
         FROM ledger_events e LEFT JOIN ledger_payloads p ON p.seq = e.seq
        ORDER BY e.seq`,
    )
    .iterate() as IterableIterator<Chained & { hash: string; signature: string; payload: string | null }>;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const row of rows) {
    count++;
    const fail = (reason: string): VerifyResult => ({ ok: false, count, brokenSeq: row.seq, reason });
    if (row.seq !== expectedSeq) {
      return { ok: false, count, brokenSeq: expectedSeq, reason: `event ${expectedSeq} is missing (next found: ${row.seq})` };
    }
    if (row.prevHash !== prevHash) return fail("prev_hash does not match the previous event's hash");
    if (eventHash(row) !== row.hash) return fail("the event's content does not match its hash");
    if (!checkSignature(publicKey, row.hash, row.signature)) return fail("the signature is not the portal's");
    if (row.payload !== null && sha256Hex(row.payload) !== row.payloadHash) {
      return fail("the payload does not match its hash");
    }
    prevHash = row.hash;
    expectedSeq++;
  }
  // A truncated tail leaves payloads behind whose events are gone.
  const orphan = sqlite
    .prepare(`SELECT min(p.seq) AS seq FROM ledger_payloads p LEFT JOIN ledger_events e ON e.seq = p.seq WHERE e.seq IS NULL`)
    .get() as { seq: number | null };
  if (orphan.seq !== null) {
    return { ok: false, count, brokenSeq: orphan.seq, reason: `event ${orphan.seq} is missing (its payload remains)` };
  }
  const triggers = new Set(
    (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'ledger_events'`).all() as {
      name: string;
    }[]).map((t) => t.name),
  );
  const missing = REQUIRED_TRIGGERS.filter((t) => !triggers.has(t));
  if (missing.length) {
    return { ok: false, count, brokenSeq: null, reason: `guard triggers missing: ${missing.join(", ")}` };
  }
  return { ok: true, count, headSeq: expectedSeq - 1, headHash: prevHash };
}

export function countEvents(ctx: Ctx): number {
  return ctx.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ledger_events`).n;
}

// The whole-chain check of the evidence ledger, in plain JavaScript so that one and the same
// code runs in the server (bundled by Remix), in the CLI and tests (tsx, vitest) and in the
// worker thread that checks a city-sized chain off the request thread (a worker cannot load
// TypeScript through the Remix build). It depends on node:crypto and a better-sqlite3
// connection only. Types: ledger-check-core.d.mts.
import { createHash, verify } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** Guarding triggers that refuse edits and deletions of events and keep appends at the head. */
export const REQUIRED_TRIGGERS = ["ledger_events_no_update", "ledger_events_no_delete", "ledger_events_extend_head"];

function sha256Hex(data) {
  return createHash("sha256").update(data).digest("hex");
}

/**
 * The bytes each event's hash covers: everything but the payload's clear text, as canonical
 * JSON (keys sorted). The literal lists the keys already in sorted order, so JSON.stringify
 * gives exactly canonicalJson's bytes (a test checks both agree).
 */
export function eventHash(e) {
  return sha256Hex(
    JSON.stringify({
      action: e.action,
      actorId: e.actorId,
      at: e.at,
      entity: e.entity,
      entityId: e.entityId,
      orgId: e.orgId,
      payloadHash: e.payloadHash,
      prevHash: e.prevHash,
      seq: e.seq,
    }),
  );
}

export function checkSignature(key, hash, signature) {
  try {
    return verify(null, Buffer.from(hash, "hex"), key, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}

const EVENTS = `SELECT e.seq, e.at, e.actor_id AS actorId, e.org_id AS orgId, e.action, e.entity,
                       e.entity_id AS entityId, e.payload_hash AS payloadHash, e.prev_hash AS prevHash,
                       e.hash, e.signature, p.payload
                  FROM ledger_events e LEFT JOIN ledger_payloads p ON p.seq = e.seq
                 WHERE e.seq > ?
                 ORDER BY e.seq`;

/**
 * Check the chain: sequence without gaps, each prev_hash the previous hash, each hash
 * recomputed from the row, each signature valid for the portal key, each payload still
 * matching its hash (an erased payload is allowed), no payload left without its event, and
 * the guarding triggers in place. All reads see one snapshot (one read transaction), so a
 * server appending meanwhile cannot make the result inconsistent.
 *
 * With `from` (a position verified earlier) only that event and the ones after it are checked
 * one by one; the position must still hold the hash verified before and all events up to it
 * must still be there (a count). Old rows rewritten in place are NOT detected that way (nor
 * are old payloads): only a full check proves them.
 */
export function verifyChain(sqlite, publicKey, options = {}) {
  const { from = null, onProgress = null, progressEvery = 10_000 } = options;
  const ownTransaction = !sqlite.inTransaction;
  if (ownTransaction) sqlite.exec("BEGIN");
  try {
    return check(sqlite, publicKey, from, onProgress, progressEvery);
  } finally {
    if (ownTransaction) sqlite.exec("COMMIT");
  }
}

function check(sqlite, publicKey, from, onProgress, progressEvery) {
  let expectedSeq = 1;
  /** null: the anchor of a recent check, whose own predecessor was verified before. */
  let prevHash = GENESIS_HASH;
  if (from) {
    const kept = sqlite.prepare("SELECT count(*) AS n FROM ledger_events WHERE seq BETWEEN 1 AND ?").get(from.seq).n;
    if (kept !== from.seq) {
      return { ok: false, count: 0, brokenSeq: null, reason: `${from.seq - kept} events up to ${from.seq} are missing (they were verified before)` };
    }
    expectedSeq = from.seq;
    prevHash = null;
  }
  // The walk starts at 1 (or at the anchor): a row numbered below 1 would escape it.
  const first = sqlite.prepare("SELECT min(seq) AS seq FROM ledger_events").get().seq;
  if (first !== null && first < 1) return { ok: false, count: 0, brokenSeq: 1, reason: `event 1 is missing (next found: ${first})` };
  const head = sqlite.prepare("SELECT max(seq) AS seq FROM ledger_events").get().seq ?? 0;
  const total = Math.max(0, head - expectedSeq + 1);
  if (onProgress) onProgress(0, total);
  let count = 0;
  for (const row of sqlite.prepare(EVENTS).iterate(expectedSeq - 1)) {
    count++;
    if (onProgress && count % progressEvery === 0) onProgress(count, total);
    const fail = (reason) => ({ ok: false, count, brokenSeq: row.seq, reason });
    if (row.seq !== expectedSeq) {
      return { ok: false, count, brokenSeq: expectedSeq, reason: `event ${expectedSeq} is missing (next found: ${row.seq})` };
    }
    if (prevHash !== null && row.prevHash !== prevHash) return fail("prev_hash does not match the previous event's hash");
    if (eventHash(row) !== row.hash) return fail("the event's content does not match its hash");
    if (!checkSignature(publicKey, row.hash, row.signature)) return fail("the signature is not the portal's");
    if (row.payload !== null && sha256Hex(row.payload) !== row.payloadHash) return fail("the payload does not match its hash");
    if (prevHash === null && row.hash !== from.hash) return fail("the event's content does not match its hash verified before");
    prevHash = row.hash;
    expectedSeq++;
  }
  if (onProgress) onProgress(count, total);
  if (prevHash === null) return { ok: false, count, brokenSeq: from.seq, reason: `event ${from.seq} is missing (it was verified before)` };
  // The events are now known to be exactly 1…head (the walk, or the count and the walk): a
  // payload left without its event (a truncated tail) lies outside that range. Two index
  // look-ups instead of a join over every payload.
  const stray =
    sqlite.prepare("SELECT min(seq) AS seq FROM ledger_payloads WHERE seq > ?").get(expectedSeq - 1).seq ??
    sqlite.prepare("SELECT max(seq) AS seq FROM ledger_payloads WHERE seq < 1").get().seq;
  if (stray !== null) return { ok: false, count, brokenSeq: stray, reason: `event ${stray} is missing (its payload remains)` };
  const triggers = new Set(
    sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'ledger_events'`)
      .all()
      .map((t) => t.name),
  );
  const missing = REQUIRED_TRIGGERS.filter((t) => !triggers.has(t));
  if (missing.length) return { ok: false, count, brokenSeq: null, reason: `guard triggers missing: ${missing.join(", ")}` };
  return { ok: true, count, headSeq: expectedSeq - 1, headHash: prevHash };
}

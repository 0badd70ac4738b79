// The evidence ledger: an append-only, hash-chained, signed list of every state change.
import { sign, type KeyObject } from "node:crypto";
import type Database from "better-sqlite3";
import { desc, sql } from "drizzle-orm";
import { ledgerEvents } from "../../db/schema";
import { canonicalJson, sha256Hex } from "~/utils/canonical.server";
import type { Ctx, Tx } from "./context.server";
import { GENESIS_HASH, eventHash, verifyChain, type Chained, type VerifyResult } from "./ledger-check-core.mjs";

// Hashing and checking live in plain JavaScript (ledger-check-core.mjs) so that the worker
// thread of the whole-chain check runs the very same code as appending does.
export { checkSignature, eventHash, GENESIS_HASH, type VerifyResult } from "./ledger-check-core.mjs";

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

export function signHash(key: KeyObject, hash: string): string {
  return sign(null, Buffer.from(hash, "hex"), key).toString("base64");
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

/** The whole chain, checked synchronously (tests, the CLI). The server runs it in a worker
 * thread instead (ledger-check-run.server.ts) so that a city-sized chain blocks no request. */
export function verifyLedger(sqlite: Database.Database, publicKey: KeyObject): VerifyResult {
  return verifyChain(sqlite, publicKey);
}

export function countEvents(ctx: Ctx): number {
  return ctx.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ledger_events`).n;
}

// One ledger event with the check of its own links, for the inspectors' pages, and the
// synchronous whole-chain check (tests; the page runs it in a worker: ledger-check-run.server.ts).
import type Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { ledgerEvents, ledgerPayloads, organizations, people } from "../../db/schema";
import { canAnywhere, canViewLedgerOf } from "~/auth/policy";
import { sha256Hex } from "~/utils/canonical.server";
import type { Ctx } from "./context.server";
import type { LedgerRow } from "./ledger-query.server";
import { forbidden, notFound } from "./errors";
import { checkSignature, eventHash, GENESIS_HASH, verifyLedger } from "./ledger.server";

export type EventCheck = {
  hash: boolean;
  signature: boolean;
  /** "genesis": the first event, whose previous hash must be all zeros. */
  prevLink: "ok" | "broken" | "missing" | "genesis";
  payload: "ok" | "broken" | "erased";
  ok: boolean;
};

export type LedgerEventDetail = Omit<LedgerRow, "hashShort"> & {
  payloadHash: string;
  prevHash: string;
  hash: string;
  signature: string;
  check: EventCheck;
};

/** One event the actor may see, with its hash, signature and previous link checked. */
export function getEvent(ctx: Ctx, seq: number): LedgerEventDetail {
  if (!canAnywhere(ctx.actor, "ledger.view")) throw forbidden();
  const row = ctx.db
    .select({
      seq: ledgerEvents.seq,
      at: ledgerEvents.at,
      actorId: ledgerEvents.actorId,
      familyName: people.familyName,
      middleName: people.middleName,
      givenName: people.givenName,
      orgId: ledgerEvents.orgId,
      orgName: organizations.name,
      orgCode: organizations.code,
      orgPath: organizations.path,
      action: ledgerEvents.action,
      entity: ledgerEvents.entity,
      entityId: ledgerEvents.entityId,
      payload: ledgerPayloads.payload,
      payloadHash: ledgerEvents.payloadHash,
      prevHash: ledgerEvents.prevHash,
      hash: ledgerEvents.hash,
      signature: ledgerEvents.signature,
    })
    .from(ledgerEvents)
    .leftJoin(organizations, eq(organizations.id, ledgerEvents.orgId))
    .leftJoin(people, eq(people.id, ledgerEvents.actorId))
    .leftJoin(ledgerPayloads, eq(ledgerPayloads.seq, ledgerEvents.seq))
    .where(eq(ledgerEvents.seq, seq))
    .get();
  // An event outside the actor's scope is reported as absent, not as forbidden.
  if (!row || !canViewLedgerOf(ctx.actor, row.orgId === null ? null : (row.orgPath ?? ""))) throw notFound();

  // Only the previous event's hash is read: its content may be outside the actor's scope.
  const previous =
    seq > 1 ? ctx.db.select({ hash: ledgerEvents.hash }).from(ledgerEvents).where(eq(ledgerEvents.seq, seq - 1)).get() : undefined;
  const hashOk = eventHash(row) === row.hash;
  const signatureOk = checkSignature(ctx.secrets.publicKey, row.hash, row.signature);
  const prevLink: EventCheck["prevLink"] =
    seq === 1 ? (row.prevHash === GENESIS_HASH ? "genesis" : "broken") : !previous ? "missing" : previous.hash === row.prevHash ? "ok" : "broken";
  const payload: EventCheck["payload"] = row.payload === null ? "erased" : sha256Hex(row.payload) === row.payloadHash ? "ok" : "broken";
  const check: EventCheck = {
    hash: hashOk,
    signature: signatureOk,
    prevLink,
    payload,
    ok: hashOk && signatureOk && (prevLink === "ok" || prevLink === "genesis") && payload !== "broken",
  };
  const actorName = row.givenName ? [row.familyName, row.middleName, row.givenName].filter(Boolean).join(" ") : null;
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actorId,
    actorName,
    orgId: row.orgId,
    orgName: row.orgName,
    orgCode: row.orgCode,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    payload: row.payload,
    payloadHash: row.payloadHash,
    prevHash: row.prevHash,
    hash: row.hash,
    signature: row.signature,
    check,
  };
}

export type ChainReason = "missing" | "prevLink" | "hash" | "signature" | "payload" | "triggers" | "unknown";

export type ChainStatus =
  | { ok: true; count: number; headSeq: number; headHash: string; checkedAt: string }
  | { ok: false; count: number; brokenSeq: number | null; reason: ChainReason; detail: string; checkedAt: string };

/** verifyLedger's English reason → a catalog key suffix (ledger.reason.*). */
export function reasonOf(detail: string): ChainReason {
  if (/missing \(|is missing/.test(detail)) return "missing";
  if (/guard triggers/.test(detail)) return "triggers";
  if (/prev_hash/.test(detail)) return "prevLink";
  if (/signature/.test(detail)) return "signature";
  if (/payload/.test(detail)) return "payload";
  if (/content/.test(detail)) return "hash";
  return "unknown";
}

/** The whole chain, checked from the first event to the head. */
export function verifyStatus(ctx: Ctx): ChainStatus {
  if (!canAnywhere(ctx.actor, "ledger.view")) throw forbidden();
  const checkedAt = ctx.now().toISOString();
  // drizzle() returns the database with its driver as $client; the Db type leaves it out.
  const sqlite = (ctx.db as unknown as { $client: Database.Database }).$client;
  const result = verifyLedger(sqlite, ctx.secrets.publicKey);
  if (result.ok) return { ...result, checkedAt };
  return { ok: false, count: result.count, brokenSeq: result.brokenSeq, reason: reasonOf(result.reason), detail: result.reason, checkedAt };
}


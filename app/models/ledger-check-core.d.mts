// Types of ledger-check-core.mjs (plain JavaScript so that a worker thread can load it).
import type Database from "better-sqlite3";
import type { KeyObject } from "node:crypto";

export declare const GENESIS_HASH: string;
export declare const REQUIRED_TRIGGERS: readonly string[];

export type Chained = {
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

export type VerifyResult =
  | { ok: true; count: number; headSeq: number; headHash: string }
  | { ok: false; count: number; brokenSeq: number | null; reason: string };

/** A position of the chain verified before: its seq and hash. */
export type ChainPosition = { seq: number; hash: string };

export type VerifyOptions = {
  from?: ChainPosition | null;
  /** Called with 0 first, every `progressEvery` events (10,000 by default) and at the end. */
  onProgress?: ((done: number, total: number) => void) | null;
  progressEvery?: number;
};

export declare function eventHash(e: Chained): string;
export declare function checkSignature(key: KeyObject, hash: string, signature: string): boolean;
export declare function verifyChain(sqlite: Database.Database, publicKey: KeyObject, options?: VerifyOptions): VerifyResult;

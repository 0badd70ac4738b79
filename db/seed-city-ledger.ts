// The city seed's ledger writer: the same chain as appendEvent (app/models/ledger.server.ts),
// with the same hash and signature functions, but built for a million events. The chain is
// computed on the main thread as events are appended (seq and hash are known at once, so a
// frozen version can name its event); the Ed25519 signatures, which are most of the cost,
// are made by worker threads, one per core, in batches, and the rows are written in order
// once their batch is signed. (crypto.sign's callback form prepares the key on the calling
// thread, which costs as much as signing: it does not take the work off the main thread.) The
// workers sign with libsodium (sodium-native): Ed25519 signatures are deterministic, so they are
// the bytes node:crypto makes for the same key and hash (the seed test verifies the chain with
// node:crypto), in 36 µs instead of 61 here — most of the seed's time was these signatures.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { KeyObject } from "node:crypto";
import type Database from "better-sqlite3";
import type { Chained } from "~/models/ledger-check-core.mjs";
import { eventHash, GENESIS_HASH } from "~/models/ledger.server";
import { canonicalJson, sha256Hex } from "~/utils/canonical.server";

const BATCH = 2_000;

// Plain JavaScript, so the worker needs no TypeScript loader: it signs 32-byte hashes with the
// key pair libsodium derives from the Ed25519 private key's 32-byte seed.
const SIGNER = `
const { parentPort, workerData } = require("node:worker_threads");
const sodium = require("sodium-native");
const secretKey = Buffer.alloc(sodium.crypto_sign_SECRETKEYBYTES);
sodium.crypto_sign_seed_keypair(Buffer.alloc(sodium.crypto_sign_PUBLICKEYBYTES), secretKey, Buffer.from(workerData.seed));
parentPort.on("message", ({ id, hashes }) => {
  const n = hashes.length / 32;
  const out = Buffer.alloc(n * 64);
  for (let i = 0; i < n; i++) sodium.crypto_sign_detached(out.subarray(i * 64, i * 64 + 64), hashes.subarray(i * 32, i * 32 + 32), secretKey);
  parentPort.postMessage({ id, signatures: out }, [out.buffer]);
});`;

/** The 32-byte seed of an Ed25519 private key: the last bytes of its PKCS #8 encoding. */
function ed25519Seed(key: KeyObject): Buffer {
  if (key.asymmetricKeyType !== "ed25519") throw new Error(`the ledger key is ${key.asymmetricKeyType}, not Ed25519`);
  return key.export({ type: "pkcs8", format: "der" }).subarray(-32);
}

class Signers {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, (signatures: Buffer) => void>();
  private next = 0;

  constructor(key: KeyObject) {
    const seed = ed25519Seed(key);
    this.workers = Array.from({ length: Math.max(1, availableParallelism()) }, () => {
      const w = new Worker(SIGNER, { eval: true, workerData: { seed } });
      w.on("message", ({ id, signatures }: { id: number; signatures: Uint8Array }) => {
        this.waiting.get(id)!(Buffer.from(signatures.buffer, signatures.byteOffset, signatures.byteLength));
        this.waiting.delete(id);
      });
      return w;
    });
  }

  /** The base64 signatures of the given hex hashes, in order. */
  sign(hashes: string[]): Promise<string[]> {
    const id = this.next++;
    const buffer = Buffer.alloc(hashes.length * 32);
    hashes.forEach((h, i) => buffer.write(h, i * 32, "hex"));
    return new Promise((resolve) => {
      this.waiting.set(id, (signatures) => resolve(hashes.map((_, i) => signatures.subarray(i * 64, i * 64 + 64).toString("base64"))));
      this.workers[id % this.workers.length].postMessage({ id, hashes: buffer });
    });
  }

  close(): Promise<unknown> {
    return Promise.all(this.workers.map((w) => w.terminate()));
  }
}

type Row = Chained & { hash: string; payload: string };

export type EventInput = {
  at: string;
  actorId: number | null;
  orgId: number | null;
  action: string;
  entity: string;
  entityId: number | string | null;
  payload: Record<string, unknown>;
};

export class BulkLedger {
  private seq: number;
  private head: string;
  /** Chained rows waiting to be written, with their batches' signatures (one promise per BATCH rows). */
  private pending: Row[] = [];
  private batches: Promise<string[]>[] = [];
  private unsent = 0;
  private readonly signers: Signers;
  private readonly insertEvent: Database.Statement;
  private readonly insertPayload: Database.Statement;
  written = 0;

  constructor(
    private readonly sqlite: Database.Database,
    key: KeyObject,
  ) {
    this.signers = new Signers(key);
    const head = sqlite.prepare("SELECT seq, hash FROM ledger_events ORDER BY seq DESC LIMIT 1").get() as { seq: number; hash: string } | undefined;
    this.seq = head?.seq ?? 0;
    this.head = head?.hash ?? GENESIS_HASH;
    this.insertEvent = sqlite.prepare(
      `INSERT INTO ledger_events (seq, at, actor_id, org_id, action, entity, entity_id, payload_hash, prev_hash, hash, signature)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertPayload = sqlite.prepare("INSERT INTO ledger_payloads (seq, payload) VALUES (?, ?)");
  }

  /** Chain one event now; its row is written by the next flush(). */
  append(e: EventInput): { seq: number; hash: string } {
    const payload = canonicalJson(e.payload);
    const row: Row = {
      seq: this.seq + 1,
      at: e.at,
      actorId: e.actorId,
      orgId: e.orgId,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId == null ? null : String(e.entityId),
      payloadHash: sha256Hex(payload),
      prevHash: this.head,
      hash: "",
      payload,
    };
    row.hash = eventHash(row);
    this.seq = row.seq;
    this.head = row.hash;
    this.pending.push(row);
    if (++this.unsent === BATCH) this.send();
    return { seq: row.seq, hash: row.hash };
  }

  get size(): number {
    return this.pending.length;
  }

  private send(): void {
    if (!this.unsent) return;
    this.batches.push(this.signers.sign(this.pending.slice(this.pending.length - this.unsent).map((r) => r.hash)));
    this.unsent = 0;
  }

  /** Write the chained rows, in order, in one transaction, once their batches are signed; about
   * `keep` of the newest stay pending, so the workers go on signing while rows are written. */
  async flush(keep = 0): Promise<void> {
    if (keep === 0) this.send();
    const signedBatches = Math.max(0, this.batches.length - Math.ceil(keep / BATCH));
    const signatures = (await Promise.all(this.batches.slice(0, signedBatches))).flat();
    this.batches = this.batches.slice(signedBatches);
    const rows = this.pending.slice(0, signatures.length);
    this.pending = this.pending.slice(signatures.length);
    this.sqlite.transaction(() => {
      rows.forEach((r, i) => {
        this.insertEvent.run(r.seq, r.at, r.actorId, r.orgId, r.action, r.entity, r.entityId, r.payloadHash, r.prevHash, r.hash, signatures[i]);
        this.insertPayload.run(r.seq, r.payload);
      });
    })();
    this.written += rows.length;
  }

  /** Stop the signing threads (after the last flush, or on a failure). */
  stop(): Promise<unknown> {
    return this.signers.close();
  }
}

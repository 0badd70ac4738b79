// One decision submission from its own thread and connection: every worker waits at a shared
// barrier, then all record the same decision at once against the same database file.
import { createPrivateKey, createPublicKey } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "../../db/client";
import { loadActor } from "~/auth/actor.server";
import { recordDecision } from "~/models/decisions.server";
import { DomainError } from "~/models/errors";

const data = workerData as { file: string; pem: string; personId: number; itemId: number; input: Record<string, string>; now: string; barrier: SharedArrayBuffer };
const handle = openDatabase(data.file);
const privateKey = createPrivateKey(data.pem);
const secrets = { privateKey, publicKey: createPublicKey(privateKey), publicKeyPem: "", cookieSecret: "x" };
const actor = loadActor(handle.db, data.personId);
const gate = new Int32Array(data.barrier);
Atomics.add(gate, 0, 1);
Atomics.notify(gate, 0);
while (Atomics.load(gate, 1) === 0) Atomics.wait(gate, 1, 0, 50);
try {
  const result = recordDecision({ db: handle.db, actor, secrets, now: () => new Date(data.now) }, data.itemId, data.input as never);
  parentPort!.postMessage({ ok: true, id: result.id });
} catch (error) {
  parentPort!.postMessage({ ok: false, status: error instanceof DomainError ? error.status : 500, message: error instanceof Error ? error.message : String(error) });
} finally {
  handle.sqlite.close();
}

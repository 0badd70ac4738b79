// A submission from its own thread and its own connection, for the concurrency test: every
// worker waits at a shared barrier, then all submit at once against the same database file.
import { createPrivateKey, createPublicKey } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "../../db/client";
import { loadActor } from "~/auth/actor.server";
import { submit } from "~/models/initiatives.server";

const data = workerData as { file: string; pem: string; personId: number; initiativeId: number; now: string; barrier: SharedArrayBuffer; count: number };
const handle = openDatabase(data.file);
const privateKey = createPrivateKey(data.pem);
const publicKey = createPublicKey(privateKey);
const secrets = { privateKey, publicKey, publicKeyPem: "", cookieSecret: "x" };
const actor = loadActor(handle.db, data.personId);
const gate = new Int32Array(data.barrier);
Atomics.add(gate, 0, 1);
Atomics.notify(gate, 0);
while (Atomics.load(gate, 1) === 0) Atomics.wait(gate, 1, 0, 50);
try {
  const result = submit({ db: handle.db, actor, secrets, now: () => new Date(data.now) }, data.initiativeId);
  parentPort!.postMessage({ ok: true, number: result.registrationNumber });
} catch (error) {
  parentPort!.postMessage({ ok: false, error: String(error) });
} finally {
  handle.sqlite.close();
}

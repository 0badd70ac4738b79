// Worker thread of the whole-chain check (started by ledger-check-run.server.ts). Plain
// JavaScript, so that it runs as is under the production build, tsx and vitest. It opens its
// own read-only connection to the database file (WAL lets it read one snapshot while the
// server keeps writing), runs the shared check and reports progress and the result.
import { createPublicKey } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { verifyChain } from "./ledger-check-core.mjs";

const { file, publicKeyPem, from } = workerData;
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
try {
  sqlite.pragma("busy_timeout = 5000");
  const result = verifyChain(sqlite, createPublicKey(publicKeyPem), {
    from,
    onProgress: (done, total) => parentPort.postMessage({ type: "progress", done, total }),
  });
  parentPort.postMessage({ type: "result", result });
} finally {
  sqlite.close();
}

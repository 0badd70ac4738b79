// The whole-chain check in a worker thread (ledger-check.worker.mjs) with its own read-only
// connection: its progress as it goes, and its outcome, which never rejects.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { reasonOf, type ChainReason } from "./ledger-check.server";
import type { ChainPosition, VerifyResult } from "./ledger-check-core.mjs";

export type CheckOutcome =
  | { state: "intact"; count: number; headSeq: number; headHash: string }
  | { state: "broken"; count: number; brokenSeq: number | null; reason: ChainReason; detail: string }
  /** The check itself could not run to its end (no verdict on the ledger). */
  | { state: "failed"; detail: string };

// The worker is plain JavaScript read from the source tree: the server runs from the project
// folder (like data/ and public/), and the Remix bundle cannot carry a second entry point.
const WORKER_FILE = resolve(process.cwd(), "app/models/ledger-check.worker.mjs");

function outcomeOf(result: VerifyResult): CheckOutcome {
  if (result.ok) return { state: "intact", count: result.count, headSeq: result.headSeq, headHash: result.headHash };
  return { state: "broken", count: result.count, brokenSeq: result.brokenSeq, reason: reasonOf(result.reason), detail: result.reason };
}

/** Run the check in a worker; never rejects (a failure to run becomes a "failed" outcome). */
export function runWorker(
  file: string,
  publicKeyPem: string,
  from: ChainPosition | null,
  onProgress: (done: number, total: number) => void,
): Promise<CheckOutcome> {
  return new Promise((done) => {
    if (file === "" || file === ":memory:") return done({ state: "failed", detail: "an in-memory database cannot be checked by a worker" });
    if (!existsSync(WORKER_FILE)) return done({ state: "failed", detail: `worker file not found: ${WORKER_FILE}` });
    let outcome: CheckOutcome | null = null;
    let worker: Worker;
    try {
      worker = new Worker(WORKER_FILE, { workerData: { file, publicKeyPem, from } });
    } catch (error) {
      return done({ state: "failed", detail: String(error) });
    }
    worker.on("message", (message: { type: "progress"; done: number; total: number } | { type: "result"; result: VerifyResult }) => {
      if (message.type === "progress") onProgress(message.done, message.total);
      else outcome = outcomeOf(message.result);
    });
    worker.on("error", (error) => {
      outcome ??= { state: "failed", detail: error instanceof Error ? error.message : String(error) };
    });
    worker.on("exit", (code) => done(outcome ?? { state: "failed", detail: `the check stopped (exit code ${code})` }));
  });
}

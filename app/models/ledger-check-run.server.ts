// The whole-chain check as the page runs it: in a worker thread with its own read-only
// connection, so that checking a city-sized chain (minutes of signature checks) blocks no
// request. One check at a time per database and process; a second start while one runs
// returns the running one. The last result and the last verified position live in memory
// (a restart forgets them: the check is cheap to run again, and proves nothing it did not
// just compute).
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import { canAnywhere } from "~/auth/policy";
import type { Ctx } from "./context.server";
import { forbidden } from "./errors";
import { reasonOf, type ChainReason } from "./ledger-check.server";
import type { ChainPosition, VerifyResult } from "./ledger-check-core.mjs";

/** "full": every event from the first; "recent": only the events after the last verified
 * position, plus the cheap global checks (see verifyChain). */
export type CheckKind = "full" | "recent";

export type CheckOutcome =
  | { state: "intact"; count: number; headSeq: number; headHash: string }
  | { state: "broken"; count: number; brokenSeq: number | null; reason: ChainReason; detail: string }
  /** The check itself could not run to its end (no verdict on the ledger). */
  | { state: "failed"; detail: string };

export type CheckResult = {
  kind: CheckKind;
  /** For a "recent" check: the position it started after. */
  fromSeq: number | null;
  startedAt: string;
  finishedAt: string;
  outcome: CheckOutcome;
};

export type CheckProgress = { kind: CheckKind; fromSeq: number | null; startedAt: string; done: number; total: number | null };

export type ChainCheckView = {
  running: CheckProgress | null;
  last: CheckResult | null;
  /** Where a "recent" check would start, and when the last full check proved the chain up to there. */
  resume: { seq: number; fullCheckedAt: string } | null;
};

type Slot = {
  running: (CheckProgress & { finished: Promise<CheckResult> }) | null;
  last: CheckResult | null;
  position: (ChainPosition & { fullCheckedAt: string }) | null;
};

// The worker is plain JavaScript read from the source tree: the server runs from the project
// folder (like data/ and public/), and the Remix bundle cannot carry a second entry point.
const WORKER_FILE = resolve(process.cwd(), "app/models/ledger-check.worker.mjs");

declare global {
  // eslint-disable-next-line no-var
  var __ledgerChecks: Map<string, Slot> | undefined;
}

function slotOf(file: string): Slot {
  const slots = (globalThis.__ledgerChecks ??= new Map());
  let slot = slots.get(file);
  if (!slot) {
    slot = { running: null, last: null, position: null };
    slots.set(file, slot);
  }
  return slot;
}

function databaseFile(ctx: Ctx): string {
  return ctx.db.$client.name;
}

function progressOf(running: Slot["running"]): CheckProgress | null {
  if (!running) return null;
  const { kind, fromSeq, startedAt, done, total } = running;
  return { kind, fromSeq, startedAt, done, total };
}

/** What the page shows: the running check's progress, the last result, where a recent check starts. */
export function chainCheckView(ctx: Ctx): ChainCheckView {
  if (!canAnywhere(ctx.actor, "ledger.view")) throw forbidden();
  const slot = slotOf(databaseFile(ctx));
  const resume = slot.position ? { seq: slot.position.seq, fullCheckedAt: slot.position.fullCheckedAt } : null;
  return { running: progressOf(slot.running), last: slot.last, resume };
}

/**
 * Start a check unless one runs already (then that one is returned, `started: false`).
 * A "recent" check without a verified position runs in full: it never proves less than asked.
 */
export function startChainCheck(
  ctx: Ctx,
  requested: CheckKind,
): { started: boolean; progress: CheckProgress; finished: Promise<CheckResult> } {
  if (!canAnywhere(ctx.actor, "ledger.view")) throw forbidden();
  const file = databaseFile(ctx);
  const slot = slotOf(file);
  if (slot.running) return { started: false, progress: progressOf(slot.running)!, finished: slot.running.finished };

  const from = requested === "recent" ? slot.position : null;
  const kind: CheckKind = from ? "recent" : "full";
  const startedAt = ctx.now().toISOString();
  const running: NonNullable<Slot["running"]> = {
    kind,
    fromSeq: from?.seq ?? null,
    startedAt,
    done: 0,
    total: null,
    finished: runWorker(file, ctx.secrets.publicKeyPem, from ? { seq: from.seq, hash: from.hash } : null, (done, total) => {
      running.done = done;
      running.total = total;
    }).then((outcome) => {
      const result: CheckResult = { kind, fromSeq: from?.seq ?? null, startedAt, finishedAt: ctx.now().toISOString(), outcome };
      slot.last = result;
      slot.running = null;
      if (outcome.state === "intact" && outcome.headSeq > 0) {
        const fullCheckedAt = kind === "full" ? result.finishedAt : from!.fullCheckedAt;
        slot.position = { seq: outcome.headSeq, hash: outcome.headHash, fullCheckedAt };
      } else if (outcome.state === "broken") {
        slot.position = null;
      }
      return result;
    }),
  };
  slot.running = running;
  return { started: true, progress: progressOf(running)!, finished: running.finished };
}

function outcomeOf(result: VerifyResult): CheckOutcome {
  if (result.ok) return { state: "intact", count: result.count, headSeq: result.headSeq, headHash: result.headHash };
  return { state: "broken", count: result.count, brokenSeq: result.brokenSeq, reason: reasonOf(result.reason), detail: result.reason };
}

/** Run the check in a worker; never rejects (a failure to run becomes a "failed" outcome). */
function runWorker(
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

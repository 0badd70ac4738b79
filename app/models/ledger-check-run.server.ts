// The whole-chain check as the page runs it: in a worker thread with its own read-only
// connection, so that checking a city-sized chain (minutes of signature checks) blocks no
// request. One check at a time per database, across all the server's processes: the check's
// row in ledger_checks holds its progress and the process's heartbeat, the last results, and
// the signed position a "recent" check starts from. A check whose process ended (its heartbeat
// stopped) is shown as stopped, and a new one may start.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { desc, eq, isNull, sql } from "drizzle-orm";
import { ledgerChecks } from "../../db/schema";
import { canAnywhere } from "~/auth/policy";
import { canonicalJson, sha256Hex } from "~/utils/canonical.server";
import { write, type Ctx } from "./context.server";
import { forbidden } from "./errors";
import { checkSignature, signHash } from "./ledger.server";
import type { ChainPosition } from "./ledger-check-core.mjs";
import { runWorker, type CheckOutcome } from "./ledger-check-thread.server";

export type { CheckOutcome };
/** "full": every event from the first; "recent": only the events after the last verified
 * position, plus the cheap global checks (see verifyChain). */
export type CheckKind = "full" | "recent";


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

type Row = typeof ledgerChecks.$inferSelect;
type Position = ChainPosition & { fullCheckedAt: string };

/** The running process writes its check's progress this often; a check whose row was not
 * written for STALE_MS is one whose process has ended. */
const HEARTBEAT_MS = 2_000;
const STALE_MS = 30_000;
const RUNNER = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;

/** The checks this process runs, by database file and row id: their latest progress and result. */
type Local = { done: number; total: number | null; finished: Promise<CheckResult> };
declare global {
  // eslint-disable-next-line no-var
  var __ledgerChecks: Map<string, Local> | undefined;
}
const locals = (): Map<string, Local> => (globalThis.__ledgerChecks ??= new Map());
const localKey = (ctx: Ctx, id: number) => `${ctx.db.$client.name}#${id}`;

/** Whether a check that has not finished is still running: in this process, or in another
 * whose heartbeat is recent. */
function alive(ctx: Ctx, row: Row): boolean {
  if (row.runner === RUNNER) return locals().has(localKey(ctx, row.id));
  return Math.abs(ctx.now().getTime() - Date.parse(row.heartbeatAt)) < STALE_MS;
}

const openRow = (ctx: Ctx): Row | undefined =>
  ctx.db.select().from(ledgerChecks).where(isNull(ledgerChecks.finishedAt)).orderBy(desc(ledgerChecks.id)).limit(1).get();

function progressOf(ctx: Ctx, row: Row): CheckProgress {
  const local = locals().get(localKey(ctx, row.id));
  return { kind: row.kind, fromSeq: row.fromSeq, startedAt: row.startedAt, done: local?.done ?? row.done, total: local ? local.total : row.total };
}

/** A check whose process ended before it finished. */
const STOPPED: CheckOutcome = { state: "failed", detail: "the server process running the check stopped before it finished" };

function resultOf(row: Row): CheckResult {
  return {
    kind: row.kind,
    fromSeq: row.fromSeq,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt ?? row.heartbeatAt,
    outcome: row.outcome ? (JSON.parse(row.outcome) as CheckOutcome) : STOPPED,
  };
}

const positionHash = (position: Position) => sha256Hex(canonicalJson({ ledgerCheckPosition: position }));

/** Where a "recent" check starts: the head of the last intact check, unless a later one found
 * the chain broken, and only if its signature holds (else a full check runs). */
function resumePosition(ctx: Ctx): Position | null {
  const row = ctx.db
    .select()
    .from(ledgerChecks)
    .where(sql`${ledgerChecks.position} IS NOT NULL OR json_extract(${ledgerChecks.outcome}, '$.state') = 'broken'`)
    .orderBy(desc(ledgerChecks.id))
    .limit(1)
    .get();
  if (!row?.position || !row.positionSignature) return null;
  const position = JSON.parse(row.position) as Position;
  return checkSignature(ctx.secrets.publicKey, positionHash(position), row.positionSignature) ? position : null;
}

/** What the page shows: the running check's progress, the last result, where a recent check starts. */
export function chainCheckView(ctx: Ctx): ChainCheckView {
  if (!canAnywhere(ctx.actor, "ledger.view")) throw forbidden();
  const open = openRow(ctx);
  const running = open && alive(ctx, open) ? open : null;
  // The last check that ended, or the last one whose process stopped before it ended.
  const ended = ctx.db
    .select()
    .from(ledgerChecks)
    .where(running ? sql`${ledgerChecks.id} <> ${running.id}` : undefined)
    .orderBy(desc(ledgerChecks.id))
    .limit(1)
    .get();
  const position = resumePosition(ctx);
  return {
    running: running ? progressOf(ctx, running) : null,
    last: ended ? resultOf(ended) : null,
    resume: position ? { seq: position.seq, fullCheckedAt: position.fullCheckedAt } : null,
  };
}

/** A check run by another process: its result once its row says it finished (or stopped). */
function awaitRow(ctx: Ctx, id: number): Promise<CheckResult> {
  return new Promise((done) => {
    const timer = setInterval(() => {
      const row = ctx.db.select().from(ledgerChecks).where(eq(ledgerChecks.id, id)).get();
      if (!row || row.finishedAt || !alive(ctx, row)) {
        clearInterval(timer);
        done(row ? resultOf(row) : { kind: "full", fromSeq: null, startedAt: "", finishedAt: "", outcome: STOPPED });
      }
    }, 250);
  });
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
  const claimed = write(ctx, (tx) => {
    const open = openRow(ctx);
    if (open && alive(ctx, open)) return { row: open, started: false, from: null };
    // A check whose process ended is closed as stopped.
    if (open) tx.update(ledgerChecks).set({ finishedAt: open.heartbeatAt, outcome: JSON.stringify(STOPPED) }).where(eq(ledgerChecks.id, open.id)).run();
    const from = requested === "recent" ? resumePosition(ctx) : null;
    const now = ctx.now().toISOString();
    const row = tx
      .insert(ledgerChecks)
      .values({ kind: from ? "recent" : "full", fromSeq: from?.seq ?? null, startedAt: now, startedBy: ctx.actor?.personId ?? null, runner: RUNNER, heartbeatAt: now })
      .returning()
      .get();
    return { row, started: true, from };
  });
  const { row, from } = claimed;
  if (!claimed.started) {
    const local = locals().get(localKey(ctx, row.id));
    return { started: false, progress: progressOf(ctx, row), finished: local?.finished ?? awaitRow(ctx, row.id) };
  }

  const key = localKey(ctx, row.id);
  const local = { done: 0, total: null } as Local;
  const heartbeat = ctx.db.$client.prepare("UPDATE ledger_checks SET done = ?, total = ?, heartbeat_at = ? WHERE id = ?");
  const timer = setInterval(() => {
    try {
      heartbeat.run(local.done, local.total, ctx.now().toISOString(), row.id);
    } catch (error) {
      console.error("[ledger-check] heartbeat not written:", error);
    }
  }, HEARTBEAT_MS);
  timer.unref();
  local.finished = runWorker(ctx.db.$client.name, ctx.secrets.publicKeyPem, from ? { seq: from.seq, hash: from.hash } : null, (done, total) => {
    local.done = done;
    local.total = total;
  }).then((outcome) => {
    clearInterval(timer);
    const result: CheckResult = { kind: row.kind, fromSeq: row.fromSeq, startedAt: row.startedAt, finishedAt: ctx.now().toISOString(), outcome };
    const position: Position | null =
      outcome.state === "intact" && outcome.headSeq > 0
        ? { seq: outcome.headSeq, hash: outcome.headHash, fullCheckedAt: from ? from.fullCheckedAt : result.finishedAt }
        : null;
    try {
      write(ctx, (tx) =>
        tx
          .update(ledgerChecks)
          .set({
            finishedAt: result.finishedAt,
            done: local.done,
            total: local.total,
            outcome: JSON.stringify(outcome),
            position: position && JSON.stringify(position),
            positionSignature: position && signHash(ctx.secrets.privateKey, positionHash(position)),
          })
          .where(eq(ledgerChecks.id, row.id))
          .run(),
      );
    } catch (error) {
      console.error("[ledger-check] result not written:", error);
    }
    locals().delete(key);
    return result;
  });
  locals().set(key, local);
  return { started: true, progress: progressOf(ctx, row), finished: local.finished };
}

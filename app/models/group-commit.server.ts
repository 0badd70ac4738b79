// Group commit. Every commit waits for the disk (synchronous = FULL: a registration that was
// confirmed must survive a power cut), about 4 ms, and the whole server waits with it. Writes
// that arrive together (the submissions of many cadres in the last hours before a deadline) are
// queued until the requests read in this turn of the event loop have all been handled, then run
// one after another in one IMMEDIATE transaction, each inside its own SAVEPOINT, and share one
// COMMIT. Each write still sees the ones before it, is checked by the policy and written with its
// ledger event as a whole or not at all: a write that throws rolls back to its savepoint and
// fails alone. Each caller hears of its write only after the COMMIT.
import type { Db } from "../../db/client";
import type { Ctx, Tx } from "./context.server";
import { writeTurn } from "./write-turn.server";

type Job = { fn: (tx: Tx) => unknown; resolve: (value: unknown) => void; reject: (error: unknown) => void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const queues = new WeakMap<Db, Job[]>();

/** `fn` in a write transaction shared with the writes queued in the same turn of the event loop. */
export function writeTogether<T>(ctx: Pick<Ctx, "db">, fn: (tx: Tx) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let queue = queues.get(ctx.db);
    if (!queue) {
      queues.set(ctx.db, (queue = []));
      // With several server processes, the group waits (without blocking) for its turn at the
      // write lock; submissions arriving meanwhile join it.
      setImmediate(() =>
        void writeTurn().then((end) => {
          try {
            flush(ctx.db);
          } finally {
            end();
          }
        }),
      );
    }
    queue.push({ fn, resolve: resolve as (value: unknown) => void, reject });
  });
}

function flush(db: Db): void {
  const jobs = queues.get(db) ?? [];
  queues.delete(db);
  const outcomes: Outcome[] = [];
  try {
    db.transaction(
      (tx) => {
        for (const job of jobs) {
          try {
            outcomes.push({ ok: true, value: tx.transaction((savepoint) => job.fn(savepoint)) });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    // Nothing was committed: every write of the group fails.
    for (const job of jobs) job.reject(error);
    return;
  }
  jobs.forEach((job, i) => {
    const outcome = outcomes[i]!;
    if (outcome.ok) job.resolve(outcome.value);
    else job.reject(outcome.error);
  });
}

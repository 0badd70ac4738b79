// Turns at the database's write lock between the server's processes (app/server.mjs). SQLite
// lets one connection write at a time; a process that asks while another writes waits inside
// SQLite's busy handler, which sleeps on the thread, so every page of that process waits too.
// A group of submissions (group-commit.server.ts) first asks the primary process for a turn
// (app/write-turns.mjs), a message answered in order of asking, and waits for it without blocking its process.
// The lock itself still decides: a turn only keeps the processes from queueing inside SQLite.
// Outside a cluster (one process, the tests, the command-line tools) every turn is immediate.
import cluster from "node:cluster";
import { DONE_MESSAGE, TURN_MESSAGE } from "../write-turns.mjs";
/** A turn not given by then is taken anyway (the lock still orders the writes). */
const TURN_TIMEOUT_MS = 2_000;

const waiting: (() => void)[] = [];
let listening = false;

/** Resolves with the function that ends the turn, once this process may write. */
export function writeTurn(): Promise<() => void> {
  if (!cluster.isWorker || !process.send || !process.connected) return Promise.resolve(() => {});
  if (!listening) {
    listening = true;
    process.on("message", (message: { type?: string }) => {
      if (message?.type === TURN_MESSAGE) waiting.shift()?.();
    });
  }
  return new Promise((resolve) => {
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      if (process.connected) process.send!({ type: DONE_MESSAGE });
    };
    let answered = false;
    const timer = setTimeout(() => {
      answered = true;
      resolve(() => {});
    }, TURN_TIMEOUT_MS);
    // A turn given after the time-out is handed back at once.
    waiting.push(() => {
      if (answered) return end();
      answered = true;
      clearTimeout(timer);
      resolve(end);
    });
    process.send!({ type: TURN_MESSAGE });
  });
}

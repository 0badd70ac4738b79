// The primary process's turns at the write lock: one at a time, in order of asking, and a
// process that ends gives up its turn and its place.
import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { DONE_MESSAGE, keepWriteTurns, TURN_MESSAGE } from "../../app/write-turns.mjs";
import { writeTurn } from "~/models/write-turn.server";

class FakeWorker {
  received: unknown[] = [];
  connected = true;
  constructor(readonly name: string) {}
  isConnected() {
    return this.connected;
  }
  send(message: unknown) {
    this.received.push(message);
  }
  get turns() {
    return this.received.length;
  }
}

const workers = (...names: string[]) => names.map((name) => new FakeWorker(name));

function primary() {
  const cluster = new EventEmitter();
  keepWriteTurns(cluster);
  return {
    ask: (w: FakeWorker) => cluster.emit("message", w, { type: TURN_MESSAGE }),
    done: (w: FakeWorker) => cluster.emit("message", w, { type: DONE_MESSAGE }),
    exit: (w: FakeWorker) => cluster.emit("exit", w),
    other: (w: FakeWorker) => cluster.emit("message", w, { type: "something else" }),
  };
}

describe("turns at the write lock", () => {
  it("gives one turn at a time, in order of asking", () => {
    const p = primary();
    const [a, b, c] = workers("a", "b", "c");
    p.ask(a);
    p.ask(b);
    p.ask(c);
    p.ask(a);
    expect([a.turns, b.turns, c.turns]).toEqual([1, 0, 0]);
    expect(a.received[0]).toEqual({ type: TURN_MESSAGE });
    // Only the holder's "done" moves the turn on.
    p.done(c);
    p.other(a);
    expect([a.turns, b.turns, c.turns]).toEqual([1, 0, 0]);
    p.done(a);
    expect([a.turns, b.turns, c.turns]).toEqual([1, 1, 0]);
    p.done(b);
    p.done(c);
    expect([a.turns, b.turns, c.turns]).toEqual([2, 1, 1]);
    p.done(a);
    p.ask(b);
    expect(b.turns).toBe(2);
  });

  it("passes over a process that ended, holding the turn or waiting for one", () => {
    const p = primary();
    const [a, b, c] = workers("a", "b", "c");
    p.ask(a);
    p.ask(b);
    p.ask(b);
    p.ask(c);
    p.exit(b);
    p.exit(a);
    expect([a.turns, b.turns, c.turns]).toEqual([1, 0, 1]);
    // A process gone without its exit seen yet is skipped too.
    const [d, e] = workers("d", "e");
    p.ask(d);
    p.ask(e);
    d.connected = false;
    p.done(c);
    expect([d.turns, e.turns]).toEqual([0, 1]);
  });

  it("is immediate outside a cluster (one process, the tests, the tools)", async () => {
    const end = await writeTurn();
    expect(typeof end).toBe("function");
    end();
  });
});

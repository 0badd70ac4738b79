// The primary process's side of the turns at the database's write lock
// (app/models/write-turn.server.ts): a process asks with a message, and the turns are given one
// at a time, in order of asking. A process that ends loses its place and its turn.
export const TURN_MESSAGE = "portal:write-turn";
export const DONE_MESSAGE = "portal:write-done";

/** `cluster`: node:cluster, or anything with its "message" and "exit" events. */
export function keepWriteTurns(cluster) {
  const asking = [];
  let holder = null;
  function next() {
    while (holder === null && asking.length) {
      const worker = asking.shift();
      if (!worker.isConnected()) continue;
      holder = worker;
      worker.send({ type: TURN_MESSAGE });
    }
  }
  cluster.on("message", (worker, message) => {
    if (message?.type === TURN_MESSAGE) {
      asking.push(worker);
      next();
    } else if (message?.type === DONE_MESSAGE && holder === worker) {
      holder = null;
      next();
    }
  });
  cluster.on("exit", (worker) => {
    for (let i = asking.indexOf(worker); i >= 0; i = asking.indexOf(worker)) asking.splice(i, 1);
    if (holder === worker) {
      holder = null;
      next();
    }
  });
}

// The HTTP server: one process per core (app/server-worker.mjs, Express around the Remix build),
// sharing the port through node:cluster. Rendering a page is CPU work on its process's one
// thread, so a single process leaves the second core of a two-core server idle.
//
// The processes share nothing but the database, and everything they keep in memory is either
// checked against it on use (the remembered counts and lists, by SQLite's data_version) or
// belongs to one request. Every write is one IMMEDIATE transaction (app/models/context.server.ts,
// group-commit.server.ts), so two processes' writes take turns instead of failing; a ledger
// check's progress is in the database (ledger_checks).
//
// WEB_WORKERS sets the number of processes (default: the cores, at most 2; 1 runs the server in
// this process). The first process opens and migrates the database and makes the keys before
// the others start. A process that ends is replaced; five ends within a minute stop the server.
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { keepWriteTurns } from "./write-turns.mjs";

const WORKERS = Math.max(1, Math.floor(Number(process.env.WEB_WORKERS ?? Math.min(2, availableParallelism()))) || 1);
const RESTARTS = { max: 5, withinMs: 60_000 };

if (WORKERS === 1) {
  await import("./server-worker.mjs");
} else {
  cluster.setupPrimary({ exec: fileURLToPath(new URL("./server-worker.mjs", import.meta.url)) });
  let listening = false;
  let stopping = false;
  const ended = [];

  const first = cluster.fork();
  first.once("listening", (address) => {
    listening = true;
    const host = !address.address || address.address === "0.0.0.0" || address.address === "::" ? "localhost" : address.address;
    console.log(`Cổng sáng kiến đang chạy: http://${host}:${address.port} (${WORKERS} tiến trình)`);
    for (let i = 1; i < WORKERS; i++) cluster.fork();
  });

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    ended.push(now);
    while (ended.length && now - ended[0] > RESTARTS.withinMs) ended.shift();
    if (!listening || ended.length >= RESTARTS.max) {
      console.error(`[server] process ${worker.process.pid} ended (${signal ?? `exit ${code}`}) ${listening ? `${ended.length} times within a minute` : "before the server started"}: stopping.`);
      stop(1);
      return;
    }
    console.error(`[server] process ${worker.process.pid} ended (${signal ?? `exit ${code}`}); starting another.`);
    cluster.fork();
  });

  keepWriteTurns(cluster);

  function stop(exitCode) {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {});
    if (alive.length === 0) process.exit(exitCode);
    for (const worker of alive) worker?.process.kill("SIGTERM");
    process.exitCode = exitCode;
    setTimeout(() => process.exit(exitCode), 5000).unref();
  }
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, () => stop(0));
}

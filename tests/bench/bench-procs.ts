// Child processes of the benchmark: the build and the seed (steps), the production server and a
// raw node:http hello-world (services), and the memory and CPU of the server's processes read
// from /proc. Every
// child is registered so that it is killed on exit, on an error and on Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readdirSync, readFileSync } from "node:fs";

const children = new Set<ChildProcess>();
let handlersInstalled = false;

function killAll(signal: NodeJS.Signals = "SIGTERM"): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(child.pid, signal);
      } catch {
        // already gone
      }
    }
  }
}

/** Kill every child when this process ends, however it ends. */
export function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on("exit", () => killAll("SIGKILL"));
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      console.error(`\n${signal}: stopping the benchmark's processes…`);
      killAll("SIGTERM");
      setTimeout(() => process.exit(130), 300).unref();
    });
  }
}

/** Stop the services (the steps have ended by then); waits for them to go. */
export async function stopChildren(): Promise<void> {
  const alive = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
  killAll("SIGTERM");
  await Promise.race([
    Promise.all(alive.map((c) => new Promise((r) => c.once("exit", r)))),
    new Promise((r) => setTimeout(r, 3000).unref()),
  ]);
  killAll("SIGKILL");
}

/** Run a command to its end with the output on the screen; rejects on a non-zero exit. */
export function runStep(label: string, command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });
    children.add(child);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${signal ?? `exit ${code}`}): ${command} ${args.join(" ")}`));
    });
  });
}

export type Service = {
  name: string;
  pid: number;
  /** Everything the service wrote to stderr so far. */
  stderr(): string;
  exited(): boolean;
};

/** Start a long-running child; its output goes to `logFile` (stderr is also kept in memory). */
export function startService(name: string, command: string, args: string[], env: Record<string, string>, logFile: string): Service {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  if (!child.pid) throw new Error(`${name} did not start`);
  children.add(child);
  const log = createWriteStream(logFile);
  let err = "";
  child.stdout!.pipe(log, { end: false });
  child.stderr!.on("data", (chunk: Buffer) => {
    log.write(chunk);
    if (err.length < 5_000_000) err += chunk.toString("utf8");
  });
  child.on("exit", (code, signal) => {
    log.end(`\n[${name} exited: ${signal ?? code}]\n`);
  });
  return { name, pid: child.pid, stderr: () => err, exited: () => child.exitCode !== null || child.signalCode !== null };
}

/** Poll `url` until it answers 200 (or `service` dies, or the time is up). */
export async function waitForHttp(url: string, service: Service, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = "";
  while (Date.now() < until) {
    if (service.exited()) throw new Error(`${service.name} exited before answering:\n${service.stderr().slice(-2000)}`);
    try {
      const res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${service.name} did not answer ${url} within ${timeoutMs / 1000} s (${last})`);
}

/** The raw node:http server: the ceiling of this machine for a trivial response. */
export const BUSY_MS = 5;

export function startHello(port: number, logFile: string): Service {
  // /busy burns BUSY_MS of CPU before answering: what any single-threaded server with that much
  // work per request shows for p50 and p99 at the run's concurrency (the queueing reference).
  const code = `require("node:http").createServer((q, s) => { if (q.url === "/busy") { const t = performance.now(); while (performance.now() - t < ${BUSY_MS}) {} } s.setHeader("Content-Type", "text/plain"); s.end("hello world"); }).listen(${port}, "127.0.0.1", () => console.log("hello on ${port}"));`;
  return startService("hello-world", process.execPath, ["-e", code], {}, logFile);
}

/** A process and its descendants (the server's primary and its worker processes). */
export function processTree(pid: number): number[] {
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${tree[i]}/task`)) {
        const children = readFileSync(`/proc/${tree[i]}/task/${task}/children`, "utf8").trim();
        if (children) tree.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // gone
    }
  }
  return tree;
}

/** kB of a field of /proc/<pid>/smaps_rollup (Rss, Pss), or null when unreadable. */
function rollupKb(pid: number, field: "Rss" | "Pss"): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export type MemoryPeak = {
  /** The memory the server's processes take from the machine: proportional set sizes added up,
   * so the pages they share (Node's own code, mapped once) count once. The budget's measure. */
  peakPssMb: number;
  /** Resident sets added up: shared pages count once per process. */
  peakRssMb: number;
  processes: number;
};

/** Polls the memory of a process and its descendants; `mark()` gives the peak of a stretch. */
export class MemoryMonitor {
  private timer: NodeJS.Timeout | null = null;
  private peak = { pss: 0, rss: 0, processes: 0 };
  private stretch = 0;
  constructor(private pid: number, private everyMs = 200) {}
  start(): void {
    this.timer = setInterval(() => this.sample(), this.everyMs);
    this.timer.unref();
  }
  private sample(): void {
    let pss = 0;
    let rss = 0;
    const tree = processTree(this.pid);
    for (const pid of tree) {
      pss += rollupKb(pid, "Pss") ?? 0;
      rss += rollupKb(pid, "Rss") ?? 0;
    }
    this.peak = { pss: Math.max(this.peak.pss, pss), rss: Math.max(this.peak.rss, rss), processes: Math.max(this.peak.processes, tree.length) };
    this.stretch = Math.max(this.stretch, pss);
  }
  /** Start a new stretch (a scenario); returns the peak PSS of the previous one in MB. */
  mark(): number {
    this.sample();
    const mb = this.stretch / 1024;
    this.stretch = 0;
    return mb;
  }
  stop(): MemoryPeak {
    this.sample();
    if (this.timer) clearInterval(this.timer);
    return { peakPssMb: this.peak.pss / 1024, peakRssMb: this.peak.rss / 1024, processes: this.peak.processes };
  }
}

/** CPU time a process tree has used, in clock ticks (utime + stime of /proc/<pid>/stat). */
function cpuTicks(pid: number): number | null {
  let ticks: number | null = null;
  for (const one of processTree(pid)) {
    try {
      const stat = readFileSync(`/proc/${one}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks = (ticks ?? 0) + Number(fields[11]) + Number(fields[12]);
    } catch {
      // gone
    }
  }
  return ticks;
}

/** Wait until a server has worked off what the last load left it (requests whose client has
 * gone are still rendered): its CPU use over 250 ms drops under ~10 % of a core. Returns the
 * seconds waited. */
export async function waitIdle(pid: number, timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  let before = cpuTicks(pid);
  while (before !== null && Date.now() - started < timeoutMs) {
    await new Promise((r) => setTimeout(r, 250));
    const now = cpuTicks(pid);
    if (now === null || now - before <= 2) break;
    before = now;
  }
  return (Date.now() - started) / 1000;
}

/** The node flags of `npm run serve` (the heap limits production runs with), so that the server
 * is measured as it is run. */
export function serveFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> };
  const words = pkg.scripts.serve!.split(/\s+/);
  return words.slice(words.indexOf("node") + 1, words.indexOf("app/server.mjs"));
}

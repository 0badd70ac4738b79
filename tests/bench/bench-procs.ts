// Child processes of the benchmark: the build and the seed (steps), the production server and a
// raw node:http hello-world (services), and the memory of the server read from /proc. Every
// child is registered so that it is killed on exit, on an error and on Ctrl-C.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";

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

/** kB of a /proc/<pid>/status field (VmRSS, VmHWM), or null when unreadable. */
export function procStatusKb(pid: number, field: "VmRSS" | "VmHWM"): number | null {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Polls a process's resident memory; `peakSince(mark)` gives the peak of a stretch of the run. */
export class RssMonitor {
  private timer: NodeJS.Timeout | null = null;
  private peak = 0;
  private stretch = 0;
  constructor(private pid: number, private everyMs = 200) {}
  start(): void {
    this.timer = setInterval(() => this.sample(), this.everyMs);
    this.timer.unref();
  }
  private sample(): void {
    const kb = procStatusKb(this.pid, "VmRSS");
    if (kb === null) return;
    this.peak = Math.max(this.peak, kb);
    this.stretch = Math.max(this.stretch, kb);
  }
  /** Start a new stretch (a scenario); returns the peak of the previous one in MB. */
  mark(): number {
    this.sample();
    const mb = this.stretch / 1024;
    this.stretch = 0;
    return mb;
  }
  stop(): { peakRssMb: number; hwmMb: number | null } {
    this.sample();
    if (this.timer) clearInterval(this.timer);
    const hwm = procStatusKb(this.pid, "VmHWM");
    return { peakRssMb: this.peak / 1024, hwmMb: hwm === null ? null : hwm / 1024 };
  }
}

/** CPU time a process has used, in clock ticks (utime + stime of /proc/<pid>/stat). */
function cpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
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

// One load scenario with autocannon (programmatic API, in this process): a short warm-up, then
// a fixed duration at N connections; paths may vary per request (setupRequest), and responses
// are judged per scenario (a GET page must answer 200; a submission must redirect to /da-nop).
import { createRequire } from "node:module";

type Histogram = { average: number; p50: number; p90: number; p99: number; max: number; total?: number };
type AcRequest = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
type AcResult = {
  requests: Histogram & { total: number };
  latency: Histogram;
  throughput: Histogram;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
};
type AcInstance = { stop(): void };
type AcOptions = {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  timeout?: number;
  headers?: Record<string, string>;
  method?: string;
  body?: string;
  requests?: {
    method?: string;
    setupRequest?: (req: AcRequest, context: object) => AcRequest;
    onResponse?: (status: number, body: string, context: object, headers: Record<string, string | string[]>) => void;
  }[];
};
type Autocannon = (opts: AcOptions, cb: (err: Error | null, result: AcResult) => void) => AcInstance;

const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

export type Scenario = {
  name: string;
  /** Budget group: the ratio to the sign-in page is judged for list, detail and search; a
   * reference page (the stack's floor) gets the ratio and no verdict. */
  group: "ceiling" | "signin" | "reference" | "page" | "list" | "detail" | "search" | "submit";
  url: string; // origin, e.g. http://127.0.0.1:3900
  /** A fixed path, or one chosen per request. */
  path: string | (() => string);
  headers?: Record<string, string>;
  method?: "GET" | "POST";
  body?: string;
  /** Per-request headers (a different cadre's cookie per submission). */
  perRequest?: () => { path: string; headers: Record<string, string> } | null;
  /** Stop after this many requests (submissions: each draft once), asked before each phase. */
  amount?: () => number;
  /** What counts as a good response (default: status 200). */
  ok?: (status: number, headers: Record<string, string | string[]>) => boolean;
};

export type LoadResult = {
  name: string;
  group: Scenario["group"];
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requests: number;
  /** Responses that were not what the scenario expects (redirects to sign-in, 4xx, 5xx). */
  bad: number;
  /** Connection errors and timeouts. */
  errors: number;
  statuses: Record<string, number>;
  durationS: number;
  /** Peak memory of the server's processes during the scenario (PSS added up), MB. */
  peakMemoryMb?: number;
  /** The sign-in page's req/s measured just before this scenario: its ratio's denominator. */
  referenceRps?: number;
};

function once(s: Scenario, connections: number, seconds: number, amount?: number): Promise<{ r: AcResult; bad: number }> {
  let bad = 0;
  const ok = s.ok ?? ((status: number) => status === 200);
  const base = typeof s.path === "string" ? s.path : "/";
  const setup = (req: AcRequest): AcRequest => {
    if (s.perRequest) {
      const next = s.perRequest();
      if (next) return { ...req, path: next.path, headers: { ...req.headers, ...next.headers } };
      return req;
    }
    return typeof s.path === "function" ? { ...req, path: s.path() } : req;
  };
  const dynamic = !!s.perRequest || typeof s.path === "function";
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: s.url + base,
        connections,
        // With an amount autocannon ignores the duration: a timer stops it instead.
        ...(amount ? { amount } : { duration: seconds }),
        timeout: 10,
        method: s.method ?? "GET",
        headers: { "User-Agent": "portal-bench", ...(s.headers ?? {}) },
        ...(s.body ? { body: s.body } : {}),
        requests: [
          {
            ...(dynamic ? { setupRequest: setup } : {}),
            onResponse: (status, _body, _ctx, headers) => {
              if (!ok(status, headers)) bad++;
            },
          },
        ],
      },
      (err, r) => (err ? reject(err) : resolve({ r, bad })),
    );
    if (amount) setTimeout(() => instance.stop(), seconds * 1000).unref();
  });
}

/** Warm up, then measure. */
export async function runScenario(
  s: Scenario,
  o: { connections: number; duration: number; warmup: number },
  /** Resolves once the server has finished what the previous phase left in flight. */
  settle: () => Promise<unknown>,
): Promise<LoadResult> {
  if (o.warmup > 0) {
    const warm = s.amount ? Math.min(s.amount(), o.connections * 5) : undefined;
    if (warm === undefined || warm > 0) await once(s, o.connections, o.warmup, warm);
    await settle();
  }
  const amount = s.amount ? s.amount() : undefined;
  if (amount !== undefined && amount < 1) throw new Error(`${s.name}: nothing left to send`);
  const { r, bad } = await once(s, o.connections, o.duration, amount);
  const statuses = Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, v.count]));
  const total = r.requests.total;
  return {
    name: s.name,
    group: s.group,
    rps: r.duration > 0 ? total / r.duration : 0,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    requests: total,
    bad,
    errors: r.errors,
    statuses,
    durationS: r.duration,
  };
}

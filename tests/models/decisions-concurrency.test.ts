// Twenty simultaneous submissions of the same decision, from twenty threads with their own
// connections released at once: exactly one decision, one set of credit entries, one ledger
// event; the other nineteen get the clear conflict.
import { afterEach, expect, it } from "vitest";
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { verifyLedger } from "~/models/ledger.server";
import { council, VALID, type Setup } from "./decisions-fixture";

let s: Setup;
afterEach(() => {
  expect(verifyLedger(s.t.handle.sqlite, s.t.secrets.publicKey).ok).toBe(true);
  s.t.close();
});

type Result = { ok: boolean; id?: number; status?: number; message?: string };

it("records exactly one decision out of 20 simultaneous submissions", async () => {
  s = council();
  s.score([80, 76]);
  const file = s.t.handle.sqlite.name;
  const pem = s.t.secrets.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const barrier = new SharedArrayBuffer(8);
  const gate = new Int32Array(barrier);
  const script = fileURLToPath(new URL("./decisions-record.worker.ts", import.meta.url));
  const n = 20;
  const done = Array.from(
    { length: n },
    (_, i) =>
      new Promise<Result>((resolve, reject) => {
        const w = new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(script)});`, {
          eval: true,
          workerData: { file, pem, personId: i % 2 ? s.q.chair : s.q.secretary, itemId: s.itemId, input: { ...VALID }, now: s.t.clock.now.toISOString(), barrier },
        });
        w.once("message", resolve);
        w.once("error", reject);
      }),
  );
  const deadline = Date.now() + 30_000;
  while (Atomics.load(gate, 0) < n && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  Atomics.store(gate, 1, 1);
  Atomics.notify(gate, 1);
  const results = await Promise.all(done);
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  const refused = results.filter((r) => !r.ok);
  expect(new Set(refused.map((r) => `${r.status} ${r.message}`))).toEqual(new Set(["409 decisions.errors.alreadyDecided"]));
  const one = (q: string) => (s.t.handle.sqlite.prepare(q).get() as { n: number }).n;
  expect(one("SELECT count(*) AS n FROM decisions")).toBe(1);
  expect(one("SELECT count(*) AS n FROM credit_entries")).toBe(3);
  expect(one("SELECT count(*) AS n FROM ledger_events WHERE action = 'decision.recorded'")).toBe(1);
  expect(one("SELECT count(*) AS n FROM notifications WHERE key = 'decisions.notify.recorded'")).toBe(2);
}, 90_000);

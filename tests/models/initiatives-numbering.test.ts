// Registration numbers: unique and consecutive under contention (separate connections, and
// separate threads), one counter per prefix and year in Ho Chi Minh City time, kept on resubmission.
import { describe, expect, it } from "vitest";
import { Worker } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { openDatabase, type Handle } from "../../db/client";
import { returnForRevision, saveSection, submit } from "~/models/initiatives.server";
import { draft, type Tree } from "./initiatives-fixture";
import { treePerTest } from "./initiatives-tree";

let x: Tree;
treePerTest((t) => (x = t));

const counter = (prefix: string, year: number) =>
  (x.t.handle.sqlite.prepare("SELECT last FROM registration_counters WHERE prefix = ? AND year = ?").get(prefix, year) as { last: number } | undefined)?.last;

describe("numbering", () => {
  it("numbers per prefix and per year of Ho Chi Minh City, and a resubmission keeps its number", () => {
    const me = x.as(x.p.cadre);
    expect(submit(me, draft(me)).registrationNumber).toBe("SK-2026-000001");
    expect(submit(me, draft(me, "solution")).registrationNumber).toBe("GP-2026-000001");
    const third = draft(me);
    expect(submit(me, third).registrationNumber).toBe("SK-2026-000002");

    returnForRevision(x.as(x.p.wardLeader), third, { reason: "Bổ sung số liệu." });
    saveSection(me, third, "conditions", { conditions: "Có mạng nội bộ và máy in." });
    expect(submit(me, third).registrationNumber).toBe("SK-2026-000002");
    expect(counter("SK", 2026)).toBe(2);

    // 31/12/2026 23:59:59 in Ho Chi Minh City is still 2026; one second later it is 2027.
    x.t.clock.now = new Date("2026-12-31T16:59:59.000Z");
    expect(submit(me, draft(me)).registrationNumber).toBe("SK-2026-000003");
    x.t.clock.now = new Date("2026-12-31T17:00:00.000Z");
    expect(submit(me, draft(me)).registrationNumber).toBe("SK-2027-000001");
    expect(submit(me, draft(me, "solution")).registrationNumber).toBe("GP-2027-000001");
    expect(counter("SK", 2026)).toBe(3);
    expect(counter("SK", 2027)).toBe(1);
  });

  it("gives 20 submissions over 20 connections to the same file 20 distinct consecutive numbers", async () => {
    const me = x.as(x.p.cadre);
    const ids = Array.from({ length: 20 }, () => draft(me));
    const file = x.t.handle.sqlite.name;
    const handles: Handle[] = ids.map(() => openDatabase(file));
    try {
      const results = await Promise.all(
        ids.map(async (id, i) => submit({ ...me, db: handles[i].db }, id)),
      );
      const numbers = results.map((r) => r.registrationNumber).sort();
      expect(new Set(numbers).size).toBe(20);
      expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `SK-2026-${String(i + 1).padStart(6, "0")}`));
      expect(new Set(results.map((r) => r.ledgerSeq)).size).toBe(20);
    } finally {
      for (const h of handles) h.sqlite.close();
    }
    expect(counter("SK", 2026)).toBe(20);
  });

  it("gives 20 submissions from 20 threads released at once 20 distinct consecutive numbers", async () => {
    const me = x.as(x.p.cadre);
    const ids = Array.from({ length: 20 }, () => draft(me));
    const file = x.t.handle.sqlite.name;
    const pem = x.t.secrets.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const barrier = new SharedArrayBuffer(8);
    const gate = new Int32Array(barrier);
    const script = fileURLToPath(new URL("./initiatives-submit.worker.ts", import.meta.url));
    const done = ids.map(
      (initiativeId) =>
        new Promise<{ ok: boolean; number?: string; error?: string }>((resolve, reject) => {
          // tsx compiles the TypeScript worker (and resolves "~/") inside the thread.
          const w = new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(script)});`, {
            eval: true,
            workerData: { file, pem, personId: x.p.cadre, initiativeId, now: x.t.clock.now.toISOString(), barrier, count: ids.length },
          });
          w.once("message", resolve);
          w.once("error", reject);
        }),
    );
    // Release them together once every thread has opened its connection.
    const deadline = Date.now() + 20_000;
    while (Atomics.load(gate, 0) < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    Atomics.store(gate, 1, 1);
    Atomics.notify(gate, 1);
    const results = await Promise.all(done);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    const numbers = results.map((r) => r.number!).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `SK-2026-${String(i + 1).padStart(6, "0")}`));
    expect(counter("SK", 2026)).toBe(20);
    const statuses = x.t.handle.sqlite.prepare("SELECT DISTINCT status FROM initiatives").all() as { status: string }[];
    expect(statuses).toEqual([{ status: "submitted" }]);
  }, 60_000);
});

// Submissions that arrive together share one COMMIT, each in its own savepoint: the valid ones
// are registered in order with their ledger events, a refused one changes nothing, and the
// chain stays whole.
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { createDraft, submitTogether } from "~/models/initiatives.server";
import { verifyLedger } from "~/models/ledger.server";
import { draft, tree, type Tree } from "./initiatives-fixture";

let x: Tree;
beforeEach(() => {
  x = tree();
});
afterEach(() => x.t.close());

const row = (x: Tree, id: number) => x.t.handle.sqlite.prepare("SELECT status, registration_number FROM initiatives WHERE id = ?").get(id);
const events = (x: Tree) => (x.t.handle.sqlite.prepare("SELECT count(*) AS n FROM ledger_events").get() as { n: number }).n;

it("commits the writes of one moment together, each whole or not at all", async () => {
  const cadre = x.as(x.p.cadre);
  const other = x.as(x.p.cadreC2);
  const first = draft(cadre);
  const incomplete = createDraft(cadre, { kind: "initiative" }).id;
  const second = draft(other, "solution");
  const before = events(x);
  const transaction = vi.spyOn(x.t.handle.db, "transaction");

  const outcomes = await Promise.allSettled([submitTogether(cadre, first), submitTogether(cadre, incomplete), submitTogether(other, second)]);

  expect(transaction).toHaveBeenCalledTimes(1);
  expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  const [a, , b] = outcomes.map((o) => (o.status === "fulfilled" ? o.value : null));
  expect(a!.registrationNumber).toMatch(/^SK-2026-\d+$/);
  expect(b!.registrationNumber).toMatch(/^GP-2026-\d+$/);
  expect(b!.ledgerSeq).toBe(a!.ledgerSeq + 1);
  expect(events(x)).toBe(before + 2);
  expect(row(x, first)).toEqual({ status: "submitted", registration_number: a!.registrationNumber });
  expect(row(x, incomplete)).toEqual({ status: "draft", registration_number: null });
  expect(verifyLedger(x.t.handle.sqlite, x.t.secrets.publicKey).ok).toBe(true);
});

it("starts a new group for writes queued after a commit", async () => {
  const cadre = x.as(x.p.cadre);
  const first = await submitTogether(cadre, draft(cadre));
  const second = await submitTogether(cadre, draft(cadre));
  expect(second.ledgerSeq).toBeGreaterThan(first.ledgerSeq);
  expect(verifyLedger(x.t.handle.sqlite, x.t.secrets.publicKey).ok).toBe(true);
});

// The per-test tree of the initiative model tests (vitest hooks: kept out of
// initiatives-fixture.ts, which the browser tests import too).
import { afterEach, beforeEach, expect } from "vitest";
import { verifyLedger } from "~/models/ledger.server";
import { tree, type Tree } from "./initiatives-fixture";

/** A fresh tree for every test of the file (handed to `use`); after each test the ledger must
 * verify, after everything the test did, and the database is closed. */
export function treePerTest(use: (x: Tree) => void): void {
  let x: Tree;
  beforeEach(() => use((x = tree())));
  afterEach(() => {
    expect(verifyLedger(x.t.handle.sqlite, x.t.secrets.publicKey).ok).toBe(true);
    x.t.close();
  });
}

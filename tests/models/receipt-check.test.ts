import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { receiptFor, submit } from "~/models/initiatives.server";
import { checkReceipt } from "~/models/receipt-check.server";
import { receiptText } from "~/models/receipts.server";
import { draft, tree, type Tree } from "./initiatives-fixture";

let w: Tree;
let text: string;
beforeEach(() => {
  w = tree();
  const me = w.as(w.p.cadre);
  const id = draft(me);
  submit(me, id);
  text = receiptText(receiptFor(me, id));
});
afterEach(() => w.t.close());

// The public check runs with no one signed in.
const check = (s: string) => checkReceipt(w.t.ctx(null), s);

describe("public receipt check", () => {
  it("confirms the signature, the stored version and the ledger position", () => {
    const result = check(text);
    expect(result).toMatchObject({ signature: "valid", record: "matches", ledger: "matches" });
    expect(result.receipt?.registrationNumber).toMatch(/^SK-2026-\d{6}$/);
  });

  it("says the receipt was altered when one character changes, and reveals nothing then", () => {
    const result = check(text.replace(/"version": 1/, '"version": 2'));
    expect(result).toEqual({ signature: "bad_signature", record: null, ledger: null, receipt: null });
  });

  it("a submitted version cannot be changed or deleted", () => {
    expect(() => w.t.handle.sqlite.prepare("UPDATE initiative_versions SET content = '{}' WHERE version = 1").run()).toThrow(/frozen/);
    expect(() => w.t.handle.sqlite.prepare("DELETE FROM initiative_versions WHERE version = 1").run()).toThrow(/frozen/);
  });

  it("says the record changed when the stored version no longer has the receipt's hash (trigger dropped)", () => {
    w.t.handle.sqlite.exec("DROP TRIGGER initiative_versions_frozen");
    w.t.handle.sqlite.prepare("UPDATE initiative_versions SET content_sha256 = ? WHERE version = 1").run("e".repeat(64));
    expect(check(text)).toMatchObject({ signature: "valid", record: "changed" });
  });

  it("refuses what is not a receipt", () => {
    expect(check("{}")).toMatchObject({ signature: "unreadable", record: null });
  });
});

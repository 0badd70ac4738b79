// The public receipt check: anyone holding a receipt learns whether the portal signed it and
// whether the registration it names still holds exactly that content at that ledger position.
// It reveals nothing the receipt does not already say.
import { and, eq } from "drizzle-orm";
import { initiatives, initiativeVersions, ledgerEvents } from "../../db/schema";
import type { Ctx } from "./context.server";
import { verifyReceipt, type ReceiptBody } from "./receipts.server";

export type ReceiptCheckResult = {
  signature: "valid" | "unreadable" | "wrong_key" | "bad_signature";
  /** Only when the signature is valid: does the stored registration still match? */
  record: "matches" | "changed" | "not_found" | null;
  /** Only when the signature is valid: the line of the ledger it points to. */
  ledger: "matches" | "changed" | null;
  receipt: ReceiptBody | null;
};

export function checkReceipt(ctx: Ctx, text: string): ReceiptCheckResult {
  const result = verifyReceipt(text, ctx.secrets.publicKey);
  if (!result.valid) return { signature: result.reason, record: null, ledger: null, receipt: null };
  const r = result.receipt;
  const version = ctx.db
    .select({ contentSha256: initiativeVersions.contentSha256, ledgerSeq: initiativeVersions.ledgerSeq, ledgerHash: initiativeVersions.ledgerHash })
    .from(initiatives)
    .innerJoin(initiativeVersions, eq(initiativeVersions.initiativeId, initiatives.id))
    .where(and(eq(initiatives.registrationNumber, r.registrationNumber), eq(initiativeVersions.version, r.version)))
    .get();
  const event = ctx.db.select({ hash: ledgerEvents.hash }).from(ledgerEvents).where(eq(ledgerEvents.seq, r.ledger.seq)).get();
  const record = !version
    ? "not_found"
    : version.contentSha256 === r.contentSha256 && version.ledgerSeq === r.ledger.seq && version.ledgerHash === r.ledger.hash
      ? "matches"
      : "changed";
  return { signature: "valid", record, ledger: event?.hash === r.ledger.hash ? "matches" : "changed", receipt: r };
}

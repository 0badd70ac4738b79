// Signed receipts (biên nhận): a JSON document the authors keep, signed with the portal's
// Ed25519 key, that anyone can check offline with the published public key.
import { createHash, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import * as z from "zod";
import { canonicalJson } from "~/utils/canonical.server";

export const RECEIPT_FORMAT = "cong-sang-kien/bien-nhan/1";

/** What a receipt attests. Everything here is covered by the signature. */
export const receiptBody = z.object({
  registrationNumber: z.string().min(1),
  kind: z.string().min(1),
  title: z.string().min(1),
  authors: z.array(z.object({ name: z.string().min(1), share: z.number() })).min(1),
  organization: z.string().min(1),
  submittedAt: z.string().min(1),
  version: z.number().int().positive(),
  contentSha256: z.string().regex(/^[0-9a-f]{64}$/),
  ledger: z.object({ seq: z.number().int().positive(), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  issuedAt: z.string().min(1),
});
export type ReceiptBody = z.infer<typeof receiptBody>;

const receiptFile = z.object({
  format: z.literal(RECEIPT_FORMAT),
  receipt: receiptBody,
  signature: z.object({ algorithm: z.literal("Ed25519"), keyId: z.string(), value: z.string() }),
});
export type ReceiptFile = z.infer<typeof receiptFile>;

/** A short, stable name for a public key: the first 16 hex digits of SHA-256 of its DER. */
export function keyId(publicKey: KeyObject): string {
  return createHash("sha256").update(publicKey.export({ type: "spki", format: "der" })).digest("hex").slice(0, 16);
}

function signedBytes(body: ReceiptBody): Buffer {
  return Buffer.from(canonicalJson({ format: RECEIPT_FORMAT, receipt: body }), "utf8");
}

export function signReceipt(privateKey: KeyObject, body: ReceiptBody): ReceiptFile {
  const publicKey = createPublicKey(privateKey);
  return {
    format: RECEIPT_FORMAT,
    receipt: body,
    signature: { algorithm: "Ed25519", keyId: keyId(publicKey), value: sign(null, signedBytes(body), privateKey).toString("base64") },
  };
}

export type ReceiptCheck =
  | { valid: true; receipt: ReceiptBody }
  | { valid: false; reason: "unreadable" | "wrong_key" | "bad_signature"; receipt?: ReceiptBody };

/** Check a receipt file's text against a public key: readable, signed by that key, unaltered. */
export function verifyReceipt(text: string, publicKey: KeyObject): ReceiptCheck {
  let parsed: ReceiptFile;
  try {
    const result = receiptFile.safeParse(JSON.parse(text));
    if (!result.success) return { valid: false, reason: "unreadable" };
    parsed = result.data;
  } catch {
    return { valid: false, reason: "unreadable" };
  }
  if (parsed.signature.keyId !== keyId(publicKey)) return { valid: false, reason: "wrong_key", receipt: parsed.receipt };
  let ok = false;
  try {
    ok = verify(null, signedBytes(parsed.receipt), publicKey, Buffer.from(parsed.signature.value, "base64"));
  } catch {
    ok = false;
  }
  return ok ? { valid: true, receipt: parsed.receipt } : { valid: false, reason: "bad_signature", receipt: parsed.receipt };
}

export function receiptText(file: ReceiptFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyId, receiptText, signReceipt, verifyReceipt, type ReceiptBody } from "~/models/receipts.server";

const { privateKey, publicKey } = generateKeyPairSync("ed25519");
const body: ReceiptBody = {
  registrationNumber: "SK-2026-000123",
  kind: "initiative",
  title: "Số hóa quy trình tiếp nhận phản ánh của người dân",
  authors: [
    { name: "Hoàng Thị Lan", share: 60 },
    { name: "Đỗ Minh Tuấn", share: 40 },
  ],
  organization: "Chi bộ Văn phòng — Đảng ủy Phường Sài Gòn",
  submittedAt: "2026-11-27T03:00:00.000Z",
  version: 1,
  contentSha256: "a".repeat(64),
  ledger: { seq: 305, hash: "b".repeat(64) },
  issuedAt: "2026-11-27T03:00:01.000Z",
};

describe("receipts", () => {
  it("a signed receipt verifies with the portal's public key", () => {
    const text = receiptText(signReceipt(privateKey, body));
    const result = verifyReceipt(text, publicKey);
    expect(result.valid).toBe(true);
    if (result.valid) expect(result.receipt).toEqual(body);
    expect(JSON.parse(text).signature.keyId).toBe(keyId(publicKey));
  });

  it("fails when any character of what it attests is changed", () => {
    const text = receiptText(signReceipt(privateKey, body));
    for (const [from, to] of [
      ["SK-2026-000123", "SK-2026-000124"],
      ["03:00:00.000Z", "02:59:00.000Z"],
      ['"share": 60', '"share": 61'],
      ["Số hóa", "Số hoá"],
    ]) {
      const altered = text.replace(from, to);
      expect(altered).not.toBe(text);
      expect(verifyReceipt(altered, publicKey)).toMatchObject({ valid: false, reason: "bad_signature" });
    }
  });

  it("fails when the signature bytes are changed", () => {
    const file = signReceipt(privateKey, body);
    const sig = Buffer.from(file.signature.value, "base64");
    sig[0] ^= 1;
    const altered = { ...file, signature: { ...file.signature, value: sig.toString("base64") } };
    expect(verifyReceipt(JSON.stringify(altered), publicKey)).toMatchObject({ valid: false, reason: "bad_signature" });
  });

  it("names another key, and refuses what is not a receipt", () => {
    const other = generateKeyPairSync("ed25519");
    const text = receiptText(signReceipt(other.privateKey, body));
    expect(verifyReceipt(text, publicKey)).toMatchObject({ valid: false, reason: "wrong_key" });
    expect(verifyReceipt("not json", publicKey)).toEqual({ valid: false, reason: "unreadable" });
    expect(verifyReceipt(JSON.stringify({ format: "x" }), publicKey)).toEqual({ valid: false, reason: "unreadable" });
  });
});

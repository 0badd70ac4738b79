// npm run receipt:verify -- FILE [--key PUBLIC_KEY.pem]
// Checks a receipt offline with only the portal's public key (published at
// /khoa-cong-khai.pem). Exit 0 when valid, 1 when not, 2 when the command was misused.
import { createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { secretsDir } from "./secrets";
import { verifyReceipt } from "~/models/receipts.server";

const args = process.argv.slice(2);
const keyAt = args.indexOf("--key");
const keyFile = keyAt >= 0 ? args[keyAt + 1] : join(secretsDir(), "ledger-ed25519.pub.pem");
const file = args.find((a, i) => !a.startsWith("--") && (keyAt < 0 || i !== keyAt + 1));
if (!file || !keyFile) {
  console.error("Cách dùng / usage: npm run receipt:verify -- BIEN-NHAN.json [--key khoa-cong-khai.pem]");
  process.exit(2);
}
let text: string;
let keyPem: string;
try {
  text = readFileSync(file, "utf8");
  keyPem = readFileSync(keyFile, "utf8");
} catch (error) {
  console.error(`Không đọc được tệp / cannot read: ${(error as Error).message}`);
  process.exit(2);
}
const result = verifyReceipt(text, createPublicKey(keyPem));
if (result.valid) {
  const r = result.receipt;
  console.log(`HỢP LỆ / VALID: ${r.registrationNumber} — ${r.title}`);
  console.log(`Nộp lúc / submitted at ${r.submittedAt} · sổ cái / ledger #${r.ledger.seq} ${r.ledger.hash}`);
  console.log(`SHA-256 nội dung / content: ${r.contentSha256}`);
  process.exit(0);
}
const reasons = {
  unreadable: "không phải biên nhận của Cổng / not a portal receipt",
  wrong_key: "ký bằng khóa khác / signed with another key",
  bad_signature: "chữ ký không khớp, nội dung đã bị sửa / signature does not match: the receipt was altered",
};
console.error(`KHÔNG HỢP LỆ / INVALID: ${reasons[result.reason]}`);
process.exit(1);

// Runs the real `receipt:verify` command on a receipt file, intact and altered.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadOrCreateSecrets } from "../../db/secrets";
import { receiptText, signReceipt } from "~/models/receipts.server";
import { TMP_DIR } from "../helpers/paths";

const dir = resolve(TMP_DIR, `receipt-${randomUUID()}`);
const secretsDir = resolve(dir, "secrets");
let text: string;

beforeAll(() => {
  mkdirSync(dir, { recursive: true });
  const secrets = loadOrCreateSecrets(secretsDir);
  text = receiptText(
    signReceipt(secrets.privateKey, {
      registrationNumber: "SK-2026-000007",
      kind: "solution",
      title: "Công khai tiến độ hồ sơ đất đai",
      authors: [{ name: "Hoàng Thị Lan", share: 100 }],
      organization: "Chi bộ Văn phòng",
      submittedAt: "2026-11-27T03:00:00.000Z",
      version: 1,
      contentSha256: "c".repeat(64),
      ledger: { seq: 9, hash: "d".repeat(64) },
      issuedAt: "2026-11-27T03:00:00.000Z",
    }),
  );
});

function run(content: string, extra: string[] = []) {
  const file = resolve(dir, `${randomUUID()}.json`);
  writeFileSync(file, content);
  const result = spawnSync("npx", ["tsx", "db/receipt-verify.ts", file, ...extra], {
    cwd: resolve("."),
    env: { ...process.env, SECRETS_DIR: secretsDir },
    encoding: "utf8",
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

describe("npm run receipt:verify", () => {
  it("exits 0 for an intact receipt, with the public key given explicitly", () => {
    const result = run(text, ["--key", resolve(secretsDir, "ledger-ed25519.pub.pem")]);
    expect(result.out).toContain("HỢP LỆ");
    expect(result.code).toBe(0);
  });

  it("exits 1 when one byte of the receipt changed", () => {
    const result = run(text.replace("SK-2026-000007", "SK-2026-000008"));
    expect(result.code).toBe(1);
    expect(result.out).toContain("KHÔNG HỢP LỆ");
  });
});

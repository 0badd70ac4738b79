// Secrets the server needs, generated on first start and never committed: the Ed25519 key
// that signs the ledger (and later receipts) and the secret that signs session cookies.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { databasePath } from "./client";

export type Secrets = { privateKey: KeyObject; publicKey: KeyObject; publicKeyPem: string; cookieSecret: string };

export function secretsDir(): string {
  return process.env.SECRETS_DIR ?? join(dirname(databasePath()), "secrets");
}

export function loadOrCreateSecrets(dir = secretsDir()): Secrets {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const keyFile = join(dir, "ledger-ed25519.pem");
  const pubFile = join(dir, "ledger-ed25519.pub.pem");
  const cookieFile = join(dir, "cookie-secret");
  if (!existsSync(keyFile)) {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    writeFileSync(keyFile, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600, flag: "wx" });
    writeFileSync(pubFile, publicKey.export({ type: "spki", format: "pem" }), { mode: 0o644 });
  }
  if (!existsSync(cookieFile)) {
    writeFileSync(cookieFile, randomBytes(32).toString("hex"), { mode: 0o600, flag: "wx" });
  }
  const privateKey = createPrivateKey(readFileSync(keyFile));
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    cookieSecret: readFileSync(cookieFile, "utf8").trim(),
  };
}

/** Secrets made in memory, for tests and throw-away databases. */
export function ephemeralSecrets(): Secrets {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    cookieSecret: randomBytes(32).toString("hex"),
  };
}

export function publicKeyFromPem(pem: string): KeyObject {
  return createPublicKey(pem);
}

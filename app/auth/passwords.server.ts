// Passwords: argon2id (OWASP parameters of @node-rs/argon2's defaults: 19 MiB, t=2, p=1),
// at least 12 characters, and not a common password.
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { fold } from "~/utils/fold";

export const MIN_PASSWORD_LENGTH = 12;

// Common passwords of the zxcvbn list, plus Vietnamese ones that list does not know.
const VIETNAMESE_COMMON = [
  "matkhau", "matkhau123", "matkhaumoi", "xinchao", "anhyeuem", "emyeuanh", "vietnam", "saigon",
  "hochiminh", "thanhpho", "dangcongsan", "dangvien", "canbo", "quantri", "admin", "iloveyou",
];
const COMMON = new Set<string>([...(dictionary["passwords-common"] as string[]), ...VIETNAMESE_COMMON]);

export type PasswordProblem = "auth.password.tooShort" | "auth.password.common" | "auth.password.containsName";

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, username?: string): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return "auth.password.tooShort";
  const plain = fold(password).replace(/\s+/g, "");
  // "password12345" and "matkhau2026!!" are a common word with a suffix: strip trailing digits
  // and symbols, and leading ones, before looking the word up.
  const core = plain.replace(/[^a-z]+$/u, "").replace(/^[^a-z]+/u, "");
  if (COMMON.has(plain) || (core.length >= 4 && COMMON.has(core))) return "auth.password.common";
  if (/^(.)\1+$/u.test(plain) || isSequence(plain)) return "auth.password.common";
  if (username && username.length >= 4 && plain.includes(fold(username))) return "auth.password.containsName";
  return null;
}

const KEYBOARD_WALKS = ["qwertyuiopasdfghjklzxcvbnm", "1234567890qwertyuiop", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p"];

function isSequence(s: string): boolean {
  if (KEYBOARD_WALKS.some((walk) => walk.includes(s) || walk.split("").reverse().join("").includes(s))) return true;
  const codes = [...s].map((c) => c.charCodeAt(0));
  return codes.every((c, i) => i === 0 || c - codes[i - 1] === 1) || codes.every((c, i) => i === 0 || c - codes[i - 1] === -1);
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(hashed: string | null, password: string): Promise<boolean> {
  if (!hashed) {
    // Spend the same time as a real check so that response times do not reveal accounts.
    await verify(DUMMY_HASH, password).catch(() => false);
    return false;
  }
  return verify(hashed, password).catch(() => false);
}

const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$4JkgjB3f6lAda/a3K9ZFCA$8j9sD7n177t3+Sq72fk8uCyDsFuknVGp2ISG5/m300o";

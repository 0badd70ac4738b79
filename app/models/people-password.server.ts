// Temporary passwords an administrator hands over in person: easy to read aloud and type
// (no 0/O, 1/l/I), 16 random characters in groups of four (≈ 92 bits).
import { randomInt } from "node:crypto";
import { passwordProblem } from "~/auth/passwords.server";

const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function generatePassword(username = ""): string {
  for (;;) {
    const groups = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""));
    const password = groups.join("-");
    if (!passwordProblem(password, username)) return password;
  }
}

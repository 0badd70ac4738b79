import { describe, expect, it } from "vitest";
import { hashPassword, passwordProblem, verifyPassword } from "~/auth/passwords.server";

describe("password rules", () => {
  it("refuses passwords under 12 characters", () => {
    expect(passwordProblem("Ngan-qua-11")).toBe("auth.password.tooShort");
    expect(passwordProblem("Đủ-mười-hai!")).toBeNull();
  });

  it("refuses common passwords, also with digits or symbols around them", () => {
    for (const p of ["123qweasdzxc", "qwertyuiopas".slice(0, 12), "password1234", "matkhau123456", "Matkhau@2026!", "iloveyou2026", "111111111111", "123456789012", "abcdefghijkl"]) {
      expect(passwordProblem(p), p).toBe("auth.password.common");
    }
  });

  it("refuses a password containing the username", () => {
    expect(passwordProblem("nguyenvanan-2026-xyz", "nguyenvanan")).toBe("auth.password.containsName");
  });

  it("accepts a memorable sentence", () => {
    expect(passwordProblem("Hoa phượng đỏ sân trường 1985")).toBeNull();
  });

  it("hashes with argon2id and verifies only the right password", async () => {
    const hashed = await hashPassword("Hoa phượng đỏ sân trường");
    expect(hashed.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(hashed, "Hoa phượng đỏ sân trường")).toBe(true);
    expect(await verifyPassword(hashed, "Hoa phuong do san truong")).toBe(false);
    expect(await verifyPassword(null, "anything at all")).toBe(false);
  });
});

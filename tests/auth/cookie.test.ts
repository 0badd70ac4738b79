import { describe, expect, it, beforeAll } from "vitest";
import { resolve } from "node:path";
import { TMP_DIR } from "../helpers/paths";

beforeAll(() => {
  process.env.SECRETS_DIR = resolve(TMP_DIR, "cookie-secrets");
});

describe("session cookie", () => {
  it("is HttpOnly and SameSite=Lax, and Secure (with the __Host- prefix) over HTTPS only", async () => {
    const { sessionCookie } = await import("~/utils/request.server");
    const plain = await sessionCookie(new Request("http://portal.local/")).serialize("token");
    expect(plain).toMatch(/^sid=/);
    expect(plain).toContain("HttpOnly");
    expect(plain).toContain("SameSite=Lax");
    expect(plain).not.toContain("Secure");
    const secure = await sessionCookie(new Request("https://portal.local/")).serialize("token");
    expect(secure).toMatch(/^__Host-sid=/);
    expect(secure).toContain("Secure");
    expect(secure).toContain("Path=/");
  });

  it("is signed: a forged value is ignored", async () => {
    const { sessionCookie, sessionToken } = await import("~/utils/request.server");
    const request = new Request("http://portal.local/", { headers: { Cookie: "sid=forged-token" } });
    expect(await sessionToken(request)).toBeNull();
    const good = await sessionCookie(request).serialize("real-token");
    const signed = new Request("http://portal.local/", { headers: { Cookie: good.split(";")[0] } });
    expect(await sessionToken(signed)).toBe("real-token");
  });
});

describe("safeNext", () => {
  it("follows only same-site relative paths", async () => {
    const { safeNext } = await import("~/utils/request.server");
    expect(safeNext("/quan-tri/can-bo?trang=2")).toBe("/quan-tri/can-bo?trang=2");
    expect(safeNext("//evil.example/")).toBe("/");
    expect(safeNext("https://evil.example/")).toBe("/");
    expect(safeNext("/\\evil.example")).toBe("/");
    expect(safeNext(null)).toBe("/");
  });
});

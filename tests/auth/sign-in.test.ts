import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashPassword } from "~/auth/passwords.server";
import { resolveSession } from "~/auth/sessions.server";
import { changeOwnPassword, signIn, signOut } from "~/models/accounts.server";
import { DomainError } from "~/models/errors";
import { sha256Hex } from "~/utils/canonical.server";
import { freshDb, type TestDb } from "../helpers/db";

const PASSWORD = "Sông Sài Gòn xanh mãi";
const session = { idleMinutes: 30, absoluteHours: 12 };
const lockout = { threshold: 5, minutes: 15 };
const policies = { session, lockout };
let hashed: string;
let t: TestDb;
let personId: number;

beforeAll(async () => {
  hashed = await hashPassword(PASSWORD);
});
beforeEach(() => {
  t = freshDb();
  const city = t.org("TU", null);
  personId = t.person(city.id, { username: "canbo", passwordHash: hashed });
});
// Touches of the idle clock are written in a later turn (resolveSession): let them be written first.
afterEach(async () => {
  await new Promise((r) => setTimeout(r, 10));
  t.close();
});

const attempt = (password: string, username = "canbo") => signIn(t.ctx(), { username, password, userAgent: "test" }, policies);
const actions = () =>
  (t.handle.sqlite.prepare("SELECT action FROM ledger_events ORDER BY seq").all() as { action: string }[]).map((r) => r.action);

describe("sign-in", () => {
  it("signs in with the right password, case-insensitively on the username, and ledgers it", async () => {
    const result = await attempt(PASSWORD, "CanBo");
    expect(result.ok).toBe(true);
    expect(actions()).toEqual(["auth.sign_in"]);
  });

  it("gives the same answer for an unknown user, a wrong password and a locked account", async () => {
    expect(await attempt("wrong password here", "khong-ton-tai")).toEqual({ ok: false });
    expect(await attempt("wrong password here")).toEqual({ ok: false });
    expect(actions()).toEqual(["auth.sign_in_failed", "auth.sign_in_failed"]);
  });

  it("locks the account for 15 minutes after 5 failures, even for the right password", async () => {
    for (let i = 0; i < 5; i++) expect((await attempt("sai mật khẩu rồi")).ok).toBe(false);
    expect(actions()).toContain("auth.account_locked");
    expect((await attempt(PASSWORD)).ok).toBe(false);
    t.clock.advance(14 * 60_000);
    expect((await attempt(PASSWORD)).ok).toBe(false);
    t.clock.advance(61_000);
    expect((await attempt(PASSWORD)).ok).toBe(true);
  });

  it("a success resets the failure count", async () => {
    for (let i = 0; i < 4; i++) await attempt("sai mật khẩu rồi");
    expect((await attempt(PASSWORD)).ok).toBe(true);
    for (let i = 0; i < 4; i++) await attempt("sai mật khẩu rồi");
    expect((await attempt(PASSWORD)).ok).toBe(true);
  });

  it("refuses a deactivated person with the same answer", async () => {
    t.handle.sqlite.prepare("UPDATE people SET active = 0 WHERE id = ?").run(personId);
    expect(await attempt(PASSWORD)).toEqual({ ok: false });
  });
});

describe("sessions", () => {
  async function token() {
    const result = await attempt(PASSWORD);
    if (!result.ok) throw new Error("sign-in failed");
    return result.token;
  }

  it("expire after 30 idle minutes", async () => {
    const tok = await token();
    t.clock.advance(29 * 60_000);
    expect(resolveSession(t.ctx(), tok, session)).toBe(personId);
    t.clock.advance(29 * 60_000); // touched above, so still alive
    expect(resolveSession(t.ctx(), tok, session)).toBe(personId);
    t.clock.advance(30 * 60_000);
    expect(resolveSession(t.ctx(), tok, session)).toBeNull();
  });

  it("write the idle clock with the next group of writes, not within the request", async () => {
    const tok = await token();
    const lastSeen = () =>
      (t.handle.sqlite.prepare("SELECT last_seen_at AS at FROM sessions WHERE id = ?").get(sha256Hex(tok)) as { at: string }).at;
    const signedIn = lastSeen();
    t.clock.advance(59_000);
    expect(resolveSession(t.ctx(), tok, session)).toBe(personId);
    await new Promise((r) => setTimeout(r, 20));
    expect(lastSeen()).toBe(signedIn); // within the minute of slack: not touched
    t.clock.advance(2_000);
    const at = t.ctx().now().toISOString();
    expect(resolveSession(t.ctx(), tok, session)).toBe(personId);
    expect(lastSeen()).toBe(signedIn);
    await new Promise((r) => setTimeout(r, 20));
    expect(lastSeen()).toBe(at);
  });

  it("expire 12 hours after sign-in even when active", async () => {
    const tok = await token();
    for (let i = 0; i < 47; i++) {
      t.clock.advance(15 * 60_000);
      expect(resolveSession(t.ctx(), tok, session)).toBe(personId);
    }
    t.clock.advance(15 * 60_000);
    expect(resolveSession(t.ctx(), tok, session)).toBeNull();
  });

  it("end at sign-out on the next request", async () => {
    const tok = await token();
    signOut(t.ctx(t.actorOf(personId)), tok);
    expect(resolveSession(t.ctx(), tok, session)).toBeNull();
    expect(actions()).toContain("auth.sign_out");
  });

  it("an unknown token resolves to nobody", () => {
    expect(resolveSession(t.ctx(), "not-a-token", session)).toBeNull();
  });

  it("changing the password ends the other sessions but keeps this one, and clears the forced change", async () => {
    t.handle.sqlite.prepare("UPDATE accounts SET must_change_password = 1").run();
    const first = await attempt(PASSWORD);
    expect(first.ok && first.mustChangePassword).toBe(true);
    const other = await token();
    const mine = await token();
    const ctx = t.ctx(t.actorOf(personId));
    await changeOwnPassword(ctx, { currentPassword: PASSWORD, newPassword: "Cầu Thủ Thiêm lúc hoàng hôn", confirmPassword: "Cầu Thủ Thiêm lúc hoàng hôn", token: mine });
    expect(resolveSession(t.ctx(), other, session)).toBeNull();
    expect(resolveSession(t.ctx(), mine, session)).toBe(personId);
    const again = await attempt("Cầu Thủ Thiêm lúc hoàng hôn");
    expect(again.ok && again.mustChangePassword).toBe(false);
    expect(actions()).toContain("auth.password_changed");
  });

  it("refuses a weak or mismatched new password with field errors and changes nothing", async () => {
    const mine = await token();
    const ctx = t.ctx(t.actorOf(personId));
    const before = actions().length;
    const error = await changeOwnPassword(ctx, { currentPassword: "sai", newPassword: "password1234", confirmPassword: "khác", token: mine }).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).fieldErrors).toEqual({
      currentPassword: "auth.password.currentWrong",
      newPassword: "auth.password.common",
      confirmPassword: "auth.password.mismatch",
    });
    expect(actions().length).toBe(before);
    expect((await attempt(PASSWORD)).ok).toBe(true);
  });
});

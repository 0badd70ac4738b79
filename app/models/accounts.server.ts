// Sign-in, sign-out and password changes. Every outcome is written to the ledger.
import { eq, sql } from "drizzle-orm";
import { accounts, people } from "../../db/schema";
import { hashPassword, passwordProblem, verifyPassword } from "~/auth/passwords.server";
import { sessionStatements } from "~/auth/session-statements.server";
import { newSession, revokeAllSessions, revokeSession, type SessionPolicy } from "~/auth/sessions.server";
import { env } from "~/utils/env.server";
import { appendEvent } from "./ledger.server";
import { write, type Ctx } from "./context.server";
import { invalid } from "./errors";

export type LockoutPolicy = { threshold: number; minutes: number };

export function lockoutPolicy(): LockoutPolicy {
  return { threshold: env().LOCKOUT_THRESHOLD, minutes: env().LOCKOUT_MINUTES };
}

export type SignInResult =
  | { ok: true; token: string; personId: number; mustChangePassword: boolean }
  // One message for a wrong name, a wrong password, a locked or a deactivated account:
  // the page must not tell an attacker which it was.
  | { ok: false };

export async function signIn(
  ctx: Ctx,
  input: { username: string; password: string; userAgent: string | null },
  policies: { session: SessionPolicy; lockout: LockoutPolicy },
): Promise<SignInResult> {
  const username = input.username.trim().toLowerCase();
  const account = ctx.db
    .select({
      id: accounts.id,
      personId: accounts.personId,
      passwordHash: accounts.passwordHash,
      lockedUntil: accounts.lockedUntil,
      mustChangePassword: accounts.mustChangePassword,
      active: people.active,
      orgId: people.orgId,
    })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.personId))
    .where(eq(accounts.username, username))
    .get();
  const passwordOk = await verifyPassword(account?.passwordHash ?? null, input.password);
  const now = ctx.now();

  return write(ctx, (tx) => {
    if (!account) {
      appendEvent(ctx, tx, { action: "auth.sign_in_failed", entity: "account", actorId: null, payload: { reason: "unknown_user" } });
      return { ok: false } as const;
    }
    const locked = account.lockedUntil !== null && Date.parse(account.lockedUntil) > now.getTime();
    const base = { entity: "account", entityId: account.id, orgId: account.orgId, actorId: account.personId };
    if (locked || !account.active || !passwordOk) {
      const reason = locked ? "locked" : !account.active ? "inactive" : "wrong_password";
      if (reason === "wrong_password") {
        // Atomic increment: concurrent guesses cannot slip under the threshold.
        const { failedAttempts } = tx
          .update(accounts)
          .set({ failedAttempts: sql`${accounts.failedAttempts} + 1` })
          .where(eq(accounts.id, account.id))
          .returning({ failedAttempts: accounts.failedAttempts })
          .get()!;
        if (failedAttempts >= policies.lockout.threshold) {
          const until = new Date(now.getTime() + policies.lockout.minutes * 60_000).toISOString();
          tx.update(accounts).set({ lockedUntil: until, failedAttempts: 0 }).where(eq(accounts.id, account.id)).run();
          appendEvent(ctx, tx, { ...base, action: "auth.account_locked", payload: { until } });
        }
      }
      appendEvent(ctx, tx, { ...base, action: "auth.sign_in_failed", payload: { reason } });
      return { ok: false } as const;
    }
    tx.update(accounts)
      .set({ failedAttempts: 0, lockedUntil: null, lastSignInAt: now.toISOString() })
      .where(eq(accounts.id, account.id))
      .run();
    const token = newSession(tx, now, account.personId, input.userAgent, policies.session);
    appendEvent(ctx, tx, { ...base, action: "auth.sign_in" });
    return { ok: true, token, personId: account.personId, mustChangePassword: account.mustChangePassword } as const;
  });
}

export function signOut(ctx: Ctx, token: string): void {
  write(ctx, (tx) => {
    revokeSession(tx, token, ctx.now());
    if (ctx.actor) {
      appendEvent(ctx, tx, { action: "auth.sign_out", entity: "person", entityId: ctx.actor.personId, orgId: ctx.actor.orgId });
    }
  });
}

/** The signed-in person changes their own password; other sessions end. */
export async function changeOwnPassword(
  ctx: Ctx,
  input: { currentPassword: string; newPassword: string; confirmPassword: string; token: string },
): Promise<void> {
  const actor = ctx.actor;
  if (!actor) throw invalid({ currentPassword: "auth.signInRequired" });
  const account = ctx.db
    .select({ id: accounts.id, username: accounts.username, passwordHash: accounts.passwordHash })
    .from(accounts)
    .where(eq(accounts.personId, actor.personId))
    .get();
  if (!account) throw invalid({ currentPassword: "auth.signInRequired" });
  const errors: Record<string, string> = {};
  if (!(await verifyPassword(account.passwordHash, input.currentPassword))) errors.currentPassword = "auth.password.currentWrong";
  const problem = passwordProblem(input.newPassword, account.username);
  if (problem) errors.newPassword = problem;
  else if (input.newPassword === input.currentPassword) errors.newPassword = "auth.password.sameAsOld";
  if (input.confirmPassword !== input.newPassword) errors.confirmPassword = "auth.password.mismatch";
  if (Object.keys(errors).length) throw invalid(errors);
  const passwordHash = await hashPassword(input.newPassword);
  write(ctx, (tx) => {
    const now = ctx.now();
    tx.update(accounts)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: now.toISOString() })
      .where(eq(accounts.id, account.id))
      .run();
    revokeAllSessions(tx, actor.personId, now, input.token);
    appendEvent(ctx, tx, { action: "auth.password_changed", entity: "account", entityId: account.id, orgId: actor.orgId });
  });
}

/** Does this person still have to replace an administrator-issued password? */
export function mustChangePassword(ctx: Pick<Ctx, "db">, personId: number): boolean {
  return !!sessionStatements(ctx.db.$client).mustChange.get(personId)?.must;
}

export type Me = {
  personId: number;
  familyName: string;
  middleName: string;
  givenName: string;
  position: string;
  orgName: string;
  username: string | null;
};

export function loadMe(ctx: Pick<Ctx, "db">, personId: number): Me | undefined {
  return sessionStatements(ctx.db.$client).me.get(personId);
}

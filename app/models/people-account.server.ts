// What an administrator does to someone else's account: issue a temporary password (creating
// the account when an imported person has none) and lift a lockout.
import { eq } from "drizzle-orm";
import { accounts } from "../../db/schema";
import { canAdministerAccount, canAnywhere } from "~/auth/policy";
import { revokeAllSessions } from "~/auth/sessions.server";
import { USERNAME_PATTERN } from "~/schemas/people";
import { nowIso, write, type Ctx } from "./context.server";
import { conflict, forbidden, invalid } from "./errors";
import { appendEvent } from "./ledger.server";
import { loadManaged, preparePassword } from "./people-write.server";
import { getPerson, insertAccountRow } from "./people.server";

export type IssuedPassword = { username: string; password: string | null; accountCreated: boolean };

/**
 * Give a person a temporary password that they must change at their next sign-in, and end
 * their sessions. Creates the account (with `username`) when the person has none yet.
 */
export async function issueTemporaryPassword(
  ctx: Ctx,
  personId: number,
  input: { accountMode: "generate" | "type"; password?: string; username?: string },
): Promise<IssuedPassword> {
  if (!canAnywhere(ctx.actor, "person.manage")) throw forbidden();
  // Read first (scoped) to know the username the password must not contain; checked again below.
  const before = getPerson(ctx, personId);
  if (!before.canManage) throw forbidden();
  if (!canAdministerAccount(ctx.actor, before)) throw invalid({}, "people.password.self");
  if (!before.active) throw invalid({}, "people.password.inactive");
  const username = before.account?.username ?? (input.username ?? "").trim().toLowerCase();
  if (!before.account) {
    if (!USERNAME_PATTERN.test(username)) throw invalid({ username: username ? "people.username.format" : "errors.required" });
    const taken = ctx.db.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username)).get();
    if (taken) throw conflict("invalid", { username: "people.username.taken" });
  }
  const secret = await preparePassword(input.accountMode, input.password ?? "", username);

  return write(ctx, (tx) => {
    const person = loadManaged(ctx, tx, personId);
    if (!canAdministerAccount(ctx.actor, person)) throw invalid({}, "people.password.self");
    if (!person.active) throw invalid({}, "people.password.inactive");
    const at = nowIso(ctx);
    let accountId = person.account?.id ?? null;
    const accountCreated = accountId === null;
    if (accountId === null) {
      if (tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username)).get()) {
        throw conflict("invalid", { username: "people.username.taken" });
      }
      accountId = insertAccountRow(tx, { personId, username, passwordHash: secret.hash, mustChangePassword: true }, at);
      appendEvent(ctx, tx, { action: "account.created", entity: "account", entityId: accountId, orgId: person.orgId, payload: { personId } });
    } else {
      tx.update(accounts)
        .set({ passwordHash: secret.hash, mustChangePassword: true, passwordChangedAt: at, failedAttempts: 0, lockedUntil: null })
        .where(eq(accounts.id, accountId))
        .run();
    }
    revokeAllSessions(tx, personId, ctx.now());
    appendEvent(ctx, tx, {
      action: "account.password_issued",
      entity: "account",
      entityId: accountId,
      orgId: person.orgId,
      payload: { personId, generated: secret.generated, accountCreated, mustChangePassword: true },
    });
    return { username: person.account?.username ?? username, password: secret.generated ? secret.password : null, accountCreated };
  });
}

/** Lift a lockout after failed sign-ins (the password stays as it is). */
export function unlockAccount(ctx: Ctx, personId: number): void {
  write(ctx, (tx) => {
    const person = loadManaged(ctx, tx, personId);
    if (!person.account) throw invalid({}, "people.account.none");
    tx.update(accounts).set({ lockedUntil: null, failedAttempts: 0 }).where(eq(accounts.id, person.account.id)).run();
    appendEvent(ctx, tx, { action: "account.unlocked", entity: "account", entityId: person.account.id, orgId: person.orgId, payload: { personId } });
  });
}

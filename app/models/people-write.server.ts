// Creating, editing, deactivating and reactivating people. Each change is one write():
// policy check, validation, rows, ledger event. Ledger payloads carry ids and the names of
// the fields that changed, never the personal data itself.
import { and, eq, ne } from "drizzle-orm";
import { accounts, people } from "../../db/schema";
import { canAdministerAccount, canAnywhere, canManagePerson } from "~/auth/policy";
import { hashPassword, passwordProblem } from "~/auth/passwords.server";
import { revokeAllSessions } from "~/auth/sessions.server";
import type { CreatePersonData, PersonData } from "~/schemas/people";
import { USERNAME_PATTERN } from "~/schemas/people";
import { nowIso, write, type Ctx, type Tx } from "./context.server";
import { conflict, forbidden, invalid, type FieldErrors } from "./errors";
import { appendEvent } from "./ledger.server";
import { resolveOrg } from "./org-pick.server";
import { generatePassword } from "./people-password.server";
import { viSortKey } from "./people-sort.server";
import { getPerson, insertAccountRow, insertPersonRow, personSearchName, type PersonDetail } from "./people.server";

/** The person, read inside the transaction, if the actor may manage them; else 404/403. */
export function loadManaged(ctx: Ctx, tx: Tx, id: number): PersonDetail {
  const person = getPerson(ctx, id, tx); // not found when the actor may not even see them
  if (!person.canManage) throw forbidden();
  return person;
}

function checkPersonFields(ctx: Ctx, tx: Tx, input: PersonData, exceptId: number | null): FieldErrors {
  const errors: FieldErrors = {};
  if (input.dateOfBirth && input.dateOfBirth > nowIso(ctx).slice(0, 10)) errors.dateOfBirth = "people.dob.future";
  if (input.dateOfBirth && input.dateOfBirth < "1900-01-01") errors.dateOfBirth = "errors.invalidDate";
  if (input.email) {
    const taken = tx
      .select({ id: people.id })
      .from(people)
      .where(and(eq(people.email, input.email), exceptId === null ? undefined : ne(people.id, exceptId)))
      .get();
    if (taken) errors.email = "people.email.taken";
  }
  return errors;
}

function usernameTaken(tx: Tx | Ctx["db"], username: string): boolean {
  return !!tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.username, username.toLowerCase())).get();
}

/** The first password of an account: typed by the administrator, or generated. Checked before hashing. */
export async function preparePassword(mode: "generate" | "type", typed: string, username: string, field = "password") {
  const password = mode === "generate" ? generatePassword(username) : typed;
  const problem = passwordProblem(password, username);
  if (problem) throw invalid({ [field]: problem });
  return { password, hash: await hashPassword(password), generated: mode === "generate" };
}

export type CreatedPerson = { personId: number; username: string | null; password: string | null };

/**
 * Create a person, optionally with an account whose password they must change at first
 * sign-in. A generated password is returned once, to be shown to the administrator; it is
 * stored only as a hash.
 */
export async function createPerson(ctx: Ctx, input: CreatePersonData): Promise<CreatedPerson> {
  if (!canAnywhere(ctx.actor, "person.manage")) throw forbidden();
  const withAccount = input.accountMode !== "none";
  const username = input.username.trim().toLowerCase();
  if (withAccount && !USERNAME_PATTERN.test(username)) throw invalid({ username: username ? "people.username.format" : "errors.required" });
  if (withAccount && usernameTaken(ctx.db, username)) throw conflict("invalid", { username: "people.username.taken" });
  // Argon2 takes a while: hash before the write transaction so as not to hold the lock.
  const secret = withAccount ? await preparePassword(input.accountMode === "generate" ? "generate" : "type", input.password, username) : null;

  return write(ctx, (tx) => {
    const org = resolveOrg(ctx, tx, input.org, "person.manage", "org");
    if (!canManagePerson(ctx.actor, { id: 0, orgPath: org.path })) throw forbidden();
    const errors = checkPersonFields(ctx, tx, input, null);
    if (withAccount && usernameTaken(tx, username)) errors.username = "people.username.taken";
    if (Object.keys(errors).length) throw invalid(errors);
    const at = nowIso(ctx);
    const personId = insertPersonRow(tx, { ...input, orgId: org.id }, at);
    appendEvent(ctx, tx, { action: "person.created", entity: "person", entityId: personId, orgId: org.id, payload: { source: "admin" } });
    if (secret) {
      const accountId = insertAccountRow(tx, { personId, username, passwordHash: secret.hash, mustChangePassword: true }, at);
      appendEvent(ctx, tx, {
        action: "account.created",
        entity: "account",
        entityId: accountId,
        orgId: org.id,
        payload: { personId, generatedPassword: secret.generated, mustChangePassword: true },
      });
    }
    return { personId, username: secret ? username : null, password: secret?.generated ? secret.password : null };
  });
}

const EDITABLE = ["familyName", "middleName", "givenName", "dateOfBirth", "position", "partyMember", "email"] as const;

/** Edit a person; a new organization must be in the actor's care too (a move). */
export function updatePerson(ctx: Ctx, id: number, input: PersonData): { changed: string[] } {
  return write(ctx, (tx) => {
    const current = loadManaged(ctx, tx, id);
    const org = resolveOrg(ctx, tx, input.org, "person.manage", "org");
    if (!canManagePerson(ctx.actor, { id, orgPath: org.path })) throw forbidden();
    const errors = checkPersonFields(ctx, tx, input, id);
    if (Object.keys(errors).length) throw invalid(errors);
    const changed: string[] = EDITABLE.filter((k) => (current[k] ?? null) !== (input[k] ?? null));
    if (org.id !== current.orgId) changed.push("orgId");
    if (changed.length === 0) return { changed };
    tx.update(people)
      .set({
        familyName: input.familyName,
        middleName: input.middleName,
        givenName: input.givenName,
        searchName: personSearchName(input),
        sortKey: viSortKey(input.givenName, input.familyName, input.middleName),
        dateOfBirth: input.dateOfBirth,
        position: input.position,
        partyMember: input.partyMember,
        email: input.email,
        orgId: org.id,
        updatedAt: nowIso(ctx),
      })
      .where(eq(people.id, id))
      .run();
    const move = org.id !== current.orgId ? { fromOrgId: current.orgId, toOrgId: org.id } : {};
    appendEvent(ctx, tx, { action: "person.updated", entity: "person", entityId: id, orgId: org.id, payload: { fields: changed, ...move } });
    return { changed };
  });
}

/** Deactivate: the person can no longer sign in, and every session of theirs ends now. */
export function deactivatePerson(ctx: Ctx, id: number): void {
  write(ctx, (tx) => {
    const person = loadManaged(ctx, tx, id);
    if (!canAdministerAccount(ctx.actor, person)) throw invalid({}, "people.deactivate.self");
    if (!person.active) throw invalid({}, "people.deactivate.already");
    tx.update(people).set({ active: false, updatedAt: nowIso(ctx) }).where(eq(people.id, id)).run();
    revokeAllSessions(tx, id, ctx.now());
    appendEvent(ctx, tx, { action: "person.deactivated", entity: "person", entityId: id, orgId: person.orgId, payload: { sessionsEnded: true } });
  });
}

export function reactivatePerson(ctx: Ctx, id: number): void {
  write(ctx, (tx) => {
    const person = loadManaged(ctx, tx, id);
    if (person.active) throw invalid({}, "people.reactivate.already");
    tx.update(people).set({ active: true, updatedAt: nowIso(ctx) }).where(eq(people.id, id)).run();
    appendEvent(ctx, tx, { action: "person.reactivated", entity: "person", entityId: id, orgId: person.orgId });
  });
}

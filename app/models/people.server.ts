// People of the portal (cadres, party members) and their accounts.
import { eq, sql } from "drizzle-orm";
import { accounts, organizations, people } from "../../db/schema";
import { canAdministerAccount, canManagePerson, canViewPerson } from "~/auth/policy";
import { fold } from "~/utils/fold";
import type { Ctx, Tx } from "./context.server";
import { notFound } from "./errors";
import { viSortKey } from "./people-sort.server";

export type NewPersonRow = {
  familyName: string;
  middleName?: string;
  givenName: string;
  dateOfBirth?: string | null;
  position?: string;
  orgId: number;
  partyMember?: boolean;
  email?: string | null;
};

export function personSearchName(p: { familyName: string; middleName?: string; givenName: string; email?: string | null }): string {
  return fold([p.familyName, p.middleName, p.givenName, p.email].filter(Boolean).join(" "));
}

/** Insert a person. No policy, no ledger: callers are policy-checked model functions and the seed. */
export function insertPersonRow(tx: Tx, row: NewPersonRow, at: string): number {
  return tx
    .insert(people)
    .values({
      familyName: row.familyName,
      middleName: row.middleName ?? "",
      givenName: row.givenName,
      searchName: personSearchName(row),
      sortKey: viSortKey(row.givenName, row.familyName, row.middleName ?? ""),
      dateOfBirth: row.dateOfBirth ?? null,
      position: row.position ?? "",
      orgId: row.orgId,
      partyMember: row.partyMember ?? true,
      email: row.email ?? null,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: people.id })
    .get().id;
}

export function insertAccountRow(
  tx: Tx,
  row: { personId: number; username: string; passwordHash: string | null; mustChangePassword: boolean },
  at: string,
): number {
  return tx
    .insert(accounts)
    .values({
      personId: row.personId,
      username: row.username.toLowerCase(),
      passwordHash: row.passwordHash,
      mustChangePassword: row.mustChangePassword,
      passwordChangedAt: row.passwordHash ? at : null,
      createdAt: at,
    })
    .returning({ id: accounts.id })
    .get().id;
}

// --- Reading people ----------------------------------------------------------------------

export type AccountStatus = "none" | "noPassword" | "mustChange" | "locked" | "active" | "inactive";

export function accountStatus(
  p: { active: boolean; accountId: number | null; hasPassword: boolean; mustChangePassword: boolean | null; lockedUntil: string | null },
  now: Date,
): AccountStatus {
  if (!p.active) return "inactive";
  if (p.accountId === null) return "none";
  if (!p.hasPassword) return "noPassword";
  if (p.lockedUntil && Date.parse(p.lockedUntil) > now.getTime()) return "locked";
  if (p.mustChangePassword) return "mustChange";
  return "active";
}

export type PersonDetail = {
  id: number;
  familyName: string;
  middleName: string;
  givenName: string;
  dateOfBirth: string | null;
  position: string;
  partyMember: boolean;
  email: string | null;
  active: boolean;
  orgId: number;
  orgCode: string;
  orgName: string;
  orgPath: string;
  createdAt: string;
  updatedAt: string;
  account: { id: number; username: string; status: AccountStatus; lockedUntil: string | null; lastSignInAt: string | null; passwordChangedAt: string | null } | null;
  canManage: boolean;
  /** May deactivate them or issue them a password (the policy: not oneself). */
  canAdminister: boolean;
  isSelf: boolean;
};

/** One person the actor may see (themselves, or person.view on their subtree); else not found. */
export function getPerson(ctx: Ctx, id: number, db: Ctx["db"] | Tx = ctx.db): PersonDetail {
  const row = db
    .select({
      id: people.id,
      familyName: people.familyName,
      middleName: people.middleName,
      givenName: people.givenName,
      dateOfBirth: people.dateOfBirth,
      position: people.position,
      partyMember: people.partyMember,
      email: people.email,
      active: people.active,
      orgId: people.orgId,
      orgCode: organizations.code,
      orgName: organizations.name,
      orgPath: organizations.path,
      createdAt: people.createdAt,
      updatedAt: people.updatedAt,
      accountId: accounts.id,
      username: accounts.username,
      hasPassword: sql<number>`${accounts.passwordHash} IS NOT NULL`,
      mustChangePassword: accounts.mustChangePassword,
      lockedUntil: accounts.lockedUntil,
      lastSignInAt: accounts.lastSignInAt,
      passwordChangedAt: accounts.passwordChangedAt,
    })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.orgId))
    .leftJoin(accounts, eq(accounts.personId, people.id))
    .where(eq(people.id, id))
    .get();
  if (!row || !canViewPerson(ctx.actor, { id: row.id, orgPath: row.orgPath })) throw notFound();
  const { accountId, username, hasPassword, mustChangePassword, lockedUntil, lastSignInAt, passwordChangedAt, ...person } = row;
  const status = accountStatus({ active: row.active, accountId, hasPassword: !!hasPassword, mustChangePassword, lockedUntil }, ctx.now());
  return {
    ...person,
    account: accountId !== null && username !== null ? { id: accountId, username, status, lockedUntil, lastSignInAt, passwordChangedAt } : null,
    canManage: canManagePerson(ctx.actor, { id: row.id, orgPath: row.orgPath }),
    canAdminister: canAdministerAccount(ctx.actor, { id: row.id, orgPath: row.orgPath }),
    isSelf: ctx.actor?.personId === row.id,
  };
}

// People of the portal (cadres, party members) and their accounts.
import { accounts, people } from "../../db/schema";
import { fold } from "~/utils/fold";
import type { Tx } from "./context.server";

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

// Helpers for the administration browser tests: unique suffixes, look-ups in the e2e database,
// an organization made directly (as the seed does) for tests that need a fresh, empty node,
// and sign-in that waits for the home page.
import { expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { openDatabase } from "../../../db/client";
import { accounts, organizations, type OrgKind } from "../../../db/schema";
import { loadOrCreateSecrets } from "../../../db/secrets";
import { appendEvent } from "~/models/ledger.server";
import { insertOrgRow } from "~/models/orgs.server";
import { DEMO_PASSWORD, E2E_DB, E2E_SECRETS, signIn } from "./fixtures";

/** A short random suffix: lower-case letters and digits, so it fits codes and usernames. */
export function uid(): string {
  return randomBytes(3).toString("hex");
}

function withDb<T>(fn: (db: ReturnType<typeof openDatabase>["db"]) => T): T {
  const handle = openDatabase(E2E_DB);
  try {
    return fn(handle.db);
  } finally {
    handle.sqlite.close();
  }
}

export function orgIdOf(code: string): number {
  return withDb((db) => db.select({ id: organizations.id }).from(organizations).where(eq(organizations.code, code)).get()!.id);
}

export function personIdOf(username: string): number {
  return withDb((db) => db.select({ id: accounts.personId }).from(accounts).where(eq(accounts.username, username)).get()!.id);
}

/** A new open organization under `parentCode`, valid from 01/07/2025, with its ledger event. */
export function createOrg(opts: { parentCode: string; kind?: OrgKind; name?: string }): { id: number; code: string; name: string } {
  const code = `E2E-${uid().toUpperCase()}`;
  const name = opts.name ?? `Chi bộ Thử nghiệm ${code}`;
  const handle = openDatabase(E2E_DB);
  const secrets = loadOrCreateSecrets(E2E_SECRETS);
  const now = new Date();
  const ctx = { db: handle.db, actor: null, secrets, now: () => now };
  try {
    const id = handle.db.transaction(
      (tx) => {
        const parentId = tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.code, opts.parentCode)).get()!.id;
        const { id } = insertOrgRow(tx, { code, name, kind: opts.kind ?? "cell", parentId, validFrom: "2025-07-01", validTo: null }, now.toISOString());
        appendEvent(ctx, tx, { action: "org.created", entity: "organization", entityId: id, orgId: id, payload: { code, name, source: "e2e" } });
        return id;
      },
      { behavior: "immediate" },
    );
    return { id, code, name };
  } finally {
    handle.sqlite.close();
  }
}

/** Sign in with a demo account and wait for the home page. */
export async function signInAs(page: Page, username: string, password = DEMO_PASSWORD) {
  await signIn(page, username, password);
  await expect(page).toHaveURL(/\/$/);
}

// Playwright fixtures: people made directly in the e2e database (as an administrator would),
// sign-in through the real form, and an axe-core scan helper.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { openDatabase } from "../../../db/client";
import { organizations, roleGrants, type Role } from "../../../db/schema";
import { loadOrCreateSecrets } from "../../../db/secrets";
import { hashPassword } from "~/auth/passwords.server";
import { appendEvent } from "~/models/ledger.server";
import { insertAccountRow, insertPersonRow } from "~/models/people.server";

const E2E_DIR = process.env.E2E_DIR ?? "tests/.e2e";
export const E2E_DB = `${E2E_DIR}/portal.db`;
export const E2E_SECRETS = `${E2E_DIR}/secrets`;
export const DEMO_PASSWORD = "Sangkien@HCM-2026";

export type TestUser = { username: string; password: string; personId: number; name: string };

/** Create a person with an account and grants on the seeded organization `orgCode`. */
export async function createUser(opts: { orgCode?: string; roles?: [Role, string][]; mustChange?: boolean; given?: string } = {}): Promise<TestUser> {
  const username = `e2e.${randomBytes(4).toString("hex")}`;
  const password = `Mật khẩu thử ${randomBytes(3).toString("hex")}`;
  const passwordHash = await hashPassword(password);
  const handle = openDatabase(E2E_DB);
  const secrets = loadOrCreateSecrets(E2E_SECRETS);
  const now = new Date();
  const ctx = { db: handle.db, actor: null, secrets, now: () => now };
  const given = opts.given ?? "Thử";
  try {
    const personId = handle.db.transaction(
      (tx) => {
        const org = (code: string) => tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.code, code)).get()!.id;
        const orgId = org(opts.orgCode ?? "TU");
        const id = insertPersonRow(tx, { familyName: "Kiểm", middleName: "Thử", givenName: given, orgId, position: "Cán bộ thử nghiệm" }, now.toISOString());
        insertAccountRow(tx, { personId: id, username, passwordHash, mustChangePassword: !!opts.mustChange }, now.toISOString());
        for (const [role, code] of opts.roles ?? []) {
          tx.insert(roleGrants).values({ personId: id, role, orgId: org(code), grantedAt: now.toISOString() }).run();
        }
        appendEvent(ctx, tx, { action: "person.created", entity: "person", entityId: id, orgId, payload: { source: "e2e" } });
        return id;
      },
      { behavior: "immediate" },
    );
    return { username, password, personId, name: `Kiểm Thử ${given}` };
  } finally {
    handle.sqlite.close();
  }
}

export async function signIn(page: Page, username: string, password: string) {
  await page.goto("/dang-nhap");
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(password);
  // Wait for the POST's answer and what follows it, so that the next step never cancels it.
  const posted = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/dang-nhap");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await posted;
  await page.waitForLoadState("networkidle");
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page.getByText("Đồng chí đã đăng xuất.")).toBeVisible();
}

/** No serious or critical WCAG 2.1 A/AA violation on the current page. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

export const test = base;
export { expect };

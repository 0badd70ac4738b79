// The people list: filtered, scoped, one page at a time in Vietnamese order.
import { and, asc, count, eq, gt, inArray, isNull, like, or, sql, type SQL } from "drizzle-orm";
import { accounts, organizations, people } from "../../db/schema";
import { canAnywhere, canManagePerson } from "~/auth/policy";
import { fold, likeEscape } from "~/utils/fold";
import type { Ctx } from "./context.server";
import { forbidden } from "./errors";
import { accountStatus, type AccountStatus } from "./people.server";
import { pathScope } from "./scope.server";

export const PEOPLE_PAGE_SIZE = 25;
export const ACCOUNT_FILTERS = ["chua-kich-hoat", "dang-khoa", "ngung"] as const;
export type AccountFilter = (typeof ACCOUNT_FILTERS)[number];

/** What the account of a person is like, as one word for a tag. */

const listColumns = {
  id: people.id,
  familyName: people.familyName,
  middleName: people.middleName,
  givenName: people.givenName,
  position: people.position,
  active: people.active,
  orgId: people.orgId,
  orgName: organizations.name,
  orgPath: organizations.path,
  accountId: accounts.id,
  username: accounts.username,
  hasPassword: sql<number>`${accounts.passwordHash} IS NOT NULL`,
  mustChangePassword: accounts.mustChangePassword,
  lockedUntil: accounts.lockedUntil,
};

export type PersonListRow = {
  id: number;
  familyName: string;
  middleName: string;
  givenName: string;
  position: string;
  orgName: string;
  username: string | null;
  status: AccountStatus;
  canManage: boolean;
};

export type ListPeopleInput = { q?: string; orgId?: number; account?: AccountFilter; page?: number; pageSize?: number };

/**
 * People the actor may see (person.view on their organization's subtree), filtered, one page
 * at a time, sorted by given name with Vietnamese collation (see people-sort.server.ts).
 */
export function listPeople(ctx: Ctx, input: ListPeopleInput): { rows: PersonListRow[]; total: number; page: number } {
  if (!canAnywhere(ctx.actor, "person.view")) throw forbidden();
  const pageSize = input.pageSize ?? PEOPLE_PAGE_SIZE;
  const page = Math.max(1, input.page ?? 1);
  const nowIsoText = ctx.now().toISOString();
  const where: (SQL | undefined)[] = [pathScope(organizations.path, ctx.actor, "person.view")];
  if (input.orgId !== undefined) {
    const org = ctx.db.select({ path: organizations.path }).from(organizations).where(eq(organizations.id, input.orgId)).get();
    // An organization outside the actor's view simply matches nothing.
    where.push(org ? like(organizations.path, `${org.path}%`) : sql`0`);
  }
  for (const word of fold(input.q ?? "").split(" ").filter(Boolean)) {
    const pattern = `%${likeEscape(word)}%`;
    where.push(or(sql`${people.searchName} LIKE ${pattern} ESCAPE '\\'`, sql`${accounts.username} LIKE ${pattern} ESCAPE '\\'`));
  }
  if (input.account === "ngung") where.push(eq(people.active, false));
  else {
    where.push(eq(people.active, true));
    if (input.account === "chua-kich-hoat") where.push(or(isNull(accounts.id), isNull(accounts.passwordHash)));
    if (input.account === "dang-khoa") where.push(gt(accounts.lockedUntil, nowIsoText));
  }
  const filter = and(...where);
  const from = () =>
    ctx.db
      .select({ id: people.id })
      .from(people)
      .innerJoin(organizations, eq(organizations.id, people.orgId))
      .leftJoin(accounts, eq(accounts.personId, people.id))
      .where(filter);
  const total = ctx.db.select({ n: count() }).from(from().as("matches")).get()!.n;
  // Sort only ids by the stored key (indexed), then read the page's rows.
  const ids = from()
    .orderBy(asc(people.sortKey), asc(people.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all()
    .map((r) => r.id);
  const byId = new Map(
    (ids.length
      ? ctx.db
          .select(listColumns)
          .from(people)
          .innerJoin(organizations, eq(organizations.id, people.orgId))
          .leftJoin(accounts, eq(accounts.personId, people.id))
          .where(inArray(people.id, ids))
          .all()
      : []
    ).map((r) => [r.id, r]),
  );
  const rows = ids.map((id) => byId.get(id)!);
  const now = ctx.now();
  return {
    total,
    page,
    rows: rows.map((r) => ({
      id: r.id,
      familyName: r.familyName,
      middleName: r.middleName,
      givenName: r.givenName,
      position: r.position,
      orgName: r.orgName,
      username: r.username,
      status: accountStatus({ active: r.active, accountId: r.accountId, hasPassword: !!r.hasPassword, mustChangePassword: r.mustChangePassword, lockedUntil: r.lockedUntil }, now),
      canManage: canManagePerson(ctx.actor, { id: r.id, orgPath: r.orgPath }),
    })),
  };
}

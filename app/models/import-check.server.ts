// The checks of an import that need the database, run at preview and again at confirmation.
import { and, inArray } from "drizzle-orm";
import { accounts, organizations, people } from "../../db/schema";
import { fold } from "~/utils/fold";
import type { Ctx, Tx } from "./context.server";
import type { ImportRow } from "./import-rows.server";
import { pathScope } from "./scope.server";

const CHUNK = 500;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

const personKey = (r: { fullName: string; dateOfBirth: string | null; orgId: number | null }) =>
  `${fold(r.fullName)}|${r.dateOfBirth}|${r.orgId}`;

/**
 * The checks that need the database: the organization (known, open, in the actor's import
 * scope — one outside it reads as unknown), accounts and e-mails already taken, the same
 * person already in the same organization; with `inFile`, duplicates within the file too.
 * Adds problems to the rows in place.
 */
export function checkRows(ctx: Ctx, tx: Tx, rows: ImportRow[], inFile: boolean): void {
  const codes = [...new Set(rows.map((r) => r.orgCode).filter(Boolean))];
  const orgs = new Map<string, { id: number; name: string; closed: boolean }>();
  for (const part of chunks(codes)) {
    const found = tx
      .select({ id: organizations.id, code: organizations.code, name: organizations.name, validTo: organizations.validTo })
      .from(organizations)
      .where(and(inArray(organizations.code, part), pathScope(organizations.path, ctx.actor, "people.import")))
      .all();
    for (const o of found) orgs.set(o.code, { id: o.id, name: o.name, closed: o.validTo !== null });
  }
  for (const r of rows) {
    if (!r.orgCode) continue;
    const org = orgs.get(r.orgCode);
    r.orgId = org?.id ?? null;
    r.orgName = org?.name ?? null;
    if (!org) r.problems.push({ key: "import.problem.orgUnknown", params: { code: r.orgCode } });
    else if (org.closed) r.problems.push({ key: "import.problem.orgClosed", params: { code: r.orgCode } });
  }

  if (inFile) {
    const logins = new Map<string, number>();
    const persons = new Map<string, number>();
    for (const r of rows) {
      if (r.username) {
        const first = logins.get(r.username);
        if (first !== undefined) r.problems.push({ key: "import.problem.duplicateLogin", params: { line: first } });
        else logins.set(r.username, r.line);
      }
      if (r.fullName && r.dateOfBirth && r.orgId !== null) {
        const first = persons.get(personKey(r));
        if (first !== undefined) r.problems.push({ key: "import.problem.duplicatePerson", params: { line: first } });
        else persons.set(personKey(r), r.line);
      }
    }
  }

  const usernames = [...new Set(rows.map((r) => r.username).filter((u): u is string => !!u))];
  const taken = new Set<string>();
  for (const part of chunks(usernames)) {
    for (const a of tx.select({ username: accounts.username }).from(accounts).where(inArray(accounts.username, part)).all()) taken.add(a.username);
  }
  const emails = [...new Set(rows.map((r) => r.email).filter((e): e is string => !!e))];
  const takenEmails = new Set<string>();
  for (const part of chunks(emails)) {
    for (const p of tx.select({ email: people.email }).from(people).where(inArray(people.email, part)).all()) takenEmails.add(p.email ?? "");
  }
  const orgIds = [...new Set(rows.map((r) => r.orgId).filter((id): id is number => id !== null))];
  const existing = new Set<string>();
  for (const part of chunks(orgIds)) {
    const found = tx
      .select({ familyName: people.familyName, middleName: people.middleName, givenName: people.givenName, dateOfBirth: people.dateOfBirth, orgId: people.orgId })
      .from(people)
      .where(inArray(people.orgId, part))
      .all();
    for (const p of found) {
      existing.add(personKey({ fullName: [p.familyName, p.middleName, p.givenName].filter(Boolean).join(" "), dateOfBirth: p.dateOfBirth, orgId: p.orgId }));
    }
  }
  for (const r of rows) {
    if (r.username && taken.has(r.username)) r.problems.push({ key: "import.problem.loginTaken", params: { login: r.username } });
    else if (r.email && takenEmails.has(r.email)) r.problems.push({ key: "import.problem.emailTaken", params: { login: r.email } });
    if (r.orgId !== null && r.dateOfBirth && existing.has(personKey(r))) r.problems.push({ key: "import.problem.personExists" });
  }
}

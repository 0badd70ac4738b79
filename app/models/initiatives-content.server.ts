// The content of an application: checking a section against the server's date and the people
// of the portal, completeness at submission, the per-section state of the task list, and the
// field-by-field difference between two versions.
import { eq, inArray } from "drizzle-orm";
import { accounts, organizations, people, type InitiativeKind } from "../../db/schema";
import { fullName } from "~/i18n/format";
import { checkSection, formatShare, sectionsFor, SECTIONS, type AuthorInput, type FieldErrors, type Section, type SectionState } from "~/schemas/initiatives";
import type { Ctx, Tx } from "./context.server";
import { invalid } from "./errors";
import type { Content, StoredAuthor } from "./initiatives-shared.server";
import { todayIso } from "./orgs-shared.server";

type Reader = Ctx["db"] | Tx;

const prefixed = (section: Section, errors: FieldErrors): FieldErrors =>
  Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${section}.${k}`, v]));

/**
 * A section's values as they will be stored, or invalid() with the field errors (keys as the
 * form names them: "title", "authors.1.fullName", "shares"). The authors are resolved to
 * people of the portal here; the creator must stay among them.
 */
export function validateSection(ctx: Ctx, db: Reader, section: Section, values: unknown, createdBy: number): Record<string, unknown> | StoredAuthor[] {
  const checked = checkSection(section, values, { today: todayIso(ctx), complete: false });
  if (!checked.ok) throw invalid(checked.errors);
  if (section !== "authors") return checked.data;
  return resolveAuthors(db, checked.data.authors as AuthorInput[], createdBy);
}

function resolveAuthors(db: Reader, rows: AuthorInput[], createdBy: number): StoredAuthor[] {
  const usernames = [...new Set(rows.filter((r) => r.personId === null && r.username).map((r) => r.username))];
  const ids = [...new Set(rows.flatMap((r) => (r.personId === null ? [] : [r.personId])))];
  const columns = {
    id: people.id,
    username: accounts.username,
    familyName: people.familyName,
    middleName: people.middleName,
    givenName: people.givenName,
    dateOfBirth: people.dateOfBirth,
    position: people.position,
    active: people.active,
    orgName: organizations.name,
  };
  const base = () =>
    db.select(columns).from(people).leftJoin(accounts, eq(accounts.personId, people.id)).innerJoin(organizations, eq(organizations.id, people.orgId));
  const found = [
    ...(usernames.length ? base().where(inArray(accounts.username, usernames)).all() : []),
    ...(ids.length ? base().where(inArray(people.id, ids)).all() : []),
  ].filter((p) => p.active);
  const errors: FieldErrors = {};
  const seen = new Set<number>();
  const authors = rows.map((r, i): StoredAuthor => {
    if (r.personId === null && !r.username) {
      return { personId: null, fullName: r.fullName, dateOfBirth: r.dateOfBirth || null, workplace: r.workplace, jobTitle: r.jobTitle, qualification: r.qualification, shareBp: r.share };
    }
    const p = found.find((f) => (r.personId !== null ? f.id === r.personId : f.username === r.username));
    if (!p) {
      errors[`authors.${i}.username`] = "initiatives.errors.unknownPerson";
      return { personId: null, fullName: "", dateOfBirth: null, workplace: "", jobTitle: "", qualification: "", shareBp: r.share };
    }
    if (seen.has(p.id)) errors[`authors.${i}.username`] = "initiatives.errors.duplicateAuthor";
    seen.add(p.id);
    // A person of the portal is described by their record, not by what the form says.
    return { personId: p.id, fullName: fullName(p), dateOfBirth: p.dateOfBirth, workplace: p.orgName, jobTitle: p.position, qualification: r.qualification, shareBp: r.share };
  });
  if (!Object.keys(errors).length && !seen.has(createdBy)) errors.authors = "initiatives.errors.creatorNotAuthor";
  if (Object.keys(errors).length) throw invalid(errors);
  return authors;
}

/** The rules of the authors list that hold for what is stored (shares, creator). */
function authorsProblem(authors: StoredAuthor[], createdBy: number): string | null {
  if (!authors.length) return "initiatives.errors.authorsRequired";
  if (authors.reduce((s, a) => s + a.shareBp, 0) !== 10_000) return "initiatives.errors.sharesTotal";
  if (!authors.some((a) => a.personId === createdBy)) return "initiatives.errors.creatorNotAuthor";
  return null;
}

/** Everything submission requires, as field errors prefixed with their section ("general.title"). */
export function completenessErrors(ctx: Ctx, kind: InitiativeKind, content: Content, authors: StoredAuthor[], createdBy: number): FieldErrors {
  const today = todayIso(ctx);
  let errors: FieldErrors = {};
  for (const section of sectionsFor(kind)) {
    if (section === "authors") {
      const problem = authorsProblem(authors, createdBy);
      if (problem) errors["authors.authors"] = problem;
      continue;
    }
    const checked = checkSection(section, content[section] ?? {}, { today, complete: true });
    if (!checked.ok) errors = { ...errors, ...prefixed(section, checked.errors) };
  }
  return errors;
}

/** Not started (nothing saved), in progress (saved but not yet complete) or done. */
export function sectionStates(ctx: Ctx, kind: InitiativeKind, content: Content, authors: StoredAuthor[], createdBy: number): Partial<Record<Section, SectionState>> {
  const today = todayIso(ctx);
  const out: Partial<Record<Section, SectionState>> = {};
  for (const section of sectionsFor(kind)) {
    if (section === "authors") out.authors = authorsProblem(authors, createdBy) ? "in_progress" : "done";
    else if (content[section] === undefined) out[section] = "not_started";
    else out[section] = checkSection(section, content[section], { today, complete: true }).ok ? "done" : "in_progress";
  }
  return out;
}

function authorLine(a: StoredAuthor): string {
  return [a.fullName, a.dateOfBirth ?? "", a.workplace, a.jobTitle, a.qualification, `${formatShare(a.shareBp)} %`].join(" | ");
}

/** Every field of a content as text: "general.title", "authors", "attachments" … */
export function flattenContent(content: Content): Record<string, string> {
  const out: Record<string, string> = {};
  for (const section of SECTIONS) {
    if (section === "authors") continue;
    const values = content[section];
    if (!values || typeof values !== "object") continue;
    for (const [field, value] of Object.entries(values as Record<string, unknown>)) {
      out[`${section}.${field}`] = typeof value === "boolean" ? (value ? "true" : "false") : String(value ?? "");
    }
  }
  if (Array.isArray(content.authors)) out.authors = (content.authors as StoredAuthor[]).map(authorLine).join("\n");
  if (Array.isArray(content.attachments)) out.attachments = (content.attachments as string[]).join("\n");
  return out;
}

export type FieldChange = { field: string; before: string; after: string };

/** The fields that differ between two contents, in a stable order. */
export function diffContents(a: Content, b: Content): FieldChange[] {
  const before = flattenContent(a);
  const after = flattenContent(b);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields.flatMap((field) => ((before[field] ?? "") === (after[field] ?? "") ? [] : [{ field, before: before[field] ?? "", after: after[field] ?? "" }]));
}

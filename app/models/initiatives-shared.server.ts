// Pieces the initiative reads and writes share: loading an initiative with what the policy
// needs, its versions and authors, the canonical content and its hash, registration numbers,
// the decision due date, and notifications.
import { asc, eq } from "drizzle-orm";
import { initiativeAuthors, initiatives, initiativeVersions, organizations, type InitiativeKind, type InitiativeStatus } from "../../db/schema";
import { canViewInitiative, type InitiativeRecord } from "~/auth/policy";
import { canonicalJson, sha256Hex } from "~/utils/canonical.server";
import type { Ctx, Tx } from "./context.server";
import { notFound } from "./errors";
import { leadersStatement, stmt } from "./initiatives-statements.server";
import { idsOfPath, todayIso } from "./orgs-shared.server";
import { allRows } from "./rows.server";

type Reader = Ctx["db"] | Tx;

export const PREFIX: Record<InitiativeKind, string> = { initiative: "SK", solution: "GP" };
/** Leaders notified of one submission at most (a deep tree has a handful; this only bounds it). */
export const MAX_NOTIFIED = 50;

export const initiativeColumns = {
  id: initiatives.id,
  kind: initiatives.kind,
  registrationNumber: initiatives.registrationNumber,
  receivingOrgId: initiatives.receivingOrgId,
  receivingOrgPath: organizations.path,
  receivingOrgName: organizations.name,
  authorOrgId: initiatives.authorOrgId,
  taskId: initiatives.taskId,
  status: initiatives.status,
  title: initiatives.title,
  currentVersion: initiatives.currentVersion,
  createdBy: initiatives.createdBy,
  createdAt: initiatives.createdAt,
  updatedAt: initiatives.updatedAt,
  firstSubmittedAt: initiatives.firstSubmittedAt,
  submittedAt: initiatives.submittedAt,
  acceptedAt: initiatives.acceptedAt,
  decisionDueOn: initiatives.decisionDueOn,
  returnedReason: initiatives.returnedReason,
  withdrawnAt: initiatives.withdrawnAt,
};

export type InitiativeRow = {
  id: number;
  kind: InitiativeKind;
  registrationNumber: string | null;
  receivingOrgId: number;
  receivingOrgPath: string;
  receivingOrgName: string;
  authorOrgId: number;
  taskId: number | null;
  status: InitiativeStatus;
  title: string;
  currentVersion: number;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
  firstSubmittedAt: string | null;
  submittedAt: string | null;
  acceptedAt: string | null;
  decisionDueOn: string | null;
  returnedReason: string | null;
  withdrawnAt: string | null;
};

/** An author as stored in initiative_authors and in a version's content. */
export type StoredAuthor = {
  personId: number | null;
  fullName: string;
  dateOfBirth: string | null;
  workplace: string;
  jobTitle: string;
  qualification: string;
  shareBp: number;
};

export type Loaded = { row: InitiativeRow; authors: StoredAuthor[]; record: InitiativeRecord };

export function loadInitiative(db: Reader, id: number): Loaded | undefined {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const row = stmt(db, "initiative").get(id) as InitiativeRow | undefined;
  if (!row) return undefined;
  const authors = authorsOf(db, id);
  const authorIds = authors.flatMap((a) => (a.personId === null ? [] : [a.personId]));
  const evaluatorIds = stmt(db, "evaluators").pluck().all(id) as number[];
  return { row, authors, record: { status: row.status, receivingOrgPath: row.receivingOrgPath, createdBy: row.createdBy, authorIds, evaluatorIds } };
}

export function authorsOf(db: Reader, initiativeId: number): StoredAuthor[] {
  return allRows(stmt(db, "authors"), initiativeId) as StoredAuthor[];
}

export function replaceAuthors(tx: Tx, initiativeId: number, authors: StoredAuthor[]): void {
  tx.delete(initiativeAuthors).where(eq(initiativeAuthors.initiativeId, initiativeId)).run();
  tx.insert(initiativeAuthors).values(authors.map((a, position) => ({ initiativeId, position, ...a }))).run();
}

/** The initiative if the actor may see it (the policy's canViewInitiative); else not found. */
export function viewable(ctx: Ctx, db: Reader, id: number): Loaded {
  const loaded = loadInitiative(db, id);
  if (!loaded || !canViewInitiative(ctx.actor, loaded.record)) throw notFound();
  return loaded;
}

export function isAuthor(ctx: Ctx, loaded: Loaded): boolean {
  const me = ctx.actor?.personId;
  return me !== undefined && (loaded.row.createdBy === me || loaded.record.authorIds.includes(me));
}

export type VersionRow = {
  version: number;
  content: string;
  contentSha256: string | null;
  submittedAt: string | null;
  ledgerSeq: number | null;
  ledgerHash: string | null;
};

const versionColumns = {
  version: initiativeVersions.version,
  content: initiativeVersions.content,
  contentSha256: initiativeVersions.contentSha256,
  submittedAt: initiativeVersions.submittedAt,
  ledgerSeq: initiativeVersions.ledgerSeq,
  ledgerHash: initiativeVersions.ledgerHash,
};

export function loadVersion(db: Reader, initiativeId: number, version: number): VersionRow | undefined {
  if (!Number.isSafeInteger(version) || version <= 0) return undefined;
  return stmt(db, "version").get(initiativeId, version) as VersionRow | undefined;
}

export function listVersions(db: Reader, initiativeId: number): Omit<VersionRow, "content">[] {
  const { content: _c, ...columns } = versionColumns;
  return db.select(columns).from(initiativeVersions).where(eq(initiativeVersions.initiativeId, initiativeId)).orderBy(asc(initiativeVersions.version)).all();
}

export type Content = Record<string, unknown>;

export function parseContent(text: string): Content {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Content) : {};
  } catch {
    return {};
  }
}

/**
 * EXTENSION POINT (attachments): the SHA-256 of every attachment the draft includes, sorted.
 * Attachments are uploaded in a later step; this list goes into the frozen content, so the
 * content hash (and the receipt) covers the files too.
 */
export function attachmentHashes(db: Reader, initiativeId: number): string[] {
  return (stmt(db, "attachmentHashes").pluck().all(initiativeId) as string[]).sort();
}

/** The content as frozen at submission: the sections, the authors, the attachments' hashes. */
export function freezeContent(content: Content, authors: StoredAuthor[], attachmentSha256: string[]): { text: string; sha256: string } {
  const text = canonicalJson({ ...content, authors, attachments: attachmentSha256 });
  return { text, sha256: sha256Hex(text) };
}

/** Advance the counter of (prefix, year) inside the caller's IMMEDIATE transaction. */
export function nextRegistrationNumber(tx: Tx, prefix: string, year: number): string {
  const last = stmt(tx, "nextNumber").pluck().get(prefix, year) as number;
  return `${prefix}-${year}-${String(last).padStart(6, "0")}`;
}

/** The server's year in Ho Chi Minh City. */
export function currentYear(ctx: Ctx): number {
  return Number(todayIso(ctx).slice(0, 4));
}

/** Active people holding a live leader grant on the organization at `path` or one above it. */
export function leadersOver(tx: Reader, path: string, except: number[]): number[] {
  const orgIds = idsOfPath(path);
  if (!orgIds.length) return [];
  return leadersStatement(tx, orgIds.length, except.length).pluck().all(...orgIds, ...except, MAX_NOTIFIED) as number[];
}

export function notify(tx: Tx, personIds: number[], key: string, params: Record<string, string | number>, initiativeId: number, at: string): void {
  const unique = [...new Set(personIds)];
  if (!unique.length) return;
  const insert = stmt(tx, "notification");
  const text = JSON.stringify(params);
  for (const personId of unique) insert.run(personId, key, text, `/sang-kien/${initiativeId}`, "initiative", String(initiativeId), at);
}

// Reading one initiative: the record with its authors, the content of the version the actor may
// see, the list of versions, what changed between two versions, the task list's section states,
// and the signed receipt of a submitted version.
import { eq } from "drizzle-orm";
import { tasks } from "../../db/schema";
import { canEditInitiative, canReceiveInitiative, canWithdrawInitiative } from "~/auth/policy";
import { sectionsFor, type Section, type SectionState } from "~/schemas/initiatives";
import { filesOfVersion, type AttachmentItem } from "./attachments.server";
import type { Ctx } from "./context.server";
import { forbidden, notFound } from "./errors";
import { diffContents, sectionStates, type FieldChange } from "./initiatives-content.server";
import { isAuthor, listVersions, loadVersion, parseContent, viewable, type Content, type Loaded, type StoredAuthor } from "./initiatives-shared.server";
import { orgStateAt } from "./orgs-history.server";
import { dateInHcm } from "./orgs-shared.server";
import { signReceipt, type ReceiptFile } from "./receipts.server";

/** The versions the actor may read: the authors all of them, everyone else the submitted ones. */
function readableVersions(ctx: Ctx, loaded: Loaded) {
  const all = listVersions(ctx.db, loaded.row.id);
  return isAuthor(ctx, loaded) ? all : all.filter((v) => v.submittedAt !== null);
}

function readableVersion(ctx: Ctx, loaded: Loaded, version: number) {
  const v = loadVersion(ctx.db, loaded.row.id, version);
  if (!v || (!v.submittedAt && !isAuthor(ctx, loaded))) throw notFound();
  return v;
}

export type InitiativeDetail = ReturnType<typeof getInitiative>;

/**
 * One initiative the actor may see (else not found). The authors read the current version,
 * the draft they are revising included; the receiving leaders and the inspection read the
 * last submitted version, never the authors' unsubmitted edits.
 */
export function getInitiative(ctx: Ctx, id: number) {
  return detailOf(ctx, viewable(ctx, ctx.db, id)).detail;
}

/** The initiative's page: getInitiative and the files of the version it shows, read once. */
export function getInitiativeWithFiles(ctx: Ctx, id: number): { initiative: InitiativeDetail; files: AttachmentItem[] } {
  const { detail, version } = detailOf(ctx, viewable(ctx, ctx.db, id));
  return { initiative: detail, files: filesOfVersion(ctx, id, version) };
}

function detailOf(ctx: Ctx, loaded: Loaded) {
  const { row } = loaded;
  const author = isAuthor(ctx, loaded);
  const versions = readableVersions(ctx, loaded);
  const shown = author ? row.currentVersion : versions.at(-1)?.version;
  if (shown === undefined) throw notFound();
  const version = readableVersion(ctx, loaded, shown);
  const content: Content = parseContent(version.content);
  const task = row.taskId ? (ctx.db.select({ id: tasks.id, title: tasks.title }).from(tasks).where(eq(tasks.id, row.taskId)).get() ?? null) : null;
  const detail = {
    id: row.id,
    kind: row.kind,
    status: row.status,
    registrationNumber: row.registrationNumber,
    title: row.title,
    receivingOrg: { id: row.receivingOrgId, name: row.receivingOrgName },
    task,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    firstSubmittedAt: row.firstSubmittedAt,
    submittedAt: row.submittedAt,
    acceptedAt: row.acceptedAt,
    decisionDueOn: row.decisionDueOn,
    returnedReason: row.returnedReason,
    withdrawnAt: row.withdrawnAt,
    authors: author ? loaded.authors : ((content.authors as StoredAuthor[] | undefined) ?? []),
    version: shown,
    content,
    versions: versions.map((v) => ({ version: v.version, submittedAt: v.submittedAt, contentSha256: v.contentSha256, ledgerSeq: v.ledgerSeq })),
    sections: author ? sectionStates(ctx, row.kind, content, loaded.authors, row.createdBy) : null,
    allowed: {
      edit: canEditInitiative(ctx.actor, loaded.record),
      withdraw: canWithdrawInitiative(ctx.actor, loaded.record),
      receive: canReceiveInitiative(ctx.actor, loaded.record),
    },
  };
  return { detail, version };
}

/** Which fields changed from version `a` to version `b` (names with the text before and after). */
export function getVersionDiff(ctx: Ctx, id: number, a: number, b: number): { a: number; b: number; changes: FieldChange[] } {
  const loaded = viewable(ctx, ctx.db, id);
  const before = readableVersion(ctx, loaded, a);
  const after = readableVersion(ctx, loaded, b);
  return { a, b, changes: diffContents(parseContent(before.content), parseContent(after.content)) };
}

/**
 * One version as submitted (or the authors' draft), with what changed since the version
 * before it that the actor may read.
 */
export function getVersionView(ctx: Ctx, id: number, version: number) {
  const loaded = viewable(ctx, ctx.db, id);
  const v = readableVersion(ctx, loaded, version);
  const content = parseContent(v.content);
  const previous = readableVersions(ctx, loaded)
    .filter((x) => x.version < version)
    .at(-1);
  const changes = previous ? diffContents(parseContent(readableVersion(ctx, loaded, previous.version).content), content) : [];
  return {
    id: loaded.row.id,
    kind: loaded.row.kind,
    title: loaded.row.title,
    registrationNumber: loaded.row.registrationNumber,
    version: v.version,
    submittedAt: v.submittedAt,
    contentSha256: v.contentSha256,
    ledgerSeq: v.ledgerSeq,
    ledgerHash: v.ledgerHash,
    content,
    authors: v.submittedAt ? ((content.authors as StoredAuthor[] | undefined) ?? []) : loaded.authors,
    previous: previous?.version ?? null,
    changes,
  };
}

export type SectionStatus = { section: Section; state: SectionState };

/** The task list of the form: each section not started, in progress or done (authors only). */
export function sectionStatus(ctx: Ctx, id: number): { kind: string; status: string; version: number; sections: SectionStatus[]; ready: boolean } {
  const loaded = viewable(ctx, ctx.db, id);
  if (!isAuthor(ctx, loaded)) throw forbidden();
  const { row } = loaded;
  const version = readableVersion(ctx, loaded, row.currentVersion);
  const states = sectionStates(ctx, row.kind, parseContent(version.content), loaded.authors, row.createdBy);
  const sections = sectionsFor(row.kind).map((section) => ({ section, state: states[section] ?? "not_started" }));
  return { kind: row.kind, status: row.status, version: row.currentVersion, sections, ready: sections.every((s) => s.state === "done") };
}

/**
 * The signed receipt (biên nhận) of a submitted version — the latest one unless `version` is
 * given — for whoever may see the initiative. Everything in it comes from the frozen version
 * and the ledger; only issuedAt is the time of asking.
 */
export function receiptFor(ctx: Ctx, id: number, version?: number): ReceiptFile {
  const loaded = viewable(ctx, ctx.db, id);
  const { row } = loaded;
  const wanted = version ?? listVersions(ctx.db, id).filter((v) => v.submittedAt !== null).at(-1)?.version;
  const v = wanted === undefined ? undefined : loadVersion(ctx.db, id, wanted);
  if (!v || !v.contentSha256 || !v.submittedAt || v.ledgerSeq === null || !v.ledgerHash || !row.registrationNumber) throw notFound();
  const content = parseContent(v.content);
  const authors = (content.authors as StoredAuthor[] | undefined) ?? [];
  return signReceipt(ctx.secrets.privateKey, {
    registrationNumber: row.registrationNumber,
    kind: row.kind,
    title: String((content.general as { title?: string } | undefined)?.title ?? row.title),
    authors: authors.map((a) => ({ name: a.fullName, share: a.shareBp / 100 })),
    // The receiving organization as it was named when the version was submitted.
    organization: orgStateAt(ctx.db, row.receivingOrgId, dateInHcm(new Date(v.submittedAt)))?.name ?? row.receivingOrgName,
    submittedAt: v.submittedAt,
    version: v.version,
    contentSha256: v.contentSha256,
    ledger: { seq: v.ledgerSeq, hash: v.ledgerHash },
    issuedAt: ctx.now().toISOString(),
  });
}

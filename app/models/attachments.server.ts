// Attachments (tệp đính kèm) of an initiative registration: PDF, Word, Excel and images that the
// authors add to their draft. The bytes are kept by their SHA-256 outside public/ and never
// deleted; a row says which initiative has which file under which name. A submitted version
// lists the hashes of the files it included (frozen with its content, so the receipt covers
// them); whoever may read that version may download those files. Drafts stay private to the
// authors. Ledger payloads carry ids, hashes, sizes and types, never the file name.
import { and, asc, eq, isNull } from "drizzle-orm";
import { attachments } from "../../db/schema";
import { sha256Hex } from "~/utils/canonical.server";
import { nowIso, write, type Ctx, type Tx } from "./context.server";
import { invalid, notFound } from "./errors";
import { editable } from "./initiatives.server";
import { isAuthor, listVersions, loadVersion, parseContent, viewable, type Loaded, type VersionRow } from "./initiatives-shared.server";
import { appendEvent } from "./ledger.server";
import { attachmentSettings, checkFile, cleanFileName, filePathOf, MAX_ATTACHMENTS, storeFile } from "./attachments-store.server";

export { attachmentSettings, MAX_ATTACHMENTS } from "./attachments-store.server";

export type AttachmentItem = { id: number; fileName: string; mediaType: string; size: number; sha256: string; uploadedAt: string };
export type OpenedAttachment = { filePath: string; fileName: string; mediaType: string; size: number };

const itemColumns = {
  id: attachments.id,
  fileName: attachments.fileName,
  mediaType: attachments.mediaType,
  size: attachments.size,
  sha256: attachments.sha256,
  uploadedAt: attachments.uploadedAt,
};

/**
 * Add a file to the draft. Refused with a field error on `file` (nothing stored, nothing
 * written) when it is empty, over the limit, not one of the accepted types judged by its
 * bytes, named as another type than it is, already attached, or one too many.
 */
export function addAttachment(ctx: Ctx, initiativeId: number, input: { fileName: string; bytes: Uint8Array }, opts: { maxBytes?: number } = {}): { id: number; sha256: string } {
  const fileName = cleanFileName(input.fileName);
  const maxBytes = opts.maxBytes ?? attachmentSettings().maxBytes;
  // The cheap checks first, so that a refused file never reaches the disk.
  editable(ctx, ctx.db, initiativeId);
  const { mediaType } = checkFile(fileName, input.bytes, maxBytes);
  const sha256 = sha256Hex(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength));
  checkRoom(ctx, initiativeId, sha256);
  // The file goes to disk before the row: an orphan file is harmless, a row without its file is not.
  storeFile(sha256, input.bytes);
  return write(ctx, (tx) => {
    const loaded = editable(ctx, tx, initiativeId);
    checkRoom(ctx, initiativeId, sha256, tx);
    const at = nowIso(ctx);
    const { id } = tx
      .insert(attachments)
      .values({ initiativeId, fileName, mediaType, size: input.bytes.length, sha256, uploadedBy: ctx.actor!.personId, uploadedAt: at })
      .returning({ id: attachments.id })
      .get();
    appendEvent(ctx, tx, {
      action: "initiative.attachment_added",
      entity: "initiative",
      entityId: initiativeId,
      orgId: loaded.row.authorOrgId,
      payload: { id: initiativeId, attachmentId: id, version: loaded.row.currentVersion, sha256, size: input.bytes.length, mediaType },
    });
    return { id, sha256 };
  });
}

function checkRoom(ctx: Ctx, initiativeId: number, sha256: string, db: Ctx["db"] | Tx = ctx.db): void {
  const current = db
    .select({ sha256: attachments.sha256 })
    .from(attachments)
    .where(and(eq(attachments.initiativeId, initiativeId), isNull(attachments.removedAt)))
    .all();
  if (current.some((a) => a.sha256 === sha256)) throw invalid({ file: "attachments.errors.duplicate" });
  if (current.length >= MAX_ATTACHMENTS) throw invalid({ file: "attachments.errors.tooMany" });
}

/** Take a file off the draft. The versions already submitted keep it, and so does the disk. */
export function removeAttachment(ctx: Ctx, initiativeId: number, attachmentId: number): { id: number } {
  return write(ctx, (tx) => {
    const loaded = editable(ctx, tx, initiativeId);
    const row = tx
      .select({ id: attachments.id, sha256: attachments.sha256 })
      .from(attachments)
      .where(and(eq(attachments.id, attachmentId), eq(attachments.initiativeId, initiativeId), isNull(attachments.removedAt)))
      .get();
    if (!row) throw notFound();
    tx.update(attachments).set({ removedAt: nowIso(ctx) }).where(eq(attachments.id, row.id)).run();
    appendEvent(ctx, tx, {
      action: "initiative.attachment_removed",
      entity: "initiative",
      entityId: initiativeId,
      orgId: loaded.row.authorOrgId,
      payload: { id: initiativeId, attachmentId: row.id, version: loaded.row.currentVersion, sha256: row.sha256 },
    });
    return { id: row.id };
  });
}

/** The hashes a frozen version included (its content's `attachments`). */
function frozenHashes(v: Pick<VersionRow, "content">): Set<string> {
  const list = parseContent(v.content).attachments;
  return new Set(Array.isArray(list) ? list.filter((s): s is string => typeof s === "string") : []);
}

function draftFiles(ctx: Ctx, initiativeId: number): AttachmentItem[] {
  return ctx.db
    .select(itemColumns)
    .from(attachments)
    .where(and(eq(attachments.initiativeId, initiativeId), isNull(attachments.removedAt)))
    .orderBy(asc(attachments.id))
    .all();
}

/** One row per hash the version included (the first uploaded, should a file have been re-added). */
function versionFiles(ctx: Ctx, initiativeId: number, v: VersionRow): AttachmentItem[] {
  const wanted = frozenHashes(v);
  if (!wanted.size) return [];
  const seen = new Set<string>();
  return ctx.db
    .select(itemColumns)
    .from(attachments)
    .where(eq(attachments.initiativeId, initiativeId))
    .orderBy(asc(attachments.id))
    .all()
    .filter((a) => wanted.has(a.sha256) && !seen.has(a.sha256) && seen.add(a.sha256));
}

/** The version whose files the actor reads: as getInitiative shows (the authors the current
 * one, everyone else the last submitted), or the one asked for if the actor may read it. */
function shownVersion(ctx: Ctx, loaded: Loaded, version?: number): VersionRow | null {
  const author = isAuthor(ctx, loaded);
  const wanted = version ?? (author ? loaded.row.currentVersion : listVersions(ctx.db, loaded.row.id).filter((v) => v.submittedAt !== null).at(-1)?.version);
  if (wanted === undefined) return null;
  const v = loadVersion(ctx.db, loaded.row.id, wanted);
  if (!v || (!v.submittedAt && !author)) throw notFound();
  return v;
}

/** The files of a version: the draft's current files while it is being written, the files a
 * submitted version froze otherwise. Not found when the actor may not read that version. */
export function listAttachments(ctx: Ctx, initiativeId: number, version?: number): AttachmentItem[] {
  const loaded = viewable(ctx, ctx.db, initiativeId);
  const v = shownVersion(ctx, loaded, version);
  return v ? filesOfVersion(ctx, initiativeId, v) : [];
}

/** The files of a version the actor may read (the caller checked that). */
export function filesOfVersion(ctx: Ctx, initiativeId: number, v: VersionRow): AttachmentItem[] {
  return v.contentSha256 ? versionFiles(ctx, initiativeId, v) : draftFiles(ctx, initiativeId);
}

/** A file to download: the authors any file of their initiative, everyone else who may see the
 * initiative only the files a submitted version included. */
export function openAttachment(ctx: Ctx, initiativeId: number, attachmentId: number): OpenedAttachment {
  if (!Number.isSafeInteger(attachmentId) || attachmentId <= 0) throw notFound();
  const loaded = viewable(ctx, ctx.db, initiativeId);
  const row = ctx.db
    .select({ fileName: attachments.fileName, mediaType: attachments.mediaType, size: attachments.size, sha256: attachments.sha256 })
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.initiativeId, initiativeId)))
    .get();
  if (!row) throw notFound();
  if (!isAuthor(ctx, loaded)) {
    const submitted = listVersions(ctx.db, initiativeId).filter((v) => v.submittedAt !== null);
    const included = submitted.some((s) => {
      const v = loadVersion(ctx.db, initiativeId, s.version);
      return !!v && frozenHashes(v).has(row.sha256);
    });
    if (!included) throw notFound();
  }
  return { filePath: filePathOf(row.sha256), fileName: row.fileName, mediaType: row.mediaType, size: row.size };
}

export type DraftAttachments = {
  initiative: { id: number; title: string; registrationNumber: string | null };
  files: AttachmentItem[];
  limits: { maxMb: number; maxFiles: number };
};

/** The attachments page of the form: only while the actor may edit the draft (else 404/409/403). */
export function draftAttachments(ctx: Ctx, initiativeId: number): DraftAttachments {
  const { row } = editable(ctx, ctx.db, initiativeId);
  return {
    initiative: { id: row.id, title: row.title, registrationNumber: row.registrationNumber },
    files: draftFiles(ctx, initiativeId),
    limits: { maxMb: attachmentSettings().maxMb, maxFiles: MAX_ATTACHMENTS },
  };
}

// Importing people from a committee's list: preview (parse, check, stage — nothing else is
// written), then confirm (all rows or none, re-checked inside one write transaction) or discard.
import { and, desc, eq } from "drizzle-orm";
import { importBatches, type ImportStatus } from "../../db/schema";
import { canAnywhere, scopes } from "~/auth/policy";
import { sha256Hex } from "~/utils/canonical.server";
import { write, nowIso, type Ctx, type Tx } from "./context.server";
import { conflict, forbidden, notFound } from "./errors";
import { checkRows } from "./import-check.server";
import { parseImportFile } from "./import-parse.server";
import { cleanText, normalizeRow, type ImportRow, type Problem } from "./import-rows.server";
import { appendEvent } from "./ledger.server";
import { insertAccountRow, insertPersonRow } from "./people.server";

export type { ImportRow, Problem };

function requireImporter(ctx: Ctx) {
  if (!ctx.actor || !canAnywhere(ctx.actor, "people.import")) throw forbidden();
  return ctx.actor;
}

/** Today's calendar date in Ho Chi Minh City (UTC+7, no daylight saving). */
function today(ctx: Ctx): string {
  return new Date(ctx.now().getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** The organization the import events are filed under: the root of the actor's import scope. */
function scopeOrgId(ctx: Ctx): number | null {
  const root = scopes(ctx.actor, "people.import")[0];
  const id = Number(root?.split("/").filter(Boolean).pop());
  return Number.isInteger(id) ? id : null;
}

export type UploadedFile = { name: string; bytes: Uint8Array };

/** Read and check an uploaded list, and stage it for confirmation. Writes no person. */
export async function previewImport(ctx: Ctx, file: UploadedFile): Promise<{ batchId: number }> {
  const actor = requireImporter(ctx);
  const parsed = await parseImportFile(file);
  const day = today(ctx);
  const rows = parsed.rows.map((raw) => normalizeRow(raw, day));
  const fileSha256 = sha256Hex(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  const fileName = cleanText(file.name.split(/[\\/]/).pop() ?? "").replace(/[<>]/g, "_").slice(0, 200) || "—";
  return write(ctx, (tx) => {
    checkRows(ctx, tx, rows, true);
    const problemCount = rows.filter((r) => r.problems.length).length;
    const batch = tx
      .insert(importBatches)
      .values({
        actorId: actor.personId,
        orgScope: JSON.stringify(scopes(actor, "people.import")),
        fileName,
        fileSha256,
        createdAt: nowIso(ctx),
        status: "pending",
        rowCount: rows.length,
        problemCount,
        rows: JSON.stringify(rows),
      })
      .returning({ id: importBatches.id })
      .get();
    appendEvent(ctx, tx, {
      action: "import.previewed",
      entity: "import_batch",
      entityId: batch.id,
      orgId: scopeOrgId(ctx),
      payload: { fileName, fileSha256, kind: parsed.kind, rows: rows.length, problemRows: problemCount },
    });
    return { batchId: batch.id };
  });
}

const batchColumns = {
  id: importBatches.id,
  actorId: importBatches.actorId,
  fileName: importBatches.fileName,
  fileSha256: importBatches.fileSha256,
  createdAt: importBatches.createdAt,
  status: importBatches.status,
  decidedAt: importBatches.decidedAt,
  rowCount: importBatches.rowCount,
  problemCount: importBatches.problemCount,
  createdCount: importBatches.createdCount,
};

/** A batch of the acting person's own; anyone else's reads as not found. */
function ownBatch(ctx: Ctx, tx: Tx | Ctx["db"], batchId: number) {
  const actor = requireImporter(ctx);
  const batch = (tx as Tx)
    .select({ ...batchColumns, rows: importBatches.rows })
    .from(importBatches)
    .where(and(eq(importBatches.id, batchId), eq(importBatches.actorId, actor.personId)))
    .get();
  if (!batch) throw notFound();
  return batch;
}

export type BatchView = {
  id: number;
  fileName: string;
  fileSha256: string;
  createdAt: string;
  status: ImportStatus;
  decidedAt: string | null;
  rowCount: number;
  problemCount: number;
  createdCount: number;
  /** This page's window over the rows, problem rows first. */
  problemRows: ImportRow[];
  createRows: ImportRow[];
};

/** The preview of one's own batch: counts and one page of rows, those with problems first. */
export function getImportBatch(ctx: Ctx, batchId: number, page: number, pageSize: number): BatchView {
  const { rows: json, actorId: _actor, ...batch } = ownBatch(ctx, ctx.db, batchId);
  const rows = JSON.parse(json) as ImportRow[];
  const problems = rows.filter((r) => r.problems.length);
  const ok = rows.filter((r) => !r.problems.length);
  const from = (page - 1) * pageSize;
  const to = from + pageSize;
  return {
    ...batch,
    problemRows: problems.slice(from, to),
    createRows: ok.slice(Math.max(0, from - problems.length), Math.max(0, to - problems.length)),
  };
}

/** The acting person's batches still waiting for a decision, newest first. */
export function listPendingImports(ctx: Ctx) {
  const actor = requireImporter(ctx);
  return ctx.db
    .select({ id: importBatches.id, fileName: importBatches.fileName, createdAt: importBatches.createdAt, rowCount: importBatches.rowCount, problemCount: importBatches.problemCount })
    .from(importBatches)
    .where(and(eq(importBatches.actorId, actor.personId), eq(importBatches.status, "pending")))
    .orderBy(desc(importBatches.id))
    .limit(10)
    .all();
}

export type ConfirmResult = { ok: true; created: number; accounts: number } | { ok: false; problemCount: number };

/**
 * Write every person of a problem-free batch, or none. What changed since the preview
 * (an account taken, an organization closed, a grant revoked) is checked again inside the
 * same transaction; new problems are saved to the batch for the preview to show.
 */
export function confirmImport(ctx: Ctx, batchId: number): ConfirmResult {
  return write(ctx, (tx) => {
    const batch = ownBatch(ctx, tx, batchId);
    if (batch.status !== "pending") throw conflict("import.confirm.notPending", { form: "import.confirm.notPending" });
    const rows = JSON.parse(batch.rows) as ImportRow[];
    if (batch.problemCount > 0 || rows.some((r) => r.problems.length)) {
      throw conflict("import.confirm.hasProblems", { form: "import.confirm.hasProblems" });
    }
    checkRows(ctx, tx, rows, false);
    const problemCount = rows.filter((r) => r.problems.length).length;
    if (problemCount) {
      tx.update(importBatches).set({ rows: JSON.stringify(rows), problemCount }).where(eq(importBatches.id, batchId)).run();
      return { ok: false as const, problemCount };
    }
    const at = nowIso(ctx);
    let accountCount = 0;
    for (const r of rows) {
      const orgId = r.orgId!;
      const personId = insertPersonRow(
        tx,
        { familyName: r.familyName, middleName: r.middleName, givenName: r.givenName, dateOfBirth: r.dateOfBirth, position: r.position, orgId, partyMember: r.partyMember, email: r.email },
        at,
      );
      // No password: an administrator issues a first one later (hashing 5,000 would take minutes).
      const accountId = r.username ? insertAccountRow(tx, { personId, username: r.username, passwordHash: null, mustChangePassword: true }, at) : null;
      if (accountId) accountCount++;
      appendEvent(ctx, tx, {
        action: "person.created",
        entity: "person",
        entityId: personId,
        orgId,
        payload: { source: "import", batchId, line: r.line, accountId },
      });
    }
    appendEvent(ctx, tx, {
      action: "import.confirmed",
      entity: "import_batch",
      entityId: batchId,
      orgId: scopeOrgId(ctx),
      payload: { fileName: batch.fileName, fileSha256: batch.fileSha256, rows: rows.length, people: rows.length, accounts: accountCount },
    });
    // The people are in their tables now; the staged copy of their data is not kept.
    tx.update(importBatches)
      .set({ status: "confirmed", decidedAt: at, createdCount: rows.length, rows: "[]" })
      .where(eq(importBatches.id, batchId))
      .run();
    return { ok: true as const, created: rows.length, accounts: accountCount };
  });
}

/** Drop a pending batch (and the personal data staged with it). */
export function discardImport(ctx: Ctx, batchId: number): void {
  write(ctx, (tx) => {
    const batch = ownBatch(ctx, tx, batchId);
    if (batch.status !== "pending") throw conflict("import.confirm.notPending", { form: "import.confirm.notPending" });
    tx.update(importBatches).set({ status: "discarded", decidedAt: nowIso(ctx), rows: "[]" }).where(eq(importBatches.id, batchId)).run();
    appendEvent(ctx, tx, {
      action: "import.discarded",
      entity: "import_batch",
      entityId: batchId,
      orgId: scopeOrgId(ctx),
      payload: { fileName: batch.fileName, fileSha256: batch.fileSha256, rows: batch.rowCount },
    });
  });
}

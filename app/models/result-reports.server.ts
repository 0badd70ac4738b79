// Reports of results (báo cáo kết quả áp dụng): after recognition the authors report the
// measured benefit and since when it applies, with evidence files (stored like attachments:
// judged by their bytes, kept by SHA-256 outside public/); a leader of the receiving
// organization who is not an author confirms or rejects it with a note. Only confirmed
// reports count. Ledger payloads carry ids, hashes, sizes and types, never file names.
import { and, asc, count, desc, eq, inArray, ne, sql, type Placeholder } from "drizzle-orm";
import { initiatives, notifications, organizations, reportFiles, resultReports } from "../../db/schema";
import { canAnywhere, canConfirmReport, canReportResults, type Actor } from "~/auth/policy";
import { parseDate } from "~/i18n/format";
import { reportDecisionSchema, reportSchema } from "~/schemas/decisions";
import { sha256Hex } from "~/utils/canonical.server";
import { attachmentSettings, checkFile, cleanFileName, filePathOf, storeFile } from "./attachments-store.server";
import { actorKey, preparedOnce } from "./compiled.server";
import { nowIso, write, type Ctx, type Tx } from "./context.server";
import { conflict, forbidden, invalid, notFound } from "./errors";
import { viewable, type Loaded } from "./initiatives-shared.server";
import { appendEvent } from "./ledger.server";
import { todayIso } from "./orgs-shared.server";
import { pathScope } from "./scope.server";

export const MAX_REPORT_FILES = 10;

type Upload = { fileName: string; bytes: Uint8Array } | null;

function fields(error: { issues: { path: PropertyKey[]; message: string }[] }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) out[String(i.path[0] ?? "form")] ??= i.message;
  return out;
}

/** The initiative's reports with their files, and what the actor may do. */
export function reportsFor(ctx: Ctx, initiativeId: number) {
  const loaded = viewable(ctx, ctx.db, initiativeId);
  const reports = ctx.db
    .select({
      id: resultReports.id, measuredBenefit: resultReports.measuredBenefit, appliedFrom: resultReports.appliedFrom, status: resultReports.status,
      submittedBy: resultReports.submittedBy, submittedAt: resultReports.submittedAt, decidedAt: resultReports.decidedAt, decisionNote: resultReports.decisionNote,
    })
    .from(resultReports)
    .where(eq(resultReports.initiativeId, initiativeId))
    .orderBy(desc(resultReports.id))
    .all();
  const files = reports.length
    ? ctx.db
        .select({ id: reportFiles.id, reportId: reportFiles.reportId, fileName: reportFiles.fileName, mediaType: reportFiles.mediaType, size: reportFiles.size })
        .from(reportFiles)
        .where(inArray(reportFiles.reportId, reports.map((r) => r.id)))
        .orderBy(asc(reportFiles.id))
        .all()
    : [];
  return {
    initiative: { id: loaded.row.id, title: loaded.row.title, registrationNumber: loaded.row.registrationNumber, status: loaded.row.status },
    reports: reports.map((r) => ({ files: files.filter((f) => f.reportId === r.id), ...r })),
    confirmed: reports.filter((r) => r.status === "confirmed").length,
    allowed: { report: canReportResults(ctx.actor, loaded.record), confirm: canConfirmReport(ctx.actor, loaded.record) },
    maxMb: attachmentSettings().maxMb,
    today: todayIso(ctx),
  };
}

/** Check the file before anything is written; store it (an orphan file is harmless). */
function prepareFile(file: Upload): { fileName: string; mediaType: string; size: number; sha256: string } | null {
  if (!file) return null;
  const fileName = cleanFileName(file.fileName);
  const { mediaType } = checkFile(fileName, file.bytes, attachmentSettings().maxBytes);
  const sha256 = sha256Hex(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  storeFile(sha256, file.bytes);
  return { fileName, mediaType, size: file.bytes.length, sha256 };
}

function reportable(ctx: Ctx, tx: Tx, initiativeId: number): Loaded {
  const loaded = viewable(ctx, tx, initiativeId);
  if (!canReportResults(ctx.actor, loaded.record)) throw loaded.row.status === "recognised" ? forbidden() : conflict("decisions.report.errors.notRecognised");
  return loaded;
}

/** Submit a report of results, with an optional first evidence file. */
export function submitReport(ctx: Ctx, initiativeId: number, input: Record<string, unknown>, file: Upload = null): { id: number } {
  // Refuse early who may not report, so that their file never reaches the disk.
  reportable(ctx, ctx.db as unknown as Tx, initiativeId);
  const parsed = reportSchema.safeParse(input);
  if (!parsed.success) throw invalid(fields(parsed.error));
  const appliedFrom = parsed.data.appliedFrom ? parseDate(parsed.data.appliedFrom) : null;
  if (appliedFrom && appliedFrom > todayIso(ctx)) throw invalid({ appliedFrom: "decisions.report.errors.future" });
  const stored = prepareFile(file);
  return write(ctx, (tx) => {
    const loaded = reportable(ctx, tx, initiativeId);
    const at = nowIso(ctx);
    const me = ctx.actor!.personId;
    const { id } = tx
      .insert(resultReports)
      .values({ initiativeId, measuredBenefit: parsed.data.measuredBenefit, appliedFrom, submittedBy: me, submittedAt: at })
      .returning({ id: resultReports.id })
      .get();
    if (stored) tx.insert(reportFiles).values({ reportId: id, ...stored, uploadedBy: me, uploadedAt: at }).run();
    appendEvent(ctx, tx, {
      action: "report.submitted",
      entity: "initiative",
      entityId: initiativeId,
      orgId: loaded.row.receivingOrgId,
      payload: { id: initiativeId, reportId: id, appliedFrom, files: stored ? [{ sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType }] : [] },
    });
    return { id };
  });
}

function openReport(tx: Tx | Ctx["db"], initiativeId: number, reportId: number) {
  if (!Number.isSafeInteger(reportId) || reportId <= 0) throw notFound();
  const r = tx.select({ id: resultReports.id, status: resultReports.status }).from(resultReports).where(and(eq(resultReports.id, reportId), eq(resultReports.initiativeId, initiativeId))).get();
  if (!r) throw notFound();
  return r;
}

/** Add one more evidence file to a report still awaiting the leader. */
export function addReportFile(ctx: Ctx, initiativeId: number, reportId: number, file: Upload): { id: number } {
  reportable(ctx, ctx.db as unknown as Tx, initiativeId);
  if (!file) throw invalid({ file: "attachments.errors.empty" });
  const stored = prepareFile(file)!;
  return write(ctx, (tx) => {
    const loaded = reportable(ctx, tx, initiativeId);
    const r = openReport(tx, initiativeId, reportId);
    if (r.status !== "submitted") throw conflict("decisions.report.errors.decided");
    const n = tx.select({ n: count() }).from(reportFiles).where(eq(reportFiles.reportId, reportId)).get()!.n;
    if (n >= MAX_REPORT_FILES) throw invalid({ file: "attachments.errors.tooMany" });
    const at = nowIso(ctx);
    const { id } = tx.insert(reportFiles).values({ reportId, ...stored, uploadedBy: ctx.actor!.personId, uploadedAt: at }).returning({ id: reportFiles.id }).get();
    appendEvent(ctx, tx, {
      action: "report.file_added",
      entity: "initiative",
      entityId: initiativeId,
      orgId: loaded.row.receivingOrgId,
      payload: { id: initiativeId, reportId, fileId: id, sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType },
    });
    return { id };
  });
}

/** Confirm or reject a report (a rejection needs a note). */
export function decideReport(ctx: Ctx, initiativeId: number, reportId: number, input: Record<string, unknown>): void {
  write(ctx, (tx) => {
    const loaded = viewable(ctx, tx, initiativeId);
    if (!canConfirmReport(ctx.actor, loaded.record)) throw forbidden();
    const parsed = reportDecisionSchema.safeParse(input);
    if (!parsed.success) throw invalid(fields(parsed.error));
    const r = openReport(tx, initiativeId, reportId);
    if (r.status !== "submitted") throw conflict("decisions.report.errors.decided");
    const at = nowIso(ctx);
    const { verdict, note } = parsed.data;
    tx.update(resultReports).set({ status: verdict, decidedBy: ctx.actor!.personId, decidedAt: at, decisionNote: note }).where(eq(resultReports.id, reportId)).run();
    const authors = [...new Set([loaded.row.createdBy, ...loaded.record.authorIds])];
    tx.insert(notifications)
      .values(authors.map((personId) => ({ personId, key: `decisions.notify.report_${verdict}`, params: JSON.stringify({ title: loaded.row.title }), href: `/sang-kien/${initiativeId}/ket-qua`, entity: "initiative", entityId: String(initiativeId), createdAt: at })))
      .run();
    appendEvent(ctx, tx, {
      action: verdict === "confirmed" ? "report.confirmed" : "report.rejected",
      entity: "initiative",
      entityId: initiativeId,
      orgId: loaded.row.receivingOrgId,
      payload: { id: initiativeId, reportId, note: note || null },
    });
  });
}

/** An evidence file to download: whoever may see the initiative. */
export function openReportFile(ctx: Ctx, initiativeId: number, fileId: number) {
  if (!Number.isSafeInteger(fileId) || fileId <= 0) throw notFound();
  viewable(ctx, ctx.db, initiativeId);
  const f = ctx.db
    .select({ fileName: reportFiles.fileName, mediaType: reportFiles.mediaType, size: reportFiles.size, sha256: reportFiles.sha256 })
    .from(reportFiles)
    .innerJoin(resultReports, eq(resultReports.id, reportFiles.reportId))
    .where(and(eq(reportFiles.id, fileId), eq(resultReports.initiativeId, initiativeId)))
    .get();
  if (!f) throw notFound();
  return { filePath: filePathOf(f.sha256), fileName: f.fileName, mediaType: f.mediaType, size: f.size };
}

/** Reports waiting for the actor's confirmation: submitted, received within the actor's scope,
 * not the actor's own (read with resultReports, initiatives and organizations joined). */
function awaitingConfirmation(actor: Actor, person: number | Placeholder) {
  return and(eq(resultReports.status, "submitted"), pathScope(organizations.path, actor, "initiative.receive"), ne(initiatives.createdBy, person));
}

/** Reports awaiting the actor's confirmation, the oldest first (the credit page's list). */
export function reportsToConfirm(ctx: Ctx, limit = 50) {
  const actor = ctx.actor;
  if (!actor || !canAnywhere(actor, "initiative.receive")) return [];
  return ctx.db
    .select({ reportId: resultReports.id, initiativeId: initiatives.id, title: initiatives.title, registrationNumber: initiatives.registrationNumber, submittedAt: resultReports.submittedAt })
    .from(resultReports)
    .innerJoin(initiatives, eq(initiatives.id, resultReports.initiativeId))
    .innerJoin(organizations, eq(organizations.id, initiatives.receivingOrgId))
    .where(awaitingConfirmation(actor, actor.personId))
    .orderBy(asc(resultReports.submittedAt))
    .limit(limit)
    .all();
}

export function homeReportCards(ctx: Ctx): { key: "reports.pending"; count: number; href: string }[] {
  const actor = ctx.actor;
  if (!actor || !canAnywhere(actor, "initiative.receive")) return [];
  // Counted, not listed: the same reports as reportsToConfirm.
  const pending = preparedOnce(ctx.db, `home reports.pending\u0000${actorKey(actor)}`, () =>
    ctx.db
      .select({ n: count() })
      .from(resultReports)
      .innerJoin(initiatives, eq(initiatives.id, resultReports.initiativeId))
      .innerJoin(organizations, eq(organizations.id, initiatives.receivingOrgId))
      .where(awaitingConfirmation(actor, sql.placeholder("person"))),
  ).get({ person: actor.personId })!.n;
  return pending ? [{ key: "reports.pending", count: pending, href: "/ghi-nhan#bao-cao-cho-xac-nhan" }] : [];
}

// Deciding on a submitted registration: the receiving organization's leader accepts it (the
// decision is then due within 3 months, Decree 13/2012) or returns it for revision with a
// reason (a new draft version, a copy of what was submitted, becomes current; the submitted
// one stays frozen); the authors may withdraw it before evaluation.
import { eq } from "drizzle-orm";
import { initiatives, initiativeVersions } from "../../db/schema";
import { canReceiveInitiative, canWithdrawInitiative } from "~/auth/policy";
import { optionalReasonSchema, reasonSchema } from "~/schemas/initiatives";
import { canonicalJson } from "~/utils/canonical.server";
import { nowIso, write, type Ctx, type Tx } from "./context.server";
import { conflict, forbidden, invalid } from "./errors";
import { isAuthor, leadersOver, loadVersion, notify, parseContent, viewable, type Loaded } from "./initiatives-shared.server";
import { appendEvent } from "./ledger.server";
import { addMonthsClamped, todayIso } from "./orgs-shared.server";

/** Months from acceptance to the due decision. */
export const DECISION_MONTHS = 3;

function parseReason(schema: typeof reasonSchema | typeof optionalReasonSchema, input: unknown): string {
  const parsed = schema.safeParse(input ?? {});
  if (!parsed.success) throw invalid({ reason: parsed.error.issues[0]?.message ?? "errors.required" });
  return parsed.data.reason;
}

/** The submitted registration, if the actor may receive it: a leader of the receiving
 * organization or above who is not an author. Viewers who may not are refused. */
function receivable(ctx: Ctx, tx: Tx, id: number): Loaded {
  const loaded = viewable(ctx, tx, id);
  if (!canReceiveInitiative(ctx.actor, loaded.record)) {
    if (loaded.row.status !== "submitted") throw conflict("initiatives.errors.notSubmitted");
    throw forbidden();
  }
  return loaded;
}

const authorsToNotify = (ctx: Ctx, loaded: Loaded) => loaded.record.authorIds.filter((p) => p !== ctx.actor?.personId);

/** Accept (tiếp nhận): the decision is due 3 calendar months later (clamped to the month's end). */
export function accept(ctx: Ctx, id: number): { decisionDueOn: string } {
  return write(ctx, (tx) => {
    const loaded = receivable(ctx, tx, id);
    const at = nowIso(ctx);
    const decisionDueOn = addMonthsClamped(todayIso(ctx), DECISION_MONTHS);
    tx.update(initiatives).set({ status: "accepted", acceptedAt: at, decisionDueOn, updatedAt: at }).where(eq(initiatives.id, id)).run();
    const { row } = loaded;
    notify(tx, authorsToNotify(ctx, loaded), "initiatives.notify.accepted", { number: row.registrationNumber ?? "", title: row.title, due: decisionDueOn }, id, at);
    appendEvent(ctx, tx, {
      action: "initiative.accepted",
      entity: "initiative",
      entityId: id,
      orgId: row.receivingOrgId,
      payload: { id, version: row.currentVersion, registrationNumber: row.registrationNumber, decisionDueOn },
    });
    return { decisionDueOn };
  });
}

/** Return for revision (yêu cầu bổ sung) with a reason: a new draft version becomes current. */
export function returnForRevision(ctx: Ctx, id: number, input: { reason: string }): { version: number } {
  const reason = parseReason(reasonSchema, input);
  return write(ctx, (tx) => {
    const loaded = receivable(ctx, tx, id);
    const { row } = loaded;
    const submitted = loadVersion(tx, id, row.currentVersion);
    if (!submitted?.contentSha256) throw conflict("initiatives.errors.notSubmitted");
    // The copy is the authors' new draft; its attachments are listed again when it is frozen.
    const { attachments: _a, ...content } = parseContent(submitted.content);
    const version = row.currentVersion + 1;
    const at = nowIso(ctx);
    tx.insert(initiativeVersions).values({ initiativeId: id, version, content: canonicalJson(content), createdBy: ctx.actor!.personId, createdAt: at, updatedAt: at }).run();
    tx.update(initiatives).set({ status: "returned", returnedReason: reason, currentVersion: version, updatedAt: at }).where(eq(initiatives.id, id)).run();
    notify(tx, authorsToNotify(ctx, loaded), "initiatives.notify.returned", { number: row.registrationNumber ?? "", title: row.title }, id, at);
    appendEvent(ctx, tx, {
      action: "initiative.returned",
      entity: "initiative",
      entityId: id,
      orgId: row.receivingOrgId,
      // The reason is the organization's decision, kept readable for every round of revision.
      payload: { id, version: submitted.version, newVersion: version, registrationNumber: row.registrationNumber, reason },
    });
    return { version };
  });
}

/** Withdraw (rút): the authors, after submitting and before evaluation. */
export function withdraw(ctx: Ctx, id: number, input: { reason?: string } = {}): void {
  const reason = parseReason(optionalReasonSchema, input);
  write(ctx, (tx) => {
    const loaded = viewable(ctx, tx, id);
    if (!canWithdrawInitiative(ctx.actor, loaded.record)) {
      if (isAuthor(ctx, loaded)) throw conflict("initiatives.errors.notWithdrawable");
      throw forbidden();
    }
    const { row } = loaded;
    const at = nowIso(ctx);
    tx.update(initiatives).set({ status: "withdrawn", withdrawnAt: at, updatedAt: at }).where(eq(initiatives.id, id)).run();
    notify(tx, leadersOver(tx, row.receivingOrgPath, loaded.record.authorIds), "initiatives.notify.withdrawn", { number: row.registrationNumber ?? "", title: row.title }, id, at);
    appendEvent(ctx, tx, {
      action: "initiative.withdrawn",
      entity: "initiative",
      entityId: id,
      orgId: row.receivingOrgId,
      payload: { id, registrationNumber: row.registrationNumber, before: { status: row.status }, reason: reason || null },
    });
  });
}

/** The decision due date if a registration were accepted today (shown before accepting). */
export function decisionDueIfAcceptedToday(ctx: Ctx): string {
  return addMonthsClamped(todayIso(ctx), DECISION_MONTHS);
}

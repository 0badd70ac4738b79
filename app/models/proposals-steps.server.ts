// After approval (Decree 73/2023): the proposer records when implementation ended (the
// completion report is then due within 5 working days), submits the report (the evaluation is
// then due within 7 working days), and the head evaluates it: completed / partly / not
// completed with the causes, and whether damage occurred, from which the protection tier follows.
import { eq } from "drizzle-orm";
import { proposals } from "../../db/schema";
import { evaluationSchema, implementedSchema, reportSchema } from "~/schemas/proposals";
import { workingDaysAfter, workingDaysFromToday } from "./calendar.server";
import { nowIso, write, type Ctx } from "./context.server";
import { conflict, invalid } from "./errors";
import { appendEvent } from "./ledger.server";
import { dateInHcm, todayIso } from "./orgs-shared.server";
import { protectionTierFor } from "./protection";
import { asHead, collectiveOf, notify, ownIn, parseOrThrow } from "./proposals-shared.server";

export const REPORT_WORKING_DAYS = 5;
export const EVALUATION_WORKING_DAYS = 7;

/** The proposer records the day implementation ended: not in the future, not before approval. */
export function recordImplementation(ctx: Ctx, id: number, input: unknown): { reportDueOn: string } {
  const { endedOn } = parseOrThrow(implementedSchema, input);
  return write(ctx, (tx) => {
    const { row } = ownIn(ctx, tx, id, "approved", "proposals.errors.notApproved");
    if (row.implementationEndedOn) throw conflict("proposals.errors.alreadyImplemented");
    if (endedOn > todayIso(ctx)) throw invalid({ endedOn: "proposals.errors.endFuture" });
    if (row.decidedAt && endedOn < dateInHcm(new Date(row.decidedAt))) throw invalid({ endedOn: "proposals.errors.endBeforeDecision" });
    const reportDueOn = workingDaysAfter(tx, endedOn, REPORT_WORKING_DAYS);
    tx.update(proposals).set({ implementationEndedOn: endedOn, reportDueOn, updatedAt: nowIso(ctx) }).where(eq(proposals.id, id)).run();
    appendEvent(ctx, tx, { action: "proposal.implemented", entity: "proposal", entityId: id, orgId: row.orgId, payload: { id, endedOn, reportDueOn } });
    return { reportDueOn };
  });
}

/** The proposer's completion report; the head's evaluation is due 7 working days later. */
export function submitReport(ctx: Ctx, id: number, input: unknown): { evaluationDueOn: string } {
  const { report } = parseOrThrow(reportSchema, input);
  return write(ctx, (tx) => {
    const { row } = ownIn(ctx, tx, id, "approved", "proposals.errors.notApproved");
    if (!row.implementationEndedOn) throw conflict("proposals.errors.notImplemented");
    const at = nowIso(ctx);
    const evaluationDueOn = workingDaysFromToday(ctx, tx, EVALUATION_WORKING_DAYS);
    tx.update(proposals).set({ status: "reported", report, reportedAt: at, evaluationDueOn, updatedAt: at }).where(eq(proposals.id, id)).run();
    notify(tx, collectiveOf(tx, row.deciderOrgId, row.proposerId).map((c) => c.personId), "proposals.notify.reported", { title: row.title, due: evaluationDueOn }, id, at);
    appendEvent(ctx, tx, { action: "proposal.reported", entity: "proposal", entityId: id, orgId: row.orgId, payload: { id, evaluationDueOn, reportLength: report.length } });
    return { evaluationDueOn };
  });
}

/** The head evaluates the result; the protection tier follows from it (app/models/protection.ts). */
export function evaluate(ctx: Ctx, id: number, input: unknown) {
  const data = parseOrThrow(evaluationSchema, input);
  const damage = data.damage === "yes";
  const protectionTier = protectionTierFor(data.completion, damage);
  return write(ctx, (tx) => {
    const { row } = asHead(ctx, tx, id, "reported", "proposals.errors.notReported");
    const at = nowIso(ctx);
    tx.update(proposals)
      .set({ status: "evaluated", completion: data.completion, causes: data.causes, damage, protectionTier, evaluatedBy: ctx.actor!.personId, evaluatedAt: at, updatedAt: at })
      .where(eq(proposals.id, id))
      .run();
    notify(tx, [row.proposerId], "proposals.notify.evaluated", { title: row.title }, id, at);
    appendEvent(ctx, tx, {
      action: "proposal.evaluated",
      entity: "proposal",
      entityId: id,
      orgId: row.deciderOrgId,
      payload: { id, completion: data.completion, damage, protectionTier, causes: data.causes || null },
    });
    return { protectionTier };
  });
}

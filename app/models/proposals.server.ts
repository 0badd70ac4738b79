// Innovation proposals of leaders (Decree 73/2023): the plan as a draft, submission to the head
// of the deciding organization (due: 7 working days), the collective's votes recorded by the
// head, and the decision (passed, failed, or approved in writing by the head despite a failed
// vote, who then bears the responsibility). Implementation, report and evaluation follow in
// proposals-steps.server.ts; reading in proposals-read.server.ts.
import { eq } from "drizzle-orm";
import { proposals, proposalVotes } from "../../db/schema";
import type { Vote } from "../../db/enums";
import { canPropose } from "~/auth/policy";
import { overrideSchema, PLAN_FIELDS, planSchema } from "~/schemas/proposals";
import { workingDaysFromToday } from "./calendar.server";
import { nowIso, write, type Ctx, type Tx } from "./context.server";
import { conflict, forbidden, invalid, type FieldErrors } from "./errors";
import { appendEvent } from "./ledger.server";
import { asHead, collectiveOf, deciderFor, notify, ownIn, parseOrThrow } from "./proposals-shared.server";
import { countVotes, decideOutcome, type Tally } from "./vote-count";

/** Working days the collective has to vote, counted from the day after submission. */
export const VOTE_WORKING_DAYS = 7;

export * from "./proposals-steps.server";
export * from "./proposals-read.server";

/** Start a proposal (a draft) with its plan; it is routed when submitted. */
export function createDraft(ctx: Ctx, input: unknown): { id: number } {
  const plan = parseOrThrow(planSchema, input);
  return write(ctx, (tx) => {
    if (!canPropose(ctx.actor)) throw forbidden();
    const actor = ctx.actor!;
    const route = deciderFor(tx, actor);
    const at = nowIso(ctx);
    const id = Number(
      tx.insert(proposals).values({ ...route, proposerId: actor.personId, status: "draft", ...plan, createdAt: at, updatedAt: at }).returning({ id: proposals.id }).get().id,
    );
    appendEvent(ctx, tx, { action: "proposal.created", entity: "proposal", entityId: id, orgId: route.orgId, payload: { id, title: plan.title } });
    return { id };
  });
}

/** Save the draft's plan (the proposer, before submitting). */
export function saveDraft(ctx: Ctx, id: number, input: unknown): void {
  const plan = parseOrThrow(planSchema, input);
  write(ctx, (tx) => {
    const { row } = ownIn(ctx, tx, id, "draft", "proposals.errors.notDraft");
    tx.update(proposals).set({ ...plan, updatedAt: nowIso(ctx) }).where(eq(proposals.id, id)).run();
    appendEvent(ctx, tx, { action: "proposal.saved", entity: "proposal", entityId: id, orgId: row.orgId, payload: { id, title: plan.title } });
  });
}

/** What submission would do now: the deciding organization's collective and the vote's due date. */
export function submissionPreview(ctx: Ctx, id: number) {
  const loaded = ownIn(ctx, ctx.db, id, "draft", "proposals.errors.notDraft");
  const route = deciderFor(ctx.db, ctx.actor!);
  const collective = collectiveOf(ctx.db, route.deciderOrgId, loaded.row.proposerId);
  const missing = PLAN_FIELDS.filter((f) => loaded.row[f].trim() === "");
  return { route, collectiveSize: collective.length, voteDueOn: workingDaysFromToday(ctx, ctx.db, VOTE_WORKING_DAYS), missing };
}

/** Submit: every field of the plan is needed; routed to the head (re-checked now, the proposer
 * may have moved since the draft); the collective votes within 7 working days. */
export function submit(ctx: Ctx, id: number): { voteDueOn: string; deciderOrgId: number } {
  return write(ctx, (tx) => {
    const { row } = ownIn(ctx, tx, id, "draft", "proposals.errors.notDraft");
    const missing: FieldErrors = {};
    for (const f of PLAN_FIELDS) if (row[f].trim() === "") missing[f] = "errors.required";
    if (Object.keys(missing).length) throw invalid(missing, "proposals.errors.incomplete");
    const route = deciderFor(tx, ctx.actor!);
    const collective = collectiveOf(tx, route.deciderOrgId, row.proposerId);
    if (!collective.length) throw conflict("proposals.errors.noHead");
    const at = nowIso(ctx);
    const voteDueOn = workingDaysFromToday(ctx, tx, VOTE_WORKING_DAYS);
    tx.update(proposals).set({ ...route, status: "voting", submittedAt: at, voteDueOn, updatedAt: at }).where(eq(proposals.id, id)).run();
    notify(tx, collective.map((c) => c.personId), "proposals.notify.submitted", { title: row.title, due: voteDueOn }, id, at);
    appendEvent(ctx, tx, { action: "proposal.submitted", entity: "proposal", entityId: id, orgId: route.orgId, payload: { id, deciderOrgId: route.deciderOrgId, voteDueOn } });
    return { voteDueOn, deciderOrgId: route.deciderOrgId };
  });
}

export type VoteInput = { voterId: number; vote: Vote };

/** The head records members' votes (one form, several voters). A voter already recorded, the
 * proposer, or someone outside the collective refuses the whole form: nothing is written. */
export function recordVotes(ctx: Ctx, id: number, votes: VoteInput[]): { recorded: number } {
  return write(ctx, (tx) => {
    const { row } = asHead(ctx, tx, id, "voting", "proposals.errors.notVoting");
    if (!votes.length) throw invalid({ votes: "proposals.errors.noVotes" });
    const members = new Set(collectiveOf(tx, row.deciderOrgId, row.proposerId).map((m) => m.personId));
    const already = new Set(tx.select({ voterId: proposalVotes.voterId }).from(proposalVotes).where(eq(proposalVotes.proposalId, id)).all().map((v) => v.voterId));
    const seen = new Set<number>();
    for (const v of votes) {
      const field = `v${v.voterId}`;
      if (v.voterId === row.proposerId) throw invalid({ [field]: "proposals.errors.proposerVotes" }, "proposals.errors.proposerVotes");
      if (!members.has(v.voterId)) throw invalid({ [field]: "proposals.errors.notVoter" }, "proposals.errors.notVoter");
      if (already.has(v.voterId) || seen.has(v.voterId)) throw conflict("proposals.errors.votedTwice", { [field]: "proposals.errors.votedTwice" });
      seen.add(v.voterId);
    }
    const at = nowIso(ctx);
    tx.insert(proposalVotes).values(votes.map((v) => ({ proposalId: id, voterId: v.voterId, vote: v.vote, recordedBy: ctx.actor!.personId, recordedAt: at }))).run();
    appendEvent(ctx, tx, { action: "proposal.vote_recorded", entity: "proposal", entityId: id, orgId: row.deciderOrgId, payload: { id, votes: votes.map((v) => ({ voterId: v.voterId, vote: v.vote })) } });
    return { recorded: votes.length };
  });
}

export function tallyOf(tx: Tx | Ctx["db"], id: number, proposerId: number, headId: number): Tally {
  const votes = tx.select({ voterId: proposalVotes.voterId, vote: proposalVotes.vote }).from(proposalVotes).where(eq(proposalVotes.proposalId, id)).all();
  return countVotes(votes, { proposerId, headId });
}

/** Close the vote: approved when it passed, rejected when not — unless the head approves in
 * writing despite the failed vote (`override` with a note), which is recorded as the head's
 * responsibility. */
export function decide(ctx: Ctx, id: number, input: { override: boolean; overrideNote?: string }): { approved: boolean; headOverride: boolean; tally: Tally } {
  const note = input.override ? parseOrThrow(overrideSchema, { overrideNote: input.overrideNote ?? "" }).overrideNote : "";
  return write(ctx, (tx) => {
    const { row } = asHead(ctx, tx, id, "voting", "proposals.errors.notVoting");
    const headId = ctx.actor!.personId;
    const tally = tallyOf(tx, id, row.proposerId, headId);
    const outcome = decideOutcome(tally, input.override ? { note } : null);
    if ("error" in outcome) {
      if (outcome.error === "override_not_needed") throw conflict("proposals.errors.overrideNotNeeded");
      throw invalid({ overrideNote: "errors.required" });
    }
    const at = nowIso(ctx);
    tx.update(proposals)
      .set({
        status: outcome.approved ? "approved" : "rejected",
        decidedAt: at,
        decidedBy: headId,
        votesFor: tally.for,
        votesAgainst: tally.against,
        headOverride: outcome.headOverride,
        overrideNote: note,
        updatedAt: at,
      })
      .where(eq(proposals.id, id))
      .run();
    notify(tx, [row.proposerId], outcome.approved ? "proposals.notify.approved" : "proposals.notify.rejected", { title: row.title }, id, at);
    appendEvent(ctx, tx, {
      action: "proposal.decided",
      entity: "proposal",
      entityId: id,
      orgId: row.deciderOrgId,
      payload: { id, votesFor: tally.for, votesAgainst: tally.against, basis: tally.basis, approved: outcome.approved, headOverride: outcome.headOverride, overrideNote: note || null },
    });
    return { ...outcome, tally };
  });
}

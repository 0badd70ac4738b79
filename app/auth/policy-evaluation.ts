// Part of THE policy module (app/auth/policy.ts re-exports it; import from there): the rules of
// evaluation councils, scoring, decisions, credit, and innovation proposals. Pure, like the rest.
import type { ProposalStatus } from "../../db/enums";
import { can, hasRole, isAuthor, roleAllows, type Actor, type InitiativeRecord } from "./policy";

// --- Evaluation councils, scoring, decisions, credit ----------------------------------------

/** A council as the rules need it: its organization and who sits on it in which role. */
export type CouncilRecord = { orgPath: string; chairIds: number[]; secretaryIds: number[]; memberIds: number[]; closed: boolean };

/** Score sheets: administrators and council secretaries, for their subtree. */
export function canManageRubric(actor: Actor | null, orgPath: string): boolean {
  return can(actor, "rubric.manage", orgPath);
}

/** Form a council for an organization: a council secretary (the role) within their subtree. */
export function canFormCouncil(actor: Actor | null, orgPath: string): boolean {
  return can(actor, "council.manage", orgPath);
}

/** Run a council (members, assignments, reopening, flags): its own secretary, or a council
 * secretary over its organization; never once the council is closed. */
export function canRunCouncil(actor: Actor | null, c: CouncilRecord): boolean {
  if (!actor || c.closed) return false;
  return c.secretaryIds.includes(actor.personId) || can(actor, "council.manage", c.orgPath);
}

/** Record the council's decision: its chair or secretary. */
export function canRecordDecision(actor: Actor | null, c: CouncilRecord): boolean {
  if (!actor || c.closed) return false;
  return c.chairIds.includes(actor.personId) || c.secretaryIds.includes(actor.personId);
}

/** See a council and every score in it: its chair and secretary, council secretaries over
 * it, and the inspection. Evaluators see their own sheets (and others' once theirs is in). */
export function canViewCouncil(actor: Actor | null, c: CouncilRecord): boolean {
  if (!actor) return false;
  if (c.chairIds.includes(actor.personId) || c.secretaryIds.includes(actor.personId)) return true;
  return can(actor, "council.manage", c.orgPath) || can(actor, "initiative.audit", c.orgPath);
}

/** See the scores of an item (or a whole council's): a viewer of the council who has no sheet
 * of their own still open there — a chair who also scores sees nothing of the others' before
 * submitting, like every evaluator. */
export function canSeeScores(actor: Actor | null, c: CouncilRecord, ownOpenSheet: boolean): boolean {
  return canViewCouncil(actor, c) && !ownOpenSheet;
}

/** Why a person may not evaluate an initiative, or null. Derived conflicts come first; an
 * evaluator's own declaration is one too. There is no override. */
export type ConflictReason = "author" | "cell_leader" | "task_poster" | "declared";
export function conflictOf(
  personId: number,
  i: { authorIds: number[]; createdBy: number; authorCellLeaderIds: number[]; taskPostedBy: number | null; declaredBy: number[] },
): ConflictReason | null {
  if (i.createdBy === personId || i.authorIds.includes(personId)) return "author";
  if (i.authorCellLeaderIds.includes(personId)) return "cell_leader";
  if (i.taskPostedBy === personId) return "task_poster";
  if (i.declaredBy.includes(personId)) return "declared";
  return null;
}

/** Score a sheet: only the evaluator it is assigned to, until submitted (reopening sends it back). */
export function canScore(actor: Actor | null, sheet: { evaluatorId: number; status: "assigned" | "draft" | "submitted" }, c: CouncilRecord): boolean {
  return !!actor && !c.closed && sheet.evaluatorId === actor.personId && sheet.status !== "submitted";
}

/** Credit of a person: themselves; leaders, the Organization Committee and the inspection for
 * people of their subtree. */
export function canViewCredit(actor: Actor | null, person: { id: number; orgPath: string }): boolean {
  return !!actor && (actor.personId === person.id || can(actor, "credit.view", person.orgPath));
}

/** Confirm the authors' report of results: a leader of the receiving organization or above
 * who is not an author. */
export function canConfirmReport(actor: Actor | null, i: InitiativeRecord): boolean {
  return !isAuthor(actor, i) && can(actor, "initiative.receive", i.receivingOrgPath);
}

/** Report results of applying a recognised initiative: its authors. */
export function canReportResults(actor: Actor | null, i: InitiativeRecord): boolean {
  return isAuthor(actor, i) && i.status === "recognised";
}

/** The holiday calendar and credit points are city-wide: an administrator of the whole city. */
export function canManageCalendar(actor: Actor | null): boolean {
  return !!actor && actor.grants.some((g) => roleAllows(g.role, "calendar.manage") && /^\/\d+\/$/.test(g.orgPath));
}

// --- Innovation proposals of leaders (Decree 73/2023) --------------------------------------

export type ProposalRecord = { proposerId: number; orgPath: string; deciderOrgPath: string; status: ProposalStatus };

/** Leaders and managers propose (a leader grant anywhere). */
export function canPropose(actor: Actor | null): boolean {
  return hasRole(actor, "leader");
}

/** The head of the deciding organization (a leader granted on that organization itself), never
 * the proposer: records the collective's votes, decides, evaluates. */
export function isProposalHead(actor: Actor | null, p: ProposalRecord): boolean {
  return !!actor && actor.personId !== p.proposerId && actor.grants.some((g) => g.role === "leader" && g.orgPath === p.deciderOrgPath);
}

/** See a proposal: the proposer; once submitted, leaders over the deciding organization and the inspection. */
export function canViewProposal(actor: Actor | null, p: ProposalRecord): boolean {
  if (!actor) return false;
  if (actor.personId === p.proposerId) return true;
  // A draft is the proposer's alone until submitted.
  if (p.status === "draft") return false;
  return can(actor, "initiative.receive", p.deciderOrgPath) || can(actor, "initiative.audit", p.orgPath);
}

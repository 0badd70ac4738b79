// Pieces the proposal reads and writes share: loading a proposal with what the policy needs,
// where a proposal is routed, the leadership collective that votes, and notifications.
//
// Simplification (documented in the report and README): "the head" of an organization is any
// person holding a leader grant on that organization itself (not above it). A leader who
// proposes while holding a leader grant on their own organization is its head, so the proposal
// goes one level up, to the parent organization; otherwise it goes to their own organization.
// The collective that votes is the same set of people: the leaders granted on the deciding
// organization, the proposer never among them.
import { and, asc, eq, isNull, ne } from "drizzle-orm";
import { notifications, organizations, people, proposals, roleGrants, type ProposalStatus } from "../../db/schema";
import { canViewProposal, isProposalHead, type Actor, type ProposalRecord } from "~/auth/policy";
import type { Ctx, Tx } from "./context.server";
import { conflict, forbidden, invalid, notFound, type FieldErrors } from "./errors";
import { parentPathOf } from "./orgs-shared.server";

type Reader = Ctx["db"] | Tx;

/** At most this many people in one collective (a bound, far above any real committee). */
export const MAX_COLLECTIVE = 60;

export const proposalColumns = {
  id: proposals.id,
  orgId: proposals.orgId,
  deciderOrgId: proposals.deciderOrgId,
  proposerId: proposals.proposerId,
  status: proposals.status,
  title: proposals.title,
  necessity: proposals.necessity,
  content: proposals.content,
  scope: proposals.scope,
  duration: proposals.duration,
  resources: proposals.resources,
  feasibility: proposals.feasibility,
  impacts: proposals.impacts,
  submittedAt: proposals.submittedAt,
  voteDueOn: proposals.voteDueOn,
  decidedAt: proposals.decidedAt,
  decidedBy: proposals.decidedBy,
  votesFor: proposals.votesFor,
  votesAgainst: proposals.votesAgainst,
  headOverride: proposals.headOverride,
  overrideNote: proposals.overrideNote,
  implementationEndedOn: proposals.implementationEndedOn,
  reportDueOn: proposals.reportDueOn,
  report: proposals.report,
  reportedAt: proposals.reportedAt,
  evaluationDueOn: proposals.evaluationDueOn,
  completion: proposals.completion,
  causes: proposals.causes,
  damage: proposals.damage,
  protectionTier: proposals.protectionTier,
  evaluatedBy: proposals.evaluatedBy,
  evaluatedAt: proposals.evaluatedAt,
  createdAt: proposals.createdAt,
  updatedAt: proposals.updatedAt,
};

export type ProposalRow = typeof proposals.$inferSelect;
export type Loaded = { row: ProposalRow; orgPath: string; orgName: string; deciderOrgPath: string; deciderOrgName: string; record: ProposalRecord };

export function loadProposal(db: Reader, id: number): Loaded | undefined {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const row = db.select(proposalColumns).from(proposals).where(eq(proposals.id, id)).get();
  if (!row) return undefined;
  const org = (orgId: number) => db.select({ path: organizations.path, name: organizations.name }).from(organizations).where(eq(organizations.id, orgId)).get()!;
  const own = org(row.orgId);
  const decider = row.deciderOrgId === row.orgId ? own : org(row.deciderOrgId);
  return {
    row,
    orgPath: own.path,
    orgName: own.name,
    deciderOrgPath: decider.path,
    deciderOrgName: decider.name,
    record: { proposerId: row.proposerId, orgPath: own.path, deciderOrgPath: decider.path, status: row.status },
  };
}

/** A proposal the actor may see, or not found (existence is not revealed). A draft is the
 * proposer's alone until it is submitted. */
export function viewable(ctx: Ctx, db: Reader, id: number): Loaded {
  const loaded = loadProposal(db, id);
  if (!loaded || !canViewProposal(ctx.actor, loaded.record)) throw notFound();
  if (loaded.row.status === "draft" && ctx.actor?.personId !== loaded.row.proposerId) throw notFound();
  return loaded;
}

/** Where a proposal of this actor goes: their organization, or its parent when they are its head. */
export function deciderFor(db: Reader, actor: Actor): { orgId: number; deciderOrgId: number } {
  const isHead = actor.grants.some((g) => g.role === "leader" && g.orgId === actor.orgId);
  if (!isHead) return { orgId: actor.orgId, deciderOrgId: actor.orgId };
  const parentPath = parentPathOf(actor.orgPath);
  if (!parentPath) return { orgId: actor.orgId, deciderOrgId: actor.orgId };
  const parent = db.select({ id: organizations.id }).from(organizations).where(eq(organizations.path, parentPath)).get();
  return { orgId: actor.orgId, deciderOrgId: parent?.id ?? actor.orgId };
}

export type CollectiveMember = { personId: number; familyName: string; middleName: string | null; givenName: string; position: string | null };

/** The leadership collective of the deciding organization: its active leaders, not the proposer. */
export function collectiveOf(db: Reader, deciderOrgId: number, proposerId: number): CollectiveMember[] {
  return db
    .selectDistinct({ personId: people.id, familyName: people.familyName, middleName: people.middleName, givenName: people.givenName, position: people.position })
    .from(roleGrants)
    .innerJoin(people, eq(people.id, roleGrants.personId))
    .where(and(eq(roleGrants.orgId, deciderOrgId), eq(roleGrants.role, "leader"), isNull(roleGrants.revokedAt), eq(people.active, true), ne(people.id, proposerId)))
    .orderBy(asc(people.id))
    .limit(MAX_COLLECTIVE)
    .all();
}

export function notify(tx: Tx, personIds: number[], key: string, params: Record<string, string | number>, proposalId: number, at: string): void {
  const unique = [...new Set(personIds)];
  if (!unique.length) return;
  tx.insert(notifications)
    .values(unique.map((personId) => ({ personId, key, params: JSON.stringify(params), href: `/de-xuat/${proposalId}`, entity: "proposal", entityId: String(proposalId), createdAt: at })))
    .run();
}

/** The steps after submission and who owes each one. */
export type OverdueStep = "vote" | "report" | "evaluation";

/** The step of this proposal that is past its due date today, if any. Due dates are inclusive. */
export function overdueStep(row: { status: ProposalStatus; voteDueOn: string | null; implementationEndedOn: string | null; reportDueOn: string | null; evaluationDueOn: string | null }, today: string): OverdueStep | null {
  if (row.status === "voting" && row.voteDueOn && today > row.voteDueOn) return "vote";
  if (row.status === "approved" && row.implementationEndedOn && row.reportDueOn && today > row.reportDueOn) return "report";
  if (row.status === "reported" && row.evaluationDueOn && today > row.evaluationDueOn) return "evaluation";
  return null;
}

export function parseOrThrow<S extends { safeParse(v: unknown): { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }>(
  schema: S,
  input: unknown,
): Extract<ReturnType<S["safeParse"]>, { success: true }>["data"] {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data as never;
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) errors[issue.path.map(String).join(".") || "form"] ??= issue.message;
  throw invalid(errors);
}

/** The proposer's own proposal in the given status, or refused. */
export function ownIn(ctx: Ctx, db: Reader, id: number, status: Loaded["row"]["status"], notInStatus: string): Loaded {
  const loaded = viewable(ctx, db, id);
  if (ctx.actor?.personId !== loaded.row.proposerId) throw forbidden();
  if (loaded.row.status !== status) throw conflict(notInStatus);
  return loaded;
}

/** The head of the deciding organization, on a proposal in the given status, or refused. */
export function asHead(ctx: Ctx, db: Reader, id: number, status: Loaded["row"]["status"], notInStatus: string): Loaded {
  const loaded = viewable(ctx, db, id);
  if (!isProposalHead(ctx.actor, loaded.record)) throw forbidden();
  if (loaded.row.status !== status) throw conflict(notInStatus);
  return loaded;
}


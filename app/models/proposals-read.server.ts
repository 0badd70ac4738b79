// Reading proposals: one proposal with its steps, votes and what the actor may do next; the
// proposer's own list; the list of a head (proposals routed to an organization they lead);
// the home page's cards. Overdue steps are flagged from the stored due dates (inclusive).
import { and, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { organizations, people, proposals, proposalVotes } from "../../db/schema";
import { isProposalHead } from "~/auth/policy";
import { fullName } from "~/i18n/format";
import { preparedOnce } from "./compiled.server";
import type { Ctx } from "./context.server";
import { forbidden } from "./errors";
import { todayIso } from "./orgs-shared.server";
import { collectiveOf, overdueStep, viewable, type OverdueStep } from "./proposals-shared.server";
import { countVotes } from "./vote-count";

export const LIST_LIMIT = 200;

function nameOf(ctx: Ctx, personId: number | null): string | null {
  if (!personId) return null;
  const p = ctx.db.select({ familyName: people.familyName, middleName: people.middleName, givenName: people.givenName }).from(people).where(eq(people.id, personId)).get();
  return p ? fullName(p) : null;
}

export function getProposal(ctx: Ctx, id: number) {
  const loaded = viewable(ctx, ctx.db, id);
  const { row } = loaded;
  const me = ctx.actor!.personId;
  const isProposer = me === row.proposerId;
  const isHead = isProposalHead(ctx.actor, loaded.record);
  const recorded = ctx.db
    .select({ voterId: proposalVotes.voterId, vote: proposalVotes.vote, recordedAt: proposalVotes.recordedAt })
    .from(proposalVotes)
    .where(eq(proposalVotes.proposalId, id))
    .all();
  const collective = row.status === "draft" ? [] : collectiveOf(ctx.db, row.deciderOrgId, row.proposerId);
  const byVoter = new Map(recorded.map((v) => [v.voterId, v]));
  const members = collective.map((m) => ({ personId: m.personId, name: fullName(m), position: m.position, vote: byVoter.get(m.personId)?.vote ?? null }));
  // Votes of people who have since left the collective still count; list them too.
  for (const v of recorded) if (!members.some((m) => m.personId === v.voterId)) members.push({ personId: v.voterId, name: nameOf(ctx, v.voterId) ?? "", position: null, vote: v.vote });
  const headId = row.decidedBy ?? (isHead ? me : 0);
  const tally = countVotes(recorded, { proposerId: row.proposerId, headId });
  const today = todayIso(ctx);
  const s = row.status;
  return {
    ...row,
    orgName: loaded.orgName,
    deciderOrgName: loaded.deciderOrgName,
    proposerName: nameOf(ctx, row.proposerId) ?? "",
    decidedByName: nameOf(ctx, row.decidedBy),
    evaluatedByName: nameOf(ctx, row.evaluatedBy),
    members,
    tally,
    overdue: overdueStep(row, today),
    today,
    allowed: {
      edit: isProposer && s === "draft",
      submit: isProposer && s === "draft",
      vote: isHead && s === "voting" && members.some((m) => m.vote === null),
      decide: isHead && s === "voting",
      implement: isProposer && s === "approved" && !row.implementationEndedOn,
      report: isProposer && s === "approved" && !!row.implementationEndedOn,
      evaluate: isHead && s === "reported",
    },
  };
}
export type ProposalView = ReturnType<typeof getProposal>;

export type ProposalListRow = {
  id: number;
  title: string;
  status: (typeof proposals.$inferSelect)["status"];
  orgName: string;
  proposerName: string;
  submittedAt: string | null;
  nextDueOn: string | null;
  overdue: OverdueStep | null;
};

const listColumns = {
  id: proposals.id,
  title: proposals.title,
  status: proposals.status,
  orgName: organizations.name,
  familyName: people.familyName,
  middleName: people.middleName,
  givenName: people.givenName,
  submittedAt: proposals.submittedAt,
  voteDueOn: proposals.voteDueOn,
  implementationEndedOn: proposals.implementationEndedOn,
  reportDueOn: proposals.reportDueOn,
  evaluationDueOn: proposals.evaluationDueOn,
};

function toListRow(today: string, r: { id: number; title: string; status: ProposalListRow["status"]; orgName: string; familyName: string; middleName: string | null; givenName: string; submittedAt: string | null; voteDueOn: string | null; implementationEndedOn: string | null; reportDueOn: string | null; evaluationDueOn: string | null }): ProposalListRow {
  const nextDueOn = r.status === "voting" ? r.voteDueOn : r.status === "approved" ? r.reportDueOn : r.status === "reported" ? r.evaluationDueOn : null;
  return { id: r.id, title: r.title, status: r.status, orgName: r.orgName, proposerName: fullName(r), submittedAt: r.submittedAt, nextDueOn, overdue: overdueStep(r, today) };
}

/** The actor's own proposals, latest change first. */
export function listMine(ctx: Ctx): ProposalListRow[] {
  if (!ctx.actor) throw forbidden();
  const today = todayIso(ctx);
  return ctx.db
    .select(listColumns)
    .from(proposals)
    .innerJoin(organizations, eq(organizations.id, proposals.deciderOrgId))
    .innerJoin(people, eq(people.id, proposals.proposerId))
    .where(eq(proposals.proposerId, ctx.actor.personId))
    .orderBy(desc(proposals.updatedAt), desc(proposals.id))
    .limit(LIST_LIMIT)
    .all()
    .map((r) => toListRow(today, r));
}

/** The organizations on which the actor is a head (a leader granted on the organization itself). */
function headedOrgIds(ctx: Ctx): number[] {
  return [...new Set((ctx.actor?.grants ?? []).filter((g) => g.role === "leader").map((g) => g.orgId))];
}

/** Proposals submitted to an organization the actor heads (not their own), those needing
 * action first. */
export function listToDecide(ctx: Ctx): ProposalListRow[] {
  if (!ctx.actor) throw forbidden();
  const orgIds = headedOrgIds(ctx);
  if (!orgIds.length) return [];
  const today = todayIso(ctx);
  const rows = ctx.db
    .select(listColumns)
    .from(proposals)
    .innerJoin(organizations, eq(organizations.id, proposals.orgId))
    .innerJoin(people, eq(people.id, proposals.proposerId))
    .where(and(inArray(proposals.deciderOrgId, orgIds), ne(proposals.status, "draft"), ne(proposals.proposerId, ctx.actor.personId)))
    .orderBy(desc(proposals.updatedAt), desc(proposals.id))
    .limit(LIST_LIMIT)
    .all()
    .map((r) => toListRow(today, r));
  const rank = (r: ProposalListRow) => (r.overdue ? 0 : r.status === "voting" || r.status === "reported" ? 1 : 2);
  return rows.sort((a, b) => rank(a) - rank(b));
}

export type ProposalHomeCard = { key: "proposalsToDecide" | "proposalsToReport"; count: number; href: string };

/** Home cards: proposals waiting for the head's vote record or evaluation; the proposer's
 * approved proposals whose implementation end or report is still to be recorded. */
export function homeProposalCards(ctx: Ctx): ProposalHomeCard[] {
  if (!ctx.actor) return [];
  const cards: ProposalHomeCard[] = [];
  const person = { person: ctx.actor.personId };
  const orgIds = headedOrgIds(ctx);
  if (orgIds.length) {
    const n = preparedOnce(ctx.db, `home proposalsToDecide\u0000${orgIds.join(",")}`, () =>
      ctx.db
        .select({ n: count() })
        .from(proposals)
        .where(and(inArray(proposals.deciderOrgId, orgIds), inArray(proposals.status, ["voting", "reported"]), ne(proposals.proposerId, sql.placeholder("person")))),
    ).get(person)!.n;
    if (n) cards.push({ key: "proposalsToDecide", count: n, href: "/de-xuat?xem=can-quyet-dinh" });
  }
  const mine = preparedOnce(ctx.db, "home proposalsToReport", () =>
    ctx.db
      .select({ n: count() })
      .from(proposals)
      .where(and(eq(proposals.proposerId, sql.placeholder("person")), eq(proposals.status, "approved"))),
  ).get(person)!.n;
  if (mine) cards.push({ key: "proposalsToReport", count: mine, href: "/de-xuat" });
  return cards;
}

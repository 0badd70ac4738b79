// Innovation proposals of leaders (Decree 73/2023): routing to the head or one level up, the
// collective's votes (the proposer never votes; a voter twice is refused with nothing written),
// the decision (pass, fail, tie, the head's override), due dates in working days, the protection
// tier, who may do what, overdue flags and the reminders sweep.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { countEvents, verifyLedger } from "~/models/ledger.server";
import { sweepProposalDeadlines } from "~/models/proposals-overdue.server";
import {
  decide, evaluate, getProposal, homeProposalCards, listMine, listToDecide, recordImplementation, recordVotes, saveDraft, submit, submitReport,
} from "~/models/proposals.server";
import { draftOf, failure, PLAN, proposalTree, type ProposalTree } from "./proposals-fixture";

let x: ProposalTree;
beforeEach(() => {
  x = proposalTree();
});
afterEach(() => {
  expect(verifyLedger(x.t.handle.sqlite, x.t.secrets.publicKey).ok).toBe(true);
  x.t.close();
});

const DAY = 24 * 3600_000;
const votes = (id: number) => x.t.handle.sqlite.prepare("SELECT voter_id, vote FROM proposal_votes WHERE proposal_id = ? ORDER BY voter_id").all(id);
const notes = (key: string) => x.t.handle.sqlite.prepare("SELECT person_id, entity_id FROM notifications WHERE key = ? ORDER BY person_id").all(key) as { person_id: number; entity_id: string }[];

/** The cell leader's proposal, submitted to the ward (collective: wardHead, wardDeputy). */
function submitted(): number {
  const id = draftOf(x.as(x.p.cellLeader));
  submit(x.as(x.p.cellLeader), id);
  return id;
}

describe("routing", () => {
  it("a head's proposal goes one level up; another leader's goes to their own organization", () => {
    const up = draftOf(x.as(x.p.cellLeader));
    expect(submit(x.as(x.p.cellLeader), up).deciderOrgId).toBe(x.o.p1);
    const own = draftOf(x.as(x.p.c1Member)); // leads C2, belongs to C1 → C1, whose head is the cell leader
    expect(submit(x.as(x.p.c1Member), own).deciderOrgId).toBe(x.o.c1);
    expect(listToDecide(x.as(x.p.cellLeader)).map((r) => r.id)).toEqual([own]);
    expect(listToDecide(x.as(x.p.wardHead)).map((r) => r.id)).toEqual([up]);
    expect(getProposal(x.as(x.p.wardHead), up).allowed.vote).toBe(true);
    expect(getProposal(x.as(x.p.wardHead), own).allowed.vote).toBe(false); // a leader above sees it, does not decide it
  });

  it("only leaders propose; a draft is the proposer's alone; submission needs the whole plan", () => {
    expect(failure(() => draftOf(x.as(x.p.cadre))).status).toBe(403);
    const id = draftOf(x.as(x.p.cellLeader), { feasibility: "", impacts: "" });
    expect(failure(() => getProposal(x.as(x.p.wardHead), id)).status).toBe(404);
    const e = failure(() => submit(x.as(x.p.cellLeader), id));
    expect(e.status).toBe(422);
    expect(e.fieldErrors).toEqual({ feasibility: "errors.required", impacts: "errors.required" });
    saveDraft(x.as(x.p.cellLeader), id, PLAN);
    expect(failure(() => submit(x.as(x.p.wardHead), id)).status).toBe(404);
    expect(failure(() => draftOf(x.as(x.p.cellLeader), { title: "<script>" })).fieldErrors).toEqual({ title: "errors.noMarkup" });
    submit(x.as(x.p.cellLeader), id);
    expect(failure(() => saveDraft(x.as(x.p.cellLeader), id, PLAN)).message).toBe("proposals.errors.notDraft");
  });

  it("submission is refused when nobody heads the deciding organization", () => {
    const lone = x.t.person(x.o.c2, { given: "Một" });
    x.t.grant(lone, "leader", x.o.c2); // the head of C2 → one level up, P1
    const id = draftOf(x.as(lone));
    expect(submit(x.as(lone), id).deciderOrgId).toBe(x.o.p1);
    const orphanOrg = x.t.org("P1-C3", x.o.p1).id;
    const solo = x.t.person(orphanOrg, { given: "Sáu" });
    x.t.grant(solo, "leader", x.o.c2); // not the head of P1-C3, which has no leader
    const id2 = draftOf(x.as(solo));
    expect(failure(() => submit(x.as(solo), id2)).message).toBe("proposals.errors.noHead");
  });
});

describe("due dates in working days", () => {
  it("the vote is due 7 working days after submission (27/11/2026 → 08/12/2026) and the collective is told", () => {
    const id = submitted();
    expect(getProposal(x.as(x.p.cellLeader), id).voteDueOn).toBe("2026-12-08");
    expect(notes("proposals.notify.submitted").map((n) => n.person_id)).toEqual([x.p.wardHead, x.p.wardDeputy]);
  });

  it("skips Tết 2026 from the seeded calendar", () => {
    x.t.clock.now = new Date("2026-02-13T03:00:00.000Z"); // Friday before Tết
    const id = submitted();
    expect(getProposal(x.as(x.p.wardHead), id).voteDueOn).toBe("2026-03-03");
  });

  it("the report is due 5 working days after implementation ended, the evaluation 7 after the report", () => {
    const id = submitted();
    recordVotes(x.as(x.p.wardHead), id, [{ voterId: x.p.wardHead, vote: "for" }]);
    decide(x.as(x.p.wardHead), id, { override: false });
    x.t.clock.now = new Date("2027-02-01T03:00:00.000Z");
    expect(failure(() => recordImplementation(x.as(x.p.cellLeader), id, { endedOn: "02/02/2027" })).fieldErrors).toEqual({ endedOn: "proposals.errors.endFuture" });
    expect(failure(() => recordImplementation(x.as(x.p.cellLeader), id, { endedOn: "01/11/2026" })).fieldErrors).toEqual({ endedOn: "proposals.errors.endBeforeDecision" });
    expect(failure(() => submitReport(x.as(x.p.cellLeader), id, { report: "Sớm" })).message).toBe("proposals.errors.notImplemented");
    // Thursday 28/01/2027 + 5: 29, 01/02, 02, 03, 04.
    expect(recordImplementation(x.as(x.p.cellLeader), id, { endedOn: "28/01/2027" }).reportDueOn).toBe("2027-02-04");
    // Reported on Wednesday 03/02/2027 + 7 across Tết 2027 (05–11/02): 04, 12, 15, 16, 17, 18, 19.
    x.t.clock.now = new Date("2027-02-03T03:00:00.000Z");
    expect(submitReport(x.as(x.p.cellLeader), id, { report: "Đã hoàn thành thí điểm." }).evaluationDueOn).toBe("2027-02-19");
  });
});

describe("the collective's vote", () => {
  it("the proposer cannot vote, even listed by the head; nothing is written", () => {
    const id = submitted();
    const events = countEvents(x.t.ctx());
    const e = failure(() => recordVotes(x.as(x.p.wardHead), id, [{ voterId: x.p.wardHead, vote: "for" }, { voterId: x.p.cellLeader, vote: "for" }]));
    expect(e.message).toBe("proposals.errors.proposerVotes");
    expect(votes(id)).toEqual([]);
    expect(countEvents(x.t.ctx())).toBe(events);
  });

  it("voting twice is refused with a clear message and nothing written", () => {
    const id = submitted();
    recordVotes(x.as(x.p.wardHead), id, [{ voterId: x.p.wardDeputy, vote: "against" }]);
    const events = countEvents(x.t.ctx());
    const e = failure(() => recordVotes(x.as(x.p.wardHead), id, [{ voterId: x.p.wardHead, vote: "for" }, { voterId: x.p.wardDeputy, vote: "for" }]));
    expect(e.status).toBe(409);
    expect(e.message).toBe("proposals.errors.votedTwice");
    expect(e.fieldErrors).toEqual({ [`v${x.p.wardDeputy}`]: "proposals.errors.votedTwice" });
    expect(votes(id)).toEqual([{ voter_id: x.p.wardDeputy, vote: "against" }]);
    expect(countEvents(x.t.ctx())).toBe(events);
    // The same voter twice in one form is refused too.
    expect(failure(() => recordVotes(x.as(x.p.wardHead), id, [{ voterId: x.p.wardHead, vote: "for" }, { voterId: x.p.wardHead, vote: "against" }])).message).toBe("proposals.errors.votedTwice");
  });

  it("only the head records votes and decides; outsiders of the collective are refused", () => {
    const id = submitted();
    expect(failure(() => recordVotes(x.as(x.p.cellLeader), id, [{ voterId: x.p.wardHead, vote: "for" }])).status).toBe(403);
    expect(failure(() => recordVotes(x.as(x.p.inspector), id, [{ voterId: x.p.wardHead, vote: "for" }])).status).toBe(403);
    expect(failure(() => recordVotes(x.as(x.p.wardHead), id, [{ voterId: x.p.wardThird, vote: "for" }])).message).toBe("proposals.errors.notVoter");
    expect(failure(() => decide(x.as(x.p.cellLeader), id, { override: false })).status).toBe(403);
    expect(getProposal(x.as(x.p.inspector), id).allowed.decide).toBe(false);
  });

  it("passes with more than half", () => {
    x.t.grant(x.p.wardThird, "leader", x.o.p1);
    const id = submitted();
    recordVotes(x.as(x.p.wardHead), id, [{ voterId: x.p.wardHead, vote: "against" }, { voterId: x.p.wardDeputy, vote: "for" }, { voterId: x.p.wardThird, vote: "for" }]);
    const r = decide(x.as(x.p.wardHead), id, { override: false });
    expect(r).toMatchObject({ approved: true, headOverride: false, tally: { for: 2, against: 1 } });
    const p = getProposal(x.as(x.p.cellLeader), id);
    expect(p).toMatchObject({ status: "approved", votesFor: 2, votesAgainst: 1, decidedBy: x.p.wardHead });
    expect(notes("proposals.notify.approved").map((n) => n.person_id)).toEqual([x.p.cellLeader]);
  });

  it("a tie follows the head's vote", () => {
    const a = submitted();
    recordVotes(x.as(x.p.wardHead), a, [{ voterId: x.p.wardHead, vote: "for" }, { voterId: x.p.wardDeputy, vote: "against" }]);
    expect(decide(x.as(x.p.wardHead), a, { override: false }).approved).toBe(true);
    const b = submitted();
    recordVotes(x.as(x.p.wardHead), b, [{ voterId: x.p.wardHead, vote: "against" }, { voterId: x.p.wardDeputy, vote: "for" }]);
    expect(decide(x.as(x.p.wardHead), b, { override: false }).approved).toBe(false);
    expect(getProposal(x.as(x.p.cellLeader), b).status).toBe("rejected");
  });

  it("a failed vote: rejected, or approved in writing by the head with a note, the responsibility recorded", () => {
    const id = submitted();
    recordVotes(x.as(x.p.wardHead), id, [{ voterId: x.p.wardHead, vote: "against" }, { voterId: x.p.wardDeputy, vote: "against" }]);
    expect(failure(() => decide(x.as(x.p.wardHead), id, { override: true, overrideNote: "  " })).fieldErrors).toEqual({ overrideNote: "errors.required" });
    const r = decide(x.as(x.p.wardHead), id, { override: true, overrideNote: "Tôi phê duyệt và chịu trách nhiệm." });
    expect(r).toMatchObject({ approved: true, headOverride: true });
    expect(getProposal(x.as(x.p.cellLeader), id)).toMatchObject({ status: "approved", headOverride: true, overrideNote: "Tôi phê duyệt và chịu trách nhiệm." });
    const ev = x.t.handle.sqlite.prepare("SELECT p.payload FROM ledger_events e JOIN ledger_payloads p ON p.seq = e.seq WHERE e.action = 'proposal.decided'").get() as { payload: string };
    expect(JSON.parse(ev.payload)).toMatchObject({ headOverride: true, approved: true, votesFor: 0, votesAgainst: 2 });
  });

  it("a vote that passed is not overridden", () => {
    const id = submitted();
    recordVotes(x.as(x.p.wardHead), id, [{ voterId: x.p.wardDeputy, vote: "for" }]);
    expect(failure(() => decide(x.as(x.p.wardHead), id, { override: true, overrideNote: "x" })).message).toBe("proposals.errors.overrideNotNeeded");
    expect(decide(x.as(x.p.wardHead), id, { override: false }).approved).toBe(true);
    expect(failure(() => decide(x.as(x.p.wardHead), id, { override: false })).message).toBe("proposals.errors.notVoting");
  });
});

describe("evaluation and protection", () => {
  function reported(): number {
    const id = submitted();
    recordVotes(x.as(x.p.wardHead), id, [{ voterId: x.p.wardHead, vote: "for" }]);
    decide(x.as(x.p.wardHead), id, { override: false });
    recordImplementation(x.as(x.p.cellLeader), id, { endedOn: "27/11/2026" });
    submitReport(x.as(x.p.cellLeader), id, { report: "Đã triển khai." });
    return id;
  }

  it("maps the result to the protection tier; causes are required unless completed; only the head evaluates", () => {
    const a = reported();
    expect(failure(() => evaluate(x.as(x.p.cellLeader), a, { completion: "completed", damage: "no" })).status).toBe(403);
    expect(failure(() => evaluate(x.as(x.p.wardHead), a, { completion: "partly", damage: "no", causes: "" })).fieldErrors).toEqual({ causes: "proposals.errors.causesRequired" });
    expect(evaluate(x.as(x.p.wardHead), a, { completion: "completed", damage: "no" }).protectionTier).toBe("no_liability");
    const b = reported();
    expect(evaluate(x.as(x.p.wardDeputy), b, { completion: "partly", damage: "no", causes: "Thiếu kinh phí." }).protectionTier).toBe("liability_excluded");
    const c = reported();
    expect(evaluate(x.as(x.p.wardHead), c, { completion: "not_completed", damage: "yes", causes: "Thay đổi quy định." }).protectionTier).toBe("consider_exclusion");
    expect(getProposal(x.as(x.p.cellLeader), c)).toMatchObject({ status: "evaluated", completion: "not_completed", damage: true, protectionTier: "consider_exclusion" });
    expect(failure(() => evaluate(x.as(x.p.wardHead), c, { completion: "completed", damage: "no" })).message).toBe("proposals.errors.notReported");
  });
});

describe("overdue steps", () => {
  it("flags the vote past due on the list and the detail, and tells the heads once", () => {
    const id = submitted(); // due 08/12/2026
    x.t.clock.now = new Date("2026-12-08T16:00:00.000Z"); // 23:00 on the due day: not yet overdue
    expect(getProposal(x.as(x.p.wardHead), id).overdue).toBeNull();
    expect(sweepProposalDeadlines(x.t.ctx()).notified).toBe(0);
    x.t.clock.advance(DAY);
    expect(getProposal(x.as(x.p.wardHead), id).overdue).toBe("vote");
    expect(listToDecide(x.as(x.p.wardHead))[0]).toMatchObject({ id, overdue: "vote" });
    expect(listMine(x.as(x.p.cellLeader))[0]).toMatchObject({ id, overdue: "vote" });
    const events = countEvents(x.t.ctx());
    expect(sweepProposalDeadlines(x.t.ctx())).toMatchObject({ overdue: 1, notified: 2 });
    expect(sweepProposalDeadlines(x.t.ctx())).toMatchObject({ overdue: 1, notified: 0 });
    expect(notes("proposals.notify.voteOverdue").map((n) => n.person_id)).toEqual([x.p.wardHead, x.p.wardDeputy]);
    expect(countEvents(x.t.ctx())).toBe(events);
  });

  it("the report past due is the proposer's; the evaluation past due the heads'", () => {
    const id = submitted();
    recordVotes(x.as(x.p.wardHead), id, [{ voterId: x.p.wardHead, vote: "for" }]);
    decide(x.as(x.p.wardHead), id, { override: false });
    recordImplementation(x.as(x.p.cellLeader), id, { endedOn: "27/11/2026" }); // report due 04/12/2026
    x.t.clock.now = new Date("2026-12-05T03:00:00.000Z");
    expect(getProposal(x.as(x.p.cellLeader), id).overdue).toBe("report");
    sweepProposalDeadlines(x.t.ctx());
    expect(notes("proposals.notify.reportOverdue").map((n) => n.person_id)).toEqual([x.p.cellLeader]);
    submitReport(x.as(x.p.cellLeader), id, { report: "Báo cáo muộn." }); // evaluation due 7 working days after 05/12 (Saturday) → 15/12
    expect(getProposal(x.as(x.p.wardHead), id)).toMatchObject({ overdue: null, evaluationDueOn: "2026-12-15" });
    x.t.clock.now = new Date("2026-12-16T03:00:00.000Z");
    expect(getProposal(x.as(x.p.wardHead), id).overdue).toBe("evaluation");
    sweepProposalDeadlines(x.t.ctx());
    expect(notes("proposals.notify.evaluationOverdue").map((n) => n.person_id)).toEqual([x.p.wardHead, x.p.wardDeputy]);
  });

  it("home cards: what the head has to decide and what the proposer has to report", () => {
    const id = submitted();
    expect(homeProposalCards(x.as(x.p.wardHead))).toEqual([{ key: "proposalsToDecide", count: 1, href: "/de-xuat?xem=can-quyet-dinh" }]);
    expect(homeProposalCards(x.as(x.p.cellLeader))).toEqual([]);
    recordVotes(x.as(x.p.wardHead), id, [{ voterId: x.p.wardHead, vote: "for" }]);
    decide(x.as(x.p.wardHead), id, { override: false });
    expect(homeProposalCards(x.as(x.p.wardHead))).toEqual([]);
    expect(homeProposalCards(x.as(x.p.cellLeader))).toEqual([{ key: "proposalsToReport", count: 1, href: "/de-xuat" }]);
  });
});

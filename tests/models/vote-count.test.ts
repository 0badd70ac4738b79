import { describe, expect, it } from "vitest";
import { countVotes, decideOutcome, type CastVote } from "~/models/vote-count";
import { protectionTierFor } from "~/models/protection";

const HEAD = 1;
const PROPOSER = 9;
const who = { proposerId: PROPOSER, headId: HEAD };
const v = (voterId: number, vote: "for" | "against"): CastVote => ({ voterId, vote });

describe("counting the collective's vote", () => {
  it("passes with more than half of the votes cast", () => {
    const t = countVotes([v(1, "for"), v(2, "for"), v(3, "against")], who);
    expect(t).toMatchObject({ for: 2, against: 1, cast: 3, tie: false, passed: true, basis: "majority_for" });
  });

  it("fails with half or less when it is not a tie", () => {
    expect(countVotes([v(1, "for"), v(2, "against"), v(3, "against")], who)).toMatchObject({ passed: false, basis: "majority_against" });
  });

  it("a tie follows the head's vote", () => {
    expect(countVotes([v(1, "for"), v(2, "against")], who)).toMatchObject({ tie: true, headVote: "for", passed: true, basis: "tie_head_for" });
    expect(countVotes([v(1, "against"), v(2, "for")], who)).toMatchObject({ tie: true, headVote: "against", passed: false, basis: "tie_head_against" });
    expect(countVotes([v(2, "for"), v(3, "against"), v(4, "for"), v(1, "against")], who).passed).toBe(false);
  });

  it("a tie without the head's vote does not pass", () => {
    expect(countVotes([v(2, "for"), v(3, "against")], who)).toMatchObject({ tie: true, headVote: null, passed: false, basis: "tie_no_head_vote" });
  });

  it("the proposer is excluded even when listed", () => {
    const t = countVotes([v(PROPOSER, "for"), v(1, "against"), v(2, "for")], who);
    expect(t).toMatchObject({ for: 1, against: 1, cast: 2, tie: true, passed: false });
    // Without the exclusion the proposer's vote would have made it 2–1.
    expect(countVotes([v(PROPOSER, "for"), v(2, "for"), v(3, "against")], who)).toMatchObject({ cast: 2, tie: true, passed: false });
  });

  it("counts each voter once and nothing cast as failed", () => {
    expect(countVotes([v(2, "for"), v(2, "against"), v(3, "against")], who)).toMatchObject({ for: 1, against: 1, cast: 2 });
    expect(countVotes([], who)).toMatchObject({ cast: 0, passed: false, basis: "no_votes" });
  });
});

describe("the decision", () => {
  const failed = countVotes([v(1, "against"), v(2, "against"), v(3, "for")], who);
  const passed = countVotes([v(1, "for")], who);
  it("approves a passed vote and rejects a failed one", () => {
    expect(decideOutcome(passed, null)).toEqual({ approved: true, headOverride: false });
    expect(decideOutcome(failed, null)).toEqual({ approved: false, headOverride: false });
  });
  it("lets the head approve a failed vote in writing, with a note", () => {
    expect(decideOutcome(failed, { note: "Tôi chịu trách nhiệm" })).toEqual({ approved: true, headOverride: true });
    expect(decideOutcome(failed, { note: "  " })).toEqual({ error: "override_needs_note" });
  });
  it("never overrides a vote that passed", () => {
    expect(decideOutcome(passed, { note: "x" })).toEqual({ error: "override_not_needed" });
  });
});

describe("protection after the evaluation", () => {
  it("maps completion and damage to the tier", () => {
    expect(protectionTierFor("completed", false)).toBe("no_liability");
    expect(protectionTierFor("completed", true)).toBe("no_liability");
    expect(protectionTierFor("partly", false)).toBe("liability_excluded");
    expect(protectionTierFor("not_completed", false)).toBe("liability_excluded");
    expect(protectionTierFor("partly", true)).toBe("consider_exclusion");
    expect(protectionTierFor("not_completed", true)).toBe("consider_exclusion");
  });
});

// Counting the leadership collective's vote on an innovation proposal (Decree 73/2023, art. 8):
// it passes with more than half of the votes cast; a tie follows the head's own vote; the
// proposer never votes (a vote listed for the proposer is ignored, not counted). When the vote
// fails the head may still approve in writing and then bears the responsibility. Pure.
import type { Vote } from "../../db/enums";

export type CastVote = { voterId: number; vote: Vote };

export type Tally = {
  for: number;
  against: number;
  cast: number;
  /** The head's own vote, if the head voted. */
  headVote: Vote | null;
  tie: boolean;
  passed: boolean;
  /** Why: a clear majority either way, a tie decided by the head, or nothing to count. */
  basis: "majority_for" | "majority_against" | "tie_head_for" | "tie_head_against" | "tie_no_head_vote" | "no_votes";
};

export function countVotes(votes: readonly CastVote[], who: { proposerId: number; headId: number }): Tally {
  const counted = new Map<number, Vote>();
  for (const v of votes) if (v.voterId !== who.proposerId && !counted.has(v.voterId)) counted.set(v.voterId, v.vote);
  let yes = 0;
  let no = 0;
  for (const vote of counted.values()) vote === "for" ? yes++ : no++;
  const cast = yes + no;
  const headVote = counted.get(who.headId) ?? null;
  const tie = cast > 0 && yes === no;
  let basis: Tally["basis"];
  if (cast === 0) basis = "no_votes";
  else if (!tie) basis = yes * 2 > cast ? "majority_for" : "majority_against";
  else basis = headVote === "for" ? "tie_head_for" : headVote === "against" ? "tie_head_against" : "tie_no_head_vote";
  const passed = basis === "majority_for" || basis === "tie_head_for";
  return { for: yes, against: no, cast, headVote, tie, passed, basis };
}

export type Outcome = { approved: boolean; headOverride: boolean };

/** The decision from a tally: approved when it passed; when it failed, approved only if the head
 * approves in writing (a note is required, and the override is recorded); never an override of
 * a vote that passed. */
export function decideOutcome(tally: Tally, override: { note: string } | null): Outcome | { error: "override_needs_note" | "override_not_needed" } {
  if (!override) return { approved: tally.passed, headOverride: false };
  if (tally.passed) return { error: "override_not_needed" };
  if (!override.note.trim()) return { error: "override_needs_note" };
  return { approved: true, headOverride: true };
}

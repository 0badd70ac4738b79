// Which protection applies after a proposal's evaluation (Decree 73/2023, art. 10–11; DOMAIN.md):
//   completed                                   → no liability (không phải chịu trách nhiệm);
//   partly / not completed, proper, no damage   → liability excluded (loại trừ trách nhiệm);
//   partly / not completed, with damage         → exclusion, exemption or mitigation to be
//                                                 considered (xem xét loại trừ, miễn, giảm nhẹ).
// "Proper, with clean motives for the common good" is the evaluator's judgement written in the
// causes; the portal records it and does not second-guess it. Pure.
import type { Completion, ProtectionTier } from "../../db/enums";

export function protectionTierFor(completion: Completion, damage: boolean): ProtectionTier {
  if (completion === "completed") return "no_liability";
  return damage ? "consider_exclusion" : "liability_excluded";
}

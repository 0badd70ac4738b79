// Vietnamese labels for the ledger's action and entity codes; an unknown code is shown raw.
import { isMessageKey, type MessageKey, type Translate } from "~/i18n";

export const LEDGER_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.account_locked",
  "auth.sign_out",
  "auth.password_changed",
  "org.created",
  "org.renamed",
  "org.moved",
  "org.closed",
  "person.created",
  "person.updated",
  "person.deactivated",
  "person.reactivated",
  "account.created",
  "account.password_issued",
  "account.unlocked",
  "role.granted",
  "role.revoked",
  "import.previewed",
  "import.confirmed",
  "import.discarded",
  "task.created",
  "task.updated",
  "task.published",
  "task.closed",
  "initiative.created",
  "initiative.saved",
  "initiative.attachment_added",
  "initiative.attachment_removed",
  "initiative.submitted",
  "initiative.returned",
  "initiative.accepted",
  "initiative.withdrawn",
  "evaluation.saved",
  "evaluation.submitted",
  "evaluation.reopened",
  "decision.recorded",
  "decision.corrected",
  "credit.rules_updated",
  "report.submitted",
  "report.file_added",
  "report.confirmed",
  "report.rejected",
  "proposal.created",
  "proposal.saved",
  "proposal.submitted",
  "proposal.vote_recorded",
  "proposal.decided",
  "proposal.implemented",
  "proposal.reported",
  "proposal.evaluated",
  "calendar.holiday_added",
  "calendar.holiday_removed",
  "rubric.created",
  "rubric.updated",
  "council.created",
  "council.member_added",
  "council.member_removed",
  "council.item_assigned",
  "council.evaluator_assigned",
  "conflict.declared",
] as const;

export const LEDGER_ENTITIES = ["organization", "person", "account", "role_grant", "import_batch", "task", "initiative", "proposal", "holiday", "rubric", "council", "evaluation", "decision", "credit_rules"] as const;

export function actionLabel(t: Translate, code: string): string {
  const key = `ledger.action.${code}`;
  return isMessageKey(key) ? t(key as MessageKey) : code;
}

export function entityLabel(t: Translate, code: string): string {
  const key = `ledger.entity.${code}`;
  return isMessageKey(key) ? t(key as MessageKey) : code;
}

/** Options for a select: the known codes, plus the current value when it is not one of them. */
export function codeOptions(codes: readonly string[], current: string | undefined, label: (code: string) => string) {
  const all = current && !codes.includes(current) ? [...codes, current] : [...codes];
  return all.map((code) => ({ value: code, label: label(code) }));
}

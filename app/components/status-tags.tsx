// The status tags of initiatives, their form's sections and prevention tasks, on their own so
// that list and search pages load only these (issue 5, the JavaScript budget), not the detail
// pieces of initiative-parts / task-parts (which re-export them).
import type { InitiativeStatus, TaskStatus } from "../../db/enums";
import { Tag } from "~/components/summary";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import type { SectionState } from "~/schemas/initiative-sections";

const INITIATIVE_TONES: Record<InitiativeStatus, "blue" | "grey" | "green" | "red"> = {
  draft: "grey",
  submitted: "blue",
  returned: "red",
  accepted: "green",
  withdrawn: "grey",
  evaluating: "blue",
  recognised: "green",
  not_recognised: "grey",
};

export function InitiativeStatusTag({ status }: { status: InitiativeStatus }) {
  const t = useT();
  return <Tag tone={INITIATIVE_TONES[status]}>{t(`initiatives.status.${status}` as MessageKey)}</Tag>;
}

const STATE_TONES: Record<SectionState, "blue" | "grey" | "green"> = { not_started: "grey", in_progress: "blue", done: "green" };

export function SectionStateTag({ state }: { state: SectionState }) {
  const t = useT();
  return <Tag tone={STATE_TONES[state]}>{t(`initiatives.state.${state}` as MessageKey)}</Tag>;
}

const TASK_TONES: Record<TaskStatus, "blue" | "grey" | "green"> = { draft: "grey", published: "blue", closed: "green" };

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const t = useT();
  return <Tag tone={TASK_TONES[status]}>{t(`tasks.status.${status}` as MessageKey)}</Tag>;
}

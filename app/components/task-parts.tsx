// Small pieces of the task pages: status and deadline tags, areas, the period label, the
// deadline with its tag.
import type { TaskArea, TaskStatus } from "../../db/enums";
import { Tag } from "~/components/summary";
import type { MessageKey, Translate } from "~/i18n";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";

const STATUS_TONES: Record<TaskStatus, "blue" | "grey" | "green"> = { draft: "grey", published: "blue", closed: "green" };

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const t = useT();
  return <Tag tone={STATUS_TONES[status]}>{t(`tasks.status.${status}` as MessageKey)}</Tag>;
}

export function DueTagView({ due }: { due: "overdue" | "near" | null }) {
  const t = useT();
  if (!due) return null;
  return <Tag tone={due === "overdue" ? "red" : "blue"}>{t(`tasks.due.${due}` as MessageKey)}</Tag>;
}

/** The deadline as dd/mm/yyyy, followed by its "Quá hạn" / "Sắp đến hạn" tag. */
export function Deadline({ deadline, due }: { deadline: string; due: "overdue" | "near" | null }) {
  return (
    <span className="task-deadline">
      <span>{formatDate(deadline)}</span> <DueTagView due={due} />
    </span>
  );
}

export function areaLabels(t: Translate, areas: TaskArea[]): string {
  return areas.map((a) => t(`tasks.area.${a}` as MessageKey)).join(", ");
}

/** "Quý IV/2026" or "Năm 2026". */
export function periodLabel(t: Translate, year: number, quarter: number | null): string {
  return quarter ? `${t(`tasks.quarter.${quarter}` as MessageKey)}/${year}` : t("tasks.period.year", { year });
}

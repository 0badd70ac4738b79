// Small pieces of the task pages: status and deadline tags, areas, the period label, the
// deadline with its tag, the leader's table of registrations per target organization.
import type { TaskArea } from "../../db/enums";
import { Tag } from "~/components/summary";
import type { MessageKey, Translate } from "~/i18n";
import { formatDate, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import type { RegistrationCounts, TaskRegistrations } from "~/models/tasks-registrations.server";
import { Link } from "~/components/link";

export { TaskStatusTag } from "~/components/status-tags";

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

const COUNT_COLUMNS = ["submitted", "returned", "accepted", "total"] as const;

/** "Đăng ký theo tổ chức": one row per target organization, a total row; each count that is
 * not zero leads to the leader's inbox filtered by the task. */
export function RegistrationsTable({ data }: { data: TaskRegistrations }) {
  const t = useT();
  const row = (key: string, label: string, counts: RegistrationCounts, total = false) => (
    <tr key={key}>
      <th scope="row">{label}</th>
      {COUNT_COLUMNS.map((c) => {
        const n = counts[c];
        const column = t(`tasks.registrations.col.${c}` as MessageKey);
        return (
          <td key={c} className="num">
            {n > 0 ? (
              <Link to={data.inboxHref}>
                {total && c === "total" ? <strong>{formatNumber(n)}</strong> : formatNumber(n)}
                <span className="visually-hidden"> {t("tasks.registrations.cellContext", { column, org: label })}</span>
              </Link>
            ) : (
              formatNumber(0)
            )}
          </td>
        );
      })}
    </tr>
  );
  return (
    <>
      <div className="table-wrap">
        <table className="registrations-table">
          <caption>{t("tasks.registrations.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("tasks.registrations.col.org")}</th>
              {COUNT_COLUMNS.map((c) => (
                <th key={c} scope="col" className="num">
                  {t(`tasks.registrations.col.${c}` as MessageKey)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => row(String(r.org.id), `${r.org.name} (${r.org.code})`, r.counts))}
            {data.outside ? row("outside", t("tasks.registrations.outside"), data.outside) : null}
          </tbody>
          <tfoot>{row("total", t("tasks.registrations.totalRow"), data.total, true)}</tfoot>
        </table>
      </div>
      <p className="caption">{t("tasks.registrations.note")}</p>
      {data.total.total > 0 ? (
        <p>
          <Link to={data.inboxHref}>{t("tasks.registrations.inbox")}</Link>
        </p>
      ) : null}
    </>
  );
}

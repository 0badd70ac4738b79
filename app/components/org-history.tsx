// "Lịch sử thay đổi": each earlier name and parent with its dates, then the current state.
import type { MessageKey } from "~/i18n";
import { formatDate, formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";

type Version = { validFrom: string; validTo: string; name: string; parentName: string | null; change: string; recordedAt: string };

export function OrgHistory({
  node,
  parentName,
  history,
}: {
  node: { name: string; currentSince: string; validTo: string | null };
  parentName: string | null;
  history: Version[];
}) {
  const t = useT();
  const current = !node.validTo;
  return (
    <>
      <h2>{t("orgs.detail.history")}</h2>
      <p className="caption">{t("orgs.detail.historyLead")}</p>
      {history.length ? null : <p>{t("orgs.detail.noHistory")}</p>}
      <div className="table-wrap">
        <table className="org-table">
          <caption className="visually-hidden">{t("orgs.detail.history")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("orgs.history.from")}</th>
              <th scope="col">{t("orgs.history.to")}</th>
              <th scope="col">{t("orgs.history.name")}</th>
              <th scope="col">{t("orgs.history.parent")}</th>
              <th scope="col">{t("orgs.history.change")}</th>
              <th scope="col">{t("orgs.history.recordedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((v) => (
              <tr key={`${v.validFrom}-${v.change}-${v.recordedAt}`}>
                <td data-label={t("orgs.history.from")}>{formatDate(v.validFrom)}</td>
                <td data-label={t("orgs.history.to")}>{formatDate(v.validTo)}</td>
                <td data-label={t("orgs.history.name")}>{v.name}</td>
                <td data-label={t("orgs.history.parent")}>{v.parentName ?? "—"}</td>
                <td data-label={t("orgs.history.change")}>{t(`orgs.change.${v.change}` as MessageKey)}</td>
                <td data-label={t("orgs.history.recordedAt")}>{formatDateTime(v.recordedAt)}</td>
              </tr>
            ))}
            {current ? (
              <tr>
                <td data-label={t("orgs.history.from")}>{formatDate(node.currentSince)}</td>
                <td data-label={t("orgs.history.to")}>{t("orgs.history.current")}</td>
                <td data-label={t("orgs.history.name")}>{node.name}</td>
                <td data-label={t("orgs.history.parent")}>{parentName ?? "—"}</td>
                <td data-label={t("orgs.history.change")}>—</td>
                <td data-label={t("orgs.history.recordedAt")}>—</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
    </>
  );
}

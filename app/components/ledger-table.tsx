// The ledger's table of events and its keyset pager ("mới hơn / cũ hơn": the ledger is too
// large to count, so there are no page numbers).
import { useLocation } from "@remix-run/react";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { actionLabel, entityLabel } from "./ledger-labels";
import type { LedgerRow } from "~/models/ledger-query.server";
import { Link } from "~/components/link";

export type LedgerTableRow = Omit<LedgerRow, "actorId" | "orgId">;

/** "key: value; key: value" from the canonical JSON, shortened for a table cell. */
export function payloadSummary(payload: string, max = 90): string {
  let text = payload;
  try {
    const value = JSON.parse(payload) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value)) {
      text = Object.entries(value)
        .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join("; ");
    }
  } catch {
    // shown raw
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function LedgerTable({ rows, caption }: { rows: LedgerTableRow[]; caption: string }) {
  const t = useT();
  const cols = {
    seq: t("ledger.col.seq"),
    at: t("ledger.col.at"),
    actor: t("ledger.col.actor"),
    org: t("ledger.col.org"),
    action: t("ledger.col.action"),
    entity: t("ledger.col.entity"),
    payload: t("ledger.col.payload"),
    hash: t("ledger.col.hash"),
  };
  return (
    <div className="table-wrap">
      <table className="ledger-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {Object.values(cols).map((label) => (
              <th scope="col" key={label}>
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={8}>{t("table.noResults")}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.seq}>
                <th scope="row" data-label={cols.seq}>
                  <Link to={`/so-cai/${row.seq}`} aria-label={t("ledger.eventLink", { seq: row.seq })}>
                    #{row.seq}
                  </Link>
                </th>
                <td data-label={cols.at}>
                  <time dateTime={row.at} title={t("ledger.utc", { iso: row.at })}>
                    {formatDateTime(row.at)}
                  </time>
                </td>
                <td data-label={cols.actor}>{row.actorName ?? <span className="caption">{t("ledger.actor.none")}</span>}</td>
                <td data-label={cols.org}>{row.orgName ?? <span className="caption">{t("ledger.org.none")}</span>}</td>
                <td data-label={cols.action}>{actionLabel(t, row.action)}</td>
                <td data-label={cols.entity}>
                  {entityLabel(t, row.entity)}
                  {row.entityId ? ` #${row.entityId}` : ""}
                </td>
                <td data-label={cols.payload} className="ledger-table__payload">
                  {row.payload === null ? <em>{t("ledger.payload.erased")}</em> : payloadSummary(row.payload) || <span className="caption">{t("ledger.payload.empty")}</span>}
                </td>
                <td data-label={cols.hash} className="mono">
                  {row.hashShort}…
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/** Newest / newer / older links that keep every filter and replace the cursor. */
export function LedgerPager({ first, last, hasNewer, hasOlder }: { first?: number; last?: number; hasNewer: boolean; hasOlder: boolean }) {
  const t = useT();
  const location = useLocation();
  const href = (cursor: { truoc?: number; sau?: number }) => {
    const params = new URLSearchParams(location.search);
    params.delete("truoc");
    params.delete("sau");
    if (cursor.truoc) params.set("truoc", String(cursor.truoc));
    if (cursor.sau) params.set("sau", String(cursor.sau));
    const qs = params.toString();
    return qs ? `${location.pathname}?${qs}` : location.pathname;
  };
  return (
    <>
      {first !== undefined && last !== undefined ? (
        <p className="caption" role="status">
          {t("ledger.page.showing", { low: last, high: first })}
        </p>
      ) : null}
      {hasNewer || hasOlder ? (
        <nav aria-label={t("pagination.label")}>
          <ul className="pagination">
            {hasNewer ? (
              <>
                <li>
                  <Link to={href({})}>« {t("ledger.page.newest")}</Link>
                </li>
                <li>
                  <Link to={href({ sau: first })} rel="prev">
                    ‹ {t("ledger.page.newer")}
                  </Link>
                </li>
              </>
            ) : null}
            {hasOlder ? (
              <li>
                <Link to={href({ truoc: last })} rel="next">
                  {t("ledger.page.older")} ›
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}

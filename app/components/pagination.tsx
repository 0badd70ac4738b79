import { useLocation } from "@remix-run/react";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { Link } from "~/components/link";

export const PAGE_SIZE = 25;

/** Read ?trang=N (1-based) from a URL; out-of-range input falls back to 1. */
export function pageFromUrl(url: URL): number {
  const n = Number(url.searchParams.get("trang"));
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

/** Page numbers with "trang trước / trang sau"; keeps every other query parameter. */
export function Pagination({ page, total, pageSize = PAGE_SIZE, maxRows }: { page: number; total: number; pageSize?: number; maxRows?: number }) {
  const t = useT();
  const location = useLocation();
  // A list may offer only its first maxRows rows (the rest are reached through its filters).
  const pages = Math.max(1, Math.ceil(Math.min(total, maxRows ?? total) / pageSize));
  const href = (p: number) => {
    const params = new URLSearchParams(location.search);
    // The banner of a change just saved belongs to the page it was shown on, not to page 2.
    params.delete("da-luu");
    if (p === 1) params.delete("trang");
    else params.set("trang", String(p));
    const qs = params.toString();
    // An absolute path: a plain anchor (components/link.tsx), no route resolving per link.
    return qs ? `${location.pathname}?${qs}` : location.pathname;
  };
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((p) => p >= 1 && p <= pages).sort((a, b) => a - b);
  return (
    <>
      <p className="caption" role="status">
        {t("pagination.summary", { from: formatNumber(from), to: formatNumber(to), total: formatNumber(total) })}
      </p>
      {maxRows !== undefined && total > maxRows ? <p className="caption">{t("pagination.capped", { max: formatNumber(maxRows) })}</p> : null}
      {pages > 1 ? (
        <nav aria-label={t("pagination.label")}>
          <ul className="pagination">
            {page > 1 ? (
              <li>
                <Link to={href(page - 1)} rel="prev">
                  ‹ {t("pagination.prev")}
                </Link>
              </li>
            ) : null}
            {shown.map((p, i) => (
              <li key={p}>
                {i > 0 && p - shown[i - 1] > 1 ? <span aria-hidden="true">…</span> : null}
                {p === page ? (
                  <span aria-current="page">{p}</span>
                ) : (
                  <Link to={href(p)} aria-label={t("pagination.page", { page: p })}>
                    {p}
                  </Link>
                )}
              </li>
            ))}
            {page < pages ? (
              <li>
                <Link to={href(page + 1)} rel="next">
                  {t("pagination.next")} ›
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}

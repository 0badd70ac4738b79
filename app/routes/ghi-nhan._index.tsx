// Credit (ghi nhận): my credit by year and line; for leaders, the Organization Committee and
// the inspection, credit by organization, person and year within their subtrees (filter by
// year, pages, XLSX); the points per level; results reports awaiting my confirmation.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { levelLabel } from "~/components/decision-parts";
import { PageTitle } from "~/components/form";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { formatDate, formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { creditOverview, CREDIT_PAGE_SIZE } from "~/models/credit.server";
import { formatShare } from "~/schemas/initiative-sections";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { GetForm, Link } from "~/components/link";

function yearOf(url: URL): number | null {
  const n = Number(url.searchParams.get("nam"));
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const url = new URL(request.url);
  const year = yearOf(url);
  return json({ ...guard(() => creditOverview(ctx, { year, page: pageFromUrl(url) })), year });
}

const pts = (hundredths: number) => formatNumber(hundredths / 100);

export default function CreditPage() {
  const { mine, table, rules, reports, year } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="page">
      <PageTitle title={t("credit.title")} />
      <h1>{t("credit.title")}</h1>
      <p className="lead">{t("credit.lead")}</p>
      <p>
        {t("credit.rules.current", { unit: pts(rules.points.unit), ward: pts(rules.points.ward), city: pts(rules.points.city) })}{" "}
        {rules.allowed.edit ? <Link to="/ghi-nhan/diem">{t("credit.rules.link")}</Link> : null}
      </p>

      <h2>{t("credit.mine")}</h2>
      {mine.entries.length === 0 ? (
        <p>{t("credit.mine.none")}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <caption>{t("credit.mine.totals")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("credit.col.year")}</th>
                  <th scope="col">{t("credit.col.points")}</th>
                </tr>
              </thead>
              <tbody>
                {mine.totals.map((r) => (
                  <tr key={r.year}>
                    <td>{r.year}</td>
                    <td>{pts(r.points)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="table-wrap">
            <table>
              <caption>{t("credit.mine.entries")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("credit.col.decision")}</th>
                  <th scope="col">{t("credit.col.initiative")}</th>
                  <th scope="col">{t("credit.col.level")}</th>
                  <th scope="col">{t("credit.col.share")}</th>
                  <th scope="col">{t("credit.col.points")}</th>
                </tr>
              </thead>
              <tbody>
                {mine.entries.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <Link to={`/quyet-dinh/${e.decisionId}`}>{e.number}</Link> ({formatDate(e.decidedOn)})
                    </td>
                    <td>
                      <Link to={`/sang-kien/${e.initiativeId}`}>{e.title}</Link>
                    </td>
                    <td>{levelLabel(t, e.level)}</td>
                    <td>{`${formatShare(e.shareBp)} %`}</td>
                    <td>{pts(e.points)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      {reports.length ? (
        <>
          <h2 id="bao-cao-cho-xac-nhan">{t("credit.reports.title")}</h2>
          <ul>
            {reports.map((r) => (
              <li key={r.reportId}>
                <Link to={`/sang-kien/${r.initiativeId}/ket-qua`}>{`${r.registrationNumber ?? ""} — ${r.title}`}</Link> ({formatDateTime(r.submittedAt)})
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {table ? (
        <>
          <h2>{t("credit.table")}</h2>
          <GetForm className="filters">
            <div className="field">
              <label className="field__label" htmlFor="f-nam">
                {t("credit.table.year")}
              </label>
              <select className="input" id="f-nam" name="nam" defaultValue={year ?? ""}>
                <option value="">{t("credit.table.allYears")}</option>
                {table.years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--secondary">
              {t("credit.table.filter")}
            </button>
          </GetForm>
          <p>
            <a href={`/ghi-nhan/bang.xlsx${year ? `?nam=${year}` : ""}`} download>
              {t("credit.table.export")}
            </a>
          </p>
          {table.rows.length === 0 ? (
            <p>{t("credit.table.none")}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption>{t("credit.table")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("credit.col.year")}</th>
                    <th scope="col">{t("credit.col.org")}</th>
                    <th scope="col">{t("credit.col.person")}</th>
                    <th scope="col">{t("credit.col.entries")}</th>
                    <th scope="col">{t("credit.col.points")}</th>
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((r) => (
                    <tr key={`${r.periodYear}-${r.orgId}-${r.personId}`}>
                      <td>{r.periodYear}</td>
                      <td>{r.orgName}</td>
                      <td>{r.name}</td>
                      <td>{r.entries}</td>
                      <td>{pts(r.points)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={table.page} total={table.total} pageSize={CREDIT_PAGE_SIZE} />
        </>
      ) : null}
    </div>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { SuccessBanner, SummaryList, Tag } from "~/components/summary";
import type { MessageKey } from "~/i18n";
import { formatDate, formatNumber, formatQuarter, fullName } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { councilView } from "~/models/councils-view.server";
import { idParam } from "~/utils/councils-route.server";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  return json(guard(() => councilView(ctx, id)));
}

const SAVED: Record<string, MessageKey> = {
  tao: "councils.created",
  "thanh-vien": "councils.saved.member",
  "bo-thanh-vien": "councils.saved.removed",
  "sang-kien": "councils.saved.items",
  "phan-cong": "councils.saved.evaluators",
  "xung-dot": "councils.saved.conflict",
};

export default function CouncilPage() {
  const v = useLoaderData<typeof loader>();
  const { council } = v;
  const [search] = useSearchParams();
  const saved = SAVED[search.get("da-luu") ?? ""];
  const t = useT();
  const base = `/danh-gia/hoi-dong/${council.id}`;
  const pts = (n: number | null) => (n === null ? "—" : formatNumber(n));
  return (
    <div className="page">
      <PageTitle title={council.name} />
      <p>
        <Link to="/danh-gia/hoi-dong">‹ {t("councils.back")}</Link>
      </p>
      {saved ? <SuccessBanner>{t(saved)}</SuccessBanner> : null}
      <h1>{council.name}</h1>
      {council.closedAt ? <p><Tag tone="grey">{t("councils.view.closed")}</Tag></p> : null}
      <SummaryList
        rows={[
          { label: t("councils.view.summary.org"), value: council.orgName },
          { label: t("councils.view.summary.period"), value: council.periodQuarter ? formatQuarter(council.periodQuarter, council.periodYear) : t("councils.period.year", { year: council.periodYear }) },
          { label: t("councils.view.summary.rubric"), value: `${council.rubricName} — ${t("councils.rubrics.versionLabel", { version: council.rubricVersion })}` },
          { label: t("councils.view.summary.spread"), value: t("councils.rubric.points", { n: council.spreadLimit }) },
        ]}
      />

      <h2>{t("councils.view.members")}</h2>
      <div className="table-wrap">
        <table className="council-members">
          <caption>{t("councils.view.members.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("councils.view.members.name")}</th>
              <th scope="col">{t("councils.view.members.role")}</th>
              <th scope="col">{t("councils.view.members.position")}</th>
              {v.canRun ? <th scope="col">{t("councils.view.members.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {v.members.map((m) => (
              <tr key={m.id}>
                <td>{fullName(m)}</td>
                <td data-label={t("councils.view.members.role")}>{t(`councils.role.${m.role}` as MessageKey)}</td>
                <td data-label={t("councils.view.members.position")}>{m.position}</td>
                {v.canRun ? (
                  <td>
                    <Link to={`${base}/bo-thanh-vien/${m.id}`} aria-label={t("councils.view.members.removeFor", { name: fullName(m) })}>
                      {t("councils.view.members.remove")}
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {v.canRun ? (
        <p>
          <Link to={`${base}/thanh-vien`} className="button button--secondary">
            {t("councils.view.members.add")}
          </Link>
        </p>
      ) : null}

      <h2>{t("councils.view.items")}</h2>
      {v.canRun && !v.hasChairAndSecretary ? (
        <div className="banner banner--warning">
          <p>{t("councils.view.needSeats")}</p>
        </div>
      ) : null}
      {v.canRun ? (
        <div className="button-group">
          <Link to={`${base}/giao-sang-kien`} className="button">
            {t("councils.view.items.assign")}
          </Link>
          {v.items.length ? (
            <Link to={`${base}/phan-cong`} className="button button--secondary">
              {t("councils.view.items.assignEvaluators")}
            </Link>
          ) : null}
        </div>
      ) : null}
      {!v.canSeeScores ? <p className="caption">{t("councils.view.scoresHidden")}</p> : null}
      {v.items.length ? (
        <div className="table-wrap">
          <table className="council-items">
            <caption>{t("councils.view.items.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("councils.view.col.number")}</th>
                <th scope="col">{t("councils.view.col.title")}</th>
                <th scope="col">{t("councils.view.col.evaluators")}</th>
                {v.canSeeScores ? <th scope="col">{t("councils.view.col.scores")}</th> : null}
                <th scope="col">{t("councils.view.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {v.items.map((item) => {
                const number = item.registrationNumber ?? "";
                return (
                  <tr key={item.itemId}>
                    <td className="mono">{number}</td>
                    <td data-label={t("councils.view.col.title")}>
                      <Link to={`/sang-kien/${item.initiativeId}`}>{item.title}</Link>
                      <br />
                      <span className="caption">{t("councils.view.due", { date: formatDate(item.dueOn) })}</span>
                      {item.initiativeStatus !== "evaluating" ? (
                        <>
                          {" "}
                          <Tag tone="grey">{t(`councils.initiativeStatus.${item.initiativeStatus}` as MessageKey)}</Tag>
                        </>
                      ) : null}
                    </td>
                    <td data-label={t("councils.view.col.evaluators")}>
                      {item.evaluators.length ? (
                        <ul className="council-evaluators">
                          {item.evaluators.map((e) => (
                            <li key={e.evaluationId}>
                              {fullName(e)} <Tag tone={e.status === "submitted" ? "green" : "blue"}>{t(`councils.evalStatus.${e.status}` as MessageKey)}</Tag>
                              {e.overdue ? (
                                <>
                                  {" "}
                                  <Tag tone="red">{t("councils.view.overdue")}</Tag>
                                </>
                              ) : null}
                              {v.canSeeScores && e.status === "submitted" && e.totalHalfPoints !== null ? <> — {t("councils.view.total", { points: pts(e.totalHalfPoints / 2) })}</> : null}
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <span>{t("councils.view.noEvaluators")}</span>
                      )}
                      {item.tooFewEvaluators ? (
                        <p>
                          <Tag tone="red">{t("councils.view.tooFew")}</Tag>
                        </p>
                      ) : null}
                      {item.declared.length ? <p className="caption">{t("councils.view.declared", { names: item.declared.map(fullName).join(", ") })}</p> : null}
                    </td>
                    {v.canSeeScores ? (
                      <td data-label={t("councils.view.col.scores")}>
                        {item.stats && item.stats.count ? (
                          <span>{t("councils.view.stats", { mean: pts(item.stats.mean), median: pts(item.stats.median), spread: pts(item.stats.spread) })}</span>
                        ) : (
                          <span>{t("councils.view.statsNone")}</span>
                        )}
                        {item.flagged ? (
                          <p>
                            <Tag tone="red">{t("councils.view.flag")}</Tag>
                          </p>
                        ) : null}
                      </td>
                    ) : null}
                    <td>
                      <ul className="council-actions">
                        {v.canRun && item.initiativeStatus === "evaluating" ? (
                          <li>
                            <Link
                              to={`${base}/phan-cong?muc=${item.itemId}`}
                              aria-label={item.flagged ? t("councils.view.addEvaluatorFor", { number }) : t("councils.view.assignFor", { number })}
                            >
                              {item.flagged ? t("councils.view.addEvaluator") : t("councils.view.items.assignEvaluators")}
                            </Link>
                          </li>
                        ) : null}
                        {v.canDecide && item.initiativeStatus === "evaluating" ? (
                          <li>
                            <Link to={`${base}/quyet-dinh/${item.itemId}`} aria-label={t("councils.view.decideFor", { number })}>
                              {t("councils.view.decide")}
                            </Link>
                          </li>
                        ) : null}
                        {item.initiativeStatus === "recognised" || item.initiativeStatus === "not_recognised" ? (
                          <li>
                            <Link to={`/sang-kien/${item.initiativeId}/quyet-dinh`} aria-label={t("councils.view.decisionFor", { number })}>
                              {t("councils.view.decision")}
                            </Link>
                          </li>
                        ) : null}
                        {v.isMember ? (
                          <li>
                            <Link to={`${base}/xung-dot/${item.itemId}`} aria-label={t("councils.view.declareFor", { number })}>
                              {t("councils.view.declare")}
                            </Link>
                          </li>
                        ) : null}
                      </ul>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("councils.view.items.none")}</p>
      )}
      {v.canSeeScores ? (
        <ul className="link-list no-print">
          <li>
            <a href={`${base}/bien-ban.docx`} download>
              {t("councils.view.minutes")}
            </a>
          </li>
          <li>
            <a href={`${base}/bang-diem.xlsx`} download>
              {t("councils.view.scoreSheet")}
            </a>
          </li>
        </ul>
      ) : null}
    </div>
  );
}

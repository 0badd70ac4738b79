// The evaluator's queue: the score sheets assigned to me, in tabs (all, to score, overdue,
// done), with links for those who run councils or keep score sheets.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { DueDate, EvaluationStatusTag } from "~/components/scoring-parts";
import { SuccessBanner } from "~/components/summary";
import type { MessageKey } from "~/i18n";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listQueue, SCORING_PAGE_SIZE } from "~/models/scoring.server";
import { queueTabOf, slugOfTab, type QueueTab } from "~/schemas/scoring";
import { guard } from "~/utils/http.server";
import { scoringBanner } from "~/utils/scoring-route.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const url = new URL(request.url);
  const queue = guard(() => listQueue(ctx, { tab: queueTabOf(url.searchParams.get("xem")), page: pageFromUrl(url) }));
  return json({ queue, saved: scoringBanner(url) });
}

const TABS: QueueTab[] = ["all", "pending", "overdue", "done"];

export default function ScoringQueue() {
  const { queue, saved } = useLoaderData<typeof loader>();
  const t = useT();
  const tabLabel = (tab: QueueTab) => t(`scoring.tab.${tab}` as MessageKey);
  return (
    <>
      <PageTitle title={`${tabLabel(queue.tab)} — ${t("scoring.queue.title")}`} />
      {saved ? <SuccessBanner>{t(saved)}</SuccessBanner> : null}
      <h1>{t("scoring.queue.title")}</h1>
      <p className="lead">{t("scoring.queue.lead")}</p>
      {queue.links.councils || queue.links.rubrics ? (
        <nav aria-labelledby="scoring-links-title">
          <h2 id="scoring-links-title">{t("scoring.links.title")}</h2>
          <ul>
            {queue.links.councils ? (
              <li>
                <Link to="/danh-gia/hoi-dong">{t("scoring.links.councils")}</Link>
              </li>
            ) : null}
            {queue.links.rubrics ? (
              <li>
                <Link to="/danh-gia/phieu-cham">{t("scoring.links.rubrics")}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <nav aria-label={t("scoring.queue.tabs")}>
        <ul className="task-tabs">
          {TABS.map((tab) => (
            <li key={tab}>
              <Link to={tab === "all" ? "/danh-gia" : `/danh-gia?xem=${slugOfTab(tab)}`} aria-current={tab === queue.tab ? "page" : undefined}>
                {t("scoring.tab.count", { label: tabLabel(tab), count: formatNumber(queue.counts[tab]) })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <section aria-labelledby="scoring-table-caption">
        <div className="table-wrap">
          <table className="scoring-table">
            <caption id="scoring-table-caption">{t(`scoring.caption.${queue.tab}` as MessageKey)}</caption>
            <thead>
              <tr>
                <th scope="col">{t("scoring.col.number")}</th>
                <th scope="col">{t("scoring.col.title")}</th>
                <th scope="col">{t("scoring.col.council")}</th>
                <th scope="col">{t("scoring.col.due")}</th>
                <th scope="col">{t("scoring.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {queue.rows.map((r) => (
                <tr key={r.id}>
                  <td className="mono" data-label={t("scoring.col.number")}>
                    {r.registrationNumber ?? t("scoring.noNumber")}
                  </td>
                  <td data-label={t("scoring.col.title")}>
                    <Link to={`/danh-gia/phieu/${r.id}`}>{r.title}</Link>
                  </td>
                  <td data-label={t("scoring.col.council")}>{r.councilName}</td>
                  <td data-label={t("scoring.col.due")}>
                    <DueDate dueOn={r.dueOn} overdue={r.overdue} />
                  </td>
                  <td data-label={t("scoring.col.status")}>
                    <EvaluationStatusTag status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {queue.rows.length === 0 ? <p>{t(`scoring.none.${queue.tab}` as MessageKey)}</p> : null}
        <Pagination page={queue.page} total={queue.total} pageSize={SCORING_PAGE_SIZE} />
      </section>
    </>
  );
}

// The council page: summary, members, and the items before the council 25 at a time, filtered
// by where they stand (waiting for sheets, wide spread, ready for a decision, decided).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { CouncilItemsTable, councilItemRows } from "~/components/council-items";
import { PageTitle } from "~/components/form";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { SuccessBanner, SummaryList, Tag } from "~/components/summary";
import type { MessageKey } from "~/i18n";
import { formatNumber, formatQuarter, fullName } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { councilView } from "~/models/councils-view.server";
import { itemStateOf, slugOfItemState, type ItemState } from "~/schemas/councils";
import { idParam } from "~/utils/councils-route.server";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const url = new URL(request.url);
  const { evaluatorChoices: _e, items, members, ...view } = guard(() => councilView(ctx, id, { state: itemStateOf(url.searchParams.get("xem")), page: pageFromUrl(url) }));
  // What the page shows, not the model's rows (ids, dates and name parts it does not show).
  return json({
    ...view,
    members: members.map((m) => ({ id: m.id, name: fullName(m), role: m.role, position: m.position })),
    items: councilItemRows(items),
  });
}

const SAVED: Record<string, MessageKey> = {
  tao: "councils.created",
  "thanh-vien": "councils.saved.member",
  "bo-thanh-vien": "councils.saved.removed",
  "sang-kien": "councils.saved.items",
  "phan-cong": "councils.saved.evaluators",
  "xung-dot": "councils.saved.conflict",
};

const STATES: ItemState[] = ["all", "waiting", "flagged", "ready", "decided"];

export default function CouncilPage() {
  const v = useLoaderData<typeof loader>();
  const { council } = v;
  const [search] = useSearchParams();
  const saved = SAVED[search.get("da-luu") ?? ""];
  const t = useT();
  const list = v.list!;
  const base = `/danh-gia/hoi-dong/${council.id}`;
  const stateLabel = (state: ItemState) => t(`councils.view.state.${state}` as MessageKey);
  // A wide spread is a score figure: the filter is offered only to those who may see scores.
  const states = STATES.filter((state) => state !== "flagged" || v.canSeeScores);
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
          {
            label: t("councils.view.summary.progress"),
            value: t("councils.view.summary.progressValue", {
              items: formatNumber(list.counts.all),
              submitted: formatNumber(list.sheets.submitted),
              assigned: formatNumber(list.sheets.assigned),
              overdue: formatNumber(list.sheets.overdue),
            }),
          },
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
                <td>{m.name}</td>
                <td data-label={t("councils.view.members.role")}>{t(`councils.role.${m.role}` as MessageKey)}</td>
                <td data-label={t("councils.view.members.position")}>{m.position}</td>
                {v.canRun ? (
                  <td>
                    <Link to={`${base}/bo-thanh-vien/${m.id}`} aria-label={t("councils.view.members.removeFor", { name: m.name })}>
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
          {list.counts.all ? (
            <Link to={`${base}/phan-cong`} className="button button--secondary">
              {t("councils.view.items.assignEvaluators")}
            </Link>
          ) : null}
        </div>
      ) : null}
      {!v.canSeeScores ? <p className="caption">{t("councils.view.scoresHidden")}</p> : null}
      {list.counts.all ? (
        <nav aria-label={t("councils.view.filter.label")}>
          <ul className="task-tabs">
            {states.map((state) => (
              <li key={state}>
                <Link to={state === "all" ? base : `${base}?xem=${slugOfItemState(state)}`} aria-current={state === list.state ? "page" : undefined}>
                  {t("councils.view.state.count", { label: stateLabel(state), count: formatNumber(list.counts[state]) })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {v.items.length ? (
        <>
          <CouncilItemsTable
            items={v.items}
            base={base}
            caption={list.state === "all" ? t("councils.view.items.caption") : t("councils.view.items.captionIn", { state: stateLabel(list.state) })}
            flags={{ canSeeScores: v.canSeeScores, canRun: v.canRun, canDecide: v.canDecide, isMember: v.isMember }}
          />
          <Pagination page={list.page} total={list.total} pageSize={list.pageSize} />
        </>
      ) : (
        <p>{list.counts.all ? t("councils.view.items.noneInState") : t("councils.view.items.none")}</p>
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

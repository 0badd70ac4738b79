// The council view's table of items (one page of them): evaluators with their statuses, totals
// and statistics for those who may see scores, the flag, and the actions on each item.
import type { EvaluationStatus, InitiativeStatus } from "../../db/schema";
import { Tag } from "~/components/summary";
import type { MessageKey } from "~/i18n";
import { formatDate, formatNumber, fullName } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import type { CouncilItemScores } from "~/models/councils-view.server";
import { Link } from "~/components/link";

type Flags = { canSeeScores: boolean; canRun: boolean; canDecide: boolean; isMember: boolean };

/** One row as the table shows it: what the page sends to the browser for each item (the model's
 * row also carries ids, dates and name parts the table does not show). */
export type CouncilItemRow = {
  itemId: number;
  initiativeId: number;
  number: string;
  title: string;
  status: InitiativeStatus;
  dueOn: string;
  /** Points only where the viewer may see them and the sheet is submitted. */
  evaluators: { id: number; name: string; status: EvaluationStatus; overdue: boolean; points: number | null }[];
  stats: { mean: number | null; median: number | null; spread: number | null } | null;
  flagged: boolean;
  tooFewEvaluators: boolean;
  declared: string[];
};

export function councilItemRows(items: CouncilItemScores[]): CouncilItemRow[] {
  return items.map((item) => ({
    itemId: item.itemId,
    initiativeId: item.initiativeId,
    number: item.registrationNumber ?? "",
    title: item.title,
    status: item.initiativeStatus,
    dueOn: item.dueOn,
    evaluators: item.evaluators.map((e) => ({
      id: e.evaluationId,
      name: fullName(e),
      status: e.status,
      overdue: e.overdue,
      points: e.status === "submitted" && e.totalHalfPoints !== null ? e.totalHalfPoints / 2 : null,
    })),
    stats: item.stats && item.stats.count ? { mean: item.stats.mean, median: item.stats.median, spread: item.stats.spread } : null,
    flagged: item.flagged,
    tooFewEvaluators: item.tooFewEvaluators,
    declared: item.declared.map(fullName),
  }));
}

const pts = (n: number | null) => (n === null ? "—" : formatNumber(n));

export function CouncilItemsTable({ items, base, caption, flags }: { items: CouncilItemRow[]; base: string; caption: string; flags: Flags }) {
  const t = useT();
  return (
    <div className="table-wrap">
      <table className="council-items">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("councils.view.col.number")}</th>
            <th scope="col">{t("councils.view.col.title")}</th>
            <th scope="col">{t("councils.view.col.evaluators")}</th>
            {flags.canSeeScores ? <th scope="col">{t("councils.view.col.scores")}</th> : null}
            <th scope="col">{t("councils.view.col.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <ItemRow key={item.itemId} item={item} base={base} flags={flags} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ItemRow({ item, base, flags }: { item: CouncilItemRow; base: string; flags: Flags }) {
  const t = useT();
  const { number, status } = item;
  const evaluating = status === "evaluating";
  return (
    <tr>
      <td className="mono">{number}</td>
      <td data-label={t("councils.view.col.title")}>
        <Link to={`/sang-kien/${item.initiativeId}`}>{item.title}</Link>
        <br />
        <span className="caption">{t("councils.view.due", { date: formatDate(item.dueOn) })}</span>
        {!evaluating ? (
          <>
            {" "}
            <Tag tone="grey">{t(`councils.initiativeStatus.${status}` as MessageKey)}</Tag>
          </>
        ) : null}
      </td>
      <td data-label={t("councils.view.col.evaluators")}>
        {item.evaluators.length ? (
          <ul className="council-evaluators">
            {item.evaluators.map((e) => (
              <li key={e.id}>
                {e.name} <Tag tone={e.status === "submitted" ? "green" : "blue"}>{t(`councils.evalStatus.${e.status}` as MessageKey)}</Tag>
                {e.overdue ? (
                  <>
                    {" "}
                    <Tag tone="red">{t("councils.view.overdue")}</Tag>
                  </>
                ) : null}
                {flags.canSeeScores && e.points !== null ? <> — {t("councils.view.total", { points: pts(e.points) })}</> : null}
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
        {item.declared.length ? <p className="caption">{t("councils.view.declared", { names: item.declared.join(", ") })}</p> : null}
      </td>
      {flags.canSeeScores ? (
        <td data-label={t("councils.view.col.scores")}>
          {item.stats ? (
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
          {flags.canRun && evaluating ? (
            <li>
              <Link to={`${base}/phan-cong?muc=${item.itemId}`} aria-label={item.flagged ? t("councils.view.addEvaluatorFor", { number }) : t("councils.view.assignFor", { number })}>
                {item.flagged ? t("councils.view.addEvaluator") : t("councils.view.items.assignEvaluators")}
              </Link>
            </li>
          ) : null}
          {flags.canDecide && evaluating ? (
            <li>
              <Link to={`${base}/quyet-dinh/${item.itemId}`} aria-label={t("councils.view.decideFor", { number })}>
                {t("councils.view.decide")}
              </Link>
            </li>
          ) : null}
          {status === "recognised" || status === "not_recognised" ? (
            <li>
              <Link to={`/sang-kien/${item.initiativeId}/quyet-dinh`} aria-label={t("councils.view.decisionFor", { number })}>
                {t("councils.view.decision")}
              </Link>
            </li>
          ) : null}
          {flags.isMember ? (
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
}

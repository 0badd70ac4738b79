// One decision: what was decided, the authors and their credit, the chain (what it corrects,
// what corrected it), the preview in the party layout and the DOCX download.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { halfToPoints, outcomeLabel } from "~/components/decision-parts";
import { DecisionPreview } from "~/components/decision-preview";
import { PageTitle } from "~/components/form";
import { SuccessBanner, SummaryList, Tag } from "~/components/summary";
import { formatDate, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getDecision } from "~/models/decisions-read.server";
import { formatShare } from "~/schemas/initiative-sections";
import { idParam } from "~/utils/decisions-route.server";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const view = guard(() => getDecision(ctx, idParam(params.id)));
  return json({ view, saved: new URL(request.url).searchParams.has("da-luu") });
}

export default function DecisionPage() {
  const { view, saved } = useLoaderData<typeof loader>();
  const t = useT();
  const d = view.decision;
  const title = t("decisions.view.title", { number: d.number });
  return (
    <div className="page">
      <PageTitle title={title} />
      {saved ? <SuccessBanner>{t("decisions.view.saved")}</SuccessBanner> : null}
      <p className="caption">{view.council.name}</p>
      <h1>{title}</h1>
      {view.correctedBy ? (
        <div className="banner banner--warning" role="note">
          <p>
            {t("decisions.view.correctedBy")}
            <Link to={`/quyet-dinh/${view.correctedBy.id}`}>{view.correctedBy.number}</Link>.
          </p>
        </div>
      ) : null}
      {view.corrects ? (
        <p>
          {t("decisions.view.corrects")}
          <Link to={`/quyet-dinh/${view.corrects.id}`}>{view.corrects.number}</Link>.
        </p>
      ) : null}
      <SummaryList
        rows={[
          { label: t("decisions.field.outcome"), value: <Tag tone={d.outcome === "recognised" ? "green" : "grey"}>{outcomeLabel(t, d.outcome, d.level)}</Tag> },
          { label: t("decisions.view.initiative"), value: <Link to={`/sang-kien/${view.initiative.id}`}>{`${view.initiative.registrationNumber ?? ""} — ${view.initiative.title}`}</Link> },
          { label: t("decisions.field.decidedOn"), value: formatDate(d.decidedOn) },
          { label: t("decisions.field.signerName"), value: `${d.signerName}, ${d.signerTitle}` },
          ...(d.reason ? [{ label: t("decisions.field.reason"), value: d.reason }] : []),
          ...(view.summary ? [{ label: t("decisions.stat.mean"), value: `${halfToPoints(view.summary.meanHalf)} (${t("decisions.stat.evaluators")}: ${view.summary.submitted})` }] : []),
        ]}
      />
      <div className="table-wrap">
        <table>
          <caption>{t("decisions.view.authorsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("decisions.view.col.author")}</th>
              <th scope="col">{t("decisions.view.col.share")}</th>
              <th scope="col">{t("decisions.view.col.points")}</th>
            </tr>
          </thead>
          <tbody>
            {view.authors.map((a, i) => (
              <tr key={i}>
                <td>{a.fullName}</td>
                <td>{`${formatShare(a.shareBp)} %`}</td>
                <td>{a.points === null ? "—" : formatNumber(a.points / 100)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="button-group">
        <a className="button" href={`/quyet-dinh/${d.id}/tai-ve.docx`} download>
          {t("decisions.view.download")}
        </a>
        {view.allowed.correct ? (
          <Link className="button button--secondary" to={`/quyet-dinh/${d.id}/dinh-chinh`}>
            {t("decisions.view.correct")}
          </Link>
        ) : null}
      </div>
      <h2>{t("decisions.view.preview")}</h2>
      <DecisionPreview view={view} />
    </div>
  );
}

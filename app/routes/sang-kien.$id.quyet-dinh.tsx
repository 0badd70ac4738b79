// The decisions on an initiative as its authors and receivers see them: outcome, number, date,
// signer, and the score summary (how many scored it and the mean), never who gave which score.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { halfToPoints, outcomeLabel } from "~/components/decision-parts";
import { PageTitle } from "~/components/form";
import { SummaryList, Tag } from "~/components/summary";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { decisionsForInitiative } from "~/models/decisions-read.server";
import { idParam } from "~/utils/decisions-route.server";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  return json(guard(() => decisionsForInitiative(ctx, idParam(params.id))));
}

export default function InitiativeDecisions() {
  const { initiative, decisions } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="page">
      <PageTitle title={t("decisions.mine.title")} />
      <p className="caption">
        <Link to={`/sang-kien/${initiative.id}`}>{`${initiative.registrationNumber ?? ""} — ${initiative.title}`}</Link>
      </p>
      <h1>{t("decisions.mine.title")}</h1>
      {decisions.length === 0 ? <p>{t("decisions.mine.none")}</p> : null}
      {[...decisions].reverse().map((d) => (
        <section key={d.id} className="decision-card" aria-labelledby={`qd-${d.id}`}>
          <h2 id={`qd-${d.id}`}>
            {t("decisions.view.title", { number: d.number })}{" "}
            <Tag tone={d.current ? "blue" : "grey"}>{d.current ? t("decisions.mine.current") : t("decisions.mine.superseded")}</Tag>
          </h2>
          <SummaryList
            rows={[
              { label: t("decisions.field.outcome"), value: outcomeLabel(t, d.outcome, d.level) },
              { label: t("decisions.field.decidedOn"), value: formatDate(d.decidedOn) },
              { label: t("decisions.field.signerName"), value: `${d.signerName}, ${d.signerTitle}` },
              ...(d.reason ? [{ label: t("decisions.field.reason"), value: d.reason }] : []),
              ...(d.summary && d.summary.meanHalf !== null
                ? [{ label: t("decisions.record.summary"), value: t("decisions.mine.scores", { count: d.summary.submitted, mean: halfToPoints(d.summary.meanHalf) }) }]
                : []),
            ]}
          />
          <p>
            <Link to={`/quyet-dinh/${d.id}`}>{t("decisions.mine.open", { number: d.number })}</Link>
          </p>
        </section>
      ))}
      <p>
        {initiative.status === "recognised" ? (
          <>
            <Link to={`/sang-kien/${initiative.id}/ket-qua`}>{t("decisions.mine.reportLink")}</Link>
            {" · "}
          </>
        ) : null}
        <Link to={`/sang-kien/${initiative.id}`}>{t("decisions.mine.back")}</Link>
      </p>
    </div>
  );
}

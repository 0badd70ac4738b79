// Record the council's decision on one item: the item's score summary (mean, median, spread,
// thresholds, the suggested level) and the decision form, for the council's chair or secretary.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DecisionFields, levelLabel, outcomeLabel, ScoreSummary } from "~/components/decision-parts";
import { PageTitle } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { formatDate } from "~/i18n/format";
import { decisionForm } from "~/models/decisions-read.server";
import { recordDecision } from "~/models/decisions.server";
import { attemptForm, idParam } from "~/utils/decisions-route.server";
import { formValues, guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  return json(guard(() => decisionForm(ctx, idParam(params.id), idParam(params.itemId))));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const councilId = idParam(params.id);
  const itemId = idParam(params.itemId);
  guard(() => decisionForm(ctx, councilId, itemId));
  const { values } = await formValues(request);
  const result = await attemptForm(() => recordDecision(ctx, itemId, values as never), values);
  if (!result.ok) return result.response;
  return redirect(`/quyet-dinh/${result.value.id}?da-luu=1`);
}

export default function RecordDecision() {
  const data = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const { item, summary, rubric } = data;
  return (
    <div className="narrow">
      {data.allowed.record ? null : <PageTitle title={t("decisions.record.title")} />}
      <p className="caption">{data.council.name}</p>
      <h1>{t("decisions.record.title")}</h1>
      <p className="lead">
        <Link to={`/sang-kien/${item.initiativeId}`}>{`${item.registrationNumber ?? ""} — ${item.title}`}</Link>
      </p>
      <p>
        <a href={`/danh-gia/hoi-dong/${data.council.id}/bien-ban.docx`} download>
          {t("decisions.council.minutes")}
        </a>
        {" · "}
        <a href={`/danh-gia/hoi-dong/${data.council.id}/bang-diem.xlsx`} download>
          {t("decisions.council.scores")}
        </a>
      </p>
      <h2>{t("decisions.record.summary")}</h2>
      <ScoreSummary summary={summary} max={rubric.maxPoints} thresholds={rubric} spreadLimit={data.spreadLimit} />
      {summary.submitted > 0 ? (
        <p>{summary.suggested ? t("decisions.record.suggested", { level: levelLabel(t, summary.suggested) }) : t("decisions.record.suggestedNone")}</p>
      ) : null}
      {data.existing.length ? (
        <div className="banner" role="status">
          <p>
            {t("decisions.record.existing")}
            {data.existing.map((d, i) => (
              <span key={d.id}>
                {i ? ", " : ""}
                <Link to={`/quyet-dinh/${d.id}`}>{d.number}</Link> ({outcomeLabel(t, d.outcome, d.level)})
              </span>
            ))}
          </p>
        </div>
      ) : null}
      {!data.ready ? (
        <div className="banner banner--warning" role="status">
          <p>{t("decisions.record.pending", { count: data.pending })}</p>
        </div>
      ) : null}
      {data.allowed.record ? (
        <>
          <p>{t("decisions.record.lead")}</p>
          <DecisionFields
            server={server}
            submit={t("decisions.record.submit")}
            title={t("decisions.record.title")}
            defaults={{ outcome: summary.suggested ? "recognised" : "", level: summary.suggested ?? "", reason: "", number: "", decidedOn: formatDate(data.today), signerName: "", signerTitle: "" }}
          />
        </>
      ) : !data.existing.length ? (
        <p>{t("decisions.record.notAllowed")}</p>
      ) : null}
    </div>
  );
}

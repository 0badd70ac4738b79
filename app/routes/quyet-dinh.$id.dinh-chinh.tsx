// Correct a decision: a new decision referring to it (only the latest of a chain), by the
// council's chair or secretary; the earlier credit is reversed.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DecisionFields } from "~/components/decision-parts";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getDecision } from "~/models/decisions-read.server";
import { correctDecision } from "~/models/decisions.server";
import { attemptForm, idParam } from "~/utils/decisions-route.server";
import { formValues, guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const view = guard(() => getDecision(ctx, id));
  if (!view.allowed.correct) throw redirect(`/quyet-dinh/${id}`);
  return json({ view });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const { values } = await formValues(request);
  const result = await attemptForm(() => correctDecision(ctx, id, values as never), values);
  if (!result.ok) return result.response;
  return redirect(`/quyet-dinh/${result.value.id}?da-luu=1`);
}

export default function CorrectDecision() {
  const { view } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const d = view.decision;
  return (
    <div className="narrow">
      <p className="caption">
        <Link to={`/quyet-dinh/${d.id}`}>{t("decisions.view.title", { number: d.number })}</Link>
      </p>
      <h1>{t("decisions.correct.title")}</h1>
      <p className="lead">{t("decisions.correct.lead", { number: d.number })}</p>
      <DecisionFields
        server={server}
        submit={t("decisions.correct.submit")}
        title={t("decisions.correct.title")}
        defaults={{ outcome: d.outcome, level: d.level ?? "", reason: d.reason, number: "", decidedOn: formatDate(view.today), signerName: d.signerName, signerTitle: d.signerTitle }}
      />
    </div>
  );
}

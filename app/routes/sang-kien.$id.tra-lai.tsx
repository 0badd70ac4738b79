import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DecisionStep } from "~/components/initiative-decision";
import { useT } from "~/i18n/use-t";
import { getInitiative, returnForRevision } from "~/models/initiatives.server";
import { attempt, formValues, guard } from "~/utils/http.server";
import { initiativeIdParam } from "~/utils/initiatives-route.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = initiativeIdParam(params);
  const initiative = guard(() => getInitiative(ctx, id));
  if (!initiative.allowed.receive) throw redirect(`/sang-kien/${id}`);
  return json({ initiative });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = initiativeIdParam(params);
  const { values } = await formValues(request);
  const result = await attempt(() => returnForRevision(ctx, id, { reason: values.reason ?? "" }), { reason: values.reason ?? "" });
  if (!result.ok) return result.response;
  return redirect(`/sang-kien/${id}?da-luu=tra-lai`);
}

export default function ReturnStep() {
  const { initiative } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <DecisionStep
      subject={initiative}
      title="initiatives.return.title"
      lead={t("initiatives.return.lead")}
      submit="initiatives.return.submit"
      reason="required"
      reasonLabel="initiatives.return.reason"
      reasonHint="initiatives.return.reasonHint"
      server={useActionData<typeof action>()}
    />
  );
}

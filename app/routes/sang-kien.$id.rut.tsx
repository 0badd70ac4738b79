import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DecisionStep } from "~/components/initiative-decision";
import { useT } from "~/i18n/use-t";
import { getInitiative, withdraw } from "~/models/initiatives.server";
import { attempt, formValues, guard } from "~/utils/http.server";
import { initiativeIdParam } from "~/utils/initiatives-route.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = initiativeIdParam(params);
  const initiative = guard(() => getInitiative(ctx, id));
  if (!initiative.allowed.withdraw) throw redirect(`/sang-kien/${id}`);
  return json({ initiative });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = initiativeIdParam(params);
  const { values } = await formValues(request);
  const result = await attempt(() => withdraw(ctx, id, { reason: values.reason ?? "" }), { reason: values.reason ?? "" });
  if (!result.ok) return result.response;
  return redirect(`/sang-kien/${id}?da-luu=rut`);
}

export default function WithdrawStep() {
  const { initiative } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <DecisionStep
      subject={initiative}
      title="initiatives.withdraw.title"
      lead={t("initiatives.withdraw.lead")}
      submit="initiatives.withdraw.submit"
      reason="optional"
      warning
      server={useActionData<typeof action>()}
    />
  );
}

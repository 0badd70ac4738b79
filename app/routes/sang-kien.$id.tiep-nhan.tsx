import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DecisionStep } from "~/components/initiative-decision";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { accept, decisionDueIfAcceptedToday, getInitiative } from "~/models/initiatives.server";
import { attempt, guard } from "~/utils/http.server";
import { initiativeIdParam } from "~/utils/initiatives-route.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = initiativeIdParam(params);
  const initiative = guard(() => getInitiative(ctx, id));
  if (!initiative.allowed.receive) throw redirect(`/sang-kien/${id}`);
  return json({ initiative, due: decisionDueIfAcceptedToday(ctx) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = initiativeIdParam(params);
  const result = await attempt(() => accept(ctx, id), {});
  if (!result.ok) return result.response;
  return redirect(`/sang-kien/${id}?da-luu=tiep-nhan`);
}

export default function AcceptStep() {
  const { initiative, due } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <DecisionStep
      subject={initiative}
      title="initiatives.accept.title"
      lead={t("initiatives.accept.lead", { due: formatDate(due) })}
      submit="initiatives.accept.submit"
      reason="none"
      server={useActionData<typeof action>()}
    />
  );
}

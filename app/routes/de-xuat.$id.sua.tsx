import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ProposalForm } from "~/components/proposal-form";
import { useT } from "~/i18n/use-t";
import { getProposal, saveDraft } from "~/models/proposals.server";
import { PLAN_FIELDS, planSchema } from "~/schemas/proposals";
import { attempt, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { proposalIdParam } from "~/utils/proposals-route.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = proposalIdParam(params);
  const p = guard(() => getProposal(ctx, id));
  if (!p.allowed.edit) throw redirect(`/de-xuat/${id}`);
  const defaults: Record<string, string> = { title: p.title };
  for (const f of PLAN_FIELDS) defaults[f] = p[f];
  return json({ defaults });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = proposalIdParam(params);
  const { values } = await formValues(request);
  const parsed = planSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const result = await attempt(() => saveDraft(ctx, id, parsed.data), values);
  if (!result.ok) return result.response;
  return redirect(`/de-xuat/${id}?da-luu=luu`);
}

export default function EditProposal() {
  const { defaults } = useLoaderData<typeof loader>();
  const t = useT();
  return <ProposalForm title={t("proposals.edit.title")} defaults={defaults} server={useActionData<typeof action>()} />;
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { canPropose } from "~/auth/policy";
import { EMPTY_PLAN, ProposalForm } from "~/components/proposal-form";
import { useT } from "~/i18n/use-t";
import { createDraft } from "~/models/proposals.server";
import { planSchema } from "~/schemas/proposals";
import { attempt, formFailure, formValues, zodFieldErrors } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request);
  if (!canPropose(actor)) throw json({ message: "forbidden" }, { status: 403 });
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const { values } = await formValues(request);
  const parsed = planSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const result = await attempt(() => createDraft(ctx, parsed.data), values);
  if (!result.ok) return result.response;
  return redirect(`/de-xuat/${result.value.id}?da-luu=tao`);
}

export default function NewProposal() {
  const t = useT();
  return <ProposalForm title={t("proposals.create.title")} lead={t("proposals.create.lead")} defaults={EMPTY_PLAN} server={useActionData<typeof action>()} />;
}

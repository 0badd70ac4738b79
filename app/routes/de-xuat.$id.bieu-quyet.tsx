import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, RadioGroup, useValidatedForm } from "~/components/form";
import { StepFrame } from "~/components/proposal-parts";
import { useT } from "~/i18n/use-t";
import { getProposal, recordVotes, type VoteInput } from "~/models/proposals.server";
import { votesSchema } from "~/schemas/proposals";
import { attempt, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { proposalIdParam } from "~/utils/proposals-route.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = proposalIdParam(params);
  const p = guard(() => getProposal(ctx, id));
  if (!p.allowed.decide) throw redirect(`/de-xuat/${id}`);
  return json({ p, open: p.members.filter((m) => m.vote === null) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = proposalIdParam(params);
  const p = guard(() => getProposal(ctx, id));
  const { values } = await formValues(request);
  // Every member of the collective, recorded or not: a stale form that votes again for someone
  // already recorded reaches the model and is refused there, instead of being silently dropped.
  const parsed = votesSchema(p.members.map((m) => m.personId)).safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const votes: VoteInput[] = Object.entries(parsed.data as Record<string, string>)
    .filter(([, v]) => v === "for" || v === "against")
    .map(([k, v]) => ({ voterId: Number(k.slice(1)), vote: v as VoteInput["vote"] }));
  const result = await attempt(() => recordVotes(ctx, id, votes), values);
  if (!result.ok) return result.response;
  return redirect(`/de-xuat/${id}?da-luu=phieu`);
}

export default function RecordVotes() {
  const { p, open } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const defaults = Object.fromEntries(open.map((m) => [`v${m.personId}`, ""]));
  const form = useValidatedForm(votesSchema(open.map((m) => m.personId)), { defaults, server });
  const options = [
    { value: "for", label: t("proposals.vote.for") },
    { value: "against", label: t("proposals.vote.against") },
    { value: "", label: t("proposals.vote.blank") },
  ];
  return (
    <StepFrame id={p.id} proposalTitle={p.title} title={t("proposals.votes.title")} hasErrors={form.hasErrors}>
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <h1>{t("proposals.votes.title")}</h1>
      <p className="lead">{t("proposals.votes.lead", { org: p.deciderOrgName })}</p>
      {open.length ? (
        <Form method="post" noValidate onSubmit={form.onSubmit}>
          <div id="f-votes">
            {open.map((m) => (
              <RadioGroup key={m.personId} name={`v${m.personId}`} legend={t("proposals.votes.legend", { name: m.name })} options={options} form={form} />
            ))}
          </div>
          <button type="submit" className="button">
            {t("proposals.votes.submit")}
          </button>
        </Form>
      ) : (
        <p>{t("proposals.votes.none")}</p>
      )}
    </StepFrame>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, TextArea, useValidatedForm } from "~/components/form";
import { StepFrame } from "~/components/proposal-parts";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { decide, getProposal } from "~/models/proposals.server";
import { overrideSchema } from "~/schemas/proposals";
import { attempt, badRequest, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { proposalIdParam } from "~/utils/proposals-route.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = proposalIdParam(params);
  const p = guard(() => getProposal(ctx, id));
  if (!p.allowed.decide) throw redirect(`/de-xuat/${id}`);
  return json({ p });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = proposalIdParam(params);
  const { values } = await formValues(request);
  let input: { override: boolean; overrideNote?: string };
  if (values.intent === "close") input = { override: false };
  else if (values.intent === "override") {
    const parsed = overrideSchema.safeParse(values);
    if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
    input = { override: true, overrideNote: parsed.data.overrideNote };
  } else badRequest();
  const result = await attempt(() => decide(ctx, id, input), values);
  if (!result.ok) return result.response;
  return redirect(`/de-xuat/${id}?da-luu=quyet-dinh`);
}

export default function DecideProposal() {
  const { p } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const form = useValidatedForm(overrideSchema, { defaults: { overrideNote: "" }, server });
  return (
    <StepFrame id={p.id} proposalTitle={p.title} title={t("proposals.decide.title")} hasErrors={form.hasErrors}>
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <h1>{t("proposals.decide.title")}</h1>
      <p className="lead">{t("proposals.decide.lead")}</p>
      <div className="panel">
        <p>
          {t("proposals.detail.tally", { for: p.tally.for, against: p.tally.against, cast: p.tally.cast })} — {t(`proposals.basis.${p.tally.basis}` as MessageKey)}
        </p>
        <p>
          <strong>{t(p.tally.passed ? "proposals.decide.passes" : "proposals.decide.fails")}</strong>
        </p>
      </div>
      <Form method="post">
        <input type="hidden" name="intent" value="close" />
        <button type="submit" className={p.tally.passed ? "button" : "button button--secondary"}>
          {t("proposals.decide.close")}
        </button>
      </Form>
      {!p.tally.passed ? (
        <section aria-labelledby="override-title">
          <h2 id="override-title">{t("proposals.decide.overrideTitle")}</h2>
          <p>{t("proposals.decide.overrideLead")}</p>
          <Form method="post" noValidate onSubmit={form.onSubmit}>
            <input type="hidden" name="intent" value="override" />
            <TextArea name="overrideNote" label={t("proposals.decide.overrideNote")} form={form} />
            <button type="submit" className="button button--warning">
              {t("proposals.decide.override")}
            </button>
          </Form>
        </section>
      ) : null}
    </StepFrame>
  );
}

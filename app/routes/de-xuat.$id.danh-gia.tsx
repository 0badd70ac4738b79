import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { COMPLETIONS } from "../../db/enums";
import { ErrorSummary, Form, RadioGroup, TextArea, useValidatedForm } from "~/components/form";
import { StepFrame } from "~/components/proposal-parts";
import { SummaryList } from "~/components/summary";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { evaluate, getProposal } from "~/models/proposals.server";
import { evaluationSchema } from "~/schemas/proposals";
import { attempt, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { proposalIdParam } from "~/utils/proposals-route.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = proposalIdParam(params);
  const p = guard(() => getProposal(ctx, id));
  if (!p.allowed.evaluate) throw redirect(`/de-xuat/${id}`);
  return json({ p });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = proposalIdParam(params);
  const { values } = await formValues(request);
  const parsed = evaluationSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const result = await attempt(() => evaluate(ctx, id, parsed.data), values);
  if (!result.ok) return result.response;
  return redirect(`/de-xuat/${id}?da-luu=danh-gia`);
}

export default function EvaluateProposal() {
  const { p } = useLoaderData<typeof loader>();
  const t = useT();
  const form = useValidatedForm(evaluationSchema, { defaults: { completion: "", causes: "", damage: "" }, server: useActionData<typeof action>() });
  return (
    <StepFrame id={p.id} proposalTitle={p.title} title={t("proposals.evaluate.title")} hasErrors={form.hasErrors}>
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <h1>{t("proposals.evaluate.title")}</h1>
      <p className="lead">{t("proposals.evaluate.lead", { due: formatDate(p.evaluationDueOn) })}</p>
      <SummaryList
        rows={[
          { label: t("proposals.implemented.endedOn"), value: formatDate(p.implementationEndedOn) },
          { label: t("proposals.report.field"), value: <span className="pre-line">{p.report}</span> },
        ]}
      />
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <RadioGroup name="completion" legend={t("proposals.evaluate.completion")} options={COMPLETIONS.map((c) => ({ value: c, label: t(`proposals.completion.${c}`) }))} form={form} />
        <TextArea name="causes" label={t("proposals.evaluate.causes")} hint={t("proposals.evaluate.causesHint")} rows={5} form={form} />
        <RadioGroup
          name="damage"
          legend={t("proposals.evaluate.damage")}
          options={[
            { value: "no", label: t("proposals.damage.no") },
            { value: "yes", label: t("proposals.damage.yes") },
          ]}
          form={form}
        />
        <button type="submit" className="button">
          {t("proposals.evaluate.submit")}
        </button>
      </Form>
    </StepFrame>
  );
}

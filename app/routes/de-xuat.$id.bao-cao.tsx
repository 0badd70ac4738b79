import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, TextArea, useValidatedForm } from "~/components/form";
import { StepFrame } from "~/components/proposal-parts";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getProposal, submitReport } from "~/models/proposals.server";
import { reportSchema } from "~/schemas/proposals";
import { attempt, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { proposalIdParam } from "~/utils/proposals-route.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = proposalIdParam(params);
  const p = guard(() => getProposal(ctx, id));
  if (!p.allowed.report) throw redirect(`/de-xuat/${id}`);
  return json({ p });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = proposalIdParam(params);
  const { values } = await formValues(request);
  const parsed = reportSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const result = await attempt(() => submitReport(ctx, id, parsed.data), values);
  if (!result.ok) return result.response;
  return redirect(`/de-xuat/${id}?da-luu=bao-cao`);
}

export default function CompletionReport() {
  const { p } = useLoaderData<typeof loader>();
  const t = useT();
  const form = useValidatedForm(reportSchema, { defaults: { report: "" }, server: useActionData<typeof action>() });
  return (
    <StepFrame id={p.id} proposalTitle={p.title} title={t("proposals.report.title")} hasErrors={form.hasErrors}>
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <h1>{t("proposals.report.title")}</h1>
      <p className="lead">{t("proposals.report.lead", { due: formatDate(p.reportDueOn) })}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <TextArea name="report" label={t("proposals.report.field")} rows={8} form={form} />
        <button type="submit" className="button">
          {t("proposals.report.submit")}
        </button>
      </Form>
    </StepFrame>
  );
}

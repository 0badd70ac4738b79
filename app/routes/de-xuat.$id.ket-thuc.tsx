import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, TextField, useValidatedForm } from "~/components/form";
import { StepFrame } from "~/components/proposal-parts";
import { useT } from "~/i18n/use-t";
import { getProposal, recordImplementation } from "~/models/proposals.server";
import { implementedSchema } from "~/schemas/proposals";
import { attempt, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { proposalIdParam } from "~/utils/proposals-route.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = proposalIdParam(params);
  const p = guard(() => getProposal(ctx, id));
  if (!p.allowed.implement) throw redirect(`/de-xuat/${id}`);
  return json({ p });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = proposalIdParam(params);
  const { values } = await formValues(request);
  const parsed = implementedSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const result = await attempt(() => recordImplementation(ctx, id, values), values);
  if (!result.ok) return result.response;
  return redirect(`/de-xuat/${id}?da-luu=ket-thuc`);
}

export default function ImplementationEnded() {
  const { p } = useLoaderData<typeof loader>();
  const t = useT();
  const form = useValidatedForm(implementedSchema, { defaults: { endedOn: "" }, server: useActionData<typeof action>() });
  return (
    <StepFrame id={p.id} proposalTitle={p.title} title={t("proposals.implemented.title")} hasErrors={form.hasErrors}>
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <h1>{t("proposals.implemented.title")}</h1>
      <p className="lead">{t("proposals.implemented.lead")}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <TextField name="endedOn" label={t("proposals.implemented.endedOn")} hint={t("form.dateHint")} width="short" form={form} />
        <button type="submit" className="button">
          {t("proposals.implemented.submit")}
        </button>
      </Form>
    </StepFrame>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, PageTitle, TextField, useValidatedForm } from "~/components/form";
import { BackToNode, ClosedNotice } from "~/components/org-parts";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { orgForChange, renameOrg } from "~/models/orgs.server";
import { renameOrgSchema } from "~/schemas/orgs";
import { attempt, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { orgIdParam } from "~/utils/orgs-route.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = orgIdParam(params);
  return json(guard(() => orgForChange(ctx, id, "rename")));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = orgIdParam(params);
  const { values } = await formValues(request);
  const parsed = renameOrgSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const result = await attempt(() => renameOrg(ctx, id, parsed.data), values);
  if (!result.ok) return result.response;
  return redirect(`/quan-tri/to-chuc/${id}?da-luu=doi-ten`);
}

export default function RenameOrg() {
  const { node, closed } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const form = useValidatedForm(renameOrgSchema, { defaults: { name: node.name, effectiveDate: "" }, server });
  return (
    <div className="narrow">
      <PageTitle title={t("orgs.rename.title")} hasErrors={form.hasErrors} />
      <BackToNode id={node.id} name={node.name} />
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <h1>{t("orgs.rename.title")}</h1>
      <p className="lead">{t("orgs.rename.lead", { name: node.name })}</p>
      <ClosedNotice validTo={node.validTo} />
      {closed ? null : (
        <Form method="post" noValidate onSubmit={form.onSubmit}>
          <TextField name="name" label={t("orgs.rename.name")} autoComplete="off" form={form} />
          <TextField
            name="effectiveDate"
            label={t("orgs.rename.effectiveDate")}
            hint={t("orgs.currentSinceHint", { date: formatDate(node.currentSince) })}
            width="short"
            inputMode="numeric"
            autoComplete="off"
            form={form}
          />
          <button type="submit" className="button">
            {t("orgs.rename.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}

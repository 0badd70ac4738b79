import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, Hidden, PageTitle, SelectField, TextField, useValidatedForm } from "~/components/form";
import { BackToNode, ClosedNotice, useKindLabel } from "~/components/org-parts";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { createOrg, orgForChange } from "~/models/orgs.server";
import { CREATABLE_KINDS, createOrgSchema } from "~/schemas/orgs";
import { attempt, badRequest, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { orgIdParam } from "~/utils/orgs-route.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = orgIdParam(params);
  return json(guard(() => orgForChange(ctx, id, "create")));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = orgIdParam(params);
  const { values } = await formValues(request);
  const parsed = createOrgSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  if (parsed.data.parentId !== id) badRequest();
  const result = await attempt(() => createOrg(ctx, parsed.data), values);
  if (!result.ok) return result.response;
  return redirect(`/quan-tri/to-chuc/${result.value.id}?da-luu=tao`);
}

export default function CreateOrg() {
  const { node, closed } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const kindLabel = useKindLabel();
  const form = useValidatedForm(createOrgSchema, {
    defaults: { parentId: String(node.id), code: "", name: "", kind: "", validFrom: "" },
    server,
  });
  return (
    <div className="narrow">
      <PageTitle title={t("orgs.create.title")} hasErrors={form.hasErrors} />
      <BackToNode id={node.id} name={node.name} />
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <h1>{t("orgs.create.title")}</h1>
      <p className="lead">{t("orgs.create.lead", { parent: node.name })}</p>
      <ClosedNotice validTo={node.validTo} />
      {closed ? null : (
        <Form method="post" noValidate onSubmit={form.onSubmit}>
          <Hidden name="parentId" form={form} />
          <TextField name="code" label={t("orgs.create.code")} hint={t("orgs.create.codeHint")} width="short" autoComplete="off" form={form} />
          <TextField name="name" label={t("orgs.create.name")} hint={t("orgs.create.nameHint")} autoComplete="off" form={form} />
          <SelectField
            name="kind"
            label={t("orgs.create.kind")}
            placeholder={t("orgs.create.kindPlaceholder")}
            options={CREATABLE_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
            form={form}
          />
          <TextField
            name="validFrom"
            label={t("orgs.create.validFrom")}
            hint={t("orgs.create.validFromHint", { date: formatDate(node.validFrom) })}
            width="short"
            inputMode="numeric"
            autoComplete="off"
            form={form}
          />
          <button type="submit" className="button">
            {t("orgs.create.submit")}
          </button>
        </Form>
      )}
    </div>
  );
}

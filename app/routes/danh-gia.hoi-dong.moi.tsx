import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, PageTitle, SelectField, TextField, useValidatedForm } from "~/components/form";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { createCouncil } from "~/models/councils.server";
import { forbidden } from "~/models/errors";
import { ownOrgChoices, rubricChoices } from "~/models/rubrics.server";
import { councilSchema } from "~/schemas/councils";
import { attempt, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const orgs = ownOrgChoices(ctx, "council.manage");
  if (!orgs.length) guard(() => { throw forbidden(); });
  return json({ orgs, rubrics: rubricChoices(ctx), year: ctx.now().getFullYear() });
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const { values } = await formValues(request);
  const parsed = councilSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const result = await attempt(() => createCouncil(ctx, parsed.data), values);
  if (!result.ok) return result.response;
  return redirect(`/danh-gia/hoi-dong/${result.value.id}?da-luu=tao`);
}

export default function NewCouncil() {
  const { orgs, rubrics, year } = useLoaderData<typeof loader>();
  const t = useT();
  const form = useValidatedForm(councilSchema, {
    defaults: { orgId: orgs.length === 1 ? String(orgs[0].id) : "", name: "", rubricId: rubrics.length === 1 ? String(rubrics[0].id) : "", periodYear: String(year), periodQuarter: "", spreadLimit: "20" },
    server: useActionData<typeof action>(),
  });
  return (
    <div className="narrow">
      <PageTitle title={t("councils.new.title")} hasErrors={form.hasErrors} />
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <p>
        <Link to="/danh-gia/hoi-dong">‹ {t("councils.back")}</Link>
      </p>
      <h1>{t("councils.new.title")}</h1>
      <p className="lead">{t("councils.new.lead")}</p>
      {rubrics.length === 0 ? (
        <div className="banner banner--warning">
          <p>
            {t("councils.new.noRubric")} <Link to="/danh-gia/phieu-cham/moi">{t("councils.rubrics.create")}</Link>
          </p>
        </div>
      ) : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <SelectField name="orgId" label={t("councils.field.org")} options={orgs.map((o) => ({ value: String(o.id), label: `${o.name} (${o.code})` }))} placeholder={orgs.length > 1 ? "" : undefined} form={form} />
        <TextField name="name" label={t("councils.field.name")} autoComplete="off" form={form} />
        <SelectField
          name="rubricId"
          label={t("councils.field.rubric")}
          hint={t("councils.field.rubric.hint")}
          options={rubrics.map((r) => ({ value: String(r.id), label: `${r.name} — ${t("councils.rubrics.versionLabel", { version: r.version })} (${r.orgName})` }))}
          placeholder={rubrics.length === 1 ? undefined : ""}
          form={form}
        />
        <fieldset className="field">
          <legend>{t("councils.field.period")}</legend>
          <TextField name="periodYear" label={t("councils.field.periodYear")} width="short" inputMode="numeric" autoComplete="off" form={form} />
          <SelectField
            name="periodQuarter"
            label={t("councils.field.periodQuarter")}
            placeholder={t("councils.period.wholeYear")}
            options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t(`councils.quarter.${q}` as MessageKey) }))}
            form={form}
          />
        </fieldset>
        <TextField name="spreadLimit" label={t("councils.field.spreadLimit")} hint={t("councils.field.spreadLimit.hint")} width="short" inputMode="numeric" autoComplete="off" form={form} />
        <button type="submit" className="button">
          {t("councils.new.submit")}
        </button>
      </Form>
    </div>
  );
}

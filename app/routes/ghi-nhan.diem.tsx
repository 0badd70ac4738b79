// Points per recognition level, set by a city-wide administrator.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, PageTitle, TextField, useValidatedForm } from "~/components/form";
import { SuccessBanner } from "~/components/summary";
import { useT } from "~/i18n/use-t";
import { creditRulesView, updateCreditRules } from "~/models/credit.server";
import { forbidden } from "~/models/errors";
import { creditRulesSchema } from "~/schemas/decisions";
import { attempt, formValues, guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";

const asText = (hundredths: number) => (hundredths % 100 ? (hundredths / 100).toFixed(2).replace(/0$/, "").replace(".", ",") : String(hundredths / 100));

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const rules = creditRulesView(ctx);
  if (!rules.allowed.edit) guard(() => { throw forbidden(); });
  return json({ values: { unit: asText(rules.points.unit), ward: asText(rules.points.ward), city: asText(rules.points.city) }, saved: new URL(request.url).searchParams.has("da-luu") });
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const { values } = await formValues(request);
  const result = await attempt(() => updateCreditRules(ctx, values), values);
  if (!result.ok) return result.response;
  return redirect("/ghi-nhan/diem?da-luu=1");
}

export default function CreditRules() {
  const { values, saved } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const form = useValidatedForm(creditRulesSchema, { defaults: values, server });
  return (
    <div className="narrow">
      <PageTitle title={t("credit.rules.title")} hasErrors={form.hasErrors} />
      {saved ? <SuccessBanner>{t("credit.rules.saved")}</SuccessBanner> : null}
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <h1>{t("credit.rules.title")}</h1>
      <p className="lead">{t("credit.rules.lead")}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        {(["unit", "ward", "city"] as const).map((level) => (
          <TextField key={level} name={level} label={t(`decisions.level.${level}`)} hint={t("credit.rules.hint")} form={form} width="short" inputMode="text" />
        ))}
        <button type="submit" className="button">
          {t("credit.rules.submit")}
        </button>
      </Form>
    </div>
  );
}

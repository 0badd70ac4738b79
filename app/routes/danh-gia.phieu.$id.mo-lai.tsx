// Reopening a submitted score sheet: the council's secretary, with a reason the evaluator
// receives and the ledger keeps. A confirmation step of its own.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, PageTitle, TextArea, useValidatedForm } from "~/components/form";
import { points } from "~/components/scoring-parts";
import { SummaryList } from "~/components/summary";
import { formatDateTime, formatNumber, fullName } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { reopenSheet, reopenView } from "~/models/scoring.server";
import { reopenSchema } from "~/schemas/scoring";
import { formValues, guard } from "~/utils/http.server";
import { attemptScoring, sheetIdParam } from "~/utils/scoring-route.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  return json({ sheet: guard(() => reopenView(ctx, sheetIdParam(params))) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = sheetIdParam(params);
  const { values } = await formValues(request);
  const kept = { reason: values.reason ?? "" };
  const result = await attemptScoring(() => reopenSheet(ctx, id, kept), kept);
  if (!result.ok) return result.response;
  // The sheet is a draft again, no longer the secretary's to read: back to the evaluation page.
  return redirect("/danh-gia?da-luu=mo-lai");
}

export default function ReopenSheet() {
  const { sheet } = useLoaderData<typeof loader>();
  const t = useT();
  const form = useValidatedForm(reopenSchema, { defaults: { reason: "" }, server: useActionData<typeof action>() });
  return (
    <div className="narrow">
      <PageTitle title={t("scoring.reopen.title")} hasErrors={form.hasErrors} />
      <p className="no-print">
        <Link to={`/danh-gia/phieu/${sheet.id}`}>‹ {t("scoring.sheet.title")}</Link>
      </p>
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <h1>{t("scoring.reopen.title")}</h1>
      <SummaryList
        rows={[
          { label: t("scoring.sheet.council"), value: sheet.council.name },
          { label: t("scoring.sheet.number"), value: <span className="mono">{sheet.initiative.registrationNumber ?? t("scoring.noNumber")}</span> },
          { label: t("scoring.col.title"), value: sheet.initiative.title },
          { label: t("scoring.sheet.evaluator"), value: fullName(sheet.evaluator) },
          { label: t("scoring.sheet.submittedAt"), value: formatDateTime(sheet.submittedAt) },
          { label: t("scoring.reopen.total"), value: sheet.totalHalfPoints === null ? "—" : points(sheet.totalHalfPoints) },
          { label: t("scoring.sheet.reopened"), value: formatNumber(sheet.reopenedCount) },
        ]}
      />
      <p className="banner banner--warning">{t("scoring.reopen.lead")}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <TextArea name="reason" label={t("scoring.reopen.reason")} hint={t("scoring.reopen.reasonHint")} rows={5} form={form} />
        <div className="button-group">
          <button type="submit" className="button button--warning">
            {t("scoring.reopen.submit")}
          </button>
          <Link to={`/danh-gia/phieu/${sheet.id}`}>{t("form.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

// A council member declares a conflict of interest with an item's initiative, with a reason.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, PageTitle, TextArea, useValidatedForm } from "~/components/form";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { declareConflict, memberItem } from "~/models/councils-assign.server";
import { conflictSchema } from "~/schemas/councils";
import { idParam } from "~/utils/councils-route.server";
import { attempt, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const itemId = idParam(params.itemId);
  return json({ item: guard(() => memberItem(ctx, ctx.db, id, itemId)) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const itemId = idParam(params.itemId);
  const { values } = await formValues(request);
  const parsed = conflictSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const result = await attempt(() => declareConflict(ctx, id, itemId, parsed.data), values);
  if (!result.ok) return result.response;
  return redirect(`/danh-gia/hoi-dong/${id}?da-luu=xung-dot`);
}

export default function DeclareConflict() {
  const { item } = useLoaderData<typeof loader>();
  const t = useT();
  const form = useValidatedForm(conflictSchema, { defaults: { reason: "" }, server: useActionData<typeof action>() });
  const number = item.registrationNumber ?? "";
  return (
    <div className="narrow">
      <PageTitle title={t("councils.declare.title")} hasErrors={form.hasErrors} />
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <p>
        <Link to={`/danh-gia/hoi-dong/${item.councilId}`}>‹ {t("councils.backToCouncil")}</Link>
      </p>
      <h1>{t("councils.declare.title")}</h1>
      <p className="caption">
        <span className="mono">{number}</span> — {item.title}
      </p>
      {item.declared ? (
        <div className="banner">
          <p>{t("councils.declare.already", { date: formatDate(item.declared.declaredAt) })}</p>
        </div>
      ) : (
        <>
          <p className="lead">{t("councils.declare.lead", { number })}</p>
          {item.ownSheet && item.ownSheet.status !== "submitted" ? (
            <div className="banner banner--warning">
              <p>{t("councils.declare.openSheet")}</p>
            </div>
          ) : null}
          <Form method="post" noValidate onSubmit={form.onSubmit}>
            <TextArea name="reason" label={t("councils.declare.field.reason")} hint={t("councils.declare.field.reason.hint")} rows={3} form={form} />
            <button type="submit" className="button button--warning">
              {t("councils.declare.submit")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}

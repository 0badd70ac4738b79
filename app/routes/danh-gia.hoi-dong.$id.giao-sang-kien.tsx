// Put accepted registrations before the council with a due date (one or several at once).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Checkbox, ErrorSummary, fieldId, Form, PageTitle, TextField, useValidatedForm } from "~/components/form";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { assignableInitiatives, assignItems } from "~/models/councils-assign.server";
import { runnable } from "~/models/councils.server";
import { assignItemsSchema, ITEM_PREFIX } from "~/schemas/councils";
import { idParam } from "~/utils/councils-route.server";
import { attempt, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const { row } = guard(() => runnable(ctx, ctx.db, id));
  return json({ council: { id: row.id, name: row.name, orgName: row.orgName }, initiatives: guard(() => assignableInitiatives(ctx, id)) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const { values } = await formValues(request);
  const parsed = assignItemsSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const result = await attempt(() => assignItems(ctx, id, parsed.data), values);
  if (!result.ok) return result.response;
  return redirect(`/danh-gia/hoi-dong/${id}?da-luu=sang-kien`);
}

export default function AssignItems() {
  const { council, initiatives } = useLoaderData<typeof loader>();
  const t = useT();
  const form = useValidatedForm(assignItemsSchema, { defaults: { dueOn: "" }, server: useActionData<typeof action>() });
  const pickError = form.errors.initiatives;
  return (
    <div className="page">
      <PageTitle title={t("councils.items.title")} hasErrors={form.hasErrors} />
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <p>
        <Link to={`/danh-gia/hoi-dong/${council.id}`}>‹ {t("councils.backToCouncil")}</Link>
      </p>
      <h1>{t("councils.items.title")}</h1>
      <p className="caption">{council.name}</p>
      <p className="lead">{t("councils.items.lead", { org: council.orgName })}</p>
      {initiatives.length ? (
        <Form method="post" noValidate onSubmit={form.onSubmit}>
          <fieldset className={pickError ? "field field--error" : "field"} id={fieldId("initiatives")} tabIndex={-1} aria-describedby={pickError ? `${fieldId("initiatives")}-error` : undefined}>
            <legend>{t("councils.items.caption")}</legend>
            {pickError ? (
              <p className="field__error" id={`${fieldId("initiatives")}-error`}>
                <span className="visually-hidden">{t("form.errorTitlePrefix")}</span>
                {pickError}
              </p>
            ) : null}
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{t("councils.items.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("councils.items.pick")}</th>
                    <th scope="col">{t("councils.view.col.title")}</th>
                    <th scope="col">{t("councils.items.col.org")}</th>
                    <th scope="col">{t("councils.items.col.accepted")}</th>
                  </tr>
                </thead>
                <tbody>
                  {initiatives.map((i) => (
                    <tr key={i.id}>
                      <td>
                        <Checkbox name={`${ITEM_PREFIX}${i.id}`} label={i.registrationNumber ?? String(i.id)} form={form} />
                      </td>
                      <td>
                        <Link to={`/sang-kien/${i.id}`}>{i.title}</Link>
                      </td>
                      <td>{i.receivingOrgName}</td>
                      <td>{formatDate(i.acceptedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </fieldset>
          <TextField name="dueOn" label={t("councils.field.dueOn")} hint={t("councils.field.dueOn.hint")} width="short" inputMode="numeric" autoComplete="off" form={form} />
          <button type="submit" className="button">
            {t("councils.items.submit")}
          </button>
        </Form>
      ) : (
        <p>{t("councils.items.none")}</p>
      )}
    </div>
  );
}

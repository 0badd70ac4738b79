import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { changeOwnPassword, mustChangePassword } from "~/models/accounts.server";
import { changePasswordSchema } from "~/schemas/auth";
import { ErrorSummary, Form, PageTitle, TextField, useValidatedForm } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { attempt, formFailure, formValues, zodFieldErrors } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireSession(request);
  return json({ forced: mustChangePassword(ctx, actor.personId) });
}

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireSession(request);
  const { values } = await formValues(request);
  // Passwords are never sent back to the browser.
  const parsed = changePasswordSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), {});
  const result = await attempt(() => changeOwnPassword(session.ctx, { ...parsed.data, token: session.token }), {});
  if (!result.ok) return result.response;
  return redirect("/?da-doi-mat-khau");
}

export default function ChangePassword() {
  const { forced } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const form = useValidatedForm(changePasswordSchema, { defaults: { currentPassword: "", newPassword: "", confirmPassword: "" }, server });
  return (
    <div className="narrow">
      <PageTitle title={t("auth.change.title")} hasErrors={form.hasErrors} />
      <ErrorSummary errors={form.errors} summaryRef={form.summaryRef} />
      {forced ? (
        <div className="banner" role="status">
          <p>{t("auth.change.forced")}</p>
        </div>
      ) : null}
      <h1>{t("auth.change.title")}</h1>
      <p className="lead">{t("auth.change.lead")}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <TextField name="currentPassword" type="password" label={t("auth.currentPassword")} autoComplete="current-password" form={form} />
        <TextField name="newPassword" type="password" label={t("auth.newPassword")} autoComplete="new-password" form={form} />
        <TextField name="confirmPassword" type="password" label={t("auth.confirmPassword")} autoComplete="new-password" form={form} />
        <button type="submit" className="button">
          {t("auth.change.submit")}
        </button>
      </Form>
    </div>
  );
}

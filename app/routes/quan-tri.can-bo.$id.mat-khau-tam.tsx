import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, Hidden, PageTitle, RadioGroup, TextField, useValidatedForm } from "~/components/form";
import { TemporaryPasswordPanel } from "~/components/temporary-password";
import { fullName } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { issueTemporaryPassword } from "~/models/people-account.server";
import { getPerson } from "~/models/people.server";
import { issuePasswordSchema } from "~/schemas/people";
import { attempt, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { idParam } from "~/utils/people-form.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const person = guard(() => getPerson(ctx, idParam(params.id)));
  if (!person.canManage) throw json({ message: "forbidden" }, { status: 403 });
  return json({
    id: person.id,
    name: fullName(person),
    username: person.account?.username ?? null,
    refusal: person.isSelf ? "people.password.self" : !person.active ? "people.password.inactive" : null,
  } as const);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const { values } = await formValues(request);
  const { password: _typed, ...safe } = values;
  const parsed = issuePasswordSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), safe);
  const result = await attempt(() => issueTemporaryPassword(ctx, id, parsed.data), safe);
  if (!result.ok) return result.response;
  if (!result.value.password) return redirect(`/quan-tri/can-bo/${id}?da-cap-mat-khau`);
  // Shown on this response only; the database keeps the hash.
  return json({ ok: true as const, username: result.value.username, password: result.value.password }, { headers: { "Cache-Control": "no-store" } });
}

export default function TemporaryPassword() {
  const { id, name, username, refusal } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const t = useT();
  const server = data && "fieldErrors" in data ? data : undefined;
  const form = useValidatedForm(issuePasswordSchema, {
    defaults: { accountMode: "generate", username: "", password: "", needsUsername: username ? "" : "1" },
    server,
  });
  const title = t(username ? "people.temp.issueTitle" : "people.temp.createTitle", { name });
  if (data && "password" in data && data.password) {
    return (
      <div className="narrow">
        <PageTitle title={title} />
        <TemporaryPasswordPanel title={t("people.temp.issued", { name })} username={data.username} password={data.password} />
        <p>
          <Link to={`/quan-tri/can-bo/${id}`}>{t("people.backToPerson")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageTitle title={title} hasErrors={form.hasErrors} />
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <p>
        <Link to={`/quan-tri/can-bo/${id}`}>{t("people.backToPerson")}</Link>
      </p>
      <h1>{title}</h1>
      {refusal ? (
        <p className="banner banner--warning">{t(refusal)}</p>
      ) : (
        <>
          <p>{t("people.temp.lead")}</p>
          <p>{t("people.temp.sessions")}</p>
          <Form method="post" noValidate onSubmit={form.onSubmit}>
            <Hidden name="needsUsername" form={form} />
            {username ? (
              <p>{t("people.temp.username", { username })}</p>
            ) : (
              <TextField name="username" label={t("people.field.username")} hint={t("people.field.username.hint")} autoComplete="off" form={form} />
            )}
            <RadioGroup
              name="accountMode"
              legend={t("people.temp.mode")}
              form={form}
              options={[
                { value: "generate", label: t("people.account.mode.generate"), hint: t("people.account.mode.generate.hint") },
                { value: "type", label: t("people.account.mode.type"), hint: t("people.account.mode.type.hint") },
              ]}
            />
            <TextField name="password" type="password" label={t("people.field.password")} hint={t("people.field.password.hint")} autoComplete="new-password" form={form} />
            <div className="button-group">
              <button type="submit" className="button">
                {t("people.temp.submit")}
              </button>
              <Link to={`/quan-tri/can-bo/${id}`}>{t("form.cancel")}</Link>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}

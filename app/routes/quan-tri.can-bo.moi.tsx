import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { canAnywhere } from "~/auth/policy";
import { ErrorSummary, Form, PageTitle, RadioGroup, TextField, useValidatedForm } from "~/components/form";
import { PersonFields, type OrgOption } from "~/components/people-fields";
import { TemporaryPasswordPanel } from "~/components/temporary-password";
import { useT } from "~/i18n/use-t";
import { createPerson } from "~/models/people-write.server";
import { createPersonSchema } from "~/schemas/people";
import { attempt, formFailure, formValues, zodFieldErrors } from "~/utils/http.server";
import { withOrgCandidates } from "~/utils/people-form.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request);
  if (!canAnywhere(actor, "person.manage")) throw json({ message: "forbidden" }, { status: 403 });
  const org = new URL(request.url).searchParams.get("to-chuc") ?? "";
  return json({ org: org.slice(0, 200) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const { values: raw } = await formValues(request);
  // An unticked checkbox sends nothing: send "unticked" back, not the default.
  const values: Record<string, string> = { partyMember: "", ...raw };
  // The password typed by the administrator is never sent back to the browser.
  const { password: _password, ...safe } = values;
  const parsed = createPersonSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), safe);
  const result = await attempt(() => createPerson(ctx, parsed.data), safe);
  if (!result.ok) return withOrgCandidates(result.response, ctx, values.org, "person.manage");
  const { personId, username, password } = result.value;
  if (!password) return redirect(`/quan-tri/can-bo/${personId}?da-tao`);
  // A generated password is shown on this response only, never stored in clear text.
  return json({ ok: true as const, personId, username, password }, { headers: { "Cache-Control": "no-store" } });
}

export default function CreatePerson() {
  const { org } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const t = useT();
  const server = data && "fieldErrors" in data ? data : undefined;
  const form = useValidatedForm(createPersonSchema, {
    defaults: { familyName: "", middleName: "", givenName: "", dateOfBirth: "", position: "", org, partyMember: true, email: "", accountMode: "generate", username: "", password: "" },
    server,
  });
  if (data && "password" in data && data.password) {
    return (
      <div className="narrow">
        <PageTitle title={t("people.created.title")} />
        <TemporaryPasswordPanel title={t("people.created.title")} username={data.username ?? ""} password={data.password} />
        <p>
          <Link to={`/quan-tri/can-bo/${data.personId}`}>{t("people.created.view")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <PageTitle title={t("people.create.title")} hasErrors={form.hasErrors} />
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <p>
        <Link to="/quan-tri/can-bo">{t("people.backToList")}</Link>
      </p>
      <h1>{t("people.create.title")}</h1>
      <p className="lead">{t("people.create.lead")}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <PersonFields form={form} candidates={server && "candidates" in server ? (server.candidates as OrgOption[]) : undefined} />
        <h2>{t("people.account.heading")}</h2>
        <RadioGroup
          name="accountMode"
          legend={t("people.account.mode")}
          form={form}
          options={[
            { value: "generate", label: t("people.account.mode.generate"), hint: t("people.account.mode.generate.hint") },
            { value: "type", label: t("people.account.mode.type"), hint: t("people.account.mode.type.hint") },
            { value: "none", label: t("people.account.mode.none"), hint: t("people.account.mode.none.hint") },
          ]}
        />
        <TextField name="username" label={t("people.field.username")} hint={t("people.field.username.hint")} autoComplete="off" form={form} />
        <TextField name="password" type="password" label={t("people.field.password")} hint={t("people.field.password.hint")} autoComplete="new-password" form={form} />
        <div className="button-group">
          <button type="submit" className="button">
            {t("people.create.submit")}
          </button>
          <Link to="/quan-tri/can-bo">{t("form.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

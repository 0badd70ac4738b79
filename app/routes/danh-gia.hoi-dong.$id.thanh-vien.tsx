// Add a council member by username, with a finder that works without JavaScript: "Tìm" lists
// matching people of the council's organization, "Chọn" fills the username in, keeping the rest.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { COUNCIL_ROLES } from "../../db/enums";
import { ErrorSummary, Form, PageTitle, SelectField, TextField, useValidatedForm, type ServerForm } from "~/components/form";
import type { MessageKey } from "~/i18n";
import { fullName } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { addMember, findPeopleFor, runnable } from "~/models/councils.server";
import { memberSchema } from "~/schemas/councils";
import { idParam } from "~/utils/councils-route.server";
import { attempt, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

type Candidate = { familyName: string; middleName: string; givenName: string; username: string; orgName: string };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const { row } = guard(() => runnable(ctx, ctx.db, id));
  return json({ council: { id: row.id, name: row.name, orgName: row.orgName } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const { values } = await formValues(request);
  const intent = values.intent ?? "add";
  if (intent === "find") {
    const candidates = guard(() => findPeopleFor(ctx, id, values.q ?? ""));
    return json({ ok: true as const, values, candidates, fieldErrors: {}, formError: null });
  }
  if (intent.startsWith("chon:")) {
    return json({ ok: true as const, values: { ...values, username: intent.slice(5) }, candidates: null, fieldErrors: {}, formError: null });
  }
  if (intent !== "add") return json({ message: "errors.badRequest" }, { status: 400 });
  const parsed = memberSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const result = await attempt(() => addMember(ctx, id, parsed.data), values);
  if (!result.ok) return result.response;
  return redirect(`/danh-gia/hoi-dong/${id}?da-luu=thanh-vien`);
}

export default function AddMember() {
  const { council } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>() as (ServerForm & { candidates?: Candidate[] | null }) | undefined;
  const t = useT();
  const submit = useSubmit();
  const form = useValidatedForm(memberSchema, { defaults: { username: "", role: "member", q: "" }, server });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value && submitter.value !== "add") {
      event.preventDefault();
      submit(submitter, { method: "post" });
      return;
    }
    form.onSubmit?.(event);
  };
  const candidates = server?.candidates;
  return (
    <div className="narrow">
      <PageTitle title={t("councils.member.title")} hasErrors={form.hasErrors} />
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <p>
        <Link to={`/danh-gia/hoi-dong/${council.id}`}>‹ {t("councils.backToCouncil")}</Link>
      </p>
      <h1>{t("councils.member.title")}</h1>
      <p className="lead">{t("councils.member.lead", { org: council.orgName })}</p>
      <Form method="post" noValidate onSubmit={onSubmit} key={String(server?.values?.username ?? "")}>
        <TextField name="username" label={t("councils.member.field.username")} autoComplete="off" form={form} />
        <SelectField name="role" label={t("councils.member.field.role")} options={COUNCIL_ROLES.map((r) => ({ value: r, label: t(`councils.role.${r}` as MessageKey) }))} form={form} />
        <button type="submit" name="intent" value="add" className="button">
          {t("councils.member.submit")}
        </button>
        <section aria-labelledby="finder-heading">
          <h2 id="finder-heading">{t("councils.finder.heading")}</h2>
          <TextField name="q" label={t("councils.finder.q")} autoComplete="off" defaultValue={String(server?.values?.q ?? "")} />
          <button type="submit" name="intent" value="find" className="button button--secondary">
            {t("councils.finder.submit")}
          </button>
          {candidates ? (
            candidates.length ? (
              <div className="table-wrap">
                <table>
                  <caption>{t("councils.finder.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("councils.view.members.name")}</th>
                      <th scope="col">{t("councils.member.field.username")}</th>
                      <th scope="col">{t("councils.col.org")}</th>
                      <th scope="col">{t("councils.view.members.actions")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {candidates.map((c) => (
                      <tr key={c.username}>
                        <td>{fullName(c)}</td>
                        <td className="mono">{c.username}</td>
                        <td>{c.orgName}</td>
                        <td>
                          <button type="submit" name="intent" value={`chon:${c.username}`} className="link-button" aria-label={t("councils.finder.use", { username: c.username })}>
                            {t("councils.items.pick")}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p>{t("councils.finder.none")}</p>
            )
          ) : null}
        </section>
      </Form>
    </div>
  );
}

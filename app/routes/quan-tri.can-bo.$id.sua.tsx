import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, PageTitle, useValidatedForm } from "~/components/form";
import { PersonFields, type OrgOption } from "~/components/people-fields";
import { formatDate, fullName } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { updatePerson } from "~/models/people-write.server";
import { getPerson } from "~/models/people.server";
import { personSchema } from "~/schemas/people";
import { attempt, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { idParam, withOrgCandidates } from "~/utils/people-form.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const person = guard(() => getPerson(ctx, idParam(params.id)));
  if (!person.canManage) throw json({ message: "forbidden" }, { status: 403 });
  return json({ person });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const { values: raw } = await formValues(request);
  // An unticked checkbox sends nothing: send "unticked" back, not the default.
  const values: Record<string, string> = { partyMember: "", ...raw };
  const parsed = personSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const result = await attempt(() => updatePerson(ctx, id, parsed.data), values);
  if (!result.ok) return withOrgCandidates(result.response, ctx, values.org, "person.manage");
  return redirect(`/quan-tri/can-bo/${id}${result.value.changed.length ? "?da-luu" : ""}`);
}

export default function EditPerson() {
  const { person } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const form = useValidatedForm(personSchema, {
    defaults: {
      familyName: person.familyName,
      middleName: person.middleName,
      givenName: person.givenName,
      dateOfBirth: person.dateOfBirth ? formatDate(person.dateOfBirth) : "",
      position: person.position,
      org: person.orgCode,
      partyMember: person.partyMember,
      email: person.email ?? "",
    },
    server,
  });
  const title = t("people.edit.title", { name: fullName(person) });
  return (
    <div className="narrow">
      <PageTitle title={title} hasErrors={form.hasErrors} />
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <p>
        <Link to={`/quan-tri/can-bo/${person.id}`}>{t("people.backToPerson")}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t("people.edit.lead")}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <PersonFields form={form} candidates={server && "candidates" in server ? (server.candidates as OrgOption[]) : undefined} />
        <div className="button-group">
          <button type="submit" className="button">
            {t("people.edit.submit")}
          </button>
          <Link to={`/quan-tri/can-bo/${person.id}`}>{t("form.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

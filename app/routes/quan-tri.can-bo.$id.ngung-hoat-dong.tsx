import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PageTitle } from "~/components/form";
import { translateMaybe } from "~/i18n";
import { fullName } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { deactivatePerson } from "~/models/people-write.server";
import { getPerson } from "~/models/people.server";
import { attempt, guard } from "~/utils/http.server";
import { idParam } from "~/utils/people-form.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const person = guard(() => getPerson(ctx, idParam(params.id)));
  if (!person.canManage) throw json({ message: "forbidden" }, { status: 403 });
  return json({ id: person.id, name: fullName(person), orgName: person.orgName, active: person.active, isSelf: person.isSelf, hasAccount: !!person.account });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const result = await attempt(() => deactivatePerson(ctx, id), {});
  return result.ok ? redirect(`/quan-tri/can-bo/${id}?da-ngung`) : result.response;
}

export default function DeactivatePerson() {
  const { id, name, orgName, active, isSelf, hasAccount } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const title = t("people.deactivate.title", { name });
  const refusal = isSelf ? "people.deactivate.self" : !active ? "people.deactivate.already" : null;
  return (
    <div className="narrow">
      <PageTitle title={title} hasErrors={!!server} />
      <ErrorSummary errors={{}} formError={server?.formError ? translateMaybe(t, server.formError) : null} />
      <p>
        <Link to={`/quan-tri/can-bo/${id}`}>{t("people.backToPerson")}</Link>
      </p>
      <p className="caption">{orgName}</p>
      <h1>{title}</h1>
      {refusal ? (
        <p className="banner banner--warning">{t(refusal)}</p>
      ) : (
        <>
          <p>{t("people.deactivate.what")}</p>
          <ul>
            <li>{t(hasAccount ? "people.deactivate.signIn" : "people.deactivate.noAccount")}</li>
            <li>{t("people.deactivate.sessions")}</li>
            <li>{t("people.deactivate.kept")}</li>
          </ul>
          <Form method="post" className="button-group">
            <button type="submit" className="button button--warning">
              {t("people.deactivate.confirm")}
            </button>
            <Link to={`/quan-tri/can-bo/${id}`}>{t("form.cancel")}</Link>
          </Form>
        </>
      )}
    </div>
  );
}

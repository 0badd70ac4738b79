import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PageTitle } from "~/components/form";
import { translateMaybe, type MessageKey } from "~/i18n";
import { fullName } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getGrant, revokeRole } from "~/models/grants.server";
import { getPerson } from "~/models/people.server";
import { attempt, guard } from "~/utils/http.server";
import { idParam } from "~/utils/people-form.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const personId = idParam(params.id);
  const grant = guard(() => getGrant(ctx, idParam(params.grantId)));
  if (grant.personId !== personId) throw json({ message: "not_found" }, { status: 404 });
  if (!grant.canRevoke) throw json({ message: "forbidden" }, { status: 403 });
  const person = guard(() => getPerson(ctx, personId));
  return json({ grant, personId, name: fullName(person) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const personId = idParam(params.id);
  const grantId = idParam(params.grantId);
  const grant = guard(() => getGrant(ctx, grantId));
  if (grant.personId !== personId) throw json({ message: "not_found" }, { status: 404 });
  const result = await attempt(() => revokeRole(ctx, grantId), {});
  return result.ok ? redirect(`/quan-tri/can-bo/${personId}?da-thu-hoi#vai-tro`) : result.response;
}

export default function RevokeGrant() {
  const { grant, personId, name } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const role = t(`role.${grant.role}` as MessageKey);
  const title = t("people.revoke.title");
  return (
    <div className="narrow">
      <PageTitle title={title} hasErrors={!!server} />
      <ErrorSummary errors={{}} formError={server?.formError ? translateMaybe(t, server.formError) : null} />
      <p>
        <Link to={`/quan-tri/can-bo/${personId}`}>{t("people.backToPerson")}</Link>
      </p>
      <h1>{title}</h1>
      {grant.revokedAt ? (
        <p className="banner banner--warning">{t("people.revoke.already")}</p>
      ) : (
        <>
          <p>{t("people.revoke.question", { role, org: `${grant.orgName} (${grant.orgCode})`, name })}</p>
          <p>{t("people.revoke.effect")}</p>
          <Form method="post" className="button-group">
            <button type="submit" className="button button--warning">
              {t("people.revoke.confirm")}
            </button>
            <Link to={`/quan-tri/can-bo/${personId}`}>{t("form.cancel")}</Link>
          </Form>
        </>
      )}
    </div>
  );
}

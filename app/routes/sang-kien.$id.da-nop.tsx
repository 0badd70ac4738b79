import type { LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import type { MessageKey } from "~/i18n";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getInitiative } from "~/models/initiatives.server";
import { guard } from "~/utils/http.server";
import { initiativeIdParam } from "~/utils/initiatives-route.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = initiativeIdParam(params);
  const initiative = guard(() => getInitiative(ctx, id));
  if (initiative.status !== "submitted" || !initiative.registrationNumber || !initiative.sections) throw redirect(`/sang-kien/${id}`);
  return json({ initiative });
}

/** The page people screenshot: the registration number in large type, what happens next. */
export default function Submitted() {
  const { initiative } = useLoaderData<typeof loader>();
  const t = useT();
  const base = `/sang-kien/${initiative.id}`;
  const kind = t(`initiatives.kind.${initiative.kind}` as MessageKey);
  return (
    <div className="narrow">
      <PageTitle title={t("initiatives.done.title")} />
      <div className="confirmation-panel" role="status">
        <h1>{t("initiatives.done.title")}</h1>
        <p>{t("initiatives.done.numberLabel")}</p>
        <p className="confirmation-panel__number">{initiative.registrationNumber}</p>
      </div>
      <p>{t("initiatives.done.when", { kind, title: initiative.title, org: initiative.receivingOrg.name, at: formatDateTime(initiative.submittedAt) })}</p>
      <p>
        <Link to={`${base}/bien-nhan`} className="button">
          {t("initiatives.receipt.link")}
        </Link>
      </p>
      <h2>{t("initiatives.done.nextTitle")}</h2>
      <ol>
        <li>{t("initiatives.done.next1", { org: initiative.receivingOrg.name })}</li>
        <li>{t("initiatives.done.next2")}</li>
        <li>{t("initiatives.done.next3")}</li>
      </ol>
      <ul className="link-list">
        <li>
          <Link to={base}>{t("initiatives.done.view")}</Link>
        </li>
        <li>
          <Link to="/sang-kien">{t("initiatives.done.list")}</Link>
        </li>
      </ul>
    </div>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { SummaryList } from "~/components/summary";
import type { MessageKey } from "~/i18n";
import { formatDate, fullName } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { myGrants } from "~/models/grants.server";
import { getPerson } from "~/models/people.server";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireSession(request);
  const me = guard(() => getPerson(ctx, actor.personId));
  return json({
    name: fullName(me),
    orgName: me.orgName,
    position: me.position,
    username: me.account?.username ?? null,
    passwordChangedAt: me.account?.passwordChangedAt ?? null,
    grants: myGrants(ctx),
  });
}

export default function MyAccount() {
  const { name, orgName, position, username, passwordChangedAt, grants } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="narrow">
      <PageTitle title={t("account.title")} />
      <h1>{t("account.title")}</h1>
      <SummaryList
        rows={[
          { label: t("account.name"), value: name },
          { label: t("account.org"), value: orgName },
          { label: t("account.position"), value: position || t("people.value.none") },
          { label: t("account.username"), value: username ? <span className="mono">{username}</span> : t("people.value.none") },
          {
            label: t("people.me.passwordChanged"),
            value: passwordChangedAt ? formatDate(passwordChangedAt) : t("people.value.none"),
          },
        ]}
      />
      <h2>{t("account.roles")}</h2>
      {grants.length ? (
        <ul>
          {grants.map((g) => (
            <li key={g.id}>{t("account.roleAt", { role: t(`role.${g.role}` as MessageKey), org: g.orgName })}</li>
          ))}
        </ul>
      ) : (
        <p>{t("account.noRoles")}</p>
      )}
      <p className="caption">{t("people.me.rolesHint")}</p>
      <p>
        <Link to="/doi-mat-khau" className="button button--secondary">
          {t("account.changePassword")}
        </Link>
      </p>
    </div>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { formatNumber } from "~/i18n/format";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { loadMe } from "~/models/accounts.server";
import { homeCards } from "~/models/home.server";
import { myGrants } from "~/models/grants.server";
import { requireSession } from "~/utils/request.server";
import { fullName } from "~/i18n/format";
import { SuccessBanner } from "~/components/summary";
import { Link } from "~/components/link";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireSession(request);
  const me = loadMe(ctx, actor.personId);
  const url = new URL(request.url);
  return json({
    name: me ? fullName(me) : "",
    cards: homeCards(ctx),
    grants: myGrants(ctx),
    passwordChanged: url.searchParams.has("da-doi-mat-khau"),
  });
}

export default function Home() {
  const { name, cards, grants, passwordChanged } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <PageTitle title={t("nav.home")} />
      {passwordChanged ? (
        <SuccessBanner>{t("auth.change.done")}</SuccessBanner>
      ) : null}
      <p className="caption">{t("home.greeting")}</p>
      <h1>{t("home.title", { name })}</h1>
      {cards.length ? (
        <>
          <h2>{t("home.todo")}</h2>
          <ul className="cards">
            {cards.map((card) => (
              <li key={card.key} className="card">
                {card.count !== null ? <span className="card__count">{formatNumber(card.count)}</span> : null}
                <Link to={card.href}>{t(`home.card.${card.key}` as MessageKey)}</Link>
                <p>{t(`home.card.${card.key}.hint` as MessageKey)}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t("home.roles")}</h2>
      {grants.length ? (
        <dl className="summary">
          {grants.map((g) => (
            <div className="summary__row" key={`${g.role}-${g.orgId}`}>
              <dt>
                {t(`role.${g.role}` as MessageKey)}
                <br />
                <span className="caption">{g.orgName}</span>
              </dt>
              <dd>{t(`home.role.${g.role}` as MessageKey)}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>{t("account.noRoles")}</p>
      )}
    </>
  );
}

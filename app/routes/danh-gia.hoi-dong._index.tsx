import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { canAnywhere } from "~/auth/policy";
import { PageTitle } from "~/components/form";
import type { MessageKey } from "~/i18n";
import { formatQuarter } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listCouncils } from "~/models/councils.server";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireSession(request);
  return json({ councils: guard(() => listCouncils(ctx)), canForm: canAnywhere(actor, "council.manage"), canRubric: canAnywhere(actor, "rubric.manage") });
}

export default function Councils() {
  const { councils, canForm, canRubric } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="page">
      <PageTitle title={t("councils.list.title")} />
      <h1>{t("councils.list.title")}</h1>
      <p className="lead">{t("councils.list.lead")}</p>
      {canForm || canRubric ? (
        <div className="button-group">
          {canForm ? (
            <Link to="/danh-gia/hoi-dong/moi" className="button">
              {t("councils.list.create")}
            </Link>
          ) : null}
          {canRubric ? (
            <Link to="/danh-gia/phieu-cham" className="button button--secondary">
              {t("councils.list.rubrics")}
            </Link>
          ) : null}
        </div>
      ) : null}
      {councils.length ? (
        <div className="table-wrap">
          <table>
            <caption>{t("councils.list.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("councils.col.name")}</th>
                <th scope="col">{t("councils.col.org")}</th>
                <th scope="col">{t("councils.col.period")}</th>
                <th scope="col">{t("councils.col.myRole")}</th>
                <th scope="col">{t("councils.col.items")}</th>
              </tr>
            </thead>
            <tbody>
              {councils.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/danh-gia/hoi-dong/${c.id}`}>{c.name}</Link>
                  </td>
                  <td>{c.orgName}</td>
                  <td>{c.periodQuarter ? formatQuarter(c.periodQuarter, c.periodYear) : t("councils.period.year", { year: c.periodYear })}</td>
                  <td>{t(`councils.role.${c.myRole ?? "none"}` as MessageKey)}</td>
                  <td>{c.items}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("councils.list.none")}</p>
      )}
    </div>
  );
}

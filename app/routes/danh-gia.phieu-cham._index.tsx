import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { Tag } from "~/components/summary";
import { useT } from "~/i18n/use-t";
import { listRubrics } from "~/models/rubrics.server";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  return json({ rubrics: guard(() => listRubrics(ctx)) });
}

export default function Rubrics() {
  const { rubrics } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="page">
      <PageTitle title={t("councils.rubrics.title")} />
      <h1>{t("councils.rubrics.title")}</h1>
      <p className="lead">{t("councils.rubrics.lead")}</p>
      <p>
        <Link to="/danh-gia/phieu-cham/moi" className="button">
          {t("councils.rubrics.create")}
        </Link>
      </p>
      {rubrics.length ? (
        <div className="table-wrap">
          <table>
            <caption>{t("councils.rubrics.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("councils.rubrics.col.name")}</th>
                <th scope="col">{t("councils.rubrics.col.org")}</th>
                <th scope="col">{t("councils.rubrics.col.version")}</th>
                <th scope="col">{t("councils.rubrics.col.criteria")}</th>
                <th scope="col">{t("councils.rubrics.col.thresholds")}</th>
                <th scope="col">{t("councils.rubrics.col.state")}</th>
              </tr>
            </thead>
            <tbody>
              {rubrics.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/danh-gia/phieu-cham/${r.id}`}>{r.name}</Link>
                  </td>
                  <td>{r.orgName}</td>
                  <td>{r.version}</td>
                  <td>{t("councils.rubrics.criteriaSummary", { count: r.criteriaCount, total: r.totalPoints })}</td>
                  <td>
                    {r.thresholdUnit} / {r.thresholdWard} / {r.thresholdCity}
                  </td>
                  <td>
                    {r.replaced ? <Tag tone="grey">{t("councils.rubrics.replaced")}</Tag> : r.lockedAt ? <Tag>{t("councils.rubrics.locked")}</Tag> : <Tag tone="green">{t("councils.rubrics.open")}</Tag>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("councils.rubrics.none")}</p>
      )}
    </div>
  );
}

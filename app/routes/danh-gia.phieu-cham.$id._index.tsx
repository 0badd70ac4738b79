import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { Form, PageTitle } from "~/components/form";
import { SuccessBanner, SummaryList, Tag } from "~/components/summary";
import { useT } from "~/i18n/use-t";
import { getRubric, newRubricVersion } from "~/models/rubrics.server";
import { badRequestResponse, idParam } from "~/utils/councils-route.server";
import { formValues, guard, toResponse } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  return json(guard(() => getRubric(ctx, id)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const { values } = await formValues(request);
  if (values.intent !== "version") throw badRequestResponse();
  try {
    const { id: next } = newRubricVersion(ctx, id);
    return redirect(`/danh-gia/phieu-cham/${next}/sua?phien-ban-moi`);
  } catch (error) {
    throw toResponse(error);
  }
}

export default function RubricDetail() {
  const { rubric, criteria, replacedBy, usedBy } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const t = useT();
  const total = criteria.reduce((s, c) => s + c.maxPoints, 0);
  return (
    <div className="page">
      <PageTitle title={rubric.name} />
      <p>
        <Link to="/danh-gia/phieu-cham">‹ {t("councils.rubric.back")}</Link>
      </p>
      {search.has("da-luu") ? <SuccessBanner>{t("councils.rubric.saved")}</SuccessBanner> : null}
      <h1>{rubric.name}</h1>
      <p>
        <Tag tone="grey">{t("councils.rubrics.versionLabel", { version: rubric.version })}</Tag>{" "}
        {rubric.lockedAt ? <Tag>{t("councils.rubrics.locked")}</Tag> : <Tag tone="green">{t("councils.rubrics.open")}</Tag>}
      </p>
      <SummaryList
        rows={[
          { label: t("councils.rubrics.col.org"), value: rubric.orgName },
          { label: t("councils.rubric.detail.total"), value: t("councils.rubric.points", { n: total }) },
          { label: t("councils.rubric.field.thresholdUnit"), value: t("councils.rubric.points", { n: rubric.thresholdUnit }) },
          { label: t("councils.rubric.field.thresholdWard"), value: t("councils.rubric.points", { n: rubric.thresholdWard }) },
          { label: t("councils.rubric.field.thresholdCity"), value: t("councils.rubric.points", { n: rubric.thresholdCity }) },
          { label: t("councils.rubric.detail.usedBy"), value: String(usedBy) },
          ...(rubric.previousId
            ? [{ label: t("councils.rubric.detail.previous"), value: <Link to={`/danh-gia/phieu-cham/${rubric.previousId}`}>{t("councils.rubrics.versionLabel", { version: rubric.version - 1 })}</Link> }]
            : []),
        ]}
      />
      <h2>{t("councils.rubric.detail.criteria")}</h2>
      <div className="table-wrap">
        <table>
          <caption>{t("councils.rubric.detail.criteria")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("councils.rubric.field.critName")}</th>
              <th scope="col">{t("councils.rubric.field.critMax")}</th>
              <th scope="col">{t("councils.rubric.field.critGuidance")}</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.maxPoints}</td>
                <td>{c.guidance}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {!rubric.lockedAt ? (
        <p>
          <Link to={`/danh-gia/phieu-cham/${rubric.id}/sua`} className="button">
            {t("councils.rubric.edit.link")}
          </Link>
        </p>
      ) : replacedBy ? (
        <div className="banner">
          <p>
            {t("councils.rubric.detail.replacedNote")} <Link to={`/danh-gia/phieu-cham/${replacedBy}`}>{t("councils.rubric.detail.openNew")}</Link>
          </p>
        </div>
      ) : (
        <>
          <p>{t("councils.rubric.detail.lockedNote")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="version" />
            <button type="submit" className="button">
              {t("councils.rubric.version.submit")}
            </button>
          </Form>
        </>
      )}
    </div>
  );
}

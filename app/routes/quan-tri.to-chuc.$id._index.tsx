import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { OrgStatus, useKindLabel } from "~/components/org-parts";
import { OrgHistory } from "~/components/org-history";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { SummaryList, SuccessBanner } from "~/components/summary";
import { formatDate, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getOrgDetail, PAGE_SIZE } from "~/models/orgs.server";
import { guard } from "~/utils/http.server";
import { orgIdParam, savedBanner } from "~/utils/orgs-route.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = orgIdParam(params);
  const url = new URL(request.url);
  const includeClosed = url.searchParams.get("gom-giai-the") === "1";
  const detail = guard(() => getOrgDetail(ctx, id, { includeClosed, page: pageFromUrl(url) }));
  return json({ ...detail, includeClosed, saved: savedBanner(url) });
}

export default function OrgDetail() {
  const { node, ancestors, parent, counts, children, history, closing, allowed, includeClosed, saved } = useLoaderData<typeof loader>();
  const t = useT();
  const kindLabel = useKindLabel();
  const base = `/quan-tri/to-chuc/${node.id}`;
  const crumb = (a: { id: number; name: string; visible: boolean }) => (a.visible ? <Link to={`/quan-tri/to-chuc/${a.id}`}>{a.name}</Link> : a.name);
  const rows = [
    { label: t("orgs.field.code"), value: <span className="mono">{node.code}</span> },
    { label: t("orgs.field.name"), value: node.name, href: allowed.rename ? `${base}/doi-ten` : undefined, hrefLabel: t("orgs.actions.rename") },
    { label: t("orgs.field.kind"), value: kindLabel(node.kind) },
    {
      label: t("orgs.field.parent"),
      value: parent ? crumb(parent) : t("orgs.detail.noParent"),
      href: allowed.move ? `${base}/chuyen` : undefined,
      hrefLabel: t("orgs.actions.move"),
    },
    {
      label: t("orgs.field.path"),
      value: (
        <ol className="breadcrumb">
          {ancestors.map((a) => (
            <li key={a.id}>{crumb(a)}</li>
          ))}
          <li aria-current="page">{node.name}</li>
        </ol>
      ),
    },
    { label: t("orgs.field.validFrom"), value: formatDate(node.validFrom) },
    { label: t("orgs.field.validTo"), value: node.validTo ? formatDate(node.validTo) : t("orgs.detail.openEnded") },
    ...(node.currentSince !== node.validFrom ? [{ label: t("orgs.field.currentSince"), value: formatDate(node.currentSince) }] : []),
    { label: t("orgs.field.status"), value: <OrgStatus validTo={node.validTo} /> },
    ...(closing?.reason ? [{ label: t("orgs.field.closeReason"), value: closing.reason }] : []),
    {
      label: t("orgs.field.children"),
      value: t("orgs.detail.childrenCount", { open: formatNumber(counts.openChildren), closed: formatNumber(counts.closedChildren) }),
    },
    {
      label: t("orgs.field.people"),
      value: t("orgs.detail.peopleCount", { direct: formatNumber(counts.directPeople), subtree: formatNumber(counts.subtreePeople) }),
    },
  ];
  const anyAction = allowed.createChild || allowed.rename || allowed.move || allowed.close;
  return (
    <>
      <PageTitle title={node.name} />
      {saved ? (
        <SuccessBanner>{t(saved)}</SuccessBanner>
      ) : null}
      <p className="no-print">
        <Link to="/quan-tri/to-chuc">‹ {t("orgs.list.title")}</Link>
      </p>
      <p className="caption">{kindLabel(node.kind)}</p>
      <h1>{node.name}</h1>
      <SummaryList rows={rows} />
      {anyAction ? (
        <>
          <h2>{t("orgs.actions.heading")}</h2>
          <div className="button-group no-print">
            {allowed.createChild ? (
              <Link to={`${base}/them`} className="button">
                {t("orgs.actions.create")}
              </Link>
            ) : null}
            {allowed.rename ? (
              <Link to={`${base}/doi-ten`} className="button button--secondary">
                {t("orgs.actions.rename")}
              </Link>
            ) : null}
            {allowed.move ? (
              <Link to={`${base}/chuyen`} className="button button--secondary">
                {t("orgs.actions.move")}
              </Link>
            ) : null}
            {allowed.close ? (
              <Link to={`${base}/giai-the`} className="button button--warning">
                {t("orgs.actions.close")}
              </Link>
            ) : null}
          </div>
        </>
      ) : null}
      <h2 id="truc-thuoc">{t("orgs.detail.children")}</h2>
      <p>
        <Link to={includeClosed ? `${base}#truc-thuoc` : `${base}?gom-giai-the=1#truc-thuoc`}>
          {includeClosed ? t("orgs.detail.hideClosed") : t("orgs.detail.showClosed")}
        </Link>
      </p>
      {children.rows.length ? (
        <div className="table-wrap">
          <table className="org-table">
            <caption>{t("orgs.tree.rootChildren", { name: node.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("orgs.col.name")}</th>
                <th scope="col">{t("orgs.col.code")}</th>
                <th scope="col">{t("orgs.col.kind")}</th>
                <th scope="col" className="num">
                  {t("orgs.col.children")}
                </th>
                <th scope="col">{t("orgs.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {children.rows.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/quan-tri/to-chuc/${c.id}`}>{c.name}</Link>
                  </td>
                  <td className="mono" data-label={t("orgs.col.code")}>{c.code}</td>
                  <td data-label={t("orgs.col.kind")}>{kindLabel(c.kind)}</td>
                  <td className="num" data-label={t("orgs.col.children")}>{formatNumber(c.openChildren)}</td>
                  <td data-label={t("orgs.col.status")}>
                    <OrgStatus validTo={c.validTo} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("orgs.detail.noChildren")}</p>
      )}
      {children.total > PAGE_SIZE ? <Pagination page={children.page} total={children.total} pageSize={PAGE_SIZE} /> : null}
      <OrgHistory node={node} parentName={parent?.name ?? null} history={history} />
    </>
  );
}

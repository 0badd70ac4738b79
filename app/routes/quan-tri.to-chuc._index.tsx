import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Checkbox, PageTitle, SelectField, TextField } from "~/components/form";
import { OrgStatus, useKindLabel } from "~/components/org-parts";
import { OrgTree } from "~/components/org-tree";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { useT } from "~/i18n/use-t";
import { browseTree, PAGE_SIZE, searchOrgs } from "~/models/orgs.server";
import { FILTER_KINDS, orgFilters } from "~/schemas/orgs";
import { requireSession } from "~/utils/request.server";
import { GetForm, Link } from "~/components/link";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const url = new URL(request.url);
  const filters = orgFilters(url.searchParams);
  const page = pageFromUrl(url);
  if (filters.q || filters.kind) {
    return json({ filters, mode: "search" as const, results: searchOrgs(ctx, { ...filters, page }), tree: null });
  }
  return json({ filters, mode: "tree" as const, results: null, tree: browseTree(ctx, { ...filters, page }) });
}

export default function OrgsIndex() {
  const { filters, results, tree } = useLoaderData<typeof loader>();
  const t = useT();
  const kindLabel = useKindLabel();
  return (
    <>
      <PageTitle title={t("orgs.list.title")} />
      <h1>{t("orgs.list.title")}</h1>
      <p className="lead">{t("orgs.list.lead")}</p>
      <div className="layout-sidebar">
        <GetForm className="filters" role="search" aria-labelledby="org-filter-heading">
          <h2 id="org-filter-heading" className="filters__title">
            {t("orgs.filter.heading")}
          </h2>
          <TextField name="q" label={t("orgs.filter.q")} hint={t("orgs.filter.qHint")} defaultValue={filters.q} />
          <SelectField
            name="loai"
            label={t("orgs.filter.kind")}
            placeholder={t("orgs.filter.anyKind")}
            options={FILTER_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
            defaultValue={filters.kind ?? ""}
          />
          <Checkbox name="gom-giai-the" value="1" label={t("orgs.filter.includeClosed")} defaultChecked={filters.includeClosed} />
          <div className="button-group">
            <button type="submit" className="button">
              {t("form.search")}
            </button>
            <Link to="/quan-tri/to-chuc">{t("form.clearFilters")}</Link>
          </div>
        </GetForm>
        <div>
          {results ? (
            <>
              <h2>{t("orgs.results.title")}</h2>
              {results.rows.length ? (
                <div className="table-wrap">
                  <table className="org-table">
                    <caption>{t("orgs.results.caption")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("orgs.col.name")}</th>
                        <th scope="col">{t("orgs.col.code")}</th>
                        <th scope="col">{t("orgs.col.kind")}</th>
                        <th scope="col">{t("orgs.col.parent")}</th>
                        <th scope="col">{t("orgs.col.status")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {results.rows.map((r) => (
                        <tr key={r.id}>
                          <td>
                            <Link to={`/quan-tri/to-chuc/${r.id}`}>{r.name}</Link>
                          </td>
                          <td className="mono" data-label={t("orgs.col.code")}>{r.code}</td>
                          <td data-label={t("orgs.col.kind")}>{kindLabel(r.kind)}</td>
                          <td data-label={t("orgs.col.parent")}>{r.parentName ?? "—"}</td>
                          <td data-label={t("orgs.col.status")}>
                            <OrgStatus validTo={r.validTo} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ) : (
                <p>{t("orgs.results.none")}</p>
              )}
              <Pagination page={results.page} total={results.total} pageSize={PAGE_SIZE} />
            </>
          ) : tree && tree.roots.length ? (
            <>
              <h2>{t("orgs.tree.title")}</h2>
              <p className="caption">{t("orgs.tree.hint")}</p>
              <OrgTree roots={tree.roots} expanded={tree.expanded} />
              <Pagination page={tree.roots[0].children.page} total={Math.max(...tree.roots.map((r) => r.children.total))} pageSize={PAGE_SIZE} />
            </>
          ) : (
            <p>{t("orgs.tree.empty")}</p>
          )}
        </div>
      </div>
    </>
  );
}

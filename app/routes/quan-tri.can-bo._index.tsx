import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { canAnywhere } from "~/auth/policy";
import { ErrorSummary, PageTitle, SelectField, TextField } from "~/components/form";
import { Pagination, pageFromUrl, PAGE_SIZE } from "~/components/pagination";
import { AccountTag } from "~/components/people-fields";
import { translateMaybe } from "~/i18n";
import { fullName } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { matchOrgs } from "~/models/org-pick.server";
import { listPeople } from "~/models/people-list.server";
import { peopleFilterSchema } from "~/schemas/people";
import { guard, zodFieldErrors } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { GetForm, Link } from "~/components/link";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireSession(request);
  if (!canAnywhere(actor, "person.view")) throw json({ message: "forbidden" }, { status: 403 });
  const url = new URL(request.url);
  const values: Record<string, string> = {};
  for (const [key, value] of url.searchParams) values[key] = value;
  const canCreate = canAnywhere(actor, "person.manage");
  const parsed = peopleFilterSchema.safeParse(values);
  if (!parsed.success) return json({ values, errors: zodFieldErrors(parsed.error), list: null, orgs: [], canCreate });
  const f = parsed.data;
  // The organization filter takes a code or a name; several matches are offered as links.
  const orgs = f["to-chuc"] ? matchOrgs(ctx, f["to-chuc"], "person.view", 6) : [];
  const org = orgs.length === 1 ? orgs[0] : undefined;
  const list =
    f["to-chuc"] && !org
      ? null
      : guard(() => listPeople(ctx, { q: f.q, orgId: org?.id, account: f["tai-khoan"] || undefined, page: pageFromUrl(url), pageSize: PAGE_SIZE }));
  return json({ values, errors: {} as Record<string, string>, list, orgs: orgs.map(({ code, name }) => ({ code, name })), canCreate });
}

export default function PeopleList() {
  const { values, errors, list, orgs, canCreate } = useLoaderData<typeof loader>();
  const t = useT();
  const messages = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, translateMaybe(t, v)]));
  const filtered = !!(values.q || values["to-chuc"] || values["tai-khoan"]);
  const withOrg = (code: string) => {
    const params = new URLSearchParams(Object.entries(values).filter(([k]) => k !== "trang"));
    params.set("to-chuc", code);
    return `?${params}`;
  };
  return (
    <>
      <PageTitle title={t("people.list.title")} hasErrors={Object.keys(errors).length > 0} />
      <ErrorSummary errors={messages} />
      <h1>{t("people.list.title")}</h1>
      <p className="lead">{t("people.list.lead")}</p>
      {canCreate ? (
        <p>
          <Link to="/quan-tri/can-bo/moi" className="button">
            {t("people.create.title")}
          </Link>
        </p>
      ) : null}
      <div className="layout-sidebar">
        <aside className="filters" aria-labelledby="people-filters-title">
          <h2 id="people-filters-title">{t("people.filters")}</h2>
          <GetForm action="/quan-tri/can-bo">
            <TextField name="q" label={t("people.filter.q")} hint={t("people.filter.q.hint")} defaultValue={values.q ?? ""} error={messages.q} />
            <TextField name="to-chuc" label={t("people.filter.org")} hint={t("people.filter.org.hint")} defaultValue={values["to-chuc"] ?? ""} error={messages["to-chuc"]} />
            <SelectField
              name="tai-khoan"
              label={t("people.filter.account")}
              placeholder={t("people.filter.account.any")}
              options={[
                { value: "chua-kich-hoat", label: t("people.filter.account.notActivated") },
                { value: "dang-khoa", label: t("people.filter.account.locked") },
                { value: "ngung", label: t("people.filter.account.inactive") },
              ]}
              defaultValue={values["tai-khoan"] ?? ""}
              error={messages["tai-khoan"]}
            />
            <div className="button-group">
              <button type="submit" className="button">
                {t("form.filter")}
              </button>
              <Link to="/quan-tri/can-bo">{t("form.clearFilters")}</Link>
            </div>
          </GetForm>
        </aside>
        <section aria-labelledby="people-table-caption">
          {values["to-chuc"] && orgs.length === 0 ? (
            <p className="banner banner--warning">{t("people.filter.org.none", { q: values["to-chuc"] })}</p>
          ) : null}
          {orgs.length > 1 ? (
            <div className="banner">
              <p>{t("people.filter.org.several")}</p>
              <ul>
                {orgs.map((o) => (
                  <li key={o.code}>
                    <Link to={withOrg(o.code)}>
                      {o.name} (<span className="mono">{o.code}</span>)
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {list ? (
            <>
              <div className="table-wrap">
                <table className="people-table">
                  <caption id="people-table-caption">
                    {t(filtered ? "people.table.captionFiltered" : "people.table.caption")}
                    {orgs.length === 1 ? ` — ${orgs[0].name}` : ""}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("people.col.name")}</th>
                      <th scope="col">{t("people.col.position")}</th>
                      <th scope="col">{t("people.col.org")}</th>
                      <th scope="col">{t("people.col.account")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.rows.map((p) => (
                      <tr key={p.id}>
                        <td data-label={t("people.col.name")}>
                          <Link to={`/quan-tri/can-bo/${p.id}`}>{fullName(p)}</Link>
                        </td>
                        <td data-label={t("people.col.position")}>{p.position}</td>
                        <td data-label={t("people.col.org")}>{p.orgName}</td>
                        <td data-label={t("people.col.account")}>
                          <AccountTag status={p.status} />
                          {p.username ? <span className="mono people-username">{p.username}</span> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {list.rows.length === 0 ? <p>{t("table.noResults")}</p> : null}
              <Pagination page={list.page} total={list.total} />
            </>
          ) : null}
        </section>
      </div>
    </>
  );
}

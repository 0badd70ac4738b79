import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, PageTitle, TextField, useValidatedForm, type ServerForm } from "~/components/form";
import { BackToNode, ClosedNotice, useKindLabel } from "~/components/org-parts";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { moveOptions, moveOrg, PAGE_SIZE } from "~/models/orgs.server";
import { moveOrgSchema } from "~/schemas/orgs";
import { attempt, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { orgIdParam } from "~/utils/orgs-route.server";
import { requireSession } from "~/utils/request.server";
import { GetForm, Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = orgIdParam(params);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const chosen = (url.searchParams.get("ma") ?? "").trim().toUpperCase().slice(0, 40);
  return json({ ...guard(() => moveOptions(ctx, id, { q, page: pageFromUrl(url) })), q, chosen });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = orgIdParam(params);
  const { values } = await formValues(request);
  const parsed = moveOrgSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const result = await attempt(() => moveOrg(ctx, id, parsed.data), values);
  if (!result.ok) return result.response;
  return redirect(`/quan-tri/to-chuc/${id}?da-luu=chuyen`);
}

export default function MoveOrg() {
  const { node, parentName, closed, candidates, q, chosen } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const kindLabel = useKindLabel();
  const choose = (code: string) => `?${new URLSearchParams({ ...(q ? { q } : {}), ma: code }).toString()}#f-newParentCode`;
  return (
    <div className="narrow">
      <BackToNode id={node.id} name={node.name} />
      {closed ? (
        <>
          <PageTitle title={t("orgs.move.title")} />
          <h1>{t("orgs.move.title")}</h1>
          <ClosedNotice validTo={node.validTo} />
        </>
      ) : (
        // Remounted when a candidate is chosen, so the code field shows the choice.
        <MoveForm key={chosen} node={node} parentName={parentName ?? "—"} chosen={chosen} server={server} />
      )}
      {closed ? null : (
        <section aria-labelledby="move-search">
          <h2 id="move-search">{t("orgs.move.search.heading")}</h2>
          <GetForm role="search" aria-labelledby="move-search">
            <TextField name="q" label={t("orgs.move.search.q")} hint={t("orgs.filter.qHint")} defaultValue={q} />
            <div className="button-group">
              <button type="submit" className="button button--secondary">
                {t("orgs.move.search.submit")}
              </button>
            </div>
          </GetForm>
          {candidates ? (
            candidates.rows.length ? (
              <>
                <div className="table-wrap">
                  <table className="org-table">
                    <caption>{t("orgs.move.search.caption")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("orgs.col.name")}</th>
                        <th scope="col">{t("orgs.col.code")}</th>
                        <th scope="col">{t("orgs.col.kind")}</th>
                        <th scope="col">
                          <span className="visually-hidden">{t("orgs.move.choose")}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {candidates.rows.map((c) => (
                        <tr key={c.id}>
                          <td>{c.name}</td>
                          <td className="mono" data-label={t("orgs.col.code")}>{c.code}</td>
                          <td data-label={t("orgs.col.kind")}>{kindLabel(c.kind)}</td>
                          <td>
                            <Link to={choose(c.code)} preventScrollReset>
                              {t("orgs.move.choose")}
                              <span className="visually-hidden"> {c.name}</span>
                            </Link>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <Pagination page={candidates.page} total={candidates.total} pageSize={PAGE_SIZE} />
              </>
            ) : (
              <p>{t("orgs.move.search.none")}</p>
            )
          ) : null}
        </section>
      )}
    </div>
  );
}

function MoveForm({ node, parentName, chosen, server }: { node: { name: string; currentSince: string }; parentName: string; chosen: string; server: ServerForm }) {
  const t = useT();
  const form = useValidatedForm(moveOrgSchema, { defaults: { newParentCode: chosen, effectiveDate: "" }, server });
  return (
    <>
      <PageTitle title={t("orgs.move.title")} hasErrors={form.hasErrors} />
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <h1>{t("orgs.move.title")}</h1>
      <p className="lead">{t("orgs.move.lead", { name: node.name, parent: parentName })}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <TextField name="newParentCode" label={t("orgs.move.newParentCode")} hint={t("orgs.move.newParentHint")} width="short" autoComplete="off" form={form} />
        <TextField
          name="effectiveDate"
          label={t("orgs.move.effectiveDate")}
          hint={t("orgs.currentSinceHint", { date: formatDate(node.currentSince) })}
          width="short"
          inputMode="numeric"
          autoComplete="off"
          form={form}
        />
        <button type="submit" className="button">
          {t("orgs.move.submit")}
        </button>
      </Form>
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { canAnywhere, canGrantTo } from "~/auth/policy";
import { ErrorSummary, Form, PageTitle, SelectField, useValidatedForm } from "~/components/form";
import { AccountTag, OrgField, type OrgOption } from "~/components/people-fields";
import { PersonSummary } from "~/components/person-summary";
import type { MessageKey } from "~/i18n";
import { formatDate, fullName } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { grantRole, grantsOf } from "~/models/grants.server";
import { unlockAccount } from "~/models/people-account.server";
import { reactivatePerson } from "~/models/people-write.server";
import { getPerson } from "~/models/people.server";
import { GRANTABLE_ROLES, grantSchema } from "~/schemas/people";
import { attempt, badRequest, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { idParam, withOrgCandidates } from "~/utils/people-form.server";
import { requireSession } from "~/utils/request.server";
import { SuccessBanner } from "~/components/summary";
import { Link } from "~/components/link";

const NOTICES = ["da-tao", "da-luu", "da-cap-vai-tro", "da-thu-hoi", "da-mo-khoa", "da-ngung", "da-kich-hoat", "da-cap-mat-khau"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireSession(request);
  const id = idParam(params.id);
  const person = guard(() => getPerson(ctx, id));
  const grants = guard(() => grantsOf(ctx, id));
  const canGrantHere = person.active && canGrantTo(actor, person);
  const url = new URL(request.url);
  return json({
    person,
    grants,
    canGrantHere,
    canList: canAnywhere(actor, "person.view"),
    notice: NOTICES.find((n) => url.searchParams.has(n)) ?? null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const { values } = await formValues(request);
  switch (values.intent) {
    case "grant": {
      const parsed = grantSchema.safeParse(values);
      if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
      const result = await attempt(() => grantRole(ctx, { personId: id, role: parsed.data.role, org: parsed.data.org }), values);
      if (!result.ok) return withOrgCandidates(result.response, ctx, values.org, "role.grant");
      return redirect(`/quan-tri/can-bo/${id}?da-cap-vai-tro#vai-tro`);
    }
    case "unlock": {
      const result = await attempt(() => unlockAccount(ctx, id), {});
      return result.ok ? redirect(`/quan-tri/can-bo/${id}?da-mo-khoa`) : result.response;
    }
    case "reactivate": {
      const result = await attempt(() => reactivatePerson(ctx, id), {});
      return result.ok ? redirect(`/quan-tri/can-bo/${id}?da-kich-hoat`) : result.response;
    }
    default:
      return badRequest();
  }
}

export default function PersonPage() {
  const { person, grants, canGrantHere, canList, notice } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const form = useValidatedForm(grantSchema, { defaults: { role: "", org: "", intent: "grant" }, server });
  const name = fullName(person);
  const base = `/quan-tri/can-bo/${person.id}`;
  const account = person.account;
  return (
    <>
      <PageTitle title={name} hasErrors={form.hasErrors} />
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      {notice ? (
        <SuccessBanner>{t(`people.notice.${notice}` as MessageKey)}</SuccessBanner>
      ) : null}
      {canList ? (
        <p>
          <Link to="/quan-tri/can-bo">{t("people.backToList")}</Link>
        </p>
      ) : null}
      <p className="caption">{person.orgName}</p>
      <h1>{name}</h1>
      <PersonSummary person={person} editHref={person.canManage ? `${base}/sua` : undefined} />

      <h2>{t("people.account.heading")}</h2>
      <dl className="summary">
        <div className="summary__row">
          <dt>{t("people.account.status")}</dt>
          <dd>
            <AccountTag status={account ? account.status : person.active ? "none" : "inactive"} />
            {account?.status === "locked" && account.lockedUntil ? <> {t("people.account.lockedUntil", { at: formatDate(account.lockedUntil) })}</> : null}
          </dd>
        </div>
        <div className="summary__row">
          <dt>{t("people.field.username")}</dt>
          <dd>{account ? <span className="mono">{account.username}</span> : t("people.account.noneYet")}</dd>
        </div>
        {account ? (
          <div className="summary__row">
            <dt>{t("people.account.lastSignIn")}</dt>
            <dd>{account.lastSignInAt ? formatDate(account.lastSignInAt) : t("people.account.never")}</dd>
          </div>
        ) : null}
      </dl>
      {person.canAdminister ? (
        <div className="button-group">
          {person.active ? (
            <Link to={`${base}/mat-khau-tam`} className="button button--secondary">
              {t(account ? "people.temp.issue" : "people.temp.create")}
            </Link>
          ) : null}
          {account?.status === "locked" ? (
            <Form method="post" className="inline-form">
              <button type="submit" name="intent" value="unlock" className="button button--secondary">
                {t("people.account.unlock")}
              </button>
            </Form>
          ) : null}
          {person.active ? (
            <Link to={`${base}/ngung-hoat-dong`} className="button button--warning">
              {t("people.deactivate.button")}
            </Link>
          ) : (
            <Form method="post" className="inline-form">
              <button type="submit" name="intent" value="reactivate" className="button">
                {t("people.reactivate.button")}
              </button>
            </Form>
          )}
        </div>
      ) : null}

      <h2 id="vai-tro">{t("people.grants.heading")}</h2>
      <div className="table-wrap">
        <table>
          <caption>{t("people.grants.caption", { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("people.grants.role")}</th>
              <th scope="col">{t("people.grants.org")}</th>
              <th scope="col">{t("people.grants.since")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("people.grants.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {grants.map((g) => (
              <tr key={g.id}>
                <td>{t(`role.${g.role}` as MessageKey)}</td>
                <td>
                  {g.orgName} <span className="mono">({g.orgCode})</span> {g.orgClosed ? <em>{t("status.closed")}</em> : null}
                </td>
                <td>{formatDate(g.grantedAt)}</td>
                <td>
                  {g.canRevoke ? (
                    <Link to={`${base}/thu-hoi/${g.id}`}>
                      {t("people.grants.revoke")}
                      <span className="visually-hidden"> {t(`role.${g.role}` as MessageKey)}, {g.orgName}</span>
                    </Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {grants.length === 0 ? <p>{t("account.noRoles")}</p> : null}

      {canGrantHere ? (
        <section aria-labelledby="grant-title" className="grant-form">
          <h3 id="grant-title">{t("people.grant.title")}</h3>
          <p>{t("people.grant.lead")}</p>
          <Form method="post" noValidate onSubmit={form.onSubmit}>
            <input type="hidden" name="intent" value="grant" />
            <SelectField
              name="role"
              label={t("people.grant.role")}
              placeholder={t("people.grant.role.choose")}
              options={GRANTABLE_ROLES.map((r) => ({ value: r, label: t(`role.${r}` as MessageKey) }))}
              form={form}
            />
            <OrgField
              name="org"
              label={t("people.grant.org")}
              hint={t("people.grant.org.hint")}
              form={form}
              scope="phan-quyen"
              candidates={server && "candidates" in server ? (server.candidates as OrgOption[]) : undefined}
            />
            <button type="submit" className="button">
              {t("people.grant.submit")}
            </button>
          </Form>
        </section>
      ) : null}
    </>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/form";
import { PlanSummary, StepFrame } from "~/components/proposal-parts";
import type { MessageKey } from "~/i18n";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getProposal, submissionPreview, submit } from "~/models/proposals.server";
import { attempt, guard } from "~/utils/http.server";
import { proposalIdParam } from "~/utils/proposals-route.server";
import { requireSession } from "~/utils/request.server";
import { loadNode } from "~/models/orgs-shared.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = proposalIdParam(params);
  const p = guard(() => getProposal(ctx, id));
  if (!p.allowed.submit) throw redirect(`/de-xuat/${id}`);
  const preview = guard(() => submissionPreview(ctx, id));
  const decider = loadNode(ctx.db, preview.route.deciderOrgId);
  return json({ p, preview, deciderName: decider?.name ?? "" });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = proposalIdParam(params);
  const result = await attempt(() => submit(ctx, id), {});
  if (!result.ok) return result.response;
  return redirect(`/de-xuat/${id}?da-luu=gui`);
}

export default function SubmitProposal() {
  const { p, preview, deciderName } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const ready = preview.missing.length === 0 && preview.collectiveSize > 0;
  return (
    <StepFrame id={p.id} proposalTitle={p.title} title={t("proposals.submit.title")} hasErrors={!!server}>
      <ErrorSummary errors={server?.fieldErrors ?? {}} formError={server?.formError} />
      <h1>{t("proposals.submit.title")}</h1>
      <p className="lead">{t("proposals.submit.lead", { org: deciderName, due: formatDate(preview.voteDueOn) })}</p>
      {preview.route.deciderOrgId !== preview.route.orgId ? <p>{t("proposals.submit.up")}</p> : null}
      {preview.missing.length ? (
        <div className="banner banner--warning">
          <p>{t("proposals.submit.missing")}</p>
          <ul>
            {preview.missing.map((f) => (
              <li key={f}>{t(`proposals.field.${f}` as MessageKey)}</li>
            ))}
          </ul>
          <p>
            <Link to={`/de-xuat/${p.id}/sua`}>{t("form.change")}</Link>
          </p>
        </div>
      ) : null}
      {preview.collectiveSize === 0 ? (
        <div className="banner banner--warning">
          <p>{t("proposals.submit.noHead")}</p>
        </div>
      ) : null}
      <PlanSummary p={p} />
      {ready ? (
        <Form method="post">
          <button type="submit" className="button">
            {t("proposals.submit.button")}
          </button>
        </Form>
      ) : null}
    </StepFrame>
  );
}

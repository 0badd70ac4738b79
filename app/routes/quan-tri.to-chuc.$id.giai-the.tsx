import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form as PlainForm, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, Hidden, PageTitle, TextArea, TextField, useValidatedForm, type ServerForm } from "~/components/form";
import { BackToNode, ClosedNotice } from "~/components/org-parts";
import { SummaryList } from "~/components/summary";
import type { MessageKey } from "~/i18n";
import { formatDate, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { closeOrg, orgForChange } from "~/models/orgs.server";
import { closeOrgSchema } from "~/schemas/orgs";
import { attempt, badRequest, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { orgIdParam } from "~/utils/orgs-route.server";
import { requireSession } from "~/utils/request.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = orgIdParam(params);
  return json(guard(() => orgForChange(ctx, id, "close")));
}

// Two steps: "review" checks everything and asks for confirmation; "confirm" closes the node;
// "edit" goes back to the form with what was typed.
export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = orgIdParam(params);
  const { values } = await formValues(request);
  const { intent, ...kept } = values;
  if (intent !== "review" && intent !== "confirm" && intent !== "edit") badRequest();
  if (intent === "edit") return formFailure({}, kept, null, 200);
  const parsed = closeOrgSchema.safeParse(kept);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), kept);
  const result = await attempt(() => closeOrg(ctx, id, parsed.data, { dryRun: intent === "review" }), kept);
  if (!result.ok) return result.response;
  if (intent === "review") {
    return json({ step: "confirm" as const, values: kept, closedOn: parsed.data.closedOn, reason: parsed.data.reason });
  }
  return redirect(`/quan-tri/to-chuc/${id}?da-luu=giai-the`);
}

export default function CloseOrg() {
  const { node } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const t = useT();
  const confirm = data && "step" in data ? data : null;
  if (!confirm) return <CloseForm server={data} />;
  const lastDay = formatDate(new Date(Date.parse(`${confirm.closedOn}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10));
  return (
    <div className="narrow">
      <PageTitle title={t("orgs.close.confirm.title")} />
      <BackToNode id={node.id} name={node.name} />
      <h1>{t("orgs.close.confirm.title")}</h1>
      <div className="banner banner--warning">
        <p>{t("orgs.close.confirm.body", { name: node.name, lastDay })}</p>
      </div>
      <SummaryList
        rows={[
          { label: t("orgs.field.name"), value: node.name },
          { label: t("orgs.close.closedOn"), value: formatDate(confirm.closedOn) },
          { label: t("orgs.close.reason"), value: confirm.reason },
        ]}
      />
      <PlainForm method="post">
        <input type="hidden" name="closedOn" defaultValue={confirm.values.closedOn ?? ""} />
        <input type="hidden" name="reason" defaultValue={confirm.values.reason ?? ""} />
        <div className="button-group">
          <button type="submit" name="intent" value="confirm" className="button button--warning">
            {t("orgs.close.confirm.submit")}
          </button>
          <button type="submit" name="intent" value="edit" className="button button--secondary">
            {t("orgs.close.confirm.edit")}
          </button>
        </div>
      </PlainForm>
    </div>
  );
}

/** The first step; mounted afresh after "edit" so it starts from the values sent back. */
function CloseForm({ server }: { server: ServerForm }) {
  const { node, closed, blocked, blockers } = useLoaderData<typeof loader>();
  const t = useT();
  const form = useValidatedForm(closeOrgSchema, { defaults: { closedOn: "", reason: "" }, server });
  return (
    <div className="narrow">
      <PageTitle title={t("orgs.close.title")} hasErrors={form.hasErrors} />
      <BackToNode id={node.id} name={node.name} />
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <h1>{t("orgs.close.title")}</h1>
      <p className="lead">{t("orgs.close.lead", { name: node.name })}</p>
      <ClosedNotice validTo={node.validTo} />
      {blocked && !closed ? (
        <div className="banner banner--warning" role="status">
          <p>{t(blocked as MessageKey)}</p>
          <p>{t("orgs.close.blockerCounts", { orgs: formatNumber(blockers?.openDescendants ?? 0), people: formatNumber(blockers?.activePeople ?? 0) })}</p>
        </div>
      ) : null}
      {closed || blocked ? null : (
        <Form method="post" noValidate onSubmit={form.onSubmit}>
          <Hidden name="intent" value="review" />
          <TextField
            name="closedOn"
            label={t("orgs.close.closedOn")}
            hint={t("orgs.currentSinceHint", { date: formatDate(node.currentSince) })}
            width="short"
            inputMode="numeric"
            autoComplete="off"
            form={form}
          />
          <TextArea name="reason" label={t("orgs.close.reason")} hint={t("orgs.close.reasonHint")} rows={3} form={form} />
          <button type="submit" className="button">
            {t("orgs.close.review")}
          </button>
        </Form>
      )}
    </div>
  );
}

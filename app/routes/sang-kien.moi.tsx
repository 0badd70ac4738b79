import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Form, PageTitle, RadioGroup, SelectField, useValidatedForm } from "~/components/form";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { createDraft, registrationOptions } from "~/models/initiatives.server";
import { kindFromSlug } from "~/schemas/initiative-filters";
import { newDraftSchema } from "~/schemas/initiatives";
import { attempt, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const url = new URL(request.url);
  const taskId = Number(url.searchParams.get("nhiem-vu")) || null;
  const options = guard(() => registrationOptions(ctx, taskId));
  return json({ ...options, kind: kindFromSlug(url.searchParams.get("loai")) });
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const { values } = await formValues(request);
  const parsed = newDraftSchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const result = await attempt(() => createDraft(ctx, parsed.data), values);
  if (!result.ok) return result.response;
  return redirect(`/sang-kien/${result.value.id}?da-luu=tao`);
}

export default function NewInitiative() {
  const { task, tasks, orgs, kind } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const form = useValidatedForm(newDraftSchema, {
    defaults: { kind: kind ?? "", taskId: task ? String(task.id) : "", receivingOrgId: "" },
    server,
  });
  const taskOptions = [...(task && !tasks.some((x) => x.id === task.id) ? [{ id: task.id, title: task.title, orgName: task.orgName, deadline: "" }] : []), ...tasks];
  return (
    <div className="narrow">
      <PageTitle title={t("initiatives.new.title")} hasErrors={form.hasErrors} />
      <p className="no-print">
        <Link to="/sang-kien">‹ {t("initiatives.list.title")}</Link>
      </p>
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <h1>{t("initiatives.new.title")}</h1>
      <p className="lead">{t("initiatives.new.lead")}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <RadioGroup
          name="kind"
          legend={t("initiatives.new.kind")}
          form={form}
          options={[
            { value: "initiative", label: t("initiatives.kind.initiative"), hint: t("initiatives.new.kindHint.initiative") },
            { value: "solution", label: t("initiatives.kind.solution"), hint: t("initiatives.new.kindHint.solution") },
          ]}
        />
        <SelectField
          name="taskId"
          label={t("initiatives.new.task")}
          hint={t("initiatives.new.taskHint")}
          form={form}
          placeholder={t("initiatives.new.noTask")}
          options={taskOptions.map((x) => ({
            value: String(x.id),
            label: x.deadline ? t("initiatives.new.taskOption", { title: x.title, org: x.orgName, deadline: formatDate(x.deadline) }) : x.title,
          }))}
        />
        <SelectField
          name="receivingOrgId"
          label={t("initiatives.new.org")}
          hint={t("initiatives.new.orgHint")}
          form={form}
          placeholder={t("initiatives.new.orgDefault")}
          options={orgs.map((o) => ({ value: String(o.id), label: o.name }))}
        />
        <div className="button-group">
          <button type="submit" className="button">
            {t("initiatives.new.submit")}
          </button>
          <Link to="/sang-kien">{t("form.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

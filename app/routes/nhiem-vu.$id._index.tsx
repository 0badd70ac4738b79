import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PageTitle } from "~/components/form";
import { SummaryList, Tag, SuccessBanner } from "~/components/summary";
import { areaLabels, Deadline, periodLabel, RegistrationsTable, TaskStatusTag } from "~/components/task-parts";
import { translateMaybe } from "~/i18n";
import { formatDateTime, fullName } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { closeTask, getTask, publishTask } from "~/models/tasks.server";
import { attempt, badRequest, formValues, guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { taskIdParam, taskSavedBanner } from "~/utils/tasks-form.server";
import { Link } from "~/components/link";

const CONFIRM = { "ban-hanh": "publish", "ket-thuc": "close" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = taskIdParam(params);
  const task = guard(() => getTask(ctx, id));
  const url = new URL(request.url);
  const step = CONFIRM[(url.searchParams.get("xac-nhan") ?? "") as keyof typeof CONFIRM] ?? null;
  // A confirmation step is offered only for what the actor may do now.
  const confirm = step && task.allowed[step] ? step : null;
  return json({ task, confirm, saved: taskSavedBanner(url) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = taskIdParam(params);
  const { values } = await formValues(request);
  if (values.intent !== "publish" && values.intent !== "close") badRequest();
  const run = values.intent === "publish" ? () => publishTask(ctx, id) : () => closeTask(ctx, id);
  const result = await attempt(run, {});
  if (!result.ok) return result.response;
  return redirect(`/nhiem-vu/${id}?da-luu=${values.intent === "publish" ? "ban-hanh" : "ket-thuc"}`);
}

export default function TaskDetail() {
  const { task, confirm, saved } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  const base = `/nhiem-vu/${task.id}`;
  const rows = [
    { label: t("tasks.field.org"), value: `${task.org.name} (${task.org.code})` },
    { label: t("tasks.field.areas"), value: areaLabels(t, task.areas) },
    { label: t("tasks.field.period"), value: periodLabel(t, task.periodYear, task.periodQuarter) },
    { label: t("tasks.field.deadline"), value: <Deadline deadline={task.deadline} due={task.due} /> },
    { label: t("tasks.field.status"), value: <TaskStatusTag status={task.status} /> },
    { label: t("tasks.field.description"), value: <p className="task-description">{task.description}</p> },
    ...(task.publishedAt ? [{ label: t("tasks.field.publishedAt"), value: formatDateTime(task.publishedAt) }] : []),
    ...(task.closedAt ? [{ label: t("tasks.field.closedAt"), value: formatDateTime(task.closedAt) }] : []),
  ];
  const formError = failed && "formError" in failed ? failed.formError : null;
  return (
    <>
      <PageTitle title={task.title} hasErrors={!!formError} />
      <ErrorSummary errors={{}} formError={formError ? translateMaybe(t, formError) : null} />
      {saved ? (
        <SuccessBanner>{t(saved)}</SuccessBanner>
      ) : null}
      <p className="no-print">
        <Link to="/nhiem-vu">‹ {t("tasks.detail.back")}</Link>
      </p>
      <p className="caption">{t("tasks.list.title")}</p>
      <h1>{task.title}</h1>
      {task.assignedToMe ? (
        <p>
          <Tag>{t("tasks.assignedToMe")}</Tag>
        </p>
      ) : null}
      {confirm ? <ConfirmStep base={base} step={confirm} /> : null}
      <SummaryList rows={rows} />
      {task.status === "published" ? (
        <p className="no-print">
          <Link to={`/sang-kien/moi?nhiem-vu=${task.id}`} className="button">
            {t("tasks.detail.register")}
          </Link>
        </p>
      ) : null}
      <h2>{t("tasks.detail.targets")}</h2>
      <p className="caption">{t("tasks.detail.targetsNote")}</p>
      <ul>
        {task.targets.map((o) => (
          <li key={o.id}>
            {o.name} (<span className="mono">{o.code}</span>)
          </li>
        ))}
      </ul>
      <h2>{t("tasks.detail.assignees")}</h2>
      {task.assignees.length ? (
        <ul>
          {task.assignees.map((a) => (
            <li key={a.personId}>
              {fullName(a)} — {a.orgName}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("tasks.detail.noAssignees")}</p>
      )}
      {task.registrations ? (
        <section aria-labelledby="task-registrations">
          <h2 id="task-registrations">{t("tasks.registrations.heading")}</h2>
          <RegistrationsTable data={task.registrations} />
        </section>
      ) : task.allowed.edit ? (
        <p className="caption">{t("tasks.registrations.draft")}</p>
      ) : null}
      {!confirm && (task.allowed.edit || task.allowed.publish || task.allowed.close) ? (
        <>
          <h2>{t("tasks.detail.actions")}</h2>
          <div className="button-group no-print">
            {task.allowed.publish ? (
              <Link to={`${base}?xac-nhan=ban-hanh`} className="button">
                {t("tasks.action.publish")}
              </Link>
            ) : null}
            {task.allowed.edit ? (
              <Link to={`${base}/sua`} className="button button--secondary">
                {t("tasks.action.edit")}
              </Link>
            ) : null}
            {task.allowed.close ? (
              <Link to={`${base}?xac-nhan=ket-thuc`} className="button button--warning">
                {t("tasks.action.close")}
              </Link>
            ) : null}
          </div>
        </>
      ) : null}
    </>
  );
}

function ConfirmStep({ base, step }: { base: string; step: "publish" | "close" }) {
  const t = useT();
  return (
    <section className="banner banner--warning" aria-labelledby="task-confirm">
      <h2 id="task-confirm">{t(step === "publish" ? "tasks.confirm.publish.title" : "tasks.confirm.close.title")}</h2>
      <p>{t(step === "publish" ? "tasks.confirm.publish.body" : "tasks.confirm.close.body")}</p>
      <Form method="post" action={base} className="button-group">
        <input type="hidden" name="intent" value={step} />
        <button type="submit" className={step === "publish" ? "button" : "button button--warning"}>
          {t(step === "publish" ? "tasks.confirm.publish.submit" : "tasks.confirm.close.submit")}
        </button>
        <Link to={base}>{t("tasks.confirm.cancel")}</Link>
      </Form>
    </section>
  );
}

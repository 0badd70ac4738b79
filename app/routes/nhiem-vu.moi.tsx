import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EMPTY_TASK_VALUES, TaskForm, type TaskServerForm } from "~/components/task-form";
import { useT } from "~/i18n/use-t";
import { createTask, taskFormOptions } from "~/models/tasks.server";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { taskFormAction } from "~/utils/tasks-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const options = guard(() => taskFormOptions(ctx));
  // The server's year, so the default period is this year in Ho Chi Minh City.
  return json({ ...options, year: new Date().getFullYear() });
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  guard(() => taskFormOptions(ctx));
  return taskFormAction(request, ctx, (input) => createTask(ctx, input), "tao");
}

export default function NewTask() {
  const { orgs, year } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>() as TaskServerForm & { round?: string };
  const t = useT();
  return (
    <TaskForm
      key={server?.round ?? "form"}
      title={t("tasks.create.title")}
      lead={t("tasks.create.lead")}
      submitLabel={t("tasks.create.submit")}
      cancelHref="/nhiem-vu?xem=da-giao"
      orgs={orgs}
      defaults={{ ...EMPTY_TASK_VALUES, orgId: orgs.length === 1 ? String(orgs[0].id) : "", periodYear: String(year) }}
      server={server}
    />
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { TaskForm, type TaskServerForm } from "~/components/task-form";
import { useT } from "~/i18n/use-t";
import { taskForEdit, updateTask } from "~/models/tasks.server";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { taskFormAction, taskIdParam } from "~/utils/tasks-form.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = taskIdParam(params);
  return json(guard(() => taskForEdit(ctx, id)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = taskIdParam(params);
  guard(() => taskForEdit(ctx, id));
  return taskFormAction(request, ctx, (input) => (updateTask(ctx, id, input), { id }), "sua");
}

export default function EditTask() {
  const { id, title, status, values, orgs } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>() as TaskServerForm & { round?: string };
  const t = useT();
  if (status !== "draft") {
    return (
      <div className="narrow">
        <PageTitle title={t("tasks.edit.title")} />
        <h1>{t("tasks.edit.title")}</h1>
        <div className="banner banner--warning" role="status">
          <p>{t("tasks.errors.notDraft")}</p>
        </div>
        <p>
          <Link to={`/nhiem-vu/${id}`}>{title}</Link>
        </p>
      </div>
    );
  }
  return (
    <TaskForm
      key={server?.round ?? "form"}
      title={t("tasks.edit.title")}
      submitLabel={t("tasks.edit.submit")}
      cancelHref={`/nhiem-vu/${id}`}
      orgs={orgs}
      defaults={values}
      server={server}
    />
  );
}

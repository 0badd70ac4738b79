import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getHoliday, removeHoliday } from "~/models/calendar.server";
import { attempt, guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  return json({ holiday: guard(() => getHoliday(ctx, params.date ?? "")) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const date = params.date ?? "";
  const result = await attempt(() => removeHoliday(ctx, date), {});
  if (!result.ok) return result.response;
  return redirect(`/quan-tri/ngay-nghi?nam=${date.slice(0, 4)}&da-xoa=${date}`);
}

export default function RemoveHoliday() {
  const { holiday } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="narrow">
      <PageTitle title={t("calendar.remove.title")} />
      <p>
        <Link to={`/quan-tri/ngay-nghi?nam=${holiday.date.slice(0, 4)}`}>‹ {t("calendar.title")}</Link>
      </p>
      <h1>{t("calendar.remove.title")}</h1>
      <p className="lead">{t("calendar.remove.lead", { date: formatDate(holiday.date), name: holiday.name })}</p>
      <Form method="post" className="button-group">
        <button type="submit" className="button button--warning">
          {t("calendar.remove.submit")}
        </button>
        <Link to={`/quan-tri/ngay-nghi?nam=${holiday.date.slice(0, 4)}`}>{t("form.cancel")}</Link>
      </Form>
    </div>
  );
}

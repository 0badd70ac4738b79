import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, PageTitle, SelectField, TextField, useValidatedForm } from "~/components/form";
import { SuccessBanner } from "~/components/summary";
import type { MessageKey } from "~/i18n";
import { formatDate, parseDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { addHoliday, clampYear, listHolidays } from "~/models/calendar.server";
import { holidaySchema } from "~/schemas/proposals";
import { attempt, formFailure, formValues, guard, zodFieldErrors } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { GetForm, Link } from "~/components/link";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const url = new URL(request.url);
  const thisYear = Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(ctx.now()));
  const year = clampYear(Number(url.searchParams.get("nam")), thisYear);
  const calendar = guard(() => listHolidays(ctx, year));
  const added = parseDate(url.searchParams.get("da-them") ?? "");
  const removed = parseDate(url.searchParams.get("da-xoa") ?? "");
  return json({ calendar, added, removed });
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const { values } = await formValues(request);
  const parsed = holidaySchema.safeParse(values);
  if (!parsed.success) return formFailure(zodFieldErrors(parsed.error), values);
  const result = await attempt(() => addHoliday(ctx, values), values);
  if (!result.ok) return result.response;
  const { date } = result.value;
  return redirect(`/quan-tri/ngay-nghi?nam=${date.slice(0, 4)}&da-them=${date}`);
}

const weekday = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

export default function HolidayCalendar() {
  const { calendar, added, removed } = useLoaderData<typeof loader>();
  const t = useT();
  const form = useValidatedForm(holidaySchema, { defaults: { date: "", name: "" }, server: useActionData<typeof action>() });
  return (
    <>
      <PageTitle title={t("calendar.title")} hasErrors={form.hasErrors} />
      {added ? <SuccessBanner>{t("calendar.added", { date: formatDate(added) })}</SuccessBanner> : null}
      {removed ? <SuccessBanner>{t("calendar.removed", { date: formatDate(removed) })}</SuccessBanner> : null}
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <h1>{t("calendar.title")}</h1>
      <p className="lead">{t("calendar.lead")}</p>
      <GetForm className="inline-form">
        <SelectField name="nam" label={t("calendar.year")} options={calendar.years.map((y) => ({ value: String(y), label: String(y) }))} defaultValue={String(calendar.year)} />
        <button type="submit" className="button button--secondary">
          {t("calendar.show")}
        </button>
      </GetForm>
      <div className="table-wrap">
        <table>
          <caption>{t("calendar.caption", { year: calendar.year })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("calendar.col.date")}</th>
              <th scope="col">{t("calendar.col.weekday")}</th>
              <th scope="col">{t("calendar.col.name")}</th>
              <th scope="col">{t("calendar.col.actions")}</th>
            </tr>
          </thead>
          <tbody>
            {calendar.rows.map((h) => (
              <tr key={h.date}>
                <td>{formatDate(h.date)}</td>
                <td>{t(`calendar.weekday.${weekday(h.date)}` as MessageKey)}</td>
                <td>{h.name}</td>
                <td>
                  <Link to={`/quan-tri/ngay-nghi/${h.date}/xoa`}>
                    {t("calendar.remove.link")}
                    <span className="visually-hidden"> {formatDate(h.date)}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {calendar.rows.length === 0 ? <p>{t("calendar.none")}</p> : null}
      <section aria-labelledby="add-holiday" className="narrow">
        <h2 id="add-holiday">{t("calendar.add.title")}</h2>
        <Form method="post" noValidate onSubmit={form.onSubmit}>
          <TextField name="date" label={t("calendar.add.date")} hint={t("form.dateHint")} width="short" form={form} />
          <TextField name="name" label={t("calendar.add.name")} form={form} />
          <button type="submit" className="button">
            {t("calendar.add.submit")}
          </button>
        </Form>
      </section>
    </>
  );
}

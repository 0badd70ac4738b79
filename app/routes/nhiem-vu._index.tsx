import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TASK_AREAS, TASK_STATUSES } from "../../db/enums";
import { canAnywhere } from "~/auth/policy";
import { Checkbox, PageTitle, SelectField } from "~/components/form";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { Tag } from "~/components/summary";
import { areaLabels, Deadline, periodLabel, TaskStatusTag } from "~/components/task-parts";
import type { MessageKey } from "~/i18n";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listTasksForLeader, listTasksReachingMe, TASK_PAGE_SIZE } from "~/models/tasks.server";
import { AREA_SLUGS, MIN_YEAR, STATUS_SLUGS, taskFilters, type TaskView } from "~/schemas/task-filters";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { GetForm, Link } from "~/components/link";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireSession(request);
  const url = new URL(request.url);
  const filters = taskFilters(url.searchParams);
  const isLeader = canAnywhere(actor, "task.manage");
  const view: TaskView = filters.view === "da-giao" && !isLeader ? "den-to-chuc" : (filters.view ?? (isLeader ? "da-giao" : "den-to-chuc"));
  const page = pageFromUrl(url);
  const list = guard(() =>
    view === "da-giao" ? listTasksForLeader(ctx, { ...filters, page }) : listTasksReachingMe(ctx, { ...filters, mine: view === "cua-toi", page }),
  );
  return json({ view, isLeader, filters, list, thisYear: new Date().getFullYear() });
}

const VIEW_LABELS: Record<TaskView, MessageKey> = { "cua-toi": "tasks.view.mine", "den-to-chuc": "tasks.view.reaching", "da-giao": "tasks.view.posted" };
const VIEW_CAPTIONS: Record<TaskView, MessageKey> = { "cua-toi": "tasks.caption.mine", "den-to-chuc": "tasks.caption.reaching", "da-giao": "tasks.caption.posted" };

export default function TasksIndex() {
  const { view, isLeader, filters, list, thisYear } = useLoaderData<typeof loader>();
  const t = useT();
  const views: TaskView[] = isLeader ? ["cua-toi", "den-to-chuc", "da-giao"] : ["cua-toi", "den-to-chuc"];
  const statuses = view === "da-giao" ? TASK_STATUSES : TASK_STATUSES.filter((s) => s !== "draft");
  const years = Array.from({ length: thisYear + 2 - MIN_YEAR }, (_, i) => thisYear + 1 - i);
  return (
    <>
      <PageTitle title={`${t(VIEW_LABELS[view])} — ${t("tasks.list.title")}`} />
      <h1>{t("tasks.list.title")}</h1>
      <p className="lead">{t("tasks.list.lead")}</p>
      <nav aria-label={t("tasks.view.label")}>
        <ul className="task-tabs">
          {views.map((v) => (
            <li key={v}>
              <Link to={`/nhiem-vu?xem=${v}`} aria-current={v === view ? "page" : undefined}>
                {t(VIEW_LABELS[v])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {isLeader ? (
        <p>
          <Link to="/nhiem-vu/moi" className="button">
            {t("tasks.create.link")}
          </Link>
        </p>
      ) : null}
      <div className="layout-sidebar">
        <aside className="filters" aria-labelledby="task-filters-title">
          <h2 id="task-filters-title" className="filters__title">
            {t("tasks.filter.heading")}
          </h2>
          <GetForm action="/nhiem-vu">
            <input type="hidden" name="xem" value={view} />
            <SelectField
              name="trang-thai"
              label={t("tasks.filter.status")}
              placeholder={t("tasks.filter.any")}
              options={statuses.map((s) => ({ value: STATUS_SLUGS[s], label: t(`tasks.status.${s}` as MessageKey) }))}
              defaultValue={filters.status ? STATUS_SLUGS[filters.status] : ""}
            />
            <SelectField
              name="linh-vuc"
              label={t("tasks.filter.area")}
              placeholder={t("tasks.filter.any")}
              options={TASK_AREAS.map((a) => ({ value: AREA_SLUGS[a], label: t(`tasks.area.${a}` as MessageKey) }))}
              defaultValue={filters.area ? AREA_SLUGS[filters.area] : ""}
            />
            <SelectField
              name="nam"
              label={t("tasks.filter.year")}
              placeholder={t("tasks.filter.any")}
              options={years.map((y) => ({ value: String(y), label: String(y) }))}
              defaultValue={filters.year ? String(filters.year) : ""}
            />
            <SelectField
              name="quy"
              label={t("tasks.filter.quarter")}
              placeholder={t("tasks.filter.any")}
              options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t(`tasks.quarter.${q}` as MessageKey) }))}
              defaultValue={filters.quarter ? String(filters.quarter) : ""}
            />
            <Checkbox name="han" value="sap-den" label={t("tasks.filter.nearDue")} defaultChecked={filters.nearDue} />
            <div className="button-group">
              <button type="submit" className="button">
                {t("form.filter")}
              </button>
              <Link to={`/nhiem-vu?xem=${view}`}>{t("form.clearFilters")}</Link>
            </div>
          </GetForm>
        </aside>
        <section aria-labelledby="task-table-caption">
          <div className="table-wrap">
            <table className="task-table">
              <caption id="task-table-caption">{t(VIEW_CAPTIONS[view])}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("tasks.col.title")}</th>
                  <th scope="col">{t("tasks.col.org")}</th>
                  <th scope="col">{t("tasks.col.area")}</th>
                  <th scope="col">{t("tasks.col.period")}</th>
                  <th scope="col">{t("tasks.col.deadline")}</th>
                  <th scope="col">{t("tasks.col.status")}</th>
                  {view === "da-giao" ? (
                    <th scope="col" className="num">
                      {t("tasks.col.registrations")}
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {list.rows.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/nhiem-vu/${r.id}`}>{r.title}</Link>
                      {r.assignedToMe && view !== "cua-toi" ? (
                        <>
                          {" "}
                          <Tag>{t("tasks.assignedToMe")}</Tag>
                        </>
                      ) : null}
                    </td>
                    <td data-label={t("tasks.col.org")}>{r.orgName}</td>
                    <td data-label={t("tasks.col.area")}>{areaLabels(t, r.areas)}</td>
                    <td data-label={t("tasks.col.period")}>{periodLabel(t, r.periodYear, r.periodQuarter)}</td>
                    <td data-label={t("tasks.col.deadline")}>
                      <Deadline deadline={r.deadline} due={r.due} />
                    </td>
                    <td data-label={t("tasks.col.status")}>
                      <TaskStatusTag status={r.status} />
                    </td>
                    {view === "da-giao" ? (
                      <td data-label={t("tasks.col.registrations")} className="num">
                        {formatNumber(r.registrations ?? 0)}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {list.rows.length === 0 ? <p>{t("tasks.none")}</p> : null}
          <Pagination page={list.page} total={list.total} pageSize={TASK_PAGE_SIZE} />
        </section>
      </div>
    </>
  );
}

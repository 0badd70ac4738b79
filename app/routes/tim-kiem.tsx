// /tim-kiem: one search box over the tasks and initiatives the actor may see, with filters in a
// side panel. A plain GET form: works without JavaScript, and every result page has its own URL.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { TASK_AREAS, type InitiativeStatus, type TaskStatus } from "../../db/enums";
import { PageTitle, SelectField, TextField } from "~/components/form";
import { InitiativeStatusTag, TaskStatusTag } from "~/components/status-tags";
import { Pagination } from "~/components/pagination";
import { Tag } from "~/components/summary";
import type { MessageKey } from "~/i18n";
import { formatDate, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { search, SEARCH_CAP, SEARCH_PAGE_SIZE, type SearchRow } from "~/models/search.server";
import { MIN_YEAR, AREA_SLUGS } from "~/schemas/task-filters";
import { SEARCH_STATUS_SLUGS, SEARCH_STATUSES, SEARCH_TYPES, searchParams, TYPE_SLUGS, isTaskStatus } from "~/schemas/search";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { GetForm, Link } from "~/components/link";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const params = searchParams(new URL(request.url).searchParams);
  const result = guard(() => search(ctx, params));
  return json({ params, result, thisYear: new Date().getFullYear() });
}

function ResultItem({ row }: { row: SearchRow }) {
  const t = useT();
  const kind = row.type === "task" ? t("search.kind.task") : t(`initiatives.kind.${row.kind}` as MessageKey);
  return (
    <li className="search-result">
      <h3 className="search-result__title">
        <Link to={row.href}>{row.title || t("search.untitled")}</Link>
      </h3>
      <p className="search-result__tags">
        <Tag tone="grey">{kind}</Tag>{" "}
        {row.type === "task" ? <TaskStatusTag status={row.status as TaskStatus} /> : <InitiativeStatusTag status={row.status as InitiativeStatus} />}
      </p>
      <p className="search-result__meta">
        {row.number ? (
          <>
            {t("search.number")}: <span className="mono">{row.number}</span> ·{" "}
          </>
        ) : null}
        {t(row.type === "task" ? "search.org.task" : "search.org.initiative")}: {row.orgName}
        {row.date ? (
          <>
            {" "}
            · {t("search.date")}: {formatDate(row.date)}
          </>
        ) : null}
      </p>
    </li>
  );
}

export default function SearchPage() {
  const { params, result, thisYear } = useLoaderData<typeof loader>();
  const t = useT();
  const years = Array.from({ length: thisYear + 2 - MIN_YEAR }, (_, i) => thisYear + 1 - i);
  const hasQuery = result.tokens.length > 0;
  const statusLabel = (s: (typeof SEARCH_STATUSES)[number]) =>
    isTaskStatus(s) && s !== "draft" ? t(`tasks.status.${s}` as MessageKey) : t(`initiatives.status.${s}` as MessageKey);
  return (
    <>
      <PageTitle title={hasQuery ? t("search.titleWithQuery", { q: params.q }) : t("search.title")} />
      <h1>{t("search.title")}</h1>
      <p className="lead">{t("search.lead")}</p>
      <GetForm action="/tim-kiem" role="search" className="search-form">
        <TextField name="q" label={t("search.box")} hint={t("search.box.hint")} defaultValue={params.q} type="search" />
        {/* The filters travel with a new query (the side panel's form carries the query back). */}
        {params.type !== "all" ? <input type="hidden" name="loai" value={TYPE_SLUGS[params.type]} /> : null}
        {params.status ? <input type="hidden" name="trang-thai" value={SEARCH_STATUS_SLUGS[params.status]} /> : null}
        {params.area ? <input type="hidden" name="linh-vuc" value={AREA_SLUGS[params.area]} /> : null}
        {params.year ? <input type="hidden" name="nam" value={params.year} /> : null}
        <button type="submit" className="button">
          {t("search.submit")}
        </button>
      </GetForm>
      <div className="layout-sidebar">
        <aside className="filters" aria-labelledby="search-filters-title">
          <h2 id="search-filters-title" className="filters__title">
            {t("search.filter.heading")}
          </h2>
          <GetForm action="/tim-kiem">
            <input type="hidden" name="q" value={params.q} />
            <SelectField
              name="loai"
              label={t("search.filter.type")}
              options={SEARCH_TYPES.map((type) => ({ value: TYPE_SLUGS[type], label: t(`search.type.${type}` as MessageKey) }))}
              defaultValue={TYPE_SLUGS[params.type]}
            />
            <SelectField
              name="trang-thai"
              label={t("search.filter.status")}
              placeholder={t("search.filter.any")}
              options={SEARCH_STATUSES.map((s) => ({ value: SEARCH_STATUS_SLUGS[s], label: statusLabel(s) }))}
              defaultValue={params.status ? SEARCH_STATUS_SLUGS[params.status] : ""}
            />
            <SelectField
              name="linh-vuc"
              label={t("search.filter.area")}
              placeholder={t("search.filter.any")}
              options={TASK_AREAS.map((a) => ({ value: AREA_SLUGS[a], label: t(`tasks.area.${a}` as MessageKey) }))}
              defaultValue={params.area ? AREA_SLUGS[params.area] : ""}
            />
            <SelectField
              name="nam"
              label={t("search.filter.year")}
              placeholder={t("search.filter.any")}
              options={years.map((y) => ({ value: String(y), label: String(y) }))}
              defaultValue={params.year ? String(params.year) : ""}
            />
            <div className="button-group">
              <button type="submit" className="button">
                {t("form.filter")}
              </button>
              <Link to={params.q ? `/tim-kiem?q=${encodeURIComponent(params.q)}` : "/tim-kiem"}>{t("form.clearFilters")}</Link>
            </div>
          </GetForm>
        </aside>
        <section aria-labelledby="search-results-title">
          {!hasQuery ? (
            <p id="search-results-title">{t("search.hint")}</p>
          ) : result.total === 0 ? (
            <div className="panel">
              <h2 id="search-results-title">{t("search.none", { q: params.q })}</h2>
              <p>{t("search.none.hint")}</p>
            </div>
          ) : (
            <>
              <h2 id="search-results-title" className="search-count">
                {result.capped ? t("search.foundMore", { count: formatNumber(SEARCH_CAP) }) : t("search.found", { count: formatNumber(result.total) })}
              </h2>
              {result.capped ? <p className="caption">{t("search.foundMore.hint", { count: formatNumber(SEARCH_CAP) })}</p> : null}
              <ol className="search-results" aria-label={t("search.caption", { q: params.q })}>
                {result.rows.map((row) => (
                  <ResultItem key={`${row.type}-${row.id}`} row={row} />
                ))}
              </ol>
              <Pagination page={result.page} total={result.total} pageSize={SEARCH_PAGE_SIZE} />
            </>
          )}
        </section>
      </div>
    </>
  );
}

// The filters of the receiving leaders' inbox, in a side panel: a plain GET form, so that they
// work without JavaScript and every filtered view has its own address.
import { INITIATIVE_STATUSES, TASK_AREAS } from "../../db/enums";
import { fieldId, SelectField, TextField } from "~/components/form";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { OrgSuggestions } from "~/components/org-suggest";
import { SORT_SLUGS, STATUS_SLUGS, type InitiativeFilters } from "~/schemas/initiative-filters";
import { INBOX_SORTS } from "~/schemas/initiative-sections";
import { AREA_SLUGS, MIN_YEAR } from "~/schemas/task-filters";
import { GetForm, Link } from "~/components/link";

type Inbox = {
  task: { id: number; title: string } | null;
  org: { id: number; code: string; name: string } | null;
};

export function InboxFilters({ filters, inbox, thisYear }: { filters: InitiativeFilters; inbox: Inbox; thisYear: number }) {
  const t = useT();
  const years = Array.from({ length: thisYear + 1 - MIN_YEAR }, (_, i) => thisYear - i);
  const any = t("tasks.filter.any");
  return (
    <aside className="filters" aria-labelledby="inbox-filters-title">
      <h2 id="inbox-filters-title" className="filters__title">
        {t("initiatives.filter.heading")}
      </h2>
      <GetForm action="/sang-kien">
        <input type="hidden" name="xem" value="tiep-nhan" />
        {inbox.task ? (
          <p className="caption">
            {t("initiatives.filter.task", { title: inbox.task.title })} <input type="hidden" name="nhiem-vu" value={inbox.task.id} />
          </p>
        ) : null}
        <SelectField
          name="trang-thai"
          label={t("initiatives.filter.status")}
          placeholder={any}
          options={INITIATIVE_STATUSES.filter((s) => s !== "draft").map((s) => ({ value: STATUS_SLUGS[s], label: t(`initiatives.status.${s}` as MessageKey) }))}
          defaultValue={filters.status ? STATUS_SLUGS[filters.status] : ""}
        />
        <SelectField
          name="linh-vuc"
          label={t("initiatives.filter.area")}
          placeholder={any}
          options={TASK_AREAS.map((a) => ({ value: AREA_SLUGS[a], label: t(`tasks.area.${a}` as MessageKey) }))}
          defaultValue={filters.area ? AREA_SLUGS[filters.area] : ""}
        />
        <TextField
          name="to-chuc"
          label={t("initiatives.filter.org")}
          hint={t("initiatives.filter.orgHint")}
          defaultValue={filters.org ?? ""}
          error={filters.org && !inbox.org ? t("initiatives.filter.orgNotFound") : undefined}
          autoComplete="off"
        />
        <OrgSuggestions inputId={fieldId("to-chuc")} scope="tiep-nhan" />
        <SelectField
          name="nam"
          label={t("initiatives.filter.year")}
          placeholder={any}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
          defaultValue={filters.year ? String(filters.year) : ""}
        />
        <SelectField
          name="quy"
          label={t("tasks.filter.quarter")}
          placeholder={any}
          options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: t(`tasks.quarter.${q}` as MessageKey) }))}
          defaultValue={filters.quarter ? String(filters.quarter) : ""}
        />
        <SelectField
          name="sap-xep"
          label={t("initiatives.filter.sort")}
          options={INBOX_SORTS.map((s) => ({ value: SORT_SLUGS[s], label: t(`initiatives.sort.${s}` as MessageKey) }))}
          defaultValue={SORT_SLUGS[filters.sort ?? "newest"]}
        />
        <div className="button-group">
          <button type="submit" className="button">
            {t("form.filter")}
          </button>
          <Link to="/sang-kien?xem=tiep-nhan">{t("form.clearFilters")}</Link>
        </div>
      </GetForm>
    </aside>
  );
}

// The ledger's filters: a GET form in the side panel, so that it works without JavaScript
// and every filtered view has its own address.
import { Checkbox, SelectField, TextField } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { actionLabel, codeOptions, entityLabel, LEDGER_ACTIONS, LEDGER_ENTITIES } from "./ledger-labels";
import { GetForm, Link } from "~/components/link";

export function LedgerFilters({ values, errors }: { values: Record<string, string>; errors: Record<string, string> }) {
  const t = useT();
  return (
    <aside className="filters" aria-labelledby="ledger-filters-title">
      <h2 id="ledger-filters-title">{t("ledger.filters")}</h2>
      <GetForm action="/so-cai">
        {values["ma-nguoi"] ? <input type="hidden" name="ma-nguoi" value={values["ma-nguoi"]} /> : null}
        <TextField name="nguoi" label={t("ledger.filter.actor")} hint={t("ledger.filter.actor.hint")} defaultValue={values.nguoi ?? ""} error={errors.nguoi} />
        <TextField name="to-chuc" label={t("ledger.filter.org")} hint={t("ledger.filter.org.hint")} defaultValue={values["to-chuc"] ?? ""} error={errors["to-chuc"]} />
        <Checkbox name="chi-to-chuc-nay" value="1" label={t("ledger.filter.onlyThisOrg")} defaultChecked={!!values["chi-to-chuc-nay"]} />
        <SelectField
          name="doi-tuong"
          label={t("ledger.filter.entity")}
          placeholder={t("ledger.filter.any")}
          options={codeOptions(LEDGER_ENTITIES, values["doi-tuong"], (c) => entityLabel(t, c))}
          defaultValue={values["doi-tuong"] ?? ""}
          error={errors["doi-tuong"]}
        />
        <TextField name="ma-doi-tuong" label={t("ledger.filter.entityId")} defaultValue={values["ma-doi-tuong"] ?? ""} error={errors["ma-doi-tuong"]} width="short" />
        <SelectField
          name="thao-tac"
          label={t("ledger.filter.action")}
          placeholder={t("ledger.filter.any")}
          options={codeOptions(LEDGER_ACTIONS, values["thao-tac"], (c) => actionLabel(t, c))}
          defaultValue={values["thao-tac"] ?? ""}
          error={errors["thao-tac"]}
        />
        <TextField name="tu-ngay" label={t("ledger.filter.from")} hint={t("ledger.filter.dateHint")} defaultValue={values["tu-ngay"] ?? ""} error={errors["tu-ngay"]} width="short" />
        <TextField name="den-ngay" label={t("ledger.filter.to")} hint={t("ledger.filter.dateHint")} defaultValue={values["den-ngay"] ?? ""} error={errors["den-ngay"]} width="short" />
        <div className="button-group">
          <button type="submit" className="button">
            {t("form.filter")}
          </button>
          <Link to="/so-cai">{t("form.clearFilters")}</Link>
        </div>
      </GetForm>
    </aside>
  );
}

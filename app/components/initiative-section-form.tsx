// The fields of one section of the application form. Ordinary sections are react-hook-form
// fields over the section's zod schema; the authors section is a list of rows that the server
// validates (rows are added and removed by buttons that post, so it works without JavaScript).
import { Checkbox, ErrorSummary, TextArea, TextField, fieldId, type FormApi } from "~/components/form";
import { SECTION_FIELDS, fieldLabel, isOptional } from "~/components/initiative-parts";
import { translateMaybe, type MessageKey } from "~/i18n";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { formatShare, parseShare, type Section } from "~/schemas/initiative-sections";

export function SectionFields({ section, form }: { section: Exclude<Section, "authors">; form: FormApi }) {
  const t = useT();
  return (
    <>
      {SECTION_FIELDS[section].map((spec) => {
        const label = fieldLabel(t, section, spec.name);
        const optional = isOptional(section, spec.name);
        if (spec.kind === "checkbox") return <Checkbox key={spec.name} name={spec.name} label={label} form={form} />;
        if (spec.kind === "textarea") return <TextArea key={spec.name} name={spec.name} label={label} optional={optional} rows={6} form={form} />;
        return (
          <TextField
            key={spec.name}
            name={spec.name}
            label={label}
            optional={optional}
            hint={spec.kind === "date" ? t("form.dateHint") : undefined}
            width={spec.kind === "date" ? "short" : undefined}
            inputMode={spec.kind === "date" ? "numeric" : undefined}
            form={form}
          />
        );
      })}
    </>
  );
}

type AuthorsProps = {
  /** The rows as flat form values ("authors.0.share" …). */
  values: Record<string, string>;
  errors: Record<string, string>;
  rows: number;
  creatorId: number;
};

/** The authors rows: members of the portal by username (their record fills the rest), outside
 * people by name, workplace and title; each with a contribution share. */
export function AuthorsFields({ values, errors, rows, creatorId }: AuthorsProps) {
  const t = useT();
  const translated = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, translateMaybe(t, v)]));
  const shares = Array.from({ length: rows }, (_, i) => parseShare(values[`authors.${i}.share`] ?? ""));
  const total = shares.reduce<number>((s, v) => s + (v ?? 0), 0);
  const field = (i: number, name: string, opts: { optional?: boolean; hint?: string; date?: boolean; short?: boolean } = {}) => {
    const key = `authors.${i}.${name}`;
    return (
      <TextField
        name={key}
        label={t(`initiatives.author.${name}` as MessageKey)}
        hint={opts.hint ?? (opts.date ? t("form.dateHint") : undefined)}
        optional={opts.optional}
        width={opts.short || opts.date ? "short" : undefined}
        inputMode={opts.date ? "numeric" : undefined}
        defaultValue={values[key] ?? ""}
        error={translated[key]}
        autoComplete="off"
      />
    );
  };
  return (
    <>
      <ErrorSummary errors={translated} />
      {translated.authors ? (
        <p className="field__error" id={fieldId("authors")}>
          {translated.authors}
        </p>
      ) : null}
      {Array.from({ length: rows }, (_, i) => {
        const personId = Number(values[`authors.${i}.personId`] ?? "") || null;
        const name = values[`authors.${i}.fullName`] ?? "";
        return (
          <fieldset key={i} className="author-row">
            <legend>{t("initiatives.author.legend", { n: i + 1 })}</legend>
            {personId ? (
              <>
                <input type="hidden" name={`authors.${i}.personId`} value={personId} />
                {["fullName", "workplace", "jobTitle", "dateOfBirth"].map((k) => (
                  <input key={k} type="hidden" name={`authors.${i}.${k}`} value={values[`authors.${i}.${k}`] ?? ""} />
                ))}
                <p className="author-row__member">
                  <strong>{name}</strong>
                  <br />
                  {[values[`authors.${i}.jobTitle`], values[`authors.${i}.workplace`]].filter(Boolean).join(", ")}
                </p>
              </>
            ) : (
              <>
                {field(i, "username", { optional: true, hint: t("initiatives.author.usernameHint") })}
                <p className="caption">{t("initiatives.author.outsideLead")}</p>
                {field(i, "fullName")}
                {field(i, "dateOfBirth", { optional: true, date: true })}
                {field(i, "workplace", { optional: true })}
                {field(i, "jobTitle", { optional: true })}
              </>
            )}
            {field(i, "qualification", { optional: true })}
            {field(i, "share", { short: true, hint: t("initiatives.author.share.hint") })}
            {personId !== creatorId ? (
              <button type="submit" name="intent" value={`remove-${i}`} className="link-button" formNoValidate>
                {t("initiatives.author.remove", { n: i + 1 })}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <div className={translated.shares ? "field field--error" : "field"} id={fieldId("shares")}>
        {translated.shares ? <p className="field__error">{translated.shares}</p> : null}
        <p>{t("initiatives.author.total", { total: formatShare(total), count: formatNumber(rows) })}</p>
      </div>
    </>
  );
}

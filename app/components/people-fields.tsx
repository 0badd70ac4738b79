// Pieces of the people administration pages: the person's fields (create and edit), the
// organization field (code or name, with suggestions as it is typed in),
// and the account status tag.
import { Checkbox, FieldFrame, inputProps, TextField, type FormApi } from "~/components/form";
import { Tag } from "~/components/summary";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { OrgSuggestions } from "~/components/org-suggest";
import type { OrgScope } from "~/schemas/org-suggest";

export type AccountStatus = "none" | "noPassword" | "mustChange" | "locked" | "active" | "inactive";

const TONES: Record<AccountStatus, "blue" | "grey" | "red" | "green"> = {
  none: "grey",
  noPassword: "grey",
  mustChange: "blue",
  locked: "red",
  active: "green",
  inactive: "grey",
};

export function AccountTag({ status }: { status: AccountStatus }) {
  const t = useT();
  return <Tag tone={TONES[status]}>{t(`people.status.${status}` as MessageKey)}</Tag>;
}

export type OrgOption = { code: string; name: string };

/** A text field for an organization code or name, suggesting the ones of `scope` as it is typed in. */
export function OrgField({ name, label, hint, form, scope, candidates }: {
  name: string;
  label: string;
  hint: string;
  form: FormApi;
  scope: OrgScope;
  /** Organizations matching an ambiguous entry, listed under the field to pick a code. */
  candidates?: OrgOption[];
}) {
  const t = useT();
  const { error, attrs } = inputProps({ name, label, hint, form });
  const id = attrs.id;
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error}>
      <input className="input" type="text" autoComplete="off" {...attrs} />
      <OrgSuggestions inputId={id} scope={scope} />
      {candidates?.length ? (
        <div className="org-candidates">
          <p>{t("people.org.candidates")}</p>
          <ul>
            {candidates.map((o) => (
              <li key={o.code}>
                <span className="mono">{o.code}</span> — {o.name}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </FieldFrame>
  );
}

/** The person's own fields, shared by the create and edit forms. */
export function PersonFields({ form, candidates }: { form: FormApi; candidates?: OrgOption[] }) {
  const t = useT();
  return (
    <>
      <fieldset>
        <legend>{t("people.form.name")}</legend>
        <TextField name="familyName" label={t("people.field.familyName")} autoComplete="off" form={form} />
        <TextField name="middleName" label={t("people.field.middleName")} optional autoComplete="off" form={form} />
        <TextField name="givenName" label={t("people.field.givenName")} hint={t("people.field.givenName.hint")} autoComplete="off" form={form} />
      </fieldset>
      <TextField name="dateOfBirth" label={t("people.field.dateOfBirth")} hint={t("form.dateHint")} optional width="short" inputMode="numeric" form={form} />
      <TextField name="position" label={t("people.field.position")} optional form={form} />
      <OrgField name="org" label={t("people.field.org")} hint={t("people.field.org.hint")} form={form} scope="can-bo" candidates={candidates} />
      <Checkbox name="partyMember" label={t("people.field.partyMember")} form={form} />
      <TextField name="email" type="email" label={t("people.field.email")} optional autoComplete="off" inputMode="email" form={form} />
    </>
  );
}

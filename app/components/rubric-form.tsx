// The score sheet form (create and edit): organization (on create), name, up to five criteria
// with maximum and guidance, and the thresholds per recognition level.
import { ErrorSummary, Form, PageTitle, SelectField, TextArea, TextField, useValidatedForm, type ServerForm } from "~/components/form";
import { useT } from "~/i18n/use-t";
import { critField, CRITERION_ROWS, rubricCreateSchema, rubricSchema } from "~/schemas/councils";
import { Link } from "~/components/link";

export function RubricForm(props: {
  title: string;
  lead?: string;
  submitLabel: string;
  orgs: { id: number; code: string; name: string }[] | null;
  defaults: Record<string, unknown>;
  server: ServerForm;
}) {
  const t = useT();
  const form = useValidatedForm(props.orgs ? rubricCreateSchema : rubricSchema, { defaults: props.defaults, server: props.server });
  return (
    <div className="narrow">
      <PageTitle title={props.title} hasErrors={form.hasErrors} />
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <p>
        <Link to="/danh-gia/phieu-cham">‹ {t("councils.rubric.back")}</Link>
      </p>
      <h1>{props.title}</h1>
      {props.lead ? <p className="lead">{props.lead}</p> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        {props.orgs ? (
          <SelectField
            name="orgId"
            label={t("councils.rubric.field.org")}
            options={props.orgs.map((o) => ({ value: String(o.id), label: `${o.name} (${o.code})` }))}
            placeholder={props.orgs.length > 1 ? "" : undefined}
            form={form}
          />
        ) : null}
        <TextField name="name" label={t("councils.rubric.field.name")} autoComplete="off" form={form} />
        {CRITERION_ROWS.map((row) => (
          <fieldset className="field rubric-criterion" key={row}>
            <legend>{t("councils.rubric.criterion", { n: row })}</legend>
            <TextField
              name={critField(row, "name")}
              label={t("councils.rubric.field.critName")}
              hint={row === 4 ? t("councils.rubric.criterion.hint4") : row > 1 ? t("councils.rubric.criterion.hint") : undefined}
              autoComplete="off"
              form={form}
            />
            <TextField name={critField(row, "max")} label={t("councils.rubric.field.critMax")} width="short" inputMode="numeric" autoComplete="off" form={form} />
            <TextArea name={critField(row, "guidance")} label={t("councils.rubric.field.critGuidance")} optional rows={2} form={form} />
          </fieldset>
        ))}
        <fieldset className="field">
          <legend>{t("councils.rubric.thresholds")}</legend>
          <p className="field__hint">{t("councils.rubric.thresholds.hint")}</p>
          <TextField name="thresholdUnit" label={t("councils.rubric.field.thresholdUnit")} width="short" inputMode="numeric" autoComplete="off" form={form} />
          <TextField name="thresholdWard" label={t("councils.rubric.field.thresholdWard")} width="short" inputMode="numeric" autoComplete="off" form={form} />
          <TextField name="thresholdCity" label={t("councils.rubric.field.thresholdCity")} width="short" inputMode="numeric" autoComplete="off" form={form} />
        </fieldset>
        <button type="submit" className="button">
          {props.submitLabel}
        </button>
      </Form>
    </div>
  );
}

// Pieces of the decision pages: the score summary, the fields of a decision (record and
// correct), and the preview of the decision in the party layout.
import type { DecisionOutcome, RecognitionLevel } from "../../db/enums";
import { ErrorSummary, Form, PageTitle, RadioGroup, TextArea, TextField, useValidatedForm, type ServerForm } from "~/components/form";
import { formatNumber } from "~/i18n/format";
import type { Translate } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { decisionSchema } from "~/schemas/decisions";

export const halfToPoints = (half: number | null) => (half === null ? "—" : formatNumber(Math.round((half / 2) * 100) / 100));
export const levelLabel = (t: Translate, level: RecognitionLevel | null) => (level ? t(`decisions.level.${level}`) : "");
export const outcomeLabel = (t: Translate, outcome: DecisionOutcome, level: RecognitionLevel | null) =>
  outcome === "recognised" ? `${t("decisions.outcome.recognised")} ${levelLabel(t, level)}` : t("decisions.outcome.not_recognised");

type Full = { assigned: number; submitted: number; meanHalf: number | null; medianHalf: number | null; spreadHalf: number | null };

/** The council's view of an item's scores (no individual scores). */
export function ScoreSummary({ summary, max, thresholds, spreadLimit }: { summary: Full; max: number; thresholds: { unit: number; ward: number; city: number }; spreadLimit: number }) {
  const t = useT();
  const flagged = summary.spreadHalf !== null && summary.spreadHalf / 2 > spreadLimit;
  return (
    <>
      <dl className="summary">
        <div className="summary__row">
          <dt>{t("decisions.stat.evaluators")}</dt>
          <dd>{`${summary.submitted} / ${summary.assigned}`}</dd>
        </div>
        <div className="summary__row">
          <dt>{t("decisions.stat.mean")}</dt>
          <dd>{t("decisions.stat.outOf", { value: halfToPoints(summary.meanHalf), max })}</dd>
        </div>
        <div className="summary__row">
          <dt>{t("decisions.stat.median")}</dt>
          <dd>{halfToPoints(summary.medianHalf)}</dd>
        </div>
        <div className="summary__row">
          <dt>{t("decisions.stat.spread")}</dt>
          <dd>{halfToPoints(summary.spreadHalf)}</dd>
        </div>
        <div className="summary__row">
          <dt>{t("decisions.stat.thresholds")}</dt>
          <dd>{t("decisions.stat.thresholdsValue", { ...thresholds, max })}</dd>
        </div>
      </dl>
      {flagged ? (
        <div className="banner banner--warning" role="note">
          <p>{t("decisions.record.spreadFlag", { spread: halfToPoints(summary.spreadHalf), limit: spreadLimit })}</p>
        </div>
      ) : null}
    </>
  );
}

/** The decision's fields, posted as a plain form (works without JavaScript). */
/** The page's <title> comes from here, so that it says "Lỗi: " for the browser's checks too. */
export function DecisionFields({ server, defaults, submit, title }: { server: ServerForm; defaults: Record<string, string>; submit: string; title: string }) {
  const t = useT();
  const form = useValidatedForm(decisionSchema, { defaults, server });
  return (
    <>
      <PageTitle title={title} hasErrors={form.hasErrors} />
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <RadioGroup
          name="outcome"
          legend={t("decisions.field.outcome")}
          form={form}
          options={[
            { value: "recognised", label: t("decisions.outcome.recognised") },
            { value: "not_recognised", label: t("decisions.outcome.not_recognised") },
          ]}
        />
        <RadioGroup
          name="level"
          legend={t("decisions.field.level")}
          form={form}
          options={(["unit", "ward", "city"] as const).map((l) => ({ value: l, label: t(`decisions.level.${l}`) }))}
        />
        <TextArea name="reason" label={t("decisions.field.reason")} hint={t("decisions.field.reasonHint")} form={form} rows={3} />
        <TextField name="number" label={t("decisions.field.number")} hint={t("decisions.field.numberHint")} form={form} width="short" />
        <TextField name="decidedOn" label={t("decisions.field.decidedOn")} hint={t("decisions.field.decidedOnHint")} form={form} width="short" inputMode="numeric" />
        <TextField name="signerName" label={t("decisions.field.signerName")} form={form} autoComplete="off" />
        <TextField name="signerTitle" label={t("decisions.field.signerTitle")} hint={t("decisions.field.signerTitleHint")} form={form} />
        <button type="submit" className="button">
          {submit}
        </button>
      </Form>
    </>
  );
}

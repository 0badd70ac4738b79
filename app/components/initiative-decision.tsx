// The confirmation step of a decision on a registration (accept, return for revision, withdraw):
// what it is about, what will happen, an optional or required reason, one clear button.
import { ErrorSummary, Form, PageTitle, TextArea, useValidatedForm, type ServerForm } from "~/components/form";
import { SummaryList } from "~/components/summary";
import type { MessageKey } from "~/i18n";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { optionalReasonSchema, reasonSchema } from "~/schemas/initiatives";
import { Link } from "~/components/link";

type Subject = { id: number; title: string; registrationNumber: string | null; kind: string; submittedAt: string | null; receivingOrg: { name: string } };

export function DecisionStep(props: {
  subject: Subject;
  title: MessageKey;
  lead: string;
  submit: MessageKey;
  reason: "required" | "optional" | "none";
  reasonLabel?: MessageKey;
  reasonHint?: MessageKey;
  warning?: boolean;
  server: ServerForm;
}) {
  const { subject, reason, server } = props;
  const t = useT();
  const form = useValidatedForm(reason === "required" ? reasonSchema : optionalReasonSchema, { defaults: { reason: "" }, server });
  return (
    <div className="narrow">
      <PageTitle title={t(props.title)} hasErrors={form.hasErrors} />
      <p className="no-print">
        <Link to={`/sang-kien/${subject.id}`}>‹ {t("initiatives.versions.back")}</Link>
      </p>
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <h1>{t(props.title)}</h1>
      <SummaryList
        rows={[
          { label: t("initiatives.detail.number"), value: <span className="mono">{subject.registrationNumber ?? "—"}</span> },
          { label: t("initiatives.detail.title"), value: subject.title },
          { label: t("initiatives.detail.kind"), value: t(`initiatives.kind.${subject.kind}` as MessageKey) },
          { label: t("initiatives.detail.org"), value: subject.receivingOrg.name },
          { label: t("initiatives.detail.submittedAt"), value: formatDateTime(subject.submittedAt) },
        ]}
      />
      <p className={props.warning ? "banner banner--warning" : undefined}>{props.lead}</p>
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        {reason !== "none" ? (
          <TextArea
            name="reason"
            label={t(props.reasonLabel ?? "initiatives.decide.reason")}
            hint={props.reasonHint ? t(props.reasonHint) : undefined}
            optional={reason === "optional"}
            rows={6}
            form={form}
          />
        ) : null}
        <div className="button-group">
          <button type="submit" className={props.warning ? "button button--warning" : "button"}>
            {t(props.submit)}
          </button>
          <Link to={`/sang-kien/${subject.id}`}>{t("form.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

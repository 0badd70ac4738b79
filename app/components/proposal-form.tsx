// The plan of an innovation proposal (new and edit pages): every field of Decree 73's plan;
// saving keeps a draft, submission is a separate check-your-answers step.
import { ErrorSummary, Form, PageTitle, TextArea, TextField, useValidatedForm, type ServerForm } from "~/components/form";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { PLAN_FIELDS, planSchema } from "~/schemas/proposals";

const HINTS: Partial<Record<(typeof PLAN_FIELDS)[number], MessageKey>> = { necessity: "proposals.hint.necessity", scope: "proposals.hint.scope" };

export function ProposalForm({ title, lead, defaults, server }: { title: string; lead?: string; defaults: Record<string, string>; server: ServerForm }) {
  const t = useT();
  const form = useValidatedForm(planSchema, { defaults, server });
  return (
    <div className="narrow">
      <PageTitle title={title} hasErrors={form.hasErrors} />
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <TextField name="title" label={t("proposals.field.title")} form={form} />
        {PLAN_FIELDS.map((f) => (
          <TextArea key={f} name={f} label={t(`proposals.field.${f}` as MessageKey)} hint={HINTS[f] ? t(HINTS[f]!) : undefined} rows={f === "duration" ? 2 : 5} form={form} />
        ))}
        <button type="submit" className="button">
          {t("proposals.save")}
        </button>
      </Form>
    </div>
  );
}

export const EMPTY_PLAN: Record<string, string> = Object.fromEntries(["title", ...PLAN_FIELDS].map((f) => [f, ""]));

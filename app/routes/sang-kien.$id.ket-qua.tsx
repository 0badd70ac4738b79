// Results of applying a recognised initiative: the authors report the measured benefit with
// evidence files; a leader of the receiving organization confirms or rejects each report with
// a note; only confirmed reports count. Three intents: report, add-file, decide.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, FieldFrame, Form, PageTitle, RadioGroup, TextArea, TextField, useValidatedForm, type ServerForm } from "~/components/form";
import { SuccessBanner, Tag } from "~/components/summary";
import { formatDate, formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { attachmentSettings } from "~/models/attachments-store.server";
import { addReportFile, decideReport, reportsFor, submitReport } from "~/models/result-reports.server";
import { reportDecisionSchema, reportSchema } from "~/schemas/decisions";
import { ACCEPT } from "~/utils/file-kinds";
import { idParam } from "~/utils/decisions-route.server";
import { attempt, badRequest, formFailure, formValues, guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { isMultipart, readUpload } from "~/utils/upload.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const page = guard(() => reportsFor(ctx, idParam(params.id)));
  return json({ ...page, saved: new URL(request.url).searchParams.get("da-luu") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idParam(params.id);
  const here = `/sang-kien/${id}/ket-qua`;
  if (!isMultipart(request)) {
    const { values } = await formValues(request);
    if (values.intent !== "decide") badRequest();
    const result = await attempt(() => decideReport(ctx, id, Number(values.reportId), values), values);
    if (!result.ok) return result.response;
    return redirect(`${here}?da-luu=decided`);
  }
  guard(() => reportsFor(ctx, id));
  const { maxBytes } = attachmentSettings();
  if (Number(request.headers.get("Content-Length") ?? 0) > 2 * maxBytes + 1024 * 1024) return formFailure({ file: "attachments.errors.tooLarge" }, {}, null, 413);
  const upload = await readUpload(request, { fileField: "file", maxBytes });
  const values = upload.values;
  if (upload.tooLarge) return formFailure({ file: "attachments.errors.tooLarge" }, values, null, 413);
  const file = upload.file ? { fileName: upload.file.name, bytes: upload.file.bytes } : null;
  if (values.intent === "report") {
    const result = await attempt(() => submitReport(ctx, id, values, file), values);
    if (!result.ok) return result.response;
    return redirect(`${here}?da-luu=report`);
  }
  if (values.intent === "add-file") {
    const result = await attempt(() => addReportFile(ctx, id, Number(values.reportId), file), values);
    if (!result.ok) return result.response;
    return redirect(`${here}?da-luu=file`);
  }
  badRequest();
}

const SAVED = { report: "decisions.report.saved", decided: "decisions.report.decided", file: "decisions.report.fileAdded" } as const;

/** The server's answer belongs to the form that was posted. */
function serverFor(server: ServerForm, intent: string, reportId?: number): ServerForm {
  const v = server?.values;
  if (!v || v.intent !== intent) return undefined;
  return reportId === undefined || v.reportId === String(reportId) ? server : undefined;
}

function FileField({ name, label, hint, error }: { name: string; label: string; hint: string; error?: string }) {
  return (
    <FieldFrame name={name} label={label} hint={hint} error={error} optional>
      <input className="input" type="file" id={`f-${name}`} name="file" accept={ACCEPT} aria-describedby={`f-${name}-hint`} />
    </FieldFrame>
  );
}

function NewReport({ server, mb }: { server: ServerForm; mb: string }) {
  const t = useT();
  const form = useValidatedForm(reportSchema, { defaults: { measuredBenefit: "", appliedFrom: "" }, server });
  const errors = Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [k, v.replace("{mb}", mb)]));
  return (
    <>
      <h2>{t("decisions.report.new")}</h2>
      <ErrorSummary errors={errors} formError={form.formError} summaryRef={form.summaryRef} />
      <Form method="post" encType="multipart/form-data" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="intent" value="report" />
        <TextArea name="measuredBenefit" label={t("decisions.report.measuredBenefit")} hint={t("decisions.report.measuredBenefitHint")} form={form} rows={5} />
        <TextField name="appliedFrom" label={t("decisions.report.appliedFrom")} hint={t("decisions.field.decidedOnHint")} form={form} width="short" optional />
        <FileField name="file" label={t("decisions.report.file")} hint={t("decisions.report.fileHint", { mb })} error={errors.file} />
        <button type="submit" className="button">
          {t("decisions.report.submit")}
        </button>
      </Form>
    </>
  );
}

function DecideForm({ reportId, server }: { reportId: number; server: ServerForm }) {
  const t = useT();
  const form = useValidatedForm(reportDecisionSchema, { defaults: { verdict: "", note: "" }, server });
  return (
    <>
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <Form method="post" noValidate onSubmit={form.onSubmit}>
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="reportId" value={reportId} />
        <RadioGroup
          name="verdict"
          legend={t("decisions.report.verdict")}
          form={form}
          options={[
            { value: "confirmed", label: t("decisions.report.verdict.confirmed") },
            { value: "rejected", label: t("decisions.report.verdict.rejected") },
          ]}
        />
        <TextArea name="note" label={t("decisions.report.note")} form={form} rows={3} />
        <button type="submit" className="button">
          {t("decisions.report.decide")}
        </button>
      </Form>
    </>
  );
}

export default function ResultReports() {
  const data = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>() as ServerForm;
  const t = useT();
  const mb = formatNumber(data.maxMb);
  const { initiative } = data;
  const saved = data.saved && data.saved in SAVED ? SAVED[data.saved as keyof typeof SAVED] : null;
  const tone = { submitted: "blue", confirmed: "green", rejected: "grey" } as const;
  return (
    <div className="narrow">
      <PageTitle title={t("decisions.report.title")} hasErrors={!!server} />
      {saved && !server ? <SuccessBanner>{t(saved)}</SuccessBanner> : null}
      <p className="caption">
        <Link to={`/sang-kien/${initiative.id}`}>{`${initiative.registrationNumber ?? ""} — ${initiative.title}`}</Link>
      </p>
      <h1>{t("decisions.report.title")}</h1>
      <p className="lead">{t("decisions.report.lead")}</p>
      <p>
        <strong>{t("decisions.report.counted", { count: data.confirmed })}</strong>
      </p>
      {data.reports.length === 0 ? <p>{t("decisions.report.none")}</p> : null}
      {data.reports.map((r) => (
        <section key={r.id} className="decision-card" aria-labelledby={`bc-${r.id}`}>
          <h2 id={`bc-${r.id}`}>
            {t("decisions.report.submittedAt", { at: formatDateTime(r.submittedAt) })} <Tag tone={tone[r.status]}>{t(`decisions.report.status.${r.status}`)}</Tag>
          </h2>
          <p className="preserve-lines">{r.measuredBenefit}</p>
          {r.appliedFrom ? <p>{`${t("decisions.report.appliedFrom")}: ${formatDate(r.appliedFrom)}`}</p> : null}
          {r.files.length ? (
            <>
              <h3>{t("decisions.report.files")}</h3>
              <ul>
                {r.files.map((f) => (
                  <li key={f.id}>
                    <a href={`/sang-kien/${initiative.id}/ket-qua/tep/${f.id}`}>{f.fileName}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {r.decisionNote ? <p>{`${t("decisions.report.note")}: ${r.decisionNote}`}</p> : null}
          {r.status === "submitted" && data.allowed.confirm ? <DecideForm reportId={r.id} server={serverFor(server, "decide", r.id)} /> : null}
          {r.status === "submitted" && data.allowed.report ? (
            <Form method="post" encType="multipart/form-data">
              <input type="hidden" name="intent" value="add-file" />
              <input type="hidden" name="reportId" value={r.id} />
              <FileField
                name={`file-${r.id}`}
                label={t("decisions.report.addFile")}
                hint={t("decisions.report.fileHint", { mb })}
                error={serverFor(server, "add-file", r.id)?.fieldErrors?.file ? t(serverFor(server, "add-file", r.id)!.fieldErrors!.file as never).replace("{mb}", mb) : undefined}
              />
              <button type="submit" className="button button--secondary">
                {t("decisions.report.addFile")}
              </button>
            </Form>
          ) : null}
        </section>
      ))}
      {data.allowed.report ? <NewReport server={serverFor(server, "report")} mb={mb} /> : null}
    </div>
  );
}

// "Tệp đính kèm", a section of the application form's task list: the draft's files with a
// download link and a "Gỡ" link each (removal is confirmed on a step of its own, ?go=ID), and an
// upload form. Only while the authors may edit the draft (else 404/409 from the model).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { AttachmentList } from "~/components/attachment-list";
import { ErrorSummary, FieldFrame, Form, inputProps, PageTitle, useValidatedForm } from "~/components/form";
import { SuccessBanner } from "~/components/summary";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { addAttachment, attachmentSettings, draftAttachments, removeAttachment } from "~/models/attachments.server";
import { idOf, removeSchema, uploadSchema } from "~/schemas/attachments";
import { ACCEPT } from "~/utils/file-kinds";
import { attempt, badRequest, formFailure, formValues, guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { isMultipart, readUpload } from "~/utils/upload.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const page = guard(() => draftAttachments(ctx, idOf(params.id)));
  const url = new URL(request.url);
  const go = url.searchParams.get("go");
  const removing = go === null ? null : page.files.find((f) => f.id === idOf(go));
  if (go !== null && !removing) throw json({ message: "not_found" }, { status: 404 });
  const uploaded = page.files.find((f) => f.id === idOf(url.searchParams.get("da-tai-len")))?.fileName ?? null;
  return json({ ...page, removing: removing ?? null, uploaded, removed: url.searchParams.has("da-go") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = idOf(params.id);
  const here = `/sang-kien/${id}/tep-dinh-kem`;
  if (!isMultipart(request)) {
    const { values } = await formValues(request);
    const parsed = removeSchema.safeParse(values);
    if (!parsed.success) badRequest();
    const result = await attempt(() => removeAttachment(ctx, id, parsed.data.attachmentId), {});
    if (!result.ok) return result.response;
    return redirect(`${here}?da-go`);
  }
  // Refuse before reading the body when the draft is not the actor's to edit (404/409/403).
  guard(() => draftAttachments(ctx, id));
  const { maxBytes } = attachmentSettings();
  const tooLarge = (values: Record<string, string>) => formFailure({ file: "attachments.errors.tooLarge" }, values, null, 413);
  // A body far beyond one file and a few fields is not read at all.
  if (Number(request.headers.get("Content-Length") ?? 0) > 2 * maxBytes + 1024 * 1024) return tooLarge({});
  const upload = await readUpload(request, { fileField: "file", maxBytes });
  if (upload.values.intent !== "upload") badRequest();
  if (upload.tooLarge) return tooLarge(upload.values);
  if (!upload.file) return formFailure({ file: "attachments.errors.required" }, upload.values);
  const file = upload.file;
  const result = await attempt(() => addAttachment(ctx, id, { fileName: file.name, bytes: file.bytes }), upload.values);
  if (!result.ok) return result.response;
  return redirect(`${here}?da-tai-len=${result.value.id}`);
}

export default function AttachmentsSection() {
  const { initiative, files, limits, removing, uploaded, removed } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const form = useValidatedForm(uploadSchema(limits.maxMb * 1024 * 1024), { defaults: {}, server });
  // Some messages name the limits: fill them in after translation.
  const mb = formatNumber(limits.maxMb);
  const fill = (s: string) => s.replace("{mb}", mb).replace("{max}", String(limits.maxFiles));
  const errors = Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [k, fill(v)]));
  const back = `/sang-kien/${initiative.id}`;
  const here = `${back}/tep-dinh-kem`;
  const subtitle = [initiative.registrationNumber, initiative.title].filter(Boolean).join(" — ");

  if (removing) {
    return (
      <div className="narrow">
        <PageTitle title={t("attachments.remove.title")} />
        {subtitle ? <p className="caption">{subtitle}</p> : null}
        <h1>{t("attachments.remove.title")}</h1>
        <p>{t("attachments.remove.question", { name: removing.fileName })}</p>
        <p>{t("attachments.remove.note")}</p>
        <Form method="post" action={here}>
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="attachmentId" value={removing.id} />
          <div className="button-group">
            <button type="submit" className="button button--warning">
              {t("attachments.remove.confirm")}
            </button>
            <Link to={here}>{t("attachments.remove.cancel")}</Link>
          </div>
        </Form>
      </div>
    );
  }

  const { error, attrs } = inputProps({ name: "file", label: t("attachments.upload.label"), hint: "hint", form: { ...form, errors } });
  const { defaultValue: _none, ...fileAttrs } = attrs;
  const full = files.length >= limits.maxFiles;
  return (
    <div className="narrow">
      <PageTitle title={t("attachments.title")} hasErrors={form.hasErrors} />
      {!server && uploaded ? <SuccessBanner>{t("attachments.upload.done", { name: uploaded })}</SuccessBanner> : null}
      {!server && removed ? <SuccessBanner>{t("attachments.remove.done")}</SuccessBanner> : null}
      <ErrorSummary errors={errors} formError={form.formError} summaryRef={form.summaryRef} />
      {subtitle ? <p className="caption">{subtitle}</p> : null}
      <h1>{t("attachments.title")}</h1>
      <p className="lead">{t("attachments.lead")}</p>
      <AttachmentList initiativeId={initiative.id} files={files} removeHref={(fileId) => `${here}?go=${fileId}`} />
      <p>{t("attachments.list.count", { count: files.length, max: limits.maxFiles })}</p>
      <h2>{t("attachments.upload.title")}</h2>
      {full ? (
        <p className="banner banner--warning">{t("attachments.upload.full", { max: limits.maxFiles })}</p>
      ) : (
        <Form method="post" action={here} encType="multipart/form-data" noValidate onSubmit={form.onSubmit}>
          <input type="hidden" name="intent" value="upload" />
          <FieldFrame name="file" label={t("attachments.upload.label")} hint={t("attachments.upload.hint", { mb, max: limits.maxFiles })} error={error}>
            <input className="input" type="file" accept={ACCEPT} {...fileAttrs} />
          </FieldFrame>
          <button type="submit" className="button" disabled={busy}>
            {t("attachments.upload.submit")}
          </button>
        </Form>
      )}
      <p className="attachment-back">
        <Link to={back}>{t("attachments.back")}</Link>
      </p>
    </div>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  json,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, Form, PageTitle, useValidatedForm } from "~/components/form";
import { FileField } from "~/components/import-tables";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listPendingImports, previewImport } from "~/models/import.server";
import { MAX_UPLOAD_BYTES, uploadSchema } from "~/schemas/import";
import { attempt, formFailure, guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { SuccessBanner } from "~/components/summary";
import { Link } from "~/components/link";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const pending = guard(() => listPendingImports(ctx));
  return json({ pending, discarded: new URL(request.url).searchParams.has("da-huy") });
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  // Refuse before reading the body: checks the permission (403) and the declared size.
  guard(() => listPendingImports(ctx));
  const tooLarge = () => formFailure({ file: "import.file.tooLarge" }, {}, null, 413);
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024) return tooLarge();
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({
        maxPartSize: MAX_UPLOAD_BYTES,
        // Only the file is kept; any other part is read past without being buffered.
        filter: ({ name }) => name === "file",
      }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return tooLarge();
    throw error;
  }
  const file = form.get("file");
  const parsed = uploadSchema.safeParse({ file });
  if (!parsed.success || !(file instanceof File)) return formFailure({ file: parsed.error?.issues[0]?.message ?? "import.file.required" }, {});
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = await attempt(() => previewImport(ctx, { name: file.name, bytes }), {});
  if (!result.ok) return result.response;
  return redirect(`/quan-tri/nhap-danh-sach/${result.value.batchId}`);
}

export default function ImportUpload() {
  const { pending, discarded } = useLoaderData<typeof loader>();
  const server = useActionData<typeof action>();
  const t = useT();
  const busy = useNavigation().state === "submitting";
  const form = useValidatedForm(uploadSchema, { defaults: {}, server });
  return (
    <div className="narrow">
      <PageTitle title={t("import.title")} hasErrors={form.hasErrors} />
      {discarded && !server ? (
        <SuccessBanner>{t("import.discarded")}</SuccessBanner>
      ) : null}
      <ErrorSummary errors={form.errors} formError={form.formError} summaryRef={form.summaryRef} />
      <h1>{t("import.title")}</h1>
      <p className="lead">{t("import.lead")}</p>
      <h2>{t("import.howTo.title")}</h2>
      <ul>
        <li>{t("import.howTo.columns")}</li>
        <li>{t("import.howTo.limits")}</li>
        <li>{t("import.howTo.accounts")}</li>
        <li>{t("import.howTo.allOrNothing")}</li>
      </ul>
      <p>
        <strong>{t("import.template.title")}:</strong>{" "}
        <a href="/quan-tri/nhap-danh-sach/mau.xlsx" download>
          {t("import.template.xlsx")}
        </a>{" "}
        ·{" "}
        <a href="/quan-tri/nhap-danh-sach/mau.csv" download>
          {t("import.template.csv")}
        </a>
      </p>
      <Form method="post" encType="multipart/form-data" noValidate onSubmit={form.onSubmit}>
        <FileField name="file" label={t("import.file.label")} hint={t("import.file.hint")} form={form} />
        <button type="submit" className="button" disabled={busy}>
          {t("import.upload.submit")}
        </button>
      </Form>
      {pending.length ? (
        <>
          <h2>{t("import.pending.title")}</h2>
          <ul>
            {pending.map((b) => (
              <li key={b.id}>
                <Link to={`/quan-tri/nhap-danh-sach/${b.id}`}>
                  {t("import.pending.item", { file: b.fileName, rows: formatNumber(b.rowCount), at: formatDateTime(b.createdAt) })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

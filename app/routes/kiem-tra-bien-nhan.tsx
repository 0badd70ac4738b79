// Public: check a receipt (no sign-in). Works without JavaScript: a plain multipart POST.
import type { ActionFunctionArgs } from "@remix-run/node";
import { json, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { ErrorSummary, FieldFrame, PageTitle, TextArea } from "~/components/form";
import { ReceiptSummary } from "~/components/receipt-summary";
import type { MessageKey } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { checkReceipt, type ReceiptCheckResult } from "~/models/receipt-check.server";
import { RECEIPT_MAX_BYTES } from "~/schemas/receipts";
import { baseCtx } from "~/utils/request.server";
import { Link } from "~/components/link";

type ActionData = { ok: true; result: ReceiptCheckResult } | { ok: false; fieldErrors: Record<string, string>; values: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  const tooLarge = () => json<ActionData>({ ok: false, fieldErrors: { file: "receipts.check.tooLarge" }, values: {} }, { status: 413 });
  if (Number(request.headers.get("Content-Length") ?? 0) > 2 * RECEIPT_MAX_BYTES + 16 * 1024) return tooLarge();
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: RECEIPT_MAX_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return tooLarge();
    throw error;
  }
  const file = form.get("file");
  const pasted = String(form.get("text") ?? "").trim();
  const text = file instanceof File && file.size > 0 ? await file.text() : pasted;
  if (!text) return json<ActionData>({ ok: false, fieldErrors: { file: "receipts.check.required" }, values: { text: pasted } }, { status: 422 });
  return json<ActionData>({ ok: true, result: checkReceipt(baseCtx(), text) });
}

export default function ReceiptCheck() {
  const data = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const errors = data && !data.ok ? Object.fromEntries(Object.entries(data.fieldErrors).map(([k, v]) => [k, t(v as MessageKey)])) : {};
  return (
    <div className="narrow">
      <PageTitle title={t("receipts.check.title")} hasErrors={Object.keys(errors).length > 0} />
      <ErrorSummary errors={errors} />
      <h1>{t("receipts.check.title")}</h1>
      <p className="lead">{t("receipts.check.lead")}</p>
      {data?.ok ? <Result result={data.result} /> : null}
      <Form method="post" encType="multipart/form-data" noValidate reloadDocument>
        <FieldFrame name="file" label={t("receipts.check.file")} hint={t("receipts.check.fileHint")} error={errors.file}>
          <input
            id="f-file"
            className="input"
            type="file"
            name="file"
            accept=".json,application/json"
            aria-describedby={errors.file ? "f-file-hint f-file-error" : "f-file-hint"}
            aria-invalid={errors.file ? true : undefined}
          />
        </FieldFrame>
        <TextArea name="text" label={t("receipts.check.text")} rows={6} defaultValue={data && !data.ok ? data.values.text : undefined} />
        <div className="button-group">
          <button type="submit" className="button">
            {t("receipts.check.submit")}
          </button>
        </div>
      </Form>
      <p>
        {t("receipts.check.publicKey")}
        <Link to="/khoa-cong-khai.pem" reloadDocument>
          {t("receipts.check.publicKeyLink")}
        </Link>
      </p>
    </div>
  );
}

function Result({ result }: { result: ReceiptCheckResult }) {
  const t = useT();
  const good = result.signature === "valid" && result.record === "matches" && result.ledger === "matches";
  const r = result.receipt;
  return (
    <section className={good ? "banner banner--success" : "banner banner--warning"} role="status" aria-labelledby="result-title">
      <h2 id="result-title">{t("receipts.result.title")}</h2>
      <ul>
        <li>{t(`receipts.signature.${result.signature}`)}</li>
        {result.record ? <li>{t(`receipts.record.${result.record}`)}</li> : null}
        {result.ledger ? <li>{t(`receipts.ledger.${result.ledger}`)}</li> : null}
      </ul>
      {r ? <ReceiptSummary receipt={r} /> : null}
    </section>
  );
}

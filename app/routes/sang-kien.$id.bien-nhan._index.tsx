import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { PrintButton } from "~/components/print-button";
import { ReceiptSummary } from "~/components/receipt-summary";
import type { MessageKey } from "~/i18n";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { receiptFor } from "~/models/initiatives.server";
import { guard } from "~/utils/http.server";
import { initiativeIdParam, receiptVersion } from "~/utils/initiatives-route.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = initiativeIdParam(params);
  const version = receiptVersion(new URL(request.url));
  const receipt = guard(() => receiptFor(ctx, id, version));
  return json({ id, receipt });
}

/** The receipt (biên nhận) to print on A4 and to download as the signed file. */
export default function ReceiptPage() {
  const { id, receipt } = useLoaderData<typeof loader>();
  const t = useT();
  const r = receipt.receipt;
  const download = `/sang-kien/${id}/bien-nhan/tai-ve?phien-ban=${r.version}`;
  return (
    <article className="receipt">
      <PageTitle title={`${t("initiatives.receipt.title")} ${r.registrationNumber}`} />
      <p className="no-print">
        <Link to={`/sang-kien/${id}`}>‹ {t("initiatives.receipt.back")}</Link>
      </p>
      <header className="receipt__header">
        <p className="receipt__issuer">{t("app.name")}</p>
        <h1>{t("initiatives.receipt.title")}</h1>
        <p className="receipt__number mono">{r.registrationNumber}</p>
      </header>
      <p>{t("initiatives.receipt.lead")}</p>
      <ReceiptSummary receipt={r} kindLabel={t(`initiatives.kind.${r.kind}` as MessageKey)} />
      <h2>{t("initiatives.receipt.signatureTitle")}</h2>
      <p>{t("initiatives.receipt.signatureLead", { keyId: receipt.signature.keyId })}</p>
      <p className="mono receipt__signature">{receipt.signature.value}</p>
      <p className="caption">{t("initiatives.receipt.issuedAt", { at: formatDateTime(r.issuedAt) })}</p>
      <h2>{t("initiatives.receipt.verifyTitle")}</h2>
      <p>{t("initiatives.receipt.verifyLead")}</p>
      <div className="button-group no-print">
        <a href={download} className="button" download>
          {t("initiatives.receipt.download")}
        </a>
        <PrintButton label={t("initiatives.receipt.print")} />
        <Link to="/kiem-tra-bien-nhan">{t("initiatives.receipt.checkLink")}</Link>
      </div>
    </article>
  );
}

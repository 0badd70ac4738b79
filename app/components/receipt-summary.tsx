// What a receipt attests, as a summary list: on the receipt page and on the public check page.
import { SummaryList } from "~/components/summary";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import type { ReceiptBody } from "~/models/receipts.server";

export function ReceiptSummary({ receipt: r, kindLabel }: { receipt: ReceiptBody; kindLabel?: string }) {
  const t = useT();
  return (
    <SummaryList
      rows={[
        { label: t("receipts.field.number"), value: <span className="mono">{r.registrationNumber}</span> },
        ...(kindLabel ? [{ label: t("receipts.field.kind"), value: kindLabel }] : []),
        { label: t("receipts.field.title"), value: r.title },
        { label: t("receipts.field.authors"), value: r.authors.map((a) => `${a.name} (${formatNumber(a.share)} %)`).join("; ") },
        { label: t("receipts.field.organization"), value: r.organization },
        { label: t("receipts.field.submittedAt"), value: formatDateTime(r.submittedAt) },
        { label: t("receipts.field.version"), value: String(r.version) },
        { label: t("receipts.field.hash"), value: <span className="mono">{r.contentSha256}</span> },
        { label: t("receipts.field.ledger"), value: <span className="mono">#{r.ledger.seq} {r.ledger.hash}</span> },
      ]}
    />
  );
}

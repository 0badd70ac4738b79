import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { SummaryList } from "~/components/summary";
import type { MessageKey } from "~/i18n";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { verifyStatus } from "~/models/ledger-query.server";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";

// Verifying reads the whole chain and changes nothing, so it is a GET.
export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  return json({ status: guard(() => verifyStatus(ctx)) });
}

export default function LedgerChainCheck() {
  const { status: s } = useLoaderData<typeof loader>();
  const t = useT();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <PageTitle title={t("ledger.chain.title")} />
      <p>
        <Link to="/so-cai">‹ {t("ledger.chain.back")}</Link>
      </p>
      <h1>{t("ledger.chain.title")}</h1>
      <p className="lead">{t("ledger.chain.lead", { time: formatDateTime(s.checkedAt) })}</p>
      {s.ok ? (
        <div className="banner banner--success" role="status">
          <h2>{t("ledger.chain.intact", { count: formatNumber(s.count), seq: s.headSeq })}</h2>
          <p>
            {t("ledger.chain.headHash")}: <span className="mono">{s.headHash}</span>
          </p>
        </div>
      ) : (
        <div className="banner banner--warning" role="alert">
          <h2>{s.brokenSeq !== null ? t("ledger.chain.broken", { seq: s.brokenSeq }) : t("ledger.chain.brokenNoSeq")}</h2>
          <p>{t(`ledger.reason.${s.reason}` as MessageKey)}</p>
          <p>{t("ledger.chain.checked", { count: formatNumber(s.count) })}</p>
        </div>
      )}
      {!s.ok ? (
        <SummaryList
          rows={[
            ...(s.brokenSeq !== null ? [{ label: t("ledger.event.seq"), value: <Link to={`/so-cai/${s.brokenSeq}`}>#{s.brokenSeq}</Link> }] : []),
            { label: t("ledger.chain.technical"), value: <span className="mono">{s.detail}</span> },
          ]}
        />
      ) : null}
      <p className="button-group">
        <Link to="/so-cai/kiem-tra" className="button button--secondary" aria-disabled={busy || undefined}>
          {t("ledger.chain.again")}
        </Link>
      </p>
    </>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { actionLabel, entityLabel } from "~/components/ledger-labels";
import { SummaryList, Tag } from "~/components/summary";
import { formatDateTime } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getEvent } from "~/models/ledger-query.server";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const seq = /^\d{1,12}$/.test(params.seq ?? "") ? Number(params.seq) : NaN;
  if (!Number.isSafeInteger(seq) || seq < 1) throw json({ message: "not_found" }, { status: 404 });
  return json({ event: guard(() => getEvent(ctx, seq)) });
}

function pretty(payload: string): string {
  try {
    return JSON.stringify(JSON.parse(payload), null, 2);
  } catch {
    return payload;
  }
}

export default function LedgerEvent() {
  const { event: e } = useLoaderData<typeof loader>();
  const t = useT();
  const c = e.check;
  const yes = (ok: boolean) => <Tag tone={ok ? "green" : "red"}>{t(ok ? "ledger.check.ok" : "ledger.check.fail")}</Tag>;
  const prev = {
    ok: <Tag tone="green">{t("ledger.check.ok")}</Tag>,
    genesis: <Tag tone="green">{t("ledger.check.genesis")}</Tag>,
    broken: <Tag tone="red">{t("ledger.check.fail")}</Tag>,
    missing: <Tag tone="red">{t("ledger.check.missing")}</Tag>,
  }[c.prevLink];
  const payload = {
    ok: <Tag tone="green">{t("ledger.check.ok")}</Tag>,
    erased: <Tag tone="grey">{t("ledger.check.erased")}</Tag>,
    broken: <Tag tone="red">{t("ledger.check.fail")}</Tag>,
  }[c.payload];
  return (
    <>
      <PageTitle title={t("ledger.event.title", { seq: e.seq })} />
      <p>
        <Link to="/so-cai">‹ {t("ledger.back")}</Link>
      </p>
      <h1>{t("ledger.event.title", { seq: e.seq })}</h1>
      <div className={c.ok ? "banner banner--success" : "banner banner--warning"} role="status">
        <p>{t(c.ok ? "ledger.event.ok" : "ledger.event.bad")}</p>
      </div>
      <h2>{t("ledger.event.summary")}</h2>
      <SummaryList
        rows={[
          { label: t("ledger.event.seq"), value: `#${e.seq}` },
          { label: t("ledger.event.at"), value: formatDateTime(e.at) },
          { label: t("ledger.event.atUtc"), value: <span className="mono">{e.at}</span> },
          {
            label: t("ledger.event.actor"),
            value: e.actorName ?? t("ledger.actor.none"),
            href: e.actorId !== null ? `/so-cai?ma-nguoi=${e.actorId}` : undefined,
            hrefLabel: t("ledger.filterByActor"),
          },
          { label: t("ledger.event.org"), value: e.orgName ? `${e.orgName} (${e.orgCode})` : t("ledger.org.none") },
          { label: t("ledger.event.action"), value: `${actionLabel(t, e.action)} (${e.action})` },
          {
            label: t("ledger.event.entity"),
            value: `${entityLabel(t, e.entity)}${e.entityId ? ` #${e.entityId}` : ""}`,
            href: e.entityId ? `/so-cai?doi-tuong=${encodeURIComponent(e.entity)}&ma-doi-tuong=${encodeURIComponent(e.entityId)}` : undefined,
            hrefLabel: t("ledger.filterByEntity"),
          },
          {
            label: t("ledger.event.payload"),
            value: e.payload === null ? <em>{t("ledger.payload.erased")}</em> : <pre className="mono ledger-payload">{pretty(e.payload)}</pre>,
          },
        ]}
      />
      <h2>{t("ledger.event.check")}</h2>
      <SummaryList
        rows={[
          { label: t("ledger.check.hash"), value: yes(c.hash) },
          { label: t("ledger.check.signature"), value: yes(c.signature) },
          { label: t("ledger.check.prevLink"), value: prev },
          { label: t("ledger.check.payload"), value: payload },
        ]}
      />
      <h2>{t("ledger.event.hashes")}</h2>
      <SummaryList
        rows={[
          { label: t("ledger.event.hash"), value: <span className="mono">{e.hash}</span> },
          { label: t("ledger.event.prevHash"), value: <span className="mono">{e.prevHash}</span> },
          { label: t("ledger.event.payloadHash"), value: <span className="mono">{e.payloadHash}</span> },
          { label: t("ledger.event.signature"), value: <span className="mono">{e.signature}</span> },
        ]}
      />
    </>
  );
}

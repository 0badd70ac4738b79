import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { PageTitle } from "~/components/form";
import { SummaryList } from "~/components/summary";
import type { MessageKey } from "~/i18n";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { chainCheckView, startChainCheck, type CheckResult } from "~/models/ledger-check-run.server";
import { badRequest, formValues, guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

// The check runs in a worker thread (minutes on a city ledger): the page shows its progress or
// the last result; starting one is a POST. Without JavaScript a link refreshes the progress;
// with it the loader is polled while a check runs.
export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  return json(guard(() => chainCheckView(ctx)));
}

export async function action({ request }: ActionFunctionArgs) {
  const { ctx } = await requireSession(request);
  const { values } = await formValues(request);
  if (values.intent !== "full" && values.intent !== "recent") badRequest();
  // A check already running is shown instead of starting a second one.
  guard(() => startChainCheck(ctx, values.intent as "full" | "recent"));
  return redirect("/so-cai/kiem-tra");
}

const POLL_MS = 1000;

export default function LedgerChainCheck() {
  const { running, last, resume } = useLoaderData<typeof loader>();
  const t = useT();
  const busy = useNavigation().state !== "idle";
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, revalidator]);

  return (
    <>
      <PageTitle title={t("ledger.chain.title")} />
      <p>
        <Link to="/so-cai">‹ {t("ledger.chain.back")}</Link>
      </p>
      <h1>{t("ledger.chain.title")}</h1>
      <p className="lead">{t("ledger.chain.intro")}</p>

      {running ? (
        <section className="banner" aria-labelledby="chain-running">
          <h2 id="chain-running">{t("ledger.chain.runningTitle")}</h2>
          <p role="status">
            {running.total === null
              ? t("ledger.chain.starting")
              : t("ledger.chain.running", { done: formatNumber(running.done), total: formatNumber(running.total) })}
          </p>
          {running.total ? <progress max={running.total} value={running.done} aria-hidden="true" /> : null}
          <p>
            {t("ledger.chain.runningSince", { time: formatDateTime(running.startedAt) })}{" "}
            {running.fromSeq !== null ? t("ledger.chain.kindRecent", { seq: running.fromSeq }) : t("ledger.chain.kindFull")}
          </p>
          <p>
            <Link to="/so-cai/kiem-tra" className="button button--secondary">
              {t("ledger.chain.refresh")}
            </Link>
          </p>
        </section>
      ) : null}

      <h2>{t("ledger.chain.lastTitle")}</h2>
      {last ? <LastResult result={last} /> : <p>{t("ledger.chain.none")}</p>}

      {running ? null : (
        <Form method="post" aria-labelledby="chain-new">
          <h2 id="chain-new">{t("ledger.chain.newTitle")}</h2>
          <p className="button-group">
            <button type="submit" name="intent" value="full" className="button" disabled={busy}>
              {t("ledger.chain.start")}
            </button>
            {resume ? (
              <button type="submit" name="intent" value="recent" className="button button--secondary" disabled={busy}>
                {t("ledger.chain.startRecent", { seq: resume.seq })}
              </button>
            ) : null}
          </p>
          {resume ? (
            <p className="caption">{t("ledger.chain.recentHint", { seq: resume.seq, time: formatDateTime(resume.fullCheckedAt) })}</p>
          ) : null}
        </Form>
      )}
    </>
  );
}

function LastResult({ result }: { result: CheckResult }) {
  const t = useT();
  const o = result.outcome;
  const seconds = (Date.parse(result.finishedAt) - Date.parse(result.startedAt)) / 1000;
  const when = (
    <p>
      {t("ledger.chain.finishedAt", { time: formatDateTime(result.finishedAt), seconds: formatNumber(Math.round(seconds * 10) / 10) })}{" "}
      {result.fromSeq !== null ? t("ledger.chain.kindRecent", { seq: result.fromSeq }) : t("ledger.chain.kindFull")}
    </p>
  );
  if (o.state === "intact") {
    return (
      <div className="banner banner--success" role="status">
        <h3>
          {result.fromSeq !== null
            ? t("ledger.chain.intactRecent", { count: formatNumber(o.count), from: result.fromSeq, seq: o.headSeq })
            : t("ledger.chain.intact", { count: formatNumber(o.count), seq: o.headSeq })}
        </h3>
        {when}
        <p>
          {t("ledger.chain.headHash")}: <span className="mono">{o.headHash}</span>
        </p>
      </div>
    );
  }
  if (o.state === "failed") {
    return (
      <>
        <div className="banner banner--warning" role="alert">
          <h3>{t("ledger.chain.failed")}</h3>
          <p>{t("ledger.chain.failedHint")}</p>
          {when}
        </div>
        <SummaryList rows={[{ label: t("ledger.chain.technical"), value: <span className="mono">{o.detail}</span> }]} />
      </>
    );
  }
  return (
    <>
      <div className="banner banner--warning" role="alert">
        <h3>{o.brokenSeq !== null ? t("ledger.chain.broken", { seq: o.brokenSeq }) : t("ledger.chain.brokenNoSeq")}</h3>
        <p>{t(`ledger.reason.${o.reason}` as MessageKey)}</p>
        <p>{t("ledger.chain.checked", { count: formatNumber(o.count) })}</p>
        {when}
      </div>
      <SummaryList
        rows={[
          ...(o.brokenSeq !== null ? [{ label: t("ledger.event.seq"), value: <Link to={`/so-cai/${o.brokenSeq}`}>#{o.brokenSeq}</Link> }] : []),
          { label: t("ledger.chain.technical"), value: <span className="mono">{o.detail}</span> },
        ]}
      />
    </>
  );
}

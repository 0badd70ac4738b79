import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { canAnywhere } from "~/auth/policy";
import { ErrorSummary, PageTitle } from "~/components/form";
import { LedgerFilters } from "~/components/ledger-filters";
import { LedgerPager, LedgerTable } from "~/components/ledger-table";
import { translateMaybe } from "~/i18n";
import { useT } from "~/i18n/use-t";
import { listEvents } from "~/models/ledger-query.server";
import { ledgerFilterSchema } from "~/schemas/ledger";
import { guard, zodFieldErrors } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireSession(request);
  const url = new URL(request.url);
  const values: Record<string, string> = {};
  for (const [key, value] of url.searchParams) values[key] = value;
  const parsed = ledgerFilterSchema.safeParse(values);
  if (!parsed.success) {
    if (!canAnywhere(actor, "ledger.view")) throw json({ message: "forbidden" }, { status: 403 });
    return json({ values, errors: zodFieldErrors(parsed.error), page: null });
  }
  const f = parsed.data;
  const page = guard(() =>
    listEvents(ctx, {
      actorId: f["ma-nguoi"],
      actorQuery: f.nguoi,
      orgQuery: f["to-chuc"],
      subtree: !f["chi-to-chuc-nay"],
      entity: f["doi-tuong"],
      entityId: f["ma-doi-tuong"],
      action: f["thao-tac"],
      from: f["tu-ngay"],
      to: f["den-ngay"],
      before: f.truoc,
      after: f.sau,
    }),
  );
  return json({ values, errors: {} as Record<string, string>, page });
}

const FILTER_KEYS = ["nguoi", "ma-nguoi", "to-chuc", "doi-tuong", "ma-doi-tuong", "thao-tac", "tu-ngay", "den-ngay"];

export default function LedgerList() {
  const { values, errors, page } = useLoaderData<typeof loader>();
  const t = useT();
  const messages = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, translateMaybe(t, v)]));
  const filtered = FILTER_KEYS.some((k) => values[k]);
  const withoutActorId = new URLSearchParams(Object.entries(values).filter(([k]) => k !== "ma-nguoi" && k !== "truoc" && k !== "sau"));
  const orgs = page?.orgMatches;
  return (
    <>
      <PageTitle title={t("ledger.title")} hasErrors={Object.keys(errors).length > 0} />
      <ErrorSummary errors={messages} />
      <h1>{t("ledger.title")}</h1>
      <p className="lead">{t("ledger.lead")}</p>
      <p className="button-group">
        <Link to="/so-cai/kiem-tra" className="button button--secondary">
          {t("ledger.chain.button")}
        </Link>
        <span className="caption">{t("ledger.chain.hint")}</span>
      </p>
      <p className="ledger-skip">
        <a href="#ket-qua">{t("ledger.toResults")}</a>
      </p>
      <div className="layout-sidebar">
        <LedgerFilters values={values} errors={messages} />
        <section id="ket-qua" aria-label={t("ledger.results")}>
          {values["ma-nguoi"] ? (
            <p className="banner">
              {t("ledger.filter.actorId", { id: values["ma-nguoi"] })}{" "}
              <Link to={`/so-cai${withoutActorId.size ? `?${withoutActorId}` : ""}`}>{t("form.clearFilters")}</Link>
            </p>
          ) : null}
          {orgs && orgs.length === 0 ? <p className="banner banner--warning">{t("ledger.filter.noOrgMatch", { q: values["to-chuc"] ?? "" })}</p> : null}
          {orgs && orgs.length > 0 ? (
            <p className="caption">
              {t("ledger.filter.orgMatches", {
                names: orgs
                  .slice(0, 3)
                  .map((o) => `${o.name} (${o.code})`)
                  .join("; "),
              })}
              {orgs.length > 3 ? ` ${t("ledger.filter.orgMore", { count: orgs.length - 3 })}` : ""}
            </p>
          ) : null}
          {page?.noActorMatch ? <p className="banner banner--warning">{t("ledger.filter.noActorMatch", { q: values.nguoi ?? "" })}</p> : null}
          {page ? (
            <>
              <LedgerTable rows={page.rows} caption={t(filtered ? "ledger.table.captionFiltered" : "ledger.table.caption")} />
              <LedgerPager first={page.rows[0]?.seq} last={page.rows[page.rows.length - 1]?.seq} hasNewer={page.hasNewer} hasOlder={page.hasOlder} />
            </>
          ) : null}
        </section>
      </div>
    </>
  );
}

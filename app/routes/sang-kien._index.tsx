import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { canAnywhere } from "~/auth/policy";
import { PageTitle } from "~/components/form";
import { InboxFilters } from "~/components/initiative-inbox-filters";
import { InitiativeStatusTag } from "~/components/status-tags";
import { Pagination, pageFromUrl } from "~/components/pagination";
import { SuccessBanner } from "~/components/summary";
import type { MessageKey } from "~/i18n";
import { formatDate, formatDateTime, fullName } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { INBOX_MAX_ROWS, INITIATIVE_PAGE_SIZE, inboxView, listMine } from "~/models/initiatives.server";
import { initiativeFilters, type InitiativeView } from "~/schemas/initiative-filters";
import { guard } from "~/utils/http.server";
import { savedBanner } from "~/utils/initiatives-route.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireSession(request);
  const url = new URL(request.url);
  const filters = initiativeFilters(url.searchParams);
  const receives = canAnywhere(actor, "initiative.receive") || canAnywhere(actor, "initiative.audit");
  const view: InitiativeView = filters.view === "tiep-nhan" && receives ? "tiep-nhan" : "cua-toi";
  const page = pageFromUrl(url);
  if (view === "tiep-nhan") {
    const { list, ...inbox } = guard(() => inboxView(ctx, filters, page));
    return json({ view, receives, filters, list, inbox, saved: savedBanner(url), thisYear: new Date().getFullYear(), maxRows: INBOX_MAX_ROWS as number | undefined, pageSize: INITIATIVE_PAGE_SIZE });
  }
  const list = guard(() => listMine(ctx, page));
  return json({ view, receives, filters, list, inbox: null, saved: savedBanner(url), thisYear: new Date().getFullYear(), maxRows: undefined as number | undefined, pageSize: INITIATIVE_PAGE_SIZE });
}

const VIEW_LABELS: Record<InitiativeView, MessageKey> = { "cua-toi": "initiatives.view.mine", "tiep-nhan": "initiatives.view.inbox" };

export default function InitiativesIndex() {
  // Constants of a .server module are not in the browser: they come with the data.
  const { view, receives, filters, list, inbox, saved, thisYear, maxRows, pageSize } = useLoaderData<typeof loader>();
  const t = useT();
  const views: InitiativeView[] = receives ? ["cua-toi", "tiep-nhan"] : ["cua-toi"];
  const isInbox = view === "tiep-nhan";
  // Each heading is also every row's cell label (shown as the cell's heading on a phone).
  const col = {
    number: t("initiatives.col.number"),
    title: t("initiatives.col.title"),
    kind: t("initiatives.col.kind"),
    creator: isInbox ? t("initiatives.col.creator") : "",
    org: t("initiatives.col.org"),
    date: t(isInbox ? "initiatives.col.submittedAt" : "initiatives.col.updatedAt"),
    due: isInbox ? t("initiatives.col.due") : "",
    status: t("initiatives.col.status"),
  };
  const table = (
    <section aria-labelledby="initiative-table-caption">
      <div className="table-wrap">
        <table className="initiative-table">
          <caption id="initiative-table-caption">{t(isInbox ? "initiatives.caption.inbox" : "initiatives.caption.mine")}</caption>
          <thead>
            <tr>
              <th scope="col">{col.number}</th>
              <th scope="col">{col.title}</th>
              <th scope="col">{col.kind}</th>
              {isInbox ? <th scope="col">{col.creator}</th> : null}
              <th scope="col">{col.org}</th>
              <th scope="col">{col.date}</th>
              {isInbox ? <th scope="col">{col.due}</th> : null}
              <th scope="col">{col.status}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.id}>
                <td className="mono">{r.registrationNumber ?? t("initiatives.noNumber")}</td>
                <td data-label={col.title}>
                  <Link to={`/sang-kien/${r.id}`}>{r.title || t("initiatives.untitled")}</Link>
                </td>
                <td data-label={col.kind}>{t(`initiatives.kind.${r.kind}` as MessageKey)}</td>
                {isInbox ? (
                  <td data-label={col.creator}>{fullName({ familyName: r.creatorFamilyName, middleName: r.creatorMiddleName, givenName: r.creatorGivenName })}</td>
                ) : null}
                <td data-label={col.org}>{r.receivingOrgName}</td>
                <td data-label={col.date}>{formatDateTime(isInbox ? r.submittedAt : r.updatedAt)}</td>
                {isInbox ? <td data-label={col.due}>{formatDate(r.decisionDueOn) || "—"}</td> : null}
                <td data-label={col.status}>
                  <InitiativeStatusTag status={r.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.rows.length === 0 ? <p>{t(isInbox ? "initiatives.none.inbox" : "initiatives.none.mine")}</p> : null}
      <Pagination page={list.page} total={list.total} pageSize={pageSize} maxRows={maxRows} />
    </section>
  );
  return (
    <>
      <PageTitle title={`${t(VIEW_LABELS[view])} — ${t("initiatives.list.title")}`} />
      {saved ? <SuccessBanner>{t(saved)}</SuccessBanner> : null}
      <h1>{t("initiatives.list.title")}</h1>
      <p className="lead">{t("initiatives.list.lead")}</p>
      {views.length > 1 ? (
        <nav aria-label={t("initiatives.view.label")}>
          <ul className="task-tabs">
            {views.map((v) => (
              <li key={v}>
                <Link to={`/sang-kien?xem=${v}`} aria-current={v === view ? "page" : undefined}>
                  {t(VIEW_LABELS[v])}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p>
        <Link to="/sang-kien/moi" className="button">
          {t("initiatives.new.link")}
        </Link>
      </p>
      {inbox ? (
        <div className="layout-sidebar">
          <InboxFilters filters={filters} inbox={inbox} thisYear={thisYear} />
          {table}
        </div>
      ) : (
        table
      )}
    </>
  );
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { canPropose, hasRole } from "~/auth/policy";
import { PageTitle } from "~/components/form";
import { OverdueTag, ProposalStatusTag } from "~/components/proposal-parts";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listMine, listToDecide } from "~/models/proposals.server";
import { guard } from "~/utils/http.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

type View = "cua-toi" | "can-quyet-dinh";

export async function loader({ request }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireSession(request);
  const isLeader = hasRole(actor, "leader");
  const asked = new URL(request.url).searchParams.get("xem");
  const view: View = asked === "can-quyet-dinh" && isLeader ? "can-quyet-dinh" : "cua-toi";
  const rows = guard(() => (view === "can-quyet-dinh" ? listToDecide(ctx) : listMine(ctx)));
  return json({ view, isLeader, mayPropose: canPropose(actor), rows });
}

export default function ProposalsIndex() {
  const { view, isLeader, mayPropose, rows } = useLoaderData<typeof loader>();
  const t = useT();
  const decide = view === "can-quyet-dinh";
  const views: [View, "proposals.view.mine" | "proposals.view.decide"][] = [["cua-toi", "proposals.view.mine"], ...(isLeader ? [["can-quyet-dinh", "proposals.view.decide"] as [View, "proposals.view.decide"]] : [])];
  return (
    <>
      <PageTitle title={`${t(decide ? "proposals.view.decide" : "proposals.view.mine")} — ${t("proposals.list.title")}`} />
      <h1>{t("proposals.list.title")}</h1>
      <p className="lead">{t("proposals.list.lead")}</p>
      <nav aria-label={t("proposals.view.label")}>
        <ul className="task-tabs">
          {views.map(([v, label]) => (
            <li key={v}>
              <Link to={`/de-xuat?xem=${v}`} aria-current={v === view ? "page" : undefined}>
                {t(label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {mayPropose ? (
        <p>
          <Link to="/de-xuat/moi" className="button">
            {t("proposals.create.link")}
          </Link>
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="task-table">
          <caption>{t(decide ? "proposals.caption.decide" : "proposals.caption.mine")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("proposals.col.title")}</th>
              {decide ? <th scope="col">{t("proposals.col.proposer")}</th> : null}
              <th scope="col">{t(decide ? "proposals.col.org" : "proposals.col.decider")}</th>
              <th scope="col">{t("proposals.col.status")}</th>
              <th scope="col">{t("proposals.col.due")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/de-xuat/${r.id}`}>{r.title}</Link>
                </td>
                {decide ? <td data-label={t("proposals.col.proposer")}>{r.proposerName}</td> : null}
                <td data-label={t(decide ? "proposals.col.org" : "proposals.col.decider")}>{r.orgName}</td>
                <td data-label={t("proposals.col.status")}>
                  <ProposalStatusTag status={r.status} /> <OverdueTag step={r.overdue} />
                </td>
                <td data-label={t("proposals.col.due")}>{r.nextDueOn ? formatDate(r.nextDueOn) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? <p>{t("proposals.none")}</p> : null}
    </>
  );
}

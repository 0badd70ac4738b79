import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/form";
import { OverdueTag, PlanSummary, ProposalStatusTag, ProposalTimeline } from "~/components/proposal-parts";
import { SuccessBanner, SummaryList, Tag } from "~/components/summary";
import type { MessageKey } from "~/i18n";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { getProposal } from "~/models/proposals.server";
import { guard } from "~/utils/http.server";
import { proposalIdParam, proposalSaved } from "~/utils/proposals-route.server";
import { requireSession } from "~/utils/request.server";
import { Link } from "~/components/link";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx } = await requireSession(request);
  const id = proposalIdParam(params);
  const p = guard(() => getProposal(ctx, id));
  return json({ p, saved: proposalSaved(new URL(request.url)) });
}

export default function ProposalPage() {
  const { p, saved } = useLoaderData<typeof loader>();
  const t = useT();
  const due = p.overdue === "vote" ? p.voteDueOn : p.overdue === "report" ? p.reportDueOn : p.evaluationDueOn;
  const actions: [boolean, string, MessageKey][] = [
    [p.allowed.edit, "sua", "form.change"],
    [p.allowed.submit, "gui", "proposals.submit.link"],
    [p.allowed.vote, "bieu-quyet", "proposals.votes.link"],
    [p.allowed.decide, "quyet-dinh", "proposals.decide.link"],
    [p.allowed.implement, "ket-thuc", "proposals.implemented.link"],
    [p.allowed.report, "bao-cao", "proposals.report.link"],
    [p.allowed.evaluate, "danh-gia", "proposals.evaluate.link"],
  ];
  const todo = actions.filter(([ok]) => ok);
  return (
    <>
      <PageTitle title={p.title} />
      {saved ? <SuccessBanner>{t(saved)}</SuccessBanner> : null}
      <p>
        <Link to="/de-xuat">‹ {t("proposals.list.title")}</Link>
      </p>
      <span className="caption">{t("proposals.list.title")}</span>
      <h1>{p.title}</h1>
      {p.overdue && due ? (
        <div className="banner banner--warning" role="status">
          <p>{t(`proposals.overdue.banner.${p.overdue}` as MessageKey, { due: formatDate(due) })}</p>
        </div>
      ) : null}
      <SummaryList
        rows={[
          { label: t("proposals.detail.status"), value: <><ProposalStatusTag status={p.status} /> <OverdueTag step={p.overdue} /></> },
          { label: t("proposals.detail.proposer"), value: p.proposerName },
          { label: t("proposals.detail.org"), value: p.orgName },
          { label: t("proposals.detail.decider"), value: p.deciderOrgName },
        ]}
      />
      {todo.length ? (
        <section aria-labelledby="proposal-actions">
          <h2 id="proposal-actions">{t("proposals.detail.actions")}</h2>
          <div className="button-group">
            {todo.map(([, slug, label], i) => (
              <Link key={slug} to={`/de-xuat/${p.id}/${slug}`} className={i === 0 ? "button" : "button button--secondary"}>
                {t(label)}
              </Link>
            ))}
          </div>
        </section>
      ) : null}
      <h2>{t("proposals.detail.steps")}</h2>
      <ProposalTimeline p={p} />
      {p.status !== "draft" ? (
        <section aria-labelledby="proposal-votes">
          <h2 id="proposal-votes">{t("proposals.detail.votes")}</h2>
          <p>
            {t("proposals.detail.tally", { for: p.decidedAt ? (p.votesFor ?? 0) : p.tally.for, against: p.decidedAt ? (p.votesAgainst ?? 0) : p.tally.against, cast: p.decidedAt ? (p.votesFor ?? 0) + (p.votesAgainst ?? 0) : p.tally.cast })}
            {" — "}
            {t(`proposals.basis.${p.tally.basis}` as MessageKey)}
          </p>
          {p.headOverride ? (
            <div className="banner banner--warning">
              <p>{t("proposals.detail.override", { note: p.overrideNote })}</p>
            </div>
          ) : null}
          <div className="table-wrap">
            <table>
              <caption>{t("proposals.detail.votesCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("proposals.detail.member")}</th>
                  <th scope="col">{t("proposals.detail.vote")}</th>
                </tr>
              </thead>
              <tbody>
                {p.members.map((m) => (
                  <tr key={m.personId}>
                    <td>
                      {m.name}
                      {m.position ? <span className="caption"> — {m.position}</span> : null}
                    </td>
                    <td>{m.vote ? <Tag tone={m.vote === "for" ? "green" : "red"}>{t(`proposals.vote.${m.vote}`)}</Tag> : t("proposals.detail.notVoted")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {p.reportedAt || p.evaluatedAt ? (
        <section aria-labelledby="proposal-result">
          <h2 id="proposal-result">{t("proposals.detail.result")}</h2>
          <SummaryList
            rows={[
              { label: t("proposals.implemented.endedOn"), value: formatDate(p.implementationEndedOn) },
              { label: t("proposals.report.field"), value: <span className="pre-line">{p.report}</span> },
              ...(p.completion
                ? [
                    { label: t("proposals.evaluate.completion"), value: t(`proposals.completion.${p.completion}`) },
                    { label: t("proposals.evaluate.causes"), value: p.causes ? <span className="pre-line">{p.causes}</span> : "—" },
                    { label: t("proposals.evaluate.damage"), value: t(p.damage ? "proposals.damage.yes" : "proposals.damage.no") },
                    { label: t("proposals.tier.label"), value: p.protectionTier ? <strong>{t(`proposals.tier.${p.protectionTier}`)}</strong> : "—" },
                  ]
                : []),
            ]}
          />
        </section>
      ) : null}
      <h2>{t("proposals.detail.plan")}</h2>
      <PlanSummary p={p} />
    </>
  );
}

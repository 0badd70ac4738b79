// Building blocks of the proposal pages: status and overdue tags, the steps as a timeline, the
// plan as a summary list, and the frame of a one-action step page.
import type { ReactNode } from "react";
import type { ProposalStatus } from "../../db/enums";
import { PageTitle } from "~/components/form";
import { SummaryList, Tag } from "~/components/summary";
import type { MessageKey } from "~/i18n";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { PLAN_FIELDS } from "~/schemas/proposals";
import { Link } from "~/components/link";

const TONE: Record<ProposalStatus, "blue" | "grey" | "red" | "green"> = {
  draft: "grey",
  voting: "blue",
  approved: "green",
  rejected: "red",
  reported: "blue",
  evaluated: "green",
};

export function ProposalStatusTag({ status }: { status: ProposalStatus }) {
  const t = useT();
  return <Tag tone={TONE[status]}>{t(`proposals.status.${status}` as MessageKey)}</Tag>;
}

export function OverdueTag({ step }: { step: "vote" | "report" | "evaluation" | null }) {
  const t = useT();
  return step ? <Tag tone="red">{t(`proposals.overdue.${step}` as MessageKey)}</Tag> : null;
}

type TimelineInput = {
  status: ProposalStatus;
  createdAt: string;
  submittedAt: string | null;
  voteDueOn: string | null;
  decidedAt: string | null;
  implementationEndedOn: string | null;
  reportDueOn: string | null;
  reportedAt: string | null;
  evaluationDueOn: string | null;
  evaluatedAt: string | null;
};

type StepState = "done" | "current" | "waiting" | "skipped";

/** The steps of Decree 73 in order, each with its state and its date or due date. */
export function ProposalTimeline({ p }: { p: TimelineInput }) {
  const t = useT();
  const rejected = p.status === "rejected";
  const approvedOrLater = ["approved", "reported", "evaluated"].includes(p.status);
  const steps: { key: string; state: StepState; detail: string | null }[] = [
    { key: "draft", state: "done", detail: t("proposals.step.on", { date: formatDate(p.createdAt) }) },
    { key: "submitted", state: p.submittedAt ? "done" : "current", detail: p.submittedAt ? t("proposals.step.on", { date: formatDate(p.submittedAt) }) : null },
    {
      key: "vote",
      state: p.decidedAt ? "done" : p.status === "voting" ? "current" : "waiting",
      detail: p.decidedAt ? t("proposals.step.on", { date: formatDate(p.decidedAt) }) : p.voteDueOn ? t("proposals.step.due", { date: formatDate(p.voteDueOn) }) : null,
    },
    {
      key: "implementation",
      state: rejected ? "skipped" : p.implementationEndedOn ? "done" : approvedOrLater ? "current" : "waiting",
      detail: p.implementationEndedOn ? t("proposals.step.endedOn", { date: formatDate(p.implementationEndedOn) }) : null,
    },
    {
      key: "report",
      state: rejected ? "skipped" : p.reportedAt ? "done" : p.implementationEndedOn ? "current" : "waiting",
      detail: p.reportedAt ? t("proposals.step.on", { date: formatDate(p.reportedAt) }) : p.reportDueOn ? t("proposals.step.due", { date: formatDate(p.reportDueOn) }) : null,
    },
    {
      key: "evaluation",
      state: rejected ? "skipped" : p.evaluatedAt ? "done" : p.status === "reported" ? "current" : "waiting",
      detail: p.evaluatedAt ? t("proposals.step.on", { date: formatDate(p.evaluatedAt) }) : p.evaluationDueOn ? t("proposals.step.due", { date: formatDate(p.evaluationDueOn) }) : null,
    },
  ];
  return (
    <ol className="proposal-steps">
      {steps.map((s) => (
        <li key={s.key} className={`proposal-steps__step proposal-steps__step--${s.state}`} aria-current={s.state === "current" ? "step" : undefined}>
          <span className="proposal-steps__name">{t(`proposals.step.${s.key}` as MessageKey)}</span>{" "}
          <span className="proposal-steps__state">{t(`proposals.step.${s.state}` as MessageKey)}</span>
          {s.detail ? <span className="proposal-steps__date"> — {s.detail}</span> : null}
        </li>
      ))}
    </ol>
  );
}

export function PlanSummary({ p }: { p: Record<(typeof PLAN_FIELDS)[number], string> & { id: number }; editable?: boolean }) {
  const t = useT();
  return (
    <SummaryList
      rows={PLAN_FIELDS.map((f) => ({
        label: t(`proposals.field.${f}` as MessageKey),
        value: p[f] ? <span className="pre-line">{p[f]}</span> : <span className="caption">—</span>,
      }))}
    />
  );
}

/** A step page: its title, a link back to the proposal, the proposal's title as a caption. */
export function StepFrame({ id, proposalTitle, title, hasErrors, children }: { id: number; proposalTitle: string; title: string; hasErrors?: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <div className="narrow">
      <PageTitle title={title} hasErrors={hasErrors} />
      <p>
        <Link to={`/de-xuat/${id}`}>‹ {proposalTitle}</Link>
      </p>
      <span className="caption">{t("proposals.list.title")}</span>
      {children}
    </div>
  );
}

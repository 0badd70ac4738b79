// Overdue proposal steps, flagged to the people responsible (in-app notifications): the vote
// past its 7 working days and the evaluation past its 7 → the deciding organization's heads
// (the collective, never the proposer); the completion report past its 5 → the proposer.
//
// Run by the same means as the deadline sweep (cron, and throttled from the running server;
// see app/models/deadlines.server.ts). Idempotent: one person is told once per proposal and
// step, checked inside the same IMMEDIATE write transaction as the insert. No ledger event:
// notifications change no record (the due dates themselves are ledgered with each step).
import { and, eq, inArray, isNotNull, lt, or } from "drizzle-orm";
import { notifications, proposals } from "../../db/schema";
import { formatDate } from "~/i18n/format";
import { nowIso, write, type Ctx } from "./context.server";
import { todayIso } from "./orgs-shared.server";
import { collectiveOf, overdueStep, type OverdueStep } from "./proposals-shared.server";

export const OVERDUE_KEYS: Record<OverdueStep, string> = {
  vote: "proposals.notify.voteOverdue",
  report: "proposals.notify.reportOverdue",
  evaluation: "proposals.notify.evaluationOverdue",
};

export type ProposalSweepResult = { today: string; overdue: number; notified: number };

export function sweepProposalDeadlines(ctx: Ctx): ProposalSweepResult {
  const today = todayIso(ctx);
  return write(ctx, (tx) => {
    const at = nowIso(ctx);
    const rows = tx
      .select({
        id: proposals.id,
        title: proposals.title,
        status: proposals.status,
        proposerId: proposals.proposerId,
        deciderOrgId: proposals.deciderOrgId,
        voteDueOn: proposals.voteDueOn,
        implementationEndedOn: proposals.implementationEndedOn,
        reportDueOn: proposals.reportDueOn,
        evaluationDueOn: proposals.evaluationDueOn,
      })
      .from(proposals)
      .where(
        or(
          and(eq(proposals.status, "voting"), lt(proposals.voteDueOn, today)),
          and(eq(proposals.status, "approved"), isNotNull(proposals.implementationEndedOn), lt(proposals.reportDueOn, today)),
          and(eq(proposals.status, "reported"), lt(proposals.evaluationDueOn, today)),
        ),
      )
      .all();
    let notified = 0;
    for (const r of rows) {
      const step = overdueStep(r, today);
      if (!step) continue;
      const key = OVERDUE_KEYS[step];
      const due = step === "vote" ? r.voteDueOn : step === "report" ? r.reportDueOn : r.evaluationDueOn;
      const responsible = step === "report" ? [r.proposerId] : collectiveOf(tx, r.deciderOrgId, r.proposerId).map((m) => m.personId);
      if (!responsible.length) continue;
      const already = new Set(
        tx
          .select({ personId: notifications.personId })
          .from(notifications)
          .where(and(inArray(notifications.personId, responsible), eq(notifications.key, key), eq(notifications.entity, "proposal"), eq(notifications.entityId, String(r.id))))
          .all()
          .map((n) => n.personId),
      );
      const fresh = responsible.filter((p) => !already.has(p));
      if (!fresh.length) continue;
      tx.insert(notifications)
        .values(fresh.map((personId) => ({ personId, key, params: JSON.stringify({ title: r.title, due: formatDate(due) }), href: `/de-xuat/${r.id}`, entity: "proposal", entityId: String(r.id), createdAt: at })))
        .run();
      notified += fresh.length;
    }
    return { today, overdue: rows.length, notified };
  });
}

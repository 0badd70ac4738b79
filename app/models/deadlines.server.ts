// Deadline reminders (in-app notifications): a cadre assigned a published task by name whose
// deadline is near and who has not registered anything against it yet; the leaders who
// receive an accepted initiative whose decision is due soon.
//
// The sweep is run by cron (npm run notify:deadlines) and, throttled, by the running server.
// It is idempotent: one person is reminded once per task or initiative, checked inside the
// same IMMEDIATE write transaction as the insert, so two sweeps at once cannot both insert.
//
// No ledger event: notifications are derived from records that are ledgered themselves (the
// task's publication with its deadline, the initiative's acceptance with its due date); they
// change no record's state, and no notification anywhere in the portal is ledgered.
import { and, asc, eq, exists, gte, inArray, isNotNull, lte, notExists, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { initiativeAuthors, initiatives, notifications, organizations, people, taskAssignees, tasks } from "../../db/schema";
import { formatDate } from "~/i18n/format";
import { nowIso, write, type Ctx, type Tx } from "./context.server";
import { leadersOver } from "./initiatives-shared.server";
import { addDays, todayIso } from "./orgs-shared.server";
import { countedStatus } from "./tasks-registrations.server";
import { sweepProposalDeadlines } from "./proposals-overdue.server";

export const TASK_KEY = "deadlines.notify.task";
export const DECISION_KEY = "deadlines.notify.decision";
/** How often the running server sweeps, per process. */
export const SWEEP_INTERVAL_MS = 15 * 60 * 1000;

export type SweepResult = { window: { from: string; to: string }; taskReminders: number; decisionReminders: number };

/** No notification with this key about this entity has been given to `personId` yet. */
function notNotified(tx: Tx, personId: SQLiteColumn | number, key: string, entity: string, entityId: SQL | string): SQL {
  return notExists(
    tx
      .select({ one: sql`1` })
      .from(notifications)
      .where(and(eq(notifications.personId, personId), eq(notifications.key, key), eq(notifications.entity, entity), eq(notifications.entityId, entityId))),
  );
}

/**
 * Remind, once, (1) each active named assignee of a published task whose deadline falls
 * within today … today + `days` (Ho Chi Minh City dates) and who is not the creator or an
 * author of a registration against it that counts (not a draft, not withdrawn); (2) the
 * leaders over the receiving organization of each accepted initiative whose decision is due
 * within the same window (not its own authors: they may not decide on it).
 */
export function sweepDeadlines(ctx: Ctx, { days = 3 }: { days?: number } = {}): SweepResult {
  const from = todayIso(ctx);
  const to = addDays(from, Math.max(0, Math.floor(days)));
  return write(ctx, (tx) => {
    const at = nowIso(ctx);
    const taskIdText = sql`CAST(${tasks.id} AS TEXT)`;
    const notRegistered = notExists(
      tx
        .select({ one: sql`1` })
        .from(initiatives)
        .where(
          and(
            eq(initiatives.taskId, tasks.id),
            countedStatus(),
            or(
              eq(initiatives.createdBy, taskAssignees.personId),
              exists(tx.select({ one: sql`1` }).from(initiativeAuthors).where(and(eq(initiativeAuthors.initiativeId, initiatives.id), eq(initiativeAuthors.personId, taskAssignees.personId)))),
            ),
          ),
        ),
    );
    const due = tx
      .select({ taskId: tasks.id, title: tasks.title, deadline: tasks.deadline, personId: taskAssignees.personId })
      .from(tasks)
      .innerJoin(taskAssignees, eq(taskAssignees.taskId, tasks.id))
      .innerJoin(people, eq(people.id, taskAssignees.personId))
      .where(
        and(
          eq(tasks.status, "published"),
          gte(tasks.deadline, from),
          lte(tasks.deadline, to),
          eq(people.active, true),
          notRegistered,
          notNotified(tx, taskAssignees.personId, TASK_KEY, "task", taskIdText),
        ),
      )
      .orderBy(asc(tasks.id), asc(taskAssignees.personId))
      .all();
    if (due.length) {
      tx.insert(notifications)
        .values(
          due.map((r) => ({
            personId: r.personId,
            key: TASK_KEY,
            params: JSON.stringify({ title: r.title, deadline: formatDate(r.deadline) }),
            href: `/nhiem-vu/${r.taskId}`,
            entity: "task",
            entityId: String(r.taskId),
            createdAt: at,
          })),
        )
        .run();
    }

    const accepted = tx
      .select({ id: initiatives.id, number: initiatives.registrationNumber, title: initiatives.title, dueOn: initiatives.decisionDueOn, path: organizations.path })
      .from(initiatives)
      .innerJoin(organizations, eq(organizations.id, initiatives.receivingOrgId))
      // The days' due dates through initiatives_due_idx (the unary + keeps the planner from walking
      // every accepted registration of the city instead).
      .where(and(sql`+${initiatives.status} = 'accepted'`, isNotNull(initiatives.decisionDueOn), gte(initiatives.decisionDueOn, from), lte(initiatives.decisionDueOn, to)))
      .orderBy(asc(initiatives.id))
      .all();
    let decisionReminders = 0;
    for (const i of accepted) {
      const authorIds = tx
        .select({ personId: initiativeAuthors.personId })
        .from(initiativeAuthors)
        .where(and(eq(initiativeAuthors.initiativeId, i.id), isNotNull(initiativeAuthors.personId)))
        .all()
        .map((a) => a.personId!);
      const leaders = leadersOver(tx, i.path, authorIds);
      if (!leaders.length) continue;
      const already = new Set(
        tx
          .select({ personId: notifications.personId })
          .from(notifications)
          .where(and(inArray(notifications.personId, leaders), eq(notifications.key, DECISION_KEY), eq(notifications.entity, "initiative"), eq(notifications.entityId, String(i.id))))
          .all()
          .map((n) => n.personId),
      );
      const fresh = leaders.filter((p) => !already.has(p));
      if (!fresh.length) continue;
      tx.insert(notifications)
        .values(
          fresh.map((personId) => ({
            personId,
            key: DECISION_KEY,
            params: JSON.stringify({ number: i.number ?? "", title: i.title, due: formatDate(i.dueOn!) }),
            href: `/sang-kien/${i.id}`,
            entity: "initiative",
            entityId: String(i.id),
            createdAt: at,
          })),
        )
        .run();
      decisionReminders += fresh.length;
    }
    return { window: { from, to }, taskReminders: due.length, decisionReminders };
  });
}

let lastRunMs: number | null = null;

/**
 * For the running server's root loader: sweep at most once per SWEEP_INTERVAL_MS per process
 * (cron does the reliable run). Never throws: a failed sweep is logged and a page is never
 * refused because of it; the next try waits for the interval too.
 */
export function maybeSweepDeadlines(ctx: Ctx): SweepResult | null {
  const now = ctx.now().getTime();
  // abs(): a clock set back must not stop the sweep until it catches up again.
  if (lastRunMs !== null && Math.abs(now - lastRunMs) < SWEEP_INTERVAL_MS) return null;
  lastRunMs = now;
  try {
    const result = sweepDeadlines(ctx);
    // Innovation proposals' overdue steps (vote, report, evaluation) are reminded alike.
    sweepProposalDeadlines(ctx);
    return result;
  } catch (error) {
    console.error("[deadlines] sweep failed:", error);
    return null;
  }
}

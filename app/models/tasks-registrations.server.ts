// How many registrations (initiatives and solutions) a task has received, for the leaders who
// manage it: per target organization (its whole subtree, by the author organization's path),
// and per task on the leader's list. Drafts are not registrations yet and withdrawn ones no
// longer are; every other status counts (submitted, returned for revision, accepted, and any
// later stage of evaluation). Every query starts from initiatives' (task_id, …) index (the
// status test is a NOT IN, which the planner cannot prefer over it) and groups in SQL: no query
// per organization or per task.
import { and, count, eq, inArray, notInArray, sql, type SQL } from "drizzle-orm";
import { alias, type SQLiteColumn } from "drizzle-orm/sqlite-core";
import { initiatives, organizations, taskTargets, type InitiativeStatus } from "../../db/schema";
import { canManageTask, canViewTask } from "~/auth/policy";
import type { Ctx } from "./context.server";
import { notFound } from "./errors";
import { loadTask, type LoadedTask } from "./tasks-shared.server";

type Reader = Ctx["db"];

/** The statuses that are not (or no longer) a registration received. */
export const NOT_COUNTED = ["draft", "withdrawn"] as const satisfies readonly InitiativeStatus[];
/** The statuses shown in columns of their own; `total` counts every status but NOT_COUNTED. */
const COLUMNS = ["submitted", "returned", "accepted"] as const satisfies readonly InitiativeStatus[];
type Column = (typeof COLUMNS)[number];

/** A registration received: an SQL condition on initiatives.status. */
export const countedStatus = () => notInArray(initiatives.status, [...NOT_COUNTED]);

export type RegistrationCounts = Record<Column, number> & { total: number };
export type TargetRegistrations = { org: { id: number; code: string; name: string }; counts: RegistrationCounts };
export type TaskRegistrations = {
  /** One row per target organization, in tree order (path). */
  rows: TargetRegistrations[];
  /** Registrations whose author organization lies under none of the targets (a named assignee
   * elsewhere in the posting organization's subtree); null when there are none. */
  outside: RegistrationCounts | null;
  /** Every registration once, even when two targets overlap. */
  total: RegistrationCounts;
  /** The leader's inbox filtered by this task. */
  inboxHref: string;
};

const zero = (): RegistrationCounts => ({ submitted: 0, returned: 0, accepted: 0, total: 0 });

function add(counts: RegistrationCounts, status: InitiativeStatus, n: number): void {
  if ((COLUMNS as readonly string[]).includes(status)) counts[status as Column] += n;
  counts.total += n;
}

/** `path` lies in the subtree rooted at `root` (both columns): the same index range as underPath. */
function underColumn(path: SQLiteColumn, root: SQLiteColumn): SQL {
  return sql`(${path} >= ${root} AND ${path} < substr(${root}, 1, length(${root}) - 1) || '0')`;
}

export function inboxHrefForTask(taskId: number): string {
  return `/sang-kien?xem=tiep-nhan&nhiem-vu=${taskId}`;
}

/** The counts of a loaded task (the caller has checked that the actor manages it). */
export function registrationsOf(db: Reader, task: LoadedTask): TaskRegistrations {
  const taskId = task.row.id;
  const author = alias(organizations, "author_org");
  const target = alias(organizations, "target_org");
  const counted = and(eq(initiatives.taskId, taskId), countedStatus());
  const perTarget = db
    .select({ orgId: taskTargets.orgId, status: initiatives.status, n: count() })
    .from(initiatives)
    .innerJoin(author, eq(author.id, initiatives.authorOrgId))
    .innerJoin(taskTargets, eq(taskTargets.taskId, initiatives.taskId))
    .innerJoin(target, eq(target.id, taskTargets.orgId))
    .where(and(counted, underColumn(author.path, target.path)))
    .groupBy(taskTargets.orgId, initiatives.status)
    .all();
  const inAnyTarget = sql`EXISTS (SELECT 1 FROM ${taskTargets} JOIN ${organizations} ON ${organizations.id} = ${taskTargets.orgId}
    WHERE ${taskTargets.taskId} = ${taskId} AND ${underColumn(author.path, organizations.path)})`;
  const perStatus = db
    .select({ status: initiatives.status, n: count(), outside: sql<number>`sum(NOT ${inAnyTarget})` })
    .from(initiatives)
    .innerJoin(author, eq(author.id, initiatives.authorOrgId))
    .where(counted)
    .groupBy(initiatives.status)
    .all();

  const byOrg = new Map<number, RegistrationCounts>(task.targets.map((t) => [t.id, zero()]));
  for (const r of perTarget) {
    const counts = byOrg.get(r.orgId);
    if (counts) add(counts, r.status, r.n);
  }
  const total = zero();
  const outside = zero();
  for (const r of perStatus) {
    add(total, r.status, r.n);
    add(outside, r.status, Number(r.outside ?? 0));
  }
  return {
    rows: task.targets.map((t) => ({ org: { id: t.id, code: t.code, name: t.name }, counts: byOrg.get(t.id)! })),
    outside: outside.total ? outside : null,
    total,
    inboxHref: inboxHrefForTask(taskId),
  };
}

/**
 * The registrations a task has received per target organization, for those who may manage
 * it (the policy's canManageTask); null for anyone else who may see the task, not found for
 * those who may not. A draft has received none: its rows are all zero.
 */
export function taskRegistrations(ctx: Ctx, taskId: number): TaskRegistrations | null {
  const task = loadTask(ctx.db, taskId);
  if (!task || !canViewTask(ctx.actor, task.record)) throw notFound();
  if (!canManageTask(ctx.actor, task.record)) return null;
  return registrationsOf(ctx.db, task);
}

/** Registrations received per task, for one page of the leader's list (one grouped query). */
export function registrationTotals(db: Reader, taskIds: number[]): Map<number, number> {
  if (!taskIds.length) return new Map();
  const rows = db
    .select({ taskId: initiatives.taskId, n: count() })
    .from(initiatives)
    .where(and(inArray(initiatives.taskId, taskIds), countedStatus()))
    .groupBy(initiatives.taskId)
    .all();
  return new Map(rows.map((r) => [r.taskId!, r.n]));
}

// Pieces the task reads and writes share: loading a task with what the policy needs (its
// organization's path, targets, assignees), and the deadline tags.
import { eq } from "drizzle-orm";
import { organizations, people, taskAssignees, taskTargets, tasks, type TaskArea, type TaskStatus } from "../../db/schema";
import type { TaskRecord } from "~/auth/policy";
import type { Ctx, Tx } from "./context.server";
import { addDays, todayIso } from "./orgs-shared.server";

type Reader = Ctx["db"] | Tx;

/** Days before the deadline from which a task counts as "near" (sắp đến hạn). */
export const NEAR_DAYS = 7;

export type TaskRow = {
  id: number;
  orgId: number;
  orgPath: string;
  orgCode: string;
  orgName: string;
  title: string;
  areas: string;
  description: string;
  periodYear: number;
  periodQuarter: number | null;
  deadline: string;
  warningId: number | null;
  status: TaskStatus;
  createdBy: number;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  closedAt: string | null;
};

export type TaskTarget = { id: number; code: string; name: string; path: string };
export type TaskAssignee = { personId: number; familyName: string; middleName: string; givenName: string; orgName: string; active: boolean };

export type LoadedTask = { row: TaskRow; targets: TaskTarget[]; assignees: TaskAssignee[]; record: TaskRecord };

export function loadTask(db: Reader, id: number): LoadedTask | undefined {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const row = db
    .select({
      id: tasks.id,
      orgId: tasks.orgId,
      orgPath: organizations.path,
      orgCode: organizations.code,
      orgName: organizations.name,
      title: tasks.title,
      areas: tasks.areas,
      description: tasks.description,
      periodYear: tasks.periodYear,
      periodQuarter: tasks.periodQuarter,
      deadline: tasks.deadline,
      warningId: tasks.warningId,
      status: tasks.status,
      createdBy: tasks.createdBy,
      createdAt: tasks.createdAt,
      updatedAt: tasks.updatedAt,
      publishedAt: tasks.publishedAt,
      closedAt: tasks.closedAt,
    })
    .from(tasks)
    .innerJoin(organizations, eq(organizations.id, tasks.orgId))
    .where(eq(tasks.id, id))
    .get();
  if (!row) return undefined;
  const targets = db
    .select({ id: organizations.id, code: organizations.code, name: organizations.name, path: organizations.path })
    .from(taskTargets)
    .innerJoin(organizations, eq(organizations.id, taskTargets.orgId))
    .where(eq(taskTargets.taskId, id))
    .orderBy(organizations.path)
    .all();
  const assignees = db
    .select({
      personId: people.id,
      familyName: people.familyName,
      middleName: people.middleName,
      givenName: people.givenName,
      orgName: organizations.name,
      active: people.active,
      sortKey: people.sortKey,
    })
    .from(taskAssignees)
    .innerJoin(people, eq(people.id, taskAssignees.personId))
    .innerJoin(organizations, eq(organizations.id, people.orgId))
    .where(eq(taskAssignees.taskId, id))
    .orderBy(people.sortKey, people.id)
    .all()
    .map(({ sortKey: _s, ...a }) => a);
  return {
    row,
    targets,
    assignees,
    record: { orgPath: row.orgPath, status: row.status, targetPaths: targets.map((t) => t.path), assigneeIds: assignees.map((a) => a.personId) },
  };
}

export function parseAreas(areas: string): TaskArea[] {
  return areas.split(",").filter(Boolean) as TaskArea[];
}

export type DueTag = "overdue" | "near" | null;

/** Quá hạn / Sắp đến hạn, for open (published) tasks only; today counts as not yet overdue. */
export function dueTag(ctx: Ctx, status: TaskStatus, deadline: string): DueTag {
  if (status !== "published") return null;
  const today = todayIso(ctx);
  if (deadline < today) return "overdue";
  if (deadline <= addDays(today, NEAR_DAYS)) return "near";
  return null;
}

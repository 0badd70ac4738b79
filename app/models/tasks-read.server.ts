// Reading prevention tasks: one task (canViewTask, else not found), the leader's list of tasks
// posted within their scopes, the list of tasks that reach the actor's organization or are
// assigned to them, the form's options, and the home page's counts.
import { and, asc, count, desc, eq, inArray, isNull, like, lte, or, sql, type SQL } from "drizzle-orm";
import { accounts, organizations, people, taskAssignees, taskTargets, tasks, type TaskArea, type TaskStatus } from "../../db/schema";
import { canAnywhere, canManageTask, canViewTask, hasRole, scopes, type Actor } from "~/auth/policy";
import { formatDate } from "~/i18n/format";
import { areaField, type TaskFilters } from "~/schemas/tasks";
import { fold, likeEscape } from "~/utils/fold";
import type { Ctx } from "./context.server";
import { actorKey, preparedOnce } from "./compiled.server";
import { memoCount } from "./count-memo.server";
import { forbidden, notFound } from "./errors";
import { unreadCount } from "./notifications.server";
import { addDays, idsOfPath, loadNode, todayIso, underPath } from "./orgs-shared.server";
import { pathScope } from "./scope.server";
import { registrationsOf, registrationTotals } from "./tasks-registrations.server";
import { dueTag, loadTask, NEAR_DAYS, parseAreas, type DueTag } from "./tasks-shared.server";

export { taskRegistrations, type TaskRegistrations } from "./tasks-registrations.server";

export const TASK_PAGE_SIZE = 25;

export type TaskListRow = {
  id: number;
  title: string;
  orgName: string;
  areas: TaskArea[];
  periodYear: number;
  periodQuarter: number | null;
  deadline: string;
  status: TaskStatus;
  due: DueTag;
  assignedToMe: boolean;
  /** Registrations received (the leader's list only; null elsewhere). */
  registrations: number | null;
};

export type Paged<T> = { rows: T[]; total: number; page: number };

/** One task the actor may see (the policy's canViewTask); anything else is not found. */
export function getTask(ctx: Ctx, id: number) {
  const task = loadTask(ctx.db, id);
  if (!task || !canViewTask(ctx.actor, task.record)) throw notFound();
  const manage = canManageTask(ctx.actor, task.record);
  const { row } = task;
  return {
    id: row.id,
    org: { id: row.orgId, code: row.orgCode, name: row.orgName },
    title: row.title,
    areas: parseAreas(row.areas),
    description: row.description,
    periodYear: row.periodYear,
    periodQuarter: row.periodQuarter,
    deadline: row.deadline,
    status: row.status,
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    closedAt: row.closedAt,
    due: dueTag(ctx, row.status, row.deadline),
    targets: task.targets.map(({ id: tid, code, name }) => ({ id: tid, code, name })),
    assignees: task.assignees.map(({ personId, familyName, middleName, givenName, orgName }) => ({ personId, familyName, middleName, givenName, orgName })),
    assignedToMe: !!ctx.actor && task.record.assigneeIds.includes(ctx.actor.personId),
    allowed: { edit: manage && row.status === "draft", publish: manage && row.status === "draft", close: manage && row.status === "published" },
    // Per target organization, for those who manage the task; a draft has received none.
    registrations: manage && row.status !== "draft" ? registrationsOf(ctx.db, task) : null,
  };
}

/** The organizations the actor may post tasks from: the roots of their task.manage scopes. */
export function taskFormOptions(ctx: Ctx): { orgs: { id: number; code: string; name: string }[] } {
  const roots = scopes(ctx.actor, "task.manage");
  if (!roots.length) throw forbidden();
  const orgs = ctx.db
    .select({ id: organizations.id, code: organizations.code, name: organizations.name })
    .from(organizations)
    .where(and(inArray(organizations.path, roots), isNull(organizations.validTo)))
    .orderBy(asc(organizations.depth), asc(organizations.searchName))
    .all();
  if (!orgs.length) throw forbidden();
  return { orgs };
}

/** A draft as the edit form shows it (dd/mm/yyyy, codes and usernames one per line). */
export function taskForEdit(ctx: Ctx, id: number) {
  const task = loadTask(ctx.db, id);
  if (!task || !canViewTask(ctx.actor, task.record)) throw notFound();
  if (!canManageTask(ctx.actor, task.record)) throw forbidden();
  const { row } = task;
  const usernames = task.assignees.length
    ? ctx.db.select({ username: accounts.username }).from(accounts).where(inArray(accounts.personId, task.record.assigneeIds)).orderBy(asc(accounts.username)).all()
    : [];
  const areas = parseAreas(row.areas);
  const values: Record<string, string | boolean> = {
    orgId: String(row.orgId),
    title: row.title,
    description: row.description,
    periodYear: String(row.periodYear),
    periodQuarter: row.periodQuarter ? String(row.periodQuarter) : "",
    deadline: formatDate(row.deadline),
    // The default target (the posting organization itself) is left blank, as it was typed.
    targets: task.targets.length === 1 && task.targets[0].id === row.orgId ? "" : task.targets.map((t) => t.code).join("\n"),
    assignees: usernames.map((u) => u.username).join("\n"),
  };
  for (const area of areas) values[areaField(area)] = true;
  return { id: row.id, title: row.title, status: row.status, values, ...taskFormOptions(ctx) };
}

/** People who may be assigned from `orgId` (active, with an account, in its subtree) matching `q`. */
export function findAssignees(ctx: Ctx, orgId: number, q: string, limit = 20) {
  const org = loadNode(ctx.db, orgId);
  if (!org || !canManageTask(ctx.actor, { orgPath: org.path })) return [];
  const words = fold(q).split(" ").filter(Boolean).slice(0, 6);
  if (!words.length) return [];
  return ctx.db
    .select({ familyName: people.familyName, middleName: people.middleName, givenName: people.givenName, username: accounts.username, orgName: organizations.name })
    .from(people)
    .innerJoin(accounts, eq(accounts.personId, people.id))
    .innerJoin(organizations, eq(organizations.id, people.orgId))
    .where(
      and(
        underPath(organizations.path, org.path),
        eq(people.active, true),
        ...words.map((w) => or(like(people.searchName, `%${likeEscape(w)}%`), like(accounts.username, `%${likeEscape(w)}%`))),
      ),
    )
    .orderBy(asc(people.sortKey), asc(people.id))
    .limit(limit)
    .all();
}

const assignedToMe = (personId: number) =>
  sql<number>`EXISTS (SELECT 1 FROM task_assignees a WHERE a.task_id = "tasks"."id" AND a.person_id = ${personId})`;

function filterWhere(ctx: Ctx, f: Partial<TaskFilters>): SQL[] {
  const where: SQL[] = [];
  if (f.status) where.push(eq(tasks.status, f.status));
  if (f.area) where.push(sql`(',' || ${tasks.areas} || ',') LIKE ${`%,${f.area},%`}`);
  if (f.year) where.push(eq(tasks.periodYear, f.year));
  if (f.quarter) where.push(eq(tasks.periodQuarter, f.quarter));
  if (f.nearDue) where.push(eq(tasks.status, "published"), lte(tasks.deadline, addDays(todayIso(ctx), NEAR_DAYS)));
  return where;
}

function page(ctx: Ctx, where: SQL | undefined, pageNo: number, order: SQL[], withRegistrations = false): Paged<TaskListRow> {
  const personId = ctx.actor?.personId ?? 0;
  const total = ctx.db.select({ n: count() }).from(tasks).innerJoin(organizations, eq(organizations.id, tasks.orgId)).where(where).get()!.n;
  const rows = ctx.db
    .select({
      id: tasks.id,
      title: tasks.title,
      orgName: organizations.name,
      areas: tasks.areas,
      periodYear: tasks.periodYear,
      periodQuarter: tasks.periodQuarter,
      deadline: tasks.deadline,
      status: tasks.status,
      mine: assignedToMe(personId),
    })
    .from(tasks)
    .innerJoin(organizations, eq(organizations.id, tasks.orgId))
    .where(where)
    .orderBy(...order)
    .limit(TASK_PAGE_SIZE)
    .offset((pageNo - 1) * TASK_PAGE_SIZE)
    .all();
  const received = withRegistrations ? registrationTotals(ctx.db, rows.map((r) => r.id)) : null;
  return {
    total,
    page: pageNo,
    rows: rows.map(({ mine, areas, ...r }) => ({
      areas: parseAreas(areas),
      assignedToMe: !!mine,
      due: dueTag(ctx, r.status, r.deadline),
      registrations: received ? (received.get(r.id) ?? 0) : null,
      ...r,
    })),
  };
}

/** Tasks posted by organizations within the actor's task.manage scopes, by deadline. */
export function listTasksForLeader(ctx: Ctx, f: Partial<TaskFilters> & { page?: number }): Paged<TaskListRow> {
  if (!canAnywhere(ctx.actor, "task.manage")) throw forbidden();
  const where = and(pathScope(organizations.path, ctx.actor, "task.manage"), ...filterWhere(ctx, f));
  // Every task listed here is one the actor manages: its registrations are theirs to count.
  return page(ctx, where, Math.max(1, f.page ?? 1), [asc(tasks.deadline), asc(tasks.id)], true);
}

/** Tasks that reach the actor (a target on their org path, or assigned to them; `mine`: assigned
 * only), whatever their status. Exported for search (app/models/search.server.ts). */
export function reachScope(ctx: Ctx, actor: Actor, mine = false): SQL {
  const mineSql = inArray(tasks.id, ctx.db.select({ id: taskAssignees.taskId }).from(taskAssignees).where(eq(taskAssignees.personId, actor.personId)));
  if (mine) return mineSql;
  return or(inArray(tasks.id, ctx.db.select({ id: taskTargets.taskId }).from(taskTargets).where(inArray(taskTargets.orgId, idsOfPath(actor.orgPath)))), mineSql)!;
}

/**
 * Published and closed tasks that reach the actor: a target is their organization or one of
 * its ancestors (the ids on their org path, through task_targets' (org_id, task_id) index),
 * or they are an assignee. `mine` keeps only the assigned ones. Open tasks first, by deadline.
 */
export function listTasksReachingMe(ctx: Ctx, f: Partial<TaskFilters> & { mine?: boolean; page?: number }): Paged<TaskListRow> {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const status = f.status === "draft" ? undefined : f.status;
  const where = and(inArray(tasks.status, ["published", "closed"]), reachScope(ctx, actor, f.mine), ...filterWhere(ctx, { ...f, status }));
  return page(ctx, where, Math.max(1, f.page ?? 1), [desc(sql`${tasks.status} = 'published'`), asc(tasks.deadline), asc(tasks.id)]);
}

export type TaskHomeCard = { key: "tasksNearDeadline" | "myTasks" | "unreadNotifications"; count: number; href: string };

/** Cards for the home page: leaders' tasks near or past their deadline; my open tasks; unread notifications. */
export function homeTaskCards(ctx: Ctx): TaskHomeCard[] {
  const actor = ctx.actor;
  if (!actor) return [];
  const cards: TaskHomeCard[] = [];
  if (canAnywhere(actor, "task.manage")) {
    const near = memoCount(ctx.db, `home tasksNearDeadline\u0000${actorKey(actor)}\u0000${todayIso(ctx)}`, () =>
      ctx.db
        .select({ n: count() })
        .from(tasks)
        .innerJoin(organizations, eq(organizations.id, tasks.orgId))
        .where(and(pathScope(organizations.path, actor, "task.manage"), ...filterWhere(ctx, { nearDue: true }))),
    );
    cards.push({ key: "tasksNearDeadline", count: near, href: "/nhiem-vu?xem=da-giao&han=sap-den" });
  }
  const mine = preparedOnce(ctx.db, "home myTasks", () =>
    ctx.db
      .select({ n: count() })
      .from(taskAssignees)
      .innerJoin(tasks, eq(tasks.id, taskAssignees.taskId))
      .where(and(eq(taskAssignees.personId, sql.placeholder("person")), eq(tasks.status, "published"))),
  ).get({ person: actor.personId })!.n;
  const unread = unreadCount(ctx);
  if (mine > 0 || hasRole(actor, "cadre")) cards.push({ key: "myTasks", count: mine, href: "/nhiem-vu?xem=cua-toi&trang-thai=da-ban-hanh" });
  if (unread > 0 || hasRole(actor, "cadre")) cards.push({ key: "unreadNotifications", count: unread, href: "/thong-bao" });
  return cards;
}

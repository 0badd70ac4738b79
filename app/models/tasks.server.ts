// Prevention tasks (nhiệm vụ phòng ngừa): a leader posts a task from a party organization to
// its subtree, draft → published → closed. Every change is one write(): policy → validation →
// rows → ledger event. Ledger payloads carry ids and a hash of the text, never the text or
// anyone's name. Reads live in tasks-read.server.ts (re-exported below).
import { eq, inArray } from "drizzle-orm";
import { accounts, notifications, organizations, people, taskAssignees, taskTargets, tasks, TASK_AREAS } from "../../db/schema";
import { canAnywhere, canManageTask, canPostTask, inSubtree } from "~/auth/policy";
import { MARKUP } from "~/schemas/common";
import { MAX_ASSIGNEES, MAX_TARGETS, MAX_YEAR, MIN_YEAR, type TaskInput } from "~/schemas/tasks";
import { fold } from "~/utils/fold";
import { canonicalJson, sha256Hex } from "~/utils/canonical.server";
import { nowIso, write, type Ctx, type Tx } from "./context.server";
import { forbidden, invalid, notFound, type FieldErrors } from "./errors";
import { appendEvent } from "./ledger.server";
import { isIsoDate, loadNode, todayIso } from "./orgs-shared.server";
import { loadTask, type LoadedTask } from "./tasks-shared.server";

export * from "./tasks-read.server";

type Checked = {
  orgId: number;
  title: string;
  areas: string;
  description: string;
  periodYear: number;
  periodQuarter: number | null;
  deadline: string;
  targetIds: number[];
  assigneeIds: number[];
};

/** The columns a draft's form decides (the server sets status and times). */
function editableColumns(v: Checked) {
  const { orgId, title, areas, description, periodYear, periodQuarter, deadline } = v;
  return { orgId, title, areas, description, periodYear, periodQuarter, deadline, searchText: fold(`${title} ${description}`) };
}

export function createTask(ctx: Ctx, input: TaskInput): { id: number } {
  return write(ctx, (tx) => {
    if (!canAnywhere(ctx.actor, "task.manage")) throw forbidden();
    const v = check(ctx, tx, input);
    const at = nowIso(ctx);
    const { id } = tx
      .insert(tasks)
      .values({
        ...editableColumns(v),
        warningId: null,
        status: "draft",
        createdBy: ctx.actor!.personId,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: tasks.id })
      .get();
    writeLinks(tx, id, v);
    appendEvent(ctx, tx, { action: "task.created", entity: "task", entityId: id, orgId: v.orgId, payload: { before: null, after: evidence(v) } });
    return { id };
  });
}

/** Change a draft. A published task is no longer edited, only closed. */
export function updateTask(ctx: Ctx, id: number, input: TaskInput): void {
  write(ctx, (tx) => {
    const task = managedTask(ctx, tx, id);
    if (task.row.status !== "draft") throw invalid({}, "tasks.errors.notDraft");
    const v = check(ctx, tx, input);
    tx.update(tasks)
      .set({
        ...editableColumns(v),
        updatedAt: nowIso(ctx),
      })
      .where(eq(tasks.id, id))
      .run();
    tx.delete(taskTargets).where(eq(taskTargets.taskId, id)).run();
    tx.delete(taskAssignees).where(eq(taskAssignees.taskId, id)).run();
    writeLinks(tx, id, v);
    appendEvent(ctx, tx, { action: "task.updated", entity: "task", entityId: id, orgId: v.orgId, payload: { before: evidence(asChecked(task)), after: evidence(v) } });
  });
}

/** Publish a draft: it reaches its targets, and each assignee gets a notification. */
export function publishTask(ctx: Ctx, id: number): void {
  write(ctx, (tx) => {
    const task = managedTask(ctx, tx, id);
    if (task.row.status !== "draft") throw invalid({}, "tasks.errors.notDraft");
    if (task.row.deadline < todayIso(ctx)) throw invalid({}, "tasks.errors.deadlinePassedPublish");
    const at = nowIso(ctx);
    tx.update(tasks).set({ status: "published", publishedAt: at, updatedAt: at }).where(eq(tasks.id, id)).run();
    const assigneeIds = task.assignees.filter((a) => a.active).map((a) => a.personId);
    if (assigneeIds.length) {
      tx.insert(notifications)
        .values(
          assigneeIds.map((personId) => ({
            personId,
            key: "tasks.notify.assigned",
            params: JSON.stringify({ title: task.row.title }),
            href: `/nhiem-vu/${id}`,
            entity: "task",
            entityId: String(id),
            createdAt: at,
          })),
        )
        .run();
    }
    appendEvent(ctx, tx, {
      action: "task.published",
      entity: "task",
      entityId: id,
      orgId: task.row.orgId,
      payload: { before: { status: "draft" }, after: { status: "published" }, notifiedIds: assigneeIds },
    });
  });
}

/** Close a published task: it stays readable, nothing more is expected under it. */
export function closeTask(ctx: Ctx, id: number): void {
  write(ctx, (tx) => {
    const task = managedTask(ctx, tx, id);
    if (task.row.status !== "published") throw invalid({}, "tasks.errors.notPublished");
    const at = nowIso(ctx);
    tx.update(tasks).set({ status: "closed", closedAt: at, updatedAt: at }).where(eq(tasks.id, id)).run();
    appendEvent(ctx, tx, { action: "task.closed", entity: "task", entityId: id, orgId: task.row.orgId, payload: { before: { status: "published" }, after: { status: "closed" } } });
  });
}

// --- helpers ---------------------------------------------------------------------------

/** The task, if the actor may manage it: not found when they may not even see it. */
function managedTask(ctx: Ctx, tx: Tx, id: number): LoadedTask {
  const task = loadTask(tx, id);
  if (!task) throw notFound();
  if (!canManageTask(ctx.actor, task.record)) {
    // Whoever cannot see it learns nothing; a cadre who can see it is simply not allowed.
    throw notFound();
  }
  return task;
}

function cleanText(value: string): string {
  return value.normalize("NFC").trim();
}

function textError(value: string, max: number): string | null {
  if (!value) return "errors.required";
  if (value.length > max) return "errors.tooLong";
  if (MARKUP.test(value)) return "errors.noMarkup";
  return null;
}

/** Every rule of a task's content, re-checked here whatever the form already checked. */
function check(ctx: Ctx, tx: Tx, input: TaskInput): Checked {
  const errors: FieldErrors = {};
  const title = cleanText(input.title).replace(/\s+/g, " ");
  const description = cleanText(input.description);
  const titleError = textError(title, 300);
  if (titleError) errors.title = titleError;
  const descriptionError = textError(description, 5000);
  if (descriptionError) errors.description = descriptionError;
  const areas = TASK_AREAS.filter((a) => input.areas.includes(a));
  if (!areas.length || input.areas.some((a) => !(TASK_AREAS as readonly string[]).includes(a))) errors.areas = "tasks.errors.areaRequired";
  if (!Number.isInteger(input.periodYear) || input.periodYear < MIN_YEAR || input.periodYear > MAX_YEAR) errors.periodYear = "tasks.errors.year";
  if (input.periodQuarter !== null && ![1, 2, 3, 4].includes(input.periodQuarter)) errors.periodQuarter = "errors.chooseOne";
  if (!isIsoDate(input.deadline)) errors.deadline = "errors.invalidDate";
  else if (input.deadline < todayIso(ctx)) errors.deadline = "tasks.errors.deadlinePast";

  // The posting organization: one the actor leads (or below it), open. Anything else typed
  // or smuggled into the form is refused on the field, without saying whether it exists.
  const org = loadNode(tx, input.orgId);
  const orgOk = !!org && !org.validTo && canManageTask(ctx.actor, { orgPath: org.path });
  if (!orgOk) errors.orgId = "tasks.errors.orgNotAllowed";

  let targetIds: number[] = [];
  let assigneeIds: number[] = [];
  if (org && orgOk) {
    const codes = [...new Set(input.targets.map((c) => c.trim().toUpperCase()).filter(Boolean))];
    if (codes.length > MAX_TARGETS) errors.targets = "tasks.errors.tooMany";
    else if (!codes.length) targetIds = [org.id];
    else {
      const found = tx
        .select({ id: organizations.id, code: organizations.code, path: organizations.path, validTo: organizations.validTo })
        .from(organizations)
        .where(inArray(organizations.code, codes))
        .all();
      const ok = found.filter((n) => !n.validTo && canPostTask(ctx.actor, org.path, n.path));
      if (ok.length !== codes.length) errors.targets = "tasks.errors.targetOutside";
      targetIds = ok.map((n) => n.id);
    }
    const usernames = [...new Set(input.assignees.map((u) => u.trim().toLowerCase()).filter(Boolean))];
    if (usernames.length > MAX_ASSIGNEES) errors.assignees = "tasks.errors.tooMany";
    else if (usernames.length) {
      const found = tx
        .select({ personId: people.id, active: people.active, path: organizations.path })
        .from(accounts)
        .innerJoin(people, eq(people.id, accounts.personId))
        .innerJoin(organizations, eq(organizations.id, people.orgId))
        .where(inArray(accounts.username, usernames))
        .all();
      const ok = found.filter((p) => p.active && inSubtree(p.path, org.path));
      if (ok.length !== usernames.length) errors.assignees = "tasks.errors.assigneeOutside";
      assigneeIds = ok.map((p) => p.personId);
    }
  }
  if (Object.keys(errors).length || !org) throw invalid(errors);
  return {
    orgId: org.id,
    title,
    areas: areas.join(","),
    description,
    periodYear: input.periodYear,
    periodQuarter: input.periodQuarter,
    deadline: input.deadline,
    targetIds: [...new Set(targetIds)].sort((a, b) => a - b),
    assigneeIds: [...new Set(assigneeIds)].sort((a, b) => a - b),
  };
}

function writeLinks(tx: Tx, taskId: number, v: Checked): void {
  if (v.targetIds.length) tx.insert(taskTargets).values(v.targetIds.map((orgId) => ({ taskId, orgId }))).run();
  if (v.assigneeIds.length) tx.insert(taskAssignees).values(v.assigneeIds.map((personId) => ({ taskId, personId }))).run();
}

function asChecked(task: LoadedTask): Checked {
  const r = task.row;
  return {
    orgId: r.orgId,
    title: r.title,
    areas: r.areas,
    description: r.description,
    periodYear: r.periodYear,
    periodQuarter: r.periodQuarter,
    deadline: r.deadline,
    targetIds: task.targets.map((t) => t.id).sort((a, b) => a - b),
    assigneeIds: task.assignees.map((a) => a.personId).sort((a, b) => a - b),
  };
}

/** What the ledger keeps of a task: ids and dates in clear, the free text only as a hash. */
function evidence(v: Checked) {
  const { title, description, ...rest } = v;
  return { ...rest, contentSha256: sha256Hex(canonicalJson({ title, description })) };
}

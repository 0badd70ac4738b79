// What the pages of the application form need besides the initiative itself: the choices of a
// new registration (the open tasks that reach the actor, the organizations they may register
// with), and the problems that still stand between a draft and its submission.
import { and, asc, inArray, isNull } from "drizzle-orm";
import { organizations } from "../../db/schema";
import { canRegisterTo, canViewTask } from "~/auth/policy";
import type { InitiativeFilters } from "~/schemas/initiative-filters";
import type { FieldErrors } from "~/schemas/initiatives";
import type { Ctx } from "./context.server";
import { forbidden } from "./errors";
import { completenessErrors } from "./initiatives-content.server";
import { isAuthor, loadVersion, parseContent, viewable } from "./initiatives-shared.server";
import { listInbox } from "./initiatives-inbox.server";
import type { InitiativeListRow, Paged } from "./initiatives-lists.server";
import { inboxPermission, matchOrgs } from "./org-pick.server";
import { idsOfPath } from "./orgs-shared.server";
import { listTasksReachingMe } from "./tasks-read.server";
import { loadTask } from "./tasks-shared.server";

export type RegistrationOptions = {
  /** The task the registration answers, when one was chosen and is open to the actor. */
  task: { id: number; title: string; orgId: number; orgName: string } | null;
  /** Open tasks that reach the actor (the soonest deadlines first; one page at most). */
  tasks: { id: number; title: string; orgName: string; deadline: string }[];
  /** The organizations the actor may register with: their own, then each one above it. */
  orgs: { id: number; name: string }[];
};

export function registrationOptions(ctx: Ctx, taskId: number | null): RegistrationOptions {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const loaded = taskId ? loadTask(ctx.db, taskId) : undefined;
  const task =
    loaded && loaded.row.status === "published" && canViewTask(actor, loaded.record)
      ? { id: loaded.row.id, title: loaded.row.title, orgId: loaded.row.orgId, orgName: loaded.row.orgName }
      : null;
  const open = listTasksReachingMe(ctx, { status: "published", page: 1 }).rows;
  const chain = ctx.db
    .select({ id: organizations.id, name: organizations.name, path: organizations.path })
    .from(organizations)
    .where(and(inArray(organizations.id, idsOfPath(actor.orgPath)), isNull(organizations.validTo)))
    .orderBy(asc(organizations.depth))
    .all()
    .filter((o) => canRegisterTo(actor, o.path))
    .reverse();
  return {
    task,
    tasks: open.map((r) => ({ id: r.id, title: r.title, orgName: r.orgName, deadline: r.deadline })),
    orgs: chain.map(({ id, name }) => ({ id, name })),
  };
}

/** What submission would refuse now, by section-prefixed field ("general.title"); authors only. */
export function submissionProblems(ctx: Ctx, id: number): FieldErrors {
  const loaded = viewable(ctx, ctx.db, id);
  if (!isAuthor(ctx, loaded)) throw forbidden();
  const { row } = loaded;
  const version = loadVersion(ctx.db, id, row.currentVersion);
  if (!version || version.contentSha256) return {};
  return completenessErrors(ctx, row.kind, parseContent(version.content), loaded.authors, row.createdBy);
}


export type InboxView = {
  list: Paged<InitiativeListRow>;
  /** The task filtered on, when it is one the actor may see. */
  task: { id: number; title: string } | null;
  /** The organization filtered on, resolved within the actor's scope; null when not found. */
  org: { id: number; code: string; name: string } | null;
};

/** The receiving leaders' inbox page: the filters resolved (task, organization typed by code
 * or name) and the page of registrations. The organization box's suggestions are loaded as it
 * is typed in (/to-chuc/goi-y). */
export function inboxView(ctx: Ctx, f: InitiativeFilters, page: number): InboxView {
  const org = f.org ? (matchOrgs(ctx, f.org, inboxPermission(ctx.actor), 1)[0] ?? null) : null;
  const loaded = f.taskId ? loadTask(ctx.db, f.taskId) : undefined;
  const task = loaded && canViewTask(ctx.actor, loaded.record) ? { id: loaded.row.id, title: loaded.row.title } : null;
  const list = listInbox(ctx, { ...f, orgId: f.org ? (org?.id ?? -1) : null, page });
  return { list, task, org: org && { id: org.id, code: org.code, name: org.name } };
}

// THE policy module: the one place that answers "may this actor do this to that record?".
// Routes and models ask it; nothing else re-implements a rule. It is pure (no database), so
// the same answers serve the server, the interface and the property tests.
import type { InitiativeStatus, Role, TaskStatus } from "../../db/enums";

export type Grant = { role: Role; orgId: number; orgPath: string };

export type Actor = {
  personId: number;
  orgId: number;
  orgPath: string;
  grants: Grant[];
};

export type Permission =
  | "org.view"
  | "org.manage"
  | "person.view"
  | "person.manage"
  | "role.grant"
  | "people.import"
  | "ledger.view"
  | "task.manage"
  | "initiative.receive"
  | "initiative.audit"
  | "rubric.manage"
  | "council.manage"
  | "credit.view"
  | "calendar.manage";

const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ["org.view", "org.manage", "person.view", "person.manage", "role.grant", "people.import", "ledger.view", "rubric.manage", "calendar.manage"],
  inspector: ["org.view", "person.view", "ledger.view", "initiative.audit", "credit.view"],
  organization_staff: ["org.view", "person.view", "credit.view"],
  leader: ["org.view", "person.view", "task.manage", "initiative.receive", "credit.view"],
  internal_affairs: ["org.view"],
  secretary: ["org.view", "person.view", "rubric.manage", "council.manage"],
  evaluator: [],
  cadre: [],
};

/** Is `path` the subtree root `scope` itself or below it? Paths look like "/1/17/230/". */
export function inSubtree(path: string, scope: string): boolean {
  return path.startsWith(scope);
}

export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** May the actor exercise `permission` on a record that belongs to the node at `orgPath`? */
export function can(actor: Actor | null, permission: Permission, orgPath: string): boolean {
  if (!actor) return false;
  return actor.grants.some((g) => roleAllows(g.role, permission) && inSubtree(orgPath, g.orgPath));
}

/** Does the actor hold `permission` anywhere (to show a menu entry)? */
export function canAnywhere(actor: Actor | null, permission: Permission): boolean {
  return !!actor && actor.grants.some((g) => roleAllows(g.role, permission));
}

/**
 * The subtree roots within which the actor holds `permission`, minimal (no root inside
 * another), for scoping queries: `path LIKE root || '%'` for each.
 */
export function scopes(actor: Actor | null, permission: Permission): string[] {
  if (!actor) return [];
  const roots = [...new Set(actor.grants.filter((g) => roleAllows(g.role, permission)).map((g) => g.orgPath))];
  roots.sort((a, b) => a.length - b.length);
  const minimal: string[] = [];
  for (const r of roots) if (!minimal.some((m) => inSubtree(r, m))) minimal.push(r);
  return minimal;
}

export function hasRole(actor: Actor | null, role: Role): boolean {
  return !!actor && actor.grants.some((g) => g.role === role);
}

// --- Records ---------------------------------------------------------------------------

export type OrgNode = { id: number; path: string; parentPath: string | null };

/** Rename, move or close a node: decided by the node's parent, so an administrator of a
 * subtree manages what is below its root but not the root itself (the level above does). */
export function canManageNode(actor: Actor | null, node: OrgNode): boolean {
  return can(actor, "org.manage", node.parentPath ?? node.path);
}

export function canCreateChild(actor: Actor | null, parent: { path: string }): boolean {
  return can(actor, "org.manage", parent.path);
}

/** Moving needs the node and the new parent both in the actor's care, and no cycle. */
export function canMoveNode(actor: Actor | null, node: OrgNode, newParent: { path: string }): boolean {
  return canManageNode(actor, node) && can(actor, "org.manage", newParent.path) && !inSubtree(newParent.path, node.path);
}

export type PersonRecord = { id: number; orgPath: string };

export function canViewPerson(actor: Actor | null, person: PersonRecord): boolean {
  return !!actor && (actor.personId === person.id || can(actor, "person.view", person.orgPath));
}

export function canManagePerson(actor: Actor | null, person: PersonRecord): boolean {
  return can(actor, "person.manage", person.orgPath);
}

/** Grant or revoke a role on a node: an administrator of that subtree, for any person who
 * is in the administrator's care, and never on themselves (no self-elevation). */
export function canGrant(actor: Actor | null, person: PersonRecord, grantOrgPath: string): boolean {
  return canGrantTo(actor, person) && can(actor, "role.grant", grantOrgPath);
}

/** Could the actor grant this person a role anywhere (to offer the grant form)? */
export function canGrantTo(actor: Actor | null, person: PersonRecord): boolean {
  return !!actor && actor.personId !== person.id && canAnywhere(actor, "role.grant") && can(actor, "person.manage", person.orgPath);
}

export function canViewLedgerOf(actor: Actor | null, orgPath: string | null): boolean {
  // Events with no organization (sign-in attempts of unknown names) are for city-level eyes:
  // the holder of ledger.view at the root.
  return orgPath === null
    ? !!actor && actor.grants.some((g) => roleAllows(g.role, "ledger.view") && g.orgPath.split("/").length === 3)
    : can(actor, "ledger.view", orgPath);
}

/** Deactivate someone or issue them a password: an administrator in their care, never for
 * oneself (one's own password is changed at /doi-mat-khau, and nobody locks themselves out). */
export function canAdministerAccount(actor: Actor | null, person: PersonRecord): boolean {
  return !!actor && actor.personId !== person.id && canManagePerson(actor, person);
}

// --- Prevention tasks --------------------------------------------------------------------

export type TaskRecord = { orgPath: string; status: TaskStatus; targetPaths: string[]; assigneeIds: number[] };

/** Edit, publish or close a task: a leader of the posting organization or above it. */
export function canManageTask(actor: Actor | null, task: Pick<TaskRecord, "orgPath">): boolean {
  return can(actor, "task.manage", task.orgPath);
}

/** Post a task from `orgPath` to `targetPath`: a leader there, and only into its subtree. */
export function canPostTask(actor: Actor | null, orgPath: string, targetPath: string): boolean {
  return can(actor, "task.manage", orgPath) && inSubtree(targetPath, orgPath);
}

/** See a task: whoever manages it; once published, the people of every organization it
 * reaches (a target or below it) and the cadres it is assigned to. Drafts stay with the leaders. */
export function canViewTask(actor: Actor | null, task: TaskRecord): boolean {
  if (!actor) return false;
  if (canManageTask(actor, task)) return true;
  if (task.status === "draft") return false;
  return task.assigneeIds.includes(actor.personId) || task.targetPaths.some((target) => inSubtree(actor.orgPath, target));
}

// --- Initiatives and prevention solutions ------------------------------------------------

export type InitiativeRecord = {
  status: InitiativeStatus;
  receivingOrgPath: string;
  createdBy: number;
  /** People of the portal among the authors (outside co-authors have no account). */
  authorIds: number[];
  /** Evaluators assigned to it by a council (they read what they score). */
  evaluatorIds?: number[];
};

export function isAuthor(actor: Actor | null, i: InitiativeRecord): boolean {
  return !!actor && (i.createdBy === actor.personId || i.authorIds.includes(actor.personId));
}

/** Drafts are private to their authors; once submitted, the receiving organization's leaders
 * and the inspection within its subtree see it too. */
export function canViewInitiative(actor: Actor | null, i: InitiativeRecord): boolean {
  if (isAuthor(actor, i)) return true;
  if (i.status === "draft") return false;
  if (actor && i.evaluatorIds?.includes(actor.personId)) return true;
  return can(actor, "initiative.receive", i.receivingOrgPath) || can(actor, "initiative.audit", i.receivingOrgPath);
}

/** Edit and submit: the authors, while it is a draft or was returned for revision. */
export function canEditInitiative(actor: Actor | null, i: InitiativeRecord): boolean {
  return isAuthor(actor, i) && (i.status === "draft" || i.status === "returned");
}

/** Withdraw: the authors, after submitting and before evaluation. */
export function canWithdrawInitiative(actor: Actor | null, i: InitiativeRecord): boolean {
  return isAuthor(actor, i) && (i.status === "submitted" || i.status === "returned" || i.status === "accepted");
}

/** Accept or return a submitted registration: a leader of the receiving organization (or above)
 * who is not one of its authors. */
export function canReceiveInitiative(actor: Actor | null, i: InitiativeRecord): boolean {
  return i.status === "submitted" && !isAuthor(actor, i) && can(actor, "initiative.receive", i.receivingOrgPath);
}

/** Register to an organization: the author's own, or one above it (a task's posting
 * organization is one of those for everyone it reaches). */
export function canRegisterTo(actor: Actor | null, receivingOrgPath: string): boolean {
  return !!actor && inSubtree(actor.orgPath, receivingOrgPath);
}

// The rules of evaluation, crediting and innovation proposals live beside this file and are
// part of this module: import them from here.
export * from "./policy-evaluation";

// Organizations: the party tree with materialized paths and validity dates. Every change is
// one IMMEDIATE transaction: policy → validation → rows → ledger event. Rename, move and close
// keep the previous state in organization_versions so older records still show where they
// were made. Reads live in orgs-read.server.ts (re-exported below).
import { eq, sql } from "drizzle-orm";
import { organizations, organizationVersions, type OrgKind } from "../../db/schema";
import { canCreateChild, canManageNode, canMoveNode, inSubtree } from "~/auth/policy";
import { fold } from "~/utils/fold";
import { write, nowIso, type Ctx, type Tx } from "./context.server";
import { DomainError, forbidden, invalid, type FieldErrors } from "./errors";
import { appendEvent } from "./ledger.server";
import { CREATABLE_KINDS } from "~/schemas/orgs";
import { addDays, asPolicyNode, blockerMessage, closeBlockers, currentSince, isIsoDate, loadNodeByCode, todayIso, underPath, visibleNode, type NodeRow } from "./orgs-shared.server";

export * from "./orgs-read.server";
export * from "./orgs-history.server";

export type NewOrgRow = {
  code: string;
  name: string;
  kind: OrgKind;
  parentId: number | null;
  validFrom: string;
  validTo?: string | null;
};

/** Insert a node below its parent (or as a root) and set its path. No policy, no ledger:
 * callers are the policy-checked model functions and the seed. */
export function insertOrgRow(tx: Tx, row: NewOrgRow, createdAt: string): { id: number; path: string } {
  const parent = row.parentId
    ? tx.select({ path: organizations.path, depth: organizations.depth }).from(organizations).where(eq(organizations.id, row.parentId)).get()
    : undefined;
  if (row.parentId && !parent) throw new Error(`parent ${row.parentId} not found`);
  const inserted = tx
    .insert(organizations)
    .values({
      code: row.code,
      name: row.name,
      kind: row.kind,
      parentId: row.parentId,
      path: "",
      depth: parent ? parent.depth + 1 : 0,
      searchName: fold(`${row.name} ${row.code}`),
      validFrom: row.validFrom,
      validTo: row.validTo ?? null,
      createdAt,
    })
    .returning({ id: organizations.id })
    .get();
  const path = `${parent?.path ?? "/"}${inserted.id}/`;
  tx.update(organizations).set({ path }).where(eq(organizations.id, inserted.id)).run();
  return { id: inserted.id, path };
}

export type CreateOrgInput = { parentId: number; code: string; name: string; kind: OrgKind; validFrom: string };

export function createOrg(ctx: Ctx, input: CreateOrgInput): { id: number; path: string } {
  return write(ctx, (tx) => {
    const parent = visibleNode(ctx, tx, input.parentId);
    if (!canCreateChild(ctx.actor, parent)) throw forbidden();
    if (parent.validTo) throw invalid({}, "orgs.errors.parentClosed");
    const code = input.code.trim().toUpperCase();
    const name = cleanName(input.name);
    const errors: FieldErrors = {};
    if (!/^[A-Z0-9-]{1,40}$/.test(code)) errors.code = "orgs.errors.codeFormat";
    else if (loadNodeByCode(tx, code)) errors.code = "orgs.errors.codeTaken";
    if (!name) errors.name = "errors.required";
    if (!(CREATABLE_KINDS as readonly string[]).includes(input.kind)) errors.kind = "errors.chooseOne";
    const dateError = checkDate(ctx, input.validFrom, parent.validFrom, "orgs.errors.beforeParent");
    if (dateError) errors.validFrom = dateError;
    if (Object.keys(errors).length) throw invalid(errors);
    const row = { code, name, kind: input.kind, parentId: parent.id, validFrom: input.validFrom };
    const created = insertOrgRow(tx, row, nowIso(ctx));
    appendEvent(ctx, tx, { action: "org.created", entity: "organization", entityId: created.id, orgId: created.id, payload: { before: null, after: { ...row, path: created.path } } });
    return created;
  });
}

export function renameOrg(ctx: Ctx, id: number, input: { name: string; effectiveDate: string }): void {
  write(ctx, (tx) => {
    const node = manageableOpenNode(ctx, tx, id);
    const name = cleanName(input.name);
    const errors: FieldErrors = {};
    if (!name) errors.name = "errors.required";
    else if (name === node.name) errors.name = "orgs.errors.sameName";
    const dateError = checkChangeDate(ctx, tx, node, input.effectiveDate);
    if (dateError) errors.effectiveDate = dateError;
    if (Object.keys(errors).length) throw invalid(errors);
    closeVersion(ctx, tx, node, input.effectiveDate, "rename");
    tx.update(organizations).set({ name, searchName: fold(`${name} ${node.code}`) }).where(eq(organizations.id, node.id)).run();
    appendEvent(ctx, tx, {
      action: "org.renamed",
      entity: "organization",
      entityId: node.id,
      orgId: node.id,
      payload: { before: { name: node.name }, after: { name }, effectiveDate: input.effectiveDate },
    });
  });
}

export type MoveOrgInput = { newParentId?: number | null; newParentCode?: string | null; effectiveDate: string };

export function moveOrg(ctx: Ctx, id: number, input: MoveOrgInput): void {
  write(ctx, (tx) => {
    const node = manageableOpenNode(ctx, tx, id);
    const code = input.newParentCode?.trim().toUpperCase();
    const target = input.newParentId ? visibleOrUndefined(ctx, tx, input.newParentId) : code ? visibleByCode(ctx, tx, code) : undefined;
    const errors: FieldErrors = {};
    if (!target) errors.newParentCode = input.newParentId || code ? "orgs.move.parentNotFound" : "errors.required";
    else if (target.id === node.parentId) errors.newParentCode = "orgs.move.sameParent";
    else if (inSubtree(target.path, node.path)) errors.newParentCode = "orgs.move.intoOwnSubtree";
    else if (target.validTo) errors.newParentCode = "orgs.move.parentClosed";
    else if (!canMoveNode(ctx.actor, asPolicyNode(node), target)) errors.newParentCode = "orgs.move.parentNotAllowed";
    const dateError = checkChangeDate(ctx, tx, node, input.effectiveDate) ?? (target && input.effectiveDate < target.validFrom ? "orgs.errors.beforeParent" : null);
    if (dateError) errors.effectiveDate = dateError;
    if (Object.keys(errors).length || !target) throw invalid(errors);
    closeVersion(ctx, tx, node, input.effectiveDate, "move");
    const newPath = `${target.path}${node.id}/`;
    const delta = target.depth + 1 - node.depth;
    // The whole subtree in one statement: swap the path prefix, shift the depth.
    const moved = tx.run(sql`UPDATE organizations
        SET path = ${newPath} || substr(path, ${node.path.length + 1}), depth = depth + ${delta}
      WHERE ${underPath(organizations.path, node.path)}`);
    tx.update(organizations).set({ parentId: target.id }).where(eq(organizations.id, node.id)).run();
    appendEvent(ctx, tx, {
      action: "org.moved",
      entity: "organization",
      entityId: node.id,
      orgId: node.id,
      payload: {
        before: { parentId: node.parentId, path: node.path },
        after: { parentId: target.id, path: newPath },
        effectiveDate: input.effectiveDate,
        subtreeSize: moved.changes,
      },
    });
  });
}

/** Close a node. With `dryRun` every check runs (for the confirmation step) but nothing is written. */
export function closeOrg(ctx: Ctx, id: number, input: { closedOn: string; reason: string }, opts: { dryRun?: boolean } = {}): void {
  write(ctx, (tx) => {
    const node = manageableOpenNode(ctx, tx, id);
    const blockers = closeBlockers(tx, node);
    const blocked = blockerMessage(blockers);
    if (blocked) throw invalid({}, blocked);
    const reason = cleanName(input.reason);
    const errors: FieldErrors = {};
    if (!reason) errors.reason = "errors.required";
    const dateError = checkChangeDate(ctx, tx, node, input.closedOn);
    if (dateError) errors.closedOn = dateError;
    if (Object.keys(errors).length) throw invalid(errors);
    if (opts.dryRun) return;
    const validTo = addDays(input.closedOn, -1);
    closeVersion(ctx, tx, node, input.closedOn, "close");
    tx.update(organizations).set({ validTo }).where(eq(organizations.id, node.id)).run();
    appendEvent(ctx, tx, {
      action: "org.closed",
      entity: "organization",
      entityId: node.id,
      orgId: node.id,
      payload: { before: { validTo: null }, after: { validTo }, closedOn: input.closedOn, reason },
    });
  });
}

// --- helpers ---------------------------------------------------------------------------

function cleanName(value: string): string {
  return value.normalize("NFC").replace(/\s+/g, " ").trim();
}

/** The node to change: visible (else not found), the actor's to manage (else forbidden), open. */
function manageableOpenNode(ctx: Ctx, tx: Tx, id: number): NodeRow {
  const node = visibleNode(ctx, tx, id);
  if (!canManageNode(ctx.actor, asPolicyNode(node))) throw forbidden();
  if (node.validTo) throw invalid({}, "orgs.errors.closed");
  return node;
}

function visibleOrUndefined(ctx: Ctx, tx: Tx, id: number): NodeRow | undefined {
  try {
    return visibleNode(ctx, tx, id);
  } catch (error) {
    if (error instanceof DomainError && error.status === 404) return undefined;
    throw error;
  }
}

function visibleByCode(ctx: Ctx, tx: Tx, code: string): NodeRow | undefined {
  const node = loadNodeByCode(tx, code);
  return node ? visibleOrUndefined(ctx, tx, node.id) : undefined;
}

/** A date is a real day, not in the future, and not before `floor`. */
function checkDate(ctx: Ctx, date: string, floor: string, tooEarly: string): string | null {
  if (!isIsoDate(date)) return "errors.invalidDate";
  if (date > todayIso(ctx)) return "orgs.errors.dateInFuture";
  if (date < floor) return tooEarly;
  return null;
}

/** An effective date must fall after the day the current state began (and so after founding). */
function checkChangeDate(ctx: Ctx, tx: Tx, node: NodeRow, date: string): string | null {
  const since = currentSince(tx, node);
  const error = checkDate(ctx, date, node.validFrom, "orgs.errors.beforeValidFrom");
  if (error) return error;
  return date <= since ? "orgs.errors.notAfterCurrent" : null;
}

/** Keep the state that ends the day before `effective` as a version row. */
function closeVersion(ctx: Ctx, tx: Tx, node: NodeRow, effective: string, change: "rename" | "move" | "close"): void {
  tx.insert(organizationVersions)
    .values({
      orgId: node.id,
      name: node.name,
      parentId: node.parentId,
      validFrom: currentSince(tx, node),
      validTo: addDays(effective, -1),
      change,
      recordedAt: nowIso(ctx),
    })
    .run();
}

// Reading the organization tree: node pages, children, search, the tree browse, and the
// name a node had on a given day. Every read is scoped by org.view: a node outside the
// actor's subtrees is "not found", never "forbidden".
import { and, asc, count, desc, eq, inArray, isNull, not, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { ledgerEvents, ledgerPayloads, organizations, organizationVersions, people, type OrgKind } from "../../db/schema";
import { can, canCreateChild, canManageNode, scopes, type Permission } from "~/auth/policy";
import { fold, likeEscape } from "~/utils/fold";
import type { Ctx } from "./context.server";
import { forbidden } from "./errors";
import { pathScope } from "./scope.server";
import {
  asPolicyNode, blockerMessage, closeBlockers, currentSince, idsOfPath, loadNode, underPath, visibleNode, type CloseBlockers, type NodeRow,
} from "./orgs-shared.server";
import { orgStateAt } from "./orgs-history.server";

type Db = Ctx["db"];

/** Rows per page, as the Pagination component shows them. */
export const PAGE_SIZE = 25;

export type ChildRow = { id: number; code: string; name: string; kind: OrgKind; validFrom: string; validTo: string | null; openChildren: number };
export type Paged<T> = { rows: T[]; total: number; page: number };

const parent = alias(organizations, "parent");

// Written out in full: drizzle renders ${organizations.id} unqualified, which would bind to c.id.
const openChildrenCount = sql<number>`(SELECT count(*) FROM organizations c WHERE c.parent_id = "organizations"."id" AND c.valid_to IS NULL)`;

const kindRank = sql`CASE ${organizations.kind} WHEN 'city' THEN 0 WHEN 'body' THEN 1 WHEN 'bloc' THEN 2 WHEN 'ward' THEN 3
  WHEN 'commune' THEN 4 WHEN 'special_zone' THEN 5 WHEN 'grassroots' THEN 6 WHEN 'cell' THEN 7 ELSE 8 END`;

const childColumns = {
  id: organizations.id,
  code: organizations.code,
  name: organizations.name,
  kind: organizations.kind,
  validFrom: organizations.validFrom,
  validTo: organizations.validTo,
  openChildren: openChildrenCount,
};

function childrenOf(db: Db, parentId: number, opts: { includeClosed?: boolean; page?: number; pageSize?: number }): Paged<ChildRow> {
  const pageSize = opts.pageSize ?? PAGE_SIZE;
  const page = Math.max(1, opts.page ?? 1);
  const where = and(eq(organizations.parentId, parentId), opts.includeClosed ? undefined : isNull(organizations.validTo));
  const total = db.select({ n: count() }).from(organizations).where(where).get()!.n;
  const rows = db
    .select(childColumns)
    .from(organizations)
    .where(where)
    .orderBy(sql`${organizations.validTo} IS NOT NULL`, kindRank, asc(organizations.searchName))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return { rows, total, page };
}

/** The children of a node the actor may see. */
export function listChildren(ctx: Ctx, parentId: number, opts: { includeClosed?: boolean; page?: number } = {}): Paged<ChildRow> {
  visibleNode(ctx, ctx.db, parentId);
  return childrenOf(ctx.db, parentId, opts);
}

export type HistoryRow = { validFrom: string; validTo: string; name: string; parentId: number | null; parentName: string | null; change: "rename" | "move" | "close"; recordedAt: string };
export type Crumb = { id: number; code: string; name: string; visible: boolean };

export function getOrgDetail(ctx: Ctx, id: number, opts: { includeClosed?: boolean; page?: number } = {}) {
  const db = ctx.db;
  const node = visibleNode(ctx, db, id);
  const ancestorIds = idsOfPath(node.path).slice(0, -1);
  const found = ancestorIds.length
    ? db.select({ id: organizations.id, code: organizations.code, name: organizations.name, path: organizations.path }).from(organizations).where(inArray(organizations.id, ancestorIds)).all()
    : [];
  // Ancestors are part of this node's own record; only the visible ones become links.
  const ancestors: Crumb[] = ancestorIds.flatMap((aid) => {
    const a = found.find((f) => f.id === aid);
    return a ? [{ id: a.id, code: a.code, name: a.name, visible: can(ctx.actor, "org.view", a.path) }] : [];
  });
  const closedChildren = db
    .select({ n: count() })
    .from(organizations)
    .where(and(eq(organizations.parentId, node.id), not(isNull(organizations.validTo))))
    .get()!.n;
  const directPeople = db.select({ n: count() }).from(people).where(and(eq(people.orgId, node.id), eq(people.active, true))).get()!.n;
  const blockers = closeBlockers(db, node);
  const children = childrenOf(db, node.id, opts);
  const openChildren = opts.includeClosed ? children.total - closedChildren : children.total;
  const versions = db
    .select({
      validFrom: organizationVersions.validFrom,
      validTo: organizationVersions.validTo,
      name: organizationVersions.name,
      parentId: organizationVersions.parentId,
      change: organizationVersions.change,
      recordedAt: organizationVersions.recordedAt,
    })
    .from(organizationVersions)
    .where(eq(organizationVersions.orgId, node.id))
    .orderBy(asc(organizationVersions.validFrom), asc(organizationVersions.id))
    .all();
  const history: HistoryRow[] = versions.map((v) => ({ parentName: v.parentId ? (orgStateAt(db, v.parentId, v.validTo)?.name ?? null) : null, ...v }));
  const closing = node.validTo ? closeRecord(db, node.id) : null;
  const policyNode = asPolicyNode(node);
  const open = !node.validTo;
  return {
    node: { ...node, currentSince: currentSince(db, node) },
    parent: ancestors.at(-1) ?? null,
    ancestors,
    counts: { openChildren, closedChildren, directPeople, openDescendants: blockers.openDescendants, subtreePeople: blockers.activePeople },
    children,
    history,
    closing,
    allowed: {
      createChild: open && canCreateChild(ctx.actor, node),
      rename: open && canManageNode(ctx.actor, policyNode),
      move: open && canManageNode(ctx.actor, policyNode),
      close: open && canManageNode(ctx.actor, policyNode),
    },
  };
}

/** The reason and date given when the node was closed (from its ledger event). */
function closeRecord(db: Db, id: number): { closedOn: string | null; reason: string | null } | null {
  const row = db
    .select({ payload: ledgerPayloads.payload })
    .from(ledgerEvents)
    .innerJoin(ledgerPayloads, eq(ledgerPayloads.seq, ledgerEvents.seq))
    .where(and(eq(ledgerEvents.entity, "organization"), eq(ledgerEvents.entityId, String(id)), eq(ledgerEvents.action, "org.closed")))
    .orderBy(desc(ledgerEvents.seq))
    .limit(1)
    .get();
  if (!row) return null;
  const payload = JSON.parse(row.payload) as { closedOn?: string; reason?: string };
  return { closedOn: payload.closedOn ?? null, reason: payload.reason ?? null };
}

export type SearchRow = { id: number; code: string; name: string; kind: OrgKind; validTo: string | null; parentName: string | null };
type SearchInput = { q?: string; kind?: OrgKind | null; includeClosed?: boolean; page?: number };

function findNodes(ctx: Ctx, input: SearchInput & { permission: Permission; exclude?: SQL }): Paged<SearchRow> {
  const page = Math.max(1, input.page ?? 1);
  const folded = fold(input.q ?? "");
  const tokens = folded.split(" ").filter(Boolean).slice(0, 6);
  const where = and(
    pathScope(organizations.path, ctx.actor, input.permission),
    ...tokens.map((tok) => sql`${organizations.searchName} LIKE ${`%${likeEscape(tok)}%`} ESCAPE '\\'`),
    input.kind ? eq(organizations.kind, input.kind) : undefined,
    input.includeClosed ? undefined : isNull(organizations.validTo),
    input.exclude,
  );
  const total = ctx.db.select({ n: count() }).from(organizations).where(where).get()!.n;
  const code = (input.q ?? "").trim().toUpperCase();
  const rows = ctx.db
    .select({ id: organizations.id, code: organizations.code, name: organizations.name, kind: organizations.kind, validTo: organizations.validTo, parentName: parent.name })
    .from(organizations)
    .leftJoin(parent, eq(parent.id, organizations.parentId))
    .where(where)
    .orderBy(sql`${organizations.code} <> ${code}`, phraseRank(tokens.join(" ")), sql`${organizations.validTo} IS NOT NULL`, asc(organizations.depth), kindRank, asc(organizations.searchName))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all();
  return { rows, total, page };
}

/** Whole phrase at a word start first ("quan 1" → Quận 1 before Chợ Quán), then anywhere. */
function phraseRank(phrase: string): SQL {
  if (!phrase) return sql`NULL`; // (a bare 0 would mean "column 0" in ORDER BY)
  const p = likeEscape(phrase);
  return sql`CASE WHEN ${organizations.searchName} LIKE ${`${p}%`} ESCAPE '\\' OR ${organizations.searchName} LIKE ${`% ${p}%`} ESCAPE '\\' THEN 0
    WHEN ${organizations.searchName} LIKE ${`%${p}%`} ESCAPE '\\' THEN 1 ELSE 2 END`;
}

/** Search by folded name or code ("phuong sai gon", "P001") within what the actor may view. */
export function searchOrgs(ctx: Ctx, input: SearchInput): Paged<SearchRow> {
  return findNodes(ctx, { ...input, permission: "org.view" });
}

export type TreeRoot = { node: ChildRow; children: Paged<ChildRow> };

/** The tree browse: the roots of the actor's view scopes with a page of their children, and
 * the children of each expanded node (the first TREE_LIMIT; the node page lists all). */
export const TREE_LIMIT = 50;
export function browseTree(ctx: Ctx, input: { expanded?: number[]; includeClosed?: boolean; page?: number }) {
  const roots = scopes(ctx.actor, "org.view");
  const rootRows = roots.length
    ? ctx.db.select(childColumns).from(organizations).where(inArray(organizations.path, roots)).orderBy(asc(organizations.path)).all()
    : [];
  const tree: TreeRoot[] = rootRows.map((node) => ({ node, children: childrenOf(ctx.db, node.id, { includeClosed: input.includeClosed, page: input.page }) }));
  const expanded: Record<number, Paged<ChildRow>> = {};
  for (const id of input.expanded ?? []) {
    const node = loadNode(ctx.db, id);
    if (!node || !can(ctx.actor, "org.view", node.path)) continue;
    expanded[id] = childrenOf(ctx.db, id, { includeClosed: input.includeClosed, pageSize: TREE_LIMIT });
  }
  return { roots: tree, expanded };
}

export type ChangeKind = "create" | "rename" | "move" | "close";

/** What a change form needs about its node, after the policy check (403 when not allowed). */
export function orgForChange(ctx: Ctx, id: number, change: ChangeKind) {
  const node = visibleNode(ctx, ctx.db, id);
  const allowed = change === "create" ? canCreateChild(ctx.actor, node) : canManageNode(ctx.actor, asPolicyNode(node));
  if (!allowed) throw forbidden();
  const parentRow = node.parentId ? loadNode(ctx.db, node.parentId) : undefined;
  const blockers: CloseBlockers | null = change === "close" ? closeBlockers(ctx.db, node) : null;
  return {
    node: { id: node.id, code: node.code, name: node.name, kind: node.kind, validFrom: node.validFrom, validTo: node.validTo, currentSince: currentSince(ctx.db, node) },
    parentName: parentRow?.name ?? null,
    closed: !!node.validTo,
    blockers,
    blocked: blockers ? blockerMessage(blockers) : null,
  };
}

/** The move form: the node, and candidate new parents the actor manages (outside its subtree). */
export function moveOptions(ctx: Ctx, id: number, input: { q?: string; page?: number }) {
  const base = orgForChange(ctx, id, "move");
  const node = loadNode(ctx.db, id) as NodeRow;
  const candidates = input.q
    ? findNodes(ctx, {
        q: input.q,
        page: input.page,
        permission: "org.manage",
        exclude: and(not(underPath(organizations.path, node.path)), node.parentId ? sql`${organizations.id} <> ${node.parentId}` : undefined),
      })
    : null;
  return { ...base, candidates };
}

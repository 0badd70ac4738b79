// Where a record was made: an organization's name and parent on a given date, from its
// versions (records made before 01/07/2025 still show the district they belonged to).
import { and, desc, eq, gte, lte } from "drizzle-orm";
import { organizationVersions, type OrgKind } from "../../db/schema";
import type { Ctx } from "./context.server";
import { loadNode, visibleNode } from "./orgs-shared.server";

type Db = Ctx["db"];

/** The node as it was on `isoDate` (name, parent), from its versions; null when it did not
 * exist then. Unscoped: for server code that has already checked access to the record. */
export function orgStateAt(db: Db, id: number, isoDate: string): { id: number; code: string; kind: OrgKind; name: string; parentId: number | null } | null {
  const node = loadNode(db, id);
  if (!node || isoDate < node.validFrom || (node.validTo && isoDate > node.validTo)) return null;
  const version = db
    .select({ name: organizationVersions.name, parentId: organizationVersions.parentId })
    .from(organizationVersions)
    .where(and(eq(organizationVersions.orgId, id), lte(organizationVersions.validFrom, isoDate), gte(organizationVersions.validTo, isoDate)))
    .orderBy(desc(organizationVersions.validFrom))
    .limit(1)
    .get();
  const state = version ?? { name: node.name, parentId: node.parentId };
  return { id: node.id, code: node.code, kind: node.kind, ...state };
}

/** The name and parent a visible node had on a date: "where was this record made?". */
export function orgNameAt(ctx: Ctx, id: number, isoDate: string): { name: string; code: string; parent: { id: number; name: string } | null } | null {
  visibleNode(ctx, ctx.db, id);
  const state = orgStateAt(ctx.db, id, isoDate);
  if (!state) return null;
  const parentState = state.parentId ? orgStateAt(ctx.db, state.parentId, isoDate) : null;
  const parentNow = state.parentId && !parentState ? loadNode(ctx.db, state.parentId) : undefined;
  const parentName = parentState?.name ?? parentNow?.name;
  return { name: state.name, code: state.code, parent: state.parentId && parentName ? { id: state.parentId, name: parentName } : null };
}

// Role grants: who holds which role on which subtree.
import { and, asc, eq, isNull } from "drizzle-orm";
import { organizations, roleGrants, type Role } from "../../db/schema";
import type { Ctx } from "./context.server";

export type GrantView = { id: number; role: Role; orgId: number; orgName: string; grantedAt: string };

/** The signed-in person's own live grants. */
export function myGrants(ctx: Ctx): GrantView[] {
  if (!ctx.actor) return [];
  return ctx.db
    .select({ id: roleGrants.id, role: roleGrants.role, orgId: roleGrants.orgId, orgName: organizations.name, grantedAt: roleGrants.grantedAt })
    .from(roleGrants)
    .innerJoin(organizations, eq(organizations.id, roleGrants.orgId))
    .where(and(eq(roleGrants.personId, ctx.actor.personId), isNull(roleGrants.revokedAt)))
    .orderBy(asc(roleGrants.id))
    .all();
}

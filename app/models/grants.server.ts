// Role grants: who holds which role on which subtree. A grant on a node is valid for the
// node's whole subtree; one person may hold several.
import { and, asc, eq, isNull } from "drizzle-orm";
import { organizations, roleGrants, type Role } from "../../db/schema";
import { canGrant } from "~/auth/policy";
import { nowIso, write, type Ctx, type Tx } from "./context.server";
import { forbidden, invalid, notFound } from "./errors";
import { appendEvent } from "./ledger.server";
import { resolveOrg } from "./org-pick.server";
import { getPerson } from "./people.server";

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

export type PersonGrant = GrantView & { orgCode: string; orgClosed: boolean; canRevoke: boolean };

/** The live grants of a person the actor may see, each with whether the actor may revoke it. */
export function grantsOf(ctx: Ctx, personId: number): PersonGrant[] {
  const person = getPerson(ctx, personId);
  return ctx.db
    .select({
      id: roleGrants.id,
      role: roleGrants.role,
      orgId: roleGrants.orgId,
      orgName: organizations.name,
      orgCode: organizations.code,
      orgPath: organizations.path,
      validTo: organizations.validTo,
      grantedAt: roleGrants.grantedAt,
    })
    .from(roleGrants)
    .innerJoin(organizations, eq(organizations.id, roleGrants.orgId))
    .where(and(eq(roleGrants.personId, personId), isNull(roleGrants.revokedAt)))
    .orderBy(asc(organizations.depth), asc(roleGrants.id))
    .all()
    .map(({ orgPath, validTo, ...g }) => ({ orgClosed: validTo !== null, canRevoke: canGrant(ctx.actor, { id: person.id, orgPath: person.orgPath }, orgPath), ...g }));
}

export type GrantInput = { personId: number; role: Role; orgId?: number; org?: string };

/** Grant a role on an organization (by id, or by the code or name typed in the form). */
export function grantRole(ctx: Ctx, input: GrantInput): { grantId: number } {
  return write(ctx, (tx) => {
    const person = getPerson(ctx, input.personId, tx);
    const org =
      input.orgId !== undefined
        ? tx
            .select({ id: organizations.id, path: organizations.path, validTo: organizations.validTo })
            .from(organizations)
            .where(eq(organizations.id, input.orgId))
            .get()
        : { ...resolveOrg(ctx, tx, input.org ?? "", "role.grant", "org"), validTo: null };
    if (!org) throw invalid({ org: "people.org.notFound" });
    if (!canGrant(ctx.actor, { id: person.id, orgPath: person.orgPath }, org.path)) throw forbidden();
    if (org.validTo !== null) throw invalid({ org: "people.grant.orgClosed" });
    if (!person.active) throw invalid({}, "people.grant.inactive");
    const live = tx
      .select({ id: roleGrants.id })
      .from(roleGrants)
      .where(and(eq(roleGrants.personId, person.id), eq(roleGrants.role, input.role), eq(roleGrants.orgId, org.id), isNull(roleGrants.revokedAt)))
      .get();
    if (live) throw invalid({ org: "people.grant.duplicate" });
    const grantId = tx
      .insert(roleGrants)
      .values({ personId: person.id, role: input.role, orgId: org.id, grantedBy: ctx.actor!.personId, grantedAt: nowIso(ctx) })
      .returning({ id: roleGrants.id })
      .get().id;
    appendEvent(ctx, tx, { action: "role.granted", entity: "role_grant", entityId: grantId, orgId: org.id, payload: { personId: person.id, role: input.role } });
    return { grantId };
  });
}

export type GrantDetail = { id: number; personId: number; role: Role; orgName: string; orgCode: string; revokedAt: string | null; canRevoke: boolean };

/** One grant, for the revocation confirmation page; not found unless the actor sees the person. */
export function getGrant(ctx: Ctx, grantId: number, tx: Ctx["db"] | Tx = ctx.db): GrantDetail {
  const row = tx
    .select({
      id: roleGrants.id,
      personId: roleGrants.personId,
      role: roleGrants.role,
      orgName: organizations.name,
      orgCode: organizations.code,
      orgPath: organizations.path,
      revokedAt: roleGrants.revokedAt,
    })
    .from(roleGrants)
    .innerJoin(organizations, eq(organizations.id, roleGrants.orgId))
    .where(eq(roleGrants.id, grantId))
    .get();
  if (!row) throw notFound();
  const person = getPerson(ctx, row.personId, tx);
  const { orgPath, ...grant } = row;
  return { ...grant, canRevoke: canGrant(ctx.actor, { id: person.id, orgPath: person.orgPath }, orgPath) };
}

/** Revoke a grant: takes effect on the holder's next request (grants are loaded per request). */
export function revokeRole(ctx: Ctx, grantId: number): void {
  write(ctx, (tx) => {
    const grant = getGrant(ctx, grantId, tx);
    if (!grant.canRevoke) throw forbidden();
    if (grant.revokedAt !== null) throw invalid({}, "people.revoke.already");
    tx.update(roleGrants).set({ revokedAt: nowIso(ctx), revokedBy: ctx.actor!.personId }).where(eq(roleGrants.id, grantId)).run();
    const orgId = tx.select({ orgId: roleGrants.orgId }).from(roleGrants).where(eq(roleGrants.id, grantId)).get()!.orgId;
    appendEvent(ctx, tx, { action: "role.revoked", entity: "role_grant", entityId: grantId, orgId, payload: { personId: grant.personId, role: grant.role } });
  });
}

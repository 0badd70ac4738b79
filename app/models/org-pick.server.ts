// Choosing an organization by typing its code or part of its name (people forms, grant form,
// list filter). Works without JavaScript: an exact code wins; otherwise a name that matches
// exactly one organization; several matches are listed for the person to pick a code.
import { and, asc, eq, isNull, like, or, sql } from "drizzle-orm";
import { organizations } from "../../db/schema";
import { canAnywhere, type Actor, type Permission } from "~/auth/policy";
import type { OrgScope } from "~/schemas/org-suggest";
import { fold, likeEscape } from "~/utils/fold";
import type { Ctx, Tx } from "./context.server";
import { invalid } from "./errors";
import { pathScope } from "./scope.server";

export type OrgChoice = { id: number; code: string; name: string; path: string };

const columns = { id: organizations.id, code: organizations.code, name: organizations.name, path: organizations.path };

/** Open organizations in the actor's `permission` scope whose code or name matches `text`. */
export function matchOrgs(ctx: Ctx, text: string, permission: Permission, limit = 8, db: Ctx["db"] | Tx = ctx.db): OrgChoice[] {
  const q = text.trim();
  if (!q) return [];
  const scoped = and(pathScope(organizations.path, ctx.actor, permission), isNull(organizations.validTo));
  const exact = db.select(columns).from(organizations).where(and(scoped, eq(organizations.code, q.toUpperCase()))).get();
  if (exact) return [exact];
  const words = fold(q).split(" ").filter(Boolean);
  const nameMatch = and(...words.map((w) => like(organizations.searchName, `%${likeEscape(w)}%`)));
  return db
    .select(columns)
    .from(organizations)
    .where(and(scoped, or(nameMatch, like(organizations.code, `%${likeEscape(q.toUpperCase())}%`))))
    // The exact name first ("Phường Sài Gòn" before "Chi bộ … Sài Gòn"), then the shallowest.
    .orderBy(sql`${organizations.searchName} <> ${fold(q)}`, asc(organizations.depth), asc(organizations.searchName))
    .limit(limit)
    .all();
}

/** The one organization `text` designates, or a field error on `field`. */
export function resolveOrg(ctx: Ctx, db: Ctx["db"] | Tx, text: string, permission: Permission, field: string): OrgChoice {
  const found = matchOrgs(ctx, text, permission, 2, db);
  if (found.length === 0) throw invalid({ [field]: "people.org.notFound" });
  const exactName = found[0] && fold(found[0].name) === fold(text) && (found.length === 1 || fold(found[1].name) !== fold(text));
  if (found.length > 1 && !exactName) throw invalid({ [field]: "people.org.ambiguous" });
  return found[0];
}

/** How many matches an organization box lists as it is typed in (/to-chuc/goi-y). */
export const SUGGESTIONS = 20;

/** The inbox's organization box picks among the organizations whose registrations the actor
 * receives or, for the inspection, audits. */
export const inboxPermission = (actor: Actor | null): Permission =>
  canAnywhere(actor, "initiative.receive") ? "initiative.receive" : "initiative.audit";

/** The permission whose scope each suggesting box picks in. */
export function scopePermission(actor: Actor | null, scope: OrgScope): Permission {
  return scope === "tiep-nhan" ? inboxPermission(actor) : scope === "can-bo" ? "person.manage" : "role.grant";
}

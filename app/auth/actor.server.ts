// Who is asking: the person behind the session, with their live role grants.
import { and, eq, isNull } from "drizzle-orm";
import { organizations, people, roleGrants } from "../../db/schema";
import type { Db } from "../../db/client";
import type { Actor } from "./policy";

export function loadActor(db: Db, personId: number): Actor | null {
  const person = db
    .select({ id: people.id, orgId: people.orgId, orgPath: organizations.path, active: people.active })
    .from(people)
    .innerJoin(organizations, eq(organizations.id, people.orgId))
    .where(eq(people.id, personId))
    .get();
  if (!person || !person.active) return null;
  // A grant on a node closed since then confers nothing.
  const grants = db
    .select({ role: roleGrants.role, orgId: roleGrants.orgId, orgPath: organizations.path })
    .from(roleGrants)
    .innerJoin(organizations, eq(organizations.id, roleGrants.orgId))
    .where(and(eq(roleGrants.personId, personId), isNull(roleGrants.revokedAt), isNull(organizations.validTo)))
    .all();
  return { personId: person.id, orgId: person.orgId, orgPath: person.orgPath, grants };
}

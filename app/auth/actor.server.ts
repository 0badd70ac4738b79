// Who is asking: the person behind the session, with their live role grants.
import type { Db } from "../../db/client";
import type { Actor } from "./policy";
import { sessionStatements } from "./session-statements.server";

export function loadActor(db: Db, personId: number): Actor | null {
  const statements = sessionStatements(db.$client);
  const person = statements.person.get(personId);
  if (!person || !person.active) return null;
  const grants = statements.grants.all(personId) as Actor["grants"];
  return { personId: person.id, orgId: person.orgId, orgPath: person.orgPath, grants };
}

// The statements every signed-in request runs (the session, the actor and their grants, whether
// the password must change, the name in the header, the unread count), prepared once per connection: built through the query builder they
// were rebuilt and re-prepared on every request (~4 ms of each page on this machine).
import type Database from "better-sqlite3";

export type SessionStatements = {
  session: Database.Statement<[string], { personId: number; lastSeenAt: string; expiresAt: string }>;
  touch: Database.Statement<[string, string]>;
  person: Database.Statement<[number], { id: number; orgId: number; orgPath: string; active: number }>;
  grants: Database.Statement<[number], { role: string; orgId: number; orgPath: string }>;
  mustChange: Database.Statement<[number], { must: number }>;
  me: Database.Statement<[number], { personId: number; familyName: string; middleName: string; givenName: string; position: string; orgName: string; username: string | null }>;
  unread: Database.Statement<[number], { n: number }>;
};

const prepared = new WeakMap<Database.Database, SessionStatements>();

export function sessionStatements(sqlite: Database.Database): SessionStatements {
  let s = prepared.get(sqlite);
  if (!s) {
    s = {
      session: sqlite.prepare("SELECT person_id AS personId, last_seen_at AS lastSeenAt, expires_at AS expiresAt FROM sessions WHERE id = ? AND revoked_at IS NULL"),
      touch: sqlite.prepare("UPDATE sessions SET last_seen_at = ? WHERE id = ?"),
      person: sqlite.prepare("SELECT p.id, p.org_id AS orgId, o.path AS orgPath, p.active FROM people p INNER JOIN organizations o ON o.id = p.org_id WHERE p.id = ?"),
      // A grant on a node closed since then confers nothing.
      grants: sqlite.prepare(
        `SELECT g.role, g.org_id AS orgId, o.path AS orgPath FROM role_grants g INNER JOIN organizations o ON o.id = g.org_id
         WHERE g.person_id = ? AND g.revoked_at IS NULL AND o.valid_to IS NULL`,
      ),
      mustChange: sqlite.prepare("SELECT must_change_password AS must FROM accounts WHERE person_id = ?"),
      me: sqlite.prepare(
        `SELECT p.id AS personId, p.family_name AS familyName, p.middle_name AS middleName, p.given_name AS givenName, p.position,
           o.name AS orgName, a.username FROM people p INNER JOIN organizations o ON o.id = p.org_id LEFT JOIN accounts a ON a.person_id = p.id
         WHERE p.id = ? AND p.active = 1`,
      ),
      unread: sqlite.prepare("SELECT count(*) AS n FROM notifications WHERE person_id = ? AND read_at IS NULL"),
    };
    prepared.set(sqlite, s);
  }
  return s;
}

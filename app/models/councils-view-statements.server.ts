// The statements of the council page, prepared once per connection as the ledger's and the
// initiatives' are (initiatives-statements.server.ts). Through the query builder each was
// rebuilt and re-prepared on every request: at city scale that was about half of the page's
// model time (a ward council's page ran eight of them). Columns are named as the row types
// name them; lists of ids are passed as one JSON array (json_each), so each statement has one
// text whatever the page holds.
import type Database from "better-sqlite3";
import { sqliteOf, type Ctx, type Tx } from "./context.server";

type Reader = Ctx["db"] | Tx;


const SQL = {
  council: `SELECT c.id AS id, c.org_id AS orgId, o.name AS orgName, o.path AS orgPath, c.name AS name, c.period_year AS periodYear,
      c.period_quarter AS periodQuarter, c.rubric_id AS rubricId, c.spread_limit AS spreadLimit, c.created_by AS createdBy,
      c.created_at AS createdAt, c.closed_at AS closedAt
    FROM councils c INNER JOIN organizations o ON o.id = c.org_id WHERE c.id = ?`,
  seated: `SELECT person_id AS personId, role FROM council_members WHERE council_id = ? AND removed_at IS NULL`,
  members: `SELECT m.id AS id, m.person_id AS personId, m.role AS role, p.family_name AS familyName, p.middle_name AS middleName,
      p.given_name AS givenName, a.username AS username, p.position AS position
    FROM council_members m INNER JOIN people p ON p.id = m.person_id LEFT JOIN accounts a ON a.person_id = p.id
    WHERE m.council_id = ? AND m.removed_at IS NULL
    ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'secretary' THEN 1 ELSE 2 END, p.sort_key ASC, p.id ASC`,
  rubricLabel: `SELECT name, version FROM rubrics WHERE id = ?`,
  /** Per item of a council, in the page's order: what the states need (councils-view-list). */
  figures: `SELECT ci.id AS itemId, i.status AS initiativeStatus, count(e.id) AS sheets,
      count(CASE WHEN e.status <> 'submitted' THEN 1 END) AS open,
      count(CASE WHEN e.status <> 'submitted' AND e.due_on < @today THEN 1 END) AS overdue,
      count(CASE WHEN e.status = 'submitted' THEN e.total_half_points END) AS done,
      min(CASE WHEN e.status = 'submitted' THEN e.total_half_points END) AS low,
      max(CASE WHEN e.status = 'submitted' THEN e.total_half_points END) AS high,
      count(CASE WHEN e.evaluator_id = @me AND e.status <> 'submitted' THEN 1 END) AS mineOpen
    FROM council_items ci INNER JOIN initiatives i ON i.id = ci.initiative_id LEFT JOIN evaluations e ON e.item_id = ci.id
    WHERE ci.council_id = @councilId
    GROUP BY ci.id
    ORDER BY i.registration_number ASC, ci.id ASC`,
  items: `SELECT ci.id AS itemId, ci.initiative_id AS initiativeId, ci.version AS version, i.registration_number AS registrationNumber,
      i.title AS title, i.status AS initiativeStatus, ci.due_on AS dueOn
    FROM council_items ci INNER JOIN initiatives i ON i.id = ci.initiative_id
    WHERE ci.council_id = ?
    ORDER BY i.registration_number ASC, ci.id ASC`,
  itemsIn: `SELECT ci.id AS itemId, ci.initiative_id AS initiativeId, ci.version AS version, i.registration_number AS registrationNumber,
      i.title AS title, i.status AS initiativeStatus, ci.due_on AS dueOn
    FROM council_items ci INNER JOIN initiatives i ON i.id = ci.initiative_id
    WHERE ci.id IN (SELECT value FROM json_each(?)) AND ci.council_id = ?
    ORDER BY i.registration_number ASC, ci.id ASC`,
  sheets: `SELECT e.id AS evaluationId, e.item_id AS itemId, e.evaluator_id AS personId, e.status AS status, e.due_on AS dueOn,
      e.submitted_at AS submittedAt, e.total_half_points AS totalHalfPoints,
      p.family_name AS familyName, p.middle_name AS middleName, p.given_name AS givenName
    FROM evaluations e INNER JOIN people p ON p.id = e.evaluator_id
    WHERE e.item_id IN (SELECT value FROM json_each(?))
    ORDER BY p.sort_key ASC, e.id ASC`,
  declared: `SELECT c.initiative_id AS initiativeId, c.person_id AS personId, p.family_name AS familyName, p.middle_name AS middleName,
      p.given_name AS givenName
    FROM conflicts c INNER JOIN people p ON p.id = c.person_id
    WHERE c.initiative_id IN (SELECT value FROM json_each(?))`,
} as const;

type Name = keyof typeof SQL;
const prepared = new WeakMap<Database.Database, Partial<Record<Name, Database.Statement>>>();

export function viewStmt(db: Reader, name: Name): Database.Statement {
  const sqlite = sqliteOf(db);
  let cache = prepared.get(sqlite);
  if (!cache) prepared.set(sqlite, (cache = {}));
  return (cache[name] ??= sqlite.prepare(SQL[name]));
}

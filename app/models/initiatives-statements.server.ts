// The statements of the initiative hot paths (loading an initiative for a policy check, and
// every step of a submission), prepared once per connection as the ledger's are
// (ledger.server.ts). Through the query builder each one was rebuilt and re-prepared on every
// call: about half of a submission's CPU at city scale, re-preparing the initiatives UPDATE
// alone compiled the full-text triggers each time. Each statement here is the very SQL the
// query builder produced, with the columns named as the row types name them.
import type Database from "better-sqlite3";
import { sqliteOf, type Ctx, type Tx } from "./context.server";

type Reader = Ctx["db"] | Tx;


const SQL = {
  initiative: `SELECT i.id AS id, i.kind AS kind, i.registration_number AS registrationNumber, i.receiving_org_id AS receivingOrgId,
      o.path AS receivingOrgPath, o.name AS receivingOrgName, i.author_org_id AS authorOrgId, i.task_id AS taskId, i.status AS status,
      i.title AS title, i.current_version AS currentVersion, i.created_by AS createdBy, i.created_at AS createdAt, i.updated_at AS updatedAt,
      i.first_submitted_at AS firstSubmittedAt, i.submitted_at AS submittedAt, i.accepted_at AS acceptedAt, i.decision_due_on AS decisionDueOn,
      i.returned_reason AS returnedReason, i.withdrawn_at AS withdrawnAt
    FROM initiatives i INNER JOIN organizations o ON o.id = i.receiving_org_id WHERE i.id = ?`,
  authors: `SELECT person_id AS personId, full_name AS fullName, date_of_birth AS dateOfBirth, workplace, job_title AS jobTitle,
      qualification, share_bp AS shareBp
    FROM initiative_authors WHERE initiative_id = ? ORDER BY position ASC`,
  evaluators: `SELECT e.evaluator_id FROM evaluations e INNER JOIN council_items ci ON ci.id = e.item_id WHERE ci.initiative_id = ?`,
  version: `SELECT version, content, content_sha256 AS contentSha256, submitted_at AS submittedAt, ledger_seq AS ledgerSeq, ledger_hash AS ledgerHash
    FROM initiative_versions WHERE initiative_id = ? AND version = ?`,
  orgValidTo: `SELECT valid_to FROM organizations WHERE id = ?`,
  attachmentHashes: `SELECT sha256 FROM attachments WHERE initiative_id = ? AND removed_at IS NULL`,
  nextNumber: `INSERT INTO registration_counters (prefix, year, last) VALUES (?, ?, 1)
    ON CONFLICT (prefix, year) DO UPDATE SET last = registration_counters.last + 1 RETURNING last`,
  freezeVersion: `UPDATE initiative_versions SET content = @content, content_sha256 = @contentSha256, submitted_at = @submittedAt,
      ledger_seq = @ledgerSeq, ledger_hash = @ledgerHash, updated_at = @updatedAt
    WHERE initiative_id = @initiativeId AND version = @version`,
  markSubmitted: `UPDATE initiatives SET status = 'submitted', registration_number = @registrationNumber, title = @title, search_text = @searchText,
      first_submitted_at = @firstSubmittedAt, submitted_at = @submittedAt, updated_at = @updatedAt
    WHERE id = @id`,
  notification: `INSERT INTO notifications (person_id, key, params, href, entity, entity_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
} as const;

type Name = keyof typeof SQL;
type Prepared = { fixed: Partial<Record<Name, Database.Statement>>; leaders: Map<string, Database.Statement> };
const prepared = new WeakMap<Database.Database, Prepared>();

function cacheOf(sqlite: Database.Database): Prepared {
  let p = prepared.get(sqlite);
  if (!p) prepared.set(sqlite, (p = { fixed: {}, leaders: new Map() }));
  return p;
}

export function stmt(db: Reader, name: Name): Database.Statement {
  const sqlite = sqliteOf(db);
  const fixed = cacheOf(sqlite).fixed;
  return (fixed[name] ??= sqlite.prepare(SQL[name]));
}

/**
 * Active people holding a live leader grant on one of `orgIds`, except `except`, by person id,
 * at most `limit`. One statement per shape (how many organizations, how many exceptions): a
 * path is a handful of ids deep and an initiative has at most 20 authors.
 */
export function leadersStatement(db: Reader, orgCount: number, exceptCount: number): Database.Statement {
  const sqlite = sqliteOf(db);
  const cache = cacheOf(sqlite).leaders;
  const key = `${orgCount}/${exceptCount}`;
  let s = cache.get(key);
  if (!s) {
    const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");
    const except = exceptCount ? ` AND g.person_id NOT IN (${marks(exceptCount)})` : "";
    s = sqlite.prepare(
      `SELECT DISTINCT g.person_id FROM role_grants g INNER JOIN people p ON p.id = g.person_id
       WHERE g.org_id IN (${marks(orgCount)}) AND g.role = 'leader' AND g.revoked_at IS NULL AND p.active = 1${except}
       ORDER BY g.person_id ASC LIMIT ?`,
    );
    // Bounded: shapes are (path depth) × (authors + 1), a few hundred at most.
    if (cache.size < 1000) cache.set(key, s);
  }
  return s;
}

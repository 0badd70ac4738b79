// Evaluation councils (hội đồng đánh giá): an organization's council for a period, its score
// sheet, spread limit and members (chair, secretary, members). Formed by a council secretary
// within their subtree (canFormCouncil); run by its own secretary or one over it (canRunCouncil).
// Assignments live in councils-assign.server.ts, the council view in councils-view.server.ts.
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { accounts, councilItems, councilMembers, councils, evaluations, evaluationScores, organizations, people, type CouncilRole } from "../../db/schema";
import { canAnywhere, canFormCouncil, canManageRubric, canRunCouncil, type CouncilRecord } from "~/auth/policy";
import type { CouncilInput, MemberInput } from "~/schemas/councils";
import { fold, likeEscape } from "~/utils/fold";
import { sha256Hex } from "~/utils/canonical.server";
import { nowIso, write, type Ctx, type Tx } from "./context.server";
import { conflict, forbidden, invalid, notFound } from "./errors";
import { appendEvent } from "./ledger.server";
import { loadNode, underPath } from "./orgs-shared.server";
import { loadRubric, lockRubric } from "./rubrics.server";
import { pathScope } from "./scope.server";
import { viewStmt } from "./councils-view-statements.server";
import { allRows } from "./rows.server";

type Reader = Ctx["db"] | Tx;

export type CouncilRow = {
  id: number; orgId: number; orgName: string; orgPath: string; name: string; periodYear: number; periodQuarter: number | null;
  rubricId: number; spreadLimit: number; createdBy: number; createdAt: string; closedAt: string | null;
};
export type MemberRow = { id: number; personId: number; role: CouncilRole; familyName: string; middleName: string; givenName: string; username: string | null; position: string };

/** The council row and the council as the policy sees it (current members only). Stable API. */
export function loadCouncil(db: Reader, id: number): { row: CouncilRow; record: CouncilRecord } | undefined {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  const row = viewStmt(db, "council").get(id) as CouncilRow | undefined;
  if (!row) return undefined;
  const seated = allRows(viewStmt(db, "seated"), id) as { personId: number; role: CouncilRole }[];
  const ids = (role: CouncilRole) => seated.filter((m) => m.role === role).map((m) => m.personId);
  return { row, record: { orgPath: row.orgPath, chairIds: ids("chair"), secretaryIds: ids("secretary"), memberIds: ids("member"), closed: row.closedAt !== null } };
}

/** Current members, chair first, then secretaries, then members by given name. */
export function membersOf(db: Reader, councilId: number): MemberRow[] {
  return allRows(viewStmt(db, "members"), councilId) as MemberRow[];
}

/** Who may evaluate for the council: the chair and the members; the secretary runs the council
 * and does not score. */
export function evaluatorIdsOf(record: CouncilRecord): number[] {
  return [...record.chairIds, ...record.memberIds];
}

/** The council for an actor who may run it; not found for anyone else (nothing said). */
export function runnable(ctx: Ctx, db: Reader, id: number): { row: CouncilRow; record: CouncilRecord } {
  const c = loadCouncil(db, id);
  if (!c || !canRunCouncil(ctx.actor, c.record)) throw notFound();
  return c;
}

export function createCouncil(ctx: Ctx, input: CouncilInput): { id: number } {
  return write(ctx, (tx) => {
    if (!canAnywhere(ctx.actor, "council.manage")) throw forbidden();
    const org = loadNode(tx, input.orgId);
    if (!org || org.validTo || !canFormCouncil(ctx.actor, org.path)) throw invalid({ orgId: "councils.errors.orgNotAllowed" });
    const rubric = loadRubric(tx, input.rubricId);
    if (!rubric || !canManageRubric(ctx.actor, rubric.orgPath)) throw invalid({ rubricId: "councils.errors.rubricNotAllowed" });
    const at = nowIso(ctx);
    const { id } = tx
      .insert(councils)
      .values({
        orgId: org.id, name: input.name, periodYear: input.periodYear, periodQuarter: input.periodQuarter, rubricId: rubric.id,
        spreadLimit: input.spreadLimit, createdBy: ctx.actor!.personId, createdAt: at,
      })
      .returning({ id: councils.id })
      .get();
    const locked = lockRubric(tx, rubric.id, at);
    // Whoever forms the council is its first secretary.
    tx.insert(councilMembers).values({ councilId: id, personId: ctx.actor!.personId, role: "secretary", addedBy: ctx.actor!.personId, addedAt: at }).run();
    appendEvent(ctx, tx, {
      action: "council.created",
      entity: "council",
      entityId: id,
      orgId: org.id,
      payload: {
        nameSha256: sha256Hex(input.name), periodYear: input.periodYear, periodQuarter: input.periodQuarter, rubricId: rubric.id,
        rubricLocked: locked, spreadLimit: input.spreadLimit, secretaryId: ctx.actor!.personId,
      },
    });
    return { id };
  });
}

/** Seat a person of the council's organization (by username) as chair, secretary or member.
 * One chair at a time; someone removed earlier may be seated again. */
export function addMember(ctx: Ctx, councilId: number, input: MemberInput): { personId: number } {
  return write(ctx, (tx) => {
    const { row, record } = runnable(ctx, tx, councilId);
    const person = tx
      .select({ id: people.id, active: people.active, orgPath: organizations.path })
      .from(accounts)
      .innerJoin(people, eq(people.id, accounts.personId))
      .innerJoin(organizations, eq(organizations.id, people.orgId))
      .where(eq(accounts.username, input.username))
      .get();
    if (!person || !person.active || !person.orgPath.startsWith(row.orgPath)) throw invalid({ username: "councils.errors.personNotFound" });
    const seated = [...record.chairIds, ...record.secretaryIds, ...record.memberIds];
    if (seated.includes(person.id)) throw invalid({ username: "councils.errors.alreadyMember" });
    if (input.role === "chair" && record.chairIds.length) throw invalid({ role: "councils.errors.oneChair" });
    const at = nowIso(ctx);
    const earlier = tx.select({ id: councilMembers.id }).from(councilMembers).where(and(eq(councilMembers.councilId, councilId), eq(councilMembers.personId, person.id))).get();
    if (earlier) {
      tx.update(councilMembers).set({ role: input.role, addedBy: ctx.actor!.personId, addedAt: at, removedAt: null }).where(eq(councilMembers.id, earlier.id)).run();
    } else {
      tx.insert(councilMembers).values({ councilId, personId: person.id, role: input.role, addedBy: ctx.actor!.personId, addedAt: at }).run();
    }
    appendEvent(ctx, tx, { action: "council.member_added", entity: "council", entityId: councilId, orgId: row.orgId, payload: { personId: person.id, role: input.role } });
    return { personId: person.id };
  });
}

/** Unseat a member. Their sheets in this council that are not submitted are withdrawn with
 * them (a submitted sheet stays, it is part of the record). */
export function removeMember(ctx: Ctx, councilId: number, memberId: number): void {
  write(ctx, (tx) => {
    const { row } = runnable(ctx, tx, councilId);
    const member = tx
      .select({ id: councilMembers.id, personId: councilMembers.personId, role: councilMembers.role })
      .from(councilMembers)
      .where(and(eq(councilMembers.id, memberId), eq(councilMembers.councilId, councilId), isNull(councilMembers.removedAt)))
      .get();
    if (!member) throw notFound();
    const items = tx.select({ id: councilItems.id }).from(councilItems).where(eq(councilItems.councilId, councilId)).all().map((i) => i.id);
    const withdrawn = withdrawOpenSheets(tx, member.personId, items);
    tx.update(councilMembers).set({ removedAt: nowIso(ctx) }).where(eq(councilMembers.id, member.id)).run();
    appendEvent(ctx, tx, {
      action: "council.member_removed", entity: "council", entityId: councilId, orgId: row.orgId,
      payload: { personId: member.personId, role: member.role, withdrawnSheetIds: withdrawn },
    });
  });
}

/** Delete a person's sheets on these items that are not submitted yet (their scores first). */
export function withdrawOpenSheets(tx: Tx, personId: number, itemIds: number[]): number[] {
  if (!itemIds.length) return [];
  const open = tx
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(and(eq(evaluations.evaluatorId, personId), inArray(evaluations.itemId, itemIds), inArray(evaluations.status, ["assigned", "draft"])))
    .all()
    .map((e) => e.id);
  if (open.length) {
    tx.delete(evaluationScores).where(inArray(evaluationScores.evaluationId, open)).run();
    tx.delete(evaluations).where(inArray(evaluations.id, open)).run();
  }
  return open;
}

export function memberById(ctx: Ctx, councilId: number, memberId: number): { council: CouncilRow; member: MemberRow } {
  const { row } = runnable(ctx, ctx.db, councilId);
  const member = membersOf(ctx.db, councilId).find((m) => m.id === memberId);
  if (!member) throw notFound();
  return { council: row, member };
}

/** People of the council's organization matching a name or username, for the member form. */
export function findPeopleFor(ctx: Ctx, councilId: number, q: string, limit = 20) {
  const { row } = runnable(ctx, ctx.db, councilId);
  const words = fold(q).split(" ").filter(Boolean).slice(0, 6);
  if (!words.length) return [];
  return ctx.db
    .select({ familyName: people.familyName, middleName: people.middleName, givenName: people.givenName, username: accounts.username, orgName: organizations.name })
    .from(people)
    .innerJoin(accounts, eq(accounts.personId, people.id))
    .innerJoin(organizations, eq(organizations.id, people.orgId))
    .where(and(underPath(organizations.path, row.orgPath), eq(people.active, true), ...words.map((w) => sql`(${people.searchName} LIKE ${`%${likeEscape(w)}%`} ESCAPE '\\' OR ${accounts.username} LIKE ${`%${likeEscape(w)}%`} ESCAPE '\\')`)))
    .orderBy(asc(people.sortKey), asc(people.id))
    .limit(limit)
    .all();
}

export type CouncilListRow = { id: number; name: string; orgName: string; periodYear: number; periodQuarter: number | null; closedAt: string | null; myRole: CouncilRole | null; items: number };

/** Councils the actor sits on as chair or secretary, or forms as a council secretary over them. */
export function listCouncils(ctx: Ctx): CouncilListRow[] {
  const actor = ctx.actor;
  if (!actor) throw forbidden();
  const mine = ctx.db
    .select({ councilId: councilMembers.councilId })
    .from(councilMembers)
    .where(and(eq(councilMembers.personId, actor.personId), isNull(councilMembers.removedAt), inArray(councilMembers.role, ["chair", "secretary"])));
  const rows = ctx.db
    .select({
      id: councils.id, name: councils.name, orgName: organizations.name, periodYear: councils.periodYear, periodQuarter: councils.periodQuarter, closedAt: councils.closedAt,
      myRole: sql<CouncilRole | null>`(SELECT m.role FROM council_members m WHERE m.council_id = ${councils.id} AND m.person_id = ${actor.personId} AND m.removed_at IS NULL)`,
      items: sql<number>`(SELECT count(*) FROM council_items i WHERE i.council_id = ${councils.id})`,
    })
    .from(councils)
    .innerJoin(organizations, eq(organizations.id, councils.orgId))
    .where(or(inArray(councils.id, mine), pathScope(organizations.path, actor, "council.manage")))
    .orderBy(desc(councils.periodYear), desc(councils.createdAt), desc(councils.id))
    .limit(300)
    .all();
  return rows;
}

/** Duplicated seat check for callers outside a write. */
export function requireChairAndSecretary(record: CouncilRecord): void {
  if (record.chairIds.length !== 1 || record.secretaryIds.length < 1) throw conflict("councils.errors.needChairAndSecretary");
}

// Putting accepted registrations before a council (council_items) and assigning evaluators to
// them (evaluations), with conflicts of interest enforced: the policy's conflictOf decides from
// facts read here, a conflicted pair is refused with its reason, there is no override, and a
// bulk assignment is all or nothing. Members declare further conflicts themselves.
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import {
  conflicts, councilItems, evaluations, initiativeAuthors, initiatives, notifications, organizations, people, roleGrants, tasks,
} from "../../db/schema";
import { conflictOf, type ConflictReason } from "~/auth/policy";
import type { AssignEvaluatorsInput, AssignItemsInput } from "~/schemas/councils";
import { sha256Hex } from "~/utils/canonical.server";
import { nowIso, write, type Ctx, type Tx } from "./context.server";
import { conflict, DomainError, invalid, notFound } from "./errors";
import { appendEvent } from "./ledger.server";
import { todayIso, underPath } from "./orgs-shared.server";
import { evaluatorIdsOf, loadCouncil, requireChairAndSecretary, runnable, withdrawOpenSheets } from "./councils.server";

type Reader = Ctx["db"] | Tx;

export type ConflictFacts = { authorIds: number[]; createdBy: number; authorCellLeaderIds: number[]; taskPostedBy: number | null; declaredBy: number[] };

/** What conflictOf needs about an initiative: its portal authors, the leaders (live "leader"
 * grants) of each author's own organization, who posted the task it answers, and declarations. */
export function conflictFacts(db: Reader, initiativeId: number): ConflictFacts {
  const i = db
    .select({ createdBy: initiatives.createdBy, taskPostedBy: tasks.createdBy })
    .from(initiatives)
    .leftJoin(tasks, eq(tasks.id, initiatives.taskId))
    .where(eq(initiatives.id, initiativeId))
    .get();
  if (!i) throw notFound();
  const authorIds = db
    .select({ personId: initiativeAuthors.personId })
    .from(initiativeAuthors)
    .where(and(eq(initiativeAuthors.initiativeId, initiativeId), isNotNull(initiativeAuthors.personId)))
    .all()
    .map((a) => a.personId!);
  const everyAuthor = [...new Set([i.createdBy, ...authorIds])];
  const authorOrgIds = [...new Set(db.select({ orgId: people.orgId }).from(people).where(inArray(people.id, everyAuthor)).all().map((p) => p.orgId))];
  const authorCellLeaderIds = authorOrgIds.length
    ? [...new Set(
        db.select({ personId: roleGrants.personId }).from(roleGrants)
          .where(and(eq(roleGrants.role, "leader"), isNull(roleGrants.revokedAt), inArray(roleGrants.orgId, authorOrgIds)))
          .all().map((g) => g.personId),
      )]
    : [];
  const declaredBy = db.select({ personId: conflicts.personId }).from(conflicts).where(eq(conflicts.initiativeId, initiativeId)).all().map((c) => c.personId);
  return { authorIds, createdBy: i.createdBy, authorCellLeaderIds, taskPostedBy: i.taskPostedBy ?? null, declaredBy };
}

export type AssignableRow = { id: number; registrationNumber: string | null; title: string; receivingOrgName: string; acceptedAt: string | null; version: number };

/** Accepted registrations received by the council's organization or one below it, not yet
 * before any council for their current version. */
export function assignableInitiatives(ctx: Ctx, councilId: number): AssignableRow[] {
  const { row } = runnable(ctx, ctx.db, councilId);
  return assignableQuery(ctx.db, row.orgPath).orderBy(asc(initiatives.acceptedAt), asc(initiatives.id)).limit(500).all();
}

function assignableQuery(db: Reader, orgPath: string, ids?: number[]) {
  return db
    .select({
      id: initiatives.id, registrationNumber: initiatives.registrationNumber, title: initiatives.title, receivingOrgName: organizations.name,
      acceptedAt: initiatives.acceptedAt, version: initiatives.currentVersion,
    })
    .from(initiatives)
    .innerJoin(organizations, eq(organizations.id, initiatives.receivingOrgId))
    .where(
      and(
        underPath(organizations.path, orgPath),
        eq(initiatives.status, "accepted"),
        isNotNull(initiatives.registrationNumber),
        ids ? inArray(initiatives.id, ids) : undefined,
        // One council per version.
        sql`NOT EXISTS (SELECT 1 FROM council_items ci WHERE ci.initiative_id = ${initiatives.id} AND ci.version = ${initiatives.currentVersion})`,
      ),
    );
}

/** Put accepted registrations before the council with a due date: each becomes "evaluating".
 * All or nothing: one that cannot be assigned refuses the whole request. */
export function assignItems(ctx: Ctx, councilId: number, input: AssignItemsInput): { itemIds: number[] } {
  return write(ctx, (tx) => {
    const { row, record } = runnable(ctx, tx, councilId);
    requireChairAndSecretary(record);
    if (input.dueOn < todayIso(ctx)) throw invalid({ dueOn: "councils.errors.duePast" });
    if (!input.initiativeIds.length) throw invalid({ initiatives: "councils.errors.pickInitiative" });
    const found = assignableQuery(tx, row.orgPath, input.initiativeIds).all();
    if (found.length !== new Set(input.initiativeIds).size) throw invalid({ initiatives: "councils.errors.notAssignable" });
    const at = nowIso(ctx);
    const itemIds: number[] = [];
    for (const i of found) {
      const { id } = tx
        .insert(councilItems)
        .values({ councilId, initiativeId: i.id, version: i.version, dueOn: input.dueOn, assignedBy: ctx.actor!.personId, assignedAt: at })
        .returning({ id: councilItems.id })
        .get();
      tx.update(initiatives).set({ status: "evaluating", updatedAt: at }).where(and(eq(initiatives.id, i.id), eq(initiatives.status, "accepted"))).run();
      appendEvent(ctx, tx, {
        action: "council.item_assigned",
        entity: "initiative",
        entityId: i.id,
        orgId: row.orgId,
        payload: { councilId, itemId: id, version: i.version, registrationNumber: i.registrationNumber, dueOn: input.dueOn, before: { status: "accepted" }, after: { status: "evaluating" } },
      });
      itemIds.push(id);
    }
    return { itemIds };
  });
}

export type RefusedPair = { itemId: number; registrationNumber: string | null; personId: number; familyName: string; middleName: string; givenName: string; reason: ConflictReason };

/** A bulk assignment refused because of conflicts of interest: every refused pair is named. */
export class ConflictRefusal extends DomainError {
  constructor(readonly refused: RefusedPair[]) {
    super(409, "councils.errors.conflicted");
  }
}

/** Assign evaluators (the council's chair or members) to items, every chosen item × every chosen
 * evaluator, with a due date. Pairs already assigned are left as they are. Any conflicted pair
 * refuses the whole request (ConflictRefusal) and nothing is written. */
export function assignEvaluators(ctx: Ctx, councilId: number, input: AssignEvaluatorsInput): { evaluationIds: number[] } {
  return write(ctx, (tx) => {
    const { row, record } = runnable(ctx, tx, councilId);
    requireChairAndSecretary(record);
    if (input.dueOn < todayIso(ctx)) throw invalid({ dueOn: "councils.errors.duePast" });
    if (!input.itemIds.length) throw invalid({ items: "councils.errors.pickItem" });
    if (!input.evaluatorIds.length) throw invalid({ evaluators: "councils.errors.pickEvaluator" });
    const eligible = evaluatorIdsOf(record);
    if (input.evaluatorIds.some((id) => !eligible.includes(id))) throw invalid({ evaluators: "councils.errors.notEvaluator" });
    const items = tx
      .select({ id: councilItems.id, initiativeId: councilItems.initiativeId, registrationNumber: initiatives.registrationNumber, status: initiatives.status })
      .from(councilItems)
      .innerJoin(initiatives, eq(initiatives.id, councilItems.initiativeId))
      .where(and(eq(councilItems.councilId, councilId), inArray(councilItems.id, input.itemIds)))
      .all();
    if (items.length !== new Set(input.itemIds).size) throw invalid({ items: "councils.errors.itemNotFound" });
    if (items.some((i) => i.status !== "evaluating")) throw invalid({ items: "councils.errors.itemDecided" });
    const names = tx
      .select({ id: people.id, familyName: people.familyName, middleName: people.middleName, givenName: people.givenName })
      .from(people)
      .where(inArray(people.id, input.evaluatorIds))
      .all();
    const existing = new Set(
      tx.select({ itemId: evaluations.itemId, evaluatorId: evaluations.evaluatorId }).from(evaluations)
        .where(inArray(evaluations.itemId, input.itemIds)).all().map((e) => `${e.itemId}:${e.evaluatorId}`),
    );
    const refused: RefusedPair[] = [];
    const todo: { item: (typeof items)[number]; personId: number }[] = [];
    for (const item of items) {
      const facts = conflictFacts(tx, item.initiativeId);
      for (const personId of input.evaluatorIds) {
        const reason = conflictOf(personId, facts);
        const person = names.find((n) => n.id === personId)!;
        if (reason) refused.push({ itemId: item.id, registrationNumber: item.registrationNumber, personId, familyName: person.familyName, middleName: person.middleName, givenName: person.givenName, reason });
        else if (!existing.has(`${item.id}:${personId}`)) todo.push({ item, personId });
      }
    }
    if (refused.length) throw new ConflictRefusal(refused);
    const at = nowIso(ctx);
    const evaluationIds: number[] = [];
    for (const { item, personId } of todo) {
      const { id } = tx
        .insert(evaluations)
        .values({ itemId: item.id, evaluatorId: personId, status: "assigned", dueOn: input.dueOn, assignedBy: ctx.actor!.personId, assignedAt: at })
        .returning({ id: evaluations.id })
        .get();
      tx.insert(notifications)
        .values({
          personId, key: "councils.notify.assigned", params: JSON.stringify({ number: item.registrationNumber ?? "", council: row.name }),
          href: `/danh-gia/phieu/${id}`, entity: "evaluation", entityId: String(id), createdAt: at,
        })
        .run();
      appendEvent(ctx, tx, {
        action: "council.evaluator_assigned",
        entity: "evaluation",
        entityId: id,
        orgId: row.orgId,
        payload: { councilId, itemId: item.id, initiativeId: item.initiativeId, evaluatorId: personId, dueOn: input.dueOn },
      });
      evaluationIds.push(id);
    }
    return { evaluationIds };
  });
}

export type MemberItem = {
  councilId: number; councilName: string; itemId: number; initiativeId: number; registrationNumber: string | null; title: string;
  declared: { reason: string; declaredAt: string } | null; ownSheet: { id: number; status: string } | null;
};

/** An item of a council as one of its members sees it, to declare a conflict on it. */
export function memberItem(ctx: Ctx, db: Reader, councilId: number, itemId: number): MemberItem {
  const actor = ctx.actor;
  const c = loadCouncil(db, councilId);
  if (!actor || !c) throw notFound();
  const seated = [...c.record.chairIds, ...c.record.secretaryIds, ...c.record.memberIds].includes(actor.personId);
  if (!seated) throw notFound();
  const item = db
    .select({ id: councilItems.id, initiativeId: councilItems.initiativeId, registrationNumber: initiatives.registrationNumber, title: initiatives.title })
    .from(councilItems)
    .innerJoin(initiatives, eq(initiatives.id, councilItems.initiativeId))
    .where(and(eq(councilItems.id, itemId), eq(councilItems.councilId, councilId)))
    .get();
  if (!item) throw notFound();
  const declared = db.select({ reason: conflicts.reason, declaredAt: conflicts.declaredAt }).from(conflicts)
    .where(and(eq(conflicts.initiativeId, item.initiativeId), eq(conflicts.personId, actor.personId))).get() ?? null;
  const ownSheet = db.select({ id: evaluations.id, status: evaluations.status }).from(evaluations)
    .where(and(eq(evaluations.itemId, item.id), eq(evaluations.evaluatorId, actor.personId))).get() ?? null;
  return { councilId, councilName: c.row.name, itemId: item.id, initiativeId: item.initiativeId, registrationNumber: item.registrationNumber, title: item.title, declared, ownSheet };
}

/** A member declares a conflict of interest on an item's initiative, with a reason. From then on
 * the portal refuses to assign them to it; a sheet of theirs on it that is not submitted is
 * withdrawn (deleted with its scores); a submitted one stays part of the record. */
export function declareConflict(ctx: Ctx, councilId: number, itemId: number, input: { reason: string }): { withdrawnSheetIds: number[] } {
  return write(ctx, (tx) => {
    const item = memberItem(ctx, tx, councilId, itemId);
    if (item.declared) throw conflict("councils.errors.alreadyDeclared");
    const reason = input.reason.normalize("NFC").trim();
    if (!reason) throw invalid({ reason: "errors.required" });
    const personId = ctx.actor!.personId;
    const at = nowIso(ctx);
    tx.insert(conflicts).values({ personId, initiativeId: item.initiativeId, reason, declaredAt: at }).run();
    const items = tx.select({ id: councilItems.id }).from(councilItems).where(eq(councilItems.initiativeId, item.initiativeId)).all().map((i) => i.id);
    const withdrawnSheetIds = withdrawOpenSheets(tx, personId, items);
    const orgId = loadCouncil(tx, councilId)!.row.orgId;
    appendEvent(ctx, tx, {
      action: "conflict.declared",
      entity: "initiative",
      entityId: item.initiativeId,
      orgId,
      payload: { councilId, itemId, personId, reasonSha256: sha256Hex(reason), withdrawnSheetIds },
    });
    return { withdrawnSheetIds };
  });
}


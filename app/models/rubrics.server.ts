// Score sheets (phiếu chấm điểm): criteria with maxima and guidance, thresholds per recognition
// level. Administrators and council secretaries manage them for their subtree (canManageRubric).
// A sheet a council uses is locked (locked_at) and never changes again; a change is then a new
// version that names the one it replaces (rubrics_previous_uq keeps the versions a line).
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { councils, organizations, rubricCriteria, rubrics } from "../../db/schema";
import { canAnywhere, canManageRubric, scopes } from "~/auth/policy";
import { MAX_POINTS, type RubricInput } from "~/schemas/councils";
import { canonicalJson, sha256Hex } from "~/utils/canonical.server";
import { nowIso, write, type Ctx, type Tx } from "./context.server";
import { conflict, forbidden, invalid, notFound } from "./errors";
import { appendEvent } from "./ledger.server";
import { loadNode } from "./orgs-shared.server";
import { pathScope } from "./scope.server";

type Reader = Ctx["db"] | Tx;

export type RubricRow = {
  id: number; orgId: number; orgName: string; orgPath: string; name: string; version: number; previousId: number | null;
  thresholdUnit: number; thresholdWard: number; thresholdCity: number; createdAt: string; lockedAt: string | null;
};
export type CriterionRow = { id: number; position: number; name: string; maxPoints: number; guidance: string };

const rubricColumns = {
  id: rubrics.id, orgId: rubrics.orgId, orgName: organizations.name, orgPath: organizations.path, name: rubrics.name, version: rubrics.version,
  previousId: rubrics.previousId, thresholdUnit: rubrics.thresholdUnit, thresholdWard: rubrics.thresholdWard, thresholdCity: rubrics.thresholdCity,
  createdAt: rubrics.createdAt, lockedAt: rubrics.lockedAt,
};

export function loadRubric(db: Reader, id: number): RubricRow | undefined {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  return db.select(rubricColumns).from(rubrics).innerJoin(organizations, eq(organizations.id, rubrics.orgId)).where(eq(rubrics.id, id)).get();
}

export function criteriaOfRubric(db: Reader, rubricId: number): CriterionRow[] {
  return db
    .select({ id: rubricCriteria.id, position: rubricCriteria.position, name: rubricCriteria.name, maxPoints: rubricCriteria.maxPoints, guidance: rubricCriteria.guidance })
    .from(rubricCriteria)
    .where(eq(rubricCriteria.rubricId, rubricId))
    .orderBy(asc(rubricCriteria.position))
    .all();
}

/** The organizations the actor may make sheets (and councils) for: the roots of their grants. */
export function ownOrgChoices(ctx: Ctx, permission: "rubric.manage" | "council.manage"): { id: number; code: string; name: string }[] {
  const roots = scopes(ctx.actor, permission);
  if (!roots.length) return [];
  return ctx.db
    .select({ id: organizations.id, code: organizations.code, name: organizations.name })
    .from(organizations)
    .where(and(inArray(organizations.path, roots), isNull(organizations.validTo)))
    .orderBy(asc(organizations.depth), asc(organizations.searchName))
    .all();
}

/** Sheets of the organizations in the actor's rubric.manage subtrees, newest first, each with a
 * flag telling whether a later version replaces it. */
export function listRubrics(ctx: Ctx): (RubricRow & { criteriaCount: number; totalPoints: number; replaced: boolean })[] {
  if (!canAnywhere(ctx.actor, "rubric.manage")) throw forbidden();
  const rows = ctx.db
    .select(rubricColumns)
    .from(rubrics)
    .innerJoin(organizations, eq(organizations.id, rubrics.orgId))
    .where(pathScope(organizations.path, ctx.actor, "rubric.manage"))
    .orderBy(desc(rubrics.createdAt), desc(rubrics.id))
    .limit(500)
    .all();
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const crits = ctx.db.select({ rubricId: rubricCriteria.rubricId, maxPoints: rubricCriteria.maxPoints }).from(rubricCriteria).where(inArray(rubricCriteria.rubricId, ids)).all();
  const replacedIds = new Set(
    ctx.db.select({ previousId: rubrics.previousId }).from(rubrics).where(inArray(rubrics.previousId, ids)).all().map((r) => r.previousId),
  );
  return rows.map((r) => {
    const mine = crits.filter((c) => c.rubricId === r.id);
    return { criteriaCount: mine.length, totalPoints: mine.reduce((s, c) => s + c.maxPoints, 0), replaced: replacedIds.has(r.id), ...r };
  });
}

/** One sheet with its criteria, for whoever may manage it. */
export function getRubric(ctx: Ctx, id: number): { rubric: RubricRow; criteria: CriterionRow[]; replacedBy: number | null; usedBy: number } {
  const rubric = managed(ctx, ctx.db, id);
  const next = ctx.db.select({ id: rubrics.id }).from(rubrics).where(eq(rubrics.previousId, id)).get();
  const usedBy = ctx.db.select({ id: councils.id }).from(councils).where(eq(councils.rubricId, id)).all().length;
  return { rubric, criteria: criteriaOfRubric(ctx.db, id), replacedBy: next?.id ?? null, usedBy };
}

export function createRubric(ctx: Ctx, input: RubricInput & { orgId: number }): { id: number } {
  return write(ctx, (tx) => {
    const org = loadNode(tx, input.orgId);
    if (!org || org.validTo || !canManageRubric(ctx.actor, org.path)) throw invalid({ orgId: "councils.errors.orgNotAllowed" });
    checkRubric(input);
    const id = insertRubric(ctx, tx, org.id, input, 1, null);
    appendEvent(ctx, tx, { action: "rubric.created", entity: "rubric", entityId: id, orgId: org.id, payload: { after: evidence(input), version: 1 } });
    return { id };
  });
}

/** Change a sheet no council has used yet. */
export function updateRubric(ctx: Ctx, id: number, input: RubricInput): void {
  write(ctx, (tx) => {
    const rubric = managed(ctx, tx, id);
    if (rubric.lockedAt) throw conflict("councils.errors.rubricLocked");
    checkRubric(input);
    const before = { ...rubric, criteria: criteriaOfRubric(tx, id) };
    tx.update(rubrics)
      .set({ name: input.name, thresholdUnit: input.thresholdUnit, thresholdWard: input.thresholdWard, thresholdCity: input.thresholdCity })
      .where(eq(rubrics.id, id))
      .run();
    tx.delete(rubricCriteria).where(eq(rubricCriteria.rubricId, id)).run();
    insertCriteria(tx, id, input.criteria);
    appendEvent(ctx, tx, { action: "rubric.updated", entity: "rubric", entityId: id, orgId: rubric.orgId, payload: { before: evidence(before), after: evidence(input) } });
  });
}

/** A new version of a locked sheet, with the same content to edit; one successor per version. */
export function newRubricVersion(ctx: Ctx, id: number): { id: number } {
  return write(ctx, (tx) => {
    const rubric = managed(ctx, tx, id);
    if (!rubric.lockedAt) throw conflict("councils.errors.rubricNotLocked");
    if (tx.select({ id: rubrics.id }).from(rubrics).where(eq(rubrics.previousId, id)).get()) throw conflict("councils.errors.rubricHasSuccessor");
    const content: RubricInput = { ...rubric, criteria: criteriaOfRubric(tx, id) };
    const newId = insertRubric(ctx, tx, rubric.orgId, content, rubric.version + 1, id);
    appendEvent(ctx, tx, {
      action: "rubric.created",
      entity: "rubric",
      entityId: newId,
      orgId: rubric.orgId,
      payload: { after: evidence(content), version: rubric.version + 1, previousId: id },
    });
    return { id: newId };
  });
}

/** Lock a sheet when a council first uses it (inside the council's write). */
export function lockRubric(tx: Tx, id: number, at: string): boolean {
  const r = tx.update(rubrics).set({ lockedAt: at }).where(and(eq(rubrics.id, id), isNull(rubrics.lockedAt))).run();
  return r.changes > 0;
}

/** Sheets the actor may put a council on: those of the organizations they manage sheets for. */
export function rubricChoices(ctx: Ctx): { id: number; name: string; version: number; orgPath: string; orgName: string }[] {
  if (!canAnywhere(ctx.actor, "rubric.manage")) return [];
  return ctx.db
    .select({ id: rubrics.id, name: rubrics.name, version: rubrics.version, orgPath: organizations.path, orgName: organizations.name })
    .from(rubrics)
    .innerJoin(organizations, eq(organizations.id, rubrics.orgId))
    .where(pathScope(organizations.path, ctx.actor, "rubric.manage"))
    .orderBy(desc(rubrics.createdAt), desc(rubrics.id))
    .limit(300)
    .all();
}

// --- helpers ---------------------------------------------------------------------------

/** The form's rules again, for callers that did not come through the form: whole maxima from 1,
 * thresholds increasing and the highest within the sum of the maxima. */
export function checkRubric(input: RubricInput): void {
  const errors: Record<string, string> = {};
  if (!input.criteria.length) errors.c1_name = "councils.errors.noCriteria";
  input.criteria.forEach((c, i) => {
    if (!Number.isInteger(c.maxPoints) || c.maxPoints < 1 || c.maxPoints > MAX_POINTS) errors[`c${i + 1}_max`] = "councils.errors.maxPoints";
  });
  const sum = input.criteria.reduce((s, c) => s + c.maxPoints, 0);
  const { thresholdUnit: u, thresholdWard: w, thresholdCity: c } = input;
  if (![u, w, c].every(Number.isInteger) || u < 1) errors.thresholdUnit = "councils.errors.thresholdPositive";
  else if (w <= u) errors.thresholdWard = "councils.errors.thresholdOrder";
  else if (c <= w) errors.thresholdCity = "councils.errors.thresholdOrder";
  else if (c > sum) errors.thresholdCity = "councils.errors.thresholdAboveSum";
  if (Object.keys(errors).length) throw invalid(errors);
}

function managed(ctx: Ctx, db: Reader, id: number): RubricRow {
  const rubric = loadRubric(db, id);
  if (!rubric || !canManageRubric(ctx.actor, rubric.orgPath)) throw notFound();
  return rubric;
}

function insertRubric(ctx: Ctx, tx: Tx, orgId: number, input: RubricInput, version: number, previousId: number | null): number {
  const { id } = tx
    .insert(rubrics)
    .values({
      orgId, name: input.name, version, previousId,
      thresholdUnit: input.thresholdUnit, thresholdWard: input.thresholdWard, thresholdCity: input.thresholdCity,
      createdBy: ctx.actor!.personId, createdAt: nowIso(ctx),
    })
    .returning({ id: rubrics.id })
    .get();
  insertCriteria(tx, id, input.criteria);
  return id;
}

function insertCriteria(tx: Tx, rubricId: number, criteria: RubricInput["criteria"]): void {
  if (!criteria.length) throw invalid({ c1_name: "councils.errors.noCriteria" });
  tx.insert(rubricCriteria)
    .values(criteria.map((c, i) => ({ rubricId, position: i + 1, name: c.name, maxPoints: c.maxPoints, guidance: c.guidance })))
    .run();
}

/** What the ledger keeps of a sheet: the numbers in clear, the texts by hash. */
function evidence(r: Pick<RubricInput, "name" | "criteria" | "thresholdUnit" | "thresholdWard" | "thresholdCity">) {
  return {
    nameSha256: sha256Hex(r.name),
    criteria: r.criteria.map((c) => ({ maxPoints: c.maxPoints, nameSha256: sha256Hex(canonicalJson({ name: c.name, guidance: c.guidance })) })),
    thresholds: [r.thresholdUnit, r.thresholdWard, r.thresholdCity],
  };
}


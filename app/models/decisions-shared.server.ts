// Pieces the decision, document and credit models share: a council as the policy sees it, a
// council item with its initiative, the score summary of an item (from the submitted sheets
// only), the authors a version froze, and the decision rows.
import { and, asc, eq, isNull } from "drizzle-orm";
import {
  councilItems, councilMembers, decisions, evaluations, initiatives, organizations, people, rubricCriteria, rubrics,
  type DecisionOutcome, type EvaluationStatus, type InitiativeStatus, type RecognitionLevel,
} from "../../db/schema";
import type { CouncilRecord } from "~/auth/policy";
import type { Ctx, Tx } from "./context.server";
import { suggestedLevel, type Thresholds } from "./credit-split";
import { summarizeTotals } from "./evaluation-stats";
import { authorsOf, loadVersion, parseContent, type StoredAuthor } from "./initiatives-shared.server";
import { loadCouncil as loadCouncilRecord } from "./councils.server";

export type Reader = Ctx["db"] | Tx;

export type CouncilInfo = CouncilRecord & {
  id: number;
  orgId: number;
  orgName: string;
  parentOrgName: string | null;
  name: string;
  periodYear: number;
  periodQuarter: number | null;
  rubricId: number;
  spreadLimit: number;
};

/** The council with its organization and current (not removed) members. */
/** The council with its policy record (councils.server's loader) and its organization's parent's
 * name, for the party document header. */
export function loadCouncil(db: Reader, councilId: number): CouncilInfo | undefined {
  const c = loadCouncilRecord(db, councilId);
  if (!c) return undefined;
  const { row, record } = c;
  const parentId = db.select({ parentId: organizations.parentId }).from(organizations).where(eq(organizations.id, row.orgId)).get()?.parentId ?? null;
  const parent = parentId === null ? undefined : db.select({ name: organizations.name }).from(organizations).where(eq(organizations.id, parentId)).get();
  return {
    ...record,
    id: row.id, orgId: row.orgId, orgName: row.orgName, parentOrgName: parent?.name ?? null, name: row.name, periodYear: row.periodYear,
    periodQuarter: row.periodQuarter, rubricId: row.rubricId, spreadLimit: row.spreadLimit,
  };
}

export type MemberRow = { personId: number; role: "chair" | "secretary" | "member"; familyName: string; middleName: string; givenName: string; position: string };

export function members(db: Reader, councilId: number): MemberRow[] {
  return db
    .select({ personId: councilMembers.personId, role: councilMembers.role, familyName: people.familyName, middleName: people.middleName, givenName: people.givenName, position: people.position })
    .from(councilMembers)
    .innerJoin(people, eq(people.id, councilMembers.personId))
    .where(and(eq(councilMembers.councilId, councilId), isNull(councilMembers.removedAt)))
    .orderBy(asc(councilMembers.id))
    .all();
}

export type ItemRow = {
  id: number;
  councilId: number;
  initiativeId: number;
  version: number;
  title: string;
  registrationNumber: string | null;
  status: InitiativeStatus;
  receivingOrgId: number;
};

const itemColumns = {
  id: councilItems.id, councilId: councilItems.councilId, initiativeId: councilItems.initiativeId, version: councilItems.version,
  title: initiatives.title, registrationNumber: initiatives.registrationNumber, status: initiatives.status, receivingOrgId: initiatives.receivingOrgId,
};

export function loadItem(db: Reader, itemId: number): ItemRow | undefined {
  if (!Number.isSafeInteger(itemId) || itemId <= 0) return undefined;
  return db.select(itemColumns).from(councilItems).innerJoin(initiatives, eq(initiatives.id, councilItems.initiativeId)).where(eq(councilItems.id, itemId)).get();
}

export function itemsOf(db: Reader, councilId: number): ItemRow[] {
  return db.select(itemColumns).from(councilItems).innerJoin(initiatives, eq(initiatives.id, councilItems.initiativeId)).where(eq(councilItems.councilId, councilId)).orderBy(asc(councilItems.id)).all();
}

export type RubricInfo = Thresholds & { name: string; maxPoints: number };

export function rubricOf(db: Reader, rubricId: number): RubricInfo {
  const r = db.select({ name: rubrics.name, unit: rubrics.thresholdUnit, ward: rubrics.thresholdWard, city: rubrics.thresholdCity }).from(rubrics).where(eq(rubrics.id, rubricId)).get();
  const max = db.select({ max: rubricCriteria.maxPoints }).from(rubricCriteria).where(eq(rubricCriteria.rubricId, rubricId)).all();
  return { name: r?.name ?? "", unit: r?.unit ?? 0, ward: r?.ward ?? 0, city: r?.city ?? 0, maxPoints: max.reduce((a, b) => a + b.max, 0) };
}

/** An item's sheets: who, status, total (half points). */
export function sheetsOf(db: Reader, itemId: number): { id: number; evaluatorId: number; status: EvaluationStatus; totalHalfPoints: number | null }[] {
  return db
    .select({ id: evaluations.id, evaluatorId: evaluations.evaluatorId, status: evaluations.status, totalHalfPoints: evaluations.totalHalfPoints })
    .from(evaluations)
    .where(eq(evaluations.itemId, itemId))
    .orderBy(asc(evaluations.id))
    .all();
}

/** Mean, median and spread of the submitted totals, all in half points (null with none). */
export type Summary = {
  assigned: number;
  submitted: number;
  meanHalf: number | null;
  medianHalf: number | null;
  spreadHalf: number | null;
  suggested: RecognitionLevel | null;
};

/** From the shared aggregation (evaluation-stats.ts), so the council view and the decision
 * show the same numbers; the suggested level compares the mean as shown (two decimals). */
export function summarize(totals: number[], assigned: number, thresholds: Thresholds): Summary {
  const st = summarizeTotals(totals);
  const half = (points: number | null) => (points === null ? null : points * 2);
  const meanHalf = half(st.mean);
  return { assigned, submitted: st.count, meanHalf, medianHalf: half(st.median), spreadHalf: half(st.spread), suggested: meanHalf === null ? null : suggestedLevel(meanHalf, thresholds) };
}

export function itemSummary(db: Reader, itemId: number, thresholds: Thresholds): Summary {
  const sheets = sheetsOf(db, itemId);
  const totals = sheets.filter((s) => s.status === "submitted" && s.totalHalfPoints !== null).map((s) => s.totalHalfPoints!);
  return summarize(totals, sheets.length, thresholds);
}

/** The authors as the decided version froze them (the current list when the content has none). */
export function frozenAuthors(db: Reader, initiativeId: number, version: number): StoredAuthor[] {
  const v = loadVersion(db, initiativeId, version);
  const authors = v ? parseContent(v.content).authors : undefined;
  if (Array.isArray(authors) && authors.length) return authors as StoredAuthor[];
  return authorsOf(db, initiativeId);
}

export type DecisionRow = {
  id: number;
  councilId: number;
  orgId: number;
  initiativeId: number;
  version: number;
  outcome: DecisionOutcome;
  level: RecognitionLevel | null;
  reason: string;
  number: string;
  decidedOn: string;
  signerName: string;
  signerTitle: string;
  correctsId: number | null;
  createdBy: number;
  createdAt: string;
};

export const decisionColumns = {
  id: decisions.id, councilId: decisions.councilId, orgId: decisions.orgId, initiativeId: decisions.initiativeId, version: decisions.version,
  outcome: decisions.outcome, level: decisions.level, reason: decisions.reason, number: decisions.number, decidedOn: decisions.decidedOn,
  signerName: decisions.signerName, signerTitle: decisions.signerTitle, correctsId: decisions.correctsId, createdBy: decisions.createdBy, createdAt: decisions.createdAt,
};

export function loadDecision(db: Reader, id: number): DecisionRow | undefined {
  if (!Number.isSafeInteger(id) || id <= 0) return undefined;
  return db.select(decisionColumns).from(decisions).where(eq(decisions.id, id)).get();
}

/** The decision that corrects `id`, if any (then `id` is no longer the latest of its chain). */
export function correctionOf(db: Reader, id: number): { id: number; number: string } | undefined {
  return db.select({ id: decisions.id, number: decisions.number }).from(decisions).where(eq(decisions.correctsId, id)).get();
}

export function decisionsOfInitiative(db: Reader, initiativeId: number): DecisionRow[] {
  return db.select(decisionColumns).from(decisions).where(eq(decisions.initiativeId, initiativeId)).orderBy(asc(decisions.id)).all();
}

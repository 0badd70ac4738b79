// Lists of initiatives: their rows and paging, and the actor's own (as creator or co-author).
// The receiving leaders' inbox is in initiatives-inbox.server.ts. One count and one page query
// each, no per-row queries.
import { count, desc, eq, inArray, type Placeholder, type SQL } from "drizzle-orm";
import { initiativeAuthors, initiatives, organizations, people, type InitiativeKind, type InitiativeStatus } from "../../db/schema";
import type { Ctx } from "./context.server";
import { forbidden } from "./errors";

export const INITIATIVE_PAGE_SIZE = 25;

export type InitiativeListRow = {
  id: number;
  kind: InitiativeKind;
  status: InitiativeStatus;
  registrationNumber: string | null;
  title: string;
  receivingOrgName: string;
  creatorFamilyName: string;
  creatorMiddleName: string;
  creatorGivenName: string;
  taskId: number | null;
  submittedAt: string | null;
  decisionDueOn: string | null;
  updatedAt: string;
};

export type Paged<T> = { rows: T[]; total: number; page: number };

export const listColumns = {
  id: initiatives.id,
  kind: initiatives.kind,
  status: initiatives.status,
  registrationNumber: initiatives.registrationNumber,
  title: initiatives.title,
  receivingOrgName: organizations.name,
  creatorFamilyName: people.familyName,
  creatorMiddleName: people.middleName,
  creatorGivenName: people.givenName,
  taskId: initiatives.taskId,
  submittedAt: initiatives.submittedAt,
  decisionDueOn: initiatives.decisionDueOn,
  updatedAt: initiatives.updatedAt,
};

export const fromList = (ctx: Ctx) =>
  ctx.db
    .select(listColumns)
    .from(initiatives)
    .innerJoin(organizations, eq(organizations.id, initiatives.receivingOrgId))
    .innerJoin(people, eq(people.id, initiatives.createdBy));

export const pageOf = (pageNo: number) => (Number.isSafeInteger(pageNo) && pageNo > 0 ? pageNo : 1);

function paged(ctx: Ctx, where: SQL | undefined, pageNo: number, order: SQL[]): Paged<InitiativeListRow> {
  const page = pageOf(pageNo);
  const total = ctx.db.select({ n: count() }).from(initiatives).innerJoin(organizations, eq(organizations.id, initiatives.receivingOrgId)).where(where).get()!.n;
  const rows = fromList(ctx).where(where).orderBy(...order).limit(INITIATIVE_PAGE_SIZE).offset((page - 1) * INITIATIVE_PAGE_SIZE).all();
  return { rows, total, page };
}

/** Initiatives the person created or co-authors (exported for search). */
export function mine(ctx: Ctx, me: number | Placeholder): SQL {
  // One IN over both lists: with "creator OR co-author" the planner walked every draft by status.
  const ids = ctx.db
    .select({ id: initiativeAuthors.initiativeId })
    .from(initiativeAuthors)
    .where(eq(initiativeAuthors.personId, me))
    .unionAll(ctx.db.select({ id: initiatives.id }).from(initiatives).where(eq(initiatives.createdBy, me)));
  return inArray(initiatives.id, ids);
}

/** The initiatives the actor created or co-authors, drafts included, most recently changed first. */
export function listMine(ctx: Ctx, page = 1): Paged<InitiativeListRow> {
  const me = ctx.actor?.personId;
  if (me === undefined) throw forbidden();
  return paged(ctx, mine(ctx, me), page, [desc(initiatives.updatedAt), desc(initiatives.id)]);
}

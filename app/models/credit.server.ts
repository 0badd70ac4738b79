// The credit ledger (ghi nhận): what each author was credited, per person, organization and
// period (the year of the decision). My own credit for everyone; the table of credit by
// organization and period for holders of credit.view (leaders, the Organization Committee,
// the inspection), scoped in SQL to their subtrees; the points per level, set city-wide.
import { excel } from "./exceljs.server";
import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { creditEntries, creditRules, decisions, initiatives, organizations, people, type RecognitionLevel } from "../../db/schema";
import { RECOGNITION_LEVELS } from "../../db/enums";
import { canAnywhere, canManageCalendar } from "~/auth/policy";
import { creditRulesSchema, parsePoints } from "~/schemas/decisions";
import { fullName } from "~/i18n/format";
import { preparedOnce } from "./compiled.server";
import { nowIso, write, type Ctx } from "./context.server";
import { forbidden, invalid } from "./errors";
import { appendEvent } from "./ledger.server";
import { todayIso } from "./orgs-shared.server";
import { pathScope } from "./scope.server";
import { tv } from "./party-docx.server";
import { reportsToConfirm } from "./result-reports.server";

export const CREDIT_PAGE_SIZE = 25;
const MAX_EXPORT_ROWS = 20_000;

/** My credit entries (reversals included, so the totals are what stands) and totals by year. */
export function myCredit(ctx: Ctx) {
  if (!ctx.actor) throw forbidden();
  const entries = ctx.db
    .select({
      id: creditEntries.id, decisionId: creditEntries.decisionId, number: decisions.number, decidedOn: decisions.decidedOn, initiativeId: creditEntries.initiativeId,
      title: initiatives.title, level: creditEntries.level, periodYear: creditEntries.periodYear, shareBp: creditEntries.shareBp, points: creditEntries.points,
    })
    .from(creditEntries)
    .innerJoin(decisions, eq(decisions.id, creditEntries.decisionId))
    .innerJoin(initiatives, eq(initiatives.id, creditEntries.initiativeId))
    .where(eq(creditEntries.personId, ctx.actor.personId))
    .orderBy(desc(creditEntries.periodYear), asc(creditEntries.id))
    .limit(1000)
    .all();
  const byYear = new Map<number, number>();
  for (const e of entries) byYear.set(e.periodYear, (byYear.get(e.periodYear) ?? 0) + e.points);
  return { entries, totals: [...byYear].map(([year, points]) => ({ year, points })).sort((a, b) => b.year - a.year) };
}

export type CreditFilter = { year?: number | null; page?: number };

function tableWhere(ctx: Ctx, f: CreditFilter): SQL {
  return and(pathScope(organizations.path, ctx.actor, "credit.view"), f.year ? eq(creditEntries.periodYear, f.year) : undefined)!;
}

const tableColumns = {
  orgId: organizations.id,
  orgName: organizations.name,
  orgPath: organizations.path,
  personId: people.id,
  familyName: people.familyName,
  middleName: people.middleName,
  givenName: people.givenName,
  periodYear: creditEntries.periodYear,
  points: sql<number>`sum(${creditEntries.points})`.as("points"),
  entries: sql<number>`count(*)`.as("entries"),
};

function tableQuery(ctx: Ctx, f: CreditFilter) {
  return ctx.db
    .select(tableColumns)
    .from(creditEntries)
    .innerJoin(organizations, eq(organizations.id, creditEntries.orgId))
    .innerJoin(people, eq(people.id, creditEntries.personId))
    .where(tableWhere(ctx, f))
    .groupBy(organizations.id, people.id, creditEntries.periodYear)
    .orderBy(desc(creditEntries.periodYear), asc(organizations.path), asc(people.sortKey), asc(people.id));
}

/** Credit by organization, person and year within the actor's credit.view subtrees, one page. */
export function creditTable(ctx: Ctx, f: CreditFilter) {
  if (!canAnywhere(ctx.actor, "credit.view")) throw forbidden();
  const page = Math.max(1, f.page ?? 1);
  const total = ctx.db
    .select({ n: count() })
    .from(
      ctx.db
        .select({ o: creditEntries.orgId, p: creditEntries.personId, y: creditEntries.periodYear })
        .from(creditEntries)
        .innerJoin(organizations, eq(organizations.id, creditEntries.orgId))
        .where(tableWhere(ctx, f))
        .groupBy(creditEntries.orgId, creditEntries.personId, creditEntries.periodYear)
        .as("g"),
    )
    .get()!.n;
  const rows = tableQuery(ctx, f).limit(CREDIT_PAGE_SIZE).offset((page - 1) * CREDIT_PAGE_SIZE).all();
  const years = ctx.db
    .selectDistinct({ year: creditEntries.periodYear })
    .from(creditEntries)
    .innerJoin(organizations, eq(organizations.id, creditEntries.orgId))
    .where(pathScope(organizations.path, ctx.actor, "credit.view"))
    .orderBy(desc(creditEntries.periodYear))
    .all()
    .map((y) => y.year);
  return { rows: rows.map((r) => ({ name: fullName(r), ...r })), total, page, years };
}

/** The same table, every row, as an Excel workbook. */
export async function creditXlsx(ctx: Ctx, f: CreditFilter): Promise<Buffer> {
  if (!canAnywhere(ctx.actor, "credit.view")) throw forbidden();
  const rows = tableQuery(ctx, f).limit(MAX_EXPORT_ROWS).all();
  const wb = new (await excel()).Workbook();
  wb.creator = tv("app.shortName");
  const sheet = wb.addWorksheet(tv("credit.xlsx.sheet"));
  sheet.columns = [
    { header: tv("credit.col.year"), key: "year", width: 8 },
    { header: tv("credit.col.org"), key: "org", width: 40 },
    { header: tv("credit.col.person"), key: "person", width: 28 },
    { header: tv("credit.col.entries"), key: "entries", width: 12 },
    { header: tv("credit.col.points"), key: "points", width: 12 },
  ];
  for (const r of rows) sheet.addRow({ year: r.periodYear, org: r.orgName, person: fullName(r), entries: r.entries, points: r.points / 100 });
  sheet.getColumn("points").numFmt = "0.00";
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Points per level (hundredths), with who may change them. */
export function creditRulesView(ctx: Ctx) {
  const rows = ctx.db.select({ level: creditRules.level, points: creditRules.points, updatedAt: creditRules.updatedAt }).from(creditRules).all();
  const points = Object.fromEntries(RECOGNITION_LEVELS.map((l) => [l, rows.find((r) => r.level === l)?.points ?? 0])) as Record<RecognitionLevel, number>;
  return { points, updatedAt: rows.map((r) => r.updatedAt).sort().pop() ?? null, allowed: { edit: canManageCalendar(ctx.actor) } };
}

/** Set the points per level: a city-wide administrator (the rule of the holiday calendar). */
export function updateCreditRules(ctx: Ctx, input: Record<string, unknown>): Record<RecognitionLevel, number> {
  return write(ctx, (tx) => {
    if (!canManageCalendar(ctx.actor)) throw forbidden();
    const parsed = creditRulesSchema.safeParse(input);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const i of parsed.error.issues) fields[String(i.path[0])] ??= i.message;
      throw invalid(fields);
    }
    const next = { unit: parsePoints(parsed.data.unit)!, ward: parsePoints(parsed.data.ward)!, city: parsePoints(parsed.data.city)! };
    if (!(next.unit <= next.ward && next.ward <= next.city)) throw invalid({ ward: "credit.errors.order" });
    const before = Object.fromEntries(tx.select({ level: creditRules.level, points: creditRules.points }).from(creditRules).all().map((r) => [r.level, r.points]));
    const at = nowIso(ctx);
    for (const level of RECOGNITION_LEVELS) {
      tx.insert(creditRules)
        .values({ level, points: next[level], updatedBy: ctx.actor!.personId, updatedAt: at })
        .onConflictDoUpdate({ target: creditRules.level, set: { points: next[level], updatedBy: ctx.actor!.personId, updatedAt: at } })
        .run();
    }
    appendEvent(ctx, tx, { action: "credit.rules_updated", entity: "credit_rules", entityId: null, orgId: ctx.actor!.orgId, payload: { before, after: next } });
    return next;
  });
}

/** Home card: my credit this year (points, in hundredths) when I have any. */
export function homeCreditCards(ctx: Ctx): { key: "credit.mine"; count: number; href: string }[] {
  if (!ctx.actor) return [];
  const year = Number(todayIso(ctx).slice(0, 4));
  const row = preparedOnce(ctx.db, "home credit.mine", () =>
    ctx.db
      .select({ n: count(), points: sql<number | null>`sum(${creditEntries.points})` })
      .from(creditEntries)
      .where(and(eq(creditEntries.personId, sql.placeholder("person")), eq(creditEntries.periodYear, sql.placeholder("year")))),
  ).get({ person: ctx.actor.personId, year })!;
  return row.n ? [{ key: "credit.mine", count: Math.round((row.points ?? 0) / 100), href: "/ghi-nhan" }] : [];
}

/** The /ghi-nhan page: my credit; the table for holders of credit.view; the points per level;
 * the results reports awaiting the actor's confirmation. */
export function creditOverview(ctx: Ctx, f: CreditFilter) {
  return {
    mine: myCredit(ctx),
    table: canAnywhere(ctx.actor, "credit.view") ? creditTable(ctx, f) : null,
    rules: creditRulesView(ctx),
    reports: reportsToConfirm(ctx),
  };
}

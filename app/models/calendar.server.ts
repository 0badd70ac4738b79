// The working-day calendar: the official holidays administrators maintain (weekends are
// implicit). Due dates are computed from it when a step starts and then stored, so a later
// change of the calendar does not move a deadline already given.
import { and, asc, eq, gte, lte } from "drizzle-orm";
import { holidays } from "../../db/schema";
import { canManageCalendar } from "~/auth/policy";
import { holidaySchema, MAX_CALENDAR_YEAR, MIN_CALENDAR_YEAR } from "~/schemas/proposals";
import { nowIso, write, type Ctx, type Tx } from "./context.server";
import { conflict, forbidden, invalid, notFound } from "./errors";
import { appendEvent } from "./ledger.server";
import { addDays, isIsoDate, todayIso } from "./orgs-shared.server";
import { addWorkingDays, horizonDays } from "./working-days";

type Reader = Ctx["db"] | Tx;

export type HolidayRow = { date: string; name: string };

/** The holidays within [from, to] as a set of 'YYYY-MM-DD'. */
export function loadHolidays(db: Reader, from: string, to: string): Set<string> {
  return new Set(
    db
      .select({ date: holidays.date })
      .from(holidays)
      .where(and(gte(holidays.date, from), lte(holidays.date, to)))
      .all()
      .map((h) => h.date),
  );
}

/** The n-th working day after `isoDate`, by the calendar as it stands. */
export function workingDaysAfter(db: Reader, isoDate: string, n: number): string {
  return addWorkingDays(isoDate, n, loadHolidays(db, isoDate, addDays(isoDate, horizonDays(n))));
}

/** The n-th working day after today (Ho Chi Minh City). */
export function workingDaysFromToday(ctx: Ctx, db: Reader, n: number): string {
  return workingDaysAfter(db, todayIso(ctx), n);
}

function requireManager(ctx: Ctx): void {
  if (!canManageCalendar(ctx.actor)) throw forbidden();
}

export function clampYear(year: number | null | undefined, fallback: number): number {
  return year && Number.isSafeInteger(year) && year >= MIN_CALENDAR_YEAR && year <= MAX_CALENDAR_YEAR ? year : fallback;
}

/** The calendar of one year, for those who manage it, with the years that have holidays. */
export function listHolidays(ctx: Ctx, year: number): { year: number; rows: HolidayRow[]; years: number[] } {
  requireManager(ctx);
  const rows = ctx.db
    .select({ date: holidays.date, name: holidays.name })
    .from(holidays)
    .where(and(gte(holidays.date, `${year}-01-01`), lte(holidays.date, `${year}-12-31`)))
    .orderBy(asc(holidays.date))
    .all();
  const all = ctx.db.select({ date: holidays.date }).from(holidays).all();
  const years = [...new Set([...all.map((h) => Number(h.date.slice(0, 4))), year])].sort((a, b) => a - b);
  return { year, rows, years };
}

export function getHoliday(ctx: Ctx, date: string): HolidayRow {
  requireManager(ctx);
  const row = isIsoDate(date) ? ctx.db.select({ date: holidays.date, name: holidays.name }).from(holidays).where(eq(holidays.date, date)).get() : undefined;
  if (!row) throw notFound();
  return row;
}

/** Add an official holiday (a day in lieu included) with its name. One per date. */
export function addHoliday(ctx: Ctx, input: unknown): HolidayRow {
  const parsed = holidaySchema.safeParse(input ?? {});
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join(".") || "form"] ??= issue.message;
    throw invalid(errors);
  }
  const { date, name } = parsed.data;
  return write(ctx, (tx) => {
    requireManager(ctx);
    const year = Number(date.slice(0, 4));
    if (year < MIN_CALENDAR_YEAR || year > MAX_CALENDAR_YEAR) throw invalid({ date: "calendar.errors.yearRange" });
    const existing = tx.select({ name: holidays.name }).from(holidays).where(eq(holidays.date, date)).get();
    if (existing) throw conflict("calendar.errors.exists", { date: "calendar.errors.exists" });
    tx.insert(holidays).values({ date, name, createdBy: ctx.actor!.personId, createdAt: nowIso(ctx) }).run();
    appendEvent(ctx, tx, { action: "calendar.holiday_added", entity: "holiday", entityId: date, orgId: null, payload: { date, name } });
    return { date, name };
  });
}

/** Remove a holiday (after the confirmation step). Deadlines already given keep their dates. */
export function removeHoliday(ctx: Ctx, date: string): void {
  write(ctx, (tx) => {
    requireManager(ctx);
    const row = isIsoDate(date) ? tx.select({ name: holidays.name }).from(holidays).where(eq(holidays.date, date)).get() : undefined;
    if (!row) throw notFound();
    tx.delete(holidays).where(eq(holidays.date, date)).run();
    appendEvent(ctx, tx, { action: "calendar.holiday_removed", entity: "holiday", entityId: date, orgId: null, payload: { date, name: row.name } });
  });
}

// Working-day arithmetic (ngày làm việc): Monday to Friday, minus the official holidays of the
// administrators' calendar (Tết follows the lunar calendar, so holidays are data, not rules).
// Pure: dates are calendar days 'YYYY-MM-DD'; the caller loads the holidays it needs.
//
// "Within N working days from D" counts the working days after D: D itself never counts, so a
// proposal submitted on Friday 13/02/2026 (before Tết) is due on Tuesday 03/03/2026.

function utc(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

function shift(isoDate: string, days: number): string {
  const d = utc(isoDate);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function isWeekend(isoDate: string): boolean {
  const day = utc(isoDate).getUTCDay();
  return day === 0 || day === 6;
}

export function isWorkingDay(isoDate: string, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(isoDate) && !holidays.has(isoDate);
}

/** The n-th working day after `isoDate` (n = 0: the date itself). A negative n counts back. */
export function addWorkingDays(isoDate: string, n: number, holidays: ReadonlySet<string>): string {
  if (!Number.isSafeInteger(n)) throw new RangeError("n must be an integer");
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let day = isoDate;
  while (left > 0) {
    day = shift(day, step);
    if (isWorkingDay(day, holidays)) left--;
  }
  return day;
}

/** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
export function workingDaysBetween(from: string, to: string, holidays: ReadonlySet<string>): number {
  if (to < from) return -workingDaysBetween(to, from, holidays);
  let count = 0;
  for (let day = shift(from, 1); day <= to; day = shift(day, 1)) if (isWorkingDay(day, holidays)) count++;
  return count;
}

/** How many calendar days a search for N working days may need to look ahead (holidays
 * included): generous, so that loading holidays for [from, from + horizon] is always enough. */
export function horizonDays(n: number): number {
  return Math.abs(n) * 3 + 60;
}

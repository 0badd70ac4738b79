import { describe, expect, it } from "vitest";
import { addWorkingDays, isWeekend, isWorkingDay, workingDaysBetween } from "~/models/working-days";

// The seeded calendar's days that matter here (drizzle/0008_evaluation.sql).
const HOLIDAYS = new Set([
  "2026-01-01",
  "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
  "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02",
  "2027-01-01",
  "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08", "2027-02-09", "2027-02-10", "2027-02-11",
]);

describe("working days", () => {
  it("knows weekends and holidays", () => {
    expect(isWeekend("2026-02-14")).toBe(true); // Saturday
    expect(isWeekend("2026-02-15")).toBe(true); // Sunday
    expect(isWeekend("2026-02-16")).toBe(false);
    expect(isWorkingDay("2026-02-16", HOLIDAYS)).toBe(false); // Tết, a Monday
    expect(isWorkingDay("2026-02-23", HOLIDAYS)).toBe(true);
    expect(isWorkingDay("2026-02-23", new Set())).toBe(true);
  });

  it("skips the whole of Tết 2026 and the weekends around it", () => {
    // Friday 13/02 + 7: 14–15 weekend, 16–20 Tết, 21–22 weekend → 23, 24, 25, 26, 27, 02/03, 03/03.
    expect(addWorkingDays("2026-02-13", 7, HOLIDAYS)).toBe("2026-03-03");
    expect(addWorkingDays("2026-02-13", 1, HOLIDAYS)).toBe("2026-02-23");
    // Without the calendar the same count lands inside Tết.
    expect(addWorkingDays("2026-02-13", 1, new Set())).toBe("2026-02-16");
    // Submitted during Tết: counting starts after it.
    expect(addWorkingDays("2026-02-17", 5, HOLIDAYS)).toBe("2026-02-27");
  });

  it("skips Tết 2027 with its days in lieu (a holiday on a weekend is not skipped twice)", () => {
    // Thursday 04/02/2027 + 5: 05 Tết, 06–07 weekend and Tết, 08–11 Tết → 12, 15, 16, 17, 18.
    expect(addWorkingDays("2027-02-04", 5, HOLIDAYS)).toBe("2027-02-18");
    expect(workingDaysBetween("2027-02-04", "2027-02-18", HOLIDAYS)).toBe(5);
  });

  it("a holiday that falls on a weekend costs no extra day", () => {
    const saturdayHoliday = new Set(["2026-03-07"]);
    expect(isWorkingDay("2026-03-07", saturdayHoliday)).toBe(false);
    expect(addWorkingDays("2026-03-06", 1, saturdayHoliday)).toBe("2026-03-09");
    expect(addWorkingDays("2026-03-06", 5, saturdayHoliday)).toBe(addWorkingDays("2026-03-06", 5, new Set()));
  });

  it("crosses the year boundary and New Year's Day", () => {
    // Thursday 31/12/2026 + 1: 01/01/2027 holiday (Friday), 02–03 weekend → Monday 04/01/2027.
    expect(addWorkingDays("2026-12-31", 1, HOLIDAYS)).toBe("2027-01-04");
    expect(addWorkingDays("2026-12-29", 7, HOLIDAYS)).toBe("2027-01-08");
    expect(workingDaysBetween("2026-12-31", "2027-01-04", HOLIDAYS)).toBe(1);
  });

  it("starts from a weekend or counts zero and backwards", () => {
    expect(addWorkingDays("2026-03-07", 1, HOLIDAYS)).toBe("2026-03-09"); // Saturday → Monday
    expect(addWorkingDays("2026-03-07", 0, HOLIDAYS)).toBe("2026-03-07");
    expect(addWorkingDays("2026-02-23", -1, HOLIDAYS)).toBe("2026-02-13");
    expect(workingDaysBetween("2026-03-03", "2026-02-13", HOLIDAYS)).toBe(-7);
    expect(workingDaysBetween("2026-03-09", "2026-03-09", HOLIDAYS)).toBe(0);
  });

  it("counts between dates as it adds", () => {
    for (const start of ["2026-02-10", "2026-04-28", "2026-08-28", "2026-12-30", "2027-02-01"]) {
      for (const n of [1, 5, 7, 12]) expect(workingDaysBetween(start, addWorkingDays(start, n, HOLIDAYS), HOLIDAYS)).toBe(n);
    }
  });

  it("refuses a fractional count", () => {
    expect(() => addWorkingDays("2026-03-02", 1.5, HOLIDAYS)).toThrow(RangeError);
  });
});

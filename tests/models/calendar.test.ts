// The holiday calendar: city administrators add and remove holidays (ledgered); nobody else
// may; due dates computed afterwards follow the calendar.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addHoliday, getHoliday, listHolidays, removeHoliday, workingDaysAfter } from "~/models/calendar.server";
import { countEvents, verifyLedger } from "~/models/ledger.server";
import { freshDb, type TestDb } from "../helpers/db";
import { failure } from "../helpers/refusal";

let t: TestDb;
let admin: number;
let wardAdmin: number;
beforeEach(() => {
  t = freshDb();
  const city = t.org("TU", null).id;
  const ward = t.org("P1", city, "ward").id;
  admin = t.person(city, { given: "Quân" });
  wardAdmin = t.person(ward, { given: "Yến" });
  t.grant(admin, "admin", city);
  t.grant(wardAdmin, "admin", ward);
});
afterEach(() => {
  expect(verifyLedger(t.handle.sqlite, t.secrets.publicKey).ok).toBe(true);
  t.close();
});

describe("the holiday calendar", () => {
  it("lists the seeded holidays of a year, Tết included", () => {
    const { rows, years } = listHolidays(t.ctx(t.actorOf(admin)), 2026);
    expect(rows.map((r) => r.date)).toContain("2026-02-17");
    expect(rows.find((r) => r.date === "2026-02-17")?.name).toBe("Tết Nguyên đán (Mùng 1)");
    expect(years).toEqual(expect.arrayContaining([2026, 2027]));
  });

  it("an administrator of the city adds and removes a holiday, each ledgered; due dates follow", () => {
    const ctx = t.ctx(t.actorOf(admin));
    expect(workingDaysAfter(t.handle.db, "2026-12-24", 1)).toBe("2026-12-25");
    const before = countEvents(ctx);
    addHoliday(ctx, { date: "25/12/2026", name: "Nghỉ bù (thử)" });
    expect(workingDaysAfter(t.handle.db, "2026-12-24", 1)).toBe("2026-12-28");
    expect(getHoliday(ctx, "2026-12-25").name).toBe("Nghỉ bù (thử)");
    expect(failure(() => addHoliday(ctx, { date: "2026-12-25", name: "Lần hai" })).fieldErrors).toEqual({ date: "calendar.errors.exists" });
    removeHoliday(ctx, "2026-12-25");
    expect(workingDaysAfter(t.handle.db, "2026-12-24", 1)).toBe("2026-12-25");
    expect(countEvents(ctx)).toBe(before + 2);
    const actions = t.handle.sqlite.prepare("SELECT action, entity_id FROM ledger_events WHERE entity = 'holiday' ORDER BY seq").all();
    expect(actions).toEqual([
      { action: "calendar.holiday_added", entity_id: "2026-12-25" },
      { action: "calendar.holiday_removed", entity_id: "2026-12-25" },
    ]);
    expect(failure(() => removeHoliday(ctx, "2026-12-25")).status).toBe(404);
  });

  it("refuses bad input and everyone but a city administrator", () => {
    const ctx = t.ctx(t.actorOf(admin));
    expect(failure(() => addHoliday(ctx, { date: "31/02/2026", name: "X" })).fieldErrors).toEqual({ date: "errors.invalidDate" });
    expect(failure(() => addHoliday(ctx, { date: "01/06/2026", name: "" })).fieldErrors).toEqual({ name: "errors.required" });
    expect(failure(() => addHoliday(ctx, { date: "01/06/1999", name: "Cũ" })).fieldErrors).toEqual({ date: "calendar.errors.yearRange" });
    const ward = t.ctx(t.actorOf(wardAdmin));
    expect(failure(() => addHoliday(ward, { date: "01/06/2026", name: "Thiếu nhi" })).status).toBe(403);
    expect(failure(() => removeHoliday(ward, "2026-01-01")).status).toBe(403);
    expect(failure(() => listHolidays(ward, 2026)).status).toBe(403);
  });
});

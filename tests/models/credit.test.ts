// The credit ledger: my totals by period, the table scoped in SQL to the viewer's subtree,
// the XLSX, and the points per level set by a city-wide administrator only.
import { afterEach, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { verifyLedger } from "~/models/ledger.server";
import { creditTable, creditXlsx, myCredit, updateCreditRules, homeCreditCards } from "~/models/credit.server";
import { recordDecision } from "~/models/decisions.server";
import { council, VALID, type Setup } from "./decisions-fixture";
import { failure } from "./initiatives-fixture";

let s: Setup;
afterEach(() => {
  expect(verifyLedger(s.t.handle.sqlite, s.t.secrets.publicKey).ok).toBe(true);
  s.t.close();
});

/** Two recognitions: ward (three authors) in 2026, and city (canbo.p2 alone, of another ward) in 2027. */
function twoYears() {
  s = council();
  s.score([80, 72]);
  recordDecision(s.as(s.q.secretary), s.itemId, VALID);
  const other = s.another(s.p.cadreP2);
  s.t.clock.now = new Date("2027-01-05T03:00:00.000Z");
  const second = s.another(s.p.cadre);
  recordDecision(s.as(s.q.secretary), second.itemId, { ...VALID, level: "city", number: "2-QĐ/ĐU", decidedOn: "04/01/2027" });
  recordDecision(s.as(s.q.secretary), other.itemId, { ...VALID, level: "unit", number: "3-QĐ/ĐU", decidedOn: "04/01/2027" });
}

describe("my credit", () => {
  it("totals my lines by the year of the decision", () => {
    twoYears();
    const mine = myCredit(s.as(s.p.cadre));
    expect(mine.totals).toEqual([
      { year: 2027, points: 1000 },
      { year: 2026, points: 167 },
    ]);
    expect(mine.entries.map((e) => [e.number, e.points])).toEqual([
      ["2-QĐ/ĐU", 1000],
      ["15-QĐ/ĐU", 167],
    ]);
    expect(myCredit(s.as(s.p.co)).totals).toEqual([{ year: 2026, points: 166 }]);
    expect(homeCreditCards(s.as(s.p.cadre))).toEqual([{ key: "credit.mine", count: 10, href: "/ghi-nhan" }]);
    expect(homeCreditCards(s.as(s.p.cadreC2))).toEqual([]);
  });
});

describe("the credit table", () => {
  it("shows only the viewer's subtree, by organization, person and year", () => {
    twoYears();
    const rows = (id: number, year?: number) => creditTable(s.as(id), { year }).rows.map((r) => [r.periodYear, r.orgId, r.personId, r.points]);
    // The ward leader of P1 sees the cell C1's authors, not P2's.
    expect(rows(s.p.wardLeader)).toEqual([
      [2027, s.o.c1, s.p.cadre, 1000],
      [2026, s.o.c1, s.p.cadre, 167],
      [2026, s.o.c1, s.p.co, 166],
    ]);
    expect(rows(s.p.wardLeader, 2026)).toHaveLength(2);
    expect(rows(s.p.cityLeader)).toHaveLength(4);
    expect(rows(s.p.cityLeader).some((r) => r[2] === s.p.cadreP2 && r[3] === 200)).toBe(true);
    // The inspector of P1 (credit.view) sees the same as the ward leader; a cadre is refused.
    expect(rows(s.p.inspector)).toEqual(rows(s.p.wardLeader));
    expect(creditTable(s.as(s.p.wardLeader), {}).years).toEqual([2027, 2026]);
    expect(failure(() => creditTable(s.as(s.p.cadre), {})).status).toBe(403);
  });

  it("exports the scoped table as XLSX", async () => {
    twoYears();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await creditXlsx(s.as(s.p.wardLeader), { year: 2026 })) as never);
    const sheet = wb.worksheets[0];
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(1).value).toBe(2026);
    expect(sheet.getRow(2).getCell(5).value).toBe(1.67);
  });
});

describe("points per level", () => {
  it("are changed by a city-wide administrator only, in order, ledgered, and apply to later decisions", () => {
    s = council();
    const admin = s.t.person(s.o.city, { given: "Trị", username: "quantri" });
    s.t.grant(admin, "admin", s.o.city);
    const wardAdmin = s.t.person(s.o.p1, { given: "Phường", username: "quantri.phuong" });
    s.t.grant(wardAdmin, "admin", s.o.p1);
    const input = { unit: "3", ward: "6,5", city: "12" };
    expect(failure(() => updateCreditRules(s.as(wardAdmin), input)).status).toBe(403);
    expect(failure(() => updateCreditRules(s.as(s.p.cityLeader), input)).status).toBe(403);
    expect(failure(() => updateCreditRules(s.as(admin), { ...input, ward: "2" })).fieldErrors).toEqual({ ward: "credit.errors.order" });
    expect(failure(() => updateCreditRules(s.as(admin), { ...input, city: "1,234" })).fieldErrors).toEqual({ city: "credit.errors.points" });
    expect(updateCreditRules(s.as(admin), input)).toEqual({ unit: 300, ward: 650, city: 1200 });
    const last = s.t.handle.sqlite.prepare("SELECT action FROM ledger_events ORDER BY seq DESC LIMIT 1").get() as { action: string };
    expect(last.action).toBe("credit.rules_updated");
    s.score([80, 72]);
    expect(recordDecision(s.as(s.q.secretary), s.itemId, VALID).credited.map((c) => c.points)).toEqual([217, 216, 217]);
  });
});

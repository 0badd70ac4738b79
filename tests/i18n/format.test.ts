// formatNumber writes small whole numbers and halves itself (Intl is slow); it must give exactly
// what Intl's vi-VN format gives, for those and for every other number.
import { describe, expect, it } from "vitest";
import { formatDate, formatNumber } from "~/i18n/format";

const intl = new Intl.NumberFormat("vi-VN");

describe("formatNumber", () => {
  it("writes whole numbers and halves under a thousand exactly as Intl does", () => {
    for (let h = -2400; h <= 2400; h++) expect(formatNumber(h / 2)).toBe(intl.format(h / 2));
    expect(formatNumber(-0)).toBe(intl.format(-0));
  });

  it("leaves everything else to Intl: thousands, decimals, huge and odd values", () => {
    for (const n of [1000, 1234.5, -1000, 999.75, 0.1, 58.333333, 1e21, 12_345_678, Number.NaN, Infinity]) {
      expect(formatNumber(n)).toBe(intl.format(n));
    }
    expect(formatNumber(1234.5)).toBe("1.234,5");
    expect(formatNumber(62.5)).toBe("62,5");
  });
});

describe("formatDate", () => {
  it("writes calendar dates and timestamps as dd/mm/yyyy in Ho Chi Minh City time", () => {
    expect(formatDate("2026-02-03")).toBe("03/02/2026");
    expect(formatDate("2026-02-03T18:00:00.000Z")).toBe("04/02/2026");
  });
});

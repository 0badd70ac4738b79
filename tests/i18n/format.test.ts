// formatNumber writes small whole numbers and halves itself (Intl is slow); it must give exactly
// what Intl's vi-VN format gives, for those and for every other number.
import { describe, expect, it } from "vitest";
import { cityIsoDate, formatDate, formatDateTime, formatNumber, fullName } from "~/i18n/format";

const intl = new Intl.NumberFormat("vi-VN");

describe("formatNumber", () => {
  it("writes whole numbers and halves under a thousand exactly as Intl does", () => {
    for (let h = -2400; h <= 2400; h++) expect(formatNumber(h / 2)).toBe(intl.format(h / 2));
    expect(formatNumber(-0)).toBe(intl.format(-0));
  });

  it("writes hundredths and thousandths under a thousand exactly as Intl does", () => {
    for (let h = -99_999; h <= 99_999; h++) expect(formatNumber(h / 100)).toBe(intl.format(h / 100));
    for (let k = -999_999; k <= 999_999; k += 37) expect(formatNumber(k / 1000)).toBe(intl.format(k / 1000));
    // More than three decimals (rounded by Intl), exponents, sums that are not what they look like.
    for (const n of [0.0005, 0.0015, 1e-7, -1e-7, 5e-324, 0.1 + 0.2, 58.333333, 999.9996, -999.9995, 2 / 3]) {
      expect(formatNumber(n), String(n)).toBe(intl.format(n));
    }
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

describe("formatDateTime", () => {
  const zone = { timeZone: "Asia/Ho_Chi_Minh" } as const;
  const intlDate = new Intl.DateTimeFormat("vi-VN", { ...zone, day: "2-digit", month: "2-digit", year: "numeric" });
  const intlTime = new Intl.DateTimeFormat("vi-VN", { ...zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const viaIntl = (d: Date) => `${intlDate.format(d)} ${intlTime.format(d)}`;

  it("writes the city's time exactly as Intl does, over random times since 1975 and at day edges", () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const from = Date.UTC(1975, 6, 1);
    const to = Date.UTC(2100, 0, 1);
    const times = Array.from({ length: 3000 }, () => new Date(from + Math.floor(random() * (to - from))));
    times.push(new Date("2026-12-31T16:59:59.999Z"), new Date("2026-12-31T17:00:00.000Z"), new Date("2028-02-28T17:00:00.000Z"));
    const isoDate = new Intl.DateTimeFormat("en-CA", { ...zone, year: "numeric", month: "2-digit", day: "2-digit" });
    for (const d of times) {
      expect(formatDateTime(d.toISOString())).toBe(viaIntl(d));
      expect(formatDate(d.toISOString())).toBe(intlDate.format(d));
      expect(cityIsoDate(d)).toBe(isoDate.format(d));
    }
    expect(formatDateTime("2026-12-31T17:00:00.000Z")).toBe("01/01/2027 00:00");
  });

  it("leaves times before the city's fixed offset to Intl (it was UTC+8 in 1960)", () => {
    const d = new Date("1960-06-01T00:00:00.000Z");
    expect(formatDateTime(d.toISOString())).toBe(viaIntl(d));
    expect(formatDateTime("")).toBe("");
    expect(cityIsoDate(d)).toBeNull();
    expect(cityIsoDate(new Date(Number.NaN))).toBeNull();
  });
});

describe("fullName", () => {
  it("joins the parts that are there with single spaces, family name first", () => {
    expect(fullName({ familyName: "Nguyễn", middleName: "Văn", givenName: "An" })).toBe("Nguyễn Văn An");
    expect(fullName({ familyName: "Lê", middleName: "", givenName: "Bình" })).toBe("Lê Bình");
    expect(fullName({ familyName: "Lê", middleName: null, givenName: "Bình" })).toBe("Lê Bình");
    expect(fullName({ familyName: "Lê", givenName: "Bình" })).toBe("Lê Bình");
    expect(fullName({ familyName: "", middleName: "Thị", givenName: "Hoa" })).toBe("Thị Hoa");
    expect(fullName({ familyName: "Trần", middleName: "Văn", givenName: "" })).toBe("Trần Văn");
  });
});

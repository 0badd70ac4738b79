// The credit split: parts sum exactly to the total (largest remainder, ties in author order),
// and the level a mean total suggests.
import { describe, expect, it } from "vitest";
import { splitPoints, suggestedLevel } from "~/models/credit-split";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe("splitPoints", () => {
  it("gives one author everything", () => {
    expect(splitPoints(500, [10_000])).toEqual([500]);
  });

  it("splits 3 × 33,33/33,33/33,34 % of every level exactly", () => {
    // 10 points: exact parts 333,3 / 333,3 / 333,4 hundredths → floors 333/333/333, one left,
    // largest remainder is the third author's (0,4).
    expect(splitPoints(1000, [3333, 3333, 3334])).toEqual([333, 333, 334]);
    expect(splitPoints(500, [3333, 3333, 3334])).toEqual([167, 166, 167]);
    // 66,66 / 66,66 / 66,68: two left over, to the third (0,68) then the first (tie, author order).
    expect(splitPoints(200, [3333, 3333, 3334])).toEqual([67, 66, 67]);
    for (const total of [200, 500, 1000, 1, 7, 9999]) expect(sum(splitPoints(total, [3333, 3333, 3334]))).toBe(total);
  });

  it("breaks equal remainders in author order", () => {
    // 1 hundredth among two halves: the first author gets it.
    expect(splitPoints(1, [5000, 5000])).toEqual([1, 0]);
    expect(splitPoints(2, [2500, 2500, 2500, 2500])).toEqual([1, 1, 0, 0]);
  });

  it("splits among 20 authors, summing exactly and each within one hundredth", () => {
    const shares = Array.from({ length: 20 }, (_, i) => (i < 19 ? 500 : 500));
    expect(splitPoints(1000, shares)).toEqual(Array(20).fill(50));
    const uneven = [...Array.from({ length: 19 }, () => 499), 10_000 - 19 * 499];
    for (const total of [200, 500, 1000, 333]) {
      const parts = splitPoints(total, uneven);
      expect(sum(parts)).toBe(total);
      parts.forEach((p, i) => expect(Math.abs(p - (total * uneven[i]) / 10_000)).toBeLessThan(1));
    }
  });

  it("refuses shares that do not total 100 %", () => {
    expect(() => splitPoints(1000, [5000, 4999])).toThrow(RangeError);
    expect(() => splitPoints(1000, [])).toThrow(RangeError);
    expect(() => splitPoints(-1, [10_000])).toThrow(RangeError);
  });
});

describe("suggestedLevel", () => {
  const t = { unit: 50, ward: 70, city: 85 };
  it("maps the mean (half points) to the highest threshold reached", () => {
    expect(suggestedLevel(99, t)).toBeNull(); // 49,5
    expect(suggestedLevel(100, t)).toBe("unit"); // 50
    expect(suggestedLevel(139, t)).toBe("unit"); // 69,5
    expect(suggestedLevel(140, t)).toBe("ward"); // 70
    expect(suggestedLevel(169, t)).toBe("ward");
    expect(suggestedLevel(170, t)).toBe("city");
    expect(suggestedLevel(200, t)).toBe("city");
  });
});

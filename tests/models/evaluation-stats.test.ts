import { describe, expect, it } from "vitest";
import { isSpreadFlagged, summarizeTotals } from "~/models/evaluation-stats";

describe("summarizeTotals", () => {
  it("is empty without totals", () => {
    expect(summarizeTotals([])).toEqual({ count: 0, mean: null, median: null, min: null, max: null, spread: null });
  });

  it("odd count: the middle total is the median, half points kept", () => {
    const s = summarizeTotals([145, 120, 170]); // 72,5 / 60 / 85
    expect(s).toEqual({ count: 3, mean: 72.5, median: 72.5, min: 60, max: 85, spread: 25 });
  });

  it("even count: median is the mean of the two middle totals (may be a quarter)", () => {
    const s = summarizeTotals([145, 146, 100, 180]); // 72,5 / 73 / 50 / 90
    expect(s.median).toBe(72.75);
    expect(s.spread).toBe(40);
    expect(s.mean).toBe(71.38); // 571 / 8 = 71,375 → half up 71,38
  });

  it("mean is rounded half up to two decimals without drift", () => {
    expect(summarizeTotals([140, 140, 141]).mean).toBe(70.17); // 70,1666…
    expect(summarizeTotals([1, 0]).mean).toBe(0.25);
    expect(summarizeTotals([1, 0, 0]).mean).toBe(0.17); // 0,1666…
  });

  it("spread of one total is zero; a half-point spread stays a half", () => {
    expect(summarizeTotals([150]).spread).toBe(0);
    expect(summarizeTotals([150, 151]).spread).toBe(0.5);
  });

  it("refuses what is not a half-point total", () => {
    expect(() => summarizeTotals([1.5])).toThrow(RangeError);
    expect(() => summarizeTotals([-2])).toThrow(RangeError);
  });
});

describe("isSpreadFlagged", () => {
  it("flags only beyond the limit and with at least two totals", () => {
    expect(isSpreadFlagged(summarizeTotals([100, 141]), 20)).toBe(true); // 20,5 > 20
    expect(isSpreadFlagged(summarizeTotals([100, 140]), 20)).toBe(false); // 20 is not beyond
    expect(isSpreadFlagged(summarizeTotals([100]), 0)).toBe(false);
    expect(isSpreadFlagged(summarizeTotals([]), 0)).toBe(false);
  });
});

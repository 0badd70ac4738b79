// Aggregation of evaluators' totals for the council view and the decisions: pure, no database.
// Inputs are totals in HALF points (72,5 → 145), as evaluations.total_half_points stores them.
// Outputs are in points. Rounding, documented once here:
// - spread (max − min), min and max are exact: differences of half points are half points;
// - median: exact; with an even count it is the mean of the two middle totals, which may be
//   a quarter point (72,5 and 73 → 72,75), exact in two decimals;
// - mean: the exact mean rounded half up to two decimals (computed on integers, so no
//   floating-point drift: 3 totals of 70, 70, 70,5 → 70,17).
// Every value is null when there are no totals.

export type TotalsStats = {
  count: number;
  /** Points, rounded half up to 2 decimals. */
  mean: number | null;
  /** Points, exact (halves, or quarters for an even count). */
  median: number | null;
  min: number | null;
  max: number | null;
  /** max − min in points, exact. */
  spread: number | null;
};

export function summarizeTotals(totalsHalfPoints: readonly number[]): TotalsStats {
  for (const t of totalsHalfPoints) {
    if (!Number.isSafeInteger(t) || t < 0) throw new RangeError(`not a half-point total: ${t}`);
  }
  const n = totalsHalfPoints.length;
  if (n === 0) return { count: 0, mean: null, median: null, min: null, max: null, spread: null };
  const sorted = [...totalsHalfPoints].sort((a, b) => a - b);
  const sum = sorted.reduce((s, t) => s + t, 0);
  // mean in points = sum / (2n); in hundredths = 100·sum / (2n) = 50·sum / n, rounded half up.
  const meanHundredths = Math.floor((100 * sum + n) / (2 * n));
  const mid = Math.floor(n / 2);
  const medianHalf = n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const min = sorted[0];
  const max = sorted[n - 1];
  return { count: n, mean: meanHundredths / 100, median: medianHalf / 2, min: min / 2, max: max / 2, spread: (max - min) / 2 };
}

/** Evaluators diverge widely: at least two totals and a spread beyond the council's limit (points). */
export function isSpreadFlagged(stats: Pick<TotalsStats, "count" | "spread">, spreadLimit: number): boolean {
  return stats.count >= 2 && stats.spread !== null && stats.spread > spreadLimit;
}

/** The minimum number of evaluators per item; fewer is shown as a warning. */
export const MIN_EVALUATORS = 2;

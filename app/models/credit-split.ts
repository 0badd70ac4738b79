// Pure arithmetic of crediting (no database): splitting a recognition's points among the
// authors by their contribution shares, and the recognition level a total suggests.
//
// Units: points in hundredths of a point (10 points = 1000), shares in basis points
// (hundredths of a percent, 33,33 % = 3333, all shares total 10 000).
//
// Rounding (largest remainder, also called Hamilton's method): every author first gets the
// whole hundredths of their exact part, floor(total × share / 10 000); the hundredths left
// over (fewer than the number of authors) go one each to the authors with the largest
// discarded remainders; equal remainders go in author order (the first listed first). The
// parts are therefore never more than one hundredth from the exact part and always sum to
// the total exactly.
import type { RecognitionLevel } from "../../db/enums";

export const SHARE_TOTAL = 10_000;

/** Split `total` (hundredths, ≥ 0) by `sharesBp` (each ≥ 0, summing to 10 000). */
export function splitPoints(total: number, sharesBp: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError("total must be a non-negative integer");
  if (sharesBp.length === 0) throw new RangeError("no authors");
  if (sharesBp.some((s) => !Number.isSafeInteger(s) || s < 0)) throw new RangeError("shares must be non-negative integers");
  const sum = sharesBp.reduce((a, b) => a + b, 0);
  if (sum !== SHARE_TOTAL) throw new RangeError(`shares total ${sum}, not ${SHARE_TOTAL}`);
  const parts = sharesBp.map((s) => Math.floor((total * s) / SHARE_TOTAL));
  const remainders = sharesBp.map((s, i) => ({ i, r: (total * s) % SHARE_TOTAL }));
  let left = total - parts.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of remainders) {
    if (left === 0) break;
    parts[i] += 1;
    left -= 1;
  }
  return parts;
}

export type Thresholds = { unit: number; ward: number; city: number };

/**
 * The level a council's mean total suggests: the highest level whose threshold (whole points)
 * the mean reaches; null below the unit threshold (not recognised). The mean is given in half
 * points, as scores are stored (77,5 points = 155), so the comparison stays in integers.
 */
export function suggestedLevel(meanHalfPoints: number, t: Thresholds): RecognitionLevel | null {
  if (meanHalfPoints >= t.city * 2) return "city";
  if (meanHalfPoints >= t.ward * 2) return "ward";
  if (meanHalfPoints >= t.unit * 2) return "unit";
  return null;
}

/** Hundredths of a point → "12,34" style number (for display and documents). */
export function pointsValue(hundredths: number): number {
  return hundredths / 100;
}

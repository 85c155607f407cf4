import { quickselect } from 'simple-statistics';

export interface Point {
  t: number; // seconds
  v: number;
}

export interface SlopeEstimate {
  /** Growth of the floor in bytes per second. */
  bytesPerSec: number;
  /** 95% confidence interval of that slope. */
  low: number;
  high: number;
  /** Standard error of the slope. */
  stdError: number;
  /** The floor points the line was fitted to. */
  points: Point[];
}

// Two-sided 95% Student t quantiles by degrees of freedom (1..30); beyond that the normal 1.96.
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function t95(degreesOfFreedom: number): number {
  if (degreesOfFreedom < 1) return Infinity;
  return T95[Math.min(degreesOfFreedom, T95.length) - 1] ?? 1.96;
}

/**
 * The q-quantile with linear interpolation between ranks (type 7, as numpy and R by default, and as
 * simple-statistics' quantileSorted), found by selection instead of a sort: a fleet judges thousands
 * of day-long series, and a bootstrap takes hundreds of quantiles of each.
 */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return Number.NaN;
  const s = new Float64Array(values);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  quickselect(s as unknown as number[], lo);
  if (pos === lo) return s[lo];
  let above = Infinity;
  for (let i = lo + 1; i < s.length; i++) if (s[i] < above) above = s[i];
  return s[lo] + (pos - lo) * (above - s[lo]);
}

export function p95(values: ArrayLike<number>): number | null {
  return values.length === 0 ? null : quantile(values, 0.95);
}

/**
 * The rising floor: the lowest reading of each time bin. A GC sawtooth or a burst lifts some readings
 * for a moment; what a leak lifts is the minimum, so only the minima carry the trend. Takes readings
 * in time order as columns (seconds, bytes) and gives the indices of the floor readings: a fleet
 * judges thousands of day-long series, and columns spare it an object per reading.
 */
export function floorIndices(t: ArrayLike<number>, v: ArrayLike<number>, binSeconds: number): number[] {
  const n = t.length;
  if (n === 0) return [];
  const start = t[0];
  const fullBins = Math.max(1, Math.floor((t[n - 1] - start) / binSeconds + 1e-9));
  const floor: number[] = [];
  let bin = Number.NaN;
  for (let i = 0; i < n; i++) {
    const b = Math.floor((t[i] - start) / binSeconds);
    if (b === bin) {
      if (v[i] < v[floor[floor.length - 1]]) floor[floor.length - 1] = i;
      continue;
    }
    // A last bin holding only a sliver of time has too few readings for a fair minimum.
    if (b >= fullBins && fullBins > 1) break;
    bin = b;
    floor.push(i);
  }
  return floor;
}

/** floorIndices for points (put in time order first). */
export function floorPoints(points: readonly Point[], binSeconds: number): Point[] {
  const ordered = points.every((p, i) => i === 0 || p.t >= points[i - 1].t)
    ? points
    : [...points].sort((a, b) => a.t - b.t);
  return floorIndices(
    ordered.map((p) => p.t),
    ordered.map((p) => p.v),
    binSeconds,
  ).map((i) => ordered[i]);
}

/** Ordinary least squares with the slope's standard error and a t-based 95% interval. */
export function fitSlope(points: Point[]): SlopeEstimate | null {
  const n = points.length;
  if (n < 3) return null;
  const meanT = points.reduce((s, p) => s + p.t, 0) / n;
  const meanV = points.reduce((s, p) => s + p.v, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.t - meanT) ** 2;
    sxy += (p.t - meanT) * (p.v - meanV);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = meanV - slope * meanT;
  const ssr = points.reduce((s, p) => s + (p.v - (intercept + slope * p.t)) ** 2, 0);
  const stdError = Math.sqrt(ssr / (n - 2) / sxx);
  const half = t95(n - 2) * stdError;
  return { bytesPerSec: slope, low: slope - half, high: slope + half, stdError, points };
}

/** Bin length for the floor: long enough to hold a GC cycle and a burst, short enough for 6+ bins. */
export function floorBinSeconds(windowSeconds: number): number {
  return Math.max(1, Math.min(10, windowSeconds / 12));
}

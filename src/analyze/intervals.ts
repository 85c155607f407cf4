/**
 * Intervals that hold for memory series. Readings of one process are autocorrelated (the GC cycle and
 * the heap goal move them together, RSS ratchets up and stays), so an interval that assumes
 * independent readings is too narrow: it called slope differences of two processes of one build
 * "clear". Two tools, chosen by measurement (test/intervals.test.ts simulates trend + AR(1) drift +
 * GC sawtooth + bursts and checks coverage; bench/calibrate.ts checks A/A false blocks on real runs):
 *
 * - Within one series: the OLS slope with an equal-weighted cosine (EWC) long-run variance and Student
 *   t critical values with nu degrees of freedom (Lazarus, Lewis, Stock & Watson 2018, "HAR inference:
 *   recommendations for practice"). Unlike Newey-West with a rule-of-thumb bandwidth it keeps its
 *   nominal coverage under strong persistence, because the t_nu quantile accounts for the few
 *   low-frequency components the variance is estimated from.
 * - Across processes: per-instance figures of both sides compared with a two-sample t (pooled
 *   spread), which measures the drift between processes of one build instead of assuming it away
 *   (Kayenta compares canary and baseline clusters for the same reason). With one process per side only the
 *   within-series interval is known, and it cannot see how far two processes of one build drift
 *   apart (RSS ratchets, a heap that settles at another goal): hence replicas by default.
 */
import { quantile, type Point } from './stats.ts';

export interface Estimate {
  value: number;
  stdError: number;
  /** Degrees of freedom of the Student t the interval uses (Infinity: normal). */
  df: number;
}

export interface Interval {
  value: number;
  low: number;
  high: number;
  stdError: number;
  df: number;
  confidence: number;
}

// ---------------------------------------------------------------- Student t quantiles

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9), accurate to ~1e-15 for x > 0.
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the regularized incomplete beta (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-14) break;
  }
  return h;
}

function incompleteBeta(a: number, b: number, x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(T <= t) for Student's t with df degrees of freedom (df may be fractional; Infinity: normal). */
export function studentCdf(t: number, df: number): number {
  if (!Number.isFinite(df)) return normalCdf(t);
  const tail = 0.5 * incompleteBeta(df / 2, 0.5, df / (df + t * t));
  return t >= 0 ? 1 - tail : tail;
}

/**
 * P(Z <= z) for the standard normal. The tail beyond |z| comes from erf's series near the centre and
 * from erfc's continued fraction further out, where the series cancels (it gave 6.8e-5 for the tail
 * at z = 8 instead of 6.2e-16). Abramowitz & Stegun 7.1.26 is too coarse for quantiles.
 */
function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const tail = x < 2 ? 0.5 * (1 - erfSeries(x)) : 0.5 * erfcContinuedFraction(x);
  return z >= 0 ? 1 - tail : tail;
}

/** erf(x) for 0 <= x < 2 by its Maclaurin series. */
function erfSeries(x: number): number {
  let sum = x;
  let term = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return Math.min(1, (2 / Math.sqrt(Math.PI)) * sum);
}

/** erfc(x) for x >= 2: exp(-x^2) / sqrt(pi) / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...)))), from the bottom up. */
function erfcContinuedFraction(x: number): number {
  let f = x;
  for (let n = 80; n >= 1; n--) f = x + n / 2 / f;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

/** The two-sided critical value: P(|T| <= q) = confidence for Student's t with df degrees of freedom. */
export function tCritical(confidence: number, df: number): number {
  if (!(df > 0)) return Infinity;
  const p = 1 - (1 - confidence) / 2;
  let lo = 0;
  let hi = 1;
  while (studentCdf(hi, df) < p) {
    hi *= 2;
    if (hi > 1e12) return Infinity;
  }
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (studentCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function intervalOf(e: Estimate, confidence: number): Interval {
  const half = tCritical(confidence, e.df) * e.stdError;
  return { value: e.value, low: e.value - half, high: e.value + half, stdError: e.stdError, df: e.df, confidence };
}

// ---------------------------------------------------------------- within one series

/**
 * How many cosine components the EWC variance uses for a series of n points: LLSW's 0.4 n^(2/3),
 * at least 2 (one component gives a t with one degree of freedom: no interval worth the name).
 */
export function ewcComponents(n: number): number {
  return Math.max(2, Math.min(Math.floor(n / 2), Math.floor(0.4 * Math.cbrt(n * n) + 1e-9)));
}

/** Ordinary least squares of v over t (columns); null with fewer than 4 points or no spread in t. */
export function olsSlope(
  t: ArrayLike<number>,
  v: ArrayLike<number>,
): { value: number; intercept: number; meanT: number; sxx: number } | null {
  const n = t.length;
  if (n < 4) return null;
  let meanT = 0;
  let meanV = 0;
  for (let i = 0; i < n; i++) {
    meanT += t[i];
    meanV += v[i];
  }
  meanT /= n;
  meanV /= n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (t[i] - meanT) ** 2;
    sxy += (t[i] - meanT) * (v[i] - meanV);
  }
  if (!(sxx > 0)) return null;
  const value = sxy / sxx;
  return { value, intercept: meanV - value * meanT, meanT, sxx };
}

/**
 * OLS slope of v over t (columns) with an EWC (equal-weighted cosine) long-run variance: the interval
 * holds for autocorrelated residuals. Null with fewer than 4 points or no spread in t.
 */
export function ewcSlopeOf(
  t: ArrayLike<number>,
  v: ArrayLike<number>,
  components: number = ewcComponents(t.length),
): (Estimate & { intercept: number }) | null {
  const fit = olsSlope(t, v);
  if (!fit) return null;
  const n = t.length;
  const { value: slope, intercept, meanT, sxx } = fit;
  // Scores of the slope: (t - mean t) x residual; their long-run variance from the lowest cosines.
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) scores[i] = (t[i] - meanT) * (v[i] - intercept - slope * t[i]);
  const nu = Math.min(components, n - 2);
  let omega = 0;
  for (let j = 1; j <= nu; j++) {
    // cos(theta (i + 1/2)) for i = 0, 1, ... by the Chebyshev recurrence: no Math.cos per point (a
    // fleet's day-long series has thousands of floor points and a hundred components).
    const theta = (Math.PI * j) / n;
    const twoCos = 2 * Math.cos(theta);
    let previous = Math.cos(-theta / 2);
    let current = Math.cos(theta / 2);
    let proj = 0;
    for (let i = 0; i < n; i++) {
      proj += current * scores[i];
      const next = twoCos * current - previous;
      previous = current;
      current = next;
    }
    omega += (2 / n) * proj * proj;
  }
  omega /= nu;
  const stdError = Math.sqrt((n * omega) / (sxx * sxx));
  return { value: slope, stdError, df: nu, intercept };
}

/** ewcSlopeOf for points. */
export function ewcSlope(
  points: readonly Point[],
  components: number = ewcComponents(points.length),
): (Estimate & { intercept: number }) | null {
  return ewcSlopeOf(
    points.map((p) => p.t),
    points.map((p) => p.v),
    components,
  );
}

// ---------------------------------------------------------------- across processes

/**
 * Mean of per-instance values with the standard error of that mean. With two or more instances the
 * spread between them is measured (Welch's t then has nominal coverage, checked by simulation in
 * test/intervals.test.ts); with one instance only its own within-series error is known.
 */
export function sideMean(
  values: readonly number[],
  withinStdErrors: readonly number[] = [],
  withinDf = Infinity,
): Estimate | null {
  const n = values.length;
  if (n === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { value: mean, stdError: withinStdErrors[0] ?? 0, df: withinDf };
  const between = values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
  return { value: mean, stdError: Math.sqrt(between / n), df: n - 1 };
}

/**
 * gray minus baseline across instances, pooling both sides' spread (Student's t, 2n - 2 df). Under the
 * question the gate asks (is gray a different build from baseline?) both sides are one build, so
 * their spreads are one spread; with three processes a side Welch's df can fall to 2 when one side
 * happens to spread more, and its 99% t of 9.9 would hide any leak.
 */
export function pooledDifference(gray: readonly number[], baseline: readonly number[]): Estimate | null {
  const n1 = gray.length;
  const n2 = baseline.length;
  if (n1 < 2 || n2 < 2) return null;
  const m1 = gray.reduce((a, b) => a + b, 0) / n1;
  const m2 = baseline.reduce((a, b) => a + b, 0) / n2;
  const ss = gray.reduce((a, v) => a + (v - m1) ** 2, 0) + baseline.reduce((a, v) => a + (v - m2) ** 2, 0);
  const pooled = ss / (n1 + n2 - 2);
  return { value: m1 - m2, stdError: Math.sqrt(pooled * (1 / n1 + 1 / n2)), df: n1 + n2 - 2 };
}

/**
 * gray minus baseline across instances whose own errors may be known (heap-profile growth: Go samples
 * one allocation per MemProfileRate bytes, so each process's growth carries sampling noise). Three
 * processes can agree by chance (a healthy build that churns 1 MiB buffers gave 0.35, 0.23 and 0.35
 * MiB/s, each +-0.3 by its own fit, and the pooled t called that clear), so a side's spread is never
 * taken below the mean of its processes' own variances; the floored side keeps at most n - 1 df and
 * the sides combine by Welch-Satterthwaite. A side whose own errors are unknown (not finite) has no
 * floor, and with no floor on either side this is pooledDifference.
 */
export function replicaDifference(gray: readonly Estimate[], baseline: readonly Estimate[]): Estimate | null {
  if (gray.length < 2 || baseline.length < 2) return null;
  const g = replicaSpread(gray);
  const b = replicaSpread(baseline);
  if (!g.floored && !b.floored)
    return pooledDifference(
      gray.map((e) => e.value),
      baseline.map((e) => e.value),
    );
  return difference(
    { value: g.mean, stdError: Math.sqrt(g.variance / gray.length), df: g.df },
    { value: b.mean, stdError: Math.sqrt(b.variance / baseline.length), df: b.df },
  );
}

/** One side's mean and the variance of one process's figure: the spread between processes, or their own noise if larger. */
function replicaSpread(es: readonly Estimate[]): { mean: number; variance: number; df: number; floored: boolean } {
  const n = es.length;
  const mean = es.reduce((a, e) => a + e.value, 0) / n;
  const between = es.reduce((a, e) => a + (e.value - mean) ** 2, 0) / (n - 1);
  const known = es.every((e) => Number.isFinite(e.stdError) && e.df > 0);
  const within = known ? es.reduce((a, e) => a + e.stdError ** 2, 0) / n : 0;
  if (within <= between) return { mean, variance: between, df: n - 1, floored: false };
  // Satterthwaite's df of a mean of variances, each with its own df: the floor is known as well as the
  // processes' own errors are (Go's sampling error is a model's, its df infinite), not from the spread
  // of n processes. Capped at n - 1 it made a 4 MiB/min leak at 64 KiB sampling wait for a t of 19.
  const spread = es.reduce((a, e) => a + (Number.isFinite(e.df) ? e.stdError ** 4 / e.df : 0), 0);
  const df = spread > 0 ? (within * n) ** 2 / spread : Number.POSITIVE_INFINITY;
  return { mean, variance: within, df, floored: true };
}

/**
 * The least error of a growth rate read from Go heap profiles, bytes/s. Go records one allocation per
 * about `periodBytes` allocated (runtime.MemProfileRate) and scales each to the period, so `growthBytes`
 * retained over `spanSeconds` is a count of about growthBytes / period samples times the period: its
 * Poisson error is sqrt(period x growth). One period more keeps the error honest where no sample
 * landed: a flat profile series at 512 KiB sampling does not rule out a leak of 1 MiB/min, however
 * tightly its points fit a line.
 */
export function samplingError(growthBytes: number, periodBytes: number, spanSeconds: number): number {
  if (!(spanSeconds > 0) || !(periodBytes > 0)) return Number.POSITIVE_INFINITY;
  return Math.sqrt(periodBytes * (Math.max(0, growthBytes) + periodBytes)) / spanSeconds;
}

/** gray minus baseline, with Welch-Satterthwaite degrees of freedom. */
export function difference(gray: Estimate, baseline: Estimate): Estimate {
  const vg = gray.stdError ** 2;
  const vb = baseline.stdError ** 2;
  const v = vg + vb;
  const denominator =
    (Number.isFinite(gray.df) ? (vg * vg) / gray.df : 0) + (Number.isFinite(baseline.df) ? (vb * vb) / baseline.df : 0);
  const df = v === 0 ? Math.min(gray.df, baseline.df) : denominator === 0 ? Infinity : (v * v) / denominator;
  return { value: gray.value - baseline.value, stdError: Math.sqrt(v), df };
}

// ---------------------------------------------------------------- quantile of one series

/** Deterministic pseudo-random numbers (mulberry32): a bootstrap gives the same interval on every re-run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The standard error of a series' P95 by a circular moving-block bootstrap: blocks long enough to hold
 * a GC cycle or a burst keep the autocorrelation that independent resampling would destroy.
 */
export function blockBootstrapQuantile(
  values: ArrayLike<number>,
  q: number,
  blockLength: number,
  draws = 400,
  seed = 1,
): Estimate | null {
  const n = values.length;
  if (n < 8) return null;
  const block = Math.max(1, Math.min(Math.floor(n / 2), Math.round(blockLength)));
  const random = seededRandom(seed);
  const estimates: number[] = [];
  const resample = new Float64Array(n);
  for (let d = 0; d < draws; d++) {
    for (let i = 0; i < n; ) {
      const start = Math.floor(random() * n);
      for (let k = 0; k < block && i < n; k++, i++) resample[i] = values[(start + k) % n];
    }
    estimates.push(quantile(resample, q));
  }
  const mean = estimates.reduce((a, b) => a + b, 0) / draws;
  const sd = Math.sqrt(estimates.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws - 1));
  // About n / block independent blocks: the effective sample behind the spread.
  return { value: quantile(values, q), stdError: sd, df: Math.max(1, Math.floor(n / block) - 1) };
}

import type { SideName } from '../model/sides.ts';
import { fitSlope, t95, type SlopeEstimate } from './stats.ts';
import type { ChurnEntry, GrowthEstimate, HeapSideSummary } from './evidence-types.ts';
import type { Frame } from '../model/frame.ts';
import type { HeapSnapshot, HeapValues } from './heap-profile.ts';
import { robustGrowth, robustScatter } from './evidence-util.ts';

/** One side's heap profiles over the window, in time order. */
export interface HeapSeries {
  /** Seconds since sampling began. */
  times: number[];
  snapshots: HeapSnapshot[];
}

export interface Change {
  bytes: number;
  objects: number;
}

/** One stack over the window, on both sides. */
export interface StackGrowth {
  key: string;
  frames: Frame[];
  /** Robust growth over the window (Theil-Sen slope times span). */
  growth: Record<SideName, Change>;
  /** Retained at the last snapshot. */
  end: Record<SideName, Change>;
  /** Allocated over the window (alloc_space, last minus first). */
  allocated: Record<SideName, number>;
  /** Gray's last snapshot minus its first, literally (what `go tool pprof -diff_base` shows). */
  grayEndMinusStart: Change;
}

/** Per innermost function (pprof's "flat"): the sum over its stacks. */
export interface FunctionGrowth {
  function: string;
  growth: Record<SideName, Change>;
  end: Record<SideName, Change>;
  allocated: Record<SideName, number>;
  /** Its stacks, biggest growth difference first. */
  stacks: StackGrowth[];
  /** Gray's retained bytes at each of its snapshots. */
  graySeries: number[];
  /**
   * How much the two sides' series stray from a steady line (robust scatter, combined): growth that
   * is not well beyond it is a function that comes and goes (bursts), not one that grows.
   */
  scatterBytes: number;
  /**
   * The standard error of its growth rate by each side's own fit (least squares over that side's
   * snapshots, bytes/s) and its df; null with fewer than three snapshots.
   */
  growthError: Record<SideName, { bytesPerSec: number; df: number } | null>;
}

export interface HeapDiff {
  stacks: StackGrowth[];
  functions: FunctionGrowth[];
  sides: Record<SideName, HeapSideSummary>;
  /** Growth (or excess) below this is sampling noise: never a suspect. */
  noiseFloorBytes: number;
  /** The larger of the two sides' MemProfileRate. */
  periodBytes: number;
  /** Seconds between first and last snapshot, per side. */
  spans: Record<SideName, number>;
  inuseGrowthDifference: GrowthEstimate | null;
  churn: ChurnEntry[];
}

/** Go's default runtime.MemProfileRate, used when a profile does not say. */
export const DEFAULT_PERIOD_BYTES = 512 * 1024;
/** Never call less than this a suspect, whatever the sampling rate. */
export const MIN_SUSPECT_BYTES = 256 * 1024;
/**
 * Nor less than this many sampling periods: each sampled object stands for about one period, and a
 * burst of request garbage alive at one snapshot's GC is a sample or two.
 */
export const NOISE_PERIODS = 3;
/** Nor less than this share of the larger side's retained heap. */
const MIN_SUSPECT_SHARE_OF_HEAP = 0.01;

const zero = (): Change => ({ bytes: 0, objects: 0 });
const pick = (v: HeapValues | undefined): Change => (v ? { bytes: v.inuseBytes, objects: v.inuseObjects } : zero());

function sideSummary(series: HeapSeries): HeapSideSummary & { slope: SlopeEstimate | null } {
  const n = series.snapshots.length;
  const first = series.snapshots[0];
  const last = series.snapshots[n - 1];
  const span = n > 1 ? series.times[n - 1] - series.times[0] : 0;
  const slope =
    n >= 3 ? fitSlope(series.snapshots.map((s, i) => ({ t: series.times[i], v: s.totals.inuseBytes }))) : null;
  return {
    snapshots: n,
    startInuseBytes: first ? first.totals.inuseBytes : null,
    endInuseBytes: last ? last.totals.inuseBytes : null,
    inuseGrowth: slope ? { perSec: slope.bytesPerSec, low: slope.low, high: slope.high } : null,
    robustInuseGrowth:
      n >= 3 && span > 0
        ? robustGrowth(
            series.times,
            series.snapshots.map((s) => s.totals.inuseBytes),
          ) / span
        : null,
    allocBytesPerSec: span > 0 ? (last.totals.allocBytes - first.totals.allocBytes) / span : null,
    periodBytes: last?.periodBytes ?? null,
    slope,
  };
}

function growthOf(series: HeapSeries, key: string): Change {
  const n = series.snapshots.length;
  if (n < 2) return zero();
  const bytes = series.snapshots.map((s) => s.stacks.get(key)?.inuseBytes ?? 0);
  const objects = series.snapshots.map((s) => s.stacks.get(key)?.inuseObjects ?? 0);
  return { bytes: robustGrowth(series.times, bytes), objects: robustGrowth(series.times, objects) };
}

function allocatedOf(series: HeapSeries, key: string): number {
  const n = series.snapshots.length;
  if (n < 2) return 0;
  return Math.max(
    0,
    (series.snapshots[n - 1].stacks.get(key)?.allocBytes ?? 0) - (series.snapshots[0].stacks.get(key)?.allocBytes ?? 0),
  );
}

const add = (a: Change, b: Change): Change => ({ bytes: a.bytes + b.bytes, objects: a.objects + b.objects });

/**
 * Retained growth per stack and per function on both sides, gray's minus baseline's, plus churn.
 * Pure. A side with fewer than two snapshots counts as not growing (the caller warns).
 */
export function diffHeaps(series: Record<SideName, HeapSeries>): HeapDiff {
  const keys = new Map<string, Frame[]>();
  for (const side of ['gray', 'baseline'] as const) {
    for (const snap of series[side].snapshots)
      for (const [key, stack] of snap.stacks) if (!keys.has(key)) keys.set(key, stack.frames);
  }
  const last = (side: SideName) => series[side].snapshots[series[side].snapshots.length - 1];
  const first = (side: SideName) => series[side].snapshots[0];
  const stacks: StackGrowth[] = [];
  for (const [key, frames] of keys) {
    const grayFirst = first('gray')?.stacks.get(key);
    const grayLast = last('gray')?.stacks.get(key);
    stacks.push({
      key,
      frames,
      growth: { gray: growthOf(series.gray, key), baseline: growthOf(series.baseline, key) },
      end: { gray: pick(last('gray')?.stacks.get(key)), baseline: pick(last('baseline')?.stacks.get(key)) },
      allocated: { gray: allocatedOf(series.gray, key), baseline: allocatedOf(series.baseline, key) },
      grayEndMinusStart:
        series.gray.snapshots.length >= 2
          ? {
              bytes: pick(grayLast).bytes - pick(grayFirst).bytes,
              objects: pick(grayLast).objects - pick(grayFirst).objects,
            }
          : zero(),
    });
  }
  const diff = (s: { growth: Record<SideName, Change> }) => s.growth.gray.bytes - s.growth.baseline.bytes;
  stacks.sort((a, b) => diff(b) - diff(a) || a.key.localeCompare(b.key));

  const byFunction = new Map<string, FunctionGrowth>();
  for (const stack of stacks) {
    const fn = stack.frames[0]?.fn ?? '?';
    let f = byFunction.get(fn);
    if (!f) {
      f = {
        function: fn,
        growth: { gray: zero(), baseline: zero() },
        end: { gray: zero(), baseline: zero() },
        allocated: { gray: 0, baseline: 0 },
        stacks: [],
        graySeries: series.gray.snapshots.map(() => 0),
        scatterBytes: 0,
        growthError: { gray: null, baseline: null },
      };
      byFunction.set(fn, f);
    }
    for (const side of ['gray', 'baseline'] as const) {
      f.growth[side] = add(f.growth[side], stack.growth[side]);
      f.end[side] = add(f.end[side], stack.end[side]);
      f.allocated[side] += stack.allocated[side];
    }
    f.stacks.push(stack);
    for (const [i, snap] of series.gray.snapshots.entries())
      f.graySeries[i] += snap.stacks.get(stack.key)?.inuseBytes ?? 0;
  }
  for (const f of byFunction.values()) {
    const baselineSeries = series.baseline.snapshots.map((snap) =>
      f.stacks.reduce((sum, s) => sum + (snap.stacks.get(s.key)?.inuseBytes ?? 0), 0),
    );
    f.scatterBytes = Math.hypot(
      robustScatter(series.gray.times, f.graySeries, f.growth.gray.bytes),
      robustScatter(series.baseline.times, baselineSeries, f.growth.baseline.bytes),
    );
    f.growthError = {
      gray: fitError(series.gray.times, f.graySeries),
      baseline: fitError(series.baseline.times, baselineSeries),
    };
  }
  const functions = [...byFunction.values()].sort((a, b) => diff(b) - diff(a) || a.function.localeCompare(b.function));

  const gray = sideSummary(series.gray);
  const baseline = sideSummary(series.baseline);
  const periodBytes = Math.max(gray.periodBytes ?? 0, baseline.periodBytes ?? 0) || DEFAULT_PERIOD_BYTES;
  const biggestHeap = Math.max(gray.endInuseBytes ?? 0, baseline.endInuseBytes ?? 0);
  const noiseFloorBytes = Math.max(
    MIN_SUSPECT_BYTES,
    NOISE_PERIODS * periodBytes,
    MIN_SUSPECT_SHARE_OF_HEAP * biggestHeap,
  );
  const spans = {
    gray: series.gray.times.length > 1 ? series.gray.times[series.gray.times.length - 1] - series.gray.times[0] : 0,
    baseline:
      series.baseline.times.length > 1
        ? series.baseline.times[series.baseline.times.length - 1] - series.baseline.times[0]
        : 0,
  };
  const { slope: gs, ...graySummary } = gray;
  const { slope: bs, ...baselineSummary } = baseline;
  return {
    stacks,
    functions,
    sides: { gray: graySummary, baseline: baselineSummary },
    noiseFloorBytes,
    periodBytes,
    spans,
    inuseGrowthDifference: growthDifference(gs, bs),
    churn: churnOf(functions, spans, periodBytes),
  };
}

function fitError(times: readonly number[], bytes: readonly number[]): { bytesPerSec: number; df: number } | null {
  const fit = fitSlope(times.map((t, i) => ({ t, v: bytes[i] })));
  return fit && { bytesPerSec: fit.stdError, df: fit.points.length - 2 };
}

function growthDifference(gray: SlopeEstimate | null, baseline: SlopeEstimate | null): GrowthEstimate | null {
  if (!gray || !baseline) return null;
  const d = gray.bytesPerSec - baseline.bytesPerSec;
  const half =
    t95(Math.min(gray.points.length, baseline.points.length) - 2) * Math.hypot(gray.stdError, baseline.stdError);
  return { perSec: d, low: d - half, high: d + half };
}

const MAX_CHURN_ENTRIES = 5;

/**
 * Functions that allocate clearly more per second in gray. Sampled allocation counts are about
 * Poisson: the noise of A allocated bytes is about sqrt(A x period), so only differences beyond three
 * times that count.
 */
function churnOf(
  functions: readonly FunctionGrowth[],
  spans: Record<SideName, number>,
  periodBytes: number,
): ChurnEntry[] {
  if (spans.gray <= 0) return [];
  const entries: ChurnEntry[] = [];
  for (const f of functions) {
    const grayRate = f.allocated.gray / spans.gray;
    const baselineRate = spans.baseline > 0 ? f.allocated.baseline / spans.baseline : 0;
    const noise =
      (3 * Math.sqrt(Math.max(f.allocated.gray, f.allocated.baseline, periodBytes) * periodBytes)) / spans.gray;
    if (grayRate - baselineRate > noise) {
      entries.push({
        function: f.function,
        grayBytesPerSec: grayRate,
        baselineBytesPerSec: baselineRate,
        differenceBytesPerSec: grayRate - baselineRate,
      });
    }
  }
  return entries.sort((a, b) => b.differenceBytesPerSec - a.differenceBytesPerSec).slice(0, MAX_CHURN_ENTRIES);
}

/** Retained-level difference a sampled profile can show by chance: about sqrt(level x period) each side. */
export function levelNoise(grayBytes: number, baselineBytes: number, periodBytes: number): number {
  return 4 * Math.sqrt(Math.max(grayBytes, baselineBytes, 0) * periodBytes);
}

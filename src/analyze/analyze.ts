import { SIDES, type SideName } from '../model/sides.ts';
import type { Bundle, DriverName, MemoryStat, StatSample, WorkloadExit } from '../model/bundle.ts';
import { fitSlope, floorBinSeconds, floorIndices, p95, t95 } from './stats.ts';
import {
  blockBootstrapQuantile,
  difference,
  ewcSlopeOf,
  olsSlope,
  intervalOf,
  replicaDifference,
  sideMean,
  samplingError,
  type Estimate,
} from './intervals.ts';
import { analyzeEvidence, type Evidence } from './evidence.ts';
import { analyzeEbpf, type EbpfAnalysis } from './ebpf-analyze.ts';

/**
 * Confidence of the intervals that decide: a difference blocks only when its 99% interval lies above
 * zero. Three rules can block on noise (P95, floor slope, retained heap); at 95% each, an A/A pair
 * would be blocked by chance in several runs of a hundred (Kayenta judges at 98% for the same reason).
 */
export const DECISION_CONFIDENCE = 0.99;

/** One process of a side over the window. */
export interface InstanceAnalysis {
  samples: number;
  p95Bytes: number | null;
  /** The P95's own uncertainty (block bootstrap); used when a side has one process. */
  p95: Estimate | null;
  lastFloorBytes: number | null;
  floorPoints: number;
  /** Floor slope, bytes/s, with its within-series (EWC) error. */
  slope: Estimate | null;
  /** Slopes of memory.stat's anon and file (page cache) bytes, bytes/s. */
  anonSlope: number | null;
  fileSlope: number | null;
  /** Retained heap (inuse_space of `?gc=1` profiles) growth, bytes/s; null without heap profiles. */
  inuseGrowth: Estimate | null;
  /** Goroutines gained per second; null without goroutine dumps. */
  goroutineGrowth: number | null;
  oomKills: number | null;
  exit: WorkloadExit | null;
}

/** A side's figure with its interval at the decision confidence. */
export interface SideEstimate {
  bytesPerSec: number;
  low: number;
  high: number;
  stdError: number;
  df: number;
}

export interface SideAnalysis {
  command: string;
  /** Readings inside the observation window (after warm-up), per instance (the smallest). */
  samples: number;
  /** Mean over instances of each one's P95: what one process of this build uses at the top. */
  p95Bytes: number | null;
  peakBytes: number | null;
  meanBytes: number | null;
  /** The floor at the end of the window, mean over instances: where the service rests now. */
  lastFloorBytes: number | null;
  /** Mean floor slope over instances, with its interval; null when an instance has too few floor points. */
  slope: SideEstimate | null;
  /** Fewest floor points of any instance. */
  floorPoints: number;
  oomKills: number | null;
  exit: WorkloadExit | null;
  lastStat: MemoryStat | null;
  instances: InstanceAnalysis[];
}

export interface Difference {
  /** Gray minus baseline. */
  value: number;
  low: number;
  high: number;
  /** How the interval was made: across instances (Welch) or within one series per side. */
  method: 'replicas' | 'within-series';
  /** The estimate's standard error and Student t degrees of freedom: the judge's decisions use them at each look's level. */
  stdError: number;
  df: number;
}

export interface SlopeDifference {
  bytesPerSec: number;
  low: number;
  high: number;
  stdError: number;
  df: number;
}

export interface Analysis {
  driver: DriverName;
  limitations: string[];
  warnings: string[];
  endedEarly: string | null;
  warmupMs: number;
  /** Window actually observed, in ms since sampling began. */
  windowMs: { start: number; end: number };
  plannedWindowMs: number;
  memoryMaxBytes: number | null;
  /** Processes per side. */
  replicas: number;
  /** Confidence of every interval below. */
  confidence: number;
  baseline: SideAnalysis;
  gray: SideAnalysis;
  /** Gray's P95 over baseline's, minus one (0.12 = 12% more); null without both. */
  p95Increase: number | null;
  /** Gray's P95 minus baseline's, bytes, with its interval. */
  p95Difference: Difference | null;
  /** Gray's floor slope minus baseline's, bytes/s, with its interval. */
  slopeDifference: (SlopeDifference & { method: Difference['method'] }) | null;
  /** Retained heap growth, gray minus baseline, bytes/s (heap profiles); null without them. */
  inuseDifference: Difference | null;
  /**
   * The top heap suspect's retained growth, gray minus baseline, bytes/s, compared across processes
   * (replicas only): one allocation site is a far quieter signal than the whole heap, let alone the
   * cgroup (FBDetect's lesson); null without replicas or without a growing suspect.
   */
  siteDifference: (Difference & { function: string; candidates: number }) | null;
  /** memory.stat anon and file slopes, gray minus baseline, bytes/s (point estimates): what grew. */
  split: { anonBytesPerSec: number | null; fileBytesPerSec: number | null };
  /** Goroutines gained per second, gray minus baseline. */
  goroutineDifference: number | null;
  /** Every reading, warm-up included, for charts. */
  series: Bundle['samples'];
  /** Heap profile and goroutine evidence (suspects, patterns) of the first instances; null when no profiles were fetched. */
  evidence: Evidence | null;
  /** eBPF allocation paths of both sides and the eBPF suspects; null when tracing was off. */
  ebpf: EbpfAnalysis | null;
}

const spanOf = (t: Float64Array): number => (t.length > 1 ? t[t.length - 1] - t[0] : 0);

/** Processes per side: as many as the readings hold (a fleet's sides may differ), else the recorded count. */
function instancesOf(bundle: Bundle, side: SideName): number {
  const fromSamples = bundle.samples.find((s) => s.instances)?.instances?.[side].length;
  return Math.max(1, fromSamples ?? bundle.meta.replicas ?? 1);
}

function statSlope(
  stats: readonly StatSample[],
  side: SideName,
  instance: number,
  warmupMs: number,
  field: 'anonBytes' | 'fileBytes',
): number | null {
  const points = stats
    .filter((s) => s.side === side && (s.instance ?? 0) === instance && s.t >= warmupMs)
    .map((s) => ({ t: s.t / 1000, v: s[field] }));
  return fitSlope(points)?.bytesPerSec ?? null;
}

function inuseOf(evidence: Evidence | null, side: SideName): Estimate | null {
  const heap = evidence?.summary.heap[side];
  const growth = heap?.inuseGrowth;
  if (!heap || !growth || heap.snapshots < 3) return null;
  // The robust (Theil-Sen) growth where there is one: a snapshot that caught a burst barely moves it.
  // Its error: the OLS fit's, recovered from the evidence's 95% t interval (used with one process a side).
  const value = heap.robustInuseGrowth ?? growth.perSec;
  const fitError = (growth.high - growth.low) / 2 / t95(heap.snapshots - 2);
  const span = evidence?.heap?.spans[side] ?? 0;
  const floor = heap.periodBytes && span > 0 ? samplingError(value * span, heap.periodBytes, span) : 0;
  return { value, stdError: Math.max(fitError, floor), df: heap.snapshots - 2 };
}

function goroutinesOf(evidence: Evidence | null, side: SideName, spanSeconds: number): number | null {
  const g = evidence?.summary.goroutines[side];
  if (!g || g.dumps < 2 || g.startCount === null || g.endCount === null || spanSeconds <= 0) return null;
  return (g.endCount - g.startCount) / spanSeconds;
}

/** One process's readings after warm-up as columns (seconds, bytes), in time order, and its peak over the whole run. */
interface InstanceSeries {
  t: Float64Array;
  v: Float64Array;
  max: number | null;
  sum: number;
}

/** Every process of a side as columns, in one pass over the readings (a fleet cell holds hundreds of processes). */
function sideSeries(bundle: Bundle, side: SideName, count: number, warmupMs: number): InstanceSeries[] {
  const steps = bundle.samples.length;
  const ts = Array.from({ length: count }, () => new Float64Array(steps));
  const vs = Array.from({ length: count }, () => new Float64Array(steps));
  const n = new Int32Array(count);
  const max: (number | null)[] = new Array(count).fill(null);
  const sum = new Float64Array(count);
  for (const s of bundle.samples) {
    const readings = s.instances?.[side];
    const inWindow = s.t >= warmupMs;
    for (let i = 0; i < count; i++) {
      // One process a side: its readings are the side's own when the sample has no per-instance ones.
      const value = count === 1 ? (readings?.[0] ?? s[side]) : (readings?.[i] ?? null);
      if (value === null || value === undefined) continue;
      max[i] = Math.max(max[i] ?? 0, value);
      if (!inWindow) continue;
      ts[i][n[i]] = s.t / 1000;
      vs[i][n[i]] = value;
      sum[i] += value;
      n[i]++;
    }
  }
  return ts.map((t, i) => ({ t: t.subarray(0, n[i]), v: vs[i].subarray(0, n[i]), max: max[i], sum: sum[i] }));
}

/** The floor's slope of one process: value only unless its own (EWC) error is asked for. */
function floorSlope(t: Float64Array, v: Float64Array, floor: readonly number[], ownError: boolean): Estimate | null {
  // Where every reading is its own bin (a fleet's scrape interval is longer than a bin) the floor is the series.
  if (floor.length === t.length) return ownError ? ewcSlopeOf(t, v) : valueOnly(olsSlope(t, v));
  const ft = new Float64Array(floor.length);
  const fv = new Float64Array(floor.length);
  for (let k = 0; k < floor.length; k++) {
    ft[k] = t[floor[k]];
    fv[k] = v[floor[k]];
  }
  if (ownError) return ewcSlopeOf(ft, fv);
  return valueOnly(olsSlope(ft, fv));
}

/**
 * With several processes a side their spread is the slope's error (sideMean); each one's own error is
 * never read, and at fleet scale it is most of the judge's cost. Infinite, should it ever be read.
 */
const valueOnly = (fit: { value: number } | null): Estimate | null =>
  fit && { value: fit.value, stdError: Number.POSITIVE_INFINITY, df: Number.POSITIVE_INFINITY };

function analyzeInstance(
  bundle: Bundle,
  side: SideName,
  instance: number,
  series: InstanceSeries,
  count: number,
  warmupMs: number,
  evidence: Evidence | null,
): InstanceAnalysis {
  const { t, v } = series;
  const n = t.length;
  const span = spanOf(t);
  const binSeconds = floorBinSeconds(span);
  const floor = floorIndices(t, v, binSeconds);
  const intervalSeconds = n > 1 ? span / (n - 1) : 1;
  const final = bundle.final[side].instances?.[instance] ?? (instance === 0 ? bundle.final[side] : null);
  const p95Bytes = p95(v);
  return {
    samples: n,
    p95Bytes,
    // Blocks as long as a floor bin: each holds a GC cycle or a burst whole. Only one process a side
    // needs its own error (replicas are compared by their spread), and the bootstrap is most of the cost.
    p95:
      count === 1
        ? blockBootstrapQuantile(v, 0.95, binSeconds / intervalSeconds)
        : p95Bytes !== null
          ? { value: p95Bytes, stdError: 0, df: Infinity }
          : null,
    lastFloorBytes: floor.length ? v[floor[floor.length - 1]] : null,
    floorPoints: floor.length,
    slope: floorSlope(t, v, floor, count === 1),
    anonSlope: statSlope(bundle.stats, side, instance, warmupMs, 'anonBytes'),
    fileSlope: statSlope(bundle.stats, side, instance, warmupMs, 'fileBytes'),
    inuseGrowth: inuseOf(evidence, side),
    goroutineGrowth: goroutinesOf(evidence, side, span),
    oomKills: final?.oomKills ?? null,
    exit: final?.exit ?? null,
  };
}

function lastStatOf(stats: readonly StatSample[], side: SideName): MemoryStat | null {
  for (let i = stats.length - 1; i >= 0; i--) {
    const s = stats[i];
    if (s.side === side && (s.instance ?? 0) === 0)
      return { anonBytes: s.anonBytes, fileBytes: s.fileBytes, kernelBytes: s.kernelBytes, sockBytes: s.sockBytes };
  }
  return null;
}

const mean = (xs: readonly number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
const present = <T>(xs: readonly (T | null)[]): T[] => xs.filter((x): x is T => x !== null);

/** Per-instance values of a side as one estimate: between-instance spread with replicas, else the series' own error. */
function combine(estimates: readonly (Estimate | null)[]): Estimate | null {
  if (estimates.length === 0 || estimates.some((e) => e === null)) return null;
  const es = estimates as Estimate[];
  return sideMean(
    es.map((e) => e.value),
    es.map((e) => e.stdError),
    es[0].df,
  );
}

function analyzeSide(bundle: Bundle, side: SideName, warmupMs: number, evidences: (Evidence | null)[]): SideAnalysis {
  const count = instancesOf(bundle, side);
  const series = sideSeries(bundle, side, count, warmupMs);
  const instances = series.map((s, i) => analyzeInstance(bundle, side, i, s, count, warmupMs, evidences[i] ?? null));
  const sloped = instances.filter((i) => i.slope !== null);
  if (count > 1 && sloped.length === 1) {
    // The side's only slope: its own error is the side's error (sideMean), so fit it in full.
    const i = instances.indexOf(sloped[0]);
    const { t, v } = series[i];
    instances[i] = { ...instances[i], slope: floorSlope(t, v, floorIndices(t, v, floorBinSeconds(spanOf(t))), true) };
  }
  const slope = combine(instances.map((i) => i.slope));
  const slopeInterval = slope ? intervalOf(slope, DECISION_CONFIDENCE) : null;
  const final = bundle.final[side];
  const maxes = present(series.map((s) => s.max));
  const readings = series.reduce((a, s) => a + s.v.length, 0);
  const oomKills = instances.every((i) => i.oomKills === null)
    ? final.oomKills
    : instances.reduce((a, i) => a + (i.oomKills ?? 0), 0);
  return {
    command: bundle.meta.sides[side].command,
    samples: Math.min(...instances.map((i) => i.samples)),
    p95Bytes: mean(present(instances.map((i) => i.p95Bytes))),
    peakBytes: final.peakBytes ?? (maxes.length ? Math.max(...maxes) : null),
    meanBytes: readings ? series.reduce((a, s) => a + s.sum, 0) / readings : null,
    lastFloorBytes: mean(present(instances.map((i) => i.lastFloorBytes))),
    slope:
      slope && slopeInterval
        ? {
            bytesPerSec: slope.value,
            low: slopeInterval.low,
            high: slopeInterval.high,
            stdError: slope.stdError,
            df: slope.df,
          }
        : null,
    floorPoints: Math.min(...instances.map((i) => i.floorPoints)),
    oomKills,
    exit: final.exit ?? instances.find((i) => i.exit)?.exit ?? null,
    lastStat: lastStatOf(bundle.stats, side),
    instances,
  };
}

function differenceOf(
  gray: readonly (Estimate | null)[],
  baseline: readonly (Estimate | null)[],
  confidence = DECISION_CONFIDENCE,
): Difference | null {
  // An instance without the figure (too short a series) leaves it out; a side with none has no figure.
  const g = gray.filter((e): e is Estimate => e !== null);
  const b = baseline.filter((e): e is Estimate => e !== null);
  if (g.length === 0 || b.length === 0) return null;
  const acrossProcesses = g.length > 1 && b.length > 1;
  // Across processes when both sides have several; else within each series (its own error).
  const estimate = acrossProcesses ? replicaDifference(g, b) : difference(combine(g)!, combine(b)!);
  if (!estimate) return null;
  const i = intervalOf(estimate, confidence);
  return {
    value: i.value,
    low: i.low,
    high: i.high,
    method: acrossProcesses ? 'replicas' : 'within-series',
    stdError: estimate.stdError,
    df: estimate.df,
  };
}

function pointDifference(gray: readonly (number | null)[], baseline: readonly (number | null)[]): number | null {
  if (gray.some((v) => v === null) || baseline.some((v) => v === null)) return null;
  return mean(gray as number[])! - mean(baseline as number[])!;
}

/** Each process's retained growth at one function, bytes/s: 0 where its profiles show none, null without profiles. */
function siteGrowth(evidence: Evidence | null, fn: string, side: SideName): Estimate | null {
  const heap = evidence?.heap;
  if (!heap || heap.sides[side].snapshots < 2 || !(heap.spans[side] > 0)) return null;
  const span = heap.spans[side];
  const f = heap.functions.find((x) => x.function === fn);
  if (!f) return { value: 0, stdError: samplingError(0, heap.periodBytes, span), df: Infinity };
  const own = f.growthError[side];
  const floor = samplingError(f.growth[side].bytes, heap.periodBytes, span);
  return {
    value: f.growth[side].bytes / span,
    // Without a fit error of its own (too few snapshots with it), Go's sampling error still holds.
    stdError: Math.max(own?.bytesPerSec ?? 0, floor),
    df: own?.df ?? Number.POSITIVE_INFINITY,
  };
}

/** Allocation sites compared across processes: the top growth suspect of each process pair, at most this many. */
export const MAX_SITES = 3;

/**
 * The candidate sites are each process pair's top retained-growth suspect (a pair whose heap is too
 * noisy for the suspect guards still lets the others name the site); each is tested across all
 * processes at the decision confidence split among the candidates (Bonferroni), so that looking at
 * more sites does not make a chance finding likelier. The clearest one is returned.
 */
function siteDifferenceOf(
  evidences: readonly (Evidence | null)[],
  counts: Record<SideName, number>,
): (Difference & { function: string; candidates: number }) | null {
  if (counts.baseline < 2 || counts.gray < 2) return null;
  const candidates: string[] = [];
  for (const evidence of evidences) {
    const top = evidence?.suspects.find((s) => s.source === 'pprof' && s.kind === 'growth');
    if (top && !candidates.includes(top.function)) candidates.push(top.function);
  }
  const sites = candidates.slice(0, MAX_SITES);
  const confidence = 1 - (1 - DECISION_CONFIDENCE) / Math.max(1, sites.length);
  let best: (Difference & { function: string; candidates: number }) | null = null;
  for (const fn of sites) {
    const per = (side: SideName) =>
      Array.from({ length: counts[side] }, (_, i) => siteGrowth(evidences[i] ?? null, fn, side));
    const diff = differenceOf(per('gray'), per('baseline'), confidence);
    if (diff && diff.method === 'replicas' && (best === null || diff.low > best.low))
      best = { ...diff, function: fn, candidates: sites.length };
  }
  return best;
}

/**
 * memgate asks both sides for one heap sampling rate (GODEBUG=memprofilerate); a profile that samples
 * at another says it did not take: Go before 1.20 resets it at start (golang/go#55100), and a service
 * may set runtime.MemProfileRate itself.
 */
function profileRateWarnings(bundle: Bundle, evidence: Evidence | null): string[] {
  const asked = bundle.meta.memProfileRate;
  if (asked === undefined || asked === null || !evidence) return [];
  const warnings: string[] = [];
  for (const side of SIDES) {
    const period = evidence.summary.heap[side].periodBytes;
    if (period !== null && period !== asked) {
      warnings.push(
        `${side}: GODEBUG=memprofilerate=${asked} did not take effect (its heap profiles sample every ${period} bytes), so heap evidence is coarser: Go before 1.20 ignores it (golang/go#55100), or the service sets runtime.MemProfileRate itself; set the rate in the service (e.g. from a flag)`,
      );
    }
  }
  return warnings;
}

/** Statistics of both sides over the observation window (warm-up excluded), per instance and per side. Pure. */
export function analyze(
  bundle: Bundle,
  warmupMs: number = bundle.meta.warmupMs,
  evidence: Evidence | null = analyzeEvidence(bundle.profiles, warmupMs),
): Analysis {
  const replicas = Math.min(instancesOf(bundle, 'baseline'), instancesOf(bundle, 'gray'));
  // The first instances' evidence names suspects; each instance's own heap growth feeds the comparison.
  const evidences = Array.from(
    { length: Math.max(instancesOf(bundle, 'baseline'), instancesOf(bundle, 'gray')) },
    (_, i) => (i === 0 ? evidence : analyzeEvidence(bundle.profiles, warmupMs, i)),
  );
  const firstEvidence = evidence;
  const [baseline, gray] = SIDES.map((side) => analyzeSide(bundle, side, warmupMs, evidences));
  const times = bundle.samples.map((s) => s.t).filter((t) => t >= warmupMs);
  const p95Difference = differenceOf(
    gray.instances.map((i) => i.p95),
    baseline.instances.map((i) => i.p95),
  );
  const slope = differenceOf(
    gray.instances.map((i) => i.slope),
    baseline.instances.map((i) => i.slope),
  );
  return {
    driver: bundle.meta.driver,
    limitations: bundle.meta.limitations,
    warnings: [...bundle.meta.warnings, ...profileRateWarnings(bundle, evidence)],
    endedEarly: bundle.meta.endedEarly,
    warmupMs,
    windowMs: { start: times[0] ?? warmupMs, end: times[times.length - 1] ?? warmupMs },
    plannedWindowMs: bundle.meta.durationMs,
    memoryMaxBytes: bundle.meta.memoryMaxBytes,
    replicas,
    confidence: DECISION_CONFIDENCE,
    baseline,
    gray,
    p95Increase: gray.p95Bytes !== null && baseline.p95Bytes ? gray.p95Bytes / baseline.p95Bytes - 1 : null,
    p95Difference,
    slopeDifference: slope
      ? {
          bytesPerSec: slope.value,
          low: slope.low,
          high: slope.high,
          method: slope.method,
          stdError: slope.stdError,
          df: slope.df,
        }
      : null,
    inuseDifference: differenceOf(
      gray.instances.map((i) => i.inuseGrowth),
      baseline.instances.map((i) => i.inuseGrowth),
    ),
    siteDifference: siteDifferenceOf(evidences, {
      baseline: instancesOf(bundle, 'baseline'),
      gray: instancesOf(bundle, 'gray'),
    }),
    split: {
      anonBytesPerSec: pointDifference(
        gray.instances.map((i) => i.anonSlope),
        baseline.instances.map((i) => i.anonSlope),
      ),
      fileBytesPerSec: pointDifference(
        gray.instances.map((i) => i.fileSlope),
        baseline.instances.map((i) => i.fileSlope),
      ),
    },
    goroutineDifference: pointDifference(
      gray.instances.map((i) => i.goroutineGrowth),
      baseline.instances.map((i) => i.goroutineGrowth),
    ),
    series: bundle.samples,
    evidence: firstEvidence,
    ebpf: analyzeEbpf(bundle.ebpf, firstEvidence?.suspects),
  };
}

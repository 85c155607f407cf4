import { SIDES, type SideName } from '../model/sides.ts';
import type { Bundle, StatSample, WorkloadExit } from '../model/bundle.ts';
import type { DriverName, MemoryStat } from '../model/bundle.ts';
import { fitSlope, floorBinSeconds, floorPoints, p95, t95, type Point, type SlopeEstimate } from './stats.ts';
import { analyzeEvidence, type Evidence } from './evidence.ts';
import { analyzeEbpf, type EbpfAnalysis } from './ebpf-analyze.ts';

export interface SideAnalysis {
  command: string;
  /** Readings inside the observation window (after warm-up). */
  samples: number;
  p95Bytes: number | null;
  peakBytes: number | null;
  meanBytes: number | null;
  /** The floor at the end of the window: where the service rests now. */
  lastFloorBytes: number | null;
  slope: SlopeEstimate | null;
  oomKills: number | null;
  exit: WorkloadExit | null;
  lastStat: MemoryStat | null;
}

export interface SlopeDifference {
  bytesPerSec: number;
  low: number;
  high: number;
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
  baseline: SideAnalysis;
  gray: SideAnalysis;
  /** Gray's P95 over baseline's, minus one (0.12 = 12% more); null without both. */
  p95Increase: number | null;
  slopeDifference: SlopeDifference | null;
  /** Every reading, warm-up included, for charts. */
  series: Bundle['samples'];
  /** Heap profile and goroutine evidence (suspects, patterns); null when no profiles were fetched. */
  evidence: Evidence | null;
  /** eBPF allocation paths of both sides and the eBPF suspects; null when tracing was off. */
  ebpf: EbpfAnalysis | null;
}

function lastStatOf(stats: readonly StatSample[], side: SideName): MemoryStat | null {
  for (let i = stats.length - 1; i >= 0; i--) {
    const s = stats[i];
    if (s.side === side) return { anonBytes: s.anonBytes, fileBytes: s.fileBytes, kernelBytes: s.kernelBytes, sockBytes: s.sockBytes };
  }
  return null;
}

function analyzeSide(bundle: Bundle, side: SideName, warmupMs: number): SideAnalysis {
  const points: Point[] = [];
  let max: number | null = null;
  for (const s of bundle.samples) {
    const v = s[side];
    if (v === null) continue;
    max = Math.max(max ?? 0, v);
    if (s.t >= warmupMs) points.push({ t: s.t / 1000, v });
  }
  const values = points.map((p) => p.v);
  const span = points.length > 1 ? points[points.length - 1].t - points[0].t : 0;
  const floor = floorPoints(points, floorBinSeconds(span));
  const final = bundle.final[side];
  const recordedPeak = final.peakBytes;
  return {
    command: bundle.meta.sides[side].command,
    samples: points.length,
    p95Bytes: p95(values),
    peakBytes: recordedPeak ?? max,
    meanBytes: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
    lastFloorBytes: floor.length ? floor[floor.length - 1].v : null,
    slope: fitSlope(floor),
    oomKills: final.oomKills,
    exit: final.exit,
    lastStat: lastStatOf(bundle.stats, side),
  };
}

function slopeDifference(gray: SlopeEstimate | null, baseline: SlopeEstimate | null): SlopeDifference | null {
  if (!gray || !baseline) return null;
  const diff = gray.bytesPerSec - baseline.bytesPerSec;
  const stdError = Math.hypot(gray.stdError, baseline.stdError);
  // Welch-Satterthwaite would be exact; the smaller side's degrees of freedom is the cautious choice.
  const df = Math.min(gray.points.length, baseline.points.length) - 2;
  const half = t95(df) * stdError;
  return { bytesPerSec: diff, low: diff - half, high: diff + half };
}

/** Statistics of both sides over the observation window (warm-up excluded). Pure. */
export function analyze(bundle: Bundle, warmupMs: number = bundle.meta.warmupMs): Analysis {
  const [baseline, gray] = SIDES.map((side) => analyzeSide(bundle, side, warmupMs));
  const times = bundle.samples.map((s) => s.t).filter((t) => t >= warmupMs);
  const evidence = analyzeEvidence(bundle.profiles, warmupMs);
  return {
    driver: bundle.meta.driver,
    limitations: bundle.meta.limitations,
    warnings: bundle.meta.warnings,
    endedEarly: bundle.meta.endedEarly,
    warmupMs,
    windowMs: { start: times[0] ?? warmupMs, end: times[times.length - 1] ?? warmupMs },
    plannedWindowMs: bundle.meta.durationMs,
    memoryMaxBytes: bundle.meta.memoryMaxBytes,
    baseline,
    gray,
    p95Increase: gray.p95Bytes !== null && baseline.p95Bytes ? gray.p95Bytes / baseline.p95Bytes - 1 : null,
    slopeDifference: slopeDifference(gray.slope, baseline.slope),
    series: bundle.samples,
    evidence,
    ebpf: analyzeEbpf(bundle.ebpf, evidence?.suspects),
  };
}

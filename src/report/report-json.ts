import type { Difference, SideAnalysis } from '../analyze/analyze.ts';
import { ExitCode, REPORT_SCHEMA, VERSION } from '../model/constants.ts';
import type { JudgeSettings } from '../model/settings.ts';
import type { MemorySample, WorkloadExit } from '../model/bundle.ts';
import { timeline } from './chart.ts';
import { renderOptionRefs } from '../model/option-ref.ts';
import type { MemoryStat } from '../model/bundle.ts';
import type {
  Comparison,
  Grade,
  Projection,
  Reason,
  Sensitivity,
  Verdict,
  VerdictName,
} from '../judge/verdict-types.ts';
import type { WatchRecord } from '../model/watch.ts';
import type { EvidenceSummary, Pattern, Suspect } from '../analyze/evidence-types.ts';
import type { EbpfSummary } from '../analyze/ebpf-analyze.ts';

export interface SideReport {
  command: string;
  samples: number;
  p95Bytes: number | null;
  peakBytes: number | null;
  meanBytes: number | null;
  lastFloorBytes: number | null;
  slopeBytesPerSec: number | null;
  slopeInterval: { low: number; high: number } | null;
  oomKills: number | null;
  exit: WorkloadExit | null;
  memoryStat: MemoryStat | null;
  /** Each process of the side (one without replicas): what the side's figures are the mean of. */
  instances: InstanceReport[];
}

export interface InstanceReport {
  samples: number;
  p95Bytes: number | null;
  lastFloorBytes: number | null;
  slopeBytesPerSec: number | null;
  /** Retained heap growth (inuse_space, Theil-Sen), bytes/s; null without heap profiles. */
  inuseGrowthBytesPerSec: number | null;
  anonSlopeBytesPerSec: number | null;
  fileSlopeBytesPerSec: number | null;
  oomKills: number | null;
  exited: boolean;
}

/** Gray minus baseline with its interval at the report's confidence. */
export interface DifferenceReport {
  value: number;
  low: number;
  high: number;
  method: 'replicas' | 'within-series';
}

export interface Report {
  schema: typeof REPORT_SCHEMA;
  memgateVersion: string;
  verdict: VerdictName;
  grade: Grade | null;
  exitCode: number;
  settings: {
    warmupMs: number;
    windowMs: number;
    observedMs: number;
    driver: string;
    memoryMaxBytes: number | null;
    onInconclusive: 'fail' | 'pass';
    limits: Verdict['limits'];
  };
  baseline: SideReport;
  gray: SideReport;
  /** Processes per side. */
  replicas: number;
  /** Confidence of every interval in the report (the decision's). */
  confidence: number;
  p95Increase: number | null;
  /** Gray's P95 minus baseline's, bytes. */
  p95Difference: DifferenceReport | null;
  slopeIncrease: number | null;
  slopeDifference: { bytesPerSec: number; low: number; high: number; method: 'replicas' | 'within-series' } | null;
  /** Retained heap growth (inuse_space), gray minus baseline, bytes/s; null without heap profiles. */
  inuseGrowthDifference: DifferenceReport | null;
  /** The top heap suspect's retained growth, gray minus baseline, bytes/s, across processes; null without replicas. */
  siteGrowthDifference: (DifferenceReport & { function: string }) | null;
  /** memory.stat anon and file (page cache) slopes, gray minus baseline, bytes/s: what grew. */
  memorySplit: { anonBytesPerSec: number | null; fileBytesPerSec: number | null };
  /**
   * Every rule checked against its limit: the three-way decision (pass rules out above `high`, block
   * clears the limit at `low`, else undecided). The P95 rule's measured and limit are ratios, its low,
   * high and detectable bytes; the others' all bytes/s (or a count).
   */
  comparisons: Comparison[];
  reasons: Reason[];
  /** What the verdict rules out, and the smallest leak and plateau it would have caught (80% of the time). */
  sensitivity: Sensitivity;
  /** How the run watched: every look, its state and spent error rates, the budget; null for one fixed window. */
  watch: WatchRecord | null;
  projection: Projection | null;
  warnings: string[];
  /** Where gray is worse, ranked: heap functions whose retained memory grew more, goroutine clusters that piled up. */
  suspects: Suspect[];
  /** Known leak patterns seen, most certain first; none for a healthy build. */
  patterns: Pattern[];
  /** What the heap profiles and goroutine dumps measured (growth, churn, diff profiles); null without profiles. */
  profiles: EvidenceSummary | null;
  /** eBPF allocation tracing: mode and its cost, each side's top 20 allocation paths with rates and shares; null when off. */
  ebpf: EbpfSummary | null;
  /** Both sides' memory on one clock, warm-up included, at most 240 points (bucket maxima): what charts draw. */
  timeline: MemorySample[];
}

export function exitCodeOf(verdict: VerdictName, onInconclusive: 'fail' | 'pass'): number {
  switch (verdict) {
    case 'pass':
    case 'warn':
      return ExitCode.Pass;
    case 'fail':
      return ExitCode.Blocked;
    case 'inconclusive':
      return onInconclusive === 'pass' ? ExitCode.Pass : ExitCode.Inconclusive;
  }
}

function sideReport(side: SideAnalysis): SideReport {
  return {
    command: side.command,
    samples: side.samples,
    p95Bytes: side.p95Bytes,
    peakBytes: side.peakBytes,
    meanBytes: side.meanBytes === null ? null : Math.round(side.meanBytes),
    lastFloorBytes: side.lastFloorBytes,
    slopeBytesPerSec: side.slope?.bytesPerSec ?? null,
    slopeInterval: side.slope ? { low: side.slope.low, high: side.slope.high } : null,
    oomKills: side.oomKills,
    exit: side.exit,
    memoryStat: side.lastStat,
    instances: side.instances.map((i) => ({
      samples: i.samples,
      p95Bytes: i.p95Bytes,
      lastFloorBytes: i.lastFloorBytes,
      slopeBytesPerSec: i.slope?.value ?? null,
      inuseGrowthBytesPerSec: i.inuseGrowth?.value ?? null,
      anonSlopeBytesPerSec: i.anonSlope,
      fileSlopeBytesPerSec: i.fileSlope,
      oomKills: i.oomKills,
      exited: i.exit !== null,
    })),
  };
}

/** Relative slope change; null when baseline's slope is under --min-slope: a ratio of noise means nothing. */
function slopeIncrease(verdict: Verdict): number | null {
  const base = verdict.analysis.baseline.slope?.bytesPerSec;
  const diff = verdict.analysis.slopeDifference?.bytesPerSec;
  if (base === undefined || diff === undefined || Math.abs(base) < verdict.limits.minSlopeBytesPerSec) return null;
  return diff / Math.abs(base);
}

const differenceReport = (d: Difference | null): DifferenceReport | null =>
  d ? { value: d.value, low: d.low, high: d.high, method: d.method } : null;

export function buildReport(verdict: Verdict, settings: JudgeSettings, watch: WatchRecord | null = null): Report {
  const { analysis } = verdict;
  const surface = settings.surface ?? 'cli';
  const spell = <T extends { message: string } | { detail: string }>(item: T): T =>
    'message' in item
      ? { ...item, message: renderOptionRefs(item.message, surface) }
      : { ...item, detail: renderOptionRefs(item.detail, surface) };
  return {
    schema: REPORT_SCHEMA,
    memgateVersion: VERSION,
    verdict: verdict.verdict,
    grade: verdict.grade,
    exitCode: exitCodeOf(verdict.verdict, settings.onInconclusive),
    settings: {
      warmupMs: analysis.warmupMs,
      windowMs: analysis.plannedWindowMs,
      observedMs: Math.max(0, analysis.windowMs.end - analysis.windowMs.start),
      driver: analysis.driver,
      memoryMaxBytes: analysis.memoryMaxBytes,
      onInconclusive: settings.onInconclusive,
      limits: verdict.limits,
    },
    baseline: sideReport(analysis.baseline),
    gray: sideReport(analysis.gray),
    replicas: analysis.replicas,
    confidence: analysis.confidence,
    p95Increase: analysis.p95Increase,
    p95Difference: differenceReport(analysis.p95Difference),
    slopeIncrease: slopeIncrease(verdict),
    slopeDifference: analysis.slopeDifference && {
      bytesPerSec: analysis.slopeDifference.bytesPerSec,
      low: analysis.slopeDifference.low,
      high: analysis.slopeDifference.high,
      method: analysis.slopeDifference.method,
    },
    inuseGrowthDifference: differenceReport(analysis.inuseDifference),
    siteGrowthDifference: analysis.siteDifference && {
      ...differenceReport(analysis.siteDifference)!,
      function: analysis.siteDifference.function,
    },
    memorySplit: analysis.split,
    comparisons: verdict.comparisons.map(spell),
    reasons: verdict.reasons.map(spell),
    sensitivity: { ...verdict.sensitivity, statement: renderOptionRefs(verdict.sensitivity.statement, surface) },
    watch,
    projection: verdict.projection,
    warnings: [
      ...analysis.limitations,
      ...analysis.warnings,
      ...verdict.notes.map((n) => renderOptionRefs(n, surface)),
      ...(analysis.evidence?.warnings ?? []),
      ...(analysis.ebpf?.warnings ?? []),
    ],
    // eBPF suspects (allocation rate) after the heap-profile and goroutine ones (retained memory).
    suspects: [...(analysis.evidence?.suspects ?? []), ...(analysis.ebpf?.suspects ?? [])],
    patterns: analysis.evidence?.patterns ?? [],
    profiles: analysis.evidence?.summary ?? null,
    ebpf: analysis.ebpf?.summary ?? null,
    timeline: timeline(analysis.series),
  };
}

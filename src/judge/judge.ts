import type { Analysis, SideAnalysis } from '../analyze/analyze.ts';
import { formatBytes, formatDuration, formatPercent, formatRate } from '../model/units.ts';
import type { Limits } from '../model/settings.ts';
import { gradeOf } from './grade.ts';
import { inuseGrowthRule, nameTopSuspect } from './evidence-rules.ts';
import type { Comparison, Projection, Reason, Verdict, VerdictName } from './verdict-types.ts';

/** Fewest readings per side in the window, and fewest floor bins, worth a verdict. */
export const MIN_WINDOW_SAMPLES = 8;
export const MIN_FLOOR_POINTS = 4;
/** A slope difference whose 95% interval is wider than this many thresholds cannot tell anything. */
const NOISE_FACTOR = 4;

function describeExit(side: string, a: SideAnalysis): string {
  const exit = a.exit!;
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with status ${exit.code}`;
  const when = exit.beforeReady ? 'before it was ready' : `${formatDuration(Math.max(0, exit.atMs))} into sampling`;
  const said = exit.lastOutput.length ? `; last output: ${exit.lastOutput[exit.lastOutput.length - 1]}` : '';
  return `${side} ${how} ${when}${said}`;
}

function slopeThreshold(analysis: Analysis, limits: Limits): number {
  const base = analysis.baseline.slope?.bytesPerSec ?? 0;
  return Math.max(limits.minSlopeBytesPerSec, limits.maxSlopeIncrease * Math.abs(base));
}

function projection(analysis: Analysis): Projection | null {
  const limit = analysis.memoryMaxBytes;
  if (limit === null) return null;
  const slope = analysis.gray.slope;
  const floor = analysis.gray.lastFloorBytes;
  const growing = slope !== null && floor !== null && slope.bytesPerSec > 0 && slope.low > 0;
  return { limitBytes: limit, secondsToLimit: growing ? Math.max(0, (limit - floor) / slope.bytesPerSec) : null };
}

/** Gray against baseline, against the limits: the verdict and every reason for it. Pure. */
export function judge(analysis: Analysis, limits: Limits): Verdict {
  const reasons: Reason[] = [];
  const comparisons: Comparison[] = [];
  const { gray, baseline } = analysis;

  const grayOom = gray.oomKills ?? 0;
  comparisons.push({ rule: 'gray-oom-kill', unit: 'count', measured: gray.oomKills, limit: 0, passed: gray.oomKills === null ? null : grayOom === 0, detail: gray.oomKills === null ? 'OOM kills cannot be seen with this driver' : `${grayOom} OOM kill(s)` });
  if (grayOom > 0) {
    reasons.push({ rule: 'gray-oom-kill', outcome: 'block', measured: grayOom, limit: 0, message: `gray was OOM-killed ${grayOom} time(s) at the ${analysis.memoryMaxBytes === null ? 'cgroup' : formatBytes(analysis.memoryMaxBytes)} memory limit` });
  } else if (gray.exit) {
    reasons.push({ rule: 'gray-exited', outcome: 'block', measured: gray.exit.code, limit: null, message: `${describeExit('gray', gray)}; a build that dies under the same load as baseline must not ship` });
  }
  if ((baseline.oomKills ?? 0) > 0) {
    reasons.push({ rule: 'baseline-oom-kill', outcome: 'inconclusive', measured: baseline.oomKills, limit: 0, message: `baseline was OOM-killed too, so the limit says nothing about gray; raise --memory-max` });
  } else if (baseline.exit) {
    reasons.push({ rule: 'baseline-exited', outcome: 'inconclusive', measured: baseline.exit.code, limit: null, message: `${describeExit('baseline', baseline)}; without a running baseline there is nothing to compare against` });
  }

  const p95Detail = `gray ${gray.p95Bytes === null ? 'n/a' : formatBytes(gray.p95Bytes)} vs baseline ${baseline.p95Bytes === null ? 'n/a' : formatBytes(baseline.p95Bytes)}`;
  // Two runs of one healthy build settle a few percent apart; a small service's P95 needs an absolute floor too.
  const p95Delta = gray.p95Bytes !== null && baseline.p95Bytes !== null ? gray.p95Bytes - baseline.p95Bytes : null;
  const p95Passed = analysis.p95Increase === null || p95Delta === null ? null : analysis.p95Increase <= limits.maxP95Increase || p95Delta <= limits.minP95DeltaBytes;
  comparisons.push({ rule: 'p95-increase', unit: 'ratio', measured: analysis.p95Increase, limit: limits.maxP95Increase, passed: p95Passed, detail: p95Detail });
  if (p95Passed === false) {
    reasons.push({ rule: 'p95-increase', outcome: 'block', measured: analysis.p95Increase, limit: limits.maxP95Increase, message: `P95 of memory rose ${formatPercent(analysis.p95Increase)} (${p95Detail}), above the allowed ${formatPercent(limits.maxP95Increase)} and more than the --min-p95-delta of ${formatBytes(limits.minP95DeltaBytes)}` });
  }

  const threshold = slopeThreshold(analysis, limits);
  const diff = analysis.slopeDifference;
  const slopeDetail = diff === null ? 'too few floor points to fit a slope' : `gray ${formatRate(gray.slope!.bytesPerSec)} vs baseline ${formatRate(baseline.slope!.bytesPerSec)}; difference ${formatRate(diff.bytesPerSec)} (95% CI ${formatRate(diff.low)} .. ${formatRate(diff.high)})`;
  const slopeExceeds = diff !== null && diff.bytesPerSec > threshold;
  const slopeClear = diff !== null && diff.low > 0;
  comparisons.push({ rule: 'slope-increase', unit: 'bytes/s', measured: diff?.bytesPerSec ?? null, limit: threshold, passed: diff === null ? null : !(slopeExceeds && slopeClear), detail: slopeDetail });
  if (slopeExceeds && slopeClear) {
    reasons.push({ rule: 'slope-increase', outcome: 'block', measured: diff.bytesPerSec, limit: threshold, message: `memory floor grows faster in gray: ${slopeDetail}, above the allowed ${formatRate(threshold)} (the larger of --min-slope and --max-slope-increase ${formatPercent(limits.maxSlopeIncrease)} of baseline's slope)` });
  } else if (slopeExceeds) {
    reasons.push({ rule: 'slope-increase', outcome: 'warn', measured: diff.bytesPerSec, limit: threshold, message: `memory floor may grow faster in gray (${slopeDetail}), but the difference is not statistically clear; lengthen --duration to decide` });
  } else if (diff !== null && (diff.high - diff.low) / 2 > NOISE_FACTOR * threshold && reasons.every((r) => r.outcome !== 'block')) {
    const noise = `memory is too noisy to judge growth: the cgroup slope difference is only known to ±${formatRate((diff.high - diff.low) / 2)}`;
    // Retained heap is the quieter signal: when it clearly stays under the same limit, a leak is ruled out.
    const heap = analysis.evidence?.summary.heap.inuseGrowthDifference;
    if (heap && heap.high < threshold) {
      reasons.push({ rule: 'slope-noise', outcome: 'warn', measured: (diff.high - diff.low) / 2, limit: NOISE_FACTOR * threshold, message: `${noise}, but heap profiles rule out retained growth above ${formatRate(threshold)} (inuse_space difference ${formatRate(heap.perSec)}, 95% CI up to ${formatRate(heap.high)})` });
    } else {
      reasons.push({ rule: 'slope-noise', outcome: 'inconclusive', measured: (diff.high - diff.low) / 2, limit: NOISE_FACTOR * threshold, message: `${noise}; lengthen --duration or steady the load` });
    }
  }

  const inuse = inuseGrowthRule(analysis, limits, { blocked: slopeExceeds && slopeClear, threshold });
  if (inuse.comparison) comparisons.push(inuse.comparison);
  if (inuse.reason) reasons.push(inuse.reason);

  const died = Boolean(gray.exit || baseline.exit);
  const tooFew = [gray, baseline].filter((s) => s.samples < MIN_WINDOW_SAMPLES || (s.slope?.points.length ?? 0) < MIN_FLOOR_POINTS);
  if (!died && tooFew.length > 0) {
    reasons.push({ rule: 'enough-samples', outcome: 'inconclusive', measured: Math.min(gray.samples, baseline.samples), limit: MIN_WINDOW_SAMPLES, message: `too few readings after warm-up (baseline ${baseline.samples}, gray ${gray.samples}; at least ${MIN_WINDOW_SAMPLES} each over ${MIN_FLOOR_POINTS}+ floor bins needed)${analysis.endedEarly ? ` because sampling ended early: ${analysis.endedEarly}` : ''}; lengthen --duration or shorten --interval` });
  }
  if (analysis.driver === 'none') {
    reasons.push({ rule: 'degraded-measurement', outcome: 'warn', measured: null, limit: null, message: `measured without cgroups (process-tree RSS): ${analysis.limitations.join('; ')}` });
  }

  const verdict = decide(reasons);
  return { verdict, grade: gradeOf(verdict, reasons, analysis), reasons: nameTopSuspect(order(reasons), analysis), comparisons, projection: projection(analysis), limits, analysis };
}

function decide(reasons: readonly Reason[]): VerdictName {
  if (reasons.some((r) => r.outcome === 'block')) return 'fail';
  if (reasons.some((r) => r.outcome === 'inconclusive')) return 'inconclusive';
  if (reasons.some((r) => r.outcome === 'warn')) return 'warn';
  return 'pass';
}

const OUTCOME_ORDER = { block: 0, inconclusive: 1, warn: 2 } as const;
function order(reasons: Reason[]): Reason[] {
  return reasons.map((r, i) => ({ r, i })).sort((a, b) => OUTCOME_ORDER[a.r.outcome] - OUTCOME_ORDER[b.r.outcome] || a.i - b.i).map(({ r }) => r);
}

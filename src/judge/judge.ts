import type { Analysis, SideAnalysis } from '../analyze/analyze.ts';
import { formatBytes, formatDuration, formatPercent, formatRate } from '../model/units.ts';
import type { Limits } from '../model/settings.ts';
import type { WorkloadExit } from '../model/bundle.ts';
import { Option } from '../model/constants.ts';
import { optionRef } from '../model/option-ref.ts';
import { gradeOf } from './grade.ts';
import { inuseGrowthRule, nameTopSuspect, siteGrowthRule } from './evidence-rules.ts';
import type { Comparison, Projection, Reason, Verdict, VerdictName } from './verdict-types.ts';

/** Fewest readings per side in the window, and fewest floor bins, worth a verdict. */
export const MIN_WINDOW_SAMPLES = 8;
export const MIN_FLOOR_POINTS = 4;
/** A slope difference whose decision interval is wider than this many thresholds cannot tell anything. */
const NOISE_FACTOR = 4;

function describeExit(side: string, a: SideAnalysis): string {
  const exit = a.exit!;
  const how = exit.signal ? `was killed by ${exit.signal}` : `exited with status ${exit.code}`;
  const when = exit.beforeReady ? 'before it was ready' : `${formatDuration(Math.max(0, exit.atMs))} into sampling`;
  const said = exit.lastOutput.length ? `; last output: ${exit.lastOutput[exit.lastOutput.length - 1]}` : '';
  return `${side} ${how} ${when}${said}`;
}

/**
 * A side that died because its port was already taken: memgate gives each process a free port, but on a
 * busy machine another program can take it before the service binds it (measured: 1 in 30 A/A runs of
 * two parallel calibration gates, graded P0 as a crash). That says nothing about the build.
 */
function lostItsPort(exit: WorkloadExit): boolean {
  return exit.lastOutput.some((line) => /address already in use|EADDRINUSE/i.test(line));
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

const percentOf = (confidence: number) => `${Math.round(confidence * 100)}%`;

function intervalText(analysis: Analysis, d: { low: number; high: number }, format: (v: number) => string): string {
  const how = analysis.replicas > 1 ? `across ${analysis.replicas} processes a side` : 'one process a side';
  return `${percentOf(analysis.confidence)} CI ${format(d.low)} .. ${format(d.high)}, ${how}`;
}

/** Bytes one extra goroutine costs at least: its initial stack. */
const GOROUTINE_STACK_BYTES = 8 * 1024;
/** Page cache that grows faster than this share of the floor's slope difference is what grew. */
const FILE_SHARE = 0.5;

/**
 * What could explain a clear rise of gray's cgroup floor, checked against the heap profiles: retained
 * heap, goroutine stacks, page cache. A rise that retained heap and goroutines rule out, and that is
 * mostly page cache, is reclaimable memory: a warning. Anon memory the Go heap does not retain (cgo,
 * mmap, heap headroom) still blocks, named as such. Without profiles the cgroup rule stands alone.
 */
function corroborate(
  analysis: Analysis,
  threshold: number,
  diff: number,
): { demote: string | null; note: string | null } {
  const heap = analysis.inuseDifference;
  if (!heap) return { demote: null, note: null };
  if (heap.high >= threshold) return { demote: null, note: null };
  const goroutineBytes = (analysis.goroutineDifference ?? 0) * GOROUTINE_STACK_BYTES;
  if (goroutineBytes >= threshold)
    return {
      demote: null,
      note: `goroutines pile up in gray (+${(analysis.goroutineDifference! * 60).toFixed(0)}/min, their stacks ${formatRate(goroutineBytes)} at least)`,
    };
  const file = analysis.split.fileBytesPerSec;
  const heapText = `heap profiles rule out retained heap growth above ${formatRate(threshold)} (inuse_space difference ${formatRate(heap.value)}, up to ${formatRate(heap.high)})`;
  if (file !== null && file >= FILE_SHARE * diff) {
    return {
      demote: `${heapText}, and page cache (memory.stat file, ${formatRate(file)} more in gray) makes up most of the rise: reclaimable, not a leak`,
      note: null,
    };
  }
  const anon = analysis.split.anonBytesPerSec;
  return {
    demote: null,
    note: `${heapText}: the rise is anon memory the Go heap does not retain${anon === null ? '' : ` (anon ${formatRate(anon)} more in gray)`}: memory outside the Go heap (cgo, mmap) or heap headroom the runtime keeps`,
  };
}

/** Gray against baseline, against the limits: the verdict and every reason for it. Pure. */
export function judge(analysis: Analysis, limits: Limits): Verdict {
  const reasons: Reason[] = [];
  const comparisons: Comparison[] = [];
  const notes: string[] = [];
  const { gray, baseline } = analysis;

  const grayOom = gray.oomKills ?? 0;
  comparisons.push({
    rule: 'gray-oom-kill',
    unit: 'count',
    measured: gray.oomKills,
    limit: 0,
    passed: gray.oomKills === null ? null : grayOom === 0,
    detail: gray.oomKills === null ? 'OOM kills cannot be seen with this driver' : `${grayOom} OOM kill(s)`,
  });
  if (grayOom > 0) {
    reasons.push({
      rule: 'gray-oom-kill',
      outcome: 'block',
      measured: grayOom,
      limit: 0,
      message: `gray was OOM-killed ${grayOom} time(s) at the ${analysis.memoryMaxBytes === null ? 'cgroup' : formatBytes(analysis.memoryMaxBytes)} memory limit`,
    });
  } else if (gray.exit) {
    const portTaken = lostItsPort(gray.exit);
    reasons.push({
      rule: 'gray-exited',
      outcome: portTaken ? 'inconclusive' : 'block',
      measured: gray.exit.code,
      limit: null,
      message: portTaken
        ? `${describeExit('gray', gray)}; another program took the port memgate gave it before it could listen, which says nothing about the build; run again (on a machine this busy, fewer gates at a time)`
        : `${describeExit('gray', gray)}; a build that dies under the same load as baseline must not ship`,
    });
  }
  if ((baseline.oomKills ?? 0) > 0) {
    reasons.push({
      rule: 'baseline-oom-kill',
      outcome: 'inconclusive',
      measured: baseline.oomKills,
      limit: 0,
      message: `baseline was OOM-killed too, so the limit says nothing about gray; raise ${optionRef(Option.MemoryMax)}`,
    });
  } else if (baseline.exit) {
    reasons.push({
      rule: 'baseline-exited',
      outcome: 'inconclusive',
      measured: baseline.exit.code,
      limit: null,
      message: `${describeExit('baseline', baseline)}; without a running baseline there is nothing to compare against`,
    });
  }

  const p95Detail = `gray ${gray.p95Bytes === null ? 'n/a' : formatBytes(gray.p95Bytes)} vs baseline ${baseline.p95Bytes === null ? 'n/a' : formatBytes(baseline.p95Bytes)}`;
  // Two processes of one healthy build settle apart; a small service's P95 needs an absolute floor too.
  const p95Delta = gray.p95Bytes !== null && baseline.p95Bytes !== null ? gray.p95Bytes - baseline.p95Bytes : null;
  const p95Over =
    analysis.p95Increase !== null &&
    p95Delta !== null &&
    analysis.p95Increase > limits.maxP95Increase &&
    p95Delta > limits.minP95DeltaBytes;
  const p95Interval = analysis.p95Difference;
  const p95Clear = p95Interval !== null && p95Interval.low > 0;
  const p95Passed = analysis.p95Increase === null || p95Delta === null ? null : !(p95Over && p95Clear);
  const p95IntervalText = p95Interval
    ? `; difference ${formatBytes(p95Interval.value)} (${intervalText(analysis, p95Interval, formatBytes)})`
    : '';
  comparisons.push({
    rule: 'p95-increase',
    unit: 'ratio',
    measured: analysis.p95Increase,
    limit: limits.maxP95Increase,
    passed: p95Passed,
    detail: `${p95Detail}${p95IntervalText}`,
  });
  if (p95Over && p95Clear) {
    reasons.push({
      rule: 'p95-increase',
      outcome: 'block',
      measured: analysis.p95Increase,
      limit: limits.maxP95Increase,
      message: `P95 of memory rose ${formatPercent(analysis.p95Increase)} (${p95Detail}${p95IntervalText}), above the allowed ${formatPercent(limits.maxP95Increase)} and more than ${formatBytes(limits.minP95DeltaBytes)} (${optionRef(Option.MinP95Delta)})`,
    });
  } else if (p95Over && p95Interval?.hint) {
    reasons.push({
      rule: 'p95-increase',
      outcome: 'warn',
      measured: analysis.p95Increase,
      limit: limits.maxP95Increase,
      message: `P95 of memory may be higher in gray (${formatPercent(analysis.p95Increase)}: ${p95Detail}${p95IntervalText}), but that is within what processes of one build differ by; ${analysis.replicas > 1 ? `raise ${optionRef(Option.Replicas)} or lengthen ${optionRef(Option.Duration)}` : `run ${optionRef(Option.Replicas)} 3 or more`} to decide`,
    });
  }

  const threshold = slopeThreshold(analysis, limits);
  const diff = analysis.slopeDifference;
  const slopeDetail =
    diff === null
      ? 'too few floor points to fit a slope'
      : `gray ${formatRate(gray.slope!.bytesPerSec)} vs baseline ${formatRate(baseline.slope!.bytesPerSec)}; difference ${formatRate(diff.bytesPerSec)} (${intervalText(analysis, diff, formatRate)})`;
  const slopeExceeds = diff !== null && diff.bytesPerSec > threshold;
  const slopeClear = diff !== null && diff.low > 0;
  const corroboration =
    slopeExceeds && slopeClear ? corroborate(analysis, threshold, diff.bytesPerSec) : { demote: null, note: null };
  const slopeBlocks = slopeExceeds && slopeClear && corroboration.demote === null;
  comparisons.push({
    rule: 'slope-increase',
    unit: 'bytes/s',
    measured: diff?.bytesPerSec ?? null,
    limit: threshold,
    passed: diff === null ? null : !slopeBlocks,
    detail: slopeDetail,
  });
  const limitText = `the larger of ${optionRef(Option.MinSlope)} and ${optionRef(Option.MaxSlopeIncrease)} ${formatPercent(limits.maxSlopeIncrease)} of baseline's slope`;
  if (slopeBlocks) {
    reasons.push({
      rule: 'slope-increase',
      outcome: 'block',
      measured: diff.bytesPerSec,
      limit: threshold,
      message: `memory floor grows faster in gray: ${slopeDetail}, above the allowed ${formatRate(threshold)} (${limitText})${corroboration.note ? `; ${corroboration.note}` : ''}`,
    });
  } else if (slopeExceeds && slopeClear) {
    reasons.push({
      rule: 'slope-increase',
      outcome: 'warn',
      measured: diff.bytesPerSec,
      limit: threshold,
      message: `memory floor grows faster in gray (${slopeDetail}), but ${corroboration.demote}`,
    });
  } else if (slopeExceeds && diff.hint) {
    reasons.push({
      rule: 'slope-increase',
      outcome: 'warn',
      measured: diff.bytesPerSec,
      limit: threshold,
      message: `memory floor may grow faster in gray (${slopeDetail}), but the difference is not statistically clear; lengthen ${optionRef(Option.Duration)} or raise ${optionRef(Option.Replicas)} to decide`,
    });
  }
  const slopeSaid = reasons.some((r) => r.rule === 'slope-increase');
  if (
    !slopeSaid &&
    diff !== null &&
    (diff.high - diff.low) / 2 > NOISE_FACTOR * threshold &&
    reasons.every((r) => r.outcome !== 'block')
  ) {
    const noise = `the cgroup memory floor is too noisy to judge growth: its slope difference is only known to ±${formatRate((diff.high - diff.low) / 2)}`;
    // Retained heap is the quieter signal: when it clearly stays under the same limit, a leak is ruled
    // out; with replicas, so is one allocation site growing in every gray process (site-growth sees it).
    const heap = analysis.inuseDifference;
    if (heap && heap.high < threshold) {
      notes.push(
        `${noise}, so the verdict rests on heap profiles, which rule out retained growth above ${formatRate(threshold)} (inuse_space difference ${formatRate(heap.value)}, ${percentOf(analysis.confidence)} CI up to ${formatRate(heap.high)}); growth outside the Go heap would not show`,
      );
    } else if (heap && analysis.replicas > 1) {
      notes.push(
        `${noise}, so the verdict rests on heap profiles: no allocation site retains growth in every gray process above ${formatRate(threshold)}; growth outside the Go heap, or spread thinly over many sites, would not show (lengthen ${optionRef(Option.Duration)} to see it in the cgroup)`,
      );
    } else {
      reasons.push({
        rule: 'slope-noise',
        outcome: 'inconclusive',
        measured: (diff.high - diff.low) / 2,
        limit: NOISE_FACTOR * threshold,
        message: `${noise}; lengthen ${optionRef(Option.Duration)}, raise ${optionRef(Option.Replicas)} or steady the load`,
      });
    }
  }

  const inuse = inuseGrowthRule(analysis, limits, { blocked: slopeBlocks, threshold });
  if (inuse.comparison) comparisons.push(inuse.comparison);
  if (inuse.reason) reasons.push(inuse.reason);
  const site = siteGrowthRule(analysis, limits, slopeBlocks || inuse.reason?.outcome === 'block');
  if (site.comparison) comparisons.push(site.comparison);
  if (site.reason) reasons.push(site.reason);

  const died = Boolean(gray.exit || baseline.exit);
  const tooFew = [gray, baseline].filter((s) => s.samples < MIN_WINDOW_SAMPLES || s.floorPoints < MIN_FLOOR_POINTS);
  if (!died && tooFew.length > 0) {
    reasons.push({
      rule: 'enough-samples',
      outcome: 'inconclusive',
      measured: Math.min(gray.samples, baseline.samples),
      limit: MIN_WINDOW_SAMPLES,
      message: `too few readings after warm-up (baseline ${baseline.samples}, gray ${gray.samples}; at least ${MIN_WINDOW_SAMPLES} each over ${MIN_FLOOR_POINTS}+ floor bins needed)${
        analysis.endedEarly
          ? ` because sampling ended early: ${analysis.endedEarly}; a longer window would not help: run again once what ended it is dealt with (the warnings say more)`
          : `; lengthen ${optionRef(Option.Duration)} or shorten ${optionRef(Option.Interval)}`
      }`,
    });
  }
  if (analysis.driver === 'none') {
    reasons.push({
      rule: 'degraded-measurement',
      outcome: 'warn',
      measured: null,
      limit: null,
      message: `measured without cgroups (process-tree RSS): ${analysis.limitations.join('; ')}`,
    });
  }

  const verdict = decide(reasons);
  return {
    verdict,
    grade: gradeOf(verdict, reasons, analysis),
    reasons: nameTopSuspect(order(reasons), analysis),
    comparisons,
    projection: projection(analysis),
    limits,
    analysis,
    notes,
  };
}

function decide(reasons: readonly Reason[]): VerdictName {
  if (reasons.some((r) => r.outcome === 'block')) return 'fail';
  if (reasons.some((r) => r.outcome === 'inconclusive')) return 'inconclusive';
  if (reasons.some((r) => r.outcome === 'warn')) return 'warn';
  return 'pass';
}

const OUTCOME_ORDER = { block: 0, inconclusive: 1, warn: 2 } as const;
function order(reasons: Reason[]): Reason[] {
  return reasons
    .map((r, i) => ({ r, i }))
    .sort((a, b) => OUTCOME_ORDER[a.r.outcome] - OUTCOME_ORDER[b.r.outcome] || a.i - b.i)
    .map(({ r }) => r);
}

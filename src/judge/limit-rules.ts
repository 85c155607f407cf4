// The statistical rules, each decided against its limit in three outcomes (decision.ts): P95 of
// memory, the floor slope (cgroup), retained heap (inuse_space) and the top allocation site. A pass
// needs every rule ruled under its limit; a block needs one ruled over; anything else is undecided.
import type { Analysis, Difference } from '../analyze/analyze.ts';
import { intervalOf, sideMean, type Estimate } from '../analyze/intervals.ts';
import { DECISION_CONFIDENCE } from '../analyze/analyze.ts';
import { formatBytes, formatDuration, formatPercent, formatRate } from '../model/units.ts';
import type { Limits } from '../model/settings.ts';
import { Option } from '../model/constants.ts';
import { optionRef } from '../model/option-ref.ts';
import { decideAgainst, type Decided, type Levels } from './decision.ts';
import type { Comparison, Reason, Sensitivity } from './verdict-types.ts';

export interface RuleContext {
  analysis: Analysis;
  levels: Levels;
}

/** Bytes one extra goroutine costs at least: its initial stack. */
const GOROUTINE_STACK_BYTES = 8 * 1024;
/** Page cache that grows faster than this share of the floor's slope difference is what grew. */
const FILE_SHARE = 0.5;
/** Heap sampling at or above this period (Go's default, 512 KiB) sees a slow leak only after minutes. */
export const COARSE_SAMPLING_BYTES = 512 * 1024;
/** The heap sampling rate memgate advises where it is coarse. */
const ADVISED_SAMPLING = '64 KiB';

const estimateOf = (d: { stdError: number; df: number }, value: number): Estimate => ({
  value,
  stdError: d.stdError,
  df: d.df,
});

const processes = (analysis: Analysis) =>
  analysis.replicas > 1 ? `across ${analysis.replicas} processes a side` : 'one process a side';

function boundsText(d: Decided, format: (v: number) => string, analysis: Analysis): string {
  // A look that may spend nothing bounds nothing: said as such, not as "Infinity GiB".
  const bound = (v: number) => (Number.isFinite(v) ? format(v) : v > 0 ? 'unbounded above' : 'unbounded below');
  return `${format(d.estimate)}, between ${bound(d.low)} and ${bound(d.high)} (${processes(analysis)})`;
}

function comparisonOf(
  rule: Comparison['rule'],
  unit: Comparison['unit'],
  measured: number | null,
  d: Decided | null,
  limit: number,
  detail: string,
): Comparison {
  return {
    rule,
    unit,
    measured,
    limit,
    passed: d === null ? null : d.decision === 'pass' ? true : d.decision === 'block' ? false : null,
    decision: d?.decision ?? null,
    low: d?.low ?? null,
    high: d?.high ?? null,
    detectable: d?.detectable ?? null,
    detail,
  };
}

/** Heap profiles that sample every 512 KiB or more (a Go before 1.20 ignores GODEBUG=memprofilerate). */
function heapSamplingBytes(analysis: Analysis): number | null {
  const heap = analysis.evidence?.summary.heap;
  const periods = [heap?.gray.periodBytes, heap?.baseline.periodBytes].filter(
    (p): p is number => typeof p === 'number',
  );
  return periods.length ? Math.max(...periods) : null;
}

/**
 * How much longer a window would decide an undecided rule if its estimate held: the error of a slope
 * falls as the window to the power 3/2, of a level (P95) as its square root. Null when it cannot say.
 */
function windowToDecide(d: Decided, analysis: Analysis, exponent: number): number | null {
  const observedMs = analysis.windowMs.end - analysis.windowMs.start;
  const gap = Math.abs(d.limit - d.estimate);
  if (!(observedMs > 0) || !(gap > 0)) return null;
  // The wider of the two half-widths must shrink to the gap.
  const half = Math.max(d.estimate - d.low, d.high - d.estimate);
  if (!(half > gap) || !Number.isFinite(half)) return null;
  return observedMs * (half / gap) ** (1 / exponent);
}

/** What would decide an undecided rule: time (the budget), processes, heap sampling. */
function advice(context: RuleContext, d: Decided, exponent: number, heap: boolean): string {
  const { analysis } = context;
  if (analysis.endedEarly)
    return `sampling ended early (${analysis.endedEarly}); run again once what ended it is dealt with`;
  const steps: string[] = [];
  const needMs = windowToDecide(d, analysis, exponent);
  // A fleet's window and instances are the rollout's, not memgate's to start.
  const fleet = analysis.driver === 'prometheus';
  const window = optionRef(fleet ? Option.Window : Option.MaxDuration);
  steps.push(
    needMs === null
      ? `a longer ${window}`
      : `about ${formatDuration(Math.ceil(needMs / 10_000) * 10_000)} of window (${window}) if the difference stays at ${exponent === 1.5 || heap ? formatRate(d.estimate) : formatBytes(d.estimate)}`,
  );
  steps.push(
    fleet ? 'more canary and baseline instances in the cell' : `more processes a side (${optionRef(Option.Replicas)})`,
  );
  const period = heapSamplingBytes(analysis);
  if (heap && period !== null && period >= COARSE_SAMPLING_BYTES)
    steps.push(
      `finer heap sampling: the profiles sample every ${formatBytes(period)}; set runtime.MemProfileRate to ${ADVISED_SAMPLING} in the service (Go before 1.20 ignores GODEBUG=memprofilerate)`,
    );
  return `what would decide it: ${steps.join(', or ')}`;
}

/** P95 of memory: the allowed rise is the larger of --max-p95-increase of baseline's P95 and --min-p95-delta. */
export function p95Rule(context: RuleContext, limits: Limits): { comparison: Comparison; reason: Reason | null } {
  const { analysis, levels } = context;
  const { gray, baseline } = analysis;
  const diff = analysis.p95Difference;
  const limit = Math.max(limits.maxP95Increase * (baseline.p95Bytes ?? 0), limits.minP95DeltaBytes);
  const sides = `gray ${gray.p95Bytes === null ? 'n/a' : formatBytes(gray.p95Bytes)} vs baseline ${baseline.p95Bytes === null ? 'n/a' : formatBytes(baseline.p95Bytes)}`;
  // A side without a P95 leaves nothing to decide, whatever figures are left over.
  if (diff === null || analysis.p95Increase === null || gray.p95Bytes === null || baseline.p95Bytes === null) {
    return {
      comparison: comparisonOf('p95-increase', 'ratio', analysis.p95Increase, null, limits.maxP95Increase, sides),
      reason: null,
    };
  }
  const d = decideAgainst(estimateOf(diff, diff.value), limit, levels);
  const detail = `${sides}; difference ${boundsText(d, formatBytes, analysis)}; allowed ${formatBytes(limit)}`;
  // The comparison's unit is the ratio (the limit users set); its bounds are in bytes like its detail.
  const comparison = {
    ...comparisonOf('p95-increase', 'ratio', analysis.p95Increase, d, limits.maxP95Increase, detail),
  };
  const allowed = `the larger of ${optionRef(Option.MaxP95Increase)} ${formatPercent(limits.maxP95Increase)} of baseline's P95 and ${optionRef(Option.MinP95Delta)} ${formatBytes(limits.minP95DeltaBytes)}`;
  if (d.decision === 'block')
    return {
      comparison,
      reason: {
        rule: 'p95-increase',
        outcome: 'block',
        measured: analysis.p95Increase,
        limit: limits.maxP95Increase,
        message: `P95 of memory rose ${formatPercent(analysis.p95Increase)} (${detail}): clearly above the allowed ${formatBytes(limit)} (${allowed})`,
      },
    };
  if (d.decision === 'pass') return { comparison, reason: null };
  return {
    comparison,
    reason: {
      rule: 'p95-increase',
      outcome: 'inconclusive',
      measured: analysis.p95Increase,
      limit: limits.maxP95Increase,
      message: `P95 of memory ${formatPercent(analysis.p95Increase)} (${detail}): cannot tell yet whether it is within the allowed ${formatBytes(limit)} (${allowed}); ${advice(context, d, 0.5, false)}`,
    },
  };
}

/** The floor slope's allowed difference: the larger of --min-slope and --max-slope-increase of baseline's. */
export function slopeThreshold(analysis: Analysis, limits: Limits): number {
  return Math.max(limits.minSlopeBytesPerSec, limits.maxSlopeIncrease * Math.max(0, analysis.baseline.slope?.low ?? 0));
}

/**
 * The relative part of a growth limit reads what baseline surely grows (the low end of its 99% interval),
 * never its point estimate: a baseline still settling after warm-up, or a falling one (its absolute
 * value was taken), once allowed gray several MiB/min, and a noisier baseline allowed more.
 */
function baselineGrowthLow(estimates: readonly (Estimate | null)[]): number {
  const es = estimates.filter((e): e is Estimate => e !== null);
  if (es.length === 0) return 0;
  const side = es.length > 1 ? sideMean(es.map((e) => e.value)) : es[0];
  return side ? Math.max(0, intervalOf(side, DECISION_CONFIDENCE).low) : 0;
}

/**
 * What could explain a clear rise of gray's cgroup floor, checked against the heap profiles: retained
 * heap, goroutine stacks, page cache. A rise that retained heap and goroutines rule out, and that is
 * mostly page cache, is reclaimable memory: a warning. Anon memory the Go heap does not retain (cgo,
 * mmap, heap headroom) still blocks, named as such. Without profiles the cgroup rule stands alone.
 */
function corroborate(
  analysis: Analysis,
  inuse: Decided | null,
  threshold: number,
  diff: number,
): { demote: string | null; note: string | null } {
  if (!inuse || inuse.decision !== 'pass') return { demote: null, note: null };
  const goroutineBytes = (analysis.goroutineDifference ?? 0) * GOROUTINE_STACK_BYTES;
  if (goroutineBytes >= threshold)
    return {
      demote: null,
      note: `goroutines pile up in gray (+${(analysis.goroutineDifference! * 60).toFixed(0)}/min, their stacks ${formatRate(goroutineBytes)} at least)`,
    };
  const file = analysis.split.fileBytesPerSec;
  const heapText = `heap profiles rule out retained heap growth above ${formatRate(inuse.high)} (inuse_space difference ${formatRate(inuse.estimate)})`;
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

const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

interface GrowthDecisions {
  threshold: number;
  slope: Decided | null;
  inuse: (Decided & { diff: Difference }) | null;
  inuseThreshold: number;
  site: (Decided & { fn: string }) | null;
}

function growthDecisions({ analysis, levels }: RuleContext, limits: Limits): GrowthDecisions {
  const threshold = slopeThreshold(analysis, limits);
  const s = analysis.slopeDifference;
  const slope = s ? decideAgainst(estimateOf(s, s.bytesPerSec), threshold, levels) : null;
  const heap = analysis.evidence?.summary.heap;
  const inuseDiff = heap ? analysis.inuseDifference : null;
  const baseInuse = baselineGrowthLow(analysis.baseline.instances.map((i) => i.inuseGrowth));
  const inuseThreshold = Math.max(limits.minSlopeBytesPerSec, limits.maxSlopeIncrease * baseInuse);
  const inuse = inuseDiff
    ? { ...decideAgainst(estimateOf(inuseDiff, inuseDiff.value), inuseThreshold, levels), diff: inuseDiff }
    : null;
  const sd = analysis.siteDifference;
  const site = sd
    ? { ...decideAgainst(estimateOf(sd, sd.value), limits.minSlopeBytesPerSec, levels, sd.candidates), fn: sd.function }
    : null;
  return { threshold, slope, inuse, inuseThreshold, site };
}

/**
 * Growth: the cgroup floor slope, retained heap and the top allocation site. Any of them clearly over
 * its limit blocks, and the reason says which signal decided it. Growth passes when the floor slope is
 * ruled under its limit, or, where the cgroup is too noisy to tell, when retained heap is (and the
 * pass says that growth outside the Go heap was ruled out only as far as the cgroup could). A site
 * that leans over the limit without being clear keeps a pass from being given.
 */
export function growthRules(
  context: RuleContext,
  limits: Limits,
): { comparisons: Comparison[]; reasons: Reason[]; notes: string[] } {
  const { analysis } = context;
  const { gray, baseline } = analysis;
  const g = growthDecisions(context, limits);
  const comparisons: Comparison[] = [];
  const reasons: Reason[] = [];
  const notes: string[] = [];
  const s = analysis.slopeDifference;
  const slopeDetail =
    s === null || g.slope === null
      ? 'too few floor points to fit a slope'
      : `gray ${formatRate(gray.slope!.bytesPerSec)} vs baseline ${formatRate(baseline.slope!.bytesPerSec)}; difference ${boundsText(g.slope, formatRate, analysis)}`;
  const limitText = `the larger of ${optionRef(Option.MinSlope)} and ${optionRef(Option.MaxSlopeIncrease)} ${formatPercent(limits.maxSlopeIncrease)} of baseline's slope`;
  const corroboration =
    g.slope?.decision === 'block'
      ? corroborate(analysis, g.inuse, g.threshold, g.slope.estimate)
      : { demote: null, note: null };
  const slopeBlocks = g.slope?.decision === 'block' && corroboration.demote === null;
  comparisons.push({
    ...comparisonOf('slope-increase', 'bytes/s', s?.bytesPerSec ?? null, g.slope, g.threshold, slopeDetail),
    // Page cache that makes up a clear rise is decided, and is not a leak.
    ...(g.slope?.decision === 'block' && !slopeBlocks ? { passed: true } : {}),
  });
  if (slopeBlocks) {
    reasons.push({
      rule: 'slope-increase',
      outcome: 'block',
      measured: g.slope!.estimate,
      limit: g.threshold,
      message: `memory floor grows faster in gray: ${slopeDetail}, clearly above the allowed ${formatRate(g.threshold)} (${limitText})${corroboration.note ? `; ${corroboration.note}` : ''}`,
    });
  } else if (g.slope?.decision === 'block') {
    reasons.push({
      rule: 'slope-increase',
      outcome: 'warn',
      measured: g.slope.estimate,
      limit: g.threshold,
      message: `memory floor grows faster in gray (${slopeDetail}), but ${corroboration.demote}`,
    });
  }

  const heap = analysis.evidence?.summary.heap;
  if (g.inuse && heap) {
    const base = mean(baseline.instances.map((i) => i.inuseGrowth?.value ?? 0));
    const grayGrowth = mean(gray.instances.map((i) => i.inuseGrowth?.value ?? 0));
    const detail = `inuse_space gray ${formatRate(grayGrowth)} vs baseline ${formatRate(base)}; difference ${boundsText(g.inuse, formatRate, analysis)} over ${heap.gray.snapshots} and ${heap.baseline.snapshots} heap profiles`;
    comparisons.push(comparisonOf('inuse-growth', 'bytes/s', g.inuse.estimate, g.inuse, g.inuseThreshold, detail));
    if (g.inuse.decision === 'block' && !slopeBlocks) {
      const why =
        g.slope === null
          ? 'the cgroup memory floor has too few points for a slope'
          : g.slope.decision === 'pass'
            ? `the cgroup floor does not show it yet (Go's heap has headroom below its GC goal; floor slope difference ${formatRate(g.slope.estimate)})`
            : `the cgroup floor is too noisy to tell (slope difference ${formatRate(g.slope.estimate)}, between ${formatRate(g.slope.low)} and ${formatRate(g.slope.high)})`;
      reasons.push({
        rule: 'inuse-growth',
        outcome: 'block',
        measured: g.inuse.estimate,
        limit: g.inuseThreshold,
        message: `retained heap grows faster in gray: ${detail}, clearly above the allowed ${formatRate(g.inuseThreshold)}; ${why}, so this was decided on heap profiles (inuse_space)`,
      });
    }
  }

  const blockedSoFar = reasons.some((r) => r.outcome === 'block');
  if (g.site) {
    const detail = `retained at ${g.site.fn}: gray minus baseline ${boundsText(g.site, formatRate, analysis)}`;
    comparisons.push(
      comparisonOf('site-growth', 'bytes/s', g.site.estimate, g.site, limits.minSlopeBytesPerSec, detail),
    );
    if (g.site.decision === 'block' && !blockedSoFar)
      reasons.push({
        rule: 'site-growth',
        outcome: 'block',
        measured: g.site.estimate,
        limit: limits.minSlopeBytesPerSec,
        message: `retained heap grows at one allocation site in every gray process: ${detail}, clearly above the allowed ${formatRate(limits.minSlopeBytesPerSec)} (${optionRef(Option.MinSlope)}); the whole heap and the cgroup are too noisy to show it yet, one site is not`,
      });
  }
  if (reasons.some((r) => r.outcome === 'block')) return { comparisons, reasons, notes };

  // Nothing blocked: does growth pass, and on which signal?
  const slopePass = g.slope?.decision === 'pass' || (g.slope?.decision === 'block' && !slopeBlocks);
  const heapPass = g.inuse?.decision === 'pass';
  if (g.slope && !slopePass) {
    if (heapPass) {
      notes.push(
        `the cgroup memory floor is too noisy to rule out growth (slope difference ${formatRate(g.slope.estimate)}, up to ${formatRate(g.slope.high)}), so growth was ruled out on heap profiles: retained heap growth above ${formatRate(g.inuse!.high)}; growth outside the Go heap is ruled out only above ${formatRate(g.slope.high)}`,
      );
    } else {
      const heapSaid = g.inuse
        ? `; retained heap (inuse_space) difference ${boundsText(g.inuse, formatRate, analysis)} cannot tell either`
        : '';
      reasons.push({
        rule: 'slope-increase',
        outcome: 'inconclusive',
        measured: g.slope.estimate,
        limit: g.threshold,
        message: `memory floor growth: ${slopeDetail}; cannot tell yet whether it is within the allowed ${formatRate(g.threshold)} (${limitText})${heapSaid}; ${advice(context, g.slope, 1.5, g.inuse !== null)}`,
      });
    }
  } else if (!g.slope && g.inuse?.decision === 'undecided') {
    // No floor slope to fall back on: retained heap is the only growth signal, and it cannot tell.
    reasons.push({
      rule: 'inuse-growth',
      outcome: 'inconclusive',
      measured: g.inuse.estimate,
      limit: g.inuseThreshold,
      message: `retained heap growth: inuse_space difference ${boundsText(g.inuse, formatRate, analysis)}; cannot tell yet whether it is within the allowed ${formatRate(g.inuseThreshold)}, and the cgroup memory floor has too few points for a slope; ${advice(context, g.inuse, 1, true)}`,
    });
  } else if (slopePass && g.inuse?.decision === 'undecided' && g.inuse.estimate < g.inuseThreshold) {
    // The floor, heap included, is ruled under its limit and retained heap does not lean over its own: an
    // allocation-heavy service's profiles lag its garbage by a GC cycle (megabytes of noise), and
    // waiting on them kept every healthy pair of that shape inconclusive for the whole budget.
    notes.push(
      `retained heap is too noisy to rule out growth on its own (inuse_space difference ${boundsText(g.inuse, formatRate, analysis)}), so growth was ruled out on the cgroup floor: above ${formatRate(Math.max(0, g.slope!.high))}`,
    );
  } else if (slopePass && g.inuse?.decision === 'undecided') {
    // The cgroup does not show it (Go's heap has headroom below its GC goal), but retained heap leans
    // over its limit: a slow leak shows in the heap minutes before it reaches the cgroup.
    reasons.push({
      rule: 'inuse-growth',
      outcome: 'inconclusive',
      measured: g.inuse.estimate,
      limit: g.inuseThreshold,
      message: `retained heap growth: inuse_space difference ${boundsText(g.inuse, formatRate, analysis)}; the cgroup floor rules out growth above ${formatRate(g.slope!.high)}, but retained heap is not ruled under the allowed ${formatRate(g.inuseThreshold)} yet (a slow leak shows there before the cgroup); ${advice(context, g.inuse, 1, true)}`,
    });
  }
  if (g.site && g.site.decision === 'undecided') {
    reasons.push({
      rule: 'site-growth',
      outcome: 'inconclusive',
      measured: g.site.estimate,
      limit: limits.minSlopeBytesPerSec,
      message: `allocation site growth: retained at ${g.site.fn}, gray minus baseline ${boundsText(g.site, formatRate, analysis)}; cannot tell yet whether it is within the allowed ${formatRate(limits.minSlopeBytesPerSec)}; ${advice(context, g.site, 1, true)}`,
    });
  }
  return { comparisons, reasons, notes };
}

/** The smallest leak and plateau the verdict could have seen, and, for what passed, what it rules out. */
export function sensitivityOf(comparisons: readonly Comparison[], analysis: Analysis, levels: Levels): Sensitivity {
  const by = (rule: Comparison['rule']) => comparisons.find((c) => c.rule === rule) ?? null;
  const slope = by('slope-increase');
  const p95 = by('p95-increase');
  const inuse = by('inuse-growth');
  const base = analysis.baseline.p95Bytes;
  const period = heapSamplingBytes(analysis);
  const rulesOut: string[] = [];
  if (slope?.decision === 'pass' && slope.high !== null)
    rulesOut.push(`a floor slope rise above ${formatRate(Math.max(0, slope.high))}`);
  if (inuse?.decision === 'pass' && inuse.high !== null)
    rulesOut.push(`retained heap growth above ${formatRate(Math.max(0, inuse.high))}`);
  if (p95?.decision === 'pass' && p95.high !== null)
    rulesOut.push(
      `a P95 rise above ${base ? formatPercent(Math.max(0, p95.high) / base) : formatBytes(p95.high)} (${formatBytes(Math.max(0, p95.high))})`,
    );
  const seen: string[] = [];
  if (slope?.detectable != null && Number.isFinite(slope.detectable))
    seen.push(`a floor slope rise of ${formatRate(slope.detectable)}`);
  if (inuse?.detectable != null && Number.isFinite(inuse.detectable))
    seen.push(`retained heap growth of ${formatRate(inuse.detectable)}`);
  if (p95?.detectable != null && Number.isFinite(p95.detectable))
    seen.push(
      `a P95 rise of ${base ? `${formatPercent(p95.detectable / base)} (${formatBytes(p95.detectable)})` : formatBytes(p95.detectable)}`,
    );
  const coarse =
    period !== null && period >= COARSE_SAMPLING_BYTES
      ? `; heap profiles sampled every ${formatBytes(period)}, too coarse to see a slow leak within minutes (set runtime.MemProfileRate to ${ADVISED_SAMPLING} in the service: Go before 1.20 ignores GODEBUG=memprofilerate)`
      : '';
  const statement = [
    rulesOut.length ? `rules out ${rulesOut.join(', ')}` : 'rules out nothing',
    seen.length
      ? `would have caught ${seen.join(', ')} (80% of the time)`
      : 'could not have caught a leak: too few readings',
  ].join('; ');
  return {
    statement: `${statement}${coarse}`,
    slopeBytesPerSec: finiteOrNull(slope?.detectable),
    p95Bytes: finiteOrNull(p95?.detectable),
    p95Ratio: base && p95?.detectable != null && Number.isFinite(p95.detectable) ? p95.detectable / base : null,
    inuseBytesPerSec: finiteOrNull(inuse?.detectable),
    heapSamplingBytes: period,
    levels,
  };
}

const finiteOrNull = (v: number | null | undefined): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : v;

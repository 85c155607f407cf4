import type { Analysis } from '../analyze/analyze.ts';
import { topSuspectClause } from '../analyze/evidence-text.ts';
import { formatRate } from '../model/units.ts';
import type { Limits } from '../model/settings.ts';
import { Option } from '../model/constants.ts';
import { optionRef } from '../model/option-ref.ts';
import type { Comparison, Reason } from './verdict-types.ts';

/**
 * Retained heap (inuse_space of `?gc=1` heap profiles) as a second growth signal. It sees a leak
 * before the cgroup does (Go's heap has headroom below its GC goal), so: when the cgroup floor slope
 * did not block and cannot rule out growth above its limit (too few points, a wide interval), a clear
 * inuse growth above the same limit blocks, and the reason says it was decided on heap profiles; when
 * the cgroup slope is clearly within its limit, inuse growth only warns.
 */
export function inuseGrowthRule(
  analysis: Analysis,
  limits: Limits,
  cgroup: { blocked: boolean; threshold: number },
): { comparison: Comparison | null; reason: Reason | null } {
  const heap = analysis.evidence?.summary.heap;
  const diff = analysis.inuseDifference;
  if (!heap || !diff) return { comparison: null, reason: null };
  const base = mean(analysis.baseline.instances.map((i) => i.inuseGrowth?.value ?? 0));
  const grayGrowth = mean(analysis.gray.instances.map((i) => i.inuseGrowth?.value ?? 0));
  const threshold = Math.max(limits.minSlopeBytesPerSec, limits.maxSlopeIncrease * Math.abs(base));
  const how = analysis.replicas > 1 ? `across ${analysis.replicas} processes a side` : 'one process a side';
  const detail = `inuse_space gray ${formatRate(grayGrowth)} vs baseline ${formatRate(base)}; difference ${formatRate(diff.value)} (${Math.round(analysis.confidence * 100)}% CI ${formatRate(diff.low)} .. ${formatRate(diff.high)}, ${how}) over ${heap.gray.snapshots} and ${heap.baseline.snapshots} heap profiles`;
  const exceeds = diff.value > threshold && diff.low > 0;
  const comparison: Comparison = {
    rule: 'inuse-growth',
    unit: 'bytes/s',
    measured: diff.value,
    limit: threshold,
    passed: !exceeds,
    detail,
  };
  if (cgroup.blocked || !exceeds) return { comparison, reason: null };
  const slope = analysis.slopeDifference;
  const unclear = slope === null || slope.high >= cgroup.threshold;
  if (unclear) {
    const why =
      slope === null
        ? 'the cgroup memory floor has too few points for a slope'
        : `the cgroup floor slope is unclear (difference ${formatRate(slope.bytesPerSec)}, CI ${formatRate(slope.low)} .. ${formatRate(slope.high)})`;
    return {
      comparison,
      reason: {
        rule: 'inuse-growth',
        outcome: 'block',
        measured: diff.value,
        limit: threshold,
        message: `retained heap grows faster in gray: ${detail}, above the allowed ${formatRate(threshold)}; ${why}, so this was decided on heap profiles (inuse_space) as a second signal`,
      },
    };
  }
  return {
    comparison,
    reason: {
      rule: 'inuse-growth',
      outcome: 'warn',
      measured: diff.value,
      limit: threshold,
      message: `heap profiles show retained growth in gray (${detail}), above ${formatRate(threshold)}, which the cgroup memory floor does not show yet (Go's heap has headroom below its GC goal); lengthen ${optionRef(Option.Duration)} to see whether it reaches the cgroup`,
    },
  };
}

const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/**
 * Retained growth at the top heap suspect, compared across processes (replicas): it blocks when it is
 * clear at the decision confidence and above the slope limit, unless the cgroup slope or the whole
 * heap already blocked (one finding, one reason). A whole heap can be too noisy to show a slow leak
 * (an allocation-heavy service's profile lags its garbage by a GC cycle) while the leaking site is not.
 */
export function siteGrowthRule(
  analysis: Analysis,
  limits: Limits,
  already: boolean,
): { comparison: Comparison | null; reason: Reason | null } {
  const site = analysis.siteDifference;
  if (!site) return { comparison: null, reason: null };
  const threshold = limits.minSlopeBytesPerSec;
  const detail = `retained at ${site.function}: gray minus baseline ${formatRate(site.value)} (${Math.round(analysis.confidence * 100)}% CI ${formatRate(site.low)} .. ${formatRate(site.high)}, across ${analysis.replicas} processes a side)`;
  const clear = site.value > threshold && site.low > 0;
  const comparison: Comparison = {
    rule: 'site-growth',
    unit: 'bytes/s',
    measured: site.value,
    limit: threshold,
    passed: !clear,
    detail,
  };
  if (!clear || already) return { comparison, reason: null };
  return {
    comparison,
    reason: {
      rule: 'site-growth',
      outcome: 'block',
      measured: site.value,
      limit: threshold,
      message: `retained heap grows at one allocation site in every gray process: ${detail}, above the allowed ${formatRate(threshold)} (${optionRef(Option.MinSlope)}); the whole heap and the cgroup are too noisy to show it yet, one site is not`,
    },
  };
}

/** The first blocking reason names the top suspect (and its pattern): where to look first. */
export function nameTopSuspect(reasons: Reason[], analysis: Analysis): Reason[] {
  const evidence = analysis.evidence;
  const first = reasons.findIndex((r) => r.outcome === 'block');
  if (!evidence || first < 0) return reasons;
  const clause = topSuspectClause(evidence.suspects, evidence.patterns);
  if (!clause) return reasons;
  return reasons.map((r, i) => (i === first ? { ...r, message: `${r.message}; ${clause}` } : r));
}

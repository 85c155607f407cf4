import type { Analysis } from '../analyze/analyze.ts';
import { topSuspectClause } from '../analyze/evidence-text.ts';
import { formatRate } from '../model/units.ts';
import type { Limits } from '../model/settings.ts';
import type { Comparison, Reason } from './verdict-types.ts';

/**
 * Retained heap (inuse_space of `?gc=1` heap profiles) as a second growth signal. It sees a leak
 * before the cgroup does (Go's heap has headroom below its GC goal), so: when the cgroup floor slope
 * did not block and cannot rule out growth above its limit (too few points, a wide interval), a clear
 * inuse growth above the same limit blocks, and the reason says it was decided on heap profiles; when
 * the cgroup slope is clearly within its limit, inuse growth only warns.
 */
export function inuseGrowthRule(analysis: Analysis, limits: Limits, cgroup: { blocked: boolean; threshold: number }): { comparison: Comparison | null; reason: Reason | null } {
  const heap = analysis.evidence?.summary.heap;
  const diff = heap?.inuseGrowthDifference;
  if (!heap || !diff) return { comparison: null, reason: null };
  const base = heap.baseline.inuseGrowth?.perSec ?? 0;
  const threshold = Math.max(limits.minSlopeBytesPerSec, limits.maxSlopeIncrease * Math.abs(base));
  const detail = `inuse_space gray ${formatRate(heap.gray.inuseGrowth!.perSec)} vs baseline ${formatRate(base)}; difference ${formatRate(diff.perSec)} (95% CI ${formatRate(diff.low)} .. ${formatRate(diff.high)}) over ${heap.gray.snapshots} and ${heap.baseline.snapshots} heap profiles`;
  const exceeds = diff.perSec > threshold && diff.low > 0;
  const comparison: Comparison = { rule: 'inuse-growth', unit: 'bytes/s', measured: diff.perSec, limit: threshold, passed: !exceeds, detail };
  if (cgroup.blocked || !exceeds) return { comparison, reason: null };
  const slope = analysis.slopeDifference;
  const unclear = slope === null || slope.high >= cgroup.threshold;
  if (unclear) {
    const why = slope === null ? 'the cgroup memory floor has too few points for a slope' : `the cgroup floor slope is unclear (difference ${formatRate(slope.bytesPerSec)}, 95% CI ${formatRate(slope.low)} .. ${formatRate(slope.high)})`;
    return {
      comparison,
      reason: { rule: 'inuse-growth', outcome: 'block', measured: diff.perSec, limit: threshold, message: `retained heap grows faster in gray: ${detail}, above the allowed ${formatRate(threshold)}; ${why}, so this was decided on heap profiles (inuse_space) as a second signal` },
    };
  }
  return {
    comparison,
    reason: { rule: 'inuse-growth', outcome: 'warn', measured: diff.perSec, limit: threshold, message: `heap profiles show retained growth in gray (${detail}), above ${formatRate(threshold)}, which the cgroup memory floor does not show yet (Go's heap has headroom below its GC goal); lengthen --duration to see whether it reaches the cgroup` },
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

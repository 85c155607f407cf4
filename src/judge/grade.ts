import type { Analysis } from '../analyze/analyze.ts';
import type { Grade, Reason, VerdictName } from './verdict-types.ts';

/** Growth of the floor per hour, relative to gray's P95, that the seed calls critical. */
export const P0_GROWTH_PER_HOUR = 0.8;
/** Gray resting above this share of its memory limit is a P2 even without a blocking rule. */
export const P2_LIMIT_SHARE = 0.75;

/**
 * The seed's P0-P3, adapted to what a gate measures: P0 the process died or would soon (OOM kill, a
 * crash, floor growth over 80% an hour, or under an hour left to its limit, both at the low end of the
 * growth difference's interval); P1 a clear steady leak;
 * P2 a higher plateau (P95 over its limit) or resting above 75% of the limit; P3 anything only warned.
 */
export function gradeOf(verdict: VerdictName, reasons: readonly Reason[], analysis: Analysis): Grade | null {
  const blocks = new Set(reasons.filter((r) => r.outcome === 'block').map((r) => r.rule));
  if (blocks.has('gray-oom-kill') || blocks.has('gray-exited')) return 'P0';
  const { gray, memoryMaxBytes } = analysis;
  if (blocks.has('slope-increase')) {
    // What the interval supports, not the point estimate: a minute of data extrapolated to an hour
    // is P0 only when even the low end of the growth difference gets there.
    const slope = Math.max(0, analysis.slopeDifference?.low ?? 0);
    const growthPerHour = gray.p95Bytes ? (slope * 3600) / gray.p95Bytes : 0;
    const hoursLeft =
      memoryMaxBytes !== null && gray.lastFloorBytes !== null && slope > 0
        ? (memoryMaxBytes - gray.lastFloorBytes) / slope / 3600
        : Infinity;
    return growthPerHour > P0_GROWTH_PER_HOUR || hoursLeft < 1 ? 'P0' : 'P1';
  }
  // Retained heap growing steadily (decided on heap profiles where the cgroup slope was unclear): a clear leak.
  if (blocks.has('inuse-growth') || blocks.has('site-growth')) return 'P1';
  const nearLimit =
    memoryMaxBytes !== null && gray.p95Bytes !== null && gray.p95Bytes > P2_LIMIT_SHARE * memoryMaxBytes;
  if (blocks.size > 0 || nearLimit) return 'P2';
  if (verdict === 'warn') return 'P3';
  return null;
}

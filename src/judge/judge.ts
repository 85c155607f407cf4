import type { Analysis, SideAnalysis } from '../analyze/analyze.ts';
import { formatBytes, formatDuration } from '../model/units.ts';
import type { Limits } from '../model/settings.ts';
import type { WorkloadExit } from '../model/bundle.ts';
import { Option } from '../model/constants.ts';
import { optionRef } from '../model/option-ref.ts';
import { gradeOf } from './grade.ts';
import { nameTopSuspect } from './evidence-rules.ts';
import { FIXED_LEVELS, type Levels } from './decision.ts';
import { growthRules, p95Rule, sensitivityOf, type RuleContext } from './limit-rules.ts';
import type { Comparison, Projection, Reason, Verdict, VerdictName } from './verdict-types.ts';

/** Fewest readings per side in the window, and fewest floor bins, worth a verdict. */
export const MIN_WINDOW_SAMPLES = 8;
export const MIN_FLOOR_POINTS = 4;

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

function projection(analysis: Analysis): Projection | null {
  const limit = analysis.memoryMaxBytes;
  if (limit === null) return null;
  const slope = analysis.gray.slope;
  const floor = analysis.gray.lastFloorBytes;
  const growing = slope !== null && floor !== null && slope.bytesPerSec > 0 && slope.low > 0;
  return { limitBytes: limit, secondsToLimit: growing ? Math.max(0, (limit - floor) / slope.bytesPerSec) : null };
}

/**
 * Gray against baseline, against the limits: the verdict and every reason for it. Pure. `levels`: the
 * error rates this look may spend (a fixed window spends all at its one look).
 */
export function judge(analysis: Analysis, limits: Limits, levels: Levels = FIXED_LEVELS): Verdict {
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
    decision: gray.oomKills === null ? null : grayOom === 0 ? 'pass' : 'block',
    low: null,
    high: null,
    detectable: null,
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

  const context: RuleContext = { analysis, levels };
  const p95 = p95Rule(context, limits);
  comparisons.push(p95.comparison);
  if (p95.reason) reasons.push(p95.reason);

  const growth = growthRules(context, limits);
  comparisons.push(...growth.comparisons);
  reasons.push(...growth.reasons);
  notes.push(...growth.notes);

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
    sensitivity: sensitivityOf(comparisons, analysis, levels),
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

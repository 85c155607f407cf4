// Mutation-testing pins for the judge (issue 14): each test kills a mutant that Stryker found surviving in
// src/judge/*.ts or src/analyze/intervals.ts. Pure and fast: Analysis values from synthetic bundles, with
// fields overridden to sit on the edge a mutant moves.
import { test } from 'node:test';
import { formatRate } from '../src/model/units.ts';
import assert from 'node:assert/strict';
import { parseJudgeSettings } from '../src/config/plan.ts';
import { judge } from '../src/judge/judge.ts';
import { gradeOf, P2_LIMIT_SHARE } from '../src/judge/grade.ts';
import { nameTopSuspect } from '../src/judge/evidence-rules.ts';
import { growthRules, slopeThreshold } from '../src/judge/limit-rules.ts';
import { FIXED_LEVELS, oneSided, POWER } from '../src/judge/decision.ts';
import { analyze, DECISION_CONFIDENCE, type Analysis, type Difference } from '../src/analyze/analyze.ts';
import { intervalOf, sideMean, tCritical } from '../src/analyze/intervals.ts';
import type { Reason } from '../src/judge/verdict-types.ts';
import { makeBundle, MiB } from './helpers/bundles.ts';
import { blockQ, DF, diffOf, diffSe, highAt, lowAt, NUDGE, passQ, slopeOf, slopeSe } from './helpers/differences.ts';

const limits = parseJudgeSettings({ warmup: '5s' }).limits;
const healthy = analyze(makeBundle({}), 5000);

test('grade: gray resting above 75% of --memory-max is P2 without a blocking rule; at or under it, nothing', () => {
  const p95 = healthy.gray.p95Bytes!;
  const at = { ...healthy, memoryMaxBytes: p95 / P2_LIMIT_SHARE };
  assert.equal(gradeOf('pass', [], at), null);
  assert.equal(gradeOf('pass', [], { ...at, memoryMaxBytes: at.memoryMaxBytes - 1 }), 'P2');
  assert.equal(judge({ ...at, memoryMaxBytes: at.memoryMaxBytes - 1 }, limits).grade, 'P2');
});

// gradeOf on its own: reasons built by hand, the Analysis fields it reads set to sit on each boundary.
const block = (rule: Reason['rule']): Reason => ({ rule, outcome: 'block', measured: null, limit: null, message: '' });
const warnOf = (rule: Reason['rule']): Reason => ({ rule, outcome: 'warn', measured: null, limit: null, message: '' });
function withSlope(
  low: number,
  over: { p95?: number | null; floor?: number | null; memoryMax?: number | null } = {},
): Analysis {
  return {
    ...healthy,
    memoryMaxBytes: over.memoryMax === undefined ? null : over.memoryMax,
    gray: {
      ...healthy.gray,
      p95Bytes: over.p95 === undefined ? 100 * MiB : over.p95,
      lastFloorBytes: over.floor === undefined ? 50 * MiB : over.floor,
    },
    slopeDifference: slopeOf(low * 2, low, low * 3),
  };
}

test('grade: P0 for a gray OOM kill or death whatever else; each evidence rule alone is P1', () => {
  assert.equal(gradeOf('fail', [block('gray-oom-kill')], healthy), 'P0');
  assert.equal(gradeOf('fail', [block('gray-exited')], healthy), 'P0');
  assert.equal(gradeOf('fail', [block('inuse-growth')], healthy), 'P1');
  assert.equal(gradeOf('fail', [block('site-growth')], healthy), 'P1');
  assert.equal(gradeOf('fail', [block('p95-increase')], healthy), 'P2');
  // A warning is not a block: a warned slope is P3, not graded by its rate.
  assert.equal(gradeOf('warn', [warnOf('slope-increase')], withSlope(MiB)), 'P3');
  assert.equal(gradeOf('warn', [warnOf('gray-oom-kill')], healthy), 'P3');
  assert.equal(gradeOf('inconclusive', [{ ...block('slope-increase'), outcome: 'inconclusive' }], healthy), null);
  assert.equal(gradeOf('pass', [], healthy), null);
});

test('grade: P0 by growth is strictly above 80% of gray P95 an hour, at the low end of the interval', () => {
  const p95 = 360 * MiB;
  // 80% of 360 MiB an hour is 0.08 MiB/s exactly.
  const edge = (0.8 * p95) / 3600;
  assert.equal(gradeOf('fail', [block('slope-increase')], withSlope(edge, { p95 })), 'P1');
  assert.equal(gradeOf('fail', [block('slope-increase')], withSlope(edge * 1.01, { p95 })), 'P0');
  // The point estimate (twice the low end here) does not count, nor does a negative low end.
  assert.equal(gradeOf('fail', [block('slope-increase')], withSlope(edge * 0.6, { p95 })), 'P1');
  assert.equal(gradeOf('fail', [block('slope-increase')], withSlope(-edge * 10, { p95, memoryMax: 60 * MiB })), 'P1');
  // No P95 for gray: growth relative to it is unknown, not infinite.
  assert.equal(gradeOf('fail', [block('slope-increase')], withSlope(edge * 10, { p95: null })), 'P1');
  // No slope interval at all: P1.
  assert.equal(
    gradeOf('fail', [block('slope-increase')], { ...withSlope(edge, { p95 }), slopeDifference: null }),
    'P1',
  );
});

test('grade: P0 by --memory-max is strictly under an hour left from the last floor, at the low end', () => {
  const low = 1000; // bytes/s: negligible against a 100 MiB P95
  const floor = 50 * MiB;
  const oneHour = floor + low * 3600;
  assert.equal(gradeOf('fail', [block('slope-increase')], withSlope(low, { floor, memoryMax: oneHour })), 'P1');
  assert.equal(gradeOf('fail', [block('slope-increase')], withSlope(low, { floor, memoryMax: oneHour - 1000 })), 'P0');
  assert.equal(gradeOf('fail', [block('slope-increase')], withSlope(low, { floor, memoryMax: oneHour + 1000 })), 'P1');
  // Without a limit, or without a last floor, there is no time to the limit.
  assert.equal(gradeOf('fail', [block('slope-increase')], withSlope(low, { floor, memoryMax: null })), 'P1');
  // (a missing floor is not a floor of 0: 1 MiB at 1000 B/s would be 17 minutes)
  assert.equal(gradeOf('fail', [block('slope-increase')], withSlope(low, { floor: null, memoryMax: MiB })), 'P1');
});

test('grade: the 75% share needs both --memory-max and a gray P95', () => {
  assert.equal(gradeOf('pass', [], { ...healthy, memoryMaxBytes: null }), null);
  assert.equal(gradeOf('pass', [], { ...healthy, memoryMaxBytes: 1, gray: { ...healthy.gray, p95Bytes: null } }), null);
  assert.equal(gradeOf('warn', [warnOf('p95-increase')], { ...healthy, memoryMaxBytes: 1 }), 'P2');
});

test('grade: a floor above --memory-max and no growth is not "under an hour left"', () => {
  assert.equal(
    gradeOf('fail', [block('slope-increase')], withSlope(-1, { floor: 50 * MiB, memoryMax: 40 * MiB })),
    'P1',
  );
  assert.equal(
    gradeOf('fail', [block('slope-increase')], withSlope(0, { floor: 50 * MiB, memoryMax: 40 * MiB })),
    'P1',
  );
});

// The growth rules (limit-rules.ts growthRules): heap evidence present, the cgroup slope set by hand.
const heapEvidence = {
  suspects: [],
  patterns: [],
  warnings: [],
  summary: { heap: { baseline: { snapshots: 6 }, gray: { snapshots: 7 } } },
} as never;
const minSlope = limits.minSlopeBytesPerSec;
const T = minSlope; // the slope limit when baseline's slope is small (healthy's is)
const S = slopeThreshold(healthy, limits);
function withInuse(diff: Difference, over: Partial<Analysis> = {}, baseGrowth: number[] = [0]): Analysis {
  const inst = (value: number) => ({
    ...healthy.baseline.instances[0],
    inuseGrowth: { value, stdError: 0, df: 5 },
  });
  return {
    ...healthy,
    evidence: heapEvidence,
    inuseDifference: diff,
    baseline: { ...healthy.baseline, instances: baseGrowth.map(inst) },
    slopeDifference: null,
    ...over,
  };
}
const growth = (a: Analysis) => growthRules({ analysis: a, levels: FIXED_LEVELS }, limits);
const grown = (a: Analysis, rule: Reason['rule']) => {
  const g = growth(a);
  return {
    comparison: g.comparisons.find((c) => c.rule === rule) ?? null,
    reason: g.reasons.find((r) => r.rule === rule) ?? null,
  };
};
const slopeDiff = (bytesPerSec: number, se: number) => ({ slopeDifference: slopeSe(bytesPerSec, se) });
const ruleOf = (v: ReturnType<typeof judge>, rule: Reason['rule']) => v.reasons.find((r) => r.rule === rule);
const comparisonOf = (v: ReturnType<typeof judge>, rule: string) => v.comparisons.find((c) => c.rule === rule)!;
const near = (actual: number, expected: number) =>
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.abs(expected), `${actual} vs ${expected}`);

test('inuse-growth: needs heap evidence and a difference; blocks when its lower bound at the block level clears the limit, not zero', () => {
  const t = minSlope;
  const clear = diffSe(9 * t, t);
  assert.deepEqual(grown({ ...withInuse(clear), evidence: null }, 'inuse-growth'), { comparison: null, reason: null });
  assert.deepEqual(grown({ ...withInuse(clear), inuseDifference: null }, 'inuse-growth'), {
    comparison: null,
    reason: null,
  });
  const over = grown(withInuse(clear), 'inuse-growth');
  assert.equal(over.comparison!.passed, false);
  assert.equal(over.comparison!.decision, 'block');
  assert.equal(over.comparison!.limit, t);
  assert.equal(over.comparison!.rule, 'inuse-growth');
  assert.equal(over.comparison!.unit, 'bytes/s');
  assert.equal(over.comparison!.measured, 9 * t);
  near(over.comparison!.low!, 9 * t - blockQ() * t);
  near(over.comparison!.high!, 9 * t + passQ() * t);
  assert.equal(over.reason!.outcome, 'block');
  assert.equal(over.reason!.measured, 9 * t);
  assert.equal(over.reason!.limit, t);
  // The lower bound just above the limit blocks; just below it, nothing is decided (no slope to fall back on).
  assert.equal(grown(withInuse(diffSe(lowAt(t, t, NUDGE), t)), 'inuse-growth').reason!.outcome, 'block');
  const under = grown(withInuse(diffSe(lowAt(t, t, -NUDGE), t)), 'inuse-growth');
  assert.equal(under.comparison!.decision, 'undecided');
  assert.equal(under.comparison!.passed, null);
  assert.equal(under.reason!.outcome, 'inconclusive');
  assert.match(
    under.reason!.message,
    /^retained heap growth: inuse_space difference \S+ \S+, between \S+ \S+ and \S+ \S+ \(one process a side\); cannot tell yet whether it is within the allowed 512\.0 KiB\/min, and the cgroup memory floor has too few points for a slope; what would decide it: /,
  );
  // Clear of zero with the estimate twice the limit, but not clear of the limit: not a block.
  const zeroOnly = grown(withInuse(diffSe(2 * t, t / 2)), 'inuse-growth');
  assert.ok(zeroOnly.comparison!.low! > 0 && zeroOnly.comparison!.low! < t);
  assert.equal(zeroOnly.comparison!.decision, 'undecided');
  assert.equal(zeroOnly.reason!.outcome, 'inconclusive');
  // The upper bound at the pass level just under the limit passes (no reason); at it, undecided.
  const pass = grown(withInuse(diffSe(highAt(t, t, -NUDGE), t)), 'inuse-growth');
  assert.equal(pass.comparison!.decision, 'pass');
  assert.equal(pass.comparison!.passed, true);
  assert.equal(pass.reason, null);
  assert.equal(grown(withInuse(diffSe(highAt(t, t, NUDGE), t)), 'inuse-growth').comparison!.decision, 'undecided');
  // The cgroup slope already blocked: one finding, one reason; the comparison stays.
  const blocked = grown(withInuse(clear, slopeDiff(9 * S, S)), 'inuse-growth');
  assert.equal(blocked.reason, null);
  assert.equal(blocked.comparison!.passed, false);
  assert.equal(grown(withInuse(clear, slopeDiff(9 * S, S)), 'slope-increase').reason!.outcome, 'block');
});

test('inuse-growth: the limit is the larger of --min-slope and --max-slope-increase x the low end of baseline retained growth (its 99% interval)', () => {
  const big = 10 * minSlope;
  const flat = diffSe(0, 1);
  const limitOf = (a: Analysis) => grown(a, 'inuse-growth').comparison!.limit;
  const baseOf = (estimates: ({ value: number; stdError: number; df: number } | null)[]) =>
    withInuse(flat, {
      baseline: {
        ...healthy.baseline,
        instances: estimates.map((inuseGrowth) => ({ ...healthy.baseline.instances[0], inuseGrowth })),
      },
    });
  // One baseline process known exactly (no error): its low end is its estimate.
  assert.equal(limitOf(withInuse(flat, {}, [2 * big])), limits.maxSlopeIncrease * 2 * big);
  // A falling baseline no longer raises the limit (its size was once taken, whatever the sign).
  assert.equal(limitOf(withInuse(flat, {}, [-2 * big])), minSlope);
  assert.equal(limitOf(withInuse(flat, {}, [-big, -3 * big])), minSlope);
  // The edge at --min-slope: a low end just over it sets the limit, just under it does not.
  assert.equal(limitOf(withInuse(flat, {}, [minSlope * (1 + 1e-9)])), minSlope * (1 + 1e-9));
  assert.equal(limitOf(withInuse(flat, {}, [minSlope * (1 - 1e-9)])), minSlope);
  // One process with an error of its own: the low end of its own 99% interval, not its estimate.
  const t5 = tCritical(DECISION_CONFIDENCE, 5);
  assert.equal(limitOf(baseOf([{ value: 10 * big, stdError: big, df: 5 }])), 10 * big - t5 * big);
  assert.equal(limitOf(baseOf([{ value: 3 * big, stdError: big, df: 5 }])), minSlope);
  // Several processes: the side's mean across them, its error their spread (n - 1 df), its low end.
  // big and 3 big: mean 2 big, error big on 1 df (t 63.7): the low end is far under zero, so --min-slope.
  assert.equal(limitOf(withInuse(flat, {}, [big, 3 * big])), minSlope);
  const tight = [1.9 * big, 2 * big, 2.1 * big];
  const spread = intervalOf(sideMean(tight)!, DECISION_CONFIDENCE).low;
  near(spread, 2 * big - tCritical(DECISION_CONFIDENCE, 2) * ((0.1 * big) / Math.sqrt(3)));
  assert.equal(limitOf(withInuse(flat, {}, tight)), limits.maxSlopeIncrease * spread);
  // A baseline process without an estimate is left out (not counted as 0); no processes at all is --min-slope.
  assert.equal(limitOf(baseOf([null, { value: 2 * big, stdError: 0, df: 5 }])), limits.maxSlopeIncrease * 2 * big);
  assert.equal(limitOf(baseOf([null, null])), minSlope);
  assert.equal(limitOf(withInuse(flat, {}, [])), minSlope);
  // The decision is against that limit: an estimate clear of --min-slope but not of the limit is not a block.
  const between = grown(withInuse(diffSe(big, minSlope / 10), {}, tight), 'inuse-growth');
  assert.equal(between.comparison!.decision, 'pass');
  assert.equal(grown(withInuse(diffSe(big, minSlope / 10)), 'inuse-growth').comparison!.decision, 'block');
});

test('inuse-growth: blocks whatever the cgroup slope says short of blocking itself, and says why the cgroup did not', () => {
  const t = minSlope;
  const diff = diffSe(9 * t, t);
  const noSlope = grown(withInuse(diff), 'inuse-growth');
  assert.equal(noSlope.reason!.outcome, 'block');
  assert.match(
    noSlope.reason!.message,
    /, clearly above the allowed 512\.0 KiB\/min; the cgroup memory floor has too few points for a slope, so this was decided on heap profiles \(inuse_space\)$/,
  );
  // The slope's upper bound just at the limit: undecided, too noisy to tell.
  const se = S / 2;
  const noisy = grown(withInuse(diff, slopeDiff(highAt(S, se, NUDGE), se)), 'inuse-growth');
  assert.equal(noisy.reason!.outcome, 'block');
  assert.match(
    noisy.reason!.message,
    /; the cgroup floor is too noisy to tell \(slope difference \S+ \S+, between \S+ \S+ and \S+ \S+\), so this was decided on heap profiles \(inuse_space\)$/,
  );
  // Just under it: the cgroup rules growth out, the heap does not; the heap still blocks, and says the floor lags.
  const lags = grown(withInuse(diff, slopeDiff(highAt(S, se, -NUDGE), se)), 'inuse-growth');
  assert.equal(lags.reason!.outcome, 'block');
  assert.equal(lags.reason!.limit, t);
  assert.match(
    lags.reason!.message,
    /; the cgroup floor does not show it yet \(Go's heap has headroom below its GC goal; floor slope difference \S+ \S+\), so this was decided/,
  );
  assert.equal(judge(withInuse(diff, slopeDiff(highAt(S, se, -NUDGE), se)), limits).grade, 'P1');
});

test('inuse-growth: the detail names both rates, the bounds at the block and pass levels, processes and snapshots', () => {
  const t = minSlope; // 512 KiB/min: 9t is 4.5 MiB/min, low 4.5 - 2.326 x 0.5, high 4.5 + 1.645 x 0.5 MiB/min
  const one = grown(withInuse(diffSe(9 * t, t, 'within-series', Infinity)), 'inuse-growth');
  assert.match(
    one.comparison!.detail,
    /^inuse_space gray 0 B\/min vs baseline 0 B\/min; difference 4\.5 MiB\/min, between 3\.3 MiB\/min and 5\.3 MiB\/min \(one process a side\) over 7 and 6 heap profiles$/,
  );
  assert.match(one.reason!.message, /^retained heap grows faster in gray: inuse_space gray /);
  const three = grown(withInuse(diffSe(9 * t, t), { replicas: 3 }), 'inuse-growth');
  assert.match(three.comparison!.detail, /, between .* \(across 3 processes a side\) over 7 and 6 heap profiles$/);
});

test('site-growth: blocks when its lower bound at the block level split among the candidates clears --min-slope; not when something else already blocked', () => {
  const t = minSlope;
  const se = t / 2;
  const site = (value: number, candidates = 1, over: Partial<Analysis> = {}): Analysis => ({
    ...healthy,
    replicas: 3,
    siteDifference: { ...diffSe(value, se, 'replicas', 4), function: 'main.keep', candidates },
    ...over,
  });
  assert.deepEqual(grown(healthy, 'site-growth'), { comparison: null, reason: null });
  const clear = grown(site(4 * t), 'site-growth');
  assert.equal(clear.reason!.outcome, 'block');
  assert.equal(clear.reason!.limit, t);
  assert.equal(clear.reason!.measured, 4 * t);
  assert.equal(clear.comparison!.unit, 'bytes/s');
  assert.equal(clear.comparison!.rule, 'site-growth');
  assert.equal(clear.comparison!.passed, false);
  assert.equal(clear.comparison!.limit, t);
  assert.match(
    clear.comparison!.detail,
    /^retained at main\.keep: gray minus baseline 2\.0 MiB\/min, between \S+ \S+ and \S+ \S+ \(across 3 processes a side\)$/,
  );
  assert.match(
    clear.reason!.message,
    /clearly above the allowed 512\.0 KiB\/min \(\x01opt:min-slope\x01\); the whole heap and the cgroup are too noisy to show it yet, one site is not$/,
  );
  // The edge at one candidate: just above blocks, just below does not.
  assert.equal(grown(site(lowAt(t, se, NUDGE, 4)), 'site-growth').reason!.outcome, 'block');
  assert.equal(grown(site(lowAt(t, se, -NUDGE, 4)), 'site-growth').comparison!.decision, 'undecided');
  // Three candidates tested at once: each at a third of the block level (Bonferroni).
  const split = grown(site(lowAt(t, se, NUDGE, 4), 3), 'site-growth');
  assert.equal(split.comparison!.decision, 'undecided');
  assert.equal(split.reason!.outcome, 'inconclusive');
  assert.match(
    split.reason!.message,
    /^allocation site growth: retained at main\.keep, gray minus baseline 1\.4 MiB\/min, between \S+ \S+ and \S+ \S+ \(across 3 processes a side\); cannot tell yet whether it is within the allowed 512\.0 KiB\/min; what would decide it: about 90s of window \(\x01opt:max-duration\x01\) if the difference stays at 1\.4 MiB\/min, or more processes a side \(\x01opt:replicas\x01\)$/,
  );
  assert.equal(split.reason!.measured, lowAt(t, se, NUDGE, 4));
  assert.equal(split.reason!.limit, t);
  assert.equal(grown(site(lowAt(t, se, NUDGE, 4, 3), 3), 'site-growth').reason!.outcome, 'block');
  assert.equal(grown(site(lowAt(t, se, -NUDGE, 4, 3), 3), 'site-growth').reason!.outcome, 'inconclusive');
  // Undecided is inconclusive whatever the estimate's sign: at the limit, under it, under zero.
  const at = grown(site(t), 'site-growth');
  assert.equal(at.comparison!.decision, 'undecided');
  assert.equal(at.reason!.outcome, 'inconclusive');
  assert.equal(grown(site(t * (1 + 1e-9)), 'site-growth').reason!.outcome, 'inconclusive');
  assert.equal(grown(site(-se / 10), 'site-growth').comparison!.decision, 'undecided');
  assert.equal(grown(site(-se / 10), 'site-growth').reason!.outcome, 'inconclusive');
  // The pass edge: the upper bound at the pass level just at the limit is inconclusive; just under it passes.
  const edge = grown(site(highAt(t, se, NUDGE, 4)), 'site-growth');
  assert.equal(edge.comparison!.decision, 'undecided');
  assert.equal(edge.reason!.outcome, 'inconclusive');
  const under = grown(site(highAt(t, se, -NUDGE, 4)), 'site-growth');
  assert.equal(under.comparison!.passed, true);
  assert.equal(under.reason, null);
  // The cgroup slope already blocked: no second reason; the comparison stays.
  const already = grown(site(4 * t, 1, slopeDiff(9 * S, S)), 'site-growth');
  assert.equal(already.reason, null);
  assert.equal(already.comparison!.passed, false);
});

test('the top suspect is named on the first blocking reason only, not on warnings before it', () => {
  const suspect = { function: 'main.keep', pattern: null } as never;
  const evidence = { ...(heapEvidence as object), suspects: [suspect], patterns: [] } as never;
  const reasons: Reason[] = [warnOf('degraded-measurement'), block('p95-increase'), block('slope-increase')];
  const named = nameTopSuspect(reasons, { ...healthy, evidence });
  assert.equal(named[0].message, '');
  assert.match(named[1].message, /^; top suspect: /);
  assert.equal(named[2].message, '');
  // No evidence, no blocking reason, or no suspect: unchanged.
  assert.deepEqual(nameTopSuspect(reasons, healthy), reasons);
  assert.deepEqual(nameTopSuspect([warnOf('p95-increase')], { ...healthy, evidence }), [warnOf('p95-increase')]);
  assert.deepEqual(nameTopSuspect(reasons, { ...healthy, evidence: heapEvidence }), reasons);
});

// judge(): each rule on its edges, from the healthy analysis with fields overridden.

test('judge: how a process died is told: signal or status, before ready or when (never negative), its last output line', () => {
  const died = (exit: object) => ({
    ...healthy.gray,
    exit: { atMs: 15_000, code: null, signal: null, beforeReady: false, lastOutput: [], ...exit } as never,
  });
  const signal = judge({ ...healthy, gray: died({ signal: 'SIGSEGV', atMs: -2000 }) }, limits);
  assert.equal(
    ruleOf(signal, 'gray-exited')!.message,
    'gray was killed by SIGSEGV 0ms into sampling; a build that dies under the same load as baseline must not ship',
  );
  const code = judge({ ...healthy, gray: died({ code: 4, beforeReady: true, lastOutput: ['first', 'last'] }) }, limits);
  assert.equal(
    ruleOf(code, 'gray-exited')!.message,
    'gray exited with status 4 before it was ready; last output: last; a build that dies under the same load as baseline must not ship',
  );
  assert.equal(ruleOf(code, 'gray-exited')!.measured, 4);
  assert.equal(code.verdict, 'fail');
  // Its port taken by another program (a race for a free port): no finding about the build.
  const bind = 'service: listen: listen tcp 127.0.0.1:33859: bind: address already in use';
  const port = judge({ ...healthy, gray: died({ code: 1, atMs: 0, lastOutput: [bind] }) }, limits);
  assert.equal(ruleOf(port, 'gray-exited')!.outcome, 'inconclusive');
  assert.equal(port.verdict, 'inconclusive');
  assert.match(
    ruleOf(port, 'gray-exited')!.message,
    /address already in use; another program took the port memgate gave it .*run again/,
  );
  const other = judge(
    { ...healthy, gray: died({ code: 1, atMs: 0, lastOutput: ['listen: permission denied'] }) },
    limits,
  );
  assert.equal(ruleOf(other, 'gray-exited')!.outcome, 'block');
  const base = judge({ ...healthy, baseline: { ...died({ code: 1 }), command: 'b' } }, limits);
  assert.equal(
    ruleOf(base, 'baseline-exited')!.message,
    'baseline exited with status 1 15s into sampling; without a running baseline there is nothing to compare against',
  );
  assert.equal(ruleOf(base, 'baseline-exited')!.outcome, 'inconclusive');
  assert.equal(base.verdict, 'inconclusive');
  // A death is not "too few readings", even with too few.
  const short = judge({ ...healthy, baseline: { ...died({ code: 1 }), samples: 2 } }, limits);
  assert.equal(ruleOf(short, 'enough-samples'), undefined);
});

test('judge: OOM kills: gray blocks with the limit named (or the cgroup), baseline makes it inconclusive; unknown counts are not passed', () => {
  const oom = judge({ ...healthy, memoryMaxBytes: 64 * MiB, gray: { ...healthy.gray, oomKills: 2 } }, limits);
  assert.equal(ruleOf(oom, 'gray-oom-kill')!.message, 'gray was OOM-killed 2 time(s) at the 64.0 MiB memory limit');
  assert.equal(comparisonOf(oom, 'gray-oom-kill').passed, false);
  assert.equal(comparisonOf(oom, 'gray-oom-kill').detail, '2 OOM kill(s)');
  // OOM-killed and exited: one reason, the OOM kill.
  const both = judge(
    {
      ...healthy,
      gray: {
        ...healthy.gray,
        oomKills: 1,
        exit: { atMs: 1, code: null, signal: 'SIGKILL', beforeReady: false, lastOutput: [] },
      },
    },
    limits,
  );
  assert.deepEqual(
    both.reasons.filter((r) => r.rule.startsWith('gray')).map((r) => r.rule),
    ['gray-oom-kill'],
  );
  assert.match(ruleOf(both, 'gray-oom-kill')!.message, /at the cgroup memory limit$/);
  const unknown = judge(
    { ...healthy, gray: { ...healthy.gray, oomKills: null }, baseline: { ...healthy.baseline, oomKills: null } },
    limits,
  );
  assert.equal(comparisonOf(unknown, 'gray-oom-kill').passed, null);
  assert.equal(comparisonOf(unknown, 'gray-oom-kill').detail, 'OOM kills cannot be seen with this driver');
  assert.equal(unknown.verdict, 'pass');
  const base = judge(
    {
      ...healthy,
      baseline: {
        ...healthy.baseline,
        oomKills: 1,
        exit: { atMs: 1, code: null, signal: 'SIGKILL', beforeReady: false, lastOutput: [] },
      },
    },
    limits,
  );
  assert.deepEqual(
    base.reasons.map((r) => [r.rule, r.outcome, r.measured]),
    [['baseline-oom-kill', 'inconclusive', 1]],
  );
  assert.match(base.reasons[0].message, /^baseline was OOM-killed too, so the limit says nothing about gray; raise /);
});

test('judge: P95 blocks when its lower bound at the block level clears the allowed rise (the larger of both limits); passes when its upper bound is under it; else inconclusive, with what would decide it', () => {
  const p95 = (value: number, se: number, baseBytes = 100 * MiB) => ({
    ...healthy,
    p95Increase: value / baseBytes,
    baseline: { ...healthy.baseline, p95Bytes: baseBytes },
    gray: { ...healthy.gray, p95Bytes: baseBytes + value },
    p95Difference: diffSe(value, se),
  });
  // The allowed rise: 12% of 100 MiB is 12 MiB, above the 2 MiB --min-p95-delta.
  const allowed = 12 * MiB;
  const over = judge(p95(50 * MiB, MiB), limits);
  assert.equal(ruleOf(over, 'p95-increase')!.outcome, 'block');
  assert.equal(ruleOf(over, 'p95-increase')!.measured, 0.5);
  assert.equal(ruleOf(over, 'p95-increase')!.limit, limits.maxP95Increase);
  // 50 MiB less 2.528 (t at 1% one-sided, 20 df) and plus 1.725 (5%) errors of 1 MiB.
  assert.match(
    ruleOf(over, 'p95-increase')!.message,
    /^P95 of memory rose \+50\.0% \(gray 150\.0 MiB vs baseline 100\.0 MiB; difference 50\.0 MiB, between 47\.5 MiB and 51\.7 MiB \(one process a side\); allowed 12\.0 MiB\): clearly above the allowed 12\.0 MiB \(the larger of \x01opt:max-p95-increase\x01 \+12\.0% of baseline's P95 and \x01opt:min-p95-delta\x01 2\.0 MiB\)$/,
  );
  const c = comparisonOf(over, 'p95-increase');
  assert.equal(c.passed, false);
  assert.equal(c.decision, 'block');
  assert.equal(c.unit, 'ratio');
  assert.equal(c.limit, limits.maxP95Increase);
  near(c.low!, 50 * MiB - blockQ() * MiB);
  near(c.high!, 50 * MiB + passQ() * MiB);
  near(c.detectable!, allowed + (blockQ() + oneSided(1 - POWER, DF)) * MiB);
  assert.equal(over.grade, 'P2');
  // The block edge: just above blocks; just below is not decided either way.
  assert.equal(ruleOf(judge(p95(lowAt(allowed, MiB, NUDGE), MiB), limits), 'p95-increase')!.outcome, 'block');
  const below = judge(p95(lowAt(allowed, MiB, -NUDGE), MiB), limits);
  assert.equal(ruleOf(below, 'p95-increase')!.outcome, 'inconclusive');
  assert.equal(comparisonOf(below, 'p95-increase').passed, null);
  assert.equal(below.verdict, 'inconclusive');
  // Clear of zero, over the ratio, but not clear of the allowed rise: inconclusive, not a block.
  assert.equal(ruleOf(judge(p95(14 * MiB, MiB), limits), 'p95-increase')!.outcome, 'inconclusive');
  // The pass edge: the upper bound just under the allowed rise passes with no reason; at it, inconclusive.
  const pass = judge(p95(highAt(allowed, MiB, -NUDGE), MiB), limits);
  assert.equal(ruleOf(pass, 'p95-increase'), undefined);
  assert.equal(comparisonOf(pass, 'p95-increase').passed, true);
  assert.equal(comparisonOf(pass, 'p95-increase').decision, 'pass');
  const undecided = judge(p95(highAt(allowed, MiB, NUDGE), MiB), limits);
  assert.equal(ruleOf(undecided, 'p95-increase')!.outcome, 'inconclusive');
  assert.match(
    ruleOf(undecided, 'p95-increase')!.message,
    /^P95 of memory \+\S+% \(gray \S+ MiB vs baseline 100\.0 MiB; difference \S+ MiB, between \S+ MiB and 12\.0 MiB \(one process a side\); allowed 12\.0 MiB\): cannot tell yet whether it is within the allowed 12\.0 MiB \(the larger of .*\); what would decide it: about \S+ of window \(\x01opt:max-duration\x01\) if the difference stays at \S+ MiB, or more processes a side \(\x01opt:replicas\x01\)$/,
  );
  // Ended early: a longer window is no advice.
  const ended = judge({ ...p95(highAt(allowed, MiB, NUDGE), MiB), endedEarly: 'the load stopped' }, limits);
  assert.match(
    ruleOf(ended, 'p95-increase')!.message,
    /; sampling ended early \(the load stopped\); run again once what ended it is dealt with$/,
  );
  // A small service: the allowed rise is --min-p95-delta (2 MiB), not 12% of 10 MiB.
  assert.equal(
    ruleOf(judge(p95(lowAt(2 * MiB, MiB / 8, NUDGE), MiB / 8, 10 * MiB), limits), 'p95-increase')!.outcome,
    'block',
  );
  assert.equal(
    ruleOf(judge(p95(lowAt(2 * MiB, MiB / 8, -NUDGE), MiB / 8, 10 * MiB), limits), 'p95-increase')!.outcome,
    'inconclusive',
  );
  assert.equal(
    ruleOf(judge(p95(highAt(2 * MiB, MiB / 8, -NUDGE), MiB / 8, 10 * MiB), limits), 'p95-increase'),
    undefined,
  );
  // Missing P95s: not decided, and said so.
  const missing = judge(
    { ...healthy, p95Increase: null, gray: { ...healthy.gray, p95Bytes: null }, p95Difference: null },
    limits,
  );
  assert.equal(comparisonOf(missing, 'p95-increase').passed, null);
  assert.equal(comparisonOf(missing, 'p95-increase').decision, null);
  assert.equal(comparisonOf(missing, 'p95-increase').detail, `gray n/a vs baseline 24.1 MiB`);
  const noBase = judge({ ...healthy, baseline: { ...healthy.baseline, p95Bytes: null } }, limits);
  assert.equal(comparisonOf(noBase, 'p95-increase').passed, null);
  assert.equal(comparisonOf(noBase, 'p95-increase').detail, 'gray 24.0 MiB vs baseline n/a');
  assert.equal(comparisonOf(judge({ ...healthy, p95Increase: null }, limits), 'p95-increase').passed, null);
});

test("judge: the slope limit is the larger of --min-slope and --max-slope-increase x the low end of baseline's slope (its 99% interval)", () => {
  const withBase = (bytesPerSec: number, low: number) => ({
    ...healthy,
    baseline: { ...healthy.baseline, slope: { ...healthy.baseline.slope!, bytesPerSec, low } },
  });
  const limitOf = (a: Analysis) => comparisonOf(judge(a, limits), 'slope-increase').limit;
  assert.equal(limits.maxSlopeIncrease, 1);
  // A falling baseline (-1 MiB/min) no longer raises the limit: --min-slope.
  const falling = -MiB / 60;
  assert.equal(limitOf(withBase(falling, falling - T)), T);
  assert.equal(slopeThreshold(withBase(falling, falling - T), limits), T);
  assert.equal(limitOf(withBase(-3 * T, -4 * T)), T);
  // A rising baseline whose low end is x: max(--min-slope, 1.0 x x), exactly.
  assert.equal(limitOf(withBase(4 * T, 3 * T)), 3 * T);
  const x = (1.5 * MiB) / 60;
  assert.equal(limitOf(withBase(2 * x, x)), Math.max(T, 1.0 * x));
  assert.equal(limitOf(withBase(2 * x, x)), x);
  // The edge at --min-slope: a low end just over it sets the limit, just under it does not.
  assert.equal(limitOf(withBase(3 * T, T * (1 + 1e-9))), T * (1 + 1e-9));
  assert.equal(limitOf(withBase(3 * T, T * (1 - 1e-9))), T);
  // The point estimate is not read: a baseline at 3T whose low end is under zero (still settling) gives --min-slope.
  assert.equal(limitOf(withBase(3 * T, -T)), T);
  assert.equal(limitOf(withBase(T / 3, T / 6)), T);
  assert.equal(limitOf({ ...healthy, baseline: { ...healthy.baseline, slope: null }, slopeDifference: null }), T);
});

test('judge: the slope blocks when its lower bound at the block level clears its limit, passes when its upper bound is under it, else is inconclusive', () => {
  // 3T = 1.5 MiB/min with an error of T/2: low 1.5 MiB/min - 2.528 x 256 KiB/min, high + 1.725 x 256 KiB/min.
  const block3 = judge({ ...healthy, ...slopeDiff(3 * T, T / 2) }, limits);
  const reason = ruleOf(block3, 'slope-increase')!;
  assert.equal(reason.outcome, 'block');
  assert.equal(reason.measured, 3 * T);
  assert.equal(reason.limit, T);
  assert.match(
    reason.message,
    /^memory floor grows faster in gray: gray \S+ \S+ vs baseline \S+ \S+; difference 1\.5 MiB\/min, between 888\.8 KiB\/min and 1\.9 MiB\/min \(one process a side\), clearly above the allowed 512\.0 KiB\/min \(the larger of \S+ and \S+ \+100\.0% of baseline's slope\)$/,
  );
  assert.equal(comparisonOf(block3, 'slope-increase').passed, false);
  assert.equal(comparisonOf(block3, 'slope-increase').decision, 'block');
  assert.equal(comparisonOf(block3, 'slope-increase').measured, 3 * T);
  assert.equal(block3.reasons.length, 1);
  const se = T / 2;
  // The block edge: a thousandth of an error above the limit blocks, below it does not.
  assert.equal(
    ruleOf(judge({ ...healthy, ...slopeDiff(lowAt(T, se, NUDGE), se) }, limits), 'slope-increase')!.outcome,
    'block',
  );
  const justUnder = judge({ ...healthy, ...slopeDiff(lowAt(T, se, -NUDGE), se) }, limits);
  assert.equal(ruleOf(justUnder, 'slope-increase')!.outcome, 'inconclusive');
  assert.equal(comparisonOf(justUnder, 'slope-increase').passed, null);
  assert.equal(comparisonOf(justUnder, 'slope-increase').decision, 'undecided');
  // Clear of zero with the estimate three limits up, but not clear of the limit: inconclusive, not a block.
  const zeroOnly = judge({ ...healthy, ...slopeDiff(3 * T, T) }, limits);
  assert.ok(comparisonOf(zeroOnly, 'slope-increase').low! > 0);
  assert.equal(ruleOf(zeroOnly, 'slope-increase')!.outcome, 'inconclusive');
  assert.equal(zeroOnly.verdict, 'inconclusive');
  assert.equal(zeroOnly.grade, null);
  // The estimate on the limit: undecided, whatever its error.
  assert.equal(
    comparisonOf(judge({ ...healthy, ...slopeDiff(T, T / 100) }, limits), 'slope-increase').decision,
    'undecided',
  );
  // The pass edge: the upper bound a thousandth of an error under the limit passes; over it, inconclusive.
  const pass = judge({ ...healthy, ...slopeDiff(highAt(T, se, -NUDGE), se) }, limits);
  assert.equal(ruleOf(pass, 'slope-increase'), undefined);
  assert.equal(comparisonOf(pass, 'slope-increase').passed, true);
  assert.equal(comparisonOf(pass, 'slope-increase').decision, 'pass');
  assert.equal(pass.verdict, 'pass');
  const over = judge({ ...healthy, ...slopeDiff(highAt(T, se, NUDGE), se) }, limits);
  assert.equal(ruleOf(over, 'slope-increase')!.outcome, 'inconclusive');
  assert.equal(ruleOf(over, 'slope-increase')!.limit, T);
  assert.match(
    ruleOf(over, 'slope-increase')!.message,
    /^memory floor growth: gray \S+ \S+ vs baseline \S+ \S+; difference \S+ \S+, between \S+ \S+ and 512\.3 KiB\/min \(one process a side\); cannot tell yet whether it is within the allowed 512\.0 KiB\/min \(the larger of \S+ and \S+ \+100\.0% of baseline's slope\); what would decide it: about \S+ of window \(\x01opt:max-duration\x01\) if the difference stays at \S+ \S+, or more processes a side \(\x01opt:replicas\x01\)$/,
  );
  // How long a window would decide it: the error of a slope falls as the window to the 3/2; an estimate
  // of 0 whose block-level half-width is 8 limits needs 8^(2/3) = 4 times the minute observed.
  const far = judge({ ...healthy, ...slopeDiff(0, (8 * T) / blockQ()) }, limits);
  assert.match(ruleOf(far, 'slope-increase')!.message, /what would decide it: about 4\.0min of window \(/);
  // No slope: not decided.
  const none = judge({ ...healthy, slopeDifference: null }, limits);
  assert.equal(comparisonOf(none, 'slope-increase').passed, null);
  assert.equal(comparisonOf(none, 'slope-increase').decision, null);
  assert.equal(comparisonOf(none, 'slope-increase').measured, null);
  assert.equal(comparisonOf(none, 'slope-increase').detail, 'too few floor points to fit a slope');
});

test('judge: corroboration edges: heap not ruled under its limit does not demote; goroutine stacks at the limit explain; page cache at half the rise demotes', () => {
  const base = { ...healthy, ...slopeDiff(4 * T, T / 2), evidence: heapEvidence };
  // Retained heap whose pass-level upper bound sits just under (or at) its limit, T.
  const heapSe = T / 4;
  const heap = (nudge: number) => ({ inuseDifference: diffSe(highAt(T, heapSe, nudge), heapSe) });
  const cache = { split: { anonBytesPerSec: null, fileBytesPerSec: 2 * T } }; // exactly half the 4T rise
  const demoted = judge({ ...base, ...heap(-NUDGE), ...cache }, limits);
  assert.equal(ruleOf(demoted, 'slope-increase')!.outcome, 'warn');
  assert.match(
    ruleOf(demoted, 'slope-increase')!.message,
    /^memory floor grows faster in gray \(gray .*\), but heap profiles rule out retained heap growth above 511\.9 KiB\/min \(inuse_space difference 291\.1 KiB\/min\), and page cache \(memory\.stat file, 1\.0 MiB\/min more in gray\) makes up most of the rise: reclaimable, not a leak$/,
  );
  assert.equal(comparisonOf(demoted, 'slope-increase').passed, true);
  assert.equal(comparisonOf(demoted, 'slope-increase').decision, 'block');
  assert.equal(demoted.verdict, 'warn');
  // Heap bound reaching the limit: it does not rule out retained growth, the block stands without a note.
  const heapAt = judge({ ...base, ...heap(NUDGE), ...cache }, limits);
  assert.equal(ruleOf(heapAt, 'slope-increase')!.outcome, 'block');
  assert.match(ruleOf(heapAt, 'slope-increase')!.message, /of baseline's slope\)$/);
  // Page cache just under half: anon outside the heap, named (anon unknown: no figure).
  const under = judge(
    { ...base, ...heap(-NUDGE), split: { anonBytesPerSec: null, fileBytesPerSec: 2 * T - 1e-6 } },
    limits,
  );
  assert.equal(ruleOf(under, 'slope-increase')!.outcome, 'block');
  assert.match(
    ruleOf(under, 'slope-increase')!.message,
    /; heap profiles rule out retained heap growth above 511\.9 KiB\/min \(inuse_space difference 291\.1 KiB\/min\): the rise is anon memory the Go heap does not retain: memory outside the Go heap \(cgo, mmap\) or heap headroom the runtime keeps$/,
  );
  const anon = judge({ ...base, ...heap(-NUDGE), split: { anonBytesPerSec: 4 * T, fileBytesPerSec: null } }, limits);
  assert.match(
    ruleOf(anon, 'slope-increase')!.message,
    /does not retain \(anon 2\.0 MiB\/min more in gray\): memory outside/,
  );
  // Goroutines whose 8 KiB stacks alone reach the limit (64 a minute at 512 KiB/min): the block stands, named.
  const perGoroutine = 8 * 1024;
  const piled = judge({ ...base, ...heap(-NUDGE), ...cache, goroutineDifference: T / perGoroutine }, limits);
  assert.equal(ruleOf(piled, 'slope-increase')!.outcome, 'block');
  assert.match(
    ruleOf(piled, 'slope-increase')!.message,
    /; goroutines pile up in gray \(\+64\/min, their stacks 512\.0 KiB\/min at least\)$/,
  );
  const fewer = judge({ ...base, ...heap(-NUDGE), ...cache, goroutineDifference: T / perGoroutine - 0.01 }, limits);
  assert.equal(ruleOf(fewer, 'slope-increase')!.outcome, 'warn');
});

test('judge: projection: only with --memory-max, only when gray clearly grows from a known floor; never below 0 s', () => {
  const grow = (
    bytesPerSec: number,
    low: number,
    floor: number | null = 50 * MiB,
    memoryMax: number | null = 110 * MiB,
  ) => ({
    ...healthy,
    memoryMaxBytes: memoryMax,
    gray: { ...healthy.gray, lastFloorBytes: floor, slope: { ...healthy.gray.slope!, bytesPerSec, low } },
  });
  assert.equal(judge(grow(MiB, MiB / 2, 50 * MiB, null), limits).projection, null);
  assert.deepEqual(judge(grow(MiB, MiB / 2), limits).projection, { limitBytes: 110 * MiB, secondsToLimit: 60 });
  assert.deepEqual(judge(grow(MiB, MiB / 2, 120 * MiB), limits).projection, {
    limitBytes: 110 * MiB,
    secondsToLimit: 0,
  });
  assert.deepEqual(judge(grow(MiB, 0), limits).projection, { limitBytes: 110 * MiB, secondsToLimit: null });
  assert.deepEqual(judge(grow(0, 1), limits).projection, { limitBytes: 110 * MiB, secondsToLimit: null });
  assert.deepEqual(judge(grow(MiB, MiB / 2, null), limits).projection, { limitBytes: 110 * MiB, secondsToLimit: null });
  assert.deepEqual(
    judge({ ...grow(MiB, MiB / 2), gray: { ...healthy.gray, slope: null }, slopeDifference: null }, limits).projection,
    { limitBytes: 110 * MiB, secondsToLimit: null },
  );
});

test('judge: an undecided slope is inconclusive, unless heap profiles rule growth out (then a note says what the cgroup could not)', () => {
  // Known to within many limits either way: neither clear of the limit nor under it.
  const wide = { ...healthy, ...slopeDiff(0, 5 * T) };
  const noisy = judge(wide, limits);
  const reason = ruleOf(noisy, 'slope-increase')!;
  assert.equal(reason.outcome, 'inconclusive');
  assert.equal(reason.measured, 0);
  assert.equal(reason.limit, T);
  assert.equal(noisy.verdict, 'inconclusive');
  assert.equal(noisy.grade, null);
  assert.deepEqual(noisy.notes, []);
  // A block elsewhere decides the verdict; the undecided slope still says what it could not tell.
  const blocked = judge({ ...wide, gray: { ...healthy.gray, oomKills: 1 } }, limits);
  assert.equal(blocked.verdict, 'fail');
  assert.deepEqual(
    blocked.reasons.map((r) => `${r.outcome}:${r.rule}`),
    ['block:gray-oom-kill', 'inconclusive:slope-increase'],
  );
  // Heap profiles rule out retained growth (upper bound just under its limit): growth passes on them, and a note says so.
  const heapSe = T / 4;
  const heap = (nudge: number) => ({
    evidence: heapEvidence,
    inuseDifference: diffSe(highAt(T, heapSe, nudge), heapSe),
  });
  const ruledOut = judge({ ...wide, ...heap(-NUDGE) }, limits);
  assert.equal(ruleOf(ruledOut, 'slope-increase'), undefined);
  assert.equal(ruledOut.verdict, 'pass');
  assert.equal(comparisonOf(ruledOut, 'inuse-growth').decision, 'pass');
  assert.equal(comparisonOf(ruledOut, 'slope-increase').decision, 'undecided');
  assert.equal(ruledOut.notes.length, 1);
  assert.match(
    ruledOut.notes[0],
    /^the cgroup memory floor is too noisy to rule out growth \(slope difference 0 B\/min, up to 4\.3 MiB\/min\), so growth was ruled out on heap profiles: retained heap growth above 511\.9 KiB\/min; growth outside the Go heap is ruled out only above 4\.3 MiB\/min$/,
  );
  // At the heap's limit it rules nothing out: inconclusive, and the reason says the heap cannot tell either.
  const heapAt = judge({ ...wide, ...heap(NUDGE) }, limits);
  assert.equal(ruleOf(heapAt, 'slope-increase')!.outcome, 'inconclusive');
  assert.equal(heapAt.verdict, 'inconclusive');
  assert.match(
    ruleOf(heapAt, 'slope-increase')!.message,
    /; retained heap \(inuse_space\) difference 291\.4 KiB\/min, between -32\.2 KiB\/min and 512\.1 KiB\/min \(one process a side\) cannot tell either; what would decide it: about 5\.5min of window /,
  );
  // Replicas without heap profiles, or with a heap that cannot tell: inconclusive all the same.
  assert.equal(ruleOf(judge({ ...wide, replicas: 3 }, limits), 'slope-increase')!.outcome, 'inconclusive');
  assert.equal(judge({ ...wide, ...heap(NUDGE), replicas: 3 }, limits).verdict, 'inconclusive');
  assert.deepEqual(judge(healthy, limits).notes, []);
});

test('judge: a passing slope with an undecided heap: inconclusive when the heap leans to or over its limit, a pass with a note under it', () => {
  const flat = slopeDiff(0, T / 10);
  const heapSe = 2 * T;
  const lean = (value: number) => ({ evidence: heapEvidence, inuseDifference: diffSe(value, heapSe) });
  const leaning = judge({ ...healthy, ...flat, ...lean(T * (1 + 1e-9)) }, limits);
  assert.equal(leaning.verdict, 'inconclusive');
  assert.equal(comparisonOf(leaning, 'slope-increase').decision, 'pass');
  assert.equal(comparisonOf(leaning, 'inuse-growth').decision, 'undecided');
  assert.deepEqual(leaning.notes, []);
  assert.deepEqual(
    leaning.reasons.map((r) => `${r.outcome}:${r.rule}`),
    ['inconclusive:inuse-growth'],
  );
  const reason = ruleOf(leaning, 'inuse-growth')!;
  assert.equal(reason.measured, T * (1 + 1e-9));
  assert.equal(reason.limit, T);
  assert.match(
    reason.message,
    /^retained heap growth: inuse_space difference 512\.0 KiB\/min, between \S+ \S+ and \S+ \S+ \(one process a side\); the cgroup floor rules out growth above \S+ KiB\/min, but retained heap is not ruled under the allowed 512\.0 KiB\/min yet \(a slow leak shows there before the cgroup\); what would decide it: .*\(\x01opt:max-duration\x01\).*, or more processes a side \(\x01opt:replicas\x01\)$/,
  );
  // At the limit exactly it still leans: inconclusive. Just under it (and under zero) the cgroup floor,
  // heap included, rules growth out: a pass, and a note says the heap alone could not.
  assert.equal(judge({ ...healthy, ...flat, ...lean(T) }, limits).verdict, 'inconclusive');
  for (const value of [T * (1 - 1e-9), -T]) {
    const under = judge({ ...healthy, ...flat, ...lean(value) }, limits);
    assert.equal(under.verdict, 'pass', JSON.stringify(under.reasons));
    assert.deepEqual(under.reasons, []);
    assert.equal(comparisonOf(under, 'inuse-growth').decision, 'undecided');
    assert.equal(under.notes.length, 1);
    // What the floor rules out: its pass-level upper bound (above zero here), as the comparison says.
    const high = comparisonOf(under, 'slope-increase').high!;
    assert.ok(high > 0);
    assert.ok(under.notes[0].endsWith(`ruled out on the cgroup floor: above ${formatRate(high)}`), under.notes[0]);
    assert.match(
      under.notes[0],
      /^retained heap is too noisy to rule out growth on its own \(inuse_space difference \S+ \S+, between \S+ \S+ and \S+ \S+ \(one process a side\)\), so growth was ruled out on the cgroup floor: above \S+ \S+$/,
    );
  }
  // The pass edge: the heap's upper bound at the pass level just under the limit passes with no note.
  const ruled = judge({ ...healthy, ...flat, ...lean(highAt(T, heapSe, -NUDGE)) }, limits);
  assert.equal(ruled.verdict, 'pass');
  assert.deepEqual(ruled.reasons, []);
  assert.deepEqual(ruled.notes, []);
});

test('judge: undecided advice in fleet mode names --window and more canary and baseline instances, not --max-duration or --replicas', () => {
  const noisy = { ...healthy, slopeDifference: slopeSe(0, 5 * T) };
  const fleet = { ...noisy, driver: 'prometheus' as Analysis['driver'] };
  const local = ruleOf(judge(noisy, limits), 'slope-increase')!;
  const remote = ruleOf(judge(fleet, limits), 'slope-increase')!;
  assert.equal(local.outcome, 'inconclusive');
  assert.equal(remote.outcome, 'inconclusive');
  assert.match(
    local.message,
    /what would decide it: about \S+ of window \(\x01opt:max-duration\x01\) if the difference stays at 0 B\/min, or more processes a side \(\x01opt:replicas\x01\)$/,
  );
  assert.match(
    remote.message,
    /what would decide it: about \S+ of window \(\x01opt:window\x01\) if the difference stays at 0 B\/min, or more canary and baseline instances in the cell$/,
  );
  assert.doesNotMatch(remote.message, /max-duration|replicas|processes a side \(/);
  // The same window either way: only the words change.
  assert.equal(
    remote.message.replace('\x01opt:window\x01', '').replace('more canary and baseline instances in the cell', ''),
    local.message.replace('\x01opt:max-duration\x01', '').replace('more processes a side (\x01opt:replicas\x01)', ''),
  );
  // Without a window that would decide it (the estimate at the limit): a longer --window.
  const atLimit = { ...fleet, slopeDifference: slopeSe(T, 5 * T) };
  assert.match(
    ruleOf(judge(atLimit, limits), 'slope-increase')!.message,
    /what would decide it: a longer \x01opt:window\x01, or more canary and baseline instances in the cell$/,
  );
  // Retained heap and site advice say the same in fleet mode.
  const heap = judge(
    { ...fleet, slopeDifference: slopeSe(0, T / 10), evidence: heapEvidence, inuseDifference: diffSe(T, 2 * T) },
    limits,
  );
  assert.match(
    ruleOf(heap, 'inuse-growth')!.message,
    /a longer \x01opt:window\x01, or more canary and baseline instances in the cell$/,
  );
  const site = judge(
    {
      ...fleet,
      replicas: 3,
      siteDifference: { ...diffSe(T, T / 2, 'replicas', 4), function: 'main.keep', candidates: 1 },
    },
    limits,
  );
  assert.match(ruleOf(site, 'site-growth')!.message, /, or more canary and baseline instances in the cell$/);
  // A run that ended early says so in fleet mode too, and advises neither.
  const ended = ruleOf(judge({ ...fleet, endedEarly: 'the rollout ended' }, limits), 'slope-increase')!;
  assert.match(
    ended.message,
    /sampling ended early \(the rollout ended\); run again once what ended it is dealt with$/,
  );
});

test('judge: too few readings (under 8) or floor bins (under 4) on either side is inconclusive, with why sampling ended', () => {
  const few = (side: 'gray' | 'baseline', samples: number, floorPoints: number) =>
    judge({ ...healthy, [side]: { ...healthy[side], samples, floorPoints } }, limits);
  for (const side of ['gray', 'baseline'] as const) {
    assert.equal(ruleOf(few(side, 7, 10), 'enough-samples')!.outcome, 'inconclusive');
    assert.equal(ruleOf(few(side, 8, 3), 'enough-samples')!.outcome, 'inconclusive');
    assert.equal(ruleOf(few(side, 8, 4), 'enough-samples'), undefined);
  }
  const r = ruleOf(few('gray', 7, 10), 'enough-samples')!;
  assert.equal(r.measured, 7);
  assert.equal(r.limit, 8);
  assert.equal(ruleOf(few('baseline', 6, 10), 'enough-samples')!.measured, 6);
  assert.match(
    r.message,
    new RegExp(
      `^too few readings after warm-up \\(baseline ${healthy.baseline.samples}, gray 7; at least 8 each over 4\\+ floor bins needed\\); lengthen \\S+ or shorten \\S+$`,
    ),
  );
  const ended = judge({ ...healthy, endedEarly: 'the load stopped', gray: { ...healthy.gray, samples: 3 } }, limits);
  assert.match(
    ruleOf(ended, 'enough-samples')!.message,
    /needed\) because sampling ended early: the load stopped; a longer window would not help: run again once what ended it is dealt with/,
  );
  assert.doesNotMatch(ruleOf(ended, 'enough-samples')!.message, /lengthen/);
  assert.match(
    ruleOf(judge({ ...healthy, gray: { ...healthy.gray, samples: 3 } }, limits), 'enough-samples')!.message,
    /; lengthen \x01opt:duration\x01 or shorten \x01opt:interval\x01$/,
  );
});

test('judge: measuring without cgroups warns with the limitations; reasons come blocks first, then inconclusive, then warnings, each in rule order', () => {
  const degraded = judge({ ...healthy, driver: 'none', limitations: ['no OOM counter', 'RSS only'] }, limits);
  assert.deepEqual(degraded.reasons, [
    {
      rule: 'degraded-measurement',
      outcome: 'warn',
      measured: null,
      limit: null,
      message: 'measured without cgroups (process-tree RSS): no OOM counter; RSS only',
    },
  ]);
  assert.equal(degraded.verdict, 'warn');
  assert.equal(ruleOf(judge(healthy, limits), 'degraded-measurement'), undefined);
  // warn (degraded), inconclusive (baseline OOM, too few samples), block (slope, P95): sorted, stable.
  const many = judge(
    {
      ...healthy,
      driver: 'none',
      slopeDifference: slopeOf(3 * T, T, 5 * T),
      p95Increase: 0.5,
      gray: { ...healthy.gray, p95Bytes: 200 * MiB, samples: 3 },
      baseline: { ...healthy.baseline, oomKills: 1 },
      p95Difference: diffOf(100 * MiB, 50 * MiB, 150 * MiB),
    },
    limits,
  );
  assert.deepEqual(
    many.reasons.map((r) => `${r.outcome}:${r.rule}`),
    [
      'block:p95-increase',
      'block:slope-increase',
      'inconclusive:baseline-oom-kill',
      'inconclusive:enough-samples',
      'warn:degraded-measurement',
    ],
  );
  assert.equal(many.verdict, 'fail');
  const inconclusive = judge({ ...healthy, driver: 'none', baseline: { ...healthy.baseline, oomKills: 1 } }, limits);
  assert.equal(inconclusive.verdict, 'inconclusive');
  assert.deepEqual(
    inconclusive.reasons.map((r) => r.outcome),
    ['inconclusive', 'warn'],
  );
  assert.equal(inconclusive.limits, limits);
  assert.equal(inconclusive.analysis.driver, 'none');
});

test('judge: the site rule stays quiet when retained heap or the slope already blocked, and blocks when they pass', () => {
  const site = { siteDifference: { ...diffSe(9 * T, T, 'replicas', 4), function: 'main.keep', candidates: 1 } };
  const inuseBlocks = judge({ ...withInuse(diffSe(9 * T, T)), replicas: 3, ...site }, limits);
  assert.deepEqual(
    inuseBlocks.reasons.map((r) => r.rule),
    ['inuse-growth'],
  );
  assert.deepEqual(
    inuseBlocks.comparisons.map((c) => c.rule),
    ['gray-oom-kill', 'p95-increase', 'slope-increase', 'inuse-growth', 'site-growth'],
  );
  assert.equal(inuseBlocks.grade, 'P1');
  // The cgroup slope and the whole heap clearly under their limits: the site rule blocks alone.
  const quiet = judge({ ...withInuse(diffSe(0, T / 10), slopeDiff(0, T / 10)), replicas: 3, ...site }, limits);
  assert.deepEqual(
    quiet.reasons.map((r) => `${r.outcome}:${r.rule}`),
    ['block:site-growth'],
  );
  assert.equal(quiet.grade, 'P1');
  // A slope that blocks keeps the site rule quiet too.
  const slope = judge({ ...withInuse(diffSe(0, T / 10), slopeDiff(9 * T, T)), replicas: 3, ...site }, limits);
  assert.deepEqual(
    slope.reasons.map((r) => `${r.outcome}:${r.rule}`),
    ['block:slope-increase'],
  );
});

test('judge: comparisons carry their units; a missing gray P95 is not decided even when a ratio is known', () => {
  const v = judge(healthy, limits);
  assert.deepEqual(
    v.comparisons.map((c) => [c.rule, c.unit]),
    [
      ['gray-oom-kill', 'count'],
      ['p95-increase', 'ratio'],
      ['slope-increase', 'bytes/s'],
    ],
  );
  assert.deepEqual(
    v.comparisons.map((c) => c.decision),
    ['pass', 'pass', 'pass'],
  );
  const noGray = judge({ ...healthy, gray: { ...healthy.gray, p95Bytes: null } }, limits);
  assert.equal(comparisonOf(noGray, 'p95-increase').passed, null);
  assert.equal(comparisonOf(noGray, 'p95-increase').decision, null);
  assert.equal(comparisonOf(noGray, 'p95-increase').low, null);
  assert.equal(comparisonOf(noGray, 'p95-increase').high, null);
  assert.equal(comparisonOf(noGray, 'p95-increase').detectable, null);
  // Over both limits with no interval at all: nothing to decide on, no reason (and no crash).
  const noInterval = judge(
    { ...healthy, p95Increase: 0.5, gray: { ...healthy.gray, p95Bytes: 200 * MiB }, p95Difference: null },
    limits,
  );
  assert.equal(ruleOf(noInterval, 'p95-increase'), undefined);
  assert.equal(comparisonOf(noInterval, 'p95-increase').passed, null);
  assert.equal(comparisonOf(noInterval, 'p95-increase').measured, 0.5);
});

test('judge: an undecided P95 and an undecided slope each say so, in rule order; their bounds are the block and pass levels', () => {
  const undecidedP95 = {
    p95Increase: 0.5,
    gray: { ...healthy.gray, p95Bytes: 200 * MiB },
    baseline: { ...healthy.baseline, p95Bytes: 100 * MiB },
    p95Difference: diffSe(100 * MiB, 100 * MiB),
  };
  const v = judge({ ...healthy, ...undecidedP95, ...slopeDiff(0, 5 * T) }, limits);
  assert.deepEqual(
    v.reasons.map((r) => `${r.outcome}:${r.rule}`),
    ['inconclusive:p95-increase', 'inconclusive:slope-increase'],
  );
  // The slope's bounds: 0 less 2.528 and plus 1.725 errors of 2.5 MiB/min.
  const slope = comparisonOf(v, 'slope-increase');
  near(slope.low!, -blockQ() * 5 * T);
  near(slope.high!, passQ() * 5 * T);
  assert.match(
    ruleOf(v, 'slope-increase')!.message,
    /difference 0 B\/min, between -6\.3 MiB\/min and 4\.3 MiB\/min \(/,
  );
});

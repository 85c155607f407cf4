// Mutation-testing pins for the judge (issue 14): each test kills a mutant that Stryker found surviving in
// src/judge/*.ts or src/analyze/intervals.ts. Pure and fast: Analysis values from synthetic bundles, with
// fields overridden to sit on the edge a mutant moves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJudgeSettings } from '../src/config/plan.ts';
import { analyze } from '../src/analyze/analyze.ts';
import { judge } from '../src/judge/judge.ts';
import { gradeOf, P2_LIMIT_SHARE } from '../src/judge/grade.ts';
import { inuseGrowthRule, nameTopSuspect, siteGrowthRule } from '../src/judge/evidence-rules.ts';
import type { Analysis } from '../src/analyze/analyze.ts';
import type { Reason } from '../src/judge/verdict-types.ts';
import { makeBundle, MiB } from './helpers/bundles.ts';

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
function withSlope(low: number, over: { p95?: number | null; floor?: number | null; memoryMax?: number | null } = {}): Analysis {
  return {
    ...healthy,
    memoryMaxBytes: over.memoryMax === undefined ? null : over.memoryMax,
    gray: { ...healthy.gray, p95Bytes: over.p95 === undefined ? 100 * MiB : over.p95, lastFloorBytes: over.floor === undefined ? 50 * MiB : over.floor },
    slopeDifference: { bytesPerSec: low * 2, low, high: low * 3, method: 'within-series' },
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
  assert.equal(gradeOf('inconclusive', [{ ...block('slope-noise'), outcome: 'inconclusive' }], healthy), null);
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
  assert.equal(gradeOf('fail', [block('slope-increase')], { ...withSlope(edge, { p95 }), slopeDifference: null }), 'P1');
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
  assert.equal(gradeOf('fail', [block('slope-increase')], withSlope(low, { floor: null, memoryMax: floor })), 'P1');
});

test('grade: the 75% share needs both --memory-max and a gray P95', () => {
  assert.equal(gradeOf('pass', [], { ...healthy, memoryMaxBytes: null }), null);
  assert.equal(gradeOf('pass', [], { ...healthy, memoryMaxBytes: 1, gray: { ...healthy.gray, p95Bytes: null } }), null);
  assert.equal(gradeOf('warn', [warnOf('p95-increase')], { ...healthy, memoryMaxBytes: 1 }), 'P2');
});

test('grade: a floor above --memory-max and no growth is not "under an hour left"', () => {
  assert.equal(gradeOf('fail', [block('slope-increase')], withSlope(-1, { floor: 50 * MiB, memoryMax: 40 * MiB })), 'P1');
  assert.equal(gradeOf('fail', [block('slope-increase')], withSlope(0, { floor: 50 * MiB, memoryMax: 40 * MiB })), 'P1');
});

// inuseGrowthRule and siteGrowthRule: heap evidence present, the cgroup slope set by hand.
const heapEvidence = { suspects: [], patterns: [], warnings: [], summary: { heap: { baseline: { snapshots: 6 }, gray: { snapshots: 7 } } } } as never;
const minSlope = limits.minSlopeBytesPerSec;
function withInuse(diff: { value: number; low: number; high: number }, over: Partial<Analysis> = {}, baseGrowth: number[] = [0]): Analysis {
  const inst = (value: number) => ({ ...healthy.baseline.instances[0], inuseGrowth: { value, low: value, high: value } as never });
  return {
    ...healthy,
    evidence: heapEvidence,
    inuseDifference: { ...diff, method: 'within-series' },
    baseline: { ...healthy.baseline, instances: baseGrowth.map(inst) },
    slopeDifference: null,
    ...over,
  };
}
const inuseOf = (a: Analysis, blocked = false, threshold = minSlope) => inuseGrowthRule(a, limits, { blocked, threshold });

test('inuse-growth: needs heap evidence and a difference; strictly above the limit and clear of zero', () => {
  const t = minSlope;
  assert.deepEqual(inuseOf({ ...withInuse({ value: 9 * t, low: 8 * t, high: 10 * t }), evidence: null }), { comparison: null, reason: null });
  assert.deepEqual(inuseOf({ ...withInuse({ value: 9 * t, low: 8 * t, high: 10 * t }), inuseDifference: null }), { comparison: null, reason: null });
  const over = inuseOf(withInuse({ value: 9 * t, low: 8 * t, high: 10 * t }));
  assert.equal(over.comparison!.passed, false);
  assert.equal(over.comparison!.limit, t);
  assert.equal(over.comparison!.rule, 'inuse-growth');
  assert.equal(over.reason!.outcome, 'block');
  assert.equal(over.reason!.measured, 9 * t);
  const atLimit = inuseOf(withInuse({ value: t, low: t / 2, high: 2 * t }));
  assert.equal(atLimit.comparison!.passed, true);
  assert.equal(atLimit.reason, null);
  const lowAtZero = inuseOf(withInuse({ value: 9 * t, low: 0, high: 18 * t }));
  assert.equal(lowAtZero.comparison!.passed, true);
  assert.equal(lowAtZero.reason, null);
  // The cgroup slope already blocked: one finding, one reason; the comparison stays.
  const blocked = inuseOf(withInuse({ value: 9 * t, low: 8 * t, high: 10 * t }), true);
  assert.equal(blocked.reason, null);
  assert.equal(blocked.comparison!.passed, false);
});

test('inuse-growth: the limit is the larger of --min-slope and --max-slope-increase x |baseline retained growth| (mean over processes)', () => {
  const big = 10 * minSlope;
  // Baseline processes retain -big and -3 big (mean -2 big): the limit follows its size, whatever the sign.
  const a = withInuse({ value: 0, low: -1, high: 1 }, {}, [-big, -3 * big]);
  assert.equal(inuseOf(a).comparison!.limit, limits.maxSlopeIncrease * 2 * big);
  const b = withInuse({ value: 0, low: -1, high: 1 }, {}, [big, 3 * big]);
  assert.equal(inuseOf(b).comparison!.limit, limits.maxSlopeIncrease * 2 * big);
  // A baseline process without an estimate counts as 0; no processes at all is 0 too.
  const c = withInuse({ value: 0, low: -1, high: 1 }, { baseline: { ...healthy.baseline, instances: [{ ...healthy.baseline.instances[0], inuseGrowth: null }, { ...healthy.baseline.instances[0], inuseGrowth: { value: 2 * big } as never }] } });
  assert.equal(inuseOf(c).comparison!.limit, limits.maxSlopeIncrease * big);
  assert.equal(inuseOf(withInuse({ value: 0, low: -1, high: 1 }, {}, [])).comparison!.limit, minSlope);
});

test('inuse-growth: blocks when the cgroup slope is missing or cannot rule out the limit (high at it included); warns when it can', () => {
  const t = minSlope;
  const diff = { value: 9 * t, low: 8 * t, high: 10 * t };
  const noSlope = inuseOf(withInuse(diff));
  assert.equal(noSlope.reason!.outcome, 'block');
  assert.match(noSlope.reason!.message, /the cgroup memory floor has too few points for a slope, so this was decided on heap profiles/);
  const slope = (high: number) => ({ slopeDifference: { bytesPerSec: high / 2, low: -high, high, method: 'within-series' as const } });
  const atEdge = inuseOf(withInuse(diff, slope(3 * t)), false, 3 * t);
  assert.equal(atEdge.reason!.outcome, 'block');
  assert.match(atEdge.reason!.message, /the cgroup floor slope is unclear \(difference /);
  const under = inuseOf(withInuse(diff, slope(3 * t - 1)), false, 3 * t);
  assert.equal(under.reason!.outcome, 'warn');
  assert.match(under.reason!.message, /which the cgroup memory floor does not show yet/);
  assert.equal(under.reason!.limit, t);
});

test('inuse-growth: the detail names both rates, the interval at the analysis confidence, processes and snapshots', () => {
  const t = minSlope;
  const one = inuseOf(withInuse({ value: 9 * t, low: 8 * t, high: 10 * t }, { confidence: 0.99 }));
  assert.match(one.comparison!.detail, /^inuse_space gray \S+ .* vs baseline \S+.*; difference \S+.* \(99% CI \S+.* \.\. \S+.*, one process a side\) over 7 and 6 heap profiles$/);
  assert.match(one.reason!.message, /^retained heap grows faster in gray: inuse_space gray /);
  const three = inuseOf(withInuse({ value: 9 * t, low: 8 * t, high: 10 * t }, { replicas: 3, confidence: 0.95 }));
  assert.match(three.comparison!.detail, /\(95% CI .*, across 3 processes a side\)/);
});

test('site-growth: strictly above --min-slope and clear of zero; not when something else already blocked', () => {
  const t = minSlope;
  const site = (value: number, low: number) => ({ ...healthy, replicas: 3, siteDifference: { function: 'main.keep', value, low, high: 2 * value, method: 'replicas' as const } });
  assert.deepEqual(siteGrowthRule(healthy, limits, false), { comparison: null, reason: null });
  const clear = siteGrowthRule(site(2 * t, t), limits, false);
  assert.equal(clear.reason!.outcome, 'block');
  assert.equal(clear.reason!.limit, t);
  assert.equal(clear.comparison!.passed, false);
  assert.match(clear.comparison!.detail, /^retained at main\.keep: gray minus baseline .* \(99% CI .* \.\. .*, across 3 processes a side\)$/);
  assert.match(clear.reason!.message, /above the allowed .* \(\x01opt:min-slope\x01\); the whole heap and the cgroup are too noisy/);
  const at = siteGrowthRule(site(t, t / 2), limits, false);
  assert.equal(at.reason, null);
  assert.equal(at.comparison!.passed, true);
  assert.equal(siteGrowthRule(site(2 * t, 0), limits, false).comparison!.passed, true);
  const already = siteGrowthRule(site(2 * t, t), limits, true);
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

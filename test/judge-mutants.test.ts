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

// inuseGrowthRule and siteGrowthRule: heap evidence present, the cgroup slope set by hand.
const heapEvidence = {
  suspects: [],
  patterns: [],
  warnings: [],
  summary: { heap: { baseline: { snapshots: 6 }, gray: { snapshots: 7 } } },
} as never;
const minSlope = limits.minSlopeBytesPerSec;
function withInuse(
  diff: { value: number; low: number; high: number },
  over: Partial<Analysis> = {},
  baseGrowth: number[] = [0],
): Analysis {
  const inst = (value: number) => ({
    ...healthy.baseline.instances[0],
    inuseGrowth: { value, low: value, high: value } as never,
  });
  return {
    ...healthy,
    evidence: heapEvidence,
    inuseDifference: { ...diff, method: 'within-series' },
    baseline: { ...healthy.baseline, instances: baseGrowth.map(inst) },
    slopeDifference: null,
    ...over,
  };
}
const inuseOf = (a: Analysis, blocked = false, threshold = minSlope) =>
  inuseGrowthRule(a, limits, { blocked, threshold });

test('inuse-growth: needs heap evidence and a difference; strictly above the limit and clear of zero', () => {
  const t = minSlope;
  assert.deepEqual(inuseOf({ ...withInuse({ value: 9 * t, low: 8 * t, high: 10 * t }), evidence: null }), {
    comparison: null,
    reason: null,
  });
  assert.deepEqual(inuseOf({ ...withInuse({ value: 9 * t, low: 8 * t, high: 10 * t }), inuseDifference: null }), {
    comparison: null,
    reason: null,
  });
  const over = inuseOf(withInuse({ value: 9 * t, low: 8 * t, high: 10 * t }));
  assert.equal(over.comparison!.passed, false);
  assert.equal(over.comparison!.limit, t);
  assert.equal(over.comparison!.rule, 'inuse-growth');
  assert.equal(over.comparison!.unit, 'bytes/s');
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
  const c = withInuse(
    { value: 0, low: -1, high: 1 },
    {
      baseline: {
        ...healthy.baseline,
        instances: [
          { ...healthy.baseline.instances[0], inuseGrowth: null },
          { ...healthy.baseline.instances[0], inuseGrowth: { value: 2 * big } as never },
        ],
      },
    },
  );
  assert.equal(inuseOf(c).comparison!.limit, limits.maxSlopeIncrease * big);
  assert.equal(inuseOf(withInuse({ value: 0, low: -1, high: 1 }, {}, [])).comparison!.limit, minSlope);
});

test('inuse-growth: blocks when the cgroup slope is missing or cannot rule out the limit (high at it included); warns when it can', () => {
  const t = minSlope;
  const diff = { value: 9 * t, low: 8 * t, high: 10 * t };
  const noSlope = inuseOf(withInuse(diff));
  assert.equal(noSlope.reason!.outcome, 'block');
  assert.match(
    noSlope.reason!.message,
    /the cgroup memory floor has too few points for a slope, so this was decided on heap profiles/,
  );
  const slope = (high: number) => ({
    slopeDifference: { bytesPerSec: high / 2, low: -high, high, method: 'within-series' as const },
  });
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
  assert.match(
    one.comparison!.detail,
    /^inuse_space gray \S+ .* vs baseline \S+.*; difference \S+.* \(99% CI \S+.* \.\. \S+.*, one process a side\) over 7 and 6 heap profiles$/,
  );
  assert.match(one.reason!.message, /^retained heap grows faster in gray: inuse_space gray /);
  const three = inuseOf(withInuse({ value: 9 * t, low: 8 * t, high: 10 * t }, { replicas: 3, confidence: 0.95 }));
  assert.match(three.comparison!.detail, /\(95% CI .*, across 3 processes a side\)/);
});

test('site-growth: strictly above --min-slope and clear of zero; not when something else already blocked', () => {
  const t = minSlope;
  const site = (value: number, low: number) => ({
    ...healthy,
    replicas: 3,
    siteDifference: { function: 'main.keep', value, low, high: 2 * value, method: 'replicas' as const },
  });
  assert.deepEqual(siteGrowthRule(healthy, limits, false), { comparison: null, reason: null });
  const clear = siteGrowthRule(site(2 * t, t), limits, false);
  assert.equal(clear.reason!.outcome, 'block');
  assert.equal(clear.reason!.limit, t);
  assert.equal(clear.comparison!.unit, 'bytes/s');
  assert.equal(clear.comparison!.rule, 'site-growth');
  assert.equal(clear.comparison!.passed, false);
  assert.match(
    clear.comparison!.detail,
    /^retained at main\.keep: gray minus baseline .* \(99% CI .* \.\. .*, across 3 processes a side\)$/,
  );
  assert.match(
    clear.reason!.message,
    /above the allowed .* \(\x01opt:min-slope\x01\); the whole heap and the cgroup are too noisy/,
  );
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

// judge(): each rule on its edges, from the healthy analysis with fields overridden.
const T = minSlope; // the slope limit when baseline's slope is small
const slopeDiff = (bytesPerSec: number, low: number, high: number, hint?: boolean) => ({
  slopeDifference: {
    bytesPerSec,
    low,
    high,
    method: 'within-series' as const,
    ...(hint === undefined ? {} : { hint }),
  },
});
const ruleOf = (v: ReturnType<typeof judge>, rule: Reason['rule']) => v.reasons.find((r) => r.rule === rule);
const comparisonOf = (v: ReturnType<typeof judge>, rule: string) => v.comparisons.find((c) => c.rule === rule)!;

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

test('judge: P95 blocks strictly above both limits and clear of zero; a hint over the limits warns; missing figures are not passed', () => {
  const p95 = (increase: number, delta: number, low: number, extra: object = {}) => ({
    ...healthy,
    p95Increase: increase,
    baseline: { ...healthy.baseline, p95Bytes: 100 * MiB },
    gray: { ...healthy.gray, p95Bytes: 100 * MiB + delta },
    p95Difference: { value: delta, low, high: 2 * delta, method: 'within-series' as const, ...extra },
  });
  const over = judge(p95(0.5, 50 * MiB, MiB), limits);
  assert.equal(ruleOf(over, 'p95-increase')!.outcome, 'block');
  assert.match(
    ruleOf(over, 'p95-increase')!.message,
    /^P95 of memory rose \+50\.0% \(gray 150\.0 MiB vs baseline 100\.0 MiB; difference 50\.0 MiB \(99% CI 1\.0 MiB \.\. 100\.0 MiB, one process a side\)\), above the allowed \+12\.0% and more than 2\.0 MiB \(/,
  );
  assert.equal(comparisonOf(over, 'p95-increase').passed, false);
  assert.equal(over.grade, 'P2');
  // On each limit exactly: no finding.
  assert.equal(ruleOf(judge(p95(limits.maxP95Increase, 50 * MiB, MiB), limits), 'p95-increase'), undefined);
  assert.equal(ruleOf(judge(p95(0.5, limits.minP95DeltaBytes, MiB), limits), 'p95-increase'), undefined);
  assert.equal(ruleOf(judge(p95(0.5, 50 * MiB, 0), limits), 'p95-increase'), undefined);
  assert.equal(comparisonOf(judge(p95(0.5, 50 * MiB, 0), limits), 'p95-increase').passed, true);
  // Not clear but hinted: warn, saying how to decide (one process a side, then replicas).
  const hinted = judge(p95(0.5, 50 * MiB, -MiB, { hint: true }), limits);
  assert.equal(ruleOf(hinted, 'p95-increase')!.outcome, 'warn');
  assert.match(
    ruleOf(hinted, 'p95-increase')!.message,
    /^P95 of memory may be higher in gray \(\+50\.0%: gray 150\.0 MiB vs baseline 100\.0 MiB; difference .*\), but that is within what processes of one build differ by; run \S+ 3 or more to decide$/,
  );
  assert.equal(hinted.verdict, 'warn');
  const hintedReplicas = judge({ ...p95(0.5, 50 * MiB, -MiB, { hint: true }), replicas: 3 }, limits);
  assert.match(
    ruleOf(hintedReplicas, 'p95-increase')!.message,
    /across 3 processes a side\)\), but that .*; raise \S+ or lengthen \S+ to decide$/,
  );
  // Hinted but under a limit: nothing.
  assert.equal(ruleOf(judge(p95(0.05, 50 * MiB, -MiB, { hint: true }), limits), 'p95-increase'), undefined);
  // Missing P95s: not decided, and said so.
  const missing = judge(
    { ...healthy, p95Increase: null, gray: { ...healthy.gray, p95Bytes: null }, p95Difference: null },
    limits,
  );
  assert.equal(comparisonOf(missing, 'p95-increase').passed, null);
  assert.equal(comparisonOf(missing, 'p95-increase').detail, `gray n/a vs baseline 24.1 MiB`);
  const noBase = judge({ ...healthy, baseline: { ...healthy.baseline, p95Bytes: null } }, limits);
  assert.equal(comparisonOf(noBase, 'p95-increase').passed, null);
  assert.match(comparisonOf(noBase, 'p95-increase').detail, /^gray 24\.0 MiB vs baseline n\/a; difference/);
  assert.equal(comparisonOf(judge({ ...healthy, p95Increase: null }, limits), 'p95-increase').passed, null);
});

test('judge: the slope limit is the larger of --min-slope and --max-slope-increase x |baseline slope|', () => {
  const withBase = (bytesPerSec: number) => ({
    ...healthy,
    baseline: { ...healthy.baseline, slope: { ...healthy.baseline.slope!, bytesPerSec } },
  });
  assert.equal(comparisonOf(judge(withBase(-3 * T), limits), 'slope-increase').limit, 3 * T * limits.maxSlopeIncrease);
  assert.equal(comparisonOf(judge(withBase(3 * T), limits), 'slope-increase').limit, 3 * T * limits.maxSlopeIncrease);
  assert.equal(comparisonOf(judge(withBase(T / 3), limits), 'slope-increase').limit, T);
  assert.equal(
    comparisonOf(
      judge({ ...healthy, baseline: { ...healthy.baseline, slope: null }, slopeDifference: null }, limits),
      'slope-increase',
    ).limit,
    T,
  );
});

test('judge: the slope blocks strictly above its limit and clear of zero; a hint warns; unclear and unhinted is nothing', () => {
  const block3 = judge({ ...healthy, ...slopeDiff(3 * T, T, 5 * T) }, limits);
  const reason = ruleOf(block3, 'slope-increase')!;
  assert.equal(reason.outcome, 'block');
  assert.equal(reason.measured, 3 * T);
  assert.equal(reason.limit, T);
  assert.match(
    reason.message,
    /^memory floor grows faster in gray: gray \S+ \S+ vs baseline \S+ \S+; difference 1\.5 MiB\/min \(99% CI 512\.0 KiB\/min \.\. 2\.5 MiB\/min, one process a side\), above the allowed 512\.0 KiB\/min \(the larger of \S+ and \S+ \+100\.0% of baseline's slope\)$/,
  );
  assert.equal(comparisonOf(block3, 'slope-increase').passed, false);
  assert.equal(comparisonOf(block3, 'slope-increase').measured, 3 * T);
  assert.equal(block3.reasons.length, 1);
  // On the limit, or low end at zero: no block.
  assert.equal(ruleOf(judge({ ...healthy, ...slopeDiff(T, T / 2, 1.5 * T) }, limits), 'slope-increase'), undefined);
  assert.equal(ruleOf(judge({ ...healthy, ...slopeDiff(3 * T, 0, 5 * T) }, limits), 'slope-increase'), undefined);
  assert.equal(
    comparisonOf(judge({ ...healthy, ...slopeDiff(3 * T, 0, 5 * T) }, limits), 'slope-increase').passed,
    true,
  );
  const hinted = judge({ ...healthy, ...slopeDiff(3 * T, -T, 5 * T, true) }, limits);
  assert.equal(ruleOf(hinted, 'slope-increase')!.outcome, 'warn');
  assert.match(
    ruleOf(hinted, 'slope-increase')!.message,
    /^memory floor may grow faster in gray \(gray .*\), but the difference is not statistically clear; lengthen \S+ or raise \S+ to decide$/,
  );
  assert.equal(hinted.verdict, 'warn');
  assert.equal(hinted.grade, 'P3');
  // A hint under the limit is no finding.
  assert.equal(ruleOf(judge({ ...healthy, ...slopeDiff(T / 2, -T, T, true) }, limits), 'slope-increase'), undefined);
  // No slope: not decided.
  const none = judge({ ...healthy, slopeDifference: null }, limits);
  assert.equal(comparisonOf(none, 'slope-increase').passed, null);
  assert.equal(comparisonOf(none, 'slope-increase').measured, null);
  assert.equal(comparisonOf(none, 'slope-increase').detail, 'too few floor points to fit a slope');
});

test('judge: corroboration edges: heap high at the limit does not rule out; goroutine stacks at the limit explain; page cache at half the rise demotes', () => {
  const base = { ...healthy, ...slopeDiff(4 * T, 2 * T, 6 * T), evidence: heapEvidence };
  const heap = (high: number) => ({
    inuseDifference: { value: 0, low: -high, high, method: 'within-series' as const },
  });
  const cache = { split: { anonBytesPerSec: null, fileBytesPerSec: 2 * T } }; // exactly half the 4T rise
  const demoted = judge({ ...base, ...heap(T - 1), ...cache }, limits);
  assert.equal(ruleOf(demoted, 'slope-increase')!.outcome, 'warn');
  assert.match(
    ruleOf(demoted, 'slope-increase')!.message,
    /^memory floor grows faster in gray \(gray .*\), but heap profiles rule out retained heap growth above 512\.0 KiB\/min \(inuse_space difference 0 B\/min, up to \S+ \S+\), and page cache \(memory\.stat file, 1\.0 MiB\/min more in gray\) makes up most of the rise: reclaimable, not a leak$/,
  );
  assert.equal(comparisonOf(demoted, 'slope-increase').passed, true);
  assert.equal(demoted.verdict, 'warn');
  // Heap interval reaching the limit: it does not rule out retained growth, the block stands without a note.
  const heapAt = judge({ ...base, ...heap(T), ...cache }, limits);
  assert.equal(ruleOf(heapAt, 'slope-increase')!.outcome, 'block');
  assert.match(ruleOf(heapAt, 'slope-increase')!.message, /of baseline's slope\)$/);
  // Page cache just under half: anon outside the heap, named (anon unknown: no figure).
  const under = judge(
    { ...base, ...heap(T - 1), split: { anonBytesPerSec: null, fileBytesPerSec: 2 * T - 1 } },
    limits,
  );
  assert.equal(ruleOf(under, 'slope-increase')!.outcome, 'block');
  assert.match(
    ruleOf(under, 'slope-increase')!.message,
    /; heap profiles rule out retained heap growth above 512\.0 KiB\/min \(inuse_space difference 0 B\/min, up to \S+ \S+\): the rise is anon memory the Go heap does not retain: memory outside the Go heap \(cgo, mmap\) or heap headroom the runtime keeps$/,
  );
  const anon = judge({ ...base, ...heap(T - 1), split: { anonBytesPerSec: 4 * T, fileBytesPerSec: null } }, limits);
  assert.match(
    ruleOf(anon, 'slope-increase')!.message,
    /does not retain \(anon 2\.0 MiB\/min more in gray\): memory outside/,
  );
  // Goroutines whose stacks alone reach the limit: the block stands, named.
  const perGoroutine = 8 * 1024;
  const piled = judge({ ...base, ...heap(T - 1), ...cache, goroutineDifference: T / perGoroutine }, limits);
  assert.equal(ruleOf(piled, 'slope-increase')!.outcome, 'block');
  assert.match(
    ruleOf(piled, 'slope-increase')!.message,
    /; goroutines pile up in gray \(\+64\/min, their stacks 512\.0 KiB\/min at least\)$/,
  );
  const fewer = judge({ ...base, ...heap(T - 1), ...cache, goroutineDifference: T / perGoroutine - 0.01 }, limits);
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

test('judge: a slope known only to more than 4 limits is inconclusive, unless heap profiles can see instead (then a note)', () => {
  const wide = (half: number) => ({ ...healthy, ...slopeDiff(0, -half, half) });
  const noisy = judge(wide(4 * T + 1), limits);
  const reason = ruleOf(noisy, 'slope-noise')!;
  assert.equal(reason.outcome, 'inconclusive');
  assert.equal(reason.measured, 4 * T + 1);
  assert.equal(reason.limit, 4 * T);
  assert.match(
    reason.message,
    /^the cgroup memory floor is too noisy to judge growth: its slope difference is only known to ±\S+ \S+; lengthen \S+, raise \S+ or steady the load$/,
  );
  assert.equal(noisy.verdict, 'inconclusive');
  assert.equal(ruleOf(judge(wide(4 * T), limits), 'slope-noise'), undefined);
  // A block elsewhere decides already: no inconclusive on top.
  const blocked = judge({ ...wide(4 * T + 1), gray: { ...healthy.gray, oomKills: 1 } }, limits);
  assert.equal(ruleOf(blocked, 'slope-noise'), undefined);
  // A slope reason already said (a hinted warn): no noise reason on top.
  const said = judge({ ...healthy, ...slopeDiff(2 * T, -10 * T, 14 * T, true) }, limits);
  assert.deepEqual(
    said.reasons.map((r) => r.rule),
    ['slope-increase'],
  );
  // Heap profiles rule out growth at the limit: a note instead; at the limit exactly they do not.
  const heap = (high: number) => ({
    evidence: heapEvidence,
    inuseDifference: { value: high / 2, low: 0, high, method: 'within-series' as const },
  });
  const ruledOut = judge({ ...wide(5 * T), ...heap(T - 1) }, limits);
  assert.equal(ruleOf(ruledOut, 'slope-noise'), undefined);
  assert.equal(ruledOut.verdict, 'pass');
  assert.equal(ruledOut.notes.length, 1);
  assert.match(
    ruledOut.notes[0],
    /^the cgroup memory floor is too noisy to judge growth: its slope difference is only known to ±\S+ \S+, so the verdict rests on heap profiles, which rule out retained growth above 512\.0 KiB\/min \(inuse_space difference \S+ \S+, 99% CI up to \S+ \S+\); growth outside the Go heap would not show$/,
  );
  assert.equal(ruleOf(judge({ ...wide(5 * T), ...heap(T) }, limits), 'slope-noise')!.outcome, 'inconclusive');
  // With replicas the site rule watches every allocation site: a note too.
  const replicas = judge({ ...wide(5 * T), ...heap(2 * T), replicas: 3 }, limits);
  assert.equal(ruleOf(replicas, 'slope-noise'), undefined);
  assert.match(
    replicas.notes[0],
    /, so the verdict rests on heap profiles: no allocation site retains growth in every gray process above 512\.0 KiB\/min; growth outside the Go heap, or spread thinly over many sites, would not show \(lengthen \S+ to see it in the cgroup\)$/,
  );
  // Replicas without heap profiles: inconclusive.
  assert.equal(ruleOf(judge({ ...wide(5 * T), replicas: 3 }, limits), 'slope-noise')!.outcome, 'inconclusive');
  assert.deepEqual(judge(healthy, limits).notes, []);
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
      ...slopeDiff(3 * T, T, 5 * T),
      p95Increase: 0.5,
      gray: { ...healthy.gray, p95Bytes: 200 * MiB, samples: 3 },
      baseline: { ...healthy.baseline, oomKills: 1 },
      p95Difference: { value: 100 * MiB, low: 50 * MiB, high: 150 * MiB, method: 'within-series' },
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

test('judge: the site rule stays quiet when retained heap already blocked, and speaks when inuse only warned', () => {
  const site = {
    siteDifference: { function: 'main.keep', value: 9 * T, low: 8 * T, high: 10 * T, method: 'replicas' as const },
  };
  const inuseBlocks = judge({ ...withInuse({ value: 9 * T, low: 8 * T, high: 10 * T }), replicas: 3, ...site }, limits);
  assert.deepEqual(
    inuseBlocks.reasons.map((r) => r.rule),
    ['inuse-growth'],
  );
  assert.deepEqual(
    inuseBlocks.comparisons.map((c) => c.rule),
    ['gray-oom-kill', 'p95-increase', 'slope-increase', 'inuse-growth', 'site-growth'],
  );
  // The cgroup slope is clearly under its limit: inuse warns, and the site rule blocks.
  const inuseWarns = judge(
    { ...withInuse({ value: 9 * T, low: 8 * T, high: 10 * T }, slopeDiff(0, -T / 2, T / 2)), replicas: 3, ...site },
    limits,
  );
  assert.deepEqual(
    inuseWarns.reasons.map((r) => `${r.outcome}:${r.rule}`),
    ['block:site-growth', 'warn:inuse-growth'],
  );
  assert.equal(inuseWarns.grade, 'P1');
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
  const noGray = judge({ ...healthy, gray: { ...healthy.gray, p95Bytes: null } }, limits);
  assert.equal(comparisonOf(noGray, 'p95-increase').passed, null);
  // Over both limits with no interval at all: no block, no warning (and no crash).
  const noInterval = judge(
    { ...healthy, p95Increase: 0.5, gray: { ...healthy.gray, p95Bytes: 200 * MiB }, p95Difference: null },
    limits,
  );
  assert.equal(ruleOf(noInterval, 'p95-increase'), undefined);
  assert.equal(comparisonOf(noInterval, 'p95-increase').passed, true);
});

test('judge: a warning said before (not about the slope) does not silence the noise rule; the ± is the half-width', () => {
  const hintedP95 = {
    p95Increase: 0.5,
    gray: { ...healthy.gray, p95Bytes: 200 * MiB },
    p95Difference: { value: 100 * MiB, low: -MiB, high: 200 * MiB, method: 'within-series' as const, hint: true },
  };
  const v = judge({ ...healthy, ...hintedP95, ...slopeDiff(0, -5 * T, 5 * T) }, limits);
  assert.deepEqual(
    v.reasons.map((r) => `${r.outcome}:${r.rule}`),
    ['inconclusive:slope-noise', 'warn:p95-increase'],
  );
  assert.match(ruleOf(v, 'slope-noise')!.message, /only known to ±2\.5 MiB\/min;/);
});

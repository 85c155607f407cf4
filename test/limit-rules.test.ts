// The numeric thresholds of src/judge/limit-rules.ts pinned by literal values: heap sampling coarser
// than 512 KiB, page cache at half the rise, goroutine stacks of 8 KiB; and what a verdict states it
// rules out and could have caught (its sensitivity).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJudgeSettings } from '../src/config/plan.ts';
import { analyze, type Analysis } from '../src/analyze/analyze.ts';
import { judge } from '../src/judge/judge.ts';
import { COARSE_SAMPLING_BYTES, growthRules, sensitivityOf, slopeThreshold } from '../src/judge/limit-rules.ts';
import { formatRate } from '../src/model/units.ts';
import { FIXED_LEVELS, lookLevels } from '../src/judge/decision.ts';
import { makeBundle, MiB } from './helpers/bundles.ts';
import { diffSe, highAt, NUDGE, slopeSe } from './helpers/differences.ts';

const limits = parseJudgeSettings({ warmup: '5s' }).limits;
const healthy = analyze(makeBundle({}), 5000);
const T = limits.minSlopeBytesPerSec;

/** Heap evidence sampled every `period` bytes on gray (baseline at 64 KiB). */
const heapAt = (period: number) =>
  ({
    suspects: [],
    patterns: [],
    warnings: [],
    summary: {
      heap: { baseline: { snapshots: 7, periodBytes: 64 * 1024 }, gray: { snapshots: 7, periodBytes: period } },
    },
  }) as never;

test("COARSE_SAMPLING_BYTES is Go's default heap sampling, 512 KiB: at it the verdict says the profiles are too coarse, under it not", () => {
  assert.equal(COARSE_SAMPLING_BYTES, 512 * 1024);
  const coarse = judge({ ...healthy, evidence: heapAt(512 * 1024), inuseDifference: diffSe(0, T / 10) }, limits);
  assert.equal(coarse.sensitivity.heapSamplingBytes, 524288);
  assert.match(
    coarse.sensitivity.statement,
    /; heap profiles sampled every 512\.0 KiB, too coarse to see a slow leak within minutes \(set runtime\.MemProfileRate to 64 KiB in the service: Go before 1\.20 ignores GODEBUG=memprofilerate\)$/,
  );
  const fine = judge({ ...healthy, evidence: heapAt(512 * 1024 - 1), inuseDifference: diffSe(0, T / 10) }, limits);
  assert.equal(fine.sensitivity.heapSamplingBytes, 524287);
  assert.doesNotMatch(fine.sensitivity.statement, /too coarse/);
  // The coarser side's period is the one stated.
  const baselineCoarse = {
    ...(heapAt(64 * 1024) as object),
    summary: {
      heap: { baseline: { snapshots: 7, periodBytes: 1024 * 1024 }, gray: { snapshots: 7, periodBytes: 64 * 1024 } },
    },
  } as never;
  assert.equal(judge({ ...healthy, evidence: baselineCoarse }, limits).sensitivity.heapSamplingBytes, 1024 * 1024);
  // Without profiles: no period, nothing said about sampling.
  assert.equal(judge(healthy, limits).sensitivity.heapSamplingBytes, null);
  // An undecided growth rule advises finer sampling where the profiles are coarse, and only there.
  const wide = { ...healthy, slopeDifference: slopeSe(0, 5 * T) };
  const undecided = (period: number) =>
    judge({ ...wide, evidence: heapAt(period), inuseDifference: diffSe(0, 5 * T) }, limits).reasons.find(
      (r) => r.rule === 'slope-increase',
    )!.message;
  assert.match(
    undecided(512 * 1024),
    /, or finer heap sampling: the profiles sample every 512\.0 KiB; set runtime\.MemProfileRate to 64 KiB in the service \(Go before 1\.20 ignores GODEBUG=memprofilerate\)$/,
  );
  assert.doesNotMatch(undecided(512 * 1024 - 1), /finer heap sampling/);
});

test('page cache makes up a rise at half of it (FILE_SHARE 0.5), whatever the rise: a share, not an amount', () => {
  // Baseline's slope surely 3T (the low end of its interval): the slope limit is 3T; gray's rise 12T,
  // clear of it; retained heap ruled out.
  const base3 = {
    ...healthy,
    baseline: { ...healthy.baseline, slope: { ...healthy.baseline.slope!, bytesPerSec: 4 * T, low: 3 * T } },
  };
  assert.equal(slopeThreshold(base3, limits), 3 * T);
  const heapSe = T / 4;
  const rise: Analysis = {
    ...base3,
    slopeDifference: slopeSe(12 * T, T),
    evidence: heapAt(64 * 1024),
    inuseDifference: diffSe(highAt(T, heapSe, -NUDGE), heapSe),
  };
  const withFile = (file: number) =>
    judge({ ...rise, split: { anonBytesPerSec: null, fileBytesPerSec: file } }, limits).reasons.find(
      (r) => r.rule === 'slope-increase',
    )!;
  assert.equal(withFile(6 * T).outcome, 'warn');
  assert.match(withFile(6 * T).message, /page cache \(memory\.stat file, 3\.0 MiB\/min more in gray\) makes up most/);
  assert.equal(withFile(6 * T * (1 - 1e-9)).outcome, 'block');
  assert.equal(withFile(12 * T).outcome, 'warn');
  assert.equal(withFile(3 * T).outcome, 'block');
});

test('goroutine stacks explain a rise at 8 KiB each (GOROUTINE_STACK_BYTES), against the slope limit, not --min-slope', () => {
  // The slope limit 2T (the low end of baseline's slope 2T): 2T / 8 KiB goroutines a second is 128 a minute.
  const base2 = {
    ...healthy,
    baseline: { ...healthy.baseline, slope: { ...healthy.baseline.slope!, bytesPerSec: 3 * T, low: 2 * T } },
  };
  assert.equal(slopeThreshold(base2, limits), 2 * T);
  // A falling baseline does not raise it: the limit is --min-slope, and T / 8 KiB goroutines a second explain a rise.
  const falling = {
    ...base2,
    baseline: { ...base2.baseline, slope: { ...base2.baseline.slope, bytesPerSec: -2 * T, low: -3 * T } },
  };
  assert.equal(slopeThreshold(falling, limits), T);
  const heapSe = T / 4;
  const rise: Analysis = {
    ...base2,
    slopeDifference: slopeSe(12 * T, T),
    evidence: heapAt(64 * 1024),
    inuseDifference: diffSe(highAt(T, heapSe, -NUDGE), heapSe),
    split: { anonBytesPerSec: null, fileBytesPerSec: 12 * T },
  };
  const withGoroutines = (perSec: number) =>
    judge({ ...rise, goroutineDifference: perSec }, limits).reasons.find((r) => r.rule === 'slope-increase')!;
  const piled = withGoroutines((2 * T) / 8192);
  assert.equal(piled.outcome, 'block');
  assert.match(piled.message, /; goroutines pile up in gray \(\+128\/min, their stacks 1\.0 MiB\/min at least\)$/);
  assert.equal(withGoroutines(((2 * T) / 8192) * (1 - 1e-9)).outcome, 'warn');
  // Enough to reach --min-slope (T) but not the slope limit: page cache still explains it.
  assert.equal(withGoroutines(T / 8192).outcome, 'warn');
  // Under a falling baseline the limit is --min-slope: T / 8 KiB a second (64 a minute) is enough, just under it not.
  const fallingWith = (perSec: number) =>
    judge({ ...rise, baseline: falling.baseline, goroutineDifference: perSec }, limits).reasons.find(
      (r) => r.rule === 'slope-increase',
    )!;
  assert.equal(fallingWith(T / 8192).outcome, 'block');
  assert.match(
    fallingWith(T / 8192).message,
    /; goroutines pile up in gray \(\+64\/min, their stacks 512\.0 KiB\/min at least\)$/,
  );
  assert.equal(fallingWith((T / 8192) * (1 - 1e-9)).outcome, 'warn');
});

test('sensitivity: what a pass rules out and the smallest differences the run would have caught, at the levels it spent', () => {
  const v = judge(healthy, limits);
  assert.equal(v.verdict, 'pass');
  assert.equal(
    v.sensitivity.statement,
    'rules out a floor slope rise above 405.6 KiB/min, a P95 rise above +0.3% (75.3 KiB); would have caught a floor slope rise of 1.5 MiB/min, a P95 rise of +13.2% (3.2 MiB) (80% of the time)',
  );
  assert.deepEqual(v.sensitivity.levels, FIXED_LEVELS);
  const slope = v.comparisons.find((c) => c.rule === 'slope-increase')!;
  assert.equal(v.sensitivity.slopeBytesPerSec, slope.detectable);
  const p95 = v.comparisons.find((c) => c.rule === 'p95-increase')!;
  assert.equal(v.sensitivity.p95Bytes, p95.detectable);
  assert.equal(v.sensitivity.p95Ratio, p95.detectable! / healthy.baseline.p95Bytes!);
  assert.equal(v.sensitivity.inuseBytesPerSec, null);
  // An early look spends less: it rules out less and would catch only larger differences.
  const early = judge(healthy, limits, lookLevels(0.5, 0));
  assert.deepEqual(early.sensitivity.levels, { block: 0.0025, pass: 0.0125 });
  assert.ok(early.sensitivity.slopeBytesPerSec! > v.sensitivity.slopeBytesPerSec!);
  // Nothing decided: nothing ruled out; no figures at all: nothing could have been caught.
  const noisy = judge({ ...healthy, slopeDifference: slopeSe(0, 5 * T), p95Difference: diffSe(0, 50 * MiB) }, limits);
  assert.match(noisy.sensitivity.statement, /^rules out nothing; would have caught /);
  const blind = sensitivityOf([], healthy, FIXED_LEVELS);
  assert.equal(blind.statement, 'rules out nothing; could not have caught a leak: too few readings');
  assert.deepEqual(
    [blind.slopeBytesPerSec, blind.p95Bytes, blind.p95Ratio, blind.inuseBytesPerSec],
    [null, null, null, null],
  );
  // With heap profiles that rule growth out, the statement says so too.
  const heap = judge({ ...healthy, evidence: heapAt(64 * 1024), inuseDifference: diffSe(0, T / 10) }, limits);
  assert.match(heap.sensitivity.statement, /, retained heap growth above \S+ \S+, a P95 rise above /);
  assert.match(heap.sensitivity.statement, /, retained heap growth of \S+ \S+, a P95 rise of /);
});

// Mutation-testing pins (src/judge/limit-rules.ts): the advice an undecided rule gives, and the branches of the
// growth rules after a rise was put down to page cache.
const growthReasons = (a: Analysis) => growthRules({ analysis: a, levels: FIXED_LEVELS }, limits);
const wide = { ...healthy, slopeDifference: slopeSe(0, 5 * T) };

test('advice: how much window would decide it, only from a window observed and a finite error; else a longer budget', () => {
  const slopeMessage = (a: Analysis, levels = FIXED_LEVELS) =>
    judge(a, limits, levels).reasons.find((r) => r.rule === 'slope-increase')!.message;
  assert.match(
    slopeMessage(wide),
    /what would decide it: about 5\.5min of window \(\S+opt:max-duration\S+\) if the difference stays at 0 B\/min, or more processes a side/,
  );
  // No window observed (start and end at one reading): a longer budget, not "about 0s".
  assert.match(
    slopeMessage({ ...wide, windowMs: { start: 5000, end: 5000 } }),
    /what would decide it: a longer \S+opt:max-duration\S+, or more processes a side/,
  );
  // A look that spends nothing has infinite bounds: a longer budget, not "about Infinity"; the bounds
  // are said as unbounded, not as "Infinity GiB".
  const nothing = slopeMessage(wide, { block: 0, pass: 0 });
  assert.match(nothing, /what would decide it: a longer \S+opt:max-duration\S+, or more processes a side/);
  assert.match(nothing, /between unbounded below and unbounded above/);
  assert.doesNotMatch(nothing, /Infinity/);
});

test('advice: finer heap sampling is advised for the heap rules only, and for the floor slope only where retained heap was compared', () => {
  const coarse = heapAt(512 * 1024);
  // The P95 undecided with coarse heap profiles: nothing about heap sampling (P95 is not a heap figure).
  const p95 = judge({ ...healthy, evidence: coarse, p95Difference: diffSe(0, 50 * MiB) }, limits).reasons.find(
    (r) => r.rule === 'p95-increase',
  )!;
  assert.equal(p95.outcome, 'inconclusive');
  assert.doesNotMatch(p95.message, /finer heap sampling/);
  // The floor slope undecided, coarse profiles but no retained-heap difference to compare: nothing either.
  const slope = judge({ ...wide, evidence: coarse, inuseDifference: null }, limits).reasons.find(
    (r) => r.rule === 'slope-increase',
  )!;
  assert.equal(slope.outcome, 'inconclusive');
  assert.doesNotMatch(slope.message, /finer heap sampling/);
  // Retained heap undecided with no floor slope, and with a floor slope that passes: a rate to wait for, and
  // finer sampling advised.
  const heapOnly = judge(
    { ...healthy, slopeDifference: null, evidence: coarse, inuseDifference: diffSe(T / 2, 3 * T) },
    limits,
  );
  const alone = heapOnly.reasons.find((r) => r.rule === 'inuse-growth')!;
  assert.equal(alone.outcome, 'inconclusive');
  assert.match(
    alone.message,
    /if the difference stays at 256\.0 KiB\/min, or more processes a side \(\S+\), or finer heap sampling: the profiles sample every 512\.0 KiB;/,
  );
  // With a passing floor slope the heap is asked only when it leans over its limit (1.5 limits here).
  const passing = judge({ ...healthy, evidence: coarse, inuseDifference: diffSe(1.5 * T, 3 * T) }, limits);
  assert.equal(passing.comparisons.find((c) => c.rule === 'slope-increase')!.decision, 'pass');
  const after = passing.reasons.find((r) => r.rule === 'inuse-growth')!;
  assert.equal(after.outcome, 'inconclusive');
  assert.match(
    after.message,
    /if the difference stays at 768\.0 KiB\/min, or more processes a side \(\S+\), or finer heap sampling: the profiles sample every 512\.0 KiB;/,
  );
});

test('P95 without a difference to decide: its comparison is still in the ratio the limit is set in', () => {
  const none = judge({ ...healthy, p95Difference: null }, limits).comparisons.find((c) => c.rule === 'p95-increase')!;
  assert.equal(none.unit, 'ratio');
  assert.equal(none.decision, null);
  assert.equal(none.limit, 0.12);
});

test("retained heap's detail: each side's growth is the mean over its processes", () => {
  const inst = healthy.gray.instances[0];
  const withGrowth = (values: number[]) =>
    values.map((value) => ({ ...inst, inuseGrowth: { value, stdError: 1, df: 4 } }));
  const a: Analysis = {
    ...healthy,
    replicas: 2,
    evidence: heapAt(64 * 1024),
    inuseDifference: diffSe(2 * T, T / 10, 'replicas', 4),
    gray: { ...healthy.gray, instances: withGrowth([2 * T, 4 * T]) },
    baseline: { ...healthy.baseline, instances: withGrowth([T / 2, T / 2]) },
  };
  const detail = judge(a, limits).comparisons.find((c) => c.rule === 'inuse-growth')!.detail;
  assert.match(detail, /^inuse_space gray 1\.5 MiB\/min vs baseline 256\.0 KiB\/min; difference /);
  // A process without heap profiles counts as no growth in the mean.
  const missing = {
    ...a,
    baseline: { ...a.baseline, instances: [a.baseline.instances[0], { ...inst, inuseGrowth: null }] },
  };
  assert.match(
    judge(missing, limits).comparisons.find((c) => c.rule === 'inuse-growth')!.detail,
    /vs baseline 128\.0 KiB\/min;/,
  );
});

test('a rise put down to page cache is a warning that blocks nothing and decides the floor slope: a site still blocks or stays undecided on its own', () => {
  // The page-cache rise of the FILE_SHARE test: a warning, the floor slope counted as passed.
  const base3 = {
    ...healthy,
    baseline: { ...healthy.baseline, slope: { ...healthy.baseline.slope!, bytesPerSec: 4 * T, low: 3 * T } },
  };
  const heapSe = T / 4;
  const rise: Analysis = {
    ...base3,
    slopeDifference: slopeSe(12 * T, T),
    evidence: heapAt(64 * 1024),
    inuseDifference: diffSe(highAt(T, heapSe, -NUDGE), heapSe),
    split: { anonBytesPerSec: null, fileBytesPerSec: 12 * T },
  };
  const cached = growthReasons(rise);
  assert.deepEqual(
    cached.reasons.map((r) => `${r.outcome}:${r.rule}`),
    ['warn:slope-increase'],
  );
  assert.deepEqual(cached.notes, []);
  assert.equal(cached.comparisons.find((c) => c.rule === 'slope-increase')!.passed, true);
  // A site clearly over --min-slope still blocks after the warning.
  const site = (value: number, se: number) => ({
    siteDifference: { ...diffSe(value, se, 'replicas', 4), function: 'main.keep', candidates: 1 },
  });
  assert.deepEqual(
    growthReasons({ ...rise, ...site(9 * T, T) }).reasons.map((r) => `${r.outcome}:${r.rule}`),
    ['warn:slope-increase', 'block:site-growth'],
  );
  // A site that cannot tell yet is said so after the warning, with no note about a noisy floor.
  const undecided = growthReasons({ ...rise, ...site(T, 2 * T) });
  assert.deepEqual(
    undecided.reasons.map((r) => `${r.outcome}:${r.rule}`),
    ['warn:slope-increase', 'inconclusive:site-growth'],
  );
  assert.deepEqual(undecided.notes, []);
});

test('sensitivity: what a heap pass rules out is its upper bound, stated as a rate', () => {
  const v = judge({ ...healthy, evidence: heapAt(64 * 1024), inuseDifference: diffSe(T / 10, T / 10) }, limits);
  const inuse = v.comparisons.find((c) => c.rule === 'inuse-growth')!;
  assert.equal(inuse.decision, 'pass');
  assert.ok(inuse.high! > 0);
  assert.ok(v.sensitivity.statement.includes(`, retained heap growth above ${formatRate(inuse.high!)}, `));
  assert.ok(!v.sensitivity.statement.includes('retained heap growth above 0 B/min'));
});

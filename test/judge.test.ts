import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJudgeSettings } from '../src/config/plan.ts';
import { judgeBundle } from '../src/gate/judge-bundle.ts';
import { exitCodeOf } from '../src/report/report-json.ts';
import { analyze } from '../src/analyze/analyze.ts';
import { judge } from '../src/judge/judge.ts';
import { makeBundle, MiB } from './helpers/bundles.ts';
import { diffSe, lowAt, NUDGE, slopeSe } from './helpers/differences.ts';

const settings = parseJudgeSettings({ warmup: '5s' });

test('healthy against healthy passes with no grade, once the window can rule out a leak at the limit', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const report = judgeBundle(makeBundle({ seed, durationMs: 120_000 }), settings);
    assert.equal(report.verdict, 'pass', JSON.stringify(report.reasons));
    assert.equal(report.grade, null);
    assert.equal(report.exitCode, 0);
  }
  // A minute of one noisy process a side cannot rule out 512 KiB/min: the verdict says so, not pass.
  const minute = judgeBundle(makeBundle({ seed: 1 }), settings);
  assert.equal(minute.verdict, 'inconclusive');
  assert.deepEqual(
    minute.reasons.map((r) => `${r.outcome}:${r.rule}`),
    ['inconclusive:slope-increase'],
  );
  assert.match(minute.reasons[0].message, /cannot tell yet whether it is within the allowed 512\.0 KiB\/min/);
  assert.equal(minute.exitCode, 3);
});

test('a steady 2 MiB/min leak in gray blocks on the slope, graded by its growth', () => {
  const report = judgeBundle(makeBundle({ gray: { slope: (2 * MiB) / 60 } }), settings);
  assert.equal(report.verdict, 'fail');
  assert.equal(report.exitCode, 1);
  assert.equal(report.reasons[0].rule, 'slope-increase');
  assert.match(report.reasons[0].message, /floor grows faster in gray/);
  assert.ok(report.gray.slopeBytesPerSec! > report.baseline.slopeBytesPerSec!);
  // 120 MiB an hour on a ~25 MiB service is far beyond the seed's 80%/h: P0.
  assert.equal(report.grade, 'P0');
});

test('a slow leak relative to the service size is P1', () => {
  const report = judgeBundle(
    makeBundle({ baseline: { base: 2000 * MiB }, gray: { base: 2000 * MiB, slope: (4 * MiB) / 60 } }),
    settings,
  );
  assert.equal(report.verdict, 'fail');
  assert.equal(report.grade, 'P1');
});

test('a higher plateau blocks on P95 with grade P2 and no slope reason', () => {
  const report = judgeBundle(makeBundle({ gray: { base: 44 * MiB } }), settings);
  assert.equal(report.verdict, 'fail');
  assert.deepEqual(
    report.reasons.map((r) => r.rule),
    ['p95-increase'],
  );
  assert.equal(report.grade, 'P2');
  assert.ok(report.p95Increase! > 0.5);
});

test('slope differences under the absolute floor never block, and no ratio is made of a zero baseline', () => {
  const report = judgeBundle(
    makeBundle({ gray: { slope: (0.3 * MiB) / 60, noise: 0 }, baseline: { noise: 0 } }),
    settings,
  );
  assert.notEqual(report.verdict, 'fail');
  assert.equal(report.slopeIncrease, null);
  const slope = report.comparisons.find((c) => c.rule === 'slope-increase')!;
  assert.equal(slope.limit, settings.limits.minSlopeBytesPerSec);
});

test('an OOM kill of gray blocks as P0 and comes first', () => {
  const report = judgeBundle(
    makeBundle({
      memoryMaxBytes: 64 * MiB,
      stopAtMs: 20_000,
      final: {
        gray: {
          oomKills: 1,
          exit: { atMs: 15_000, code: null, signal: 'SIGKILL', beforeReady: false, lastOutput: [] },
        },
      },
    }),
    settings,
  );
  assert.equal(report.verdict, 'fail');
  assert.equal(report.grade, 'P0');
  assert.equal(report.reasons[0].rule, 'gray-oom-kill');
  assert.match(report.reasons[0].message, /64\.0 MiB/);
});

test('a gray build that dies is a finding that says how it died', () => {
  const report = judgeBundle(
    makeBundle({
      stopAtMs: 3000,
      final: { gray: { exit: { atMs: 2500, code: 3, signal: null, beforeReady: false, lastOutput: ['panic: boom'] } } },
    }),
    settings,
  );
  assert.equal(report.verdict, 'fail');
  assert.equal(report.grade, 'P0');
  assert.match(report.reasons[0].message, /gray exited with status 3 .*panic: boom/);
  assert.ok(!report.reasons.some((r) => r.rule === 'enough-samples'), 'a death is not "too few samples"');
});

test('a baseline that dies makes the run inconclusive; on-inconclusive pass lets it through', () => {
  const bundle = makeBundle({
    stopAtMs: 3000,
    final: { baseline: { exit: { atMs: 2500, code: 1, signal: null, beforeReady: false, lastOutput: [] } } },
  });
  const report = judgeBundle(bundle, settings);
  assert.equal(report.verdict, 'inconclusive');
  assert.equal(report.exitCode, 3);
  assert.equal(judgeBundle(bundle, { ...settings, onInconclusive: 'pass' }).exitCode, 0);
});

test('too few readings after warm-up is inconclusive with the reason', () => {
  const report = judgeBundle(makeBundle({ durationMs: 1000 }), settings);
  assert.equal(report.verdict, 'inconclusive');
  assert.match(report.reasons[0].message, /too few readings/);
});

test('a slope over the limit but not clear of it is inconclusive, never a warning or a block; clear of the limit it blocks', () => {
  const analysis = analyze(makeBundle({}), 5000);
  const threshold = settings.limits.minSlopeBytesPerSec;
  const se = threshold;
  // Three limits up, its lower bound (2.53 errors down) clear of zero but not of the limit.
  const unclear = judge({ ...analysis, slopeDifference: slopeSe(3 * threshold, se) }, settings.limits);
  const reason = unclear.reasons.find((r) => r.rule === 'slope-increase')!;
  assert.equal(reason.outcome, 'inconclusive');
  assert.match(reason.message, /cannot tell yet whether it is within the allowed/);
  assert.equal(unclear.verdict, 'inconclusive');
  assert.equal(unclear.grade, null);
  assert.equal(unclear.comparisons.find((c) => c.rule === 'slope-increase')!.passed, null);
  // The same error with the lower bound just clear of the limit blocks; just short of it does not.
  const clear = judge({ ...analysis, slopeDifference: slopeSe(lowAt(threshold, se, NUDGE), se) }, settings.limits);
  assert.equal(clear.reasons.find((r) => r.rule === 'slope-increase')!.outcome, 'block');
  assert.equal(clear.verdict, 'fail');
  const short = judge({ ...analysis, slopeDifference: slopeSe(lowAt(threshold, se, -NUDGE), se) }, settings.limits);
  assert.equal(short.reasons.find((r) => r.rule === 'slope-increase')!.outcome, 'inconclusive');
});

test('exit codes follow the contract', () => {
  assert.equal(exitCodeOf('pass', 'fail'), 0);
  assert.equal(exitCodeOf('warn', 'fail'), 0);
  assert.equal(exitCodeOf('fail', 'pass'), 1);
  assert.equal(exitCodeOf('inconclusive', 'fail'), 3);
  assert.equal(exitCodeOf('inconclusive', 'pass'), 0);
});

test('the projection says when gray reaches its limit', () => {
  const report = judgeBundle(makeBundle({ memoryMaxBytes: 256 * MiB, gray: { slope: (10 * MiB) / 60 } }), settings);
  const seconds = report.projection!.secondsToLimit!;
  // From a floor near 30 MiB, 226 MiB at 10 MiB/min is about 22 minutes.
  assert.ok(seconds > 18 * 60 && seconds < 26 * 60, String(seconds));
});

test('a P95 rise over the ratio but under --min-p95-delta does not block a small service', () => {
  // Two runs of one healthy 12 MiB build can settle 1.5 MiB (12.5%) apart.
  const small = makeBundle({
    baseline: { base: 10 * MiB, sawtooth: MiB, noise: 0 },
    gray: { base: 11.6 * MiB, sawtooth: MiB, noise: 0 },
  });
  const report = judgeBundle(small, settings);
  assert.ok(report.p95Increase! > 0.12, String(report.p95Increase));
  assert.ok(!report.reasons.some((r) => r.rule === 'p95-increase'), JSON.stringify(report.reasons));
  const strict = judgeBundle(small, parseJudgeSettings({ warmup: '5s', 'min-p95-delta': '1MiB' }));
  assert.equal(strict.reasons[0].rule, 'p95-increase');
  assert.match(
    strict.reasons[0].message,
    /clearly above the allowed 1\.4 MiB \(the larger of --max-p95-increase \+12\.0% of baseline's P95 and --min-p95-delta 1\.0 MiB\)$/,
  );
});

test('noisy cgroup memory is inconclusive, unless heap profiles rule a leak out instead', () => {
  const base = analyze(makeBundle({}), 5000);
  const threshold = settings.limits.minSlopeBytesPerSec;
  // Known only to +-5 limits (an error of 2 limits): neither over nor under its limit.
  const analysis = { ...base, slopeDifference: slopeSe(0, 2 * threshold, 'replicas') };
  const verdict = judge(analysis, settings.limits);
  assert.equal(verdict.verdict, 'inconclusive', JSON.stringify(verdict.reasons));
  assert.equal(verdict.reasons[0].rule, 'slope-increase');
  assert.equal(verdict.reasons[0].outcome, 'inconclusive');
  // An error small enough to rule out the limit: judged, and passed.
  const judged = judge({ ...analysis, slopeDifference: slopeSe(0, threshold / 2, 'replicas') }, settings.limits);
  assert.equal(judged.verdict, 'pass', JSON.stringify(judged.reasons));
  const heapEvidence = {
    suspects: [],
    patterns: [],
    warnings: [],
    summary: { heap: { baseline: { snapshots: 7 }, gray: { snapshots: 7 } } },
  } as never;
  // Heap profiles rule out retained growth above the limit: the verdict rests on them, and says so.
  const withHeap = judge({ ...analysis, evidence: heapEvidence, inuseDifference: diffSe(100, 1000) }, settings.limits);
  assert.equal(withHeap.verdict, 'pass', JSON.stringify(withHeap.reasons));
  assert.match(withHeap.notes.join(' '), /too noisy to rule out growth .*so growth was ruled out on heap profiles/);
  // A heap that cannot rule the limit out either, replicas or not: inconclusive, and the reason says both.
  for (const replicas of [1, 3]) {
    const stillUnsure = judge(
      { ...analysis, replicas, evidence: heapEvidence, inuseDifference: diffSe(40_000, 25_000, 'replicas') },
      settings.limits,
    );
    assert.equal(stillUnsure.verdict, 'inconclusive');
    assert.match(stillUnsure.reasons[0].message, /retained heap \(inuse_space\) difference .* cannot tell either/);
  }
});

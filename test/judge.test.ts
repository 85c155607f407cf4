import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJudgeSettings } from '../src/config/plan.ts';
import { judgeBundle } from '../src/gate/judge-bundle.ts';
import { exitCodeOf } from '../src/report/report-json.ts';
import { analyze } from '../src/analyze/analyze.ts';
import { judge } from '../src/judge/judge.ts';
import { makeBundle, MiB } from './helpers/bundles.ts';

const settings = parseJudgeSettings({ warmup: '5s' });

test('healthy against healthy passes with no grade', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const report = judgeBundle(makeBundle({ seed }), settings);
    assert.equal(report.verdict, 'pass', JSON.stringify(report.reasons));
    assert.equal(report.grade, null);
    assert.equal(report.exitCode, 0);
  }
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

test('a slope over the limit but inside the noise warns instead of blocking, when 95% supports it', () => {
  const analysis = analyze(makeBundle({}), 5000);
  const threshold = settings.limits.minSlopeBytesPerSec;
  const over = { bytesPerSec: 3 * threshold, method: 'within-series' as const };
  const unclear = judge(
    { ...analysis, slopeDifference: { ...over, low: -threshold / 10, high: 6 * threshold, hint: true } },
    settings.limits,
  );
  const reason = unclear.reasons.find((r) => r.rule === 'slope-increase')!;
  assert.equal(reason.outcome, 'warn');
  assert.match(reason.message, /not statistically clear/);
  assert.equal(unclear.verdict, 'warn');
  assert.equal(unclear.grade, 'P3');
  // Not even a hint at 95%: a point estimate over the limit is noise, not a finding.
  const noise = judge(
    { ...analysis, slopeDifference: { ...over, low: -threshold / 10, high: 6 * threshold, hint: false } },
    settings.limits,
  );
  assert.ok(!noise.reasons.some((r) => r.rule === 'slope-increase'), JSON.stringify(noise.reasons));
  assert.equal(noise.comparisons.find((c) => c.rule === 'slope-increase')!.passed, true);
  // The same difference with its interval just above zero blocks.
  const clear = judge(
    { ...analysis, slopeDifference: { ...over, low: threshold / 10, high: 6 * threshold } },
    settings.limits,
  );
  assert.equal(clear.reasons.find((r) => r.rule === 'slope-increase')!.outcome, 'block');
  // And at zero exactly it is not clear.
  const zero = judge(
    { ...analysis, slopeDifference: { ...over, low: 0, high: 6 * threshold, hint: true } },
    settings.limits,
  );
  assert.equal(zero.reasons.find((r) => r.rule === 'slope-increase')!.outcome, 'warn');
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
  assert.match(strict.reasons[0].message, /more than 1\.0 MiB \(--min-p95-delta\)/);
});

test('noisy cgroup memory is inconclusive, unless heap profiles can see a leak instead', () => {
  const base = analyze(makeBundle({}), 5000);
  const threshold = settings.limits.minSlopeBytesPerSec;
  // Known only to +-5 thresholds: wider than the 4 the judge accepts.
  const analysis = {
    ...base,
    slopeDifference: { bytesPerSec: 0, low: -5 * threshold, high: 5 * threshold, method: 'replicas' as const },
  };
  const verdict = judge(analysis, settings.limits);
  assert.equal(verdict.verdict, 'inconclusive', JSON.stringify(verdict.reasons));
  assert.equal(verdict.reasons[0].rule, 'slope-noise');
  // Just inside 4 thresholds: judged, not noise.
  const judged = judge(
    { ...analysis, slopeDifference: { ...analysis.slopeDifference, low: -3.9 * threshold, high: 3.9 * threshold } },
    settings.limits,
  );
  assert.ok(!judged.reasons.some((r) => r.rule === 'slope-noise'), JSON.stringify(judged.reasons));
  const heapEvidence = {
    suspects: [],
    patterns: [],
    warnings: [],
    summary: { heap: { baseline: { snapshots: 7 }, gray: { snapshots: 7 } } },
  } as never;
  // Heap profiles rule out retained growth above the limit: the verdict rests on them, and says so.
  const withHeap = judge(
    {
      ...analysis,
      evidence: heapEvidence,
      inuseDifference: { value: 100, low: -2000, high: 2000, method: 'within-series' },
    },
    settings.limits,
  );
  assert.equal(withHeap.verdict, 'pass', JSON.stringify(withHeap.reasons));
  assert.match(withHeap.notes.join(' '), /too noisy .*rests on heap profiles, which rule out retained growth/);
  // With replicas, the site rule sees one growing allocation site even when the whole heap is noisy.
  const replicas = judge(
    {
      ...analysis,
      replicas: 3,
      evidence: heapEvidence,
      inuseDifference: { value: 40_000, low: -30_000, high: 90_000, method: 'replicas' },
    },
    settings.limits,
  );
  assert.equal(replicas.verdict, 'pass', JSON.stringify(replicas.reasons));
  assert.match(replicas.notes.join(' '), /no allocation site retains growth in every gray process/);
  // One process a side and a heap that cannot rule anything out: inconclusive.
  const stillUnsure = judge(
    {
      ...analysis,
      evidence: heapEvidence,
      inuseDifference: { value: 40_000, low: -30_000, high: 90_000, method: 'within-series' },
    },
    settings.limits,
  );
  assert.equal(stillUnsure.verdict, 'inconclusive');
});

// Verdict trust: replicas, intervals that decide, grades from what the interval supports, corroboration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJudgeSettings } from '../src/config/plan.ts';
import { judgeBundle } from '../src/gate/judge-bundle.ts';
import { analyze, DECISION_CONFIDENCE } from '../src/analyze/analyze.ts';
import { judge } from '../src/judge/judge.ts';
import { renderOptionRefs } from '../src/model/option-ref.ts';
import { makeBundle, MiB } from './helpers/bundles.ts';
import { readBundle } from '../src/collect/bundle-io.ts';
import { intervalOf, pooledDifference } from '../src/analyze/intervals.ts';
import { ROOT } from './helpers/fixtures.ts';
import { diffOf, diffSe, highAt, lowAt, NUDGE, slopeOf } from './helpers/differences.ts';

const settings = parseJudgeSettings({ warmup: '5s' });
const perMin = (mib: number) => (mib * MiB) / 60;

test('replicas: per-instance figures, side figures are their means, the interval is made across instances', () => {
  const bundle = makeBundle({
    replicas: 3,
    instances: { gray: [{ slope: perMin(1) }, { slope: perMin(2) }, { slope: perMin(3) }] },
  });
  const a = analyze(bundle, 5000);
  assert.equal(a.replicas, 3);
  assert.equal(a.confidence, DECISION_CONFIDENCE);
  assert.equal(a.gray.instances.length, 3);
  const slopes = a.gray.instances.map((i) => i.slope!.value);
  assert.ok(slopes[0] < slopes[1] && slopes[1] < slopes[2], String(slopes));
  assert.ok(Math.abs(a.gray.slope!.bytesPerSec - slopes.reduce((x, y) => x + y) / 3) < 1e-6);
  assert.equal(a.slopeDifference!.method, 'replicas');
  assert.equal(a.p95Difference!.method, 'replicas');
  const p95s = a.gray.instances.map((i) => i.p95Bytes!);
  assert.ok(Math.abs(a.gray.p95Bytes! - p95s.reduce((x, y) => x + y) / 3) < 1);
  // One process a side: the interval comes from within the series.
  assert.equal(analyze(makeBundle({}), 5000).slopeDifference!.method, 'within-series');
});

test('one gray process that drifts is what processes of one build do: no block; every gray process leaking blocks', () => {
  // One of three gray instances ratchets up 3 MiB/min, the others are flat: the spread says noise.
  const drift = judgeBundle(makeBundle({ replicas: 3, instances: { gray: [{ slope: perMin(3) }, {}, {}] } }), settings);
  assert.notEqual(drift.verdict, 'fail', JSON.stringify(drift.reasons));
  assert.ok(!drift.reasons.some((r) => r.outcome === 'block'));
  // All three leak 2 MiB/min: clear across instances, blocks on the floor slope.
  const leak = judgeBundle(makeBundle({ replicas: 3, gray: { slope: perMin(2) } }), settings);
  assert.equal(leak.verdict, 'fail', JSON.stringify(leak.reasons));
  const reason = leak.reasons.find((r) => r.rule === 'slope-increase')!;
  assert.equal(reason.outcome, 'block');
  assert.match(
    reason.message,
    /, between \S+ \S+ and \S+ \S+ \(across 3 processes a side\), clearly above the allowed/,
  );
  assert.equal(leak.replicas, 3);
  assert.equal(leak.gray.instances.length, 3);
  assert.equal(leak.slopeDifference!.method, 'replicas');
});

test('P95: a rise over both limits blocks only when its lower bound clears the allowed rise; otherwise it is inconclusive', () => {
  const analysis = analyze(makeBundle({ gray: { base: 30 * MiB } }), 5000);
  assert.ok(analysis.p95Increase! > 0.3);
  const clear = judge(analysis, settings.limits);
  assert.equal(clear.reasons.find((r) => r.rule === 'p95-increase')!.outcome, 'block');
  // The same rise known only to +-5 MiB (an error processes of one build can show): not decided.
  const spread = { ...analysis.p95Difference!, stdError: 5 * MiB };
  const unclear = judge({ ...analysis, p95Difference: spread }, settings.limits);
  const reason = unclear.reasons.find((r) => r.rule === 'p95-increase')!;
  assert.equal(reason.outcome, 'inconclusive');
  assert.match(reason.message, /cannot tell yet whether it is within the allowed \S+ MiB .*what would decide it: /);
  assert.equal(unclear.comparisons.find((c) => c.rule === 'p95-increase')!.passed, null);
  assert.equal(unclear.comparisons.find((c) => c.rule === 'p95-increase')!.decision, 'undecided');
  assert.equal(unclear.verdict, 'inconclusive');
  // A P95 difference inside what replicas of one build show never blocks.
  const replicas = judgeBundle(
    makeBundle({ replicas: 3, instances: { gray: [{ base: 40 * MiB }, {}, {}] } }),
    settings,
  );
  assert.ok(
    !replicas.reasons.some((r) => r.rule === 'p95-increase' && r.outcome === 'block'),
    JSON.stringify(replicas.reasons),
  );
});

test('grades follow the low end of the growth interval, not the point estimate', () => {
  const analysis = analyze(makeBundle({ gray: { slope: perMin(30) } }), 5000);
  const strong = judge(analysis, settings.limits);
  assert.equal(strong.verdict, 'fail');
  assert.equal(strong.grade, 'P0');
  // Same point estimate, but the interval only supports a slow leak: P1.
  const point = analysis.slopeDifference!.bytesPerSec;
  const wide = judge(
    { ...analysis, slopeDifference: { ...analysis.slopeDifference!, low: perMin(0.2), high: 2 * point } },
    settings.limits,
  );
  assert.equal(wide.verdict, 'fail');
  assert.equal(wide.grade, 'P1');
  // Time to --memory-max: within an hour at the low end is P0, beyond it P1.
  const limited = analyze(makeBundle({ gray: { slope: perMin(2) }, memoryMaxBytes: 30 * MiB }), 5000);
  const lowEnd = { ...limited.slopeDifference!, low: perMin(0.2) };
  assert.equal(judge({ ...limited, slopeDifference: lowEnd }, settings.limits).grade, 'P0'); // ~8 MiB left at 0.2 MiB/min
  const farLimit = { ...limited, memoryMaxBytes: 2000 * MiB };
  assert.equal(judge({ ...farLimit, slopeDifference: lowEnd }, settings.limits).grade, 'P1');
});

test('corroboration: a rise the heap rules out that is mostly page cache warns; anon outside the Go heap still blocks, named', () => {
  const analysis = analyze(makeBundle({ gray: { slope: perMin(2) } }), 5000);
  const heapEvidence = {
    suspects: [],
    patterns: [],
    warnings: [],
    summary: { heap: { baseline: { snapshots: 7 }, gray: { snapshots: 7 } } },
  } as never;
  const ruledOut = {
    ...analysis,
    evidence: heapEvidence,
    inuseDifference: diffOf(0, -100, 100),
  };
  const diff = analysis.slopeDifference!.bytesPerSec;
  const cache = judge(
    { ...ruledOut, split: { anonBytesPerSec: 0.1 * diff, fileBytesPerSec: 0.9 * diff } },
    settings.limits,
  );
  const cacheReason = cache.reasons.find((r) => r.rule === 'slope-increase')!;
  assert.deepEqual(
    cache.reasons.filter((r) => r.outcome === 'block'),
    [],
  );
  assert.equal(cacheReason.outcome, 'warn');
  assert.match(cacheReason.message, /page cache .* reclaimable/);
  assert.equal(cache.verdict, 'warn');
  const anon = judge({ ...ruledOut, split: { anonBytesPerSec: diff, fileBytesPerSec: 0 } }, settings.limits);
  const anonReason = anon.reasons.find((r) => r.rule === 'slope-increase')!;
  assert.equal(anonReason.outcome, 'block');
  assert.match(anonReason.message, /outside the Go heap \(cgo, mmap\)/);
  // Goroutines piling up explain it: still a block, and it says so.
  const piled = judge(
    { ...ruledOut, goroutineDifference: 30, split: { anonBytesPerSec: diff, fileBytesPerSec: 0.9 * diff } },
    settings.limits,
  );
  assert.equal(piled.reasons.find((r) => r.rule === 'slope-increase')!.outcome, 'block');
  assert.match(piled.reasons[0].message, /goroutines pile up/);
  // Without heap profiles the cgroup rule stands alone, page cache or not.
  const alone = judge({ ...analysis, split: { anonBytesPerSec: 0, fileBytesPerSec: diff } }, settings.limits);
  assert.equal(alone.reasons.find((r) => r.rule === 'slope-increase')!.outcome, 'block');
  // Retained heap that cannot be ruled out: the cgroup block stands.
  const heapGrows = judge(
    {
      ...ruledOut,
      inuseDifference: diffOf(diff, diff / 2, 2 * diff),
      split: { anonBytesPerSec: 0, fileBytesPerSec: diff },
    },
    settings.limits,
  );
  assert.equal(heapGrows.reasons.find((r) => r.rule === 'slope-increase')!.outcome, 'block');
});

test('reasons name options as the surface spells them', () => {
  const bundle = makeBundle({ gray: { base: 30 * MiB } });
  const cli = judgeBundle(bundle, parseJudgeSettings({ warmup: '5s' }));
  assert.match(cli.reasons[0].message, /--min-p95-delta/);
  const action = judgeBundle(bundle, { ...parseJudgeSettings({ warmup: '5s' }), surface: 'action' });
  assert.match(action.reasons[0].message, /the min-p95-delta input/);
  assert.doesNotMatch(action.reasons[0].message, /--min-p95-delta/);
  for (const r of [...cli.reasons, ...action.reasons]) assert.doesNotMatch(r.message, /\u0001/);
  assert.equal(renderOptionRefs('plain', 'action'), 'plain');
});

test('one allocation site growing in every gray process blocks at P1 when the heap and cgroup are too noisy to show it', () => {
  const analysis = { ...analyze(makeBundle({ replicas: 3 }), 5000) };
  const threshold = settings.limits.minSlopeBytesPerSec;
  const se = threshold / 4;
  const site = (value: number, candidates = 1) => ({
    ...diffSe(value, se, 'replicas', 4),
    function: 'main.(*store).remember',
    candidates,
  });
  const blocked = judge({ ...analysis, siteDifference: site(4 * threshold) }, settings.limits);
  const reason = blocked.reasons.find((r) => r.rule === 'site-growth')!;
  assert.equal(reason.outcome, 'block');
  assert.match(reason.message, /in every gray process: retained at main\.\(\*store\)\.remember/);
  assert.equal(blocked.grade, 'P1');
  assert.equal(blocked.comparisons.find((c) => c.rule === 'site-growth')!.passed, false);
  // Over the limit but its lower bound short of it: inconclusive, no block.
  const unclear = judge({ ...analysis, siteDifference: site(lowAt(threshold, se, -NUDGE, 4)) }, settings.limits);
  assert.equal(unclear.reasons.find((r) => r.rule === 'site-growth')!.outcome, 'inconclusive');
  assert.notEqual(unclear.verdict, 'fail');
  // Clear of the limit for one candidate, not for three tested at once.
  const one = judge({ ...analysis, siteDifference: site(lowAt(threshold, se, NUDGE, 4)) }, settings.limits);
  assert.equal(one.reasons.find((r) => r.rule === 'site-growth')!.outcome, 'block');
  const three = judge({ ...analysis, siteDifference: site(lowAt(threshold, se, NUDGE, 4), 3) }, settings.limits);
  assert.equal(three.reasons.find((r) => r.rule === 'site-growth')!.outcome, 'inconclusive');
  // Under the limit but not ruled under it (its upper bound at the pass level over it): a pass needs
  // every rule ruled under its limit, so inconclusive, whatever the estimate's sign.
  const leaning = judge({ ...analysis, siteDifference: site(threshold / 2) }, settings.limits);
  assert.equal(leaning.reasons.find((r) => r.rule === 'site-growth')!.outcome, 'inconclusive');
  assert.equal(leaning.verdict, 'inconclusive');
  assert.equal(
    judge({ ...analysis, siteDifference: site(highAt(threshold, se, NUDGE, 4)) }, settings.limits).verdict,
    'inconclusive',
  );
  // Ruled under it (upper bound just under the limit): no finding.
  const under = judge({ ...analysis, siteDifference: site(highAt(threshold, se, -NUDGE, 4)) }, settings.limits);
  assert.ok(!under.reasons.some((r) => r.rule === 'site-growth'));
  assert.equal(under.comparisons.find((c) => c.rule === 'site-growth')!.passed, true);
  // Already blocked on the cgroup slope: one finding, one reason; the comparison stays.
  const slope = slopeOf(10 * threshold, 5 * threshold, 15 * threshold, 'replicas', 4);
  const both = judge({ ...analysis, siteDifference: site(4 * threshold), slopeDifference: slope }, settings.limits);
  assert.ok(!both.reasons.some((r) => r.rule === 'site-growth'));
  assert.ok(both.comparisons.some((c) => c.rule === 'site-growth'));
  assert.deepEqual(
    both.reasons.map((r) => `${r.outcome}:${r.rule}`),
    ['block:slope-increase'],
  );
});

test('recorded: a healthy build churning pooled 1 MiB buffers is blocked on its P95 plateau, not on heap growth its own profiles call noise', () => {
  // fixtures pool against healthy, 3 processes a side, 10 s after a 5 s warm-up (gate-e2e's pool run):
  // the three gray processes' retained heap grew 0.35, 0.23 and 0.35 MiB/s by three profiles each, but
  // each process's own fit says +-0.03 to 0.3: whole buffers sampled afresh in every profile.
  const bundle = readBundle(`${ROOT}/test/data/bundles/pool-churn-10s`);
  const analysis = analyze(bundle);
  const gray = analysis.gray.instances.map((i) => i.inuseGrowth!);
  const baseline = analysis.baseline.instances.map((i) => i.inuseGrowth!);
  const old = intervalOf(
    pooledDifference(
      gray.map((e) => e.value),
      baseline.map((e) => e.value),
    )!,
    DECISION_CONFIDENCE,
  );
  assert.ok(old.low > 0, 'the pooled t called this growth clear (the false P1 this recording pins)');
  assert.ok(analysis.inuseDifference!.low <= 0, 'with each process noise as the floor it is not clear');
  assert.ok(!analysis.siteDifference || analysis.siteDifference.low <= 0);
  const report = judge(analysis, settings.limits);
  assert.equal(report.verdict, 'fail');
  assert.equal(report.reasons[0].rule, 'p95-increase');
  assert.deepEqual(
    report.reasons.filter((r) => r.outcome === 'block').map((r) => r.rule),
    ['p95-increase'],
  );
  assert.equal(report.grade, 'P2');
});

test('a bundle recorded before replicas (@1, one process a side) is still read and judged as one pair', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { readBundle, writeBundle } = await import('../src/collect/bundle-io.ts');
  const dir = mkdtempSync(join(tmpdir(), 'memgate-bundle1-'));
  try {
    const old = makeBundle({ gray: { slope: perMin(30) } });
    const { replicas: _replicas, ...meta } = old.meta;
    writeBundle(dir, { ...old, meta: { ...meta, schema: 'memgate/bundle@1' } });
    const read = readBundle(dir);
    assert.equal(read.meta.schema, 'memgate/bundle@1');
    const report = judgeBundle(read, settings);
    assert.equal(report.replicas, 1);
    assert.equal(report.verdict, 'fail');
    assert.equal(report.slopeDifference!.method, 'within-series');
    assert.throws(() => {
      writeBundle(dir, { ...old, meta: { ...old.meta, schema: 'memgate/bundle@9' } });
      readBundle(dir);
    }, /reads "memgate\/bundle@1" and "memgate\/bundle@2"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

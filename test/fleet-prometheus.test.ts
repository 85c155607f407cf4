// memgate fleet against a real Prometheus (Debian's prometheus package): a synthetic fleet of two hours
// backfilled with promtool, queried in the past with --end. Each region is one behaviour (see
// test/helpers/synthetic-fleet.ts); the verdicts, the per-instance figures, the restarts and the
// escaping of the outputs are checked on what the real store answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../src/cli/cli.ts';
import type { FleetReport } from '../src/report/fleet-report.ts';
import { startPrometheus, type RunningStore } from './helpers/prometheus.ts';
import { runActionProcess } from './helpers/run-action.ts';
import { fleetReportSchemaErrors } from './helpers/fleet-report-schema.ts';
import { SPAN_SEC, heapOf, syntheticFleet, toOpenMetrics } from './helpers/synthetic-fleet.ts';

const startSec = Math.floor(Date.now() / 1000 / 3600) * 3600 - 6 * 3600;
const endSec = startSec + SPAN_SEC;
let store: RunningStore;
const work = mkdtempSync(join(tmpdir(), 'memgate-fleet-'));

before(async () => {
  const fleetSeries = syntheticFleet(startSec);
  store = await startPrometheus(toOpenMetrics(fleetSeries, 'process_resident_memory_bytes', heapOf(fleetSeries)));
});
after(async () => {
  await store?.stop();
  rmSync(work, { recursive: true, force: true });
});

const fleet = (args: string[], env: NodeJS.ProcessEnv = {}) => memgate(['fleet', ...args], env);

async function memgate(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const warnings: string[] = [];
  const code = await cli(args, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    logger: { info: () => {}, warn: (m) => warnings.push(m) },
    signal: new AbortController().signal,
    cwd: work,
    env,
  });
  return { code, stdout, stderr, warnings };
}

const base = (out: string) => [
  '--prometheus',
  store.url,
  '--metric',
  'process_resident_memory_bytes{job="shop"}',
  '--baseline',
  'track="stable"',
  '--gray',
  'track="canary"',
  '--by',
  'region',
  '--window',
  '1h',
  '--end',
  String(endSec),
  '--out',
  out,
];

test('every region judged from the store: healthy passes, a leak and a plateau block, restarts are reported, one side or one canary is inconclusive', async () => {
  const out = join(work, 'all');
  const run = await fleet(base(out));
  assert.equal(run.code, 1, `a blocked cell exits 1\n${run.stdout}\n${run.warnings.join('\n')}`);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as FleetReport;
  assert.equal(report.schema, 'memgate/fleet-report@1');
  assert.deepEqual(fleetReportSchemaErrors(report), [], 'report.json matches schema/fleet-report.schema.json');
  const byCell = new Map(report.cells.map((c) => [c.cell, c]));
  assert.deepEqual([...byCell.keys()].sort(), [
    'region=af-south-1',
    'region=ap-south-1',
    'region=eu-central-1',
    'region=me-central-1',
    'region=sa-east-1',
    'region=us-west-1',
  ]);

  const healthy = byCell.get('region=eu-central-1')!;
  assert.ok(
    ['pass', 'warn'].includes(healthy.verdict),
    `healthy: ${healthy.verdict}: ${healthy.reasons.map((r) => r.message).join('; ')}`,
  );
  assert.equal(healthy.instances.baseline.length, 5);
  assert.equal(healthy.instances.gray.length, 3);
  assert.match(healthy.instances.gray[0].instance, /^eu-central-1-canary-\d:9100$/);
  assert.ok(
    healthy.instances.gray.every((i) => i.samples >= 200 && i.p95Bytes! > 90 * 2 ** 20),
    'per-instance figures from the store',
  );

  const leak = byCell.get('region=us-west-1')!;
  assert.equal(leak.verdict, 'fail');
  assert.ok(
    leak.reasons.some((r) => r.rule === 'slope-increase' && r.outcome === 'block'),
    leak.reasons.map((r) => r.message).join('; '),
  );
  assert.ok(
    leak.slopeDifference!.low > (1.5 * 2 ** 20) / 60 && leak.slopeDifference!.high < (2.5 * 2 ** 20) / 60,
    `the leak is 2 MiB/min: ${JSON.stringify(leak.slopeDifference)}`,
  );
  assert.ok(['P0', 'P1'].includes(leak.grade ?? ''), `leak grade ${leak.grade}`);

  const plateau = byCell.get('region=ap-south-1')!;
  assert.equal(plateau.verdict, 'fail');
  assert.ok(plateau.reasons.some((r) => r.rule === 'p95-increase' && r.outcome === 'block'));
  assert.ok(!plateau.reasons.some((r) => r.rule === 'slope-increase' && r.outcome === 'block'), 'a plateau is no leak');

  const restarts = byCell.get('region=sa-east-1')!;
  assert.ok(
    ['pass', 'warn'].includes(restarts.verdict),
    `restarts are not judged as a drop: ${restarts.verdict}: ${restarts.reasons.map((r) => r.message).join('; ')}`,
  );
  assert.equal(restarts.restarts, 2);
  assert.ok(
    restarts.warnings.some((w) => /gray instance "sa-east-1-canary-0:9100" restarted at/.test(w)),
    restarts.warnings.join('\n'),
  );
  assert.ok(restarts.warnings.some((w) => /gray instance "sa-east-1-canary-1:9100" restarted at/.test(w)));
  assert.equal(restarts.instances.gray.find((i) => i.instance === 'sa-east-1-canary-0:9100')!.restarts, 1);

  const oneSide = byCell.get('region=af-south-1')!;
  assert.equal(oneSide.verdict, 'inconclusive');
  assert.equal(oneSide.reasons[0].rule, 'fleet-one-side');
  const few = byCell.get('region=me-central-1')!;
  assert.equal(few.verdict, 'inconclusive');
  assert.equal(few.reasons[0].rule, 'fleet-instances');

  assert.equal(report.summary.cells, 6);
  assert.equal(report.summary.fail, 2);
  assert.equal(report.exitCode, 1);
  // Blocked cells first.
  assert.deepEqual(
    report.cells.slice(0, 2).map((c) => c.verdict),
    ['fail', 'fail'],
  );
  // The judge's own report of each judged cell, as memgate run writes it.
  assert.ok(existsSync(join(out, 'cells', 'region=us-west-1', 'report.json')));
  assert.ok(existsSync(join(out, 'report.html')));
  assert.match(run.stdout, /memgate fleet: FAIL/);
  assert.match(run.stdout, /cell region=us-west-1: fail/);
  if (process.env.SHOW) console.log(run.stdout, run.warnings);
});

test('waves: --stages/--stage judge only that wave; with --fuse on blocked cells trip, memgate plan promotes the next wave after a passed one, and a fused cell is not queried again', async () => {
  const fuseDir = join(work, 'fuse');
  const stages = join(work, 'stages.yml');
  writeFileSync(
    stages,
    [
      'matrix:',
      '  region: [eu-central-1, us-west-1, ap-south-1, sa-east-1]',
      'waves:',
      '  - name: canary',
      '    cells: ["region=eu-central-1"]',
      '  - name: rest',
      '    where: {}',
      '',
    ].join('\n'),
  );
  const fuse = ['--fuse', 'on', '--fuse-store', 'dir', '--fuse-dir', fuseDir, '--fuse-scope', 'release-1'];
  const wave1 = await fleet([...base(join(work, 'wave1')), '--stages', stages, '--stage', '1', ...fuse]);
  assert.equal(wave1.code, 0, wave1.stdout + wave1.stderr);
  const r1 = JSON.parse(readFileSync(join(work, 'wave1', 'report.json'), 'utf8')) as FleetReport;
  assert.deepEqual(
    r1.cells.map((c) => c.cell),
    ['region=eu-central-1'],
    'only the wave is judged',
  );
  assert.deepEqual(r1.settings.stage, { file: stages, index: 1, name: 'canary' });
  assert.equal(r1.cells[0].fuse?.fused, false);

  // Wave 1 passed: plan promotes wave 2 with its three cells.
  const plan2 = await memgate(['plan', '--stages', stages, '--stage', '2', ...fuse.slice(2)]);
  assert.equal(plan2.code, 0, plan2.stderr);
  assert.deepEqual((JSON.parse(plan2.stdout) as { include: { cell: string }[] }).include.map((e) => e.cell).sort(), [
    'region=ap-south-1',
    'region=sa-east-1',
    'region=us-west-1',
  ]);

  const wave2 = await fleet([...base(join(work, 'wave2')), '--stages', stages, '--stage', '2', ...fuse]);
  assert.equal(wave2.code, 1);
  const r2 = JSON.parse(readFileSync(join(work, 'wave2', 'report.json'), 'utf8')) as FleetReport;
  const blocked = r2.cells
    .filter((c) => c.verdict === 'fail')
    .map((c) => c.cell)
    .sort();
  assert.deepEqual(blocked, ['region=ap-south-1', 'region=us-west-1']);
  for (const c of r2.cells.filter((x) => x.verdict === 'fail')) {
    assert.equal(c.fuse?.fused, true);
    assert.deepEqual(c.fuse?.tripped, [`cell ${c.cell}`]);
    assert.ok(existsSync(join(work, 'wave2', 'cells', c.cell, 'fuse.json')));
  }
  // The store of the fuse has them: fuse check fails for a blocked cell.
  const check = await memgate(['fuse', 'check', '--cell', 'region=us-west-1', ...fuse.slice(2)]);
  assert.equal(check.code, 1, check.stdout);
  // Judged again: the fused cells are stopped before any query, the other one is judged.
  const again = await fleet([...base(join(work, 'wave2-again')), '--stages', stages, '--stage', '2', ...fuse]);
  assert.equal(again.code, 1);
  const r3 = JSON.parse(readFileSync(join(work, 'wave2-again', 'report.json'), 'utf8')) as FleetReport;
  assert.deepEqual(
    r3.cells
      .filter((c) => c.verdict === 'fused')
      .map((c) => c.cell)
      .sort(),
    ['region=ap-south-1', 'region=us-west-1'],
  );
  assert.equal(r3.summary.queries, 1, 'one range query: the fused cells are not asked for');
  assert.match(again.stdout, /fused/);
});

test('--by maps a dimension to a label of another name; a selector with several series per instance is exit 2 naming it and the labels that differ', async () => {
  // The synthetic fleet has no topology_region; mapping region to the `job` label makes one cell, job=shop.
  const out = join(work, 'mapped');
  const run = await fleet([
    ...base(out).filter((a, i, all) => all[i - 1] !== '--by' && a !== '--by'),
    '--by',
    'region=job',
  ]);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as FleetReport;
  assert.deepEqual(
    report.cells.map((c) => c.cell),
    ['region=shop'],
    run.stderr,
  );
  assert.deepEqual(report.settings.by, ['region=job']);
  assert.equal(report.cells[0].labels.job, 'shop');
  // All regions pooled: the leak and the plateau canaries are among its instances.
  assert.equal(report.cells[0].instances.gray.length, 16);

  // Instances told apart by `track`: each cell's side then has one "instance" with 3-5 series at once.
  const wrong = await fleet([...base(join(work, 'wrong')), '--instance-label', 'track']);
  assert.equal(wrong.code, 2, wrong.stdout);
  assert.match(
    wrong.stderr,
    /^error: cell region=[a-z0-9-]+, (baseline|gray): process_resident_memory_bytes\{job="shop",region=~"\(\?i\)[^"]+",track="(stable|canary)"\} gives instance "(stable|canary)" \d+ series at once .*they differ in instance\b.*add a matcher/m,
  );
});

test('the Action in fleet mode (dist/index.js as the runner runs it): outputs, the table of cells in the job summary, the step fails on a blocked cell', async () => {
  const out = join(work, 'action');
  const run = await runActionProcess(
    {
      mode: 'fleet',
      prometheus: store.url,
      metric: 'process_resident_memory_bytes{job="shop"}',
      baseline: 'track="stable"',
      gray: 'track="canary"',
      by: 'region',
      window: '1h',
      end: String(endSec),
      out,
      comment: 'never',
      'on-inconclusive': 'pass',
    },
    { cwd: work },
  );
  assert.equal(run.code, 1, run.log);
  assert.equal(run.outputs.verdict, 'fail');
  assert.equal(run.outputs.grade, 'P1');
  assert.equal(run.outputs.report, join(out, 'report.json'));
  assert.equal(run.outputs['html-report'], join(out, 'report.html'));
  assert.match(run.log, /::error::memgate blocked 2 cell\(s\) of the fleet: region=ap-south-1; region=us-west-1/);
  // Text from the store is entity-escaped in Markdown; decoded, it reads as the table.
  const summary = run.summary
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"');
  assert.match(summary, /^## memgate fleet: ⛔ blocked P1/m);
  assert.match(summary, /^\| <code>region=us-west-1<\/code> \| ⛔ blocked P1 \| 3 \/ 5 \|/m);
  assert.match(summary, /^\| <code>region=eu-central-1<\/code> \| ✅ pass \|/m);
  assert.match(summary, /<details open><summary><b>region=us-west-1<\/b>: ⛔ blocked P1<\/summary>/);
  assert.match(summary, /^\| <code>us-west-1-canary-0:9100<\/code> \| 2\.0 MiB\/min \|/m);
  // A bad input names the input, not the flag.
  const bad = await runActionProcess(
    {
      mode: 'fleet',
      prometheus: store.url,
      metric: 'mem',
      baseline: 'track="stable"',
      gray: 'track="canary"',
      by: 'planet',
      out,
    },
    { cwd: work },
  );
  assert.equal(bad.code, 1);
  assert.match(bad.log, /::error::input 'by': "planet" is not a fuse dimension/);
});

test('--heap-metric: each cell gets the heap floor slope per instance and the difference across sides, as evidence beside the verdict', async () => {
  const out = join(work, 'heap');
  const run = await fleet([...base(out), '--heap-metric', 'go_memstats_heap_inuse_bytes{job="shop"}']);
  assert.equal(run.code, 1);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as FleetReport;
  assert.equal(report.settings.heapMetric, 'go_memstats_heap_inuse_bytes{job="shop"}');
  assert.equal(report.summary.queries, 2 + 2 * 6, 'two cell lists, then the memory and the heap query of each cell');
  const leak = report.cells.find((c) => c.cell === 'region=us-west-1')!;
  const perMin = (v: number) => (v * 60) / 2 ** 20;
  assert.ok(leak.heap && leak.heap.difference && leak.heap.difference.low > 0, JSON.stringify(leak.heap));
  assert.ok(
    Math.abs(perMin(leak.heap!.difference!.bytesPerSec) - 1.2) < 0.2,
    `60% of a 2 MiB/min leak: ${perMin(leak.heap!.difference!.bytesPerSec)}`,
  );
  assert.ok(leak.instances.gray.every((i) => i.heapSlopeBytesPerSec !== null && perMin(i.heapSlopeBytesPerSec) > 1));
  const healthy = report.cells.find((c) => c.cell === 'region=eu-central-1')!;
  assert.ok(
    healthy.heap!.difference!.low < 0 && healthy.heap!.difference!.high > 0,
    "a healthy cell's heap difference straddles zero",
  );
  assert.match(
    run.stdout,
    /heap \(go_memstats_heap_inuse_bytes\{job="shop"\}\): floor slope difference 1\.\d MiB\/min/,
  );
});

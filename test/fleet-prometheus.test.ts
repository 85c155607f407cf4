// memgate fleet against a real Prometheus (Debian's prometheus package): a synthetic fleet of two hours
// backfilled with promtool, queried in the past with --end. Each region is one behaviour (see
// test/helpers/synthetic-fleet.ts); the verdicts, the per-instance figures, the restarts and the
// escaping of the outputs are checked on what the real store answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../src/cli/cli.ts';
import type { FleetReport } from '../src/report/fleet-report.ts';
import { startPrometheus, type RunningStore } from './helpers/prometheus.ts';
import { SPAN_SEC, syntheticFleet, toOpenMetrics } from './helpers/synthetic-fleet.ts';

const startSec = Math.floor(Date.now() / 1000 / 3600) * 3600 - 6 * 3600;
const endSec = startSec + SPAN_SEC;
let store: RunningStore;
const work = mkdtempSync(join(tmpdir(), 'memgate-fleet-'));

before(async () => {
  store = await startPrometheus(toOpenMetrics(syntheticFleet(startSec)));
});
after(async () => {
  await store?.stop();
  rmSync(work, { recursive: true, force: true });
});

async function fleet(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const warnings: string[] = [];
  const code = await cli(['fleet', ...args], {
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

const base = (out: string) => ['--prometheus', store.url, '--metric', 'process_resident_memory_bytes{job="shop"}', '--baseline', 'track="stable"', '--gray', 'track="canary"', '--by', 'region', '--window', '1h', '--end', String(endSec), '--out', out];

test('every region judged from the store: healthy passes, a leak and a plateau block, restarts are reported, one side or one canary is inconclusive', async () => {
  const out = join(work, 'all');
  const run = await fleet(base(out));
  assert.equal(run.code, 1, `a blocked cell exits 1\n${run.stdout}\n${run.warnings.join('\n')}`);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as FleetReport;
  assert.equal(report.schema, 'memgate/fleet-report@1');
  const byCell = new Map(report.cells.map((c) => [c.cell, c]));
  assert.deepEqual([...byCell.keys()].sort(), ['region=af-south-1', 'region=ap-south-1', 'region=eu-central-1', 'region=me-central-1', 'region=sa-east-1', 'region=us-west-1']);

  const healthy = byCell.get('region=eu-central-1')!;
  assert.ok(['pass', 'warn'].includes(healthy.verdict), `healthy: ${healthy.verdict}: ${healthy.reasons.map((r) => r.message).join('; ')}`);
  assert.equal(healthy.instances.baseline.length, 5);
  assert.equal(healthy.instances.gray.length, 3);
  assert.match(healthy.instances.gray[0].instance, /^eu-central-1-canary-\d:9100$/);
  assert.ok(healthy.instances.gray.every((i) => i.samples >= 200 && i.p95Bytes! > 90 * 2 ** 20), 'per-instance figures from the store');

  const leak = byCell.get('region=us-west-1')!;
  assert.equal(leak.verdict, 'fail');
  assert.ok(leak.reasons.some((r) => r.rule === 'slope-increase' && r.outcome === 'block'), leak.reasons.map((r) => r.message).join('; '));
  assert.ok(leak.slopeDifference!.low > 1.5 * 2 ** 20 / 60 && leak.slopeDifference!.high < 2.5 * 2 ** 20 / 60, `the leak is 2 MiB/min: ${JSON.stringify(leak.slopeDifference)}`);
  assert.ok(['P0', 'P1'].includes(leak.grade ?? ''), `leak grade ${leak.grade}`);

  const plateau = byCell.get('region=ap-south-1')!;
  assert.equal(plateau.verdict, 'fail');
  assert.ok(plateau.reasons.some((r) => r.rule === 'p95-increase' && r.outcome === 'block'));
  assert.ok(!plateau.reasons.some((r) => r.rule === 'slope-increase' && r.outcome === 'block'), 'a plateau is no leak');

  const restarts = byCell.get('region=sa-east-1')!;
  assert.ok(['pass', 'warn'].includes(restarts.verdict), `restarts are not judged as a drop: ${restarts.verdict}: ${restarts.reasons.map((r) => r.message).join('; ')}`);
  assert.equal(restarts.restarts, 2);
  assert.ok(restarts.warnings.some((w) => /gray instance "sa-east-1-canary-0:9100" restarted at/.test(w)), restarts.warnings.join('\n'));
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
  assert.deepEqual(report.cells.slice(0, 2).map((c) => c.verdict), ['fail', 'fail']);
  // The judge's own report of each judged cell, as memgate run writes it.
  assert.ok(existsSync(join(out, 'cells', 'region=us-west-1', 'report.json')));
  assert.ok(existsSync(join(out, 'report.html')));
  assert.match(run.stdout, /memgate fleet: FAIL/);
  assert.match(run.stdout, /cell region=us-west-1: fail/);
  if (process.env.SHOW) console.log(run.stdout, run.warnings);
});

// memgate fleet against a real VictoriaMetrics (Debian's victoria-metrics), which answers the same
// query API: the synthetic fleet imported through /api/v1/import/prometheus, judged as from Prometheus.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../src/cli/cli.ts';
import type { FleetReport } from '../src/report/fleet-report.ts';
import { startVictoriaMetrics, type RunningStore } from './helpers/prometheus.ts';
import { SPAN_SEC, syntheticFleet, toPromText } from './helpers/synthetic-fleet.ts';

const startSec = Math.floor(Date.now() / 1000 / 3600) * 3600 - 6 * 3600;
let store: RunningStore;
const work = mkdtempSync(join(tmpdir(), 'memgate-fleet-vm-'));

before(async () => {
  store = await startVictoriaMetrics(toPromText(syntheticFleet(startSec)));
});
after(async () => {
  await store?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('VictoriaMetrics: the same cells, the same verdicts, restarts reported', async () => {
  const out = join(work, 'out');
  let stdout = '';
  let stderr = '';
  const code = await cli(
    [
      'fleet',
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
      new Date((startSec + SPAN_SEC) * 1000).toISOString(),
      '--out',
      out,
    ],
    {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      logger: { info: () => {}, warn: (m) => (stderr += `warning: ${m}\n`) },
      signal: new AbortController().signal,
      cwd: work,
      env: {},
    },
  );
  assert.equal(code, 1, `${stdout}\n${stderr}`);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as FleetReport;
  const verdict = (cell: string) => report.cells.find((c) => c.cell === cell)?.verdict;
  assert.equal(verdict('region=us-west-1'), 'fail');
  assert.equal(verdict('region=ap-south-1'), 'fail');
  assert.ok(['pass', 'warn'].includes(verdict('region=eu-central-1')!), stdout);
  assert.ok(['pass', 'warn'].includes(verdict('region=sa-east-1')!), stdout);
  assert.equal(verdict('region=af-south-1'), 'inconclusive');
  assert.equal(verdict('region=me-central-1'), 'inconclusive');
  const restarts = report.cells.find((c) => c.cell === 'region=sa-east-1')!;
  assert.equal(restarts.restarts, 2, restarts.warnings.join('\n'));
  assert.equal(report.cells.find((c) => c.cell === 'region=eu-central-1')!.instances.baseline.length, 5);
});

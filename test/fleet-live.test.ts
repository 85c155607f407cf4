// memgate fleet end to end on a live scrape: three replicas of the healthy Go fixture (baseline) and
// three of leak-map (gray) serve /metrics; a real Prometheus scrapes them every second; after ~40 s
// memgate judges the cell from what Prometheus holds. Starts Go workloads: run it alone, under
// flock /tmp/memgate-e2e.lock (the e2e rule). Every process it starts is stopped whatever happens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cli } from '../src/cli/cli.ts';
import type { FleetReport } from '../src/report/fleet-report.ts';
import { fixtureBin, leftoverProcesses } from './helpers/fixtures.ts';
import { freePort, startScrapingPrometheus, type RunningStore } from './helpers/prometheus.ts';
import { fleetReportSchemaErrors } from './helpers/fleet-report-schema.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startService(bin: string, args: string[]): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const child = spawn(bin, ['-addr', `127.0.0.1:${port}`, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`${bin} did not start: ${said}`)), 15_000);
    child.stderr!.on('data', (d: Buffer) => {
      said += d.toString();
      if (said.includes('listening on')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`${bin} exited ${code}: ${said}`)));
  });
  return { child, port };
}

test('live: replicas scraped by Prometheus every second, a leaking canary blocked from the store alone, its live heap profiles naming the leak', {
  timeout: 180_000,
}, async () => {
  const healthy = fixtureBin('healthy');
  const leak = fixtureBin('leak-map');
  const children: ChildProcess[] = [];
  let store: RunningStore | null = null;
  const work = mkdtempSync(join(tmpdir(), 'memgate-fleet-live-'));
  try {
    const baseline = [];
    const gray = [];
    for (let i = 0; i < 3; i++) {
      const b = await startService(healthy, []);
      const g = await startService(leak, ['-leak-rate', '40MiB']);
      children.push(b.child, g.child);
      baseline.push(`127.0.0.1:${b.port}`);
      gray.push(`127.0.0.1:${g.port}`);
    }
    const config = [
      'global: { scrape_interval: 1s, scrape_timeout: 900ms }',
      'scrape_configs:',
      '  - job_name: shop',
      '    static_configs:',
      `      - targets: ${JSON.stringify(baseline)}`,
      '        labels: { region: eu-central-1, track: stable }',
      `      - targets: ${JSON.stringify(gray)}`,
      '        labels: { region: eu-central-1, track: canary }',
      '',
    ].join('\n');
    store = await startScrapingPrometheus(config);
    await sleep(42_000);
    let stdout = '';
    let stderr = '';
    const out = join(work, 'out');
    const code = await cli(
      [
        'fleet',
        '--prometheus',
        store.url,
        '--metric',
        'process_resident_memory_bytes{job="shop"}',
        '--heap-metric',
        'go_memstats_heap_inuse_bytes{job="shop"}',
        '--baseline',
        'track="stable"',
        '--gray',
        'track="canary"',
        '--by',
        'region',
        '--window',
        '35s',
        '--step',
        '1s',
        '--pprof',
        'http://{instance}/debug/pprof',
        '--profile-interval',
        '3s',
        '--end',
        String(Math.floor(Date.now() / 1000) - 2),
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
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as FleetReport;
    const cell = report.cells[0];
    assert.equal(report.cells.length, 1, stdout + stderr);
    assert.equal(cell.cell, 'region=eu-central-1');
    assert.deepEqual(cell.instances.gray.map((i) => i.instance).sort(), [...gray].sort());
    assert.equal(cell.instances.baseline.length, 3);
    assert.equal(code, 1, `${stdout}\n${stderr}`);
    assert.equal(cell.verdict, 'fail');
    assert.ok(
      cell.reasons.some((r) => r.rule === 'slope-increase' && r.outcome === 'block'),
      cell.reasons.map((r) => r.message).join('\n'),
    );
    assert.ok(cell.heap?.difference && cell.heap.difference.bytesPerSec > 0, JSON.stringify(cell.heap));
    // Live profiles of the steepest canary against a baseline name the leaking function.
    assert.ok(cell.profiles, 'a blocked cell is profiled');
    assert.ok(gray.includes(cell.profiles!.gray!) && baseline.includes(cell.profiles!.baseline!));
    assert.ok(
      cell.profiles!.suspects.some((s) => s.function === 'main.(*sessionStore).remember'),
      cell.profiles!.suspects.map((s) => s.function).join('\n') + cell.warnings.join('\n'),
    );
    assert.deepEqual(fleetReportSchemaErrors(report), [], 'the live report (with profiles) matches the schema');
    assert.match(stdout, /live profiles of gray 127\.0\.0\.1:\d+ against baseline 127\.0\.0\.1:\d+:/);
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(
      children.map((c) =>
        c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null,
      ),
    );
    await store?.stop();
    rmSync(work, { recursive: true, force: true });
  }
  assert.deepEqual(
    leftoverProcesses(dirname(healthy)).filter(
      (p) => /healthy|leak-map/.test(p) && children.some((c) => p.startsWith(`${c.pid}:`)),
    ),
    [],
    'no service left running',
  );
});

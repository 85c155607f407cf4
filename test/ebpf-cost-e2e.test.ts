// The eBPF cost guard for real, as root: two healthy fixtures, gray allocating 20 MiB/s sampled every
// 4 KiB (~5,000 probe hits/s, ~20% of a core at 40 µs a hit), baseline quiet at 64 KiB. With --ebpf
// auto, gray is left out with a warning naming the estimate, the budget and the fixes; baseline is
// traced, and its counted hits stand beside its estimate. Run under the e2e flock (team rules).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fixtureBin, leftoverCgroups, leftoverProcesses } from './helpers/fixtures.ts';
import { spawnCli } from './helpers/spawn-cli.ts';
import { requireBpftrace } from './helpers/env.ts';
import type { Report } from '../src/report/report-json.ts';
import { EBPF_COST_BUDGET, PROBE_HIT_COST_US } from '../src/collect/ebpf-cost.ts';

let work: string;
const bin = (name: string) => join(work, 'bin', name);

before(() => {
  requireBpftrace();
  work = mkdtempSync(join(tmpdir(), 'memgate-ebpf-cost-'));
  mkdirSync(join(work, 'bin'));
  copyFileSync(fixtureBin('healthy'), bin('healthy'));
});
after(() => rmSync(work, { recursive: true, force: true }));

test('--ebpf auto: a side whose probe would cost over the budget is not traced, with the estimate in the report; a quiet side is traced', async () => {
  const quiet = `${bin('healthy')} -addr 127.0.0.1:{port} -memprofile-rate 65536`;
  const heavy = `${bin('healthy')} -addr 127.0.0.1:{port} -memprofile-rate 4096 -alloc-rate 20MiB -burst-every 0`;
  const run = await spawnCli(
    [
      'run',
      '--baseline',
      quiet,
      '--gray',
      heavy,
      '--ebpf',
      'auto',
      '--replicas',
      '1',
      '--warmup',
      '3s',
      '--duration',
      '4s',
      '--max-duration',
      '4s',
      '--out',
      'out',
    ],
    { cwd: work },
  );
  assert.ok(run.code === 0 || run.code === 1 || run.code === 3, run.stdout + run.stderr);
  const report = JSON.parse(readFileSync(join(work, 'out/report.json'), 'utf8')) as Report;
  const ebpf = report.ebpf!;
  const gray = ebpf.costs.gray!;
  assert.equal(gray.source, 'heap-profile');
  assert.equal(gray.traced, false);
  assert.equal(gray.memProfileRate, 4096);
  // 20 MiB/s over 4 KiB is 5,120 hits/s; the average since start runs a little under it (startup).
  assert.ok(gray.allocPerSec! > 12 * 1048576 && gray.allocPerSec! < 28 * 1048576, String(gray.allocPerSec));
  assert.ok(gray.hitsPerSec > 3000 && gray.hitsPerSec < 7000, String(gray.hitsPerSec));
  assert.equal(gray.share, Number(((gray.hitsPerSec * PROBE_HIT_COST_US) / 1e6).toFixed(4)));
  assert.ok(gray.share > EBPF_COST_BUDGET);
  assert.equal(gray.measuredHitsPerSec, null);
  assert.equal(ebpf.gray, null, 'gray has no allocation paths');
  const warning = report.warnings.find((w) => w.startsWith('gray is not traced: eBPF tracing of gray'));
  assert.ok(warning, report.warnings.join('\n'));
  assert.match(
    warning,
    new RegExp(
      `one heap-profile sample per 4\\.0 KiB: ~\\d+ probe hits/s x ${PROBE_HIT_COST_US} µs\\) would cost ~\\d+(\\.\\d)?% of a core, over the 3\\.0% budget\\. Raise --memprofile-rate .*, or give --ebpf on to trace anyway$`,
    ),
  );

  const base = ebpf.costs.baseline!;
  assert.equal(base.source, 'heap-profile');
  assert.equal(base.traced, true);
  assert.equal(base.memProfileRate, 65536);
  assert.ok(base.share < EBPF_COST_BUDGET, String(base.share));
  assert.notEqual(base.measuredHitsPerSec, null, 'the hits the tracer counted stand beside the estimate');
  assert.ok(ebpf.baseline, 'baseline is traced');
  assert.ok(!report.warnings.some((w) => w.includes('tracing of baseline')), report.warnings.join('\n'));
  // The program that ran probes baseline's process only.
  const script = readFileSync(join(work, 'out/bundle/ebpf/alloc.bt'), 'utf8');
  assert.deepEqual(
    [...script.matchAll(/pid == (\d+)/g)].map((m) => Number(m[1])),
    ebpf.baseline.pids,
  );

  await sleep(200);
  assert.deepEqual(leftoverProcesses(work), [], 'no tracer or workload process left behind');
  assert.deepEqual(leftoverCgroups(run.pid), [], 'no cgroup left behind');
});

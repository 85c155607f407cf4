// `memgate run --json` through dist/cli.js with real workloads: stdout is report.json's content and nothing
// else (what `| jq` reads), while the verdict, progress and warnings stay on stderr. Starts workloads and
// cgroups: run it alone (flock /tmp/memgate-e2e.lock), like the other e2e tests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fixtureBin, leftoverCgroups, leftoverProcesses } from './helpers/fixtures.ts';
import { spawnCli } from './helpers/spawn-cli.ts';
import { requireRoot } from './helpers/env.ts';
import type { Report } from '../src/report/report-json.ts';

let work: string;
before(() => {
  requireRoot();
  work = mkdtempSync(join(tmpdir(), 'memgate-json-e2e-'));
  mkdirSync(join(work, 'bin'));
  copyFileSync(fixtureBin('healthy'), join(work, 'bin', 'healthy'));
});
after(() => rmSync(work, { recursive: true, force: true }));

test('run --json: stdout is exactly report.json, the verdict and progress are on stderr', {
  timeout: 90_000,
}, async () => {
  const service = `${join(work, 'bin', 'healthy')} -addr 127.0.0.1:{port}`;
  const run = await spawnCli(
    [
      'run',
      '--baseline',
      service,
      '--gray',
      service,
      '--warmup',
      '1s',
      '--duration',
      '6s',
      '--max-duration',
      '6s',
      '--replicas',
      '1',
      '--pprof',
      'off',
      '--ebpf',
      'off',
      '--out',
      'out',
      '--json',
    ],
    { cwd: work },
  );
  const written = readFileSync(join(work, 'out', 'report.json'), 'utf8');
  assert.equal(run.stdout, written, `stdout is report.json's content and nothing else; stderr:\n${run.stderr}`);
  const report = JSON.parse(run.stdout) as Report;
  assert.equal(run.code, report.exitCode, run.stderr);
  assert.match(run.stderr, new RegExp(`^memgate: ${report.verdict.toUpperCase()}`, 'm'), 'the verdict is on stderr');
  assert.match(run.stderr, /^report: out\/report\.json$/m);
  await sleep(100);
  assert.deepEqual(leftoverCgroups(run.pid), [], 'no cgroup left behind');
  assert.deepEqual(leftoverProcesses(work), [], 'no workload process left behind');
});

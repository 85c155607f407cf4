// README promises of the CLI's exit status with real workloads and cgroups: SIGINT (a Ctrl-C, or the runner
// cancelling a job) exits 130 and an internal error exits 3, both after stopping both workloads, removing
// their cgroups and keeping the partial bundle. Run under the e2e lock: it checks nothing is left behind.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLI, fixtureBin, leftoverCgroups, leftoverProcesses } from './helpers/fixtures.ts';
import { spawnCli } from './helpers/spawn-cli.ts';
import { requireRoot } from './helpers/env.ts';

let work: string;
const bin = (name: string) => join(work, 'bin', name);
const service = (name: string) => `${bin(name)} -addr 127.0.0.1:{port}`;

before(() => {
  requireRoot();
  work = mkdtempSync(join(tmpdir(), 'memgate-interrupt-'));
  mkdirSync(join(work, 'bin'));
  copyFileSync(fixtureBin('healthy'), bin('healthy'));
  copyFileSync(fixtureBin('healthy'), bin('healthy-head'));
});
after(() => rmSync(work, { recursive: true, force: true }));

async function assertCleanedUp(pid: number) {
  await sleep(100);
  assert.deepEqual(leftoverCgroups(pid), [], 'no cgroup left behind');
  assert.deepEqual(leftoverProcesses(work), [], 'no workload process left behind');
}

const args = (out: string) => [
  'run',
  '--baseline',
  service('healthy'),
  '--gray',
  service('healthy-head'),
  '--warmup',
  '2s',
  '--duration',
  '60s',
  '--max-duration',
  '60s',
  '--ebpf',
  'off',
  '--pprof',
  'off',
  '--out',
  out,
];

test('SIGINT mid-run: exit 130, both workloads stopped, cgroups removed, the partial bundle kept', async () => {
  const run = await spawnCli(args('int'), { cwd: work, killAfterMs: 3500, signal: 'SIGINT' });
  assert.equal(run.code, 130, run.stderr);
  assert.match(run.stderr, /SIGINT received; stopping both workloads and removing their cgroups/);
  assert.ok(existsSync(join(work, 'int/bundle/samples.jsonl')), 'partial bundle kept');
  assert.ok(run.ms < 15_000, `stopped promptly (${run.ms} ms), not after the 60 s window`);
  await assertCleanedUp(run.pid);
});

test('an internal error mid-run: exit 3, the same cleanup, and a message instead of a stack trace', async () => {
  // A bug planted in the CLI's process: an exception nobody catches, 3.5 s in (the workloads are running).
  const plant = join(work, 'plant-bug.mjs');
  writeFileSync(plant, "setTimeout(() => { throw new Error('planted bug'); }, 3500);\n");
  const run = await new Promise<{ code: number | null; stderr: string; pid: number; ms: number }>((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', plant, CLI, ...args('bug')], {
      cwd: work,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.resume();
    child.on('exit', (code) => resolve({ code, stderr, pid: child.pid!, ms: Date.now() - started }));
  });
  assert.equal(run.code, 3, run.stderr);
  assert.match(
    run.stderr,
    /memgate: internal error: planted bug; both workloads were stopped and their cgroups removed/,
  );
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  assert.ok(run.ms < 15_000, `stopped promptly (${run.ms} ms)`);
  assert.ok(existsSync(join(work, 'bug/bundle/samples.jsonl')), 'partial bundle kept');
  await assertCleanedUp(run.pid);
});

// End to end: a two-wave staged rollout through the bundled CLI, with real gate runs on the Go fixtures.
// Wave 1 (cn-east-2): the amd64 cell is healthy, the arm64 cell's gray build leaks; the leak blocks that
// cell and trips arch=arm64. Wave 2's plan leaves cn-north-1's arm64 cell out; its amd64 cell runs and passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fixtureBin } from './helpers/fixtures.ts';
import { spawnCli, type CliRun } from './helpers/spawn-cli.ts';
import { requireRoot } from './helpers/env.ts';

const STAGES = `matrix:
  region: [cn-east-2, cn-north-1]
  isp: [cmcc]
  os: [linux-5.10]
  arch: [amd64, arm64]
waves:
  - name: canary
    where: { region: cn-east-2 }
  - name: rest
    where: {}
`;

type Result = CliRun;

function memgate(cwd: string, args: string[]): Promise<Result> {
  return spawnCli(args, {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, USER: 'e2e' },
    stdin: 'ignore',
    until: 'close',
  });
}

const FUSE = ['--fuse', 'on', '--fuse-scope', 'e2e', '--fuse-dimension-threshold', '1,>50%'];

/** One cell's gate: gray leaks on arm64 (this rollout's bad dimension), is the same build elsewhere. */
function runCell(cwd: string, cell: string): Promise<Result> {
  const BIN = dirname(fixtureBin('healthy'));
  const gray = cell.includes('arch=arm64')
    ? `${BIN}/leak-map -addr 127.0.0.1:{port} -leak-rate 60MiB`
    : `${BIN}/healthy -addr 127.0.0.1:{port}`;
  const out = join(cwd, 'out', cell.replace(/[^a-z0-9]+/gi, '_'));
  return memgate(cwd, [
    'run',
    '--baseline',
    `${BIN}/healthy -addr 127.0.0.1:{port}`,
    '--gray',
    gray,
    '--warmup',
    '2s',
    '--duration',
    '10s',
    '--max-duration',
    '10s',
    // Limits ten seconds can rule out (a pass must rule them out), on the cgroup alone (two heap
    // profiles cannot): this test is about the fuse, and the 60 MiB/min leak is far above them still.
    '--pprof',
    'off',
    '--min-slope',
    '16MiB/min',
    '--min-p95-delta',
    '16MiB',
    '--cell',
    cell,
    ...FUSE,
    '--out',
    out,
  ]);
}

test('two-wave rollout: wave 1 leaking cell trips the fuse, wave 2 plan leaves the fused cells out', {
  timeout: 120_000,
}, async () => {
  requireRoot();
  fixtureBin('leak-map');
  const cwd = mkdtempSync(join(tmpdir(), 'memgate-rollout-'));
  writeFileSync(join(cwd, 'stages.yml'), STAGES);
  const plan = (stage: number) =>
    memgate(cwd, ['plan', '--stages', 'stages.yml', '--stage', String(stage), '--fuse-scope', 'e2e']);

  // Before anything ran: wave 2 may not be promoted.
  const early = await plan(2);
  assert.equal(early.code, 1, early.stderr);
  assert.match(early.stderr, /wave 1 \(canary\) is not fully passed: 2 of 2 cells unsettled/);

  const wave1 = await plan(1);
  assert.equal(wave1.code, 0, wave1.stderr);
  const cells1: string[] = JSON.parse(wave1.stdout).include.map((e: { cell: string }) => e.cell);
  assert.deepEqual(cells1, [
    'region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64',
    'region=cn-east-2,isp=cmcc,os=linux-5.10,arch=arm64',
  ]);

  // Wave 1's cells run side by side, as matrix jobs do.
  const [amd, arm] = await Promise.all(cells1.map((cell) => runCell(cwd, cell)));
  assert.equal(amd.code, 0, `healthy cell: ${amd.stdout}\n${amd.stderr}`);
  assert.match(amd.stdout, /fuse: recorded pass for cell region=cn-east-2,isp=cmcc,os=linux-5\.10,arch=amd64/);
  assert.equal(arm.code, 1, `leaking cell: ${arm.stdout}\n${arm.stderr}`);
  assert.match(arm.stdout, /memgate: FAIL/);
  assert.match(arm.stdout, /fuse: TRIPPED cell region=cn-east-2,isp=cmcc,os=linux-5\.10,arch=arm64/);
  assert.match(
    arm.stdout,
    /fuse: TRIPPED arch=arm64: 1 of 1 finished arch=arm64 cells blocked \(rule 1,>50%\); caused by region=cn-east-2,isp=cmcc,os=linux-5\.10,arch=arm64/,
  );
  assert.doesNotMatch(
    arm.stdout,
    /TRIPPED (region|isp|os)=/,
    'values shared with the healthy cell (1 of 2 blocked) do not trip',
  );
  const fuseJson = JSON.parse(
    readFileSync(join(cwd, 'out', cells1[1].replace(/[^a-z0-9]+/gi, '_'), 'fuse.json'), 'utf8'),
  );
  assert.equal(fuseJson.fused, true);
  assert.deepEqual(
    fuseJson.tripped.map((t: { target: string }) => t.target),
    [`cell ${cells1[1]}`, 'arch=arm64'],
  );

  // Wave 2: promoted (wave 1 is settled: one pass, one fused), without the arm64 cell.
  const wave2 = await plan(2);
  assert.equal(wave2.code, 0, wave2.stderr);
  const cells2: string[] = JSON.parse(wave2.stdout).include.map((e: { cell: string }) => e.cell);
  assert.deepEqual(cells2, ['region=cn-north-1,isp=cmcc,os=linux-5.10,arch=amd64']);
  assert.match(
    wave2.stderr,
    /left out: cell region=cn-north-1,isp=cmcc,os=linux-5\.10,arch=arm64 is fused: arch=arm64 tripped .* first by cell region=cn-east-2,isp=cmcc,os=linux-5\.10,arch=arm64/,
  );

  // A job that runs the fused cell anyway stops in seconds without running its gate; the planned cell passes.
  const [fusedRun, north] = await Promise.all([
    runCell(cwd, 'region=cn-north-1,isp=cmcc,os=linux-5.10,arch=arm64'),
    runCell(cwd, cells2[0]),
  ]);
  assert.equal(fusedRun.code, 1);
  assert.match(
    fusedRun.stdout,
    /fuse: cell region=cn-north-1,isp=cmcc,os=linux-5\.10,arch=arm64 is fused: arch=arm64 tripped .*\(the gate did not run\)/,
  );
  assert.ok(fusedRun.ms < 5000, `the fused check took ${fusedRun.ms} ms`);
  assert.equal(north.code, 0, `${north.stdout}\n${north.stderr}`);

  const status = await memgate(cwd, ['fuse', 'status', '--fuse-scope', 'e2e']);
  assert.equal(status.code, 0);
  assert.match(status.stdout, /arch=arm64\s+tripped\s+1\/1/);
  assert.match(status.stdout, /region=cn-north-1,isp=cmcc,os=linux-5\.10,arch=amd64\s+pass\s+yes/);
});

// Issue 11: a gate that ends without a verdict never leaves its cell `running`, and running records that
// can no longer be running (stale) do not hold a dimension value's share below its threshold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { gatedRun } from '../src/run/gated-run.ts';
import { openRunFuse } from '../src/fuse/gate-fuse.ts';
import {
  dimensionTrips,
  foldRecords,
  isStaleRunning,
  parseThreshold,
  staleRunning,
  runningReason,
  tallyDimensions,
} from '../src/fuse/rules.ts';
import type { CellRecord, FuseRecord } from '../src/fuse/types.ts';
import { UsageError } from '../src/model/errors.ts';
import { planWave } from '../src/fuse/plan.ts';
import { parseStages } from '../src/fuse/stages.ts';
import { dirWorld, runCell, runCli } from './helpers/fuse-harness.ts';

const quiet = { info: () => {}, warn: () => {} };
const NOW = Date.parse('2026-12-02T12:00:00Z');
let order = 0;
const rec = (cell: string, state: CellRecord['state'], reason: string, at: string): FuseRecord => ({
  kind: 'cell',
  cell,
  state,
  reason,
  at,
  order: ++order,
});

test('2 blocked + 2 stale running arm64 cells: arch=arm64 trips; with the 2 still running it does not', () => {
  const threshold = parseThreshold('2,>50%');
  const started = '2026-12-02T11:00:00Z';
  const records = (until: string) => [
    rec('region=a,arch=arm64', 'running', runningReason(new Date(until)), started),
    rec('region=b,arch=arm64', 'running', runningReason(new Date(until)), started),
    rec('region=c,arch=arm64', 'blocked', 'fail P1: leak', started),
    rec('region=d,arch=arm64', 'blocked', 'fail P1: leak', started),
  ];
  const stale = dimensionTrips(foldRecords(records('2026-12-02T11:30:00Z')), threshold, NOW);
  assert.deepEqual(
    stale.map((t) => `${t.dim}=${t.value}`),
    ['arch=arm64'],
    'past their deadline, the running cells do not count',
  );
  assert.match(stale[0].reason, /^2 of 2 finished arch=arm64 cells blocked \(rule 2,>50%\)$/);
  const live = dimensionTrips(foldRecords(records('2026-12-02T12:30:00Z')), threshold, NOW);
  assert.deepEqual(live, [], 'before their deadline they count as not blocked: 2 of 4 is not more than 50%');
  const tally = tallyDimensions(foldRecords(records('2026-12-02T12:30:00Z')), NOW).find((t) => t.dim === 'arch');
  assert.equal(tally?.running, 2);
});

test('isStaleRunning: past the deadline it wrote; without one, 24 h after its start', () => {
  const r = (reason: string, at: string) => rec('arch=amd64', 'running', reason, at) as CellRecord;
  assert.equal(isStaleRunning(r(runningReason(new Date(NOW - 1)), '2026-12-02T11:59:00Z'), NOW), true);
  assert.equal(isStaleRunning(r(runningReason(new Date(NOW + 1000)), '2026-12-02T11:59:00Z'), NOW), false);
  assert.equal(
    isStaleRunning(r('gate started', '2026-12-02T00:00:01Z'), NOW),
    false,
    'no deadline (a fleet cell, an older memgate): not stale within 24 h of its start',
  );
  assert.equal(
    staleRunning(r('gate started', '2026-12-01T11:59:59Z'), NOW),
    'its gate started at 2026-12-01T11:59:59Z, more than 24 h ago, with no deadline; no result since',
    'no deadline and older than the stated bound: stale',
  );
  assert.equal(
    staleRunning(r(runningReason(new Date(NOW - 1)), '2026-12-02T11:59:00Z'), NOW),
    'its gate started at 2026-12-02T11:59:00Z and was due to end by 2026-12-02T11:59:59.999Z; no result since',
  );
  assert.equal(isStaleRunning(r('gate started; running until soon', '2026-12-02T11:00:00Z'), NOW), false);
  assert.equal(
    isStaleRunning({ ...r('gate started', '2020-01-01T00:00:00Z'), state: 'blocked' }, NOW),
    false,
    'only running records go stale',
  );
});

async function cellRecords(world: ReturnType<typeof dirWorld>, raw: Record<string, string>) {
  const fuse = openRunFuse(raw, { env: world.env, cwd: world.cwd })!;
  return (await fuse.store.history()).filter((r): r is CellRecord => r.kind === 'cell');
}

test('every way a gate ends without a verdict settles its record: inconclusive with the reason', async () => {
  const world = dirWorld();
  try {
    const raw = { cell: 'region=a,arch=arm64', fuse: 'on', 'fuse-scope': 'settle-rollout' };
    const open = () => openRunFuse(raw, { env: world.env, cwd: world.cwd });
    const outDir = join(world.cwd, 'out');

    // An internal error thrown by the gate: rethrown, the record settled.
    await assert.rejects(
      gatedRun({
        fuse: open(),
        outDir,
        logger: quiet,
        maxRunMs: 120_000,
        gate: async () => {
          throw new Error('planted bug');
        },
      }),
      /planted bug/,
    );
    let records = await cellRecords(world, raw);
    assert.deepEqual(
      records.map((r) => r.state),
      ['running', 'inconclusive'],
    );
    assert.match(
      records[0].reason,
      /^gate started; running until \d{4}-\d\d-\d\dT/,
      'the running record carries its deadline',
    );
    assert.equal(records[1].reason, 'inconclusive: the gate ended without a verdict: planted bug');

    // Bad input found during the gate (a port that never opens: exit 2).
    await assert.rejects(
      gatedRun({
        fuse: open(),
        outDir,
        logger: quiet,
        gate: async () => {
          throw new UsageError('gray did not open port 1234 within 30s');
        },
      }),
      UsageError,
    );
    records = await cellRecords(world, raw);
    assert.equal(records.at(-1)?.state, 'inconclusive');
    assert.match(records.at(-1)!.reason, /did not open port 1234/);

    // Interrupted by a signal.
    const interrupted = await gatedRun({
      fuse: open(),
      outDir,
      logger: quiet,
      gate: async () => ({ kind: 'interrupted', outDir }),
    });
    assert.equal(interrupted.kind, 'interrupted');
    records = await cellRecords(world, raw);
    assert.equal(records.at(-1)?.state, 'inconclusive');
    assert.match(records.at(-1)!.reason, /interrupted/);
    assert.equal(
      records.filter((r) => r.state === 'running').length,
      3,
      'one running record per gate, each settled after it',
    );
  } finally {
    rmSync(world.cwd, { recursive: true, force: true });
  }
});

// ---- the owner: a gate that is gone, seen by a reader on its machine long before its deadline ----

const OWNER = { host: 'runner-7', boot: 'b00t pid:[1]', pid: 4242, start: 99 };
const owned = (cell: string, alive: boolean | null) => ({
  record: {
    ...(rec(cell, 'running', runningReason(new Date(NOW + 3_600_000)), '2026-12-02T11:58:00Z') as CellRecord),
    owner: { ...OWNER, pid: alive === false ? 4243 : 4242 },
  },
  // 4242 runs, 4243 is gone, anything else (another machine) cannot be told
  alive: (o: { pid: number }) => (o.pid === 4242 ? (alive === null ? null : true) : false),
});

test('staleRunning: a gone owner makes a record stale before its deadline; an alive or unknown one does not', () => {
  const gone = owned('arch=arm64', false);
  assert.equal(
    staleRunning(gone.record, NOW, gone.alive),
    'its gate (pid 4243 on runner-7) is no longer running and left no result',
  );
  assert.equal(staleRunning(gone.record, NOW), null, 'a reader that cannot check processes waits for the deadline');
  const alive = owned('arch=arm64', true);
  assert.equal(staleRunning(alive.record, NOW, alive.alive), null);
  const unknown = owned('arch=arm64', null);
  assert.equal(staleRunning(unknown.record, NOW, unknown.alive), null, 'another machine: the deadline decides');
  assert.match(
    staleRunning(alive.record, NOW + 2 * 3_600_000, alive.alive) ?? '',
    /was due to end by/,
    'the deadline holds even when the pid still answers (a reused pid)',
  );
});

test('2 blocked + 2 running arm64 cells whose gates are gone: arch=arm64 trips now, not at their deadline', () => {
  const threshold = parseThreshold('2,>50%');
  const a = owned('region=a,arch=arm64', false);
  const b = owned('region=b,arch=arm64', false);
  const state = foldRecords([
    a.record,
    b.record,
    rec('region=c,arch=arm64', 'blocked', 'fail P1: leak', '2026-12-02T11:58:00Z'),
    rec('region=d,arch=arm64', 'blocked', 'fail P1: leak', '2026-12-02T11:58:00Z'),
  ]);
  assert.deepEqual(
    dimensionTrips(state, threshold, NOW, a.alive).map((t) => `${t.dim}=${t.value}`),
    ['arch=arm64'],
  );
  assert.deepEqual(dimensionTrips(state, threshold, NOW), [], 'without the owner check they count until the deadline');
});

test('plan: a previous-wave cell left running by a gone gate holds the wave as inconclusive, naming it', () => {
  const stages = parseStages(
    'waves:\n  - cells: ["arch=amd64", "arch=arm64"]\n  - cells: ["region=x,arch=amd64"]\n',
    's.yml',
  );
  const pass = rec('arch=amd64', 'pass', 'pass', '2026-12-02T11:58:00Z');
  const gone = owned('arch=arm64', false);
  const held = planWave(stages, 2, foldRecords([pass, gone.record]), { now: NOW, ownerAlive: gone.alive });
  assert.equal(held.kind, 'held');
  assert.match(
    held.kind === 'held' ? held.message : '',
    /: arch=arm64 was left running and counts as inconclusive: its gate \(pid 4243 on runner-7\) is no longer running and left no result; re-run it\.$/,
  );
  const alive = owned('arch=arm64', true);
  const waiting = planWave(stages, 2, foldRecords([pass, alive.record]), { now: NOW, ownerAlive: alive.alive });
  assert.match(waiting.kind === 'held' ? waiting.message : '', /arch=arm64 is still running/);
  const late = planWave(stages, 2, foldRecords([pass, alive.record]), { now: NOW + 2 * 3_600_000 });
  assert.match(
    late.kind === 'held' ? late.message : '',
    /arch=arm64 was left running and counts as inconclusive: .*was due to end by/,
  );
});

// ---- the directory store, with real gate processes: one SIGKILLed, one alive ----

/** A process that begins a cell's gate (a running record with a 1 h deadline and its owner) and then waits. */
async function gateProcess(world: ReturnType<typeof dirWorld>, cell: string): Promise<ChildProcess> {
  const script = `
    import { openRunFuse } from ${JSON.stringify(new URL('../src/fuse/gate-fuse.ts', import.meta.url).pathname)};
    const fuse = openRunFuse(${JSON.stringify({ cell, fuse: 'on', 'fuse-scope': 'test-rollout' })}, { env: process.env, cwd: process.cwd() });
    await fuse.begin(3_600_000);
    process.stdout.write('begun\\n');
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
    cwd: world.cwd,
    env: world.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('begun') && resolve());
    child.once('exit', (code) => reject(new Error(`the gate process exited (${code}) before it began`)));
  });
  return child;
}

test('dir store: memgate plan, fuse status and the dimension rule see a SIGKILLed gate as gone at once', async () => {
  const world = dirWorld();
  const children: ChildProcess[] = [];
  try {
    writeFileSync(
      join(world.cwd, 's.yml'),
      'waves:\n  - cells: ["region=a,arch=amd64", "region=a,arch=arm64", "region=b,arch=arm64"]\n  - where: {}\n' +
        'matrix:\n  region: [a, b, c, d]\n  arch: [amd64, arm64]\n',
    );
    await runCell(world, 'region=a,arch=amd64', 'pass');
    const killed = await gateProcess(world, 'region=a,arch=arm64');
    const living = await gateProcess(world, 'region=b,arch=arm64');
    children.push(killed, living);
    const records = (await openRunFuse(
      { cell: 'region=a,arch=arm64', fuse: 'on', 'fuse-scope': 'test-rollout' },
      { env: world.env, cwd: world.cwd },
    )!.store.read()) as CellRecord[];
    const mine = records.find((r) => r.cell === 'region=a,arch=arm64')!;
    assert.equal(mine.owner?.pid, killed.pid, 'the running record names its process');
    assert.equal(mine.owner?.host, hostname());
    assert.ok(Number.isInteger(mine.owner?.start), 'and its start, against a reused pid');
    killed.kill('SIGKILL');
    await once(killed, 'exit');

    const plan = await runCli(world, ['plan', '--stages', 's.yml', '--stage', '2']);
    assert.equal(plan.code, 1, plan.stderr);
    assert.match(
      plan.stderr,
      new RegExp(
        `region=a,arch=arm64 was left running and counts as inconclusive: its gate \\(pid ${killed.pid} on ${hostname()}\\) is no longer running and left no result; re-run it`,
      ),
    );
    assert.match(plan.stderr, /region=b,arch=arm64 is still running/, 'the living gate is still waited for');

    const status = await runCli(world, ['fuse', 'status']);
    assert.match(status.stdout, /region=a,arch=arm64\s+running \(stale\)/);
    assert.match(status.stdout, /region=b,arch=arm64\s+running\s+yes/);

    // arm64: 2 blocked, 1 gone, 1 alive. 2 of 3 counted is more than 50%: the rule trips. While the first
    // gate was alive too (2 of 4), it could not.
    await runCell(world, 'region=c,arch=arm64', 'fail', '2,>50%');
    const last = await runCell(world, 'region=d,arch=arm64', 'fail', '2,>50%');
    assert.deepEqual(
      last.outcome?.tripped.map((t) => t.target),
      ['cell region=d,arch=arm64', 'arch=arm64'],
    );
    assert.match(last.outcome!.tripped[1].reason, /^2 of 2 finished arch=arm64 cells blocked, 1 still running/);
  } finally {
    for (const c of children) c.kill('SIGKILL');
    rmSync(world.cwd, { recursive: true, force: true });
  }
});

// Issue 11: a gate that ends without a verdict never leaves its cell `running`, and running records that
// can no longer be running (stale) do not hold a dimension value's share below its threshold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { gatedRun } from '../src/run/gated-run.ts';
import { openRunFuse } from '../src/fuse/gate-fuse.ts';
import {
  dimensionTrips,
  foldRecords,
  isStaleRunning,
  parseThreshold,
  runningReason,
  tallyDimensions,
} from '../src/fuse/rules.ts';
import type { CellRecord, FuseRecord } from '../src/fuse/types.ts';
import { UsageError } from '../src/model/errors.ts';
import { dirWorld } from './helpers/fuse-harness.ts';

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

test('isStaleRunning: past the deadline it wrote; a record without a readable deadline never', () => {
  const r = (reason: string, at: string) => rec('arch=amd64', 'running', reason, at) as CellRecord;
  assert.equal(isStaleRunning(r(runningReason(new Date(NOW - 1)), '2026-12-02T11:59:00Z'), NOW), true);
  assert.equal(isStaleRunning(r(runningReason(new Date(NOW + 1000)), '2026-12-02T11:59:00Z'), NOW), false);
  assert.equal(
    isStaleRunning(r('gate started', '2020-01-01T00:00:00Z'), NOW),
    false,
    'an older memgate wrote no deadline',
  );
  assert.equal(isStaleRunning(r('gate started; running until soon', '2020-01-01T00:00:00Z'), NOW), false);
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

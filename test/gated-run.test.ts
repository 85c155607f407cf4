// The one gated run the CLI, the Action and the fuse tests share: fuse check -> gate -> record -> trip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitCodeOf, gatedRun } from '../src/run/gated-run.ts';
import type { RunFuse } from '../src/fuse/gate-fuse.ts';
import type { GateOutcome } from '../src/gate/run-gate.ts';
import { UsageError } from '../src/model/errors.ts';
import { dirWorld, fakeReport, runCell } from './helpers/fuse-harness.ts';
import { openRunFuse } from '../src/fuse/gate-fuse.ts';

const quiet = { info: () => {}, warn: () => {} };

function countingGate(verdict: 'pass' | 'fail', outDir: string) {
  const gate = async (): Promise<GateOutcome> => {
    gate.calls++;
    return { kind: 'judged', report: fakeReport(verdict), reportPath: join(outDir, 'report.json'), outDir };
  };
  gate.calls = 0;
  return gate;
}

test('without the fuse: the gate runs and its exit status is the outcome', async () => {
  const gate = countingGate('fail', '/nonexistent');
  const outcome = await gatedRun({ fuse: null, outDir: '/nonexistent', logger: quiet, gate });
  assert.equal(gate.calls, 1);
  assert.equal(outcome.kind, 'judged');
  assert.equal(exitCodeOf(outcome), 1);
  assert.equal(
    exitCodeOf(
      await gatedRun({
        fuse: null,
        outDir: '/x',
        logger: quiet,
        gate: async () => ({ kind: 'interrupted', outDir: '/x' }),
      }),
    ),
    130,
  );
});

test('a fused cell does not run its gate, and gets OUT/fuse.json (CLI and Action alike)', async () => {
  const world = dirWorld();
  try {
    await runCell(world, 'region=cn-east-2,isp=cmcc,os=linux-5.10,arch=arm64', 'fail', '1,>50%');
    const raw = {
      cell: 'region=cn-north-1,isp=cmcc,os=linux-5.10,arch=arm64',
      fuse: 'on',
      'fuse-scope': 'test-rollout',
    };
    const outDir = join(world.cwd, 'fused-out');
    const gate = countingGate('pass', outDir);
    const outcome = await gatedRun({
      fuse: openRunFuse(raw, { env: world.env, cwd: world.cwd }),
      outDir,
      logger: quiet,
      gate,
    });
    assert.equal(gate.calls, 0, 'the gate did not run');
    assert.equal(outcome.kind, 'fused');
    assert.equal(exitCodeOf(outcome), 1);
    const written = JSON.parse(readFileSync(join(outDir, 'fuse.json'), 'utf8'));
    assert.equal(written.fused, true);
    assert.equal(written.recorded, null);
    assert.match(written.reason, /is fused: (arch=arm64|isp=cmcc|os=linux-5\.10) tripped/);
  } finally {
    rmSync(world.cwd, { recursive: true, force: true });
  }
});

/** A fuse whose store fails as told. */
function brokenFuse(on: 'begin' | 'afterGate', error: Error): RunFuse {
  return {
    config: { cell: { id: 'arch=amd64' } },
    store: { where: 'a broken store' },
    begin: async () => {
      if (on === 'begin') throw error;
      return { fused: false };
    },
    afterGate: async () => {
      throw error;
    },
  } as unknown as RunFuse;
}

test('an unreadable fuse store before the gate: exit 3, "try again", the gate does not run', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-gated-'));
  try {
    const gate = countingGate('pass', dir);
    const outcome = await gatedRun({
      fuse: brokenFuse('begin', new Error('HTTP 502')),
      outDir: dir,
      logger: quiet,
      gate,
    });
    assert.equal(gate.calls, 0);
    assert.equal(outcome.kind, 'fuse-unreadable');
    assert.equal(exitCodeOf(outcome), 3);
    assert.match(
      outcome.kind === 'fuse-unreadable' ? outcome.message : '',
      /could not read the fuse from a broken store before the gate: HTTP 502; .*try again/,
    );
    assert.equal(existsSync(join(dir, 'fuse.json')), false);
    await assert.rejects(
      gatedRun({ fuse: brokenFuse('begin', new UsageError('bad scope')), outDir: dir, logger: quiet, gate }),
      UsageError,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a result that cannot be recorded: a pass becomes exit 3, a block stays exit 1', async () => {
  const pass = await gatedRun({
    fuse: brokenFuse('afterGate', new Error('HTTP 500')),
    outDir: '/x',
    logger: quiet,
    gate: countingGate('pass', '/x'),
  });
  assert.equal(pass.kind, 'judged');
  assert.match(
    pass.kind === 'judged' ? (pass.fuseError?.message ?? '') : '',
    /could not record cell arch=amd64's result \(pass\) in a broken store: HTTP 500/,
  );
  assert.equal(exitCodeOf(pass), 3);
  const blocked = await gatedRun({
    fuse: brokenFuse('afterGate', new Error('HTTP 500')),
    outDir: '/x',
    logger: quiet,
    gate: countingGate('fail', '/x'),
  });
  assert.equal(exitCodeOf(blocked), 1);
  const usage = await gatedRun({
    fuse: brokenFuse('afterGate', new UsageError('no token')),
    outDir: '/x',
    logger: quiet,
    gate: countingGate('pass', '/x'),
  });
  assert.equal(exitCodeOf(usage), 2);
});

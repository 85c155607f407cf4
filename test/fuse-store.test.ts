// The fuse's behaviour through both stores: the directory store and GitHub commit statuses (a FakeGitHub).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeGitHub } from './helpers/fake-github.ts';
import {
  checkCellCli,
  dirWorld,
  githubWorld,
  runCell,
  runCli,
  startCell,
  type FuseWorld,
} from './helpers/fuse-harness.ts';

const C = {
  eastAmd: 'region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64',
  eastArm: 'region=cn-east-2,isp=cmcc,os=linux-5.10,arch=arm64',
  northAmd: 'region=cn-north-1,isp=ctcc,os=linux-6.1,arch=amd64',
  northArm: 'region=cn-north-1,isp=ctcc,os=linux-6.1,arch=arm64',
  westAmd: 'region=us-west-1,isp=att,os=linux-6.6,arch=amd64',
  westArm: 'region=us-west-1,isp=att,os=linux-6.6,arch=arm64',
};

let gh: FakeGitHub;
before(async () => {
  gh = await FakeGitHub.start();
});
after(async () => {
  await gh.close();
});

const worlds: [string, () => FuseWorld][] = [
  ['directory store', () => dirWorld()],
  // A fresh commit per test keeps the fake's statuses apart.
  [
    'GitHub store',
    () => githubWorld(gh, { GITHUB_SHA: Math.random().toString(16).slice(2).padEnd(40, '0').slice(0, 40) }),
  ],
];

for (const [name, makeWorld] of worlds) {
  describe(name, () => {
    test('a blocked arm64 cell stops the later arm64 cells and no amd64 cell', async () => {
      const world = makeWorld();
      // "1,>50%": one blocked cell is enough, but only for values it dominates.
      assert.equal((await runCell(world, C.eastAmd, 'pass', '1,>50%')).outcome?.recorded, 'pass');
      const blocked = await runCell(world, C.eastArm, 'fail', '1,>50%');
      assert.equal(blocked.outcome?.recorded, 'blocked');
      assert.deepEqual(
        blocked.outcome?.tripped.map((t) => t.target),
        [`cell ${C.eastArm}`, 'arch=arm64'],
        'region, isp and os are shared with a passing cell (1 of 2): not more than half',
      );
      assert.deepEqual(blocked.outcome?.tripped[1].cells, [C.eastArm]);

      for (const later of [C.northArm, C.westArm]) {
        const r = await checkCellCli(world, later);
        assert.equal(r.code, 1, r.stdout + r.stderr);
        assert.match(r.stdout, /is fused: arch=arm64 tripped/);
        assert.ok(r.stdout.includes(`first by cell ${C.eastArm}`), r.stdout);
        assert.match(r.stdout, /memgate fuse reset --dimension arch=arm64/);
        assert.equal((await runCell(world, later, 'pass')).outcome, null, 'a fused cell does not run its gate');
      }
      for (const healthy of [C.eastAmd, C.northAmd, C.westAmd]) {
        const r = await checkCellCli(world, healthy);
        assert.equal(r.code, 0, r.stdout + r.stderr);
        assert.match(r.stdout, /may run/);
      }
    });

    test('the default rule: two blocked arm64 cells trip arm64 and not the values they share with healthy cells', async () => {
      const world = makeWorld();
      await runCell(world, C.eastAmd, 'pass');
      const first = await runCell(world, C.eastArm, 'fail');
      assert.deepEqual(
        first.outcome?.tripped.map((t) => t.target),
        [`cell ${C.eastArm}`],
        'one blocked cell trips only itself',
      );
      assert.equal((await checkCellCli(world, C.northArm)).code, 0);
      await runCell(world, C.northAmd, 'pass');
      const second = await runCell(world, C.northArm, 'fail');
      assert.deepEqual(
        second.outcome?.tripped.map((t) => t.target),
        [`cell ${C.northArm}`, 'arch=arm64'],
      );
      assert.deepEqual(second.outcome?.tripped[1].cells, [C.eastArm, C.northArm]);
      assert.match(second.outcome!.tripped[1].reason, /2 of 2 finished arch=arm64 cells blocked \(rule 2,>50%\)/);
      assert.equal((await checkCellCli(world, C.westArm)).code, 1);
      assert.equal((await checkCellCli(world, C.westAmd)).code, 0);
    });

    test('a cell that blocks while its siblings still run does not look like 100% of the values it shares', async () => {
      const world = makeWorld();
      assert.equal((await startCell(world, C.eastAmd)).fused, false); // still running
      const blocked = await runCell(world, C.eastArm, 'fail', '1,>50%');
      assert.deepEqual(
        blocked.outcome?.tripped.map((t) => t.target),
        [`cell ${C.eastArm}`, 'arch=arm64'],
        'region/isp/os: 1 blocked of 2 started',
      );
      assert.match(blocked.outcome!.tripped[1].reason, /^1 of 1 finished arch=arm64 cells blocked \(rule 1,>50%\)$/);
      const status = await runCli(world, ['fuse', 'status']);
      assert.match(status.stdout, /region=cn-east-2\s+ok\s+1\/1 \+1 running/);
      assert.match(status.stdout, /region=cn-east-2,isp=cmcc,os=linux-5\.10,arch=amd64\s+running\s+yes/);
    });

    test('two cells tripping at once both land', async () => {
      const world = makeWorld();
      await runCell(world, C.eastAmd, 'pass');
      await runCell(world, C.northAmd, 'pass');
      const [a, b] = await Promise.all([runCell(world, C.eastArm, 'fail'), runCell(world, C.northArm, 'fail')]);
      assert.equal(a.outcome?.recorded, 'blocked');
      assert.equal(b.outcome?.recorded, 'blocked');
      const status = JSON.parse((await runCli(world, ['fuse', 'status', '--json'])).stdout);
      const cells = Object.fromEntries(status.cells.map((c: { cell: string; state: string }) => [c.cell, c.state]));
      assert.equal(cells[C.eastArm], 'blocked');
      assert.equal(cells[C.northArm], 'blocked');
      const arm = status.dimensions.find(
        (d: { dimension: string; value: string }) => d.dimension === 'arch' && d.value === 'arm64',
      );
      assert.equal(arm.fuse, 'tripped', 'whichever read last saw both and tripped arm64');
      assert.deepEqual([...arm.causedBy].sort(), [C.eastArm, C.northArm].sort());
      assert.equal((await checkCellCli(world, C.westArm)).code, 1);
      assert.equal((await checkCellCli(world, C.westAmd)).code, 0);
    });

    test('a reset lets the cell run again, and the reason is recorded', async () => {
      const world = makeWorld();
      await runCell(world, C.eastArm, 'fail');
      assert.equal((await checkCellCli(world, C.eastArm)).code, 1);
      const noReason = await runCli(world, ['fuse', 'reset', '--cell', C.eastArm]);
      assert.equal(noReason.code, 2);
      assert.match(noReason.stderr, /needs --reason/);
      const reset = await runCli(world, [
        'fuse',
        'reset',
        '--cell',
        C.eastArm,
        '--reason',
        'fixed the arena leak in 1f3e',
      ]);
      assert.equal(reset.code, 0, reset.stderr);
      assert.match(reset.stdout, /reset cell .* \(was blocked\)/);
      const again = await checkCellCli(world, C.eastArm);
      assert.equal(again.code, 0, again.stdout);
      assert.equal((await runCell(world, C.eastArm, 'pass')).outcome?.recorded, 'pass');
      const history = JSON.parse((await runCli(world, ['fuse', 'status', '--json', '--history'])).stdout);
      const resets = history.history.filter((r: { state: string }) => r.state === 'reset');
      assert.equal(resets.length, 1);
      assert.equal(resets[0].reason, 'fixed the arena leak in 1f3e');
      assert.equal(resets[0].by, world.kind === 'github' ? 'octocat' : 'tester');
      assert.deepEqual(
        history.history.map((r: { state: string }) => r.state),
        ['running', 'blocked', 'reset', 'running', 'pass'],
      );
    });

    test('a dimension reset: blocks before it no longer count toward the rule', async () => {
      const world = makeWorld();
      await runCell(world, C.eastArm, 'fail');
      await runCell(world, C.northArm, 'fail');
      assert.equal((await checkCellCli(world, C.westArm)).code, 1);
      const r = await runCli(world, [
        'fuse',
        'reset',
        '--dimension',
        'arch=arm64',
        '--reason',
        'runner pool was broken',
      ]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal((await checkCellCli(world, C.westArm)).code, 0);
      const third = await runCell(world, C.westArm, 'fail');
      assert.deepEqual(
        third.outcome?.tripped.map((t) => t.target),
        [`cell ${C.westArm}`],
        'one block since the reset',
      );
      const status = await runCli(world, ['fuse', 'status']);
      assert.match(status.stdout, /arch=arm64\s+reset\s+1\/1/);
      assert.match(status.stdout, /reset by \S+: runner pool was broken/);
    });

    test('manual trip of a dimension value, and resetting what is not tripped records nothing', async () => {
      const world = makeWorld();
      const trip = await runCli(world, [
        'fuse',
        'trip',
        '--dimension',
        'region=us-west-1',
        '--reason',
        'incident 4711',
      ]);
      assert.equal(trip.code, 0, trip.stderr);
      const r = await checkCellCli(world, C.westAmd);
      assert.equal(r.code, 1);
      assert.match(r.stdout, /region=us-west-1 tripped .*incident 4711/);
      const nothing = await runCli(world, ['fuse', 'reset', '--dimension', 'arch=amd64', '--reason', 'x']);
      assert.match(nothing.stdout, /arch=amd64 is not tripped; nothing recorded/);
    });
  });
}

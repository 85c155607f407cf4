// Replicas: one group per process, inside its side's group, on whatever cgroup driver this host gives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { probeHost, selectDriver } from '../src/workload/cgroup/detect.ts';
import { SystemdDriver } from '../src/workload/cgroup/systemd.ts';
import { groupName, workloadEnv } from '../src/source/local-pair/start.ts';
import { processGone, requireRoot } from './helpers/env.ts';

test('group names: the side alone without replicas, side/N inside the side with them', () => {
  assert.equal(groupName('gray', 0, 1), 'gray');
  assert.equal(groupName('gray', 0, 3), 'gray/1');
  assert.equal(groupName('baseline', 2, 3), 'baseline/3');
});

test("both sides get one heap sampling rate through GODEBUG, after any of the user's own settings", () => {
  assert.deepEqual(workloadEnv({ PATH: '/bin' }, null), { PATH: '/bin' });
  assert.equal(workloadEnv({ PATH: '/bin' }, 65536).GODEBUG, 'memprofilerate=65536');
  assert.equal(
    workloadEnv({ GODEBUG: 'gctrace=1,memprofilerate=1' }, 4096).GODEBUG,
    'gctrace=1,memprofilerate=1,memprofilerate=4096',
  );
});

test("systemd: a replica is a scope in its side's slice, memgate-gray.slice inside memgate.slice", async () => {
  const driver = new SystemdDriver('/sys/fs/cgroup', true);
  const group = await driver.create('gray/2', null);
  assert.match(
    group.location,
    /^\/sys\/fs\/cgroup\/memgate\.slice\/memgate-gray\.slice\/memgate-gray-2-\d+-[0-9a-f]{6}\.scope$/,
  );
  const spec = group.launch('./svc');
  assert.ok(spec.args.includes('--slice=memgate-gray.slice'), spec.args.join(' '));
  const single = await driver.create('gray', null);
  assert.ok(single.launch('./svc').args.includes('--slice=memgate.slice'));
});

test("on this host: each replica in its own group inside its side's group, measured apart, all removed at the end", async () => {
  requireRoot();
  const driver = selectDriver('auto', probeHost());
  if (driver.name === 'none')
    throw new Error('this host gave no cgroup driver; the suite runs as root on a cgroup host');
  const groups = [await driver.create('baseline/1', null), await driver.create('baseline/2', null)];
  const children: number[] = [];
  try {
    if (driver.name !== 'systemd') {
      assert.match(groups[0].location, /\/baseline\/1$/);
      assert.match(groups[1].location, /\/baseline\/2$/);
      assert.equal(
        groups[0].location.replace(/\/1$/, ''),
        groups[1].location.replace(/\/2$/, ''),
        'both inside one side group',
      );
    }
    // A process in each: each group sees only its own.
    for (const group of groups) {
      const spec = group.launch('exec sleep 30');
      const child = spawn(spec.file, spec.args, { stdio: 'ignore' });
      group.adopt(child.pid!);
      children.push(child.pid!);
    }
    for (let i = 0; i < 100 && groups.some((g) => g.pids().length === 0); i++) await sleep(20);
    assert.equal(groups[0].pids().length, 1);
    assert.equal(groups[1].pids().length, 1);
    assert.notDeepEqual(groups[0].pids(), groups[1].pids());
    assert.ok((groups[0].readCurrent() ?? 0) > 0, 'memory is read per replica');
  } finally {
    for (const group of groups) {
      await group.killAll();
      await group.remove();
    }
    await driver.dispose();
  }
  for (const pid of children) assert.ok(processGone(pid), `process ${pid} left behind`);
  for (const group of groups) assert.ok(!existsSync(group.location), `${group.location} left behind`);
  if (driver.name !== 'systemd')
    assert.ok(!existsSync(groups[0].location.replace(/\/1$/, '')), 'the side group is removed too');
});

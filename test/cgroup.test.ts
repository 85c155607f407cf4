import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { cgroupLayout, readCgroupLayout } from '../src/workload/cgroup/mounts.ts';
import { CgroupfsDriver } from '../src/workload/cgroup/cgroupfs.ts';
import { ProcessTreeDriver } from '../src/workload/cgroup/proc-tree.ts';
import { SystemdDriver } from '../src/workload/cgroup/systemd.ts';
import { selectDriver, probeHost, type HostFacts } from '../src/workload/cgroup/detect.ts';
import { parseKeyValues, statFromV1, statFromV2 } from '../src/workload/cgroup/stat.ts';
import { UsageError } from '../src/model/errors.ts';
import { processGone, requireRoot } from './helpers/env.ts';

test('layout from a hybrid host (v1 memory, v2 unified without memory)', () => {
  const mountInfo = [
    '31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755',
    '35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory',
    '41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw',
  ].join('\n');
  const procCgroup = '4:memory:/process_api/abc\n1:cpu:/\n0::/\n';
  assert.deepEqual(cgroupLayout(mountInfo, procCgroup), { v1Memory: '/sys/fs/cgroup/memory/process_api/abc', v2: '/sys/fs/cgroup/unified', v2Mount: '/sys/fs/cgroup/unified' });
});

test('layout on a GitHub runner (pure v2, inside a systemd service)', () => {
  const mountInfo = '29 22 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate';
  const layout = cgroupLayout(mountInfo, '0::/system.slice/runner.service\n');
  assert.deepEqual(layout, { v1Memory: null, v2: '/sys/fs/cgroup/system.slice/runner.service', v2Mount: '/sys/fs/cgroup' });
});

test('memory.stat of both versions maps to anon/file/kernel/sock', () => {
  const v2 = statFromV2(parseKeyValues('anon 100\nfile 200\nkernel 30\nsock 4\nslab 9\n'));
  assert.deepEqual(v2, { anonBytes: 100, fileBytes: 200, kernelBytes: 30, sockBytes: 4 });
  const v2old = statFromV2(parseKeyValues('anon 1\nfile 2\nkernel_stack 3\nslab 4\npercpu 5\n'));
  assert.equal(v2old.kernelBytes, 12);
  const v1 = statFromV1(parseKeyValues('rss 5\ncache 6\ntotal_rss 50\ntotal_cache 60\n'), 7, 8);
  assert.deepEqual(v1, { anonBytes: 50, fileBytes: 60, kernelBytes: 7, sockBytes: 8 });
});

const hybrid = (over: Partial<HostFacts>): HostFacts => ({
  layout: { v1Memory: '/nonexistent/memory/x', v2: '/nonexistent/unified', v2Mount: '/nonexistent/unified' },
  isRoot: false,
  systemdIsInit: false,
  v2HasMemory: false,
  sudoWorks: () => false,
  ...over,
});

test('without privileges for any driver the error names the fixes', () => {
  assert.throws(() => selectDriver('auto', hybrid({})), (e: unknown) => e instanceof UsageError && /no privileges for any cgroup driver/.test(e.message) && /--cgroup-driver none/.test(e.message));
  assert.throws(() => selectDriver('systemd', hybrid({})), /systemd is not PID 1/);
});

test('a host with no memory controller at all falls back to process-tree RSS', () => {
  const driver = selectDriver('auto', hybrid({ layout: { v1Memory: null, v2: null, v2Mount: null } }));
  assert.equal(driver.name, 'none');
  assert.ok(driver.limitations.length > 0);
});

test('on this machine auto picks v1, with memory accounted', () => {
  requireRoot();
  const driver = selectDriver('auto', probeHost());
  assert.equal(driver.name, 'v1');
});

async function runIn(driver: CgroupfsDriver | ProcessTreeDriver, memoryMax: number | null) {
  const group = await driver.create('gray', memoryMax);
  const spec = group.launch('sh -c "sleep 30 & sleep 30 & wait"');
  const child = spawn(spec.file, spec.args, { stdio: 'ignore' });
  group.adopt(child.pid!);
  for (let i = 0; i < 100 && group.pids().length < 3; i++) await sleep(20);
  return { group, child };
}

test('v1 driver: processes are born inside, memory is read, kill leaves nothing, group removed', async (t) => {
  requireRoot();
  const layout = readCgroupLayout();
  const driver = new CgroupfsDriver('v1', layout.v1Memory!);
  const { group } = await runIn(driver, 64 * 1024 * 1024);
  // Whatever an assertion does, nothing stays behind (all three steps are safe to repeat).
  t.after(async () => {
    await group.killAll();
    await group.remove();
    await driver.dispose();
  });
  const pids = group.pids();
  assert.ok(pids.length >= 3, `shell and two sleeps in the group: ${pids}`);
  assert.ok(group.readCurrent()! > 0);
  assert.equal(group.readOomKills(), 0);
  assert.ok(group.readStat()!.anonBytes >= 0);
  await group.killAll();
  assert.deepEqual(group.pids(), []);
  for (const pid of pids) assert.ok(processGone(pid), `pid ${pid} gone`);
  await group.remove();
  await driver.dispose();
  assert.ok(!existsSync(driver.rootPath));
});

test('v2 driver lifecycle on the unified hierarchy: cgroup.kill empties the group', async (t) => {
  requireRoot();
  const layout = readCgroupLayout();
  assert.ok(layout.v2, 'this host mounts cgroup v2 at /sys/fs/cgroup/unified');
  const driver = new CgroupfsDriver('v2', layout.v2);
  const { group } = await runIn(driver, null);
  t.after(async () => {
    await group.killAll();
    await group.remove();
    await driver.dispose();
  });
  assert.ok(group.pids().length >= 3);
  await group.killAll();
  assert.deepEqual(group.pids(), []);
  await group.remove();
  await driver.dispose();
  assert.ok(!existsSync(driver.rootPath));
  assert.equal(readdirSync(layout.v2).filter((d) => d.startsWith('memgate-')).length, 0);
});

test('process-tree driver follows forks and kills the whole tree', async () => {
  const driver = new ProcessTreeDriver();
  const { group } = await runIn(driver, null);
  const pids = group.pids();
  assert.ok(pids.length >= 3, String(pids));
  assert.ok(group.readCurrent()! > 0);
  await group.killAll();
  await sleep(50);
  for (const pid of pids) assert.ok(processGone(pid), `pid ${pid} gone`);
});

test('systemd driver: a transient scope in memgate.slice, through sudo -n unless root, with the memory limit', async () => {
  const asUser = await new SystemdDriver('/sys/fs/cgroup', false).create('gray', 64 * 1024 * 1024);
  const spec = asUser.launch('./bin/head -addr 127.0.0.1:4000');
  assert.equal(spec.file, 'sudo');
  assert.deepEqual(spec.args.slice(0, 5), ['-n', 'systemd-run', '--scope', '--quiet', '--collect']);
  const unit = spec.args.find((a) => a.startsWith('--unit='))!.slice('--unit='.length);
  assert.match(unit, /^memgate-gray-\d+-[0-9a-f]{6}$/);
  assert.ok(spec.args.includes('--slice=memgate.slice'));
  assert.ok(spec.args.includes(`MemoryMax=${64 * 1024 * 1024}`));
  assert.deepEqual(spec.args.slice(-4), ['--', '/bin/sh', '-c', './bin/head -addr 127.0.0.1:4000']);
  // Memory is read from the scope's own cgroup, where the real pids are.
  assert.equal(asUser.location, `/sys/fs/cgroup/memgate.slice/${unit}.scope`);
  const asRoot = (await new SystemdDriver('/sys/fs/cgroup', true).create('baseline', null)).launch('x');
  assert.equal(asRoot.file, 'systemd-run');
  assert.ok(!asRoot.args.some((a) => a.startsWith('MemoryMax=')));
});

test('a systemd host prefers the systemd driver, as root too (a service cgroup with processes cannot delegate memory)', () => {
  const host = hybrid({ systemdIsInit: true, v2HasMemory: true, isRoot: true, layout: { v1Memory: null, v2: '/tmp', v2Mount: '/sys/fs/cgroup' } });
  assert.equal(selectDriver('auto', host).name, 'systemd');
  assert.equal(selectDriver('auto', { ...host, isRoot: false, sudoWorks: () => true }).name, 'systemd');
});

import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { cgroupLayout, readCgroupLayout } from '../src/workload/cgroup/mounts.ts';
import { CgroupfsDriver } from '../src/workload/cgroup/cgroupfs.ts';
import { ProcessTreeDriver } from '../src/workload/cgroup/proc-tree.ts';
import { SystemdDriver } from '../src/workload/cgroup/systemd.ts';
import { selectDriver, probeHost, type HostFacts } from '../src/workload/cgroup/detect.ts';
import { parseKeyValues, statFromV1, statFromV2 } from '../src/workload/cgroup/stat.ts';
import type { CgroupDriver } from '../src/workload/cgroup/types.ts';
import { UsageError } from '../src/model/errors.ts';
import { processGone, requireRoot } from './helpers/env.ts';

test('layout from a hybrid host (v1 memory, v2 unified without memory)', () => {
  const mountInfo = [
    '31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755',
    '35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory',
    '41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw',
  ].join('\n');
  const procCgroup = '4:memory:/process_api/abc\n1:cpu:/\n0::/\n';
  assert.deepEqual(cgroupLayout(mountInfo, procCgroup), {
    v1Memory: '/sys/fs/cgroup/memory/process_api/abc',
    v2: '/sys/fs/cgroup/unified',
    v2Mount: '/sys/fs/cgroup/unified',
  });
});

test('layout on a GitHub runner (pure v2, inside a systemd service)', () => {
  const mountInfo = '29 22 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate';
  const layout = cgroupLayout(mountInfo, '0::/system.slice/runner.service\n');
  assert.deepEqual(layout, {
    v1Memory: null,
    v2: '/sys/fs/cgroup/system.slice/runner.service',
    v2Mount: '/sys/fs/cgroup',
  });
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
  assert.throws(
    () => selectDriver('auto', hybrid({})),
    (e: unknown) =>
      e instanceof UsageError &&
      /no privileges for any cgroup driver/.test(e.message) &&
      /--cgroup-driver none/.test(e.message),
  );
  assert.throws(() => selectDriver('systemd', hybrid({})), /systemd is not PID 1/);
});

test('a host with no memory controller at all falls back to process-tree RSS', () => {
  const driver = selectDriver('auto', hybrid({ layout: { v1Memory: null, v2: null, v2Mount: null } }));
  assert.equal(driver.name, 'none');
  assert.ok(driver.limitations.length > 0);
});

// ---- the drivers on the host the suite runs on -----------------------------------------------------------
// This project's machines: cgroup v1 memory controller + cgroup2 (no memory) at /sys/fs/cgroup/unified, no
// systemd, root. GitHub's ubuntu-24.04: cgroup v2 unified with memory, systemd as PID 1 (`sudo npm test`).
// A pure v2 host without systemd (a container, say): the v2 driver. Each kind runs its own driver for real.

type HostKind = 'systemd' | 'v2' | 'v1-hybrid' | 'v1';
function hostKind(host: HostFacts): HostKind {
  if (host.systemdIsInit && host.v2HasMemory) return 'systemd';
  if (host.v2HasMemory) return 'v2';
  if (host.layout.v1Memory) return host.layout.v2 ? 'v1-hybrid' : 'v1';
  throw new Error(
    `this host has no cgroup memory controller (layout ${JSON.stringify(host.layout)}): the driver tests need one (cgroup v1 memory, or cgroup v2 with memory)`,
  );
}
const EXPECTED_DRIVER: Record<HostKind, string> = { systemd: 'systemd', v2: 'v2', 'v1-hybrid': 'v1', v1: 'v1' };

test('auto picks the driver this host calls for: systemd on a systemd host, else v2 with memory, else v1', () => {
  requireRoot();
  const host = probeHost();
  const kind = hostKind(host);
  assert.equal(selectDriver('auto', host).name, EXPECTED_DRIVER[kind], `host kind ${kind}`);
});

/** Starts `sh` forking two sleeps through the driver's launch spec, born inside the group. */
async function runIn(driver: CgroupDriver, memoryMax: number | null) {
  const group = await driver.create('gray', memoryMax);
  const spec = group.launch('sh -c "sleep 30 & sleep 30 & wait"');
  const child = spawn(spec.file, spec.args, { stdio: 'ignore' });
  group.adopt(child.pid!);
  for (let i = 0; i < 150 && group.pids().length < 3; i++) await sleep(20);
  return { group, child };
}

/** The memory limit as the group's cgroup holds it (v1: memory.limit_in_bytes; v2 and systemd: memory.max). */
const limitFile = (driver: CgroupDriver, location: string) =>
  `${location}/${driver.name === 'v1' ? 'memory.limit_in_bytes' : 'memory.max'}`;

async function lifecycle(t: TestContext, driver: CgroupDriver, memoryMax: number | null) {
  const { group, child } = await runIn(driver, memoryMax);
  // Whatever an assertion does, nothing stays behind (all three steps are safe to repeat).
  t.after(async () => {
    await group.killAll();
    await group.remove();
    await driver.dispose();
    child.kill('SIGKILL');
  });
  const pids = group.pids();
  assert.ok(pids.length >= 3, `shell and two sleeps in the group: ${pids}`);
  if (memoryMax !== null) {
    assert.ok(group.readCurrent()! > 0, 'memory is accounted');
    assert.equal(group.readOomKills(), 0);
    assert.ok(group.readStat()!.anonBytes >= 0);
    assert.equal(
      Number(readFileSync(limitFile(driver, group.location), 'utf8').trim()),
      memoryMax,
      'the memory limit is set',
    );
  }
  await group.killAll();
  assert.deepEqual(group.pids(), []);
  await sleep(50);
  for (const pid of pids) assert.ok(processGone(pid), `pid ${pid} gone`);
  await group.remove();
  await driver.dispose();
  for (let i = 0; i < 50 && existsSync(group.location); i++) await sleep(20);
  assert.ok(!existsSync(group.location), `${group.location} removed`);
}

test('the driver auto picks on this host, for real: born inside, memory and limit read, killed, removed', async (t) => {
  requireRoot();
  const host = probeHost();
  const driver = selectDriver('auto', host);
  assert.equal(driver.name, EXPECTED_DRIVER[hostKind(host)]);
  await lifecycle(t, driver, 64 * 1024 * 1024);
  if (driver instanceof CgroupfsDriver) assert.ok(!existsSync(driver.rootPath), 'the per-run parent group is gone too');
});

test('v1 driver lifecycle (hosts with the v1 memory controller)', async (t) => {
  requireRoot();
  const layout = readCgroupLayout();
  if (!layout.v1Memory) {
    t.skip(
      `no cgroup v1 memory hierarchy on this ${hostKind(probeHost())} host; its own driver's lifecycle is tested above`,
    );
    return;
  }
  await lifecycle(t, new CgroupfsDriver('v1', layout.v1Memory), 64 * 1024 * 1024);
});

test("v2 lifecycle on a hybrid host's unified hierarchy (no memory there): cgroup.kill empties the group", async (t) => {
  requireRoot();
  const host = probeHost();
  const kind = hostKind(host);
  if (kind !== 'v1-hybrid') {
    // On a v2 host the v2 (or systemd) driver with memory is the test above; a systemd host's own cgroup is a
    // service with processes, where a cgroupfs child cannot take the memory controller.
    t.skip(`a ${kind} host: the v2 lifecycle with memory runs in the auto-driver test`);
    return;
  }
  const driver = new CgroupfsDriver('v2', host.layout.v2!);
  await lifecycle(t, driver, null);
  assert.equal(readdirSync(host.layout.v2!).filter((d) => d.startsWith(`memgate-${process.pid}-`)).length, 0);
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
  const host = hybrid({
    systemdIsInit: true,
    v2HasMemory: true,
    isRoot: true,
    layout: { v1Memory: null, v2: '/tmp', v2Mount: '/sys/fs/cgroup' },
  });
  assert.equal(selectDriver('auto', host).name, 'systemd');
  assert.equal(selectDriver('auto', { ...host, isRoot: false, sudoWorks: () => true }).name, 'systemd');
});

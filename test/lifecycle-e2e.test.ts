// Nothing outlives memgate, and what it stops gets to stop: with real cgroups and Go workloads.
// - SIGKILL of `memgate run` mid-window: the watchdog kills both sides and removes the cgroups within 2 s.
// - Cgroups of memgate processes that are gone are removed by the next run and by the Action's post step.
// - Teardown is a graceful stop: SIGTERM, --stop-timeout to exit, then SIGKILL; the shutdown's output
//   stays in bundle/workloads.log.
// - Workloads get a scrubbed environment (no GITHUB_TOKEN, ACTIONS_*, INPUT_*); --pass-env passes one.
// Run under the e2e lock: it checks the machine for leftovers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  rmdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT, fixtureBin, leftoverCgroups, leftoverProcesses } from './helpers/fixtures.ts';
import { spawnCli } from './helpers/spawn-cli.ts';
import { requireRoot } from './helpers/env.ts';
import { readCgroupLayout } from '../src/workload/cgroup/mounts.ts';
import { WATCHDOG_NAME } from '../src/workload/watchdog.ts';

let work: string;
const bin = (name: string) => join(work, 'bin', name);
const service = (name: string) => `${bin(name)} -addr 127.0.0.1:{port}`;
const quick = [
  '--warmup',
  '1s',
  '--duration',
  '3s',
  '--max-duration',
  '3s',
  '--interval',
  '100ms',
  '--ebpf',
  'off',
  '--pprof',
  'off',
  '--replicas',
  '1',
];

before(() => {
  requireRoot();
  work = mkdtempSync(join(tmpdir(), 'memgate-lifecycle-'));
  mkdirSync(join(work, 'bin'));
  copyFileSync(fixtureBin('healthy'), bin('healthy'));
  copyFileSync(fixtureBin('healthy'), bin('healthy-head'));
});
after(() => rmSync(work, { recursive: true, force: true }));

/** Live watchdogs (other runs on the machine have theirs): `parent` narrows them to one memgate's. */
function watchdogs(parent?: number): string[] {
  const found: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z' || (parent !== undefined && Number(fields[1]) !== parent)) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(WATCHDOG_NAME)) found.push(entry);
    } catch {
      // gone
    }
  }
  return found;
}

/** A pid that no process has now: a child that has exited and been reaped. */
function deadPid(): number {
  const child = spawnSync('/bin/sh', ['-c', 'echo $$'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

test('SIGKILL of memgate run mid-window: both sides and their cgroups are gone within 2 s', async () => {
  const args = [
    'run',
    '--baseline',
    service('healthy'),
    '--gray',
    service('healthy-head'),
    '--warmup',
    '1s',
    '--duration',
    '60s',
    '--max-duration',
    '60s',
    '--ebpf',
    'off',
    '--pprof',
    'off',
    '--replicas',
    '2',
    '--out',
    join(work, 'killed'),
  ];
  const started = Date.now();
  const child = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], {
    cwd: work,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  // Until both sides are sampled (the progress line), then SIGKILL: no handler, no teardown.
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const ownWatchdogs: string[] = [];
  try {
    while (!/warm-up/.test(stderr) && Date.now() - started < 30_000) await sleep(50);
    assert.match(stderr, /warm-up/, stderr);
    // Four services (and their shells); memgate's own command line names the directory too.
    const services = leftoverProcesses(work).filter((p) => !p.startsWith(`${child.pid}:`) && !p.includes('/bin/sh'));
    assert.equal(services.length, 4, `four workloads run before the kill: ${services.join('\n')}`);
    assert.equal(leftoverCgroups(child.pid!).length > 0, true, 'its cgroups exist before the kill');
    ownWatchdogs.push(...watchdogs(child.pid!));
    assert.equal(ownWatchdogs.length, 1, 'one watchdog runs beside memgate');
  } finally {
    child.kill('SIGKILL');
    await exited;
  }
  const killedAt = Date.now();
  while ((leftoverProcesses(work).length > 0 || leftoverCgroups(child.pid!).length > 0) && Date.now() - killedAt < 5000)
    await sleep(20);
  const took = Date.now() - killedAt;
  assert.deepEqual(leftoverProcesses(work), [], 'no workload left');
  assert.deepEqual(leftoverCgroups(child.pid!), [], 'no cgroup left');
  assert.ok(took <= 2000, `gone within 2 s of the kill (took ${took} ms)`);
  await sleep(200);
  assert.deepEqual(
    ownWatchdogs.filter((pid) => watchdogs().includes(pid)),
    [],
    'the watchdog ended after its work',
  );
});

test('cgroups of a memgate that is gone are removed by the next run, and by the Action post step', async () => {
  const layout = readCgroupLayout();
  const parent = layout.v1Memory ?? layout.v2;
  assert.ok(parent, 'a writable cgroup hierarchy');
  // An orphan as a SIGKILLed memgate whose watchdog died too would leave it: a side group with a live process.
  const plant = () => {
    const dir = join(parent!, `memgate-${deadPid()}-c0ffee`);
    mkdirSync(join(dir, 'gray'), { recursive: true });
    const sleeper = spawn('/bin/sh', ['-c', `echo $$ > ${join(dir, 'gray', 'cgroup.procs')} && exec sleep 300`], {
      stdio: 'ignore',
      detached: true,
    });
    sleeper.unref();
    return { dir, sleeper };
  };
  const first = plant();
  await sleep(200);
  assert.ok(readFileSync(join(first.dir, 'gray', 'cgroup.procs'), 'utf8').trim() !== '', 'the orphan holds a process');
  const run = await spawnCli(
    [
      'run',
      '--baseline',
      service('healthy'),
      '--gray',
      service('healthy-head'),
      ...quick,
      '--out',
      join(work, 'sweep'),
    ],
    { cwd: work },
  );
  assert.ok(run.code === 0 || run.code === 3, run.stderr);
  assert.match(run.stderr, /removed 1 cgroup\(s\) left by memgate runs that are gone/);
  assert.equal(existsSync(first.dir), false, 'the next run removed the orphan');
  await sleep(100);
  assert.equal(
    first.sleeper.exitCode !== null || first.sleeper.signalCode !== null,
    true,
    "the orphan's process was killed",
  );

  const second = plant();
  await sleep(200);
  const post = spawnSync(process.execPath, [join(ROOT, 'dist/post.js')], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: 'true' },
  });
  assert.equal(post.status, 0, post.stderr);
  assert.match(post.stdout, /memgate post: removed what a killed run left/);
  assert.equal(existsSync(second.dir), false, 'the post step removed the orphan');
  // A live memgate's group is never touched.
  const live = join(parent!, `memgate-${process.pid}-beef01`);
  mkdirSync(live);
  try {
    const again = spawnSync(process.execPath, [join(ROOT, 'dist/post.js')], { cwd: work, encoding: 'utf8' });
    assert.match(again.stdout, /nothing left behind/);
    assert.ok(existsSync(live), "a running memgate's group stays");
  } finally {
    rmdirSync(live);
  }
});

test('graceful stop: SIGTERM first, a workload that flushes on SIGTERM gets to, its output is kept', async () => {
  const flushing = (side: string, name: string) =>
    `trap 'echo "${side} flushing stats"; echo flushed > ${join(work, `flushed-${side}`)}; kill $c 2>/dev/null; exit 0' TERM; ${bin(name)} -addr 127.0.0.1:{port} & c=$!; wait $c`;
  const run = await spawnCli(
    [
      'run',
      '--baseline',
      flushing('baseline', 'healthy'),
      '--gray',
      flushing('gray', 'healthy-head'),
      ...quick,
      '--out',
      join(work, 'graceful'),
    ],
    { cwd: work },
  );
  assert.ok(run.code === 0 || run.code === 3, run.stderr);
  for (const side of ['baseline', 'gray'])
    assert.equal(readFileSync(join(work, `flushed-${side}`), 'utf8'), 'flushed\n', `${side} wrote its file on SIGTERM`);
  const log = readFileSync(join(work, 'graceful/bundle/workloads.log'), 'utf8');
  assert.match(log, /\[memgate\] stopping: SIGTERM to 2 workload groups, 10s to exit/);
  assert.match(log, /\[baseline\] baseline flushing stats/);
  assert.match(log, /\[gray\] gray flushing stats/);
  assert.match(log, /\[memgate\] stopped: every workload exited on SIGTERM/);
  assert.deepEqual(leftoverCgroups(run.pid), []);
  assert.deepEqual(leftoverProcesses(work), []);
});

test('--stop-timeout: a workload that ignores SIGTERM is killed when it runs out', async () => {
  const stubborn = (name: string) => `trap '' TERM; ${bin(name)} -addr 127.0.0.1:{port} & while :; do sleep 0.1; done`;
  const run = await spawnCli(
    [
      'run',
      '--baseline',
      stubborn('healthy'),
      '--gray',
      stubborn('healthy-head'),
      ...quick,
      '--stop-timeout',
      '1500ms',
      '--out',
      join(work, 'stubborn'),
    ],
    { cwd: work },
  );
  assert.ok(run.code === 0 || run.code === 3, run.stderr);
  const log = readFileSync(join(work, 'stubborn/bundle/workloads.log'), 'utf8');
  assert.match(log, /\[memgate\] still running after 1\.5s: .*; SIGKILL/);
  assert.deepEqual(leftoverCgroups(run.pid), []);
  assert.deepEqual(leftoverProcesses(work), []);
});

test('workloads get a scrubbed environment; --pass-env passes one variable', async () => {
  const dumping = (side: string, name: string) =>
    `env > ${join(work, `env-${side}`)}; exec ${bin(name)} -addr 127.0.0.1:{port}`;
  const extraEnv = {
    GITHUB_TOKEN: 'ghs_secretvalue1',
    ACTIONS_RUNTIME_TOKEN: 'rt-secret',
    INPUT_GITHUB_TOKEN: 'ghs_input',
    NPM_TOKEN: 'npm-secret',
    MY_API_TOKEN: 'kept-on-purpose',
    MEMGATE_TEST_PLAIN: 'plain',
  };
  const run = await spawnCli(
    [
      'run',
      '--baseline',
      dumping('baseline', 'healthy'),
      '--gray',
      dumping('gray', 'healthy-head'),
      ...quick,
      '--pass-env',
      'MY_API_TOKEN',
      '--out',
      join(work, 'env'),
    ],
    { cwd: work, extraEnv },
  );
  assert.ok(run.code === 0 || run.code === 3, run.stderr);
  for (const side of ['baseline', 'gray']) {
    const env = readFileSync(join(work, `env-${side}`), 'utf8');
    for (const secret of ['ghs_secretvalue1', 'rt-secret', 'ghs_input', 'npm-secret'])
      assert.ok(!env.includes(secret), `${side} does not see ${secret}`);
    assert.match(env, /^MY_API_TOKEN=kept-on-purpose$/m, 'passed with --pass-env');
    assert.match(env, /^MEMGATE_TEST_PLAIN=plain$/m, 'other variables stay');
    assert.match(env, /^GODEBUG=memprofilerate=65536$/m, 'the heap sampling rate still set');
  }
  assert.match(run.stderr, /the workloads run without .*GITHUB_TOKEN/);
  assert.doesNotMatch(run.stderr, /ghs_secretvalue1/);
  const bad = await spawnCli(
    ['run', '--baseline', service('healthy'), '--gray', service('healthy-head'), '--pass-env', 'BAD-NAME'],
    { cwd: work },
  );
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--pass-env: "BAD-NAME" is not an environment variable name/);
});

test('secrets are redacted from workloads.log, report.json and report.html', async () => {
  const token = 'ghs_0123456789abcdefSECRET';
  // Passed on purpose (--pass-env), printed by gray just before it dies: its last words reach the report.
  const leaky = `echo "my token is $GITHUB_TOKEN"; exec ${bin('healthy-head')} -addr 127.0.0.1:{port} -crash-after 2s`;
  const run = await spawnCli(
    [
      'run',
      '--baseline',
      service('healthy'),
      '--gray',
      leaky,
      ...quick,
      '--pass-env',
      'GITHUB_TOKEN',
      '--out',
      join(work, 'redact'),
    ],
    { cwd: work, extraEnv: { GITHUB_TOKEN: token } },
  );
  assert.equal(run.code, 1, run.stderr);
  const files = ['bundle/workloads.log', 'bundle/final.json', 'bundle/meta.json', 'report.json', 'report.html'].map(
    (f) => [f, readFileSync(join(work, 'redact', f), 'utf8')] as const,
  );
  for (const [name, text] of files) assert.ok(!text.includes(token), `${name} does not hold the token`);
  assert.match(files[0][1], /\[gray\] my token is \*\*\*/);
  assert.match(files[3][1], /my token is \*\*\*/, "the gray's last output in report.json, redacted");
  assert.ok(!run.stdout.includes(token) && !run.stderr.includes(token), 'nor the console');
});

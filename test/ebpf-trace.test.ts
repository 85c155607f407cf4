// eBPF allocation tracing for real: bpftrace attached to the Go fixtures through the bundled CLI, as
// root. What each test asserts about the leak comes from the fixtures' known allocating functions.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLI, fixtureBin, leftoverCgroups, leftoverProcesses, ROOT } from './helpers/fixtures.ts';
import { spawnCli, type CliRun } from './helpers/spawn-cli.ts';
import { processGone, requireBpftrace } from './helpers/env.ts';
import { which } from '../src/collect/ebpf-symbolize.ts';
import type { Report } from '../src/report/report-json.ts';
import type { EbpfTrace } from '../src/model/ebpf.ts';

let work: string;
const bin = (name: string) => join(work, 'bin', name);

before(() => {
  requireBpftrace();
  work = mkdtempSync(join(tmpdir(), 'memgate-ebpf-'));
  mkdirSync(join(work, 'bin'));
  for (const name of ['healthy', 'leak-map', 'bufgrowth']) copyFileSync(fixtureBin(name), bin(name));
  copyFileSync(fixtureBin('healthy'), bin('stripped'));
  const strip = which('strip')
    ? spawnSync('strip', [bin('stripped')])
    : spawnSync('go', ['build', '-ldflags=-s -w', '-o', bin('stripped'), '.'], {
        cwd: join(ROOT, 'fixtures/service'),
        env: { ...process.env, GOPROXY: 'off', GOTOOLCHAIN: 'local', CGO_ENABLED: '0' },
      });
  assert.equal(strip.status, 0, String(strip.stderr));
});
after(() => rmSync(work, { recursive: true, force: true }));

function memgate(args: string[], options: { killAfterMs?: number; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return spawnCli(args, { cwd: work, extraEnv: options.env, killAfterMs: options.killAfterMs });
}

const service = (name: string, flags = '') => `${bin(name)} -addr 127.0.0.1:{port} ${flags}`.trim();
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(work, path), 'utf8'));

/** No bpftrace, workload or cgroup of this test's run is left (the tracer's command line names the bundle). */
async function assertNothingLeft(run: CliRun) {
  await sleep(200);
  assert.deepEqual(leftoverProcesses(work), [], 'no tracer or workload process left behind');
  assert.deepEqual(leftoverCgroups(run.pid), [], 'no cgroup left behind');
}

test("one binary on both sides: gray's leak is its top allocation path with its share, baseline has none of it, re-judged from the bundle", async () => {
  const run = await memgate([
    'run',
    '--baseline',
    service('leak-map', '-leak-rate 0'),
    '--gray',
    // 2 MiB/s: at Go's 512 KiB sampling ~4 probe hits a second, so that the eBPF suspect's test
    // (p <= 0.001: at least 10 hits, all gray's) passes in ~6 s of tracing on a busy machine too
    // (at 1 MiB/s it missed in 3 of 19 runs: Poisson, mean ~12).
    service('leak-map', '-leak-rate 120MiB'),
    '--ebpf',
    'on',
    '--warmup',
    '2s',
    '--duration',
    '8s',
    '--max-duration',
    '8s',
    '--out',
    'same',
  ]);
  assert.ok(run.code === 0 || run.code === 1, run.stdout + run.stderr);
  assert.match(run.stderr, /baseline and gray run the same binary .*by pid/);
  const report = readJson<Report>('same/report.json');
  const ebpf = report.ebpf!;
  assert.equal(ebpf.mode, 'sampled');
  assert.ok(ebpf.gray!.traceMs > 4000 && ebpf.gray!.traceMs < 9500, String(ebpf.gray!.traceMs));
  assert.notDeepEqual(ebpf.gray!.pids, ebpf.baseline!.pids);
  const leak = ebpf.gray!.paths.find((p) => p.function === 'main.(*sessionStore).remember');
  assert.ok(leak, JSON.stringify(ebpf.gray!.paths.map((p) => p.function)));
  assert.ok(ebpf.gray!.paths.indexOf(leak) <= 1, "among gray's top paths");
  assert.ok(leak.share > 0.3, `share ${leak.share}`);
  assert.match(leak.location ?? '', /regress_leak_map\.go:\d+$/);
  // 120 MiB/min is 2 MiB/s; the heap-profile sampling it rides on is rough, but not that rough.
  assert.ok(leak.bytesPerSec > 0.6 * 1048576 && leak.bytesPerSec < 5 * 1048576, String(leak.bytesPerSec));
  assert.ok(
    !ebpf.baseline!.paths.some((p) => p.function === 'main.(*sessionStore).remember'),
    "the pid filter keeps gray's allocations out of baseline",
  );
  assert.ok(
    report.suspects.some((s) => s.source === 'ebpf' && s.function === 'main.(*sessionStore).remember'),
    JSON.stringify(report.suspects),
  );
  assert.match(run.stdout, /allocation paths \(eBPF, sampled mode\): gray .* over \d+(\.\d+)?s/);
  // The bundle: the raw trace, flame-graph input and the seed's line form, per side.
  for (const file of [
    'alloc.bt',
    'bpftrace.out',
    'trace.json',
    'gray.folded',
    'gray.alloc.txt',
    'baseline.folded',
    'baseline.alloc.txt',
  ])
    assert.ok(existsSync(join(work, 'same/bundle/ebpf', file)), file);
  assert.match(
    readFileSync(join(work, 'same/bundle/ebpf/gray.folded'), 'utf8'),
    /^main\.installRegression\.func1;main\.\(\*sessionStore\)\.remember \d+$/m,
  );
  assert.doesNotMatch(readFileSync(join(work, 'same/bundle/ebpf/baseline.folded'), 'utf8'), /sessionStore/);
  assert.match(
    readFileSync(join(work, 'same/bundle/ebpf/gray.alloc.txt'), 'utf8'),
    /^\d+ \d+ main\.installRegression\.func1->main\.\(\*sessionStore\)\.remember->mallocgc$/m,
  );
  const trace = readJson<EbpfTrace>('same/bundle/ebpf/trace.json');
  assert.ok(trace.sides.gray!.stacks.every((s) => s.frames[0].fn === 'runtime.mProf_Malloc'));
  assert.equal(trace.sides.gray!.memProfileRate, 524288);
  await assertNothingLeft(run);

  const again = await memgate(['analyze', 'same', '--out', 'same-again']);
  assert.ok(again.code === 0 || again.code === 1, again.stderr);
  assert.deepEqual(readJson<Report>('same-again/report.json').ebpf, ebpf);
});

test("bufgrowth: encodeAuditRecord's buffers are among gray's top allocation paths", async () => {
  const run = await memgate([
    'run',
    '--baseline',
    service('healthy'),
    '--gray',
    service('bufgrowth', '-bufgrowth-rate 300'),
    '--warmup',
    '2s',
    '--duration',
    '6s',
    '--max-duration',
    '6s',
    '--out',
    'buf',
  ]);
  assert.ok(run.code === 0 || run.code === 1, run.stdout + run.stderr);
  const report = readJson<Report>('buf/report.json');
  const paths = report.ebpf!.gray!.paths;
  const audit = paths.findIndex((p) => p.stack.some((frame) => frame.startsWith('main.(*auditLog).encodeAuditRecord')));
  assert.ok(audit >= 0 && audit < 5, JSON.stringify(paths.map((p) => `${p.function} <- ${p.caller}`)));
  assert.equal(paths[audit].caller, 'main.(*auditLog).encodeAuditRecord');
  assert.ok(!report.ebpf!.baseline!.paths.some((p) => p.stack.some((frame) => frame.includes('encodeAuditRecord'))));
  await assertNothingLeft(run);
});

test('a stripped gray and two processes of one binary in baseline: warnings, the rest still traced (--ebpf auto)', async () => {
  const twoProcesses = `${bin('healthy')} -addr 127.0.0.1:0 & exec ${bin('healthy')} -addr 127.0.0.1:{port}`;
  const run = await memgate([
    'run',
    '--baseline',
    twoProcesses,
    '--gray',
    service('stripped'),
    '--replicas',
    '1',
    '--warmup',
    '1s',
    '--duration',
    '3s',
    '--max-duration',
    '3s',
    '--out',
    'stripped',
  ]);
  assert.ok(run.code === 0 || run.code === 1 || run.code === 3, run.stdout + run.stderr);
  const report = readJson<Report>('stripped/report.json');
  assert.ok(
    report.warnings.some((w) => /gray is not traced: .*stripped .*without -ldflags=-s/.test(w)),
    JSON.stringify(report.warnings),
  );
  assert.ok(
    report.warnings.some((w) => /baseline runs 2 traced processes .*added together/.test(w)),
    JSON.stringify(report.warnings),
  );
  assert.equal(report.ebpf!.gray, null);
  assert.equal(report.ebpf!.baseline!.pids.length, 2);
  await assertNothingLeft(run);
});

test('--ebpf on with a stripped binary, or without a working bpftrace: exit 2 naming the fix, nothing left', async () => {
  const stripped = await memgate([
    'run',
    '--baseline',
    service('healthy'),
    '--gray',
    service('stripped'),
    '--ebpf',
    'on',
    '--duration',
    '3s',
    '--max-duration',
    '3s',
    '--out',
    'on-stripped',
  ]);
  assert.equal(stripped.code, 2, stripped.stderr);
  assert.match(stripped.stderr, /--ebpf on: .*stripped .*; build it without -ldflags=-s/);
  await assertNothingLeft(stripped);
  const broken = join(work, 'broken-bpftrace');
  writeFileSync(
    broken,
    '#!/bin/sh\necho "ERROR: Could not resolve symbol: /proc/self/exe:BEGIN_trigger" >&2\nexit 1\n',
    { mode: 0o755 },
  );
  const on = await memgate(
    [
      'run',
      '--baseline',
      service('healthy'),
      '--gray',
      service('healthy'),
      '--ebpf',
      'on',
      '--duration',
      '3s',
      '--max-duration',
      '3s',
      '--out',
      'on-broken',
    ],
    { env: { MEMGATE_BPFTRACE: broken } },
  );
  assert.equal(on.code, 2, on.stderr);
  assert.match(on.stderr, /--ebpf on: .*cannot run a BEGIN probe .*Ubuntu 22\.04/);
  await assertNothingLeft(on);
  const auto = await memgate(
    [
      'run',
      '--baseline',
      service('healthy'),
      '--gray',
      service('healthy'),
      '--warmup',
      '1s',
      '--duration',
      '3s',
      '--max-duration',
      '3s',
      '--out',
      'auto-broken',
    ],
    { env: { MEMGATE_BPFTRACE: broken } },
  );
  assert.ok(auto.code === 0 || auto.code === 3, auto.stderr);
  assert.match(auto.stderr, /warning: eBPF allocation tracing is off for this run: .*cannot run a BEGIN probe/);
  const report = readJson<Report>('auto-broken/report.json');
  assert.equal(report.ebpf!.gray, null);
  assert.ok(report.warnings.some((w) => /cannot run a BEGIN probe/.test(w)));
  await assertNothingLeft(auto);
});

test('gray exits mid-trace: its stacks still resolve from the binary, a warning, no tracer left; SIGTERM mid-trace too', async () => {
  const run = await memgate([
    'run',
    '--baseline',
    service('healthy'),
    '--gray',
    service('leak-map', '-leak-rate 120MiB -crash-after 8s'),
    '--replicas',
    '1',
    '--warmup',
    '1s',
    '--duration',
    '14s',
    '--max-duration',
    '14s',
    '--out',
    'crash',
  ]);
  assert.equal(run.code, 1, run.stdout + run.stderr);
  const report = readJson<Report>('crash/report.json');
  assert.ok(
    report.warnings.some((w) => /gray exited .* into the eBPF trace/.test(w)),
    JSON.stringify(report.warnings),
  );
  // It crashed 8 s after its start: the trace, begun after warm-up and a tracer start, ends before that.
  assert.ok(report.ebpf!.gray!.traceMs < 8000, String(report.ebpf!.gray!.traceMs));
  assert.ok(
    report.ebpf!.gray!.paths.some((p) => p.function === 'main.(*sessionStore).remember'),
    JSON.stringify(report.ebpf!.gray!.paths.map((p) => p.function)),
  );
  await assertNothingLeft(run);

  const term = await memgate(
    [
      'run',
      '--baseline',
      service('healthy'),
      '--gray',
      service('healthy'),
      '--replicas',
      '1',
      '--warmup',
      '1s',
      '--duration',
      '30s',
      '--max-duration',
      '30s',
      '--out',
      'term',
    ],
    { killAfterMs: 4000 },
  );
  assert.equal(term.code, 143, term.stderr);
  assert.match(term.stderr, /eBPF allocation tracing of baseline and gray/);
  await assertNothingLeft(term);
});

test('memgate killed outright (SIGKILL): the tracer sees its stdin close and ends by itself', async () => {
  const script = join(work, 'idle.bt');
  writeFileSync(script, 'BEGIN { printf("memgate: attached\\n"); }\ninterval:s:1 { @ticks = count(); }\n');
  const driver = join(work, 'driver.ts');
  writeFileSync(
    driver,
    `import { TracerProcess } from ${JSON.stringify(join(ROOT, 'src/collect/ebpf-tracer.ts'))};
const t = new TracerProcess({ prefix: [], bpftrace: 'bpftrace', version: '' }, { script: ${JSON.stringify(script)}, stdout: ${JSON.stringify(join(work, 'idle.out'))}, stderr: ${JSON.stringify(join(work, 'idle.err'))} });
console.log(String(await t.attached));
setInterval(() => {}, 1000);
`,
  );
  const child = spawn(process.execPath, [driver], { stdio: ['ignore', 'pipe', 'inherit'] });
  const attached = await new Promise<string>((resolve) => child.stdout.once('data', (d) => resolve(String(d).trim())));
  assert.equal(attached, 'true');
  const tracers = () => leftoverProcesses(script).filter((p) => !p.includes('/bin/sh'));
  const [pid] = tracers().map((p) => Number(p.split(':')[0]));
  assert.ok(pid > 0, 'the tracer runs');
  child.kill('SIGKILL');
  for (let i = 0; i < 50 && !processGone(pid); i++) await sleep(100);
  assert.ok(processGone(pid), 'bpftrace ended once its stdin closed');
  assert.deepEqual(leftoverProcesses(script), []);
});

test('bpftrace SIGKILLed mid-window (--ebpf auto): the memory verdict stands (gray leaks: blocked), a warning says how the tracer ended, no allocation paths, nothing left', async () => {
  const child = spawn(
    process.execPath,
    [
      CLI,
      'run',
      '--baseline',
      service('healthy'),
      '--gray',
      service('leak-map', '-leak-rate 300MiB'),
      '--replicas',
      '1',
      '--warmup',
      '2s',
      '--duration',
      '10s',
      '--max-duration',
      '10s',
      '--ebpf',
      'auto',
      '--out',
      'tracer-killed',
    ],
    { cwd: work, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const ended = new Promise<number | null>((resolve) => child.on('exit', resolve));
  // Once the probes are attached (the marker in the raw output), kill bpftrace itself, not its wrapper shell.
  const raw = join(work, 'tracer-killed/bundle/ebpf/bpftrace.out');
  let killed = 0;
  for (let i = 0; i < 200 && !killed; i++) {
    await sleep(100);
    if (!existsSync(raw) || !readFileSync(raw, 'utf8').includes('memgate: attached')) continue;
    await sleep(1000);
    // The script's path on bpftrace's command line is as memgate was given --out: relative here.
    for (const line of leftoverProcesses('tracer-killed/bundle/ebpf/')) {
      const [pid, cmd] = [Number(line.split(':')[0]), line.slice(line.indexOf(':') + 2)];
      if (/^\S*bpftrace /.test(cmd)) {
        process.kill(pid, 'SIGKILL');
        killed = pid;
      }
    }
  }
  assert.ok(killed > 0, `bpftrace was found and killed\n${stderr}`);
  const code = await ended;
  assert.equal(code, 1, stdout + stderr);
  const report = readJson<Report>('tracer-killed/report.json');
  assert.equal(report.verdict, 'fail');
  assert.ok(
    report.reasons.length > 0 && report.reasons.every((r) => !/eBPF|tracer/i.test(r.message)),
    JSON.stringify(report.reasons),
  );
  assert.ok(
    report.warnings.some((w) =>
      /^no allocation paths: the eBPF tracer ended during the window \(killed by SIGKILL\) before it printed what it had recorded; the memory verdict does not use eBPF/.test(
        w,
      ),
    ),
    JSON.stringify(report.warnings),
  );
  assert.ok(
    !report.warnings.some((w) => /recorded no allocation|did not attach|on its own/.test(w)),
    JSON.stringify(report.warnings),
  );
  // No made-up "0 B/s": the trace says nothing about either side.
  const trace = readJson<EbpfTrace>('tracer-killed/bundle/ebpf/trace.json');
  assert.deepEqual(trace.sides, { baseline: null, gray: null });
  assert.doesNotMatch(stdout, /allocation paths \(eBPF/);
  await sleep(200);
  assert.deepEqual(leftoverProcesses(work), [], 'no tracer or workload process left behind');
  assert.deepEqual(leftoverCgroups(child.pid!), [], 'no cgroup left behind');
});

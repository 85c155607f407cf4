// End to end through the bundled CLI: real cgroups, real Go fixture builds, real signals.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fixtureBin, leftoverCgroups, leftoverProcesses } from './helpers/fixtures.ts';
import { spawnCli, type CliRun } from './helpers/spawn-cli.ts';
import { requireRoot } from './helpers/env.ts';
import { assertValidReport } from './helpers/report-schema.ts';
import type { Report } from '../src/report/report-json.ts';

let work: string;
const bin = (name: string) => join(work, 'bin', name);

before(() => {
  requireRoot();
  work = mkdtempSync(join(tmpdir(), 'memgate-e2e-'));
  mkdirSync(join(work, 'bin'));
  for (const name of ['healthy', 'leak-map', 'pool', 'load']) copyFileSync(fixtureBin(name), bin(name));
  // The same healthy build at another path, as a base and a head build of one commit would be.
  copyFileSync(fixtureBin('healthy'), bin('healthy-head'));
});
after(() => rmSync(work, { recursive: true, force: true }));

function memgate(
  args: string[],
  options: { killAfterMs?: number; signal?: NodeJS.Signals; closePipes?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  return spawnCli(args, {
    cwd: work,
    extraEnv: options.env,
    killAfterMs: options.killAfterMs,
    signal: options.signal,
    closePipes: options.closePipes,
  });
}

const service = (name: string, flags = '') => `${bin(name)} -addr 127.0.0.1:{port} ${flags}`.trim();

function readReport(out: string): Report {
  return JSON.parse(readFileSync(join(work, out, 'report.json'), 'utf8'));
}

async function assertCleanedUp(run: CliRun) {
  await sleep(100);
  assert.deepEqual(leftoverCgroups(run.pid), [], 'no cgroup left behind');
  assert.deepEqual(leftoverProcesses(work), [], 'no workload process left behind');
}

test('healthy against a steady leak is blocked on growth (exit 1)', async () => {
  // Fast churn gets the Go heap to its steady size within the short warm-up on both sides.
  const run = await memgate([
    'run',
    '--baseline',
    service('healthy', '-burst-every 200ms'),
    '--gray',
    service('leak-map', '-burst-every 200ms -leak-rate 30MiB'),
    '--warmup',
    '4s',
    '--duration',
    '12s',
    '--max-duration',
    '12s',
    '--out',
    'leak',
  ]);
  assert.equal(run.code, 1, run.stdout + run.stderr);
  const report = readReport('leak');
  assert.equal(report.schema, 'memgate/report@3');
  assertValidReport(report, "the leak run's report.json");
  assert.equal(report.verdict, 'fail');
  // A growth rule blocks: the floor slope, or retained heap where 12 s of cgroup readings leave the
  // slope's lower bound under its limit (both are clear of it in most runs; either is right).
  assert.ok(
    report.reasons.some(
      (r) => ['slope-increase', 'inuse-growth', 'site-growth'].includes(r.rule) && r.outcome === 'block',
    ),
    JSON.stringify(report.reasons),
  );
  assert.ok(report.gray.slopeBytesPerSec! > report.baseline.slopeBytesPerSec!);
  assert.ok(report.gray.samples >= 40 && report.baseline.samples === report.gray.samples);
  assert.equal(report.settings.driver, 'v1');
  assert.match(run.stdout, /memgate: FAIL/);
  assert.match(run.stderr, /memgate: 5s\/16s .*baseline .*MiB +gray .*MiB/, 'a progress line every few seconds');
  // The bundle holds every reading, warm-up included, one clock for both sides.
  const samples = readFileSync(join(work, 'leak/bundle/samples.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.ok(samples.length >= 60 && samples.every((s) => typeof s.baseline === 'number' && typeof s.gray === 'number'));
  assert.ok(existsSync(join(work, 'leak/bundle/stat.jsonl')));
  await assertCleanedUp(run);

  // Re-judged offline with looser limits, the same bundle passes; nothing runs.
  const loose = await memgate(['analyze', 'leak', '--max-p95-increase', '1000%', '--min-slope', '1GiB/min']);
  assert.equal(loose.code, 0, loose.stdout + loose.stderr);
  assert.match(loose.stdout, /memgate: PASS/);
  const strict = await memgate(['analyze', 'leak', '--out', 'leak-again']);
  assert.equal(strict.code, 1);
  assert.deepEqual(readReport('leak-again').reasons, report.reasons);
});

test('healthy against the same build at another path is never blocked; watched, it passes ruling out both limits', async () => {
  // 64 KiB heap sampling (Go 1.19 ignores GODEBUG=memprofilerate): retained heap can rule out growth in
  // a minute or two where the cgroup floor alone needs several.
  const run = await memgate([
    'run',
    '--baseline',
    service('healthy', '-memprofile-rate 65536'),
    '--gray',
    service('healthy-head', '-memprofile-rate 65536'),
    '--warmup',
    '10s',
    '--duration',
    '20s',
    '--max-duration',
    '120s',
    '--out',
    'same',
  ]);
  const report = readReport('same');
  assertValidReport(report, "the healthy run's report.json");
  assert.ok(!report.reasons.some((r) => r.outcome === 'block'), JSON.stringify(report.reasons));
  assert.notEqual(run.code, 1, run.stdout + run.stderr);
  // Every look is in the report, judged at its share of the error rates, and the run stops at the first decided one.
  const looks = report.watch!.looks;
  assert.ok(looks.length >= 1 && looks.length <= 6, JSON.stringify(report.watch));
  assert.deepEqual(
    looks.map((l) => l.windowMs),
    looks.map((_, i) => (i === looks.length - 1 && !report.watch!.stoppedEarly ? 120_000 : 20_000 * (i + 1))),
  );
  assert.ok(looks.slice(0, -1).every((l) => l.state === 'undecided'));
  assert.match(run.stderr, /memgate: look 1 of up to 6 at 20s: /);
  if (report.verdict === 'pass' || report.verdict === 'warn') {
    assert.equal(run.code, 0);
    assert.match(report.sensitivity.statement, /rules out .*a P95 rise above/);
    assert.match(report.sensitivity.statement, /(floor slope rise|retained heap growth) above/);
  } else {
    assert.equal(report.verdict, 'inconclusive');
    assert.equal(run.code, 3);
    assert.equal(report.watch!.stoppedEarly, false, 'undecided only once the budget is spent');
  }
  await assertCleanedUp(run);
});

test('sync.Pool misuse under the same load on both sides is blocked on P95: a higher plateau, not a slope', async () => {
  const run = await memgate([
    'run',
    '--baseline',
    service('healthy'),
    '--gray',
    service('pool'),
    '--load',
    `${bin('load')} -url {url}/work -rps 20`,
    '--warmup',
    '5s',
    '--duration',
    '10s',
    '--max-duration',
    '10s',
    '--out',
    'pool',
  ]);
  assert.equal(run.code, 1, run.stdout + run.stderr);
  const report = readReport('pool');
  assert.equal(report.reasons[0].rule, 'p95-increase');
  assert.ok(
    !report.reasons.some((r) => r.rule === 'slope-increase' && r.outcome === 'block'),
    'a plateau is not a slope',
  );
  assert.ok(report.p95Increase! > 0.5);
  assert.equal(report.grade, 'P2');
  // Heap profiles (a forced GC each) in the middle of the window's two 5 s slots, not at its start.
  const index = JSON.parse(readFileSync(join(work, 'pool/bundle/pprof/index.json'), 'utf8'));
  const heaps = index.entries.filter((e: { kind: string }) => e.kind === 'heap').map((e: { t: number }) => e.t);
  assert.ok(Math.min(...heaps) > 6400, `first heap profile at ${Math.min(...heaps)} ms`);
  // Each side got its own load at its own URL, and both loads were stopped at the end.
  const log = readFileSync(join(work, 'pool/bundle/workloads.log'), 'utf8');
  for (const side of ['baseline', 'gray']) {
    const ok = new RegExp(`\\[load ${side}\\] load: url=http://127\\.0\\.0\\.1:(\\d+)/work .* ok=(\\d+)`).exec(log);
    assert.ok(ok, `load summary for ${side} in:\n${log}`);
    assert.ok(Number(ok[2]) > 50, `${side} load served ${ok[2]} requests`);
  }
  assert.ok(
    !report.warnings.some((w) => /load command ended early/.test(w)),
    'loads stopped at the end are not a finding',
  );
  await assertCleanedUp(run);
});

test('without cgroups (--cgroup-driver none) it still judges, and says loudly what is lost', async () => {
  const run = await memgate([
    'run',
    '--baseline',
    service('healthy'),
    '--gray',
    service('pool'),
    '--cgroup-driver',
    'none',
    '--warmup',
    '3s',
    '--duration',
    '6s',
    '--max-duration',
    '6s',
    '--out',
    'none',
  ]);
  assert.equal(run.code, 1, run.stdout + run.stderr);
  const report = readReport('none');
  assert.equal(report.settings.driver, 'none');
  assert.equal(report.reasons[0].rule, 'p95-increase');
  assert.ok(report.reasons.some((r) => r.rule === 'degraded-measurement'));
  assert.match(run.stderr, /warning: no cgroup: memory is the summed RSS/);
  assert.equal(report.gray.oomKills, null);
  await assertCleanedUp(run);
});

test('a gray build that crashes gives a clear verdict, not a memgate crash', async () => {
  const run = await memgate([
    'run',
    '--baseline',
    service('healthy'),
    '--gray',
    service('leak-map', '-crash-after 3s'),
    '--warmup',
    '2s',
    '--duration',
    '20s',
    '--max-duration',
    '20s',
    '--out',
    'crash',
  ]);
  assert.equal(run.code, 1, run.stdout + run.stderr);
  const report = readReport('crash');
  assert.equal(report.reasons[0].rule, 'gray-exited');
  assert.match(report.reasons[0].message, /gray exited with status 3/);
  assert.equal(report.grade, 'P0');
  assert.equal(report.gray.exit!.code, 3);
  await assertCleanedUp(run);
});

test('an OOM kill of gray under --memory-max blocks as P0', async () => {
  const run = await memgate([
    'run',
    '--baseline',
    service('healthy'),
    '--gray',
    service('pool', '-pool-buffers 64'),
    '--memory-max',
    '48MiB',
    '--warmup',
    '2s',
    '--duration',
    '15s',
    '--max-duration',
    '15s',
    '--out',
    'oom',
  ]);
  assert.equal(run.code, 1, run.stdout + run.stderr);
  const report = readReport('oom');
  assert.equal(report.reasons[0].rule, 'gray-oom-kill', JSON.stringify(report.reasons));
  assert.ok(report.gray.oomKills! >= 1);
  assert.equal(report.baseline.oomKills, 0);
  assert.equal(report.grade, 'P0');
  await assertCleanedUp(run);
});

test('SIGTERM mid-run stops both workloads, removes the cgroups and keeps the partial bundle', async () => {
  const run = await memgate(
    [
      'run',
      '--baseline',
      service('healthy'),
      '--gray',
      service('healthy-head'),
      '--warmup',
      '2s',
      '--duration',
      '60s',
      '--max-duration',
      '60s',
      '--out',
      'term',
    ],
    { killAfterMs: 3000 },
  );
  assert.equal(run.code, 143, run.stderr);
  assert.match(run.stderr, /SIGTERM received/);
  assert.ok(existsSync(join(work, 'term/bundle/samples.jsonl')));
  await assertCleanedUp(run);
});

test('SIGHUP (a closed terminal) cleans up too, and exits 129', async () => {
  const run = await memgate(
    [
      'run',
      '--baseline',
      service('healthy'),
      '--gray',
      service('healthy-head'),
      '--warmup',
      '2s',
      '--duration',
      '60s',
      '--max-duration',
      '60s',
      '--ebpf',
      'off',
      '--out',
      'hup',
    ],
    { killAfterMs: 2500, signal: 'SIGHUP' },
  );
  assert.equal(run.code, 129, run.stderr);
  await assertCleanedUp(run);
});

test('a reader that goes away mid-run does not stop the cleanup; shell command lists are run as given', async () => {
  const gray = `umask 022; exec ${service('pool')}`;
  const run = await memgate(
    [
      'run',
      '--baseline',
      service('healthy'),
      '--gray',
      gray,
      '--warmup',
      '2s',
      '--duration',
      '6s',
      '--max-duration',
      '6s',
      '--ebpf',
      'off',
      '--pprof',
      'off',
      '--out',
      'epipe',
    ],
    { closePipes: true },
  );
  assert.equal(run.code, 1, 'the verdict still decides the exit status');
  assert.equal(readReport('epipe').verdict, 'fail');
  await assertCleanedUp(run);
});

test('a port that never opens (exit 2) and still cleans up', async () => {
  // An odd duration marks this test's sleeper apart from any other sleep on the machine.
  const run = await memgate([
    'run',
    '--baseline',
    service('healthy'),
    '--gray',
    'sleep 31.4159 {port}',
    '--ready-timeout',
    '2s',
    '--duration',
    '5s',
    '--max-duration',
    '5s',
    '--out',
    'noport',
  ]);
  assert.equal(run.code, 2, run.stderr);
  assert.match(run.stderr, /gray did not open port \d+ within 2s; make the command listen on 127\.0\.0\.1:\{port\}/);
  assert.doesNotMatch(run.stderr, /at .*\.js:\d+/, 'no stack trace');
  await assertCleanedUp(run);
  assert.deepEqual(leftoverProcesses('sleep 31.4159 '), []);
});

test('bad input: unknown option, bad duration, missing command, command not found', async () => {
  const cases: [string[], RegExp][] = [
    [['run', '--baseline', 'x', '--gray', 'y', '--bogus', '1'], /unknown option --bogus.*memgate run --help/],
    [
      ['run', '--baseline', service('healthy'), '--gray', service('healthy'), '--warmup', 'ten'],
      /--warmup: "ten" is not a duration/,
    ],
    [['run', '--baseline', service('healthy')], /--gray is required/],
    [
      ['run', '--baseline', service('healthy'), '--gray', 'no-such-memgate-cmd -x'],
      /command "no-such-memgate-cmd" was not found on PATH/,
    ],
    [
      ['run', '--baseline', './missing/bin -addr {port}', '--gray', service('healthy')],
      /"\.\/missing\/bin" is not an executable file/,
    ],
    [
      ['run', '--baseline', service('healthy'), '--gray', service('healthy'), '--max-p95-increase', 'lots'],
      /is not a percentage/,
    ],
    [
      ['run', '--baseline', service('healthy'), '--gray', service('healthy'), '--cgroup-driver', 'v3'],
      /use one of auto, v2, systemd, v1, none/,
    ],
    [['analyze', join(work, 'nothing-here')], /no memgate bundle at/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [
      ['run', '--baseline', service('healthy'), '--gray', service('healthy'), '--out', '/proc/version/out'],
      /--out \/proc\/version\/out: cannot write .*give a directory you can write to/,
    ],
    [['analyze', 'leak', '--out', 'leak/'], /--out leak\/ is the run being analyzed; its report\.json is kept/],
  ];
  for (const [args, message] of cases) {
    const run = await memgate(args);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  }
});

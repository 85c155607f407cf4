// End to end: `memgate run` on every real fixture variant against the healthy build (real cgroups,
// real Go services under load, real pprof endpoints), then the evidence in report.json, the bundle
// that `memgate analyze` re-judges without running anything, and `go tool pprof` on the diff profile.
// Variants run one after the other (a 2-core machine); the fixtures are built once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureBin, ROOT } from './helpers/fixtures.ts';
import { spawnCli, type CliRun } from './helpers/spawn-cli.ts';
import { requireGo, requireRoot } from './helpers/env.ts';
import type { Report } from '../src/report/report-json.ts';

const CLI = join(ROOT, 'src/cli/main.ts');
/** Rates that make each regression plain within a 12 s window; every build takes every flag. */
// ticker: ~220 B a ticker, so 3000 a second give ~8 MB, some 15 heap samples at Go's default 512 KiB rate.
const FLAGS = '-leak-rate 30MiB -ticker-rate 3000 -ticker-period 1h -blocked-rate 20 -bufgrowth-rate 200';
// The services' own heap sampling rate (Go 1.19 here ignores GODEBUG=memprofilerate): the patterns are tuned at it.
// One process a side: these tests are about the evidence of one pair, fetched every 2 s.
const WINDOW = [
  '--warmup',
  '2s',
  '--duration',
  '12s',
  '--max-duration',
  '12s',
  '--profile-interval',
  '2s',
  '--memprofile-rate',
  '0',
  '--replicas',
  '1',
];

let work: string;
let bin: (name: string) => string;

before(() => {
  requireRoot();
  requireGo();
  work = mkdtempSync(join(tmpdir(), 'memgate-pprof-e2e-'));
  bin = fixtureBin; // builds every variant once (fixtures/build.sh skips what is up to date)
});

// MEMGATE_KEEP=1 keeps the runs' bundles for a look after a failure.
after(() => {
  if (work && !process.env.MEMGATE_KEEP) rmSync(work, { recursive: true, force: true });
});

function memgate(args: string[]): Promise<CliRun> {
  return spawnCli(args, { cwd: work, entry: CLI });
}

// Any verdict the statistics allow in 12 s of one process a side (a regression may still be undecided
// against its limit): these tests are about the evidence, which is there whatever the verdict.
async function gate(variant: string, exits = [0, 1, 3]): Promise<{ report: Report; out: string; stdout: string }> {
  const out = join(work, variant);
  const service = (name: string) => `${bin(name)} -addr 127.0.0.1:{port} ${FLAGS}`;
  const run = await memgate([
    'run',
    '--baseline',
    service('healthy'),
    '--gray',
    service(variant),
    '--load',
    `${bin('load')} -url {url}/work -rps 50`,
    ...WINDOW,
    '--out',
    out,
  ]);
  assert.ok(exits.includes(run.code ?? -1), `memgate run ${variant} exited ${run.code}:\n${run.stderr}`);
  const report: Report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  // What both builds do alike (the warm cache, the churn bursts) is never a suspect.
  for (const shared of ['main.newWarmCache', 'main.churnBurst'])
    assert.ok(
      !report.suspects.some((s) => s.function === shared),
      `${variant}: ${shared} is no suspect: ${show(report)}`,
    );
  return { report, out, stdout: run.stdout };
}

const ids = (r: Report) => r.patterns.map((p) => p.id);
const show = (r: Report) =>
  JSON.stringify({
    verdict: r.verdict,
    patterns: r.patterns.map((p) => [p.id, p.confidence]),
    suspects: r.suspects.slice(0, 5).map((s) => [s.function, s.source, s.bytes ?? s.count]),
    warnings: r.warnings,
  });

test('healthy against healthy: no suspect above noise and no pattern', async () => {
  // One process a side for 12 s cannot always rule out a slow leak: pass or inconclusive, never fail.
  const { report } = await gate('healthy', [0, 3]);
  assert.notEqual(report.verdict, 'fail', show(report));
  assert.deepEqual(report.suspects, [], show(report));
  assert.deepEqual(report.patterns, [], show(report));
  assert.ok(report.profiles!.heap.gray.snapshots >= 7 && report.profiles!.goroutines.baseline.dumps >= 7, show(report));
  // Every fetch worked and every profile was read (a noisy-floor warning may still cite the heap profiles).
  assert.ok(!report.warnings.some((w) => /fetches failed|unreadable|could not be analysed/.test(w)), show(report));
});

test('leak-map: the storing function is the top suspect, unbounded-map, named in the first block reason; analyze re-judges the bundle alike', async () => {
  const { report, out, stdout } = await gate('leak-map');
  assert.equal(report.verdict, 'fail', show(report));
  assert.equal(ids(report)[0], 'unbounded-map', show(report));
  assert.equal(report.suspects[0].function, 'main.(*sessionStore).remember', show(report));
  assert.match(report.reasons[0].message, /top suspect: main\.\(\*sessionStore\)\.remember/);
  assert.match(
    stdout,
    /suspects \(gray against baseline, top \d of \d+\):\n {4}1\. main\.\(\*sessionStore\)\.remember/,
  );
  // The bundle keeps every profile as fetched, with its index and the diff profiles.
  const index = JSON.parse(readFileSync(join(out, 'bundle/pprof/index.json'), 'utf8'));
  assert.ok(index.entries.length >= 28 && index.entries.every((e: { error: string | null }) => e.error === null));
  for (const f of report.profiles!.diffProfiles) assert.ok(existsSync(join(out, 'bundle', f)), f);
  // go tool pprof opens the diff profile and puts the same function on top.
  const top = spawnSync(
    'go',
    ['tool', 'pprof', '-top', '-unit=B', join(out, 'bundle/pprof/diff-gray-vs-baseline.pb.gz')],
    { encoding: 'utf8' },
  );
  assert.equal(top.status, 0, top.stderr);
  const first = top.stdout.split('\n').find((l) => /^\s*-?\d+B\s/.test(l))!;
  assert.match(first, /main\.\(\*sessionStore\)\.remember$/);
  // Both scale sampled values to bytes; each rounds on its own, so they may differ in the last byte.
  assert.ok(
    Math.abs(Number(/^\s*(-?\d+)B/.exec(first)![1]) - report.suspects[0].bytes!) <= 1,
    `${first} vs ${report.suspects[0].bytes}`,
  );
  // memgate analyze: the same evidence from the saved bundle, nothing run.
  const again = await memgate(['analyze', out, '--out', join(work, 'reanalyzed')]);
  assert.equal(again.code, 1, again.stderr);
  const re: Report = JSON.parse(readFileSync(join(work, 'reanalyzed/report.json'), 'utf8'));
  assert.deepEqual(re.suspects, report.suspects);
  assert.deepEqual(re.patterns, report.patterns);
});

test('ticker: ticker-not-stopped at time.NewTicker, created in main.runSubscription', async () => {
  const { report } = await gate('ticker');
  assert.equal(ids(report)[0], 'ticker-not-stopped', show(report));
  assert.equal(report.suspects[0].function, 'time.NewTicker', show(report));
  assert.equal(report.suspects[0].caller, 'main.runSubscription');
  assert.match(report.patterns[0].message, /created in main\.runSubscription/);
});

test('transport: transport-per-request with the readLoop/writeLoop clusters', async () => {
  const { report } = await gate('transport');
  assert.equal(ids(report)[0], 'transport-per-request', show(report));
  const clusters = report.suspects
    .filter((s) => s.source === 'goroutine' && s.createdBy === 'net/http.(*Transport).dialConn')
    .map((s) => s.function)
    .sort();
  assert.deepEqual(clusters, ['net/http.(*persistConn).readLoop', 'net/http.(*persistConn).writeLoop'], show(report));
  assert.match(report.patterns[0].message, /persistConn readLoop\/writeLoop/);
});

test('blocked: goroutine-blocked, naming the function that spawned them', async () => {
  const { report } = await gate('blocked');
  assert.equal(ids(report)[0], 'goroutine-blocked', show(report));
  const top = report.suspects[0];
  assert.deepEqual(
    [top.source, top.function, top.createdBy, top.state],
    ['goroutine', 'main.publishEvent.func1', 'main.publishEvent', 'chan send'],
    show(report),
  );
  assert.match(report.patterns[0].message, /started by main\.publishEvent pile up blocked in chan send/);
});

test("pool: sync-pool-misuse at the pool's New", async () => {
  const { report } = await gate('pool');
  assert.equal(ids(report)[0], 'sync-pool-misuse', show(report));
  assert.equal(report.suspects[0].function, 'main.newPoolBuffer', show(report));
  assert.match(report.reasons[0].message, /top suspect: main\.newPoolBuffer/);
});

test('bufgrowth: buffer-growth under bytes.Buffer growth, from the encoding function', async () => {
  const { report } = await gate('bufgrowth');
  assert.equal(ids(report)[0], 'buffer-growth', show(report));
  assert.match(report.suspects[0].function, /^bytes\.(growSlice|makeSlice)$/, show(report));
  assert.equal(report.suspects[0].caller, 'main.(*auditLog).encodeAuditRecord');
});

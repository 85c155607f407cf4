// Verdict calibration: how often memgate blocks a healthy build (A/A: two binaries of one build) and how
// often it catches a leak, per workload shape and setting, on real runs of the Go fixtures. Prints a
// table (Markdown) with 95% Wilson intervals, and what a Kayenta-style judge (one-sided Mann-Whitney U
// at 98% on the same readings) would have said. Run as root:
//
//   node bench/calibrate.ts                      # defaults: 30 A/A pairs a shape, 5 runs per leak rate
//   node bench/calibrate.ts --pairs 10 --leak-runs 3 --parallel 2 --shapes quiet,bursty
//   node bench/calibrate.ts --settings default --leak-rates 1,2   # a subset
//   node bench/calibrate.ts --cli /tmp/cli.js                    # judge with a frozen build
//   node bench/calibrate.ts --settings brief --shapes quiet --pairs 0 --leak-runs 0 --plateau-runs 8
//                                                  # a higher flat plateau (pool) must grade P2, no growth
//
//
// Power (--power): not only how often a healthy build is blocked but how often an effect is caught,
// at 0, half and twice each limit (floor slope 512 KiB/min, P95 12%), with the services at 64 KiB and at
// Go's 512 KiB heap sampling, under two designs run side by side: a fixed window (--max-duration equal to
// --duration) and watching (--duration the first look, --max-duration the budget). Only the power grid runs.
//
//   node bench/calibrate.ts --power                              # 5 runs a cell, quiet shape, 60 s / 5 m
//   node bench/calibrate.ts --power --power-runs 10 --power-effects slope-0,slope-twice --power-sampling 512KiB
//   node bench/calibrate.ts --power --power-runs 1 --power-warmup 5s --power-duration 20s --power-budget 40s
//                                                  # a smoke: every path once, short windows
//
// Results (every run's verdict and figures) also go to OUT/calibration.json (--out, default .tmp/calibration).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    // A frozen copy of dist/cli.js keeps a long calibration on one build while the tree changes.
    cli: { type: 'string', default: join(ROOT, 'dist/cli.js') },
    pairs: { type: 'string', default: '30' },
    // A/A pairs in the short (30 s) window; by default a third of --pairs.
    'short-pairs': { type: 'string' },
    'leak-runs': { type: 'string', default: '5' },
    // Gray the pool build: a higher flat plateau (sync.Pool misuse), no growth. Right: P2 on P95 alone.
    'plateau-runs': { type: 'string', default: '0' },
    'leak-rates': { type: 'string', default: '0.5,1,2,4' },
    // quiet,alloc,bursty by default; quiet alone with --power.
    shapes: { type: 'string' },
    settings: { type: 'string', default: 'default,short' },
    parallel: { type: 'string', default: '2' },
    replicas: { type: 'string' },
    out: { type: 'string', default: join(ROOT, '.tmp/calibration') },
    // Power mode: the effect grid instead of the A/A, leak and plateau runs above.
    power: { type: 'boolean', default: false },
    // Runs per cell (effect x heap sampling x design).
    'power-runs': { type: 'string', default: '5' },
    'power-effects': { type: 'string', default: 'slope-0,slope-half,slope-twice,p95-0,p95-half,p95-twice' },
    // 64KiB: the services set runtime.MemProfileRate themselves; 512KiB: left at Go's default.
    'power-sampling': { type: 'string', default: '64KiB,512KiB' },
    'power-designs': { type: 'string', default: 'fixed,watching' },
    'power-warmup': { type: 'string', default: '10s' },
    // The fixed window, and the watching design's first look.
    'power-duration': { type: 'string', default: '60s' },
    // The watching design's budget (--max-duration).
    'power-budget': { type: 'string', default: '5m' },
    // What a healthy service holds beyond its cache, as P95 bytes per cache byte (see P95_OVERHEAD).
    'p95-overhead': { type: 'string', default: '9MiB' },
  },
});

// Workload shapes, as flags of the fixture service (fixtures/README.md).
const SHAPES: Record<string, string> = {
  // The service's own churn: a 1.2 MiB burst held 300 ms every 2 s.
  quiet: '',
  // Allocation-heavy: 200 MiB/s of short-lived small objects per process (six processes with 3
  // replicas keep both cores of this machine busy), no bursts.
  alloc: '-alloc-rate 200MiB -burst-every 0',
  // Spiky: 24 MiB held for 1.5 s every 9 s.
  bursty: '-burst-every 9s -burst-bytes 24MiB -burst-hold 1500ms',
};
const SETTINGS: Record<string, { warmup: string; duration: string; leakRates?: number[] }> = {
  default: { warmup: '10s', duration: '60s' },
  // The short window is only asked to catch the fast leak.
  short: { warmup: '10s', duration: '30s', leakRates: [4] },
  // gate-e2e's pool window (a profile's dip at its start once read as growth): only for plateaus.
  brief: { warmup: '5s', duration: '10s', leakRates: [] },
};
const LEAK_FUNCTION = 'main.(*sessionStore).remember';

const CLI = resolve(args.cli!);
const work = resolve(args.out!);
const bin = join(work, 'bin');
mkdirSync(bin, { recursive: true });
const build = spawn('bash', [join(ROOT, 'fixtures/build.sh'), bin], { stdio: ['ignore', 'ignore', 'inherit'] });
if ((await new Promise((r) => build.on('exit', r))) !== 0) throw new Error('fixtures/build.sh failed');
// Two binaries of one build: the A/A pair memgate must never block.
copyFileSync(join(bin, 'healthy'), join(bin, 'healthy-a'));
copyFileSync(join(bin, 'healthy'), join(bin, 'healthy-b'));
copyFileSync(join(bin, 'leak-map'), join(bin, 'leak-gray'));

type Kind = 'aa' | 'leak' | 'plateau';

interface Report {
  verdict: string;
  grade: string | null;
  reasons: { rule: string; outcome: string; message: string }[];
  slopeDifference: { bytesPerSec: number } | null;
  p95Increase?: number | null;
  settings?: { observedMs?: number; windowMs?: number };
  comparisons?: { rule: string; decision: string | null; limit: number | null }[];
  // Read defensively: watching and sensitivity are new in the report.
  watch?: {
    firstLookMs: number;
    budgetMs: number;
    looks: { windowMs: number; state: string }[];
    stoppedEarly: boolean;
  } | null;
  sensitivity?: { heapSamplingBytes?: number | null } | null;
}

interface Spawned {
  exit: number | null;
  stderr: string;
  wallSeconds: number;
  report: Report | null;
}

/** One memgate run: its exit, the tail of its stderr, the wall time and report.json (null without one). */
async function runCli(cli: string[], out: string): Promise<Spawned> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'run', ...cli, '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const exit = await new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const wallSeconds = (performance.now() - started) / 1000;
  let report: Report | null = null;
  try {
    report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  } catch {
    console.error(`  no report (exit ${exit}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
  return { exit, stderr, wallSeconds, report };
}

interface Run {
  shape: string;
  setting: string;
  kind: Kind;
  leakMiBPerMin: number;
  /** Gray minus baseline floor slope, MiB/min (null without one). */
  slopeDifferenceMiBPerMin: number | null;
  exit: number | null;
  verdict: string;
  grade: string | null;
  rules: string[];
  firstReason: string;
  namesLeak: boolean;
  wallSeconds: number;
  kayentaBlocks: boolean | null;
}

function mannWhitneyGreater(gray: number[], baseline: number[]): number {
  // One-sided p-value that gray is stochastically greater, normal approximation with tie correction.
  const all = [...gray.map((v) => ({ v, g: true })), ...baseline.map((v) => ({ v, g: false }))].sort(
    (a, b) => a.v - b.v,
  );
  const ranks = new Array<number>(all.length);
  let tieTerm = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j + 1 < all.length && all[j + 1].v === all[i].v) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[k] = rank;
    const t = j - i + 1;
    tieTerm += t ** 3 - t;
    i = j + 1;
  }
  const n1 = gray.length;
  const n2 = baseline.length;
  const r1 = all.reduce((s, x, i) => (x.g ? s + ranks[i] : s), 0);
  const u = r1 - (n1 * (n1 + 1)) / 2;
  const mean = (n1 * n2) / 2;
  const n = n1 + n2;
  const sd = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
  const z = sd > 0 ? (u - mean - 0.5) / sd : 0;
  return 0.5 * erfc(z / Math.SQRT2);
}

function erfc(x: number): number {
  // Numerical Recipes' erfcc: fractional error under 1.2e-7.
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

function kayenta(outDir: string, warmupMs: number): boolean | null {
  const file = join(outDir, 'bundle/samples.jsonl');
  if (!existsSync(file)) return null;
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { t: number; baseline: number | null; gray: number | null });
  const window = rows.filter((r) => r.t >= warmupMs);
  const gray = window.map((r) => r.gray).filter((v): v is number => v !== null);
  const baseline = window.map((r) => r.baseline).filter((v): v is number => v !== null);
  if (gray.length < 8 || baseline.length < 8) return null;
  return mannWhitneyGreater(gray, baseline) < 0.02;
}

const ms = (text: string) => Number(text.replace(/s$/, '')) * 1000;
let seq = 0;

async function gate(shape: string, setting: string, kind: Kind, leak: number): Promise<Run> {
  const s = SETTINGS[setting];
  const flags = SHAPES[shape];
  const out = join(work, `run-${++seq}-${shape}-${setting}-${kind}${kind === 'leak' ? leak : ''}`);
  // The services set memgate's default heap sampling rate (64 KiB) themselves: Go 1.19, this machine's,
  // ignores GODEBUG=memprofilerate (golang/go#55100), which memgate sets for newer Go.
  const service = (name: string, extra = '') =>
    `${join(bin, name)} -addr 127.0.0.1:{port} -memprofile-rate 65536 ${flags} ${extra}`.trim();
  const gray =
    kind === 'aa'
      ? service('healthy-b')
      : kind === 'plateau'
        ? service('pool')
        : service('leak-gray', `-leak-rate ${Math.round(leak * 1024 * 1024)} -leak-per-request 0`);
  const cli = ['--baseline', service('healthy-a'), '--gray', gray, '--warmup', s.warmup, '--duration', s.duration];
  if (args.replicas) cli.push('--replicas', args.replicas);
  const { exit, wallSeconds, report } = await runCli(cli, out);
  const first = report?.reasons[0]?.message ?? '';
  const run: Run = {
    shape,
    setting,
    kind,
    leakMiBPerMin: kind === 'leak' ? leak : 0,
    slopeDifferenceMiBPerMin: report?.slopeDifference ? (report.slopeDifference.bytesPerSec * 60) / 2 ** 20 : null,
    exit,
    verdict: report?.verdict ?? `exit ${exit}`,
    grade: report?.grade ?? null,
    rules: report?.reasons.map((r) => `${r.rule}:${r.outcome}`) ?? [],
    firstReason: first,
    namesLeak: first.includes(LEAK_FUNCTION),
    wallSeconds,
    kayentaBlocks: kayenta(out, ms(s.warmup)),
  };
  console.error(
    `  ${shape}/${setting} ${kind === 'aa' ? 'A/A' : kind === 'plateau' ? 'plateau' : `leak ${leak} MiB/min`}: ${run.verdict} ${run.grade ?? ''} exit ${exit} [${run.rules.join(', ')}] ${wallSeconds.toFixed(0)} s; Kayenta-style ${run.kayentaBlocks === null ? 'n/a' : run.kayentaBlocks ? 'blocks' : 'passes'}`,
  );
  rmSync(out, { recursive: true, force: true });
  return run;
}

function wilson(k: number, n: number): [number, number] {
  if (n === 0) return [0, 1];
  const z = 1.959964;
  const p = k / n;
  const centre = (p + (z * z) / (2 * n)) / (1 + (z * z) / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
const pct = (x: number) => `${Math.round(x * 100)}%`;
const rate = (k: number, n: number) => {
  const [lo, hi] = wilson(k, n);
  return `${k}/${n} (${pct(lo)}-${pct(hi)})`;
};
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};

const shapes = (args.shapes ?? (args.power ? 'quiet' : 'quiet,alloc,bursty')).split(',');

// ---- Power: an effect grid at 0, half and twice each limit, two designs side by side ----

// memgate's defaults (src/model/constants.ts): the floor slope's absolute limit (--min-slope) and the P95 rule's.
const SLOPE_LIMIT = 512 * 1024; // bytes/min
const P95_LIMIT = 0.12;
const MiB = 2 ** 20;
// The P95 effects run on a service of >= 20 MiB, so that --min-p95-delta (2 MiB) does not mask +6%.
const P95_CACHE = 20 * MiB;

function sizeBytes(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(B|KiB|MiB|GiB)?$/.exec(text.trim());
  if (!m) throw new Error(`not a size: ${text}`);
  return Math.round(Number(m[1]) * { B: 1, KiB: 1024, MiB, GiB: 2 ** 30 }[m[2] ?? 'B']!);
}

// Gray's cache for a P95 rise of `ratio`. Memory grows with the cache at more than 1:1 (the GC goal
// scales with the live heap), on top of a part that does not: P95 ~ b x (cache + overhead). Measured on
// this machine (Go 1.19, quiet shape, VmRSS every 250 ms for 25 s after 8 s): P95 18.8 MiB at a 4 MiB
// cache, 40.9 MiB at 20 MiB, 69.4 MiB at 40 MiB, so b ~ 1.43 and overhead = P95(20 MiB) / b - 20 MiB
// ~ 8.6 MiB (--p95-overhead, 9 MiB). X = 20 MiB + ratio x (20 MiB + overhead): 21.7 MiB for +6%, 27.0 MiB
// for +24%. The tables print the P95 rise memgate measured, so a miss of the aim shows.
const grayCache = (ratio: number) => Math.round(P95_CACHE + ratio * (P95_CACHE + sizeBytes(args['p95-overhead']!)));

interface Effect {
  rule: 'slope' | 'p95';
  /** Effect size as a multiple of the rule's limit. */
  multiple: number;
  label: string;
  /** Fixture flags of the baseline, and gray's binary and flags. */
  baseline: string;
  gray: [string, string];
}
const leak = (perMin: number): [string, string] => [
  'leak-gray',
  `-leak-rate ${Math.round(perMin)} -leak-per-request 0`,
];
const cache = (bytes: number) => `-cache-bytes ${bytes}`;
const EFFECTS: Record<string, Effect> = {
  'slope-0': { rule: 'slope', multiple: 0, label: 'A/A (no leak)', baseline: '', gray: ['healthy-b', ''] },
  'slope-half': { rule: 'slope', multiple: 0.5, label: '0.25 MiB/min', baseline: '', gray: leak(SLOPE_LIMIT / 2) },
  'slope-twice': { rule: 'slope', multiple: 2, label: '1 MiB/min', baseline: '', gray: leak(SLOPE_LIMIT * 2) },
  // The fast leak of the time-to-verdict target (blocked within 30 s of observation): not in the default grid.
  'slope-8x': { rule: 'slope', multiple: 8, label: '4 MiB/min', baseline: '', gray: leak(SLOPE_LIMIT * 8) },
  'p95-0': {
    rule: 'p95',
    multiple: 0,
    label: 'A/A at a 20 MiB cache',
    baseline: cache(P95_CACHE),
    gray: ['healthy-b', cache(P95_CACHE)],
  },
  'p95-half': {
    rule: 'p95',
    multiple: 0.5,
    label: `P95 +${(P95_LIMIT * 50).toFixed(0)}%`,
    baseline: cache(P95_CACHE),
    gray: ['healthy-b', cache(grayCache(P95_LIMIT / 2))],
  },
  'p95-twice': {
    rule: 'p95',
    multiple: 2,
    label: `P95 +${(P95_LIMIT * 200).toFixed(0)}%`,
    baseline: cache(P95_CACHE),
    gray: ['healthy-b', cache(grayCache(P95_LIMIT * 2))],
  },
};
// The services' heap sampling: set by a flag (Go 1.19 ignores memgate's GODEBUG), or left at Go's default
// (memgate then warns that GODEBUG=memprofilerate did not take: expected).
const SAMPLING: Record<string, string> = { '64KiB': '-memprofile-rate 65536', '512KiB': '' };
type Design = 'fixed' | 'watching';

interface PowerRun {
  shape: string;
  effect: string;
  rule: 'slope' | 'p95';
  multiple: number;
  sampling: string;
  design: Design;
  exit: number | null;
  verdict: string;
  grade: string | null;
  rules: string[];
  /** Every comparison's three-way decision, rule:decision. */
  decisions: string[];
  /** The floor slope limit the judge applied (max of --min-slope and 100% of baseline's slope), MiB/min. */
  slopeLimitMiBPerMin: number | null;
  slopeDifferenceMiBPerMin: number | null;
  p95Increase: number | null;
  /** The sampling period memgate saw in the heap profiles, bytes. */
  heapSamplingBytes: number | null;
  /** Window observed at the verdict: the last look's, else the report's observed window. */
  verdictWindowSeconds: number | null;
  looks: number | null;
  stoppedEarly: boolean | null;
  wallSeconds: number;
}

async function powerGate(shape: string, effectId: string, sampling: string, design: Design): Promise<PowerRun> {
  const e = EFFECTS[effectId];
  const out = join(work, `power-${++seq}-${shape}-${effectId}-${sampling}-${design}`);
  const service = (name: string, extra: string) =>
    `${join(bin, name)} -addr 127.0.0.1:{port} ${SAMPLING[sampling]} ${SHAPES[shape]} ${extra}`
      .replace(/\s+/g, ' ')
      .trim();
  const duration = args['power-duration']!;
  const cli = [
    '--baseline',
    service('healthy-a', e.baseline),
    '--gray',
    service(e.gray[0], e.gray[1]),
    '--warmup',
    args['power-warmup']!,
    '--duration',
    duration,
    '--max-duration',
    design === 'fixed' ? duration : args['power-budget']!,
  ];
  if (args.replicas) cli.push('--replicas', args.replicas);
  const { exit, wallSeconds, report } = await runCli(cli, out);
  const slope = report?.comparisons?.find((c) => c.rule === 'slope-increase');
  const lastLook = report?.watch?.looks?.at(-1);
  const windowMs = lastLook?.windowMs ?? report?.settings?.observedMs ?? null;
  const run: PowerRun = {
    shape,
    effect: effectId,
    rule: e.rule,
    multiple: e.multiple,
    sampling,
    design,
    exit,
    verdict: report?.verdict ?? `exit ${exit}`,
    grade: report?.grade ?? null,
    rules: report?.reasons?.map((r) => `${r.rule}:${r.outcome}`) ?? [],
    decisions: report?.comparisons?.map((c) => `${c.rule}:${c.decision}`) ?? [],
    slopeLimitMiBPerMin: typeof slope?.limit === 'number' ? (slope.limit * 60) / MiB : null,
    slopeDifferenceMiBPerMin: report?.slopeDifference ? (report.slopeDifference.bytesPerSec * 60) / MiB : null,
    p95Increase: report?.p95Increase ?? null,
    heapSamplingBytes: report?.sensitivity?.heapSamplingBytes ?? null,
    verdictWindowSeconds: windowMs === null ? null : windowMs / 1000,
    looks: report?.watch ? report.watch.looks.length : report ? 1 : null,
    stoppedEarly: report?.watch?.stoppedEarly ?? null,
    wallSeconds,
  };
  console.error(
    `  ${shape} ${e.label} @${sampling} ${design}: ${run.verdict} ${run.grade ?? ''} exit ${exit} [${run.decisions.join(', ')}] window ${run.verdictWindowSeconds?.toFixed(0) ?? '?'} s (${run.looks ?? '?'} look(s)), ${wallSeconds.toFixed(0)} s wall`,
  );
  rmSync(out, { recursive: true, force: true });
  return run;
}

/** The right answer: under the limit (0, half) must not block; twice the limit must not pass (block, or at 512 KiB sampling inconclusive). */
function isRight(r: PowerRun): boolean {
  if (!['pass', 'warn', 'fail', 'inconclusive'].includes(r.verdict)) return false;
  if (r.multiple < 1) return r.verdict !== 'fail';
  return r.verdict === 'fail' || (r.sampling === '512KiB' && r.verdict === 'inconclusive');
}
const rightText = (multiple: number, sampling: string) =>
  multiple < 1 ? 'must not block' : sampling === '512KiB' ? 'must not pass' : 'must block';

async function runPool<T>(jobs: (() => Promise<T>)[], parallel: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < jobs.length) results.push(await jobs[next++]());
    }),
  );
  return results;
}

async function power(): Promise<void> {
  const effects = args['power-effects']!.split(',');
  const samplings = args['power-sampling']!.split(',');
  const designs = args['power-designs']!.split(',') as Design[];
  for (const x of effects) if (!EFFECTS[x]) throw new Error(`--power-effects: unknown ${x} (${Object.keys(EFFECTS)})`);
  for (const x of samplings) if (!(x in SAMPLING)) throw new Error(`--power-sampling: 64KiB or 512KiB, not ${x}`);
  for (const x of designs)
    if (x !== 'fixed' && x !== 'watching') throw new Error(`--power-designs: fixed or watching, not ${x}`);
  for (const x of shapes) if (!(x in SHAPES)) throw new Error(`--shapes: unknown ${x}`);
  // Blocks of one run of every design, in a random order within and across blocks: with --parallel 2
  // the designs of a block mostly run at the same time, so machine noise hits both alike.
  const blocks: (() => Promise<PowerRun>)[][] = [];
  for (const shape of shapes)
    for (const effect of effects)
      for (const sampling of samplings)
        for (let i = 0; i < Number(args['power-runs']); i++)
          blocks.push(
            [...designs].sort(() => Math.random() - 0.5).map((d) => () => powerGate(shape, effect, sampling, d)),
          );
  blocks.sort(() => Math.random() - 0.5);
  const jobs = blocks.flat();
  console.error(
    `memgate power: ${jobs.length} gate runs, ${args.parallel} at a time; warm-up ${args['power-warmup']}, fixed window ${args['power-duration']}, watching ${args['power-duration']} looks up to ${args['power-budget']}; P95 gray caches ${(grayCache(P95_LIMIT / 2) / MiB).toFixed(2)} / ${(grayCache(P95_LIMIT * 2) / MiB).toFixed(2)} MiB`,
  );
  const runs = await runPool(jobs, Number(args.parallel));
  writeFileSync(join(work, 'calibration.json'), JSON.stringify(runs, null, 1));

  const count = (rs: PowerRun[], f: (r: PowerRun) => boolean) => rs.filter(f).length;
  const sec = (xs: (number | null)[]) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? `${median(v).toFixed(0)} s` : 'n/a';
  };
  const signed = (v: number, digits: number) => `${v >= 0 ? '+' : ''}${v.toFixed(digits)}`;
  const measured = (rs: PowerRun[], rule: 'slope' | 'p95') => {
    const v = rs
      .map((r) => (rule === 'slope' ? r.slopeDifferenceMiBPerMin : r.p95Increase === null ? null : r.p95Increase * 100))
      .filter((x): x is number => x !== null);
    if (!v.length) return 'n/a';
    const unit = rule === 'slope' ? ' MiB/min' : '%';
    const d = rule === 'slope' ? 2 : 1;
    return `${signed(median(v), d)}${unit} (${signed(Math.min(...v), d)} .. ${signed(Math.max(...v), d)})`;
  };
  const cells: { shape: string; effect: string; sampling: string; design: Design; rs: PowerRun[] }[] = [];
  for (const shape of shapes)
    for (const effect of effects)
      for (const sampling of samplings)
        for (const design of designs) {
          const rs = runs.filter(
            (r) => r.shape === shape && r.effect === effect && r.sampling === sampling && r.design === design,
          );
          if (rs.length) cells.push({ shape, effect, sampling, design, rs });
        }
  const many = shapes.length > 1;
  for (const rule of ['slope', 'p95'] as const) {
    const mine = cells.filter((c) => EFFECTS[c.effect].rule === rule);
    if (!mine.length) continue;
    console.log(
      rule === 'slope'
        ? `\n## Power: floor slope (limit ${SLOPE_LIMIT / 1024} KiB/min; gray leaks into a map)\n`
        : `\n## Power: P95 (limit ${P95_LIMIT * 100}%; baseline cache ${P95_CACHE / MiB} MiB, gray's larger)\n`,
    );
    console.log(
      `| ${many ? 'shape | ' : ''}effect | sampling | design | right | pass | warn | inconclusive | block | measured ${rule === 'slope' ? 'slope difference' : 'P95 rise'}, median (range) | ${rule === 'slope' ? 'slope limit applied, median | ' : ''}window at verdict, median | wall, median |`,
    );
    console.log(`|${many ? '---|' : ''}---|---|---|---|---|---|---|---|---|${rule === 'slope' ? '---|' : ''}---|---|`);
    for (const c of mine) {
      const e = EFFECTS[c.effect];
      const n = c.rs.length;
      const limits = c.rs.map((r) => r.slopeLimitMiBPerMin).filter((x): x is number => x !== null);
      console.log(
        `| ${many ? `${c.shape} | ` : ''}${e.label} | ${c.sampling} | ${c.design} | ${rate(count(c.rs, isRight), n)} ${rightText(e.multiple, c.sampling)} | ${rate(
          count(c.rs, (r) => r.verdict === 'pass'),
          n,
        )} | ${rate(
          count(c.rs, (r) => r.verdict === 'warn'),
          n,
        )} | ${rate(
          count(c.rs, (r) => r.verdict === 'inconclusive'),
          n,
        )} | ${rate(
          count(c.rs, (r) => r.verdict === 'fail'),
          n,
        )} | ${measured(c.rs, rule)} | ${rule === 'slope' ? `${limits.length ? `${median(limits).toFixed(2)} MiB/min` : 'n/a'} | ` : ''}${sec(c.rs.map((r) => r.verdictWindowSeconds))} | ${sec(c.rs.map((r) => r.wallSeconds))} |`,
      );
    }
  }
  const errors = runs.filter((r) => !['pass', 'warn', 'fail', 'inconclusive'].includes(r.verdict));
  if (errors.length)
    console.log(`\n${errors.length} run(s) gave no report: ${errors.map((r) => r.verdict).join(', ')}`);

  if (!cells.length) return;
  console.log(
    '\n## Summary (right: 0 and half a limit must not block; twice a limit must block, at 512 KiB sampling block or inconclusive)\n',
  );
  for (const c of cells) {
    const e = EFFECTS[c.effect];
    const n = c.rs.length;
    const wil = (k: number) => {
      const [lo, hi] = wilson(k, n);
      return `${k}/${n} (Wilson ${Math.round(lo * 100)}-${Math.round(hi * 100)}%)`;
    };
    const blocked = count(c.rs, (r) => r.verdict === 'fail');
    const passed = count(c.rs, (r) => r.verdict === 'pass' || r.verdict === 'warn');
    const inconclusive = count(c.rs, (r) => r.verdict === 'inconclusive');
    const right = count(c.rs, isRight);
    console.log(
      `- ${many ? `${c.shape}: ` : ''}${e.label} @${c.sampling}, ${c.design}: blocked ${wil(blocked)}, passed ${passed}/${n}, inconclusive ${inconclusive}/${n}, median ${sec(c.rs.map((r) => r.verdictWindowSeconds))}; right (${rightText(e.multiple, c.sampling)}) ${right}/${n}${right < n ? ' <- WRONG' : ''}`,
    );
  }
}

async function calibrate(): Promise<void> {
  const jobs: (() => Promise<Run>)[] = [];
  const leakRates = args['leak-rates']!.split(',').map(Number);
  for (const setting of args.settings!.split(',')) {
    for (const shape of shapes) {
      const pairs =
        setting === 'default' ? Number(args.pairs) : Number(args['short-pairs'] ?? Math.ceil(Number(args.pairs) / 3));
      for (let i = 0; i < pairs; i++) jobs.push(() => gate(shape, setting, 'aa', 0));
      for (const leak of SETTINGS[setting].leakRates ?? leakRates) {
        if (!leakRates.includes(leak)) continue;
        for (let i = 0; i < Number(args['leak-runs']); i++) jobs.push(() => gate(shape, setting, 'leak', leak));
      }
      for (let i = 0; i < Number(args['plateau-runs']); i++) jobs.push(() => gate(shape, setting, 'plateau', 0));
    }
  }
  // Interleave kinds so that machine load drifts hit A/A and leak runs alike.
  jobs.sort(() => Math.random() - 0.5);
  console.error(`memgate calibration: ${jobs.length} gate runs, ${args.parallel} at a time`);
  const runs: Run[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Number(args.parallel) }, async () => {
      while (next < jobs.length) runs.push(await jobs[next++]());
    }),
  );
  writeFileSync(join(work, 'calibration.json'), JSON.stringify(runs, null, 1));

  if (runs.some((r) => r.kind === 'aa')) {
    console.log(
      `\n## A/A (two binaries of one healthy build)${args.replicas ? `, --replicas ${args.replicas}` : ''}\n`,
    );
    console.log(
      '| shape | setting | blocked (exit 1) | inconclusive | warn | Kayenta-style blocks | median time to verdict |',
    );
    console.log('|---|---|---|---|---|---|---|');
    for (const setting of Object.keys(SETTINGS)) {
      for (const shape of shapes) {
        const aa = runs.filter((r) => r.kind === 'aa' && r.shape === shape && r.setting === setting);
        if (!aa.length) continue;
        const k = aa.filter((r) => r.kayentaBlocks !== null);
        console.log(
          `| ${shape} | ${setting} | ${rate(aa.filter((r) => r.exit === 1).length, aa.length)} | ${rate(aa.filter((r) => r.verdict === 'inconclusive').length, aa.length)} | ${rate(aa.filter((r) => r.verdict === 'warn').length, aa.length)} | ${rate(k.filter((r) => r.kayentaBlocks).length, k.length)} | ${median(aa.map((r) => r.wallSeconds)).toFixed(0)} s |`,
        );
      }
    }
  }
  if (runs.some((r) => r.kind === 'leak')) {
    console.log('\n## Leaks (gray leaks into a map at the rate given)\n');
    console.log(
      '| shape | setting | leak | blocked | first reason names the leak | Kayenta-style blocks | median time to verdict |',
    );
    console.log('|---|---|---|---|---|---|---|');
    for (const setting of Object.keys(SETTINGS)) {
      for (const shape of shapes) {
        for (const leak of leakRates) {
          const l = runs.filter(
            (r) => r.kind === 'leak' && r.shape === shape && r.setting === setting && r.leakMiBPerMin === leak,
          );
          if (!l.length) continue;
          const blocked = l.filter((r) => r.exit === 1);
          const k = l.filter((r) => r.kayentaBlocks !== null);
          console.log(
            `| ${shape} | ${setting} | ${leak} MiB/min | ${rate(blocked.length, l.length)} | ${rate(blocked.filter((r) => r.namesLeak).length, blocked.length)} | ${rate(k.filter((r) => r.kayentaBlocks).length, k.length)} | ${median(l.map((r) => r.wallSeconds)).toFixed(0)} s |`,
          );
        }
      }
    }
  }

  const growthRules = ['slope-increase', 'inuse-growth', 'site-growth'];
  const plateaus = runs.filter((r) => r.kind === 'plateau');
  if (plateaus.length) {
    console.log('\n## Plateau (gray the pool build: a higher flat level, no growth)\n');
    console.log(
      '| shape | setting | P2 on P95 alone | a growth finding (block or warn) | floor slope difference, median (range) |',
    );
    console.log('|---|---|---|---|---|');
    for (const setting of Object.keys(SETTINGS)) {
      for (const shape of shapes) {
        const p = plateaus.filter((r) => r.shape === shape && r.setting === setting);
        if (!p.length) continue;
        const p95Alone = p.filter((r) => r.grade === 'P2' && r.rules.join() === 'p95-increase:block');
        const growth = p.filter((r) => r.rules.some((x) => growthRules.includes(x.split(':')[0])));
        const slopes = p.map((r) => r.slopeDifferenceMiBPerMin).filter((v): v is number => v !== null);
        const mib = (v: number) => `${v >= 0 ? '+' : ''}${v.toFixed(1)}`;
        console.log(
          `| ${shape} | ${setting} | ${rate(p95Alone.length, p.length)} | ${rate(growth.length, p.length)} | ${slopes.length ? `${mib(median(slopes))} (${mib(Math.min(...slopes))} .. ${mib(Math.max(...slopes))}) MiB/min` : 'n/a'} |`,
        );
      }
    }
  }
}

await (args.power ? power() : calibrate());

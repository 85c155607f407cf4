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
    shapes: { type: 'string', default: 'quiet,alloc,bursty' },
    settings: { type: 'string', default: 'default,short' },
    parallel: { type: 'string', default: '2' },
    replicas: { type: 'string' },
    out: { type: 'string', default: join(ROOT, '.tmp/calibration') },
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
  const cli = [
    '--baseline',
    service('healthy-a'),
    '--gray',
    gray,
    '--warmup',
    s.warmup,
    '--duration',
    s.duration,
    '--out',
    out,
  ];
  if (args.replicas) cli.push('--replicas', args.replicas);
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'run', ...cli], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const exit = await new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const wallSeconds = (performance.now() - started) / 1000;
  let report: {
    verdict: string;
    grade: string | null;
    reasons: { rule: string; outcome: string; message: string }[];
    slopeDifference: { bytesPerSec: number } | null;
  } | null = null;
  try {
    report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  } catch {
    console.error(`  no report (exit ${exit}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
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

const jobs: (() => Promise<Run>)[] = [];
const shapes = args.shapes!.split(',');
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
  console.log(`\n## A/A (two binaries of one healthy build)${args.replicas ? `, --replicas ${args.replicas}` : ''}\n`);
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

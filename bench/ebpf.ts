// What eBPF allocation tracing costs the traced service, side by side in one run, and whether the
// cost guard's estimate (src/collect/ebpf-cost.ts: probe hits/s x a constant per hit) matches it.
//
// Two workloads, each service on one core (GOMAXPROCS=1) so that it and the load generator do not
// fight over the second:
// - json: the healthy fixture's /work (JSON-encodes a ~16 KB report per request: a few hundred
//   allocations, ~60 KB) under a closed-loop load (the fixture load generator, 64 in flight);
//   throughput is requests/s;
// - alloc: the fixture's tight allocation loop (-alloc-rate 200MiB -burst-every 0), paced, no
//   requests: its throughput is fixed, so the probe shows as extra CPU per second (per byte).
// Each at Go's default MemProfileRate (512 KiB) and at RATE (memgate's default, 64 KiB). The default
// mode (a probe on runtime.mProf_Malloc) is compared round by round with an untraced round right
// next to it (paired, order alternating), medians over pairs: this machine is shared and noisy,
// pairs cancel its drift. Per row: the probe's extra CPU as a share of one core (the guard's unit),
// the hits the tracer counted, the CPU per hit that implies, and the guard's estimate from the
// allocation rate (heap profiles before and after the untraced round: the bench's services idle
// between rounds, so the since-start average the guard takes at a warm-up's end would be diluted
// here; that average is printed too).
// With COSTLY_PAIRS > 0 the json workload also runs memgate's precise mode (every runtime.mallocgc
// traps, 1 in N recorded in the kernel) and a naive probe recording every call (the seed's).
//
//   node bench/ebpf.ts                                   (as root; about 6 minutes)
//   RATE=131072 PAIRS=4 SECONDS=3 COSTLY_PAIRS=2 node bench/ebpf.ts
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fixtureBin } from '../test/helpers/fixtures.ts';
import { checkBinary, checkTracer, type Tracer } from '../src/collect/ebpf-preflight.ts';
import { buildScript, RUNTIME_HEADROOM, type ProbeTarget } from '../src/collect/ebpf-script.ts';
import { TracerProcess } from '../src/collect/ebpf-tracer.ts';
import { parseBpftraceOutput } from '../src/collect/ebpf-parse.ts';
import {
  allocationRate,
  EBPF_COST_BUDGET,
  estimateCost,
  fetchAllocationRate,
  heapTotals,
  PROBE_HIT_COST_US,
} from '../src/collect/ebpf-cost.ts';
import { processAgeSec } from '../src/collect/ebpf-proc.ts';
import { fetchProfile } from '../src/collect/pprof-fetch.ts';
import type { EbpfMode } from '../src/model/ebpf.ts';
import { Defaults } from '../src/model/constants.ts';
import { formatBytes, parseSize } from '../src/model/units.ts';
import { freePort, portOpen } from '../src/workload/ports.ts';

const PAIRS = Number(process.env.PAIRS ?? 6);
const COSTLY_PAIRS = Number(process.env.COSTLY_PAIRS ?? 0);
const SECONDS = Number(process.env.SECONDS ?? 4);
const RATE = parseSize(process.env.RATE ?? Defaults.memprofileRate, 'RATE');
const GO_DEFAULT_RATE = 512 * 1024;
const RPS = 20000;
const STACK_DEPTH = Number(Defaults.stackDepth);
const SAMPLE_RATE = Number(Defaults.ebpfSampleRate);
const TICKS_PER_SEC = 100;

interface Condition {
  name: string;
  mode: EbpfMode;
  sampleRate: number;
}
const DEFAULT: Condition = { name: 'default mode (runtime.mProf_Malloc)', mode: 'sampled', sampleRate: 1 };
const PRECISE: Condition = {
  name: `precise mode (mallocgc, 1 in ${SAMPLE_RATE} recorded)`,
  mode: 'every',
  sampleRate: SAMPLE_RATE,
};
const NAIVE: Condition = { name: 'naive probe (every mallocgc recorded)', mode: 'every', sampleRate: 1 };

interface Workload {
  name: 'json' | 'alloc';
  flags: string[];
  /** What a unit of its throughput is. */
  unit: string;
}
const JSON_WORK: Workload = { name: 'json', flags: ['-burst-every', '0'], unit: 'req' };
const ALLOC_WORK: Workload = { name: 'alloc', flags: ['-alloc-rate', '200MiB', '-burst-every', '0'], unit: 'MiB' };
/** The per-hit cost, measured where the probe's CPU stands well above this machine's noise: a slower loop sampled every 4 KiB. */
const AMPLIFIED_WORK: Workload = { name: 'alloc', flags: ['-alloc-rate', '50MiB', '-burst-every', '0'], unit: 'MiB' };
const AMPLIFIED_RATE = 4096;
const AMPLIFIED_PAIRS = Number(process.env.AMPLIFIED_PAIRS ?? 4);

const work = mkdtempSync(join(tmpdir(), 'memgate-bench-ebpf-'));
const bin = (name: string) => join(work, name);
for (const name of ['healthy', 'load']) copyFileSync(fixtureBin(name), bin(name));
const children: ChildProcess[] = [];

interface Service {
  workload: Workload;
  memProfileRate: number;
  pid: number;
  port: number;
  target: ProbeTarget;
}

async function startService(workload: Workload, memProfileRate: number): Promise<Service> {
  const port = await freePort();
  const child = spawn(
    bin('healthy'),
    ['-addr', `127.0.0.1:${port}`, ...workload.flags, '-memprofile-rate', String(memProfileRate)],
    { stdio: 'ignore', env: { ...process.env, GOMAXPROCS: '1' } },
  );
  children.push(child);
  for (let i = 0; i < 200 && !(await portOpen(port)); i++) await sleep(50);
  const binary = checkBinary(bin('healthy'), 'sampled');
  if (!binary.ok) throw new Error(binary.problem);
  const target: ProbeTarget = {
    binary: bin('healthy'),
    pids: [child.pid!],
    arch: binary.arch,
    go: binary.go,
    memProfileRateAddr: binary.binary.symbol('runtime.MemProfileRate')?.value ?? null,
  };
  const service = { workload, memProfileRate, pid: child.pid!, port, target };
  await drive(service, 2); // warm up
  return service;
}

function stopService(service: Service): void {
  children.find((c) => c.pid === service.pid)?.kill('SIGKILL');
}

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime: the probes' kernel time is the service's
}

function goDuration(text: string): number {
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/([\d.]+)(h|ms|m|s|µs|us|ns)/g))
    ms +=
      Number(n) *
      ({ h: 3_600_000, m: 60_000, s: 1000, ms: 1, µs: 1e-3, us: 1e-3, ns: 1e-6 } as Record<string, number>)[unit];
  return ms;
}

/** Runs the workload for `seconds`: requests under load (json), or just time (alloc drives itself: its units are counted from heap profiles). */
async function drive(service: Service, seconds: number): Promise<{ units: number; elapsedMs: number }> {
  if (service.workload.name === 'alloc') {
    const t0 = performance.now();
    await sleep(seconds * 1000);
    const elapsedMs = performance.now() - t0;
    return { units: NaN, elapsedMs };
  }
  const child = spawn(
    bin('load'),
    ['-url', `http://127.0.0.1:${service.port}/work`, '-rps', String(RPS), '-duration', `${seconds}s`],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  await new Promise((resolve) => child.on('exit', resolve));
  const m = /elapsed=(\S+) sent=\d+ ok=(\d+)/.exec(out);
  if (!m) throw new Error(`load printed no summary: ${out}`);
  return { units: Number(m[2]), elapsedMs: goDuration(m[1]) };
}

/** The service's cumulative allocation (heap profile, no GC forced) and the profile's period. */
async function allocated(service: Service): Promise<{ bytes: number; objects: number; period: number | null }> {
  const r = await fetchProfile(`http://127.0.0.1:${service.port}/debug/pprof/heap`, 10_000);
  if (!r.ok) throw new Error(r.error);
  const t = heapTotals(r.data);
  return { bytes: t.allocBytes, objects: t.allocObjects, period: t.periodBytes };
}

interface Round {
  /** Units of work per second (json: requests/s; alloc: MiB allocated per second, the loop's pace kept or not). */
  throughput: number;
  /** The service's CPU per unit of work, µs. */
  cpuPerUnitUs: number;
  /** The service's CPU as a share of one core. */
  cpuShare: number;
  /** Probe hits per second (scaled back by the sample rate: calls seen). */
  hitsPerSec: number;
  /** Bytes and objects allocated per second (heap profiles around the round). */
  allocBytesPerSec: number;
  allocObjectsPerSec: number;
  period: number | null;
}

async function round(tracer: Tracer, service: Service, condition: Condition | null, tag: string): Promise<Round> {
  let proc: TracerProcess | null = null;
  if (condition) {
    const file = join(work, `${tag}.bt`);
    writeFileSync(
      file,
      buildScript({
        mode: condition.mode,
        sampleRate: condition.sampleRate,
        captureDepth: STACK_DEPTH + RUNTIME_HEADROOM,
        targets: [service.target],
      }),
    );
    proc = new TracerProcess(tracer, {
      script: file,
      stdout: join(work, `${tag}.out`),
      stderr: join(work, `${tag}.err`),
    });
    if (!(await proc.attached)) throw new Error(`the tracer did not attach: ${proc.stderr}`);
    await sleep(200);
  }
  const before = await allocated(service);
  const ticks = cpuTicks(service.pid);
  const r = await drive(service, SECONDS);
  const cpu = (cpuTicks(service.pid) - ticks) / TICKS_PER_SEC;
  const after = await allocated(service);
  const seconds = r.elapsedMs / 1000;
  const units = service.workload.name === 'alloc' ? (after.bytes - before.bytes) / 1048576 : r.units;
  let hits = 0;
  if (proc && condition) {
    const stopped = await proc.stop(60_000);
    if (stopped.stopped !== 'clean') {
      console.log(
        `    (the tracer did not stop cleanly: ${stopped.stopped}; stderr: ${proc.stderr.trim().split('\n').slice(-3).join(' | ')}; hits not counted)`,
      );
      hits = NaN;
    } else {
      hits = parseBpftraceOutput(proc.stdout).records.reduce((sum, rec) => sum + rec.count, 0) * condition.sampleRate;
    }
  }
  return {
    throughput: units / seconds,
    cpuPerUnitUs: (cpu / units) * 1e6,
    cpuShare: cpu / seconds,
    hitsPerSec: hits / seconds,
    allocBytesPerSec: (after.bytes - before.bytes) / seconds,
    allocObjectsPerSec: (after.objects - before.objects) / seconds,
    period: after.period,
  };
}

const median = (all: number[]) => {
  const s = all.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Paired {
  untraced: Round[];
  traced: Round[];
}

async function pairs(tracer: Tracer, service: Service, condition: Condition, n: number): Promise<Paired> {
  const out: Paired = { untraced: [], traced: [] };
  const unit = `µs CPU/${service.workload.unit}`;
  for (let i = 0; i < n; i++) {
    const tracedFirst = i % 2 === 1;
    const a = await round(tracer, service, tracedFirst ? condition : null, `r${i}`);
    const b = await round(tracer, service, tracedFirst ? null : condition, `r${i}b`);
    const [u, t] = tracedFirst ? [b, a] : [a, b];
    out.untraced.push(u);
    out.traced.push(t);
    const tp = (r: Round) =>
      service.workload.name === 'alloc' ? `${formatBytes(r.allocBytesPerSec)}/s` : `${r.throughput.toFixed(0)} req/s`;
    console.log(
      `    pair ${i + 1}: untraced ${tp(u).padStart(11)} ${u.cpuPerUnitUs.toFixed(1).padStart(9)} ${unit} | traced ${tp(t).padStart(11)} ${t.cpuPerUnitUs.toFixed(1).padStart(9)} ${unit}, ${t.hitsPerSec.toFixed(0)} probe hits/s`,
    );
  }
  return out;
}

const ratio = (p: Paired, f: (r: Round) => number) => median(p.traced.map((t, i) => f(t) / f(p.untraced[i])));
const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;

interface Row {
  workload: Workload;
  memProfileRate: number;
  paired: Paired;
  /** The guard's own figure (allocation since start over the process's age), taken before the first round. */
  sinceStartShare: number | null;
}

try {
  if (process.getuid?.() !== 0) throw new Error('run the eBPF bench as root');
  const check = await checkTracer();
  if (!check.ok) throw new Error(`${check.problem}; ${check.fix}`);
  const tracer = check.tracer;
  const load = (await import('node:os')).loadavg()[0];
  console.log(
    `memgate bench: what the default eBPF mode costs a Go service, at ${formatBytes(GO_DEFAULT_RATE)} and ${formatBytes(RATE)} (${tracer.version}, GOMAXPROCS=1, ${SECONDS}s rounds, ${PAIRS} pairs, load average ${load.toFixed(1)})\n`,
  );
  const rows: Row[] = [];
  for (const workload of [JSON_WORK, ALLOC_WORK]) {
    for (const rate of [GO_DEFAULT_RATE, RATE]) {
      const service = await startService(workload, rate);
      const since = await fetchAllocationRate(
        `http://127.0.0.1:${service.port}/debug/pprof`,
        processAgeSec(service.pid),
      );
      console.log(`  ${workload.name} at -memprofile-rate ${rate}:`);
      rows.push({
        workload,
        memProfileRate: rate,
        paired: await pairs(tracer, service, DEFAULT, PAIRS),
        sinceStartShare: since.ok ? estimateCost(since.rate, 'sampled').share : null,
      });
      if (workload === JSON_WORK && rate === GO_DEFAULT_RATE && COSTLY_PAIRS > 0) {
        for (const condition of [PRECISE, NAIVE]) {
          console.log(`  ${workload.name}, ${condition.name}, ${COSTLY_PAIRS} pairs:`);
          const p = await pairs(tracer, service, condition, COSTLY_PAIRS);
          console.log(
            `    -> throughput x${ratio(p, (r) => r.throughput).toFixed(3)}, CPU/req x${ratio(p, (r) => r.cpuPerUnitUs).toFixed(3)}`,
          );
        }
      }
      stopService(service);
    }
  }

  console.log(`  alloc (${AMPLIFIED_WORK.flags[1]}) at -memprofile-rate ${AMPLIFIED_RATE}, amplified:`);
  const amplifiedService = await startService(AMPLIFIED_WORK, AMPLIFIED_RATE);
  const amplified: Row = {
    workload: AMPLIFIED_WORK,
    memProfileRate: AMPLIFIED_RATE,
    paired: await pairs(tracer, amplifiedService, DEFAULT, AMPLIFIED_PAIRS),
    sinceStartShare: null,
  };
  stopService(amplifiedService);
  const perHitOf = (p: Paired) =>
    median(p.traced.map((t, i) => ((t.cpuPerUnitUs - p.untraced[i].cpuPerUnitUs) * t.throughput) / t.hitsPerSec));
  const measuredPerHit = perHitOf(amplified.paired);

  console.log(
    `\n  default mode, traced against untraced (medians of ${PAIRS} pairs); guard: ${PROBE_HIT_COST_US} µs a hit, budget ${pct(EBPF_COST_BUDGET)} of a core`,
  );
  console.log(
    `  ${'workload'.padEnd(8)} ${'rate'.padStart(9)} ${'untraced'.padStart(22)} ${'throughput'.padStart(10)} ${'CPU/unit'.padStart(9)} ${'hits/s'.padStart(7)} ${'est/hits'.padStart(8)} ${'extra CPU'.padStart(10)} ${'µs/hit'.padStart(7)} ${'derived'.padStart(8)} ${'guard est.'.padStart(11)} ${'since start'.padStart(11)} ${'auto'.padStart(9)}`,
  );
  for (const row of [...rows, amplified]) {
    const { paired: p } = row;
    const u = p.untraced;
    // The probe's extra CPU, as a share of one core: the change in CPU per unit of work times the work done.
    const extraShare = median(p.traced.map((t, i) => ((t.cpuPerUnitUs - u[i].cpuPerUnitUs) * t.throughput) / 1e6));
    const hits = median(p.traced.map((t) => t.hitsPerSec));
    const perHit = perHitOf(p);
    // The guard's hit arithmetic on the traced rounds themselves: allocation over the period, against the hits counted.
    const hitEstimate = median(
      p.traced.map((t) => t.allocBytesPerSec / (t.period ?? row.memProfileRate) / t.hitsPerSec),
    );
    // The cost at this rate from the hits counted and the per-hit cost measured amplified.
    const derived = (hits * measuredPerHit) / 1e6;
    const guard = estimateCost(
      allocationRate(
        {
          allocBytes: median(u.map((r) => r.allocBytesPerSec)),
          allocObjects: median(u.map((r) => r.allocObjectsPerSec)),
        },
        u[0].period,
        1,
      ),
      'sampled',
    );
    const untraced =
      row.workload.name === 'alloc'
        ? `${formatBytes(median(u.map((r) => r.allocBytesPerSec)))}/s, ${pct(median(u.map((r) => r.cpuShare)), 0)} CPU`
        : `${median(u.map((r) => r.throughput)).toFixed(0)} req/s, ${pct(median(u.map((r) => r.cpuShare)), 0)} CPU`;
    console.log(
      `  ${row.workload.name.padEnd(8)} ${formatBytes(row.memProfileRate).padStart(9)} ${untraced.padStart(22)} ${ratio(
        p,
        (r) => r.throughput,
      )
        .toFixed(3)
        .padStart(10)} ${ratio(p, (r) => r.cpuPerUnitUs)
        .toFixed(3)
        .padStart(
          9,
        )} ${hits.toFixed(0).padStart(7)} ${hitEstimate.toFixed(2).padStart(8)} ${pct(extraShare, 2).padStart(10)} ${perHit.toFixed(1).padStart(7)} ${pct(derived, 2).padStart(8)} ${`${pct(guard.share, 2)} (${guard.hitsPerSec.toFixed(0)})`.padStart(11)} ${(row.sinceStartShare === null ? 'n/a' : pct(row.sinceStartShare, 2)).padStart(11)} ${(guard.share > EBPF_COST_BUDGET ? 'skipped' : 'traced').padStart(9)}`,
    );
  }
  console.log(
    `\n  throughput and CPU/unit: traced / untraced (json: requests; alloc: MiB allocated, its pace kept or not).`,
  );
  console.log(
    `  est/hits: the guard's hits/s (allocation rate / the profile's period) over the hits counted, same rounds.`,
  );
  console.log(
    `  extra CPU: the probe's CPU as a share of one core (measured directly: drowned in this machine's noise at the real rates);`,
  );
  console.log(
    `  µs/hit: that per hit counted (the guard assumes ${PROBE_HIT_COST_US}); measured amplified: ${measuredPerHit.toFixed(1)} µs.`,
  );
  console.log(
    `  derived: the hits counted x the amplified per-hit cost, as a share of one core: the cost the budget is about.`,
  );
  console.log(
    `  guard est.: hits/s (in brackets) from the untraced rounds' allocation rate over the profile's period, x ${PROBE_HIT_COST_US} µs; since start: the`,
  );
  console.log(
    `  guard's own figure at the first round (json idles between rounds, so it is diluted there); auto: what --ebpf auto does with it.`,
  );
} finally {
  for (const c of children) c.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
}

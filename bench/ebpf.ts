// What eBPF allocation tracing costs the traced service, side by side in one run: the throughput
// of an allocation-heavy Go service (the healthy fixture's /work: JSON-encodes a ~16 KB report per
// request, a few hundred allocations) under a closed-loop load, untraced, with memgate's default
// mode (a probe on runtime.mProf_Malloc), its precise mode (every runtime.mallocgc, 1 in N recorded
// in the kernel), and a naive probe on every runtime.mallocgc call recording every stack and goid
// (the seed's approach). Conditions are interleaved round by round; medians are compared.
//   node bench/ebpf.ts                    (as root; about 3 minutes)
//   ROUNDS=3 SECONDS=4 node bench/ebpf.ts (shorter)
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fixtureBin } from '../test/helpers/fixtures.ts';
import { checkTracer, checkBinary } from '../src/collect/ebpf-preflight.ts';
import { buildScript, type ProbeTarget } from '../src/collect/ebpf-script.ts';
import { TracerProcess } from '../src/collect/ebpf-tracer.ts';
import { parseBpftraceOutput } from '../src/collect/ebpf-parse.ts';
import { RUNTIME_HEADROOM, type EbpfMode } from '../src/collect/ebpf-types.ts';
import { Defaults } from '../src/constants.ts';
import { freePort } from '../src/workload/ports.ts';
import { portOpen } from '../src/workload/ports.ts';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SECONDS = Number(process.env.SECONDS ?? 6);
const RPS = Number(process.env.RPS ?? 20000);
const STACK_DEPTH = Number(Defaults.stackDepth);
const SAMPLE_RATE = Number(Defaults.ebpfSampleRate);
const TICKS_PER_SEC = 100;

interface Condition {
  name: string;
  mode: EbpfMode | null;
  sampleRate: number;
}
const CONDITIONS: Condition[] = [
  { name: 'untraced', mode: null, sampleRate: 1 },
  { name: 'default (sampled: runtime.mProf_Malloc)', mode: 'sampled', sampleRate: 1 },
  { name: `precise (every mallocgc, 1 in ${SAMPLE_RATE} recorded)`, mode: 'every', sampleRate: SAMPLE_RATE },
  { name: 'naive (every mallocgc, every stack recorded)', mode: 'every', sampleRate: 1 },
];

const work = mkdtempSync(join(tmpdir(), 'memgate-bench-ebpf-'));
const bin = (name: string) => join(work, name);
for (const name of ['healthy', 'load']) copyFileSync(fixtureBin(name), bin(name));
const children: ChildProcess[] = [];

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function goDuration(text: string): number {
  // `5.000123s`, `1m0.5s`, `900ms`
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/([\d.]+)(h|ms|m|s|µs|us|ns)/g)) ms += Number(n) * ({ h: 3_600_000, m: 60_000, s: 1000, ms: 1, µs: 1e-3, us: 1e-3, ns: 1e-6 } as Record<string, number>)[unit];
  return ms;
}

async function load(port: number, seconds: number): Promise<{ ok: number; elapsedMs: number }> {
  const child = spawn(bin('load'), ['-url', `http://127.0.0.1:${port}/work`, '-rps', String(RPS), '-duration', `${seconds}s`], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  await new Promise((resolve) => child.on('exit', resolve));
  const m = /elapsed=(\S+) sent=\d+ ok=(\d+)/.exec(out);
  if (!m) throw new Error(`load printed no summary: ${out}`);
  return { ok: Number(m[2]), elapsedMs: goDuration(m[1]) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

try {
  if (process.getuid?.() !== 0) throw new Error('run the eBPF bench as root');
  const check = await checkTracer();
  if (!check.ok) throw new Error(`${check.problem}; ${check.fix}`);
  const port = await freePort();
  const service = spawn(bin('healthy'), ['-addr', `127.0.0.1:${port}`, '-burst-every', '0'], { stdio: 'ignore' });
  children.push(service);
  const pid = service.pid!;
  for (let i = 0; i < 100 && !(await portOpen(port)); i++) await sleep(50);
  const binary = checkBinary(bin('healthy'), 'sampled');
  if (!binary.ok) throw new Error(binary.problem);
  const target: ProbeTarget = { binary: bin('healthy'), pids: [pid], arch: binary.arch, go: binary.go, memProfileRateAddr: binary.binary.symbol('runtime.MemProfileRate')?.value ?? null };
  console.log(`memgate bench: eBPF tracing cost on the healthy fixture's /work (${check.tracer.version}, ${binary.binary.goVersion}, load ${RPS} rps max, 64 in flight)`);
  console.log(`  ${ROUNDS} rounds x ${CONDITIONS.length} conditions x ${SECONDS}s, interleaved; medians\n`);
  await load(port, 2); // warm the service up
  const results = new Map<string, { rps: number[]; cpuPerReq: number[]; hits: number[] }>();
  for (const c of CONDITIONS) results.set(c.name, { rps: [], cpuPerReq: [], hits: [] });
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the order so that no condition always runs first (or right after the costly one).
    const order = CONDITIONS.map((_, i) => CONDITIONS[(i + round) % CONDITIONS.length]);
    for (const c of order) {
      let tracer: TracerProcess | null = null;
      if (c.mode) {
        const script = buildScript({ mode: c.mode, sampleRate: c.sampleRate, captureDepth: STACK_DEPTH + RUNTIME_HEADROOM, targets: [target] });
        const file = join(work, `bench-${round}.bt`);
        (await import('node:fs')).writeFileSync(file, script);
        tracer = new TracerProcess(check.tracer, { script: file, stdout: join(work, 'bench.out'), stderr: join(work, 'bench.err') });
        if (!(await tracer.attached)) throw new Error(`tracer did not attach: ${tracer.stderr}`);
        await sleep(300);
      }
      const ticks = cpuTicks(pid);
      const r = await load(port, SECONDS);
      const cpu = (cpuTicks(pid) - ticks) / TICKS_PER_SEC;
      let hits = 0;
      if (tracer) {
        await tracer.stop(60_000);
        hits = parseBpftraceOutput(tracer.stdout).records.reduce((sum, rec) => sum + rec.count, 0);
      }
      const res = results.get(c.name)!;
      res.rps.push(r.ok / (r.elapsedMs / 1000));
      res.cpuPerReq.push((cpu / r.ok) * 1e6);
      res.hits.push(hits / SECONDS);
      process.stdout.write(`  round ${round + 1}: ${c.name.padEnd(46)} ${(r.ok / (r.elapsedMs / 1000)).toFixed(0).padStart(6)} req/s  ${((cpu / r.ok) * 1e6).toFixed(0).padStart(5)} µs CPU/req  ${(hits / SECONDS).toFixed(0).padStart(8)} probe records/s\n`);
    }
  }
  const base = results.get(CONDITIONS[0].name)!;
  const baseRps = median(base.rps);
  const baseCpu = median(base.cpuPerReq);
  console.log(`\n  ${'condition'.padEnd(46)} ${'req/s'.padStart(7)} ${'throughput'.padStart(11)} ${'CPU/req'.padStart(9)} ${'cost/req'.padStart(9)} ${'records/s'.padStart(10)}`);
  for (const c of CONDITIONS) {
    const r = results.get(c.name)!;
    const rps = median(r.rps);
    const cpu = median(r.cpuPerReq);
    console.log(`  ${c.name.padEnd(46)} ${rps.toFixed(0).padStart(7)} ${(rps / baseRps).toFixed(3).padStart(11)} ${`${cpu.toFixed(0)}µs`.padStart(9)} ${(cpu / baseCpu).toFixed(3).padStart(9)} ${median(r.hits).toFixed(0).padStart(10)}`);
  }
  const defaultRatio = median(results.get(CONDITIONS[1].name)!.rps) / baseRps;
  console.log(`\n  default mode keeps ${(defaultRatio * 100).toFixed(1)}% of the untraced throughput (target: >= 97%): ${defaultRatio >= 0.97 ? 'met' : 'NOT met'}`);
} finally {
  for (const c of children) c.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
}

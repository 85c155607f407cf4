// eBPF allocation tracing of both sides for one run: find each side's Go processes and their binary,
// check that they can be traced, generate the bpftrace program, start it when the warm-up ends, stop
// it before the workloads are stopped, and turn its output into per-side stacks in the bundle.
import { readFileSync, readlinkSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { SIDES, type SideName } from '../model/sides.ts';
import { formatDuration } from '../model/units.ts';
import { UsageError } from '../model/errors.ts';
import type { Logger } from '../model/logger.ts';
import type { MemoryGroup } from '../workload/cgroup/types.ts';
import type { Frame } from '../model/frame.ts';
import type { GoBinary } from './ebpf-elf.ts';
import { MAX_TRACE_FRAMES, parseBpftraceOutput, type RawRecord } from './ebpf-parse.ts';
import { checkBinary, firstError, type Problem, type Tracer, type TracerCheck } from './ebpf-preflight.ts';
import { buildScript, PROBED_FUNCTION, safeProbePath, type ProbeTarget } from './ebpf-script.ts';
import { symbolize, which, type SymbolizerName } from './ebpf-symbolize.ts';
import { MAP_KEYS_MAX, TracerProcess } from './ebpf-tracer.ts';
import { EBPF_DIR, EBPF_TRACE_SCHEMA, EbpfFile, GOROUTINES_PER_STACK, RUNTIME_HEADROOM, type EbpfPlan, type EbpfSideTrace, type EbpfStack, type EbpfTrace } from '../model/ebpf.ts';

/** How long bpftrace may take to compile and attach. */
export const ATTACH_TIMEOUT_MS = 30_000;
/** How long it may take to print its maps and detach once asked to stop. */
export const STOP_TIMEOUT_MS = 30_000;

export interface EbpfSessionOptions {
  plan: EbpfPlan;
  /** The host check, started early (it runs bpftrace once). */
  check: Promise<TracerCheck>;
  groups: Record<SideName, MemoryGroup>;
  /** Resolves when a side's workload process ends. */
  exited: Record<SideName, Promise<unknown>>;
  bundleDir: string;
  logger: Logger;
  /** Milliseconds on the sampling clock. */
  now: () => number;
}

/** One executable file traced (by inode), with the processes running it. */
interface Target {
  probe: ProbeTarget;
  binary: GoBinary;
  /** pid -> its load bias (runtime address minus linked address; 0 unless PIE). */
  bias: Map<number, bigint>;
  sides: Set<SideName>;
}

function readExe(pid: number, prefix: string[]): string | null {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    if (prefix.length === 0) return null;
    const r = spawnSync(prefix[0], [...prefix.slice(1), 'readlink', `/proc/${pid}/exe`], { encoding: 'utf8', timeout: 10_000 });
    return r.status === 0 ? r.stdout.trim() || null : null;
  }
}

function readMaps(pid: number, prefix: string[]): string | null {
  try {
    return readFileSync(`/proc/${pid}/maps`, 'utf8');
  } catch {
    if (prefix.length === 0) return null;
    const r = spawnSync(prefix[0], [...prefix.slice(1), 'cat', `/proc/${pid}/maps`], { encoding: 'utf8', timeout: 10_000 });
    return r.status === 0 ? r.stdout : null;
  }
}

/** Load bias of a PIE executable in a process: start of its file-offset-0 mapping. */
export function loadBias(maps: string, exe: string): bigint | null {
  for (const line of maps.split('\n')) {
    const m = /^([0-9a-f]+)-[0-9a-f]+ \S+ ([0-9a-f]+) \S+ \d+\s+(.*)$/.exec(line);
    if (m && m[3].replace(/ \(deleted\)$/, '') === exe && BigInt(`0x${m[2]}`) === 0n) return BigInt(`0x${m[1]}`);
  }
  return null;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export class EbpfSession {
  private readonly options: EbpfSessionOptions;
  private readonly warnings: string[] = [];
  private tracer: Tracer | null = null;
  private targets: Target[] = [];
  private readonly sidePids = {} as Record<SideName, number[]>;
  private readonly exitAt = {} as Record<SideName, number | null>;
  private process: TracerProcess | null = null;
  private timer: NodeJS.Timeout | null = null;
  private starting: Promise<void> | null = null;
  private attachedAt: number | null = null;
  private finished = false;

  private constructor(options: EbpfSessionOptions) {
    this.options = options;
    for (const side of SIDES) {
      this.exitAt[side] = null;
      void options.exited[side].then(() => (this.exitAt[side] ??= options.now()));
    }
  }

  /**
   * Checks the host and both sides' binaries. With --ebpf on, anything missing is a UsageError;
   * with auto it is a warning, and the side (or the whole trace) is left out.
   */
  static async open(options: EbpfSessionOptions): Promise<EbpfSession> {
    const session = new EbpfSession(options);
    await session.prepare();
    return session;
  }

  private fail(p: Problem, scope = 'eBPF allocation tracing is off for this run'): void {
    if (this.options.plan.enabled === 'on') throw new UsageError(`--ebpf on: ${p.problem}; ${p.fix}.`);
    const message = `${scope}: ${p.problem}; ${p.fix}`;
    this.warnings.push(message);
    this.options.logger.warn(message);
  }

  private async prepare(): Promise<void> {
    const { plan } = this.options;
    const check = await this.options.check;
    if (!check.ok) return this.fail(check);
    this.tracer = check.tracer;
    const byInode = new Map<string, Target>();
    const checked = new Map<string, ReturnType<typeof checkBinary>>();
    for (const side of SIDES) {
      const found: { pid: number; exe: string }[] = [];
      const problems: Problem[] = [];
      for (const pid of this.options.groups[side].pids()) {
        const exe = readExe(pid, this.tracer.prefix);
        if (!exe) continue;
        let inode: string;
        try {
          const st = statSync(`/proc/${pid}/exe`);
          inode = `${st.dev}:${st.ino}`;
        } catch {
          inode = exe;
        }
        const deleted = exe.endsWith(' (deleted)');
        const readPath = deleted ? `/proc/${pid}/exe` : exe;
        let result = checked.get(inode);
        if (!result) {
          result = checkBinary(readPath, plan.mode, (p) => {
            try {
              return readFileSync(p);
            } catch {
              return readFileSync(`/proc/${pid}/exe`);
            }
          });
          checked.set(inode, result);
        }
        if (!result.ok) {
          // A shell or launcher in the group is no problem as long as a Go process is there too.
          if (result.binary && (result.binary.goVersion !== null || result.binary.symbol('runtime.mallocgc'))) problems.push(result);
          continue;
        }
        found.push({ pid, exe });
        let target = byInode.get(inode);
        if (!target) {
          const probePath = !deleted && safeProbePath(exe) ? exe : `/proc/${pid}/exe`;
          target = { probe: { binary: probePath, pids: [], arch: result.arch, go: result.go, memProfileRateAddr: result.binary.symbol('runtime.MemProfileRate')?.value ?? null }, binary: result.binary, bias: new Map(), sides: new Set() };
          byInode.set(inode, target);
        }
        let bias = 0n;
        if (result.binary.pie) {
          const maps = readMaps(pid, this.tracer.prefix);
          bias = (maps === null ? null : loadBias(maps, exe.replace(/ \(deleted\)$/, ''))) ?? 0n;
          if (bias === 0n) this.note(`the load address of PIE binary ${exe} in pid ${pid} is unknown; its stacks may not resolve`);
        }
        target.bias.set(pid, bias);
        target.probe.pids.push(pid);
        target.sides.add(side);
      }
      this.sidePids[side] = found.map((f) => f.pid);
      if (found.length === 0) {
        const p = problems[0] ?? { problem: `no Go process found in the ${side} group (pids ${this.options.groups[side].pids().join(', ') || 'none'})`, fix: 'make the command run the Go binary (exec it), or give --ebpf off' };
        this.fail(p, `${side} is not traced`);
      } else if (found.length > 1) {
        this.note(`${side} runs ${found.length} traced processes (${found.map((f) => `pid ${f.pid}: ${f.exe}`).join(', ')}); their allocations are added together`);
      }
    }
    // Under PIE every process has its own address of runtime.MemProfileRate: one probe per process.
    this.targets = [...byInode.values()].flatMap((t) => {
      if (!t.binary.pie || t.probe.memProfileRateAddr === null || plan.mode !== 'sampled') return [t];
      return t.probe.pids.map((pid) => ({ ...t, probe: { ...t.probe, pids: [pid], memProfileRateAddr: t.probe.memProfileRateAddr! + t.bias.get(pid)! } }));
    });
    const shared = this.targets.filter((t) => t.sides.size > 1);
    for (const t of shared) this.options.logger.info(`memgate: baseline and gray run the same binary (${t.probe.binary}); the probe tells them apart by pid`);
  }

  private note(message: string): void {
    this.warnings.push(message);
    this.options.logger.warn(message);
  }

  get active(): boolean {
    return this.targets.length > 0;
  }

  /** Starts the tracer at `atMs` on the sampling clock (the end of the warm-up). */
  schedule(atMs: number): void {
    if (!this.active) return;
    this.timer = setTimeout(() => (this.starting = this.start()), Math.max(0, atMs - this.options.now()));
  }

  private async start(): Promise<void> {
    if (this.finished || !this.tracer) return;
    const { plan, bundleDir, logger } = this.options;
    const dir = join(bundleDir, EBPF_DIR);
    mkdirSync(dir, { recursive: true });
    const script = buildScript({ mode: plan.mode, sampleRate: plan.sampleRate, captureDepth: plan.stackDepth + RUNTIME_HEADROOM, targets: this.targets.map((t) => t.probe) });
    const files = { script: join(dir, EbpfFile.Script), stdout: join(dir, EbpfFile.RawOutput), stderr: join(dir, EbpfFile.RawErrors) };
    writeFileSync(files.script, script);
    const cost = plan.mode === 'sampled' ? 'probing runtime.mProf_Malloc, where Go samples its heap profile' : `probing every runtime.mallocgc call${plan.sampleRate > 1 ? ` (recording 1 in ${plan.sampleRate})` : ''}: a trap per allocation, costly`;
    logger.info(`memgate: eBPF allocation tracing of ${SIDES.filter((s) => this.sidePids[s]?.length).join(' and ')} (${cost})`);
    this.process = new TracerProcess(this.tracer, files);
    const attached = await Promise.race([this.process.attached, new Promise<boolean>((r) => setTimeout(() => r(false), ATTACH_TIMEOUT_MS).unref())]);
    if (attached) this.attachedAt = this.options.now();
  }

  /** Kills the tracer if it still runs (teardown after a failure). */
  kill(): void {
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    this.process?.kill();
  }

  /**
   * Stops the tracer while the workloads still run, reads what it printed, and writes the trace to
   * the bundle (with the reasons, when a side or all of it could not be traced). Tracer trouble is a
   * warning; with --ebpf on, a tracer that never attached or whose output was lost is a UsageError.
   */
  async finish(): Promise<EbpfTrace> {
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    await this.starting;
    const { plan } = this.options;
    const sides: Record<SideName, EbpfSideTrace | null> = { baseline: null, gray: null };
    const trace: EbpfTrace = { schema: EBPF_TRACE_SCHEMA, mode: plan.mode, sampleRate: plan.mode === 'every' ? plan.sampleRate : 1, stackDepth: plan.stackDepth, tracer: this.tracer?.version ?? 'none', sides, warnings: this.warnings };
    if (this.active && !this.process) this.note('the window ended before the eBPF tracer was started; no allocation paths');
    if (this.process) {
      const stopAt = this.options.now();
      const stopped = await this.process.stop(STOP_TIMEOUT_MS);
      const why = firstError(this.process.stderr);
      if (this.attachedAt === null) {
        this.lost({ problem: `the eBPF tracer did not attach${why ? ` (${why})` : ` within ${formatDuration(ATTACH_TIMEOUT_MS)}`}`, fix: `check that uprobes work here (bpftrace -e 'uprobe:BINARY:${PROBED_FUNCTION[plan.mode]} { exit(); }'), or give --ebpf auto` });
      } else if (stopped.stopped === 'killed' && parseBpftraceOutput(this.process.stdout).records.length === 0) {
        this.lost({ problem: `the eBPF tracer did not stop within ${formatDuration(STOP_TIMEOUT_MS)} and was killed before it printed anything`, fix: plan.mode === 'every' ? 'raise --ebpf-sample-rate or lower --stack-depth' : 'lower --stack-depth' });
      } else {
        // Killed while printing, or hung after it: whatever complete entries it printed still count.
        if (stopped.stopped === 'killed') this.note(`the eBPF tracer did not exit within ${formatDuration(STOP_TIMEOUT_MS)} of being stopped and was killed; the entries it had printed are used`);
        if (stopped.stopped === 'exited-early') this.note(`the eBPF tracer ended on its own before the window was over (status ${stopped.code}${why ? `: ${why}` : ''}); allocation paths cover what it printed`);
        this.collect(this.process.stdout, this.attachedAt, stopAt, sides);
      }
    }
    return trace;
  }

  /** The trace is lost: a UsageError with --ebpf on, else a warning. */
  private lost(p: Problem): void {
    this.fail(p, 'no allocation paths');
  }

  private collect(output: string, startMs: number, stopMs: number, sides: Record<SideName, EbpfSideTrace | null>): void {
    const { plan } = this.options;
    const parsed = parseBpftraceOutput(output);
    if (parsed.skipped > 0) this.note(`${parsed.skipped} line(s) of the eBPF tracer's output could not be read and were left out (first: ${JSON.stringify(parsed.firstSkipped)})`);
    if (parsed.truncated) this.note("the eBPF tracer's output ended inside an entry; that entry is left out");
    if (parsed.framesCut > 0) this.note(`${parsed.framesCut} frame(s) beyond ${MAX_TRACE_FRAMES} per stack in the eBPF tracer's output were left out (the innermost ones are kept)`);
    if (parsed.records.length >= MAP_KEYS_MAX * 0.98) this.note(`the eBPF tracer's map filled up (${MAP_KEYS_MAX} entries), so later stacks were not counted; lower --stack-depth${plan.mode === 'every' ? ' or raise --ebpf-sample-rate' : ''}`);
    const sideOf = new Map<number, SideName>();
    for (const side of SIDES) for (const pid of this.sidePids[side] ?? []) sideOf.set(pid, side);
    const targetOf = new Map<number, Target>();
    for (const t of this.targets) for (const pid of t.probe.pids) targetOf.set(pid, t);
    // Symbolize per binary, from the file: works for processes that are gone too.
    const resolved = new Map<Target, { frames: Map<bigint, Frame[]>; via: SymbolizerName }>();
    const tools = { addr2line: which('addr2line'), go: which('go') };
    const byTarget = new Map<Target, RawRecord[]>();
    for (const r of parsed.records) {
      const t = targetOf.get(r.pid);
      if (!t || !sideOf.has(r.pid)) continue;
      byTarget.set(t, [...(byTarget.get(t) ?? []), r]);
    }
    for (const [t, records] of byTarget) {
      const addrs = records.flatMap((r) => r.frames.slice(1).map((f) => f.addr - (t.bias.get(r.pid) ?? 0n) - 1n));
      resolved.set(t, symbolize(t.binary, addrs, tools));
    }
    const probed = PROBED_FUNCTION[plan.mode];
    const stacks = new Map<SideName, Map<string, EbpfStack & { byGoid: Map<number, { samples: number; sampledBytes: number }> }>>();
    for (const side of SIDES) stacks.set(side, new Map());
    for (const r of parsed.records) {
      const side = sideOf.get(r.pid);
      const t = targetOf.get(r.pid);
      if (!side || !t) continue;
      const symbols = resolved.get(t)!.frames;
      const bias = t.bias.get(r.pid) ?? 0n;
      const frames: Frame[] = [{ fn: probed, file: '', line: 0 }];
      for (const f of r.frames.slice(1)) {
        const found = symbols.get(f.addr - bias - 1n);
        frames.push(...(found?.length ? found : [{ fn: f.symbol ?? `0x${f.addr.toString(16)}`, file: '', line: 0 }]));
      }
      const key = frames.map((f) => `${f.fn} ${f.file}:${f.line}`).join('\n');
      const map = stacks.get(side)!;
      let s = map.get(key);
      if (!s) {
        s = { frames, samples: 0, sampledBytes: 0, goroutines: [], byGoid: new Map() };
        map.set(key, s);
      }
      s.samples += r.count;
      s.sampledBytes += r.total;
      const g = s.byGoid.get(r.goid) ?? { samples: 0, sampledBytes: 0 };
      g.samples += r.count;
      g.sampledBytes += r.total;
      s.byGoid.set(r.goid, g);
    }
    for (const side of SIDES) {
      const pids = this.sidePids[side] ?? [];
      if (pids.length === 0) continue;
      const t = targetOf.get(pids[0])!;
      const exit = this.exitAt[side];
      const endMs = exit !== null && exit < stopMs ? Math.max(startMs, exit) : stopMs;
      if (exit !== null && exit < stopMs) this.note(`${side} exited ${formatDuration(Math.max(0, exit - startMs))} into the eBPF trace; its allocation rates cover that part only`);
      const rates = pids.map((p) => parsed.rates.get(p)).filter(isNumber);
      const memProfileRate = plan.mode === 'sampled' ? (rates[0] ?? null) : null;
      if (plan.mode === 'sampled' && memProfileRate === 0) this.note(`${side} runs with runtime.MemProfileRate = 0 (heap sampling off), so the default eBPF mode cannot see its allocations; give --ebpf-mode every`);
      const list: EbpfStack[] = [...stacks.get(side)!.values()]
        .map(({ byGoid, ...s }) => ({
          ...s,
          goroutines: [...byGoid].map(([goid, g]) => ({ goid, ...g })).sort((a, b) => b.sampledBytes - a.sampledBytes).slice(0, GOROUTINES_PER_STACK),
        }))
        .sort((a, b) => b.sampledBytes - a.sampledBytes);
      if (list.length === 0 && memProfileRate !== 0) this.note(`the eBPF tracer recorded no allocation of ${side} in ${formatDuration(endMs - startMs)}`);
      const via = resolved.get(t)?.via;
      if (via === 'symtab' && list.length > 0) this.note(`no addr2line (binutils) nor go on PATH: ${side}'s allocation paths have function names without file:line`);
      sides[side] = { binary: t.probe.binary, goVersion: t.binary.goVersion, arch: t.probe.arch, pids, memProfileRate, startMs: Math.round(startMs), endMs: Math.round(endMs), stacks: list };
    }
  }
}

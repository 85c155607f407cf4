// eBPF allocation tracing of both sides for one run: the tracer's lifecycle. Finding what to probe is
// ebpf-targets.ts, turning its output into stacks is ebpf-stacks.ts; this starts it when the warm-up
// ends, stops it before the workloads are stopped, and says what went wrong on the way.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SIDES, type SideName } from '../model/sides.ts';
import { formatDuration } from '../model/units.ts';
import { UsageError } from '../model/errors.ts';
import type { Logger } from '../model/logger.ts';
import type { MemoryGroup } from '../workload/cgroup/types.ts';
import { parseBpftraceOutput } from './ebpf-parse.ts';
import { firstError, type Problem, type Tracer, type TracerCheck } from './ebpf-preflight.ts';
import { buildScript, PROBED_FUNCTION, RUNTIME_HEADROOM } from './ebpf-script.ts';
import { describeTracerEnd, TracerProcess } from './ebpf-tracer.ts';
import { findTargets, type Target } from './ebpf-targets.ts';
import { sideTraces } from './ebpf-stacks.ts';
import {
  EBPF_DIR,
  EBPF_TRACE_SCHEMA,
  EbpfFile,
  type EbpfCostEstimate,
  type EbpfPlan,
  type EbpfTrace,
} from '../model/ebpf.ts';
import { costFromHits, decideTracing, estimateCost, fetchAllocationRate, hitsWarning } from './ebpf-cost.ts';
import { processAgeSec } from './ebpf-proc.ts';

/** How long bpftrace may take to compile and attach. */
export const ATTACH_TIMEOUT_MS = 30_000;
/** How long it may take to print its maps and detach once asked to stop. */
export const STOP_TIMEOUT_MS = 30_000;

export interface EbpfSessionOptions {
  plan: EbpfPlan;
  /** The host check, started early (it runs bpftrace once). */
  check: Promise<TracerCheck>;
  groups: Record<SideName, MemoryGroup>;
  /**
   * pprof base URL of each side's traced process (the first one with replicas), or null: the cost guard
   * estimates the probe's cost from a heap profile fetched there before attaching (ebpf-cost.ts).
   */
  pprofUrls: Record<SideName, string | null>;
  /** Resolves when a side's workload process ends. */
  exited: Record<SideName, Promise<unknown>>;
  bundleDir: string;
  logger: Logger;
  /** Milliseconds on the sampling clock. */
  now: () => number;
}

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
  /** When the tracer process ended, on the sampling clock (before finish() when it died mid-run). */
  private endedAt: number | null = null;
  private finished = false;
  private readonly costs: Record<SideName, EbpfCostEstimate | null> = { baseline: null, gray: null };

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
    const check = await this.options.check;
    if (!check.ok) return this.fail(check);
    this.tracer = check.tracer;
    const found = findTargets(
      this.options.groups,
      this.options.plan.mode,
      this.tracer.prefix,
      (m) => this.note(m),
      (side, why) => this.fail(why, `${side} is not traced`),
    );
    this.targets = found.targets;
    Object.assign(this.sidePids, found.sidePids);
    const shared = this.targets.filter((t) => t.sides.size > 1);
    for (const t of shared)
      this.options.logger.info(
        `memgate: baseline and gray run the same binary (${t.probe.binary}); the probe tells them apart by pid`,
      );
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

  /**
   * The cost guard, right before attaching: each traced side's probe-hit rate from its allocation rate,
   * times the cost of a hit; over the budget, --ebpf auto leaves that side out, --ebpf on traces it and
   * says what it costs. A side without a heap profile is traced, and costed from its hits afterwards.
   */
  private async guardCost(): Promise<void> {
    const { plan, pprofUrls, logger } = this.options;
    await Promise.all(
      SIDES.map(async (side) => {
        const pid = this.sidePids[side]?.[0];
        if (pid === undefined) return;
        const base = pprofUrls[side];
        const lookup =
          base === null
            ? { ok: false as const, why: 'memgate fetches no heap profiles from it' }
            : await fetchAllocationRate(base, processAgeSec(pid));
        if (!lookup.ok) {
          logger.info(
            `memgate: the eBPF cost for ${side} is not estimated before attaching (${lookup.why}); it is costed from the probe hits it counts`,
          );
          return;
        }
        const decided = decideTracing(side, estimateCost(lookup.rate, plan.mode), plan.enabled, plan.mode);
        this.costs[side] = decided.estimate;
        if (decided.warning) this.note(decided.warning);
        else
          logger.info(
            `memgate: eBPF cost for ${side}: ~${Math.round(decided.estimate.hitsPerSec)} probe hits/s, ~${(decided.estimate.share * 100).toFixed(2)}% of a core (budget ${decided.estimate.budget * 100}%)`,
          );
        if (!decided.estimate.traced) this.untrace(side);
      }),
    );
  }

  /** Leaves a side out of the trace (its processes off every probe's pid filter). */
  private untrace(side: SideName): void {
    const pids = new Set(this.sidePids[side] ?? []);
    this.sidePids[side] = [];
    this.targets = this.targets
      .map((t) => {
        t.sides.delete(side);
        return { ...t, probe: { ...t.probe, pids: t.probe.pids.filter((p) => !pids.has(p)) } };
      })
      .filter((t) => t.probe.pids.length > 0);
  }

  private async start(): Promise<void> {
    if (this.finished || !this.tracer) return;
    await this.guardCost();
    if (this.finished || !this.active) return;
    const { plan, bundleDir, logger } = this.options;
    // Absolute: bpftrace's command line then names the run's directory, as leftover checks look for it.
    const dir = resolve(bundleDir, EBPF_DIR);
    mkdirSync(dir, { recursive: true });
    const script = buildScript({
      mode: plan.mode,
      sampleRate: plan.sampleRate,
      captureDepth: plan.stackDepth + RUNTIME_HEADROOM,
      targets: this.targets.map((t) => t.probe),
    });
    const files = {
      script: join(dir, EbpfFile.Script),
      stdout: join(dir, EbpfFile.RawOutput),
      stderr: join(dir, EbpfFile.RawErrors),
    };
    writeFileSync(files.script, script);
    const cost =
      plan.mode === 'sampled'
        ? 'probing runtime.mProf_Malloc, where Go samples its heap profile'
        : `probing every runtime.mallocgc call${plan.sampleRate > 1 ? ` (recording 1 in ${plan.sampleRate})` : ''}: a trap per allocation, costly`;
    logger.info(
      `memgate: eBPF allocation tracing of ${SIDES.filter((s) => this.sidePids[s]?.length).join(' and ')} (${cost})`,
    );
    this.process = new TracerProcess(this.tracer, files);
    void this.process.exited.then(() => (this.endedAt ??= this.options.now()));
    const attached = await Promise.race([
      this.process.attached,
      new Promise<boolean>((r) => setTimeout(() => r(false), ATTACH_TIMEOUT_MS).unref()),
    ]);
    if (attached) this.attachedAt = this.options.now();
  }

  /** Kills the tracer if it still runs (teardown after a failure). */
  kill(): void {
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    this.process?.kill();
  }

  /**
   * Stops the tracer while the workloads still run, reads what it printed, and returns the trace
   * (with the reasons, when a side or all of it could not be traced); the gate writes it to the bundle. Tracer trouble is a
   * warning; with --ebpf on, a tracer that never attached or whose output was lost is a UsageError.
   */
  async finish(): Promise<EbpfTrace> {
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    await this.starting;
    const { plan } = this.options;
    const trace: EbpfTrace = {
      schema: EBPF_TRACE_SCHEMA,
      mode: plan.mode,
      sampleRate: plan.mode === 'every' ? plan.sampleRate : 1,
      stackDepth: plan.stackDepth,
      tracer: this.tracer?.version ?? 'none',
      sides: { baseline: null, gray: null },
      warnings: this.warnings,
      costs: this.costs,
    };
    if (this.active && !this.process)
      this.note('the window ended before the eBPF tracer was started; no allocation paths');
    if (this.process) {
      const stopAt = this.options.now();
      const stopped = await this.process.stop(STOP_TIMEOUT_MS);
      const why = firstError(this.process.stderr);
      // Ended before it was stopped: seen as it happened (the wrapper exited), or only now, by bpftrace's
      // status (the wrapper holds on to its stdin until memgate stops it; SIGTERM then ends bpftrace with 0).
      const endedUnseen = stopped.stopped === 'clean' && stopped.code !== null && stopped.code !== 0;
      const early = stopped.stopped === 'exited-early' || endedUnseen;
      const when = (ran: number) => (endedUnseen ? 'during the window' : `${formatDuration(ran)} into the window`);
      const how = `${describeTracerEnd(stopped.code, stopped.signal)}${why ? `: ${why}` : ''}`;
      const ranFor = early && this.attachedAt !== null ? Math.max(0, (this.endedAt ?? stopAt) - this.attachedAt) : 0;
      const printed = parseBpftraceOutput(this.process.stdout).records.length;
      // The memory verdict never rests on eBPF: a tracer lost mid-run costs the allocation paths (all of
      // them when it printed nothing: bpftrace prints its maps only as it ends), not the verdict.
      if (this.attachedAt === null) {
        this.lost({
          problem: early
            ? `the eBPF tracer ended before it attached (${how})`
            : `the eBPF tracer did not attach${why ? ` (${why})` : ` within ${formatDuration(ATTACH_TIMEOUT_MS)}`}`,
          fix: `check that uprobes work here (bpftrace -e 'uprobe:BINARY:${PROBED_FUNCTION[plan.mode]} { exit(); }')${plan.enabled === 'on' ? ', or give --ebpf auto' : ''}`,
        });
      } else if (early && printed === 0) {
        this.lost({
          problem: `the eBPF tracer ended ${when(ranFor)} (${how}) before it printed what it had recorded`,
          fix: 'the memory verdict does not use eBPF; run again for allocation paths',
        });
      } else if (stopped.stopped === 'killed' && printed === 0) {
        this.lost({
          problem: `the eBPF tracer did not stop within ${formatDuration(STOP_TIMEOUT_MS)} and was killed before it printed anything`,
          fix: plan.mode === 'every' ? 'raise --ebpf-sample-rate or lower --stack-depth' : 'lower --stack-depth',
        });
      } else {
        // Killed while printing, or hung after it: whatever complete entries it printed still count.
        if (stopped.stopped === 'killed')
          this.note(
            `the eBPF tracer did not exit within ${formatDuration(STOP_TIMEOUT_MS)} of being stopped and was killed; the entries it had printed are used`,
          );
        if (early)
          this.note(
            endedUnseen
              ? `the eBPF tracer ended during the window, before it was over (${how}); allocation paths cover what it printed`
              : `the eBPF tracer ended ${formatDuration(ranFor)} into the window, before it was over (${how}); allocation paths cover those ${formatDuration(ranFor)} only`,
          );
        trace.sides = sideTraces(
          parseBpftraceOutput(this.process.stdout),
          { targets: this.targets, sidePids: this.sidePids },
          plan,
          {
            startMs: this.attachedAt,
            stopMs: early ? Math.min(stopAt, this.endedAt ?? stopAt) : stopAt,
            exitAt: this.exitAt,
          },
          (m) => this.note(m),
        );
        this.countHits(trace);
      }
    }
    return trace;
  }

  /** The hits each traced side's probe counted: beside the estimate, or the cost itself where there was none. */
  private countHits(trace: EbpfTrace): void {
    for (const side of SIDES) {
      const traced = trace.sides[side];
      const seconds = traced ? (traced.endMs - traced.startMs) / 1000 : 0;
      if (!traced || seconds <= 0) continue;
      const hitsPerSec = (traced.stacks.reduce((sum, s) => sum + s.samples, 0) * trace.sampleRate) / seconds;
      const estimated = this.costs[side];
      if (estimated) {
        estimated.measuredHitsPerSec = Math.round(hitsPerSec * 10) / 10;
        continue;
      }
      const cost = costFromHits(hitsPerSec, traced.memProfileRate);
      this.costs[side] = cost;
      const warning = hitsWarning(side, cost, trace.mode);
      if (warning) this.note(warning);
    }
  }

  /** The trace is lost: a UsageError with --ebpf on, else a warning. */
  private lost(p: Problem): void {
    this.fail(p, 'no allocation paths');
  }
}

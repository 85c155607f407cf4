import { closeSync, createWriteStream, mkdirSync, openSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_SCHEMA, BundleFile, Placeholder, VERSION } from '../model/constants.ts';
import { type GatePlan } from '../model/settings.ts';
import { SIDES, type SideName } from '../model/sides.ts';
import { formatBytes, formatDuration } from '../model/units.ts';
import { UsageError } from '../model/errors.ts';
import type { Bundle, MemorySample, SideFinal, SideMeta } from '../model/bundle.ts';
import { bundleDir, writeBundle } from '../collect/bundle-io.ts';
import { sampleMemory, type SamplerResult } from '../collect/sampler.ts';
import { startProfiling } from '../collect/pprof-collector.ts';
import { writeDiffProfiles, writeEbpfTrace } from './evidence-files.ts';
import { analyze } from '../analyze/analyze.ts';
import type { ProfileSet } from '../model/profiles.ts';
import { EbpfSession } from '../collect/ebpf-collector.ts';
import { checkTracer } from '../collect/ebpf-preflight.ts';
import type { EbpfTrace } from '../model/ebpf.ts';
import { performance } from 'node:perf_hooks';
import { probeHost, selectDriver, type HostFacts } from '../workload/cgroup/detect.ts';
import type { CgroupDriver, MemoryGroup } from '../workload/cgroup/types.ts';
import { freePort } from '../workload/ports.ts';
import { LoadProcess, Workload } from '../workload/process.ts';
import { judgeAnalysis, writeReport } from './judge-bundle.ts';
import type { Logger } from '../model/logger.ts';
import type { Report } from '../report/report-json.ts';

export interface GateIO {
  logger: Logger;
  /** Aborted on SIGINT/SIGTERM: the gate stops, cleans up and reports `interrupted`. */
  signal: AbortSignal;
  /** Host facts for driver selection; probed when absent. */
  host?: HostFacts;
}

export type GateOutcome =
  | { kind: 'judged'; report: Report; reportPath: string; outDir: string }
  | { kind: 'interrupted'; outDir: string };

const PROGRESS_EVERY_MS = 5000;
const STAT_EVERY_MS = 2000;
/** Beyond ready-timeout + warm-up + window, time allowed before the run is called hung. */
const HANG_GRACE_MS = 30_000;

export function substitute(command: string, port: number | null, url: string | null): string {
  let out = command;
  if (port !== null) out = out.replaceAll(Placeholder.Port, String(port));
  if (url !== null) out = out.replaceAll(Placeholder.Url, url);
  return out;
}

/** Tears down in reverse order of setup, whatever happened; collects what failed. */
class Teardown {
  private readonly steps: { what: string; run: () => Promise<void> | void }[] = [];
  add(what: string, run: () => Promise<void> | void): void {
    this.steps.push({ what, run });
  }
  async run(logger: Logger): Promise<void> {
    for (const step of this.steps.reverse()) {
      try {
        await step.run();
      } catch (error) {
        logger.warn(`cleanup: ${step.what} failed: ${(error as Error).message}`);
      }
    }
    this.steps.length = 0;
  }
}

interface Collected {
  sides: Record<SideName, SideMeta>;
  sampled: SamplerResult;
  final: Record<SideName, SideFinal>;
  warnings: string[];
  profiles: ProfileSet | null;
  ebpf: EbpfTrace | null;
}

async function collect(plan: GatePlan, driver: CgroupDriver, io: GateIO, teardown: Teardown, log: WriteStream): Promise<Collected> {
  const { logger } = io;
  const signal = AbortSignal.any([io.signal, AbortSignal.timeout(plan.readyTimeoutMs + plan.warmupMs + plan.durationMs + HANG_GRACE_MS)]);
  const warnings: string[] = [];
  // The eBPF host check runs bpftrace once: started now, it is done by the time both sides are ready.
  const ebpfCheck = plan.ebpf.enabled === 'off' ? null : checkTracer();
  const groups = {} as Record<SideName, MemoryGroup>;
  const workloads = {} as Record<SideName, Workload>;
  teardown.add('removing the driver root', () => driver.dispose());
  for (const side of SIDES) {
    const group = await driver.create(side, plan.memoryMaxBytes);
    groups[side] = group;
    teardown.add(`removing ${group.location}`, async () => {
      await group.killAll();
      await group.remove();
    });
  }
  for (const side of SIDES) {
    const port = plan.commands[side].includes(Placeholder.Port) ? await freePort() : null;
    workloads[side] = new Workload(side, substitute(plan.commands[side], port, null), port, groups[side], log);
  }
  logger.info(`memgate: started baseline and gray (${driver.name} driver); waiting for them to be ready`);
  const readiness = await Promise.all(SIDES.map((side) => workloads[side].waitReady(plan.readyTimeoutMs, signal)));
  for (const [i, side] of SIDES.entries()) {
    if (readiness[i] === 'timeout') {
      throw new UsageError(`${side} did not open port ${workloads[side].port} within ${formatDuration(plan.readyTimeoutMs)}; make the command listen on 127.0.0.1:{port} (memgate puts a free port there), or raise --ready-timeout.`);
    }
  }
  const origin = Date.now();
  const exitedEarly = SIDES.filter((side, i) => readiness[i] === 'exited');
  // Loads stopped by teardown are not a finding; only one that ends while the window runs is.
  let windowOver = false;
  if (plan.load && exitedEarly.length === 0 && !signal.aborted) {
    for (const side of SIDES) {
      const w = workloads[side];
      const url = w.port === null ? null : `http://127.0.0.1:${w.port}`;
      const load = new LoadProcess(side, substitute(plan.load, w.port, url), log);
      teardown.add(`stopping the ${side} load`, () => load.stop());
      void load.exited.then((code) => {
        if (w.alive && !windowOver && !signal.aborted) warnings.push(`the ${side} load command ended early (status ${code}) before the window was over`);
      });
    }
  }
  const totalMs = plan.warmupMs + plan.durationMs;
  let sampled: SamplerResult;
  let profiles: ProfileSet | null = null;
  let ebpfTrace: EbpfTrace | null = null;
  if (exitedEarly.length > 0) {
    sampled = { samples: [], stats: [], endedEarly: `${exitedEarly.join(' and ')} exited before it was ready` };
  } else if (signal.aborted) {
    sampled = { samples: [], stats: [], endedEarly: 'interrupted' };
  } else {
    logger.info(`memgate: both ready; warm-up ${formatDuration(plan.warmupMs)}, then a ${formatDuration(plan.durationMs)} window sampled every ${formatDuration(plan.intervalMs)}`);
    let ebpfOrigin = performance.now();
    const ebpf = ebpfCheck ? await EbpfSession.open({ plan: plan.ebpf, check: ebpfCheck, groups, exited: { baseline: workloads.baseline.exited, gray: workloads.gray.exited }, bundleDir: bundleDir(plan.outDir), logger, now: () => performance.now() - ebpfOrigin }) : null;
    if (ebpf) teardown.add('stopping the eBPF tracer', () => ebpf.kill());
    ebpfOrigin = performance.now();
    ebpf?.schedule(plan.warmupMs);
    const profiler = startProfiling({ templates: plan.pprof, ports: { baseline: workloads.baseline.port, gray: workloads.gray.port }, intervalMs: plan.profileIntervalMs, warmupMs: plan.warmupMs, totalMs, bundleDir: bundleDir(plan.outDir), logger, signal });
    if (profiler) teardown.add('stopping profile collection', () => profiler.stop());
    sampled = await sampleMemory({
      groups,
      intervalMs: plan.intervalMs,
      totalMs,
      statEveryMs: Math.max(STAT_EVERY_MS, plan.intervalMs),
      progressEveryMs: PROGRESS_EVERY_MS,
      signal,
      stopReason: () => SIDES.filter((side) => !workloads[side].alive).map((side) => `${side} exited`)[0] ?? null,
      onProgress: (s: MemorySample) => logger.info(progressLine(s, plan.warmupMs, totalMs)),
    });
    if (sampled.endedEarly === 'interrupted' && !io.signal.aborted) sampled.endedEarly = 'timed out';
    // Both end while the workloads still run: profiles are fetched, and stacks symbolized, from live processes.
    [profiles, ebpfTrace] = await Promise.all([profiler?.finish() ?? null, ebpf?.finish() ?? null]);
  }
  windowOver = true;
  const final = {} as Record<SideName, SideFinal>;
  const sides = {} as Record<SideName, SideMeta>;
  for (const [i, side] of SIDES.entries()) {
    // Read before teardown: killing the group would make every workload look like it died.
    const group = groups[side];
    final[side] = { peakBytes: group.readPeak(), oomKills: group.readOomKills(), exit: workloads[side].exitRelativeTo(origin, readiness[i] === 'exited') };
    sides[side] = { command: workloads[side].command, port: workloads[side].port, location: group.location };
  }
  return { sides, sampled, final, warnings, profiles, ebpf: ebpfTrace };
}

function progressLine(s: MemorySample, warmupMs: number, totalMs: number): string {
  const phase = s.t < warmupMs ? ' (warm-up)' : '';
  const mem = (v: number | null) => (v === null ? 'n/a' : formatBytes(v));
  return `memgate: ${formatDuration(Math.round(s.t / 1000) * 1000)}/${formatDuration(totalMs)}${phase}  baseline ${mem(s.baseline)}  gray ${mem(s.gray)}`;
}

/** The whole gate: start both builds in their groups, sample, clean up, judge, write the report. */
export async function runGate(plan: GatePlan, io: GateIO): Promise<GateOutcome> {
  const driver = selectDriver(plan.cgroupDriver, io.host ?? probeHost());
  for (const limitation of driver.limitations) io.logger.warn(limitation);
  const logPath = join(bundleDir(plan.outDir), BundleFile.Log);
  try {
    // Opened before anything starts: an --out that cannot be written is bad input, not a crash mid-run.
    mkdirSync(bundleDir(plan.outDir), { recursive: true });
    closeSync(openSync(logPath, 'w'));
  } catch (error) {
    throw new UsageError(`--out ${plan.outDir}: cannot write ${logPath} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); give a directory you can write to.`);
  }
  const log = createWriteStream(logPath);
  log.on('error', (error) => io.logger.warn(`cannot write ${logPath}: ${error.message}; workload output is no longer kept`));
  const teardown = new Teardown();
  let collected: Collected;
  try {
    collected = await collect(plan, driver, io, teardown, log);
  } finally {
    await teardown.run(io.logger);
    await new Promise((resolve) => log.end(resolve));
  }
  const bundle: Bundle = {
    meta: {
      schema: BUNDLE_SCHEMA,
      memgateVersion: VERSION,
      createdAt: new Date().toISOString(),
      driver: driver.name,
      limitations: driver.limitations,
      warmupMs: plan.warmupMs,
      durationMs: plan.durationMs,
      intervalMs: plan.intervalMs,
      memoryMaxBytes: driver.name === 'none' ? null : plan.memoryMaxBytes,
      load: plan.load,
      sides: collected.sides,
      warnings: collected.warnings,
      endedEarly: collected.sampled.endedEarly,
    },
    samples: collected.sampled.samples,
    stats: collected.sampled.stats,
    final: collected.final,
    ...(collected.profiles ? { profiles: collected.profiles } : {}),
    ...(collected.ebpf ? { ebpf: collected.ebpf } : {}),
  };
  writeBundle(plan.outDir, bundle);
  if (bundle.ebpf) writeEbpfTrace(bundleDir(plan.outDir), bundle.ebpf);
  // Analysed once: the diff profiles and the verdict come from the same evidence.
  const analysis = analyze(bundle, plan.warmupMs);
  const diffs = writeDiffProfiles(bundleDir(plan.outDir), bundle, plan.warmupMs, analysis.evidence);
  if (diffs.warning) io.logger.warn(diffs.warning);
  if (io.signal.aborted) return { kind: 'interrupted', outDir: plan.outDir };
  const report = judgeAnalysis(analysis, plan);
  return { kind: 'judged', report, reportPath: writeReport(plan.outDir, report), outDir: plan.outDir };
}

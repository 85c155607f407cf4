// The measured stretch of a local pair run: warm-up and window, memory sampled on one clock, heap
// profiles and goroutine dumps fetched, allocations traced, all ending while both still run.
import { performance } from 'node:perf_hooks';
import type { MemorySample, StatSample } from '../../model/bundle.ts';
import type { EbpfTrace } from '../../model/ebpf.ts';
import type { Logger } from '../../model/logger.ts';
import type { ProfileSet } from '../../model/profiles.ts';
import type { GatePlan } from '../../model/settings.ts';
import { SIDES } from '../../model/sides.ts';
import { formatBytes, formatDuration } from '../../model/units.ts';
import { sampleMemory, type SamplerResult } from '../../collect/sampler.ts';
import { startProfiling } from '../../collect/pprof-collector.ts';
import { EbpfSession } from '../../collect/ebpf-collector.ts';
import type { TracerCheck } from '../../collect/ebpf-preflight.ts';
import type { Pair } from './start.ts';
import type { Teardown } from './teardown.ts';

const PROGRESS_EVERY_MS = 5000;
const STAT_EVERY_MS = 2000;

export interface Observed {
  sampled: SamplerResult;
  profiles: ProfileSet | null;
  ebpf: EbpfTrace | null;
}

export interface WindowContext {
  logger: Logger;
  /** The run's signal, with the hang timeout. */
  signal: AbortSignal;
  /** The user's signal alone: tells an interrupt from a timeout. */
  interrupted: AbortSignal;
  /** Why sampling ended when the hang limit, not the user, aborted `signal`. */
  hung: string;
  bundleDir: string;
  /** The eBPF host check, started early; null with --ebpf off. */
  ebpfCheck: Promise<TracerCheck> | null;
  /** Looks before the budget: windows (after warm-up), and what to do with what was read so far (true: stop). */
  looks: {
    windowsMs: readonly number[];
    onLook: (
      index: number,
      sampled: { samples: MemorySample[]; stats: StatSample[] },
      profiles: ProfileSet | null,
    ) => boolean;
  } | null;
}

export async function observeWindow(
  plan: GatePlan,
  { groups, workloads, instances }: Pair,
  teardown: Teardown,
  context: WindowContext,
): Promise<Observed> {
  const { logger, signal, bundleDir, ebpfCheck } = context;
  // The window runs to the budget; looks before it may stop it (src/gate/watch.ts).
  const totalMs = plan.warmupMs + plan.maxDurationMs;
  const watching =
    plan.maxDurationMs > plan.durationMs
      ? `, judged at ${formatDuration(plan.durationMs)} and again until it can tell, for at most ${formatDuration(plan.maxDurationMs)}`
      : '';
  logger.info(
    `memgate: both ready; warm-up ${formatDuration(plan.warmupMs)}, then a window sampled every ${formatDuration(plan.intervalMs)}${watching || ` of ${formatDuration(plan.durationMs)}`}`,
  );
  let ebpfOrigin = performance.now();
  // The traced process of each side is its first (with replicas only it is traced); the cost guard reads its heap profile.
  const firstUrl = (template: string | null, port: number | null | undefined) =>
    template === null || (template.includes('{port}') && (port ?? null) === null)
      ? null
      : template.replaceAll('{port}', String(port));
  const pprofUrls = {
    baseline: firstUrl(plan.pprof.baseline, instances.baseline[0]?.workload.port),
    gray: firstUrl(plan.pprof.gray, instances.gray[0]?.workload.port),
  };
  const ebpf = ebpfCheck
    ? await EbpfSession.open({
        plan: plan.ebpf,
        check: ebpfCheck,
        groups,
        pprofUrls,
        exited: { baseline: workloads.baseline.exited, gray: workloads.gray.exited },
        bundleDir,
        logger,
        now: () => performance.now() - ebpfOrigin,
      })
    : null;
  if (ebpf) teardown.add('stopping the eBPF tracer', () => ebpf.kill());
  ebpfOrigin = performance.now();
  ebpf?.schedule(plan.warmupMs);
  const profiler = startProfiling({
    templates: plan.pprof,
    ports: {
      baseline: instances.baseline.map((i) => i.workload.port),
      gray: instances.gray.map((i) => i.workload.port),
    },
    intervalMs: plan.profileIntervalMs,
    warmupMs: plan.warmupMs,
    totalMs,
    bundleDir,
    logger,
    signal,
  });
  if (profiler) teardown.add('stopping profile collection', () => profiler.stop());
  const sampled = await sampleMemory({
    groups: { baseline: instances.baseline.map((i) => i.group), gray: instances.gray.map((i) => i.group) },
    intervalMs: plan.intervalMs,
    totalMs,
    statEveryMs: Math.max(STAT_EVERY_MS, plan.intervalMs),
    progressEveryMs: PROGRESS_EVERY_MS,
    signal,
    stopReason: () =>
      SIDES.filter((side) => instances[side].some((i) => !i.workload.alive)).map((side) => `${side} exited`)[0] ?? null,
    onProgress: (s: MemorySample) => logger.info(progressLine(s, plan.warmupMs, totalMs)),
    ...(context.looks
      ? {
          looks: {
            atMs: context.looks.windowsMs.map((w) => plan.warmupMs + w),
            onLook: (index: number, samples: MemorySample[], stats: StatSample[]) =>
              context.looks!.onLook(index, { samples, stats }, profiler?.soFar() ?? null),
          },
        }
      : {}),
  });
  if (sampled.endedEarly === 'interrupted' && !context.interrupted.aborted) sampled.endedEarly = context.hung;
  // Both end while the workloads still run: profiles are fetched, and stacks symbolized, from live processes.
  const [profiles, trace] = await Promise.all([profiler?.finish() ?? null, ebpf?.finish() ?? null]);
  return { sampled, profiles, ebpf: trace };
}

function progressLine(s: MemorySample, warmupMs: number, totalMs: number): string {
  const phase = s.t < warmupMs ? ' (warm-up)' : '';
  const mem = (v: number | null) => (v === null ? 'n/a' : formatBytes(v));
  return `memgate: ${formatDuration(Math.round(s.t / 1000) * 1000)}/${formatDuration(totalMs)}${phase}  baseline ${mem(s.baseline)}  gray ${mem(s.gray)}`;
}

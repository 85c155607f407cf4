// The local pair: both builds started on this machine, each in its own memory group (cgroup), with
// the same load, measured on one clock. Cleans up everything it started, whatever happens.
import type { WriteStream } from 'node:fs';
import type { InstanceFinal, InstanceMeta, SideFinal, SideMeta, WorkloadExit } from '../../model/bundle.ts';
import type { GatePlan } from '../../model/settings.ts';
import { SIDES, type SideName } from '../../model/sides.ts';
import { checkTracer } from '../../collect/ebpf-preflight.ts';
import { probeHost, selectDriver, type HostFacts } from '../../workload/cgroup/detect.ts';
import type { CgroupDriver } from '../../workload/cgroup/types.ts';
import type { Measurement, MeasureContext, SampleSource } from '../source.ts';
import {
  scrubEnv,
  sideReadiness,
  startLoads,
  startPair,
  waitForAll,
  workloadEnv,
  type Pair,
  type Readiness,
} from './start.ts';
import { sweepOrphans } from '../../workload/cgroup/orphans.ts';
import { hostSystemctl } from '../../workload/cgroup/orphan-units.ts';
import { Watchdog, type CleanupGuard } from '../../workload/watchdog.ts';
import { Teardown } from './teardown.ts';
import { observeWindow, type Observed } from './window.ts';
import { openWorkloadLog } from './workload-log.ts';
import { HANG_GRACE_MS } from '../../model/constants.ts';
import { formatDuration } from '../../model/units.ts';

export interface LocalPairLimits {
  /** Beyond ready-timeout + warm-up + window, time allowed before the run is called hung and stopped. */
  hangGraceMs: number;
}

/**
 * The local pair as a source. `host`: facts for driver selection, probed when absent. `limits`: the hang
 * limit's grace (HANG_GRACE_MS; tests shorten it to see a hung run stopped without waiting 30 s).
 */
export function localPair(
  plan: GatePlan,
  host?: HostFacts,
  limits: LocalPairLimits = { hangGraceMs: HANG_GRACE_MS },
): SampleSource {
  return {
    async measure(context) {
      const facts = host ?? probeHost();
      const driver = selectDriver(plan.cgroupDriver, facts);
      for (const limitation of driver.limitations) context.logger.warn(limitation);
      // What earlier runs that were killed (and whose watchdog died with them) left behind.
      const swept = await sweepOrphans(facts.layout, {
        systemctl: facts.systemdIsInit ? hostSystemctl(!facts.isRoot) : null,
      });
      if (swept.removed.length)
        context.logger.info(
          `memgate: removed ${swept.removed.length} cgroup(s) left by memgate runs that are gone: ${swept.removed.join(', ')}`,
        );
      for (const failure of swept.failed)
        context.logger.warn(`could not remove a cgroup left by an earlier memgate run: ${failure}`);
      const log = openWorkloadLog(context.bundleDir, plan.outDir, context.logger);
      const { dropped } = scrubEnv(process.env, plan.passEnv);
      if (dropped.length)
        context.logger.info(
          `memgate: the workloads run without ${dropped.join(', ')} (credentials and the runner's own; --pass-env NAME passes one)`,
        );
      // Started before any group exists: from here on, nothing memgate creates outlives it.
      const watchdog = new Watchdog();
      driver.guard = watchdog;
      const teardown = new Teardown();
      try {
        return await run(plan, driver, context, teardown, log, watchdog, limits);
      } finally {
        const cleanedUp = await teardown.run(context.logger);
        await watchdog.close(cleanedUp);
        await new Promise((resolve) => log.end(resolve));
      }
    },
  };
}

async function run(
  plan: GatePlan,
  driver: CgroupDriver,
  context: MeasureContext,
  teardown: Teardown,
  log: WriteStream,
  guard: CleanupGuard,
  limits: LocalPairLimits,
): Promise<Measurement> {
  const limitMs = plan.readyTimeoutMs + plan.warmupMs + plan.maxDurationMs + limits.hangGraceMs;
  const hang = AbortSignal.timeout(limitMs);
  // Said when it happens (the workloads, a tracer or a fetch may still take their stop time) and in the report.
  const hung = `the run was still going ${formatDuration(limitMs)} after it started (ready timeout + warm-up + the longest window + ${formatDuration(limits.hangGraceMs)}) and was stopped as hung`;
  hang.addEventListener('abort', () => context.logger.warn(`memgate: ${hung}`), { once: true });
  const signal = AbortSignal.any([context.signal, hang]);
  const warnings: string[] = [];
  // The eBPF host check runs bpftrace once: started now, it is done by the time both sides are ready.
  const ebpfCheck = plan.ebpf.enabled === 'off' ? null : checkTracer(process.env, signal);
  const pair = await startPair(plan, driver, teardown, log);
  const processes = plan.replicas === 1 ? 'baseline and gray' : `${plan.replicas} processes each of baseline and gray`;
  context.logger.info(`memgate: started ${processes} (${driver.name} driver); waiting for them to be ready`);
  const perInstance = await waitForAll(plan, pair, signal);
  const readiness = sideReadiness(perInstance);
  const origin = Date.now();
  const exitedEarly = SIDES.filter((side, i) => readiness[i] === 'exited');
  let windowOver = false;
  if (plan.load && exitedEarly.length === 0 && !signal.aborted)
    startLoads(plan.load, pair, teardown, log, warnings, () => windowOver, signal, {
      env: workloadEnv(scrubEnv(process.env, plan.passEnv).env, null),
      guard,
    });
  let observed: Observed;
  if (exitedEarly.length > 0) {
    observed = {
      sampled: { samples: [], stats: [], endedEarly: `${exitedEarly.join(' and ')} exited before it was ready` },
      profiles: null,
      ebpf: null,
    };
  } else if (signal.aborted) {
    const endedEarly = context.signal.aborted ? 'interrupted' : hung;
    observed = { sampled: { samples: [], stats: [], endedEarly }, profiles: null, ebpf: null };
  } else {
    const watch = context.watch;
    observed = await observeWindow(plan, pair, teardown, {
      logger: context.logger,
      signal,
      interrupted: context.signal,
      hung,
      bundleDir: context.bundleDir,
      ebpfCheck,
      looks: watch
        ? {
            windowsMs: watch.windowsMs,
            // What the gate would have at this look: the readings and profiles so far, and each process's state now.
            onLook: (index, sampled, profiles) =>
              watch.look(index, {
                driver: driver.name,
                limitations: driver.limitations,
                memoryMaxBytes: driver.name === 'none' ? null : plan.memoryMaxBytes,
                ...readFinals(pair, perInstance, origin),
                samples: sampled.samples,
                stats: sampled.stats,
                endedEarly: null,
                warnings,
                profiles,
                ebpf: null,
              }),
          }
        : null,
    });
  }
  windowOver = true;
  return {
    driver: driver.name,
    limitations: driver.limitations,
    memoryMaxBytes: driver.name === 'none' ? null : plan.memoryMaxBytes,
    ...readFinals(pair, perInstance, origin),
    samples: observed.sampled.samples,
    stats: observed.sampled.stats,
    endedEarly: observed.sampled.endedEarly,
    warnings,
    profiles: observed.profiles,
    ebpf: observed.ebpf,
  };
}

/**
 * Peaks, OOM kills and exits, read before teardown: killing the group would make every workload look
 * like it died. A side's: the highest peak, all OOM kills, the first exit; per process with replicas.
 */
function readFinals(
  { instances }: Pair,
  readiness: Record<SideName, Readiness[]>,
  origin: number,
): { final: Record<SideName, SideFinal>; sides: Record<SideName, SideMeta> } {
  const final = {} as Record<SideName, SideFinal>;
  const sides = {} as Record<SideName, SideMeta>;
  for (const side of SIDES) {
    const each: InstanceFinal[] = instances[side].map(({ group, workload }, i) => ({
      peakBytes: group.readPeak(),
      oomKills: group.readOomKills(),
      exit: workload.exitRelativeTo(origin, readiness[side][i] === 'exited'),
    }));
    const peaks = each.map((f) => f.peakBytes).filter((v): v is number => v !== null);
    const ooms = each.map((f) => f.oomKills);
    const exits = each
      .map((f) => f.exit)
      .filter((e): e is WorkloadExit => e !== null)
      .sort((a, b) => a.atMs - b.atMs);
    final[side] = {
      peakBytes: peaks.length ? Math.max(...peaks) : null,
      oomKills: ooms.every((v) => v === null) ? null : ooms.reduce<number>((a, v) => a + (v ?? 0), 0),
      exit: exits[0] ?? null,
      ...(each.length > 1 ? { instances: each } : {}),
    };
    const metas: InstanceMeta[] = instances[side].map(({ group, workload }) => ({
      command: workload.command,
      port: workload.port,
      location: group.location,
    }));
    sides[side] = { ...metas[0], ...(metas.length > 1 ? { instances: metas } : {}) };
  }
  return { final, sides };
}

// The local pair: both builds started on this machine, each in its own memory group (cgroup), with
// the same load, measured on one clock. Cleans up everything it started, whatever happens.
import type { WriteStream } from 'node:fs';
import type { SideFinal, SideMeta } from '../../model/bundle.ts';
import type { GatePlan } from '../../model/settings.ts';
import { SIDES, type SideName } from '../../model/sides.ts';
import { checkTracer } from '../../collect/ebpf-preflight.ts';
import { probeHost, selectDriver, type HostFacts } from '../../workload/cgroup/detect.ts';
import type { CgroupDriver } from '../../workload/cgroup/types.ts';
import type { Measurement, MeasureContext, SampleSource } from '../source.ts';
import { startLoads, startPair, waitForBoth, type Pair, type Readiness } from './start.ts';
import { Teardown } from './teardown.ts';
import { observeWindow, type Observed } from './window.ts';
import { openWorkloadLog } from './workload-log.ts';

/** Beyond ready-timeout + warm-up + window, time allowed before the run is called hung. */
const HANG_GRACE_MS = 30_000;

/** The local pair as a source. `host`: facts for driver selection, probed when absent. */
export function localPair(plan: GatePlan, host?: HostFacts): SampleSource {
  return {
    async measure(context) {
      const driver = selectDriver(plan.cgroupDriver, host ?? probeHost());
      for (const limitation of driver.limitations) context.logger.warn(limitation);
      const log = openWorkloadLog(context.bundleDir, plan.outDir, context.logger);
      const teardown = new Teardown();
      try {
        return await run(plan, driver, context, teardown, log);
      } finally {
        await teardown.run(context.logger);
        await new Promise((resolve) => log.end(resolve));
      }
    },
  };
}

async function run(plan: GatePlan, driver: CgroupDriver, context: MeasureContext, teardown: Teardown, log: WriteStream): Promise<Measurement> {
  const signal = AbortSignal.any([context.signal, AbortSignal.timeout(plan.readyTimeoutMs + plan.warmupMs + plan.durationMs + HANG_GRACE_MS)]);
  const warnings: string[] = [];
  // The eBPF host check runs bpftrace once: started now, it is done by the time both sides are ready.
  const ebpfCheck = plan.ebpf.enabled === 'off' ? null : checkTracer();
  const pair = await startPair(plan, driver, teardown, log);
  context.logger.info(`memgate: started baseline and gray (${driver.name} driver); waiting for them to be ready`);
  const readiness = await waitForBoth(plan, pair, signal);
  const origin = Date.now();
  const exitedEarly = SIDES.filter((side, i) => readiness[i] === 'exited');
  let windowOver = false;
  if (plan.load && exitedEarly.length === 0 && !signal.aborted) startLoads(plan.load, pair, teardown, log, warnings, () => windowOver, signal);
  let observed: Observed;
  if (exitedEarly.length > 0) {
    observed = { sampled: { samples: [], stats: [], endedEarly: `${exitedEarly.join(' and ')} exited before it was ready` }, profiles: null, ebpf: null };
  } else if (signal.aborted) {
    observed = { sampled: { samples: [], stats: [], endedEarly: 'interrupted' }, profiles: null, ebpf: null };
  } else {
    observed = await observeWindow(plan, pair, teardown, { logger: context.logger, signal, interrupted: context.signal, bundleDir: context.bundleDir, ebpfCheck });
  }
  windowOver = true;
  return {
    driver: driver.name,
    limitations: driver.limitations,
    memoryMaxBytes: driver.name === 'none' ? null : plan.memoryMaxBytes,
    ...readFinals(pair, readiness, origin),
    samples: observed.sampled.samples,
    stats: observed.sampled.stats,
    endedEarly: observed.sampled.endedEarly,
    warnings,
    profiles: observed.profiles,
    ebpf: observed.ebpf,
  };
}

/** Peaks, OOM kills and exits, read before teardown: killing the group would make every workload look like it died. */
function readFinals({ groups, workloads }: Pair, readiness: Readiness[], origin: number): { final: Record<SideName, SideFinal>; sides: Record<SideName, SideMeta> } {
  const final = {} as Record<SideName, SideFinal>;
  const sides = {} as Record<SideName, SideMeta>;
  for (const [i, side] of SIDES.entries()) {
    const group = groups[side];
    final[side] = { peakBytes: group.readPeak(), oomKills: group.readOomKills(), exit: workloads[side].exitRelativeTo(origin, readiness[i] === 'exited') };
    sides[side] = { command: workloads[side].command, port: workloads[side].port, location: group.location };
  }
  return { final, sides };
}

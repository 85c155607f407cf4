// Starting the pair: a memory group per side, both builds inside them, readiness, and the loads.
import type { WriteStream } from 'node:fs';
import { Placeholder } from '../../model/constants.ts';
import { UsageError } from '../../model/errors.ts';
import type { GatePlan } from '../../model/settings.ts';
import { SIDES, type SideName } from '../../model/sides.ts';
import { formatDuration } from '../../model/units.ts';
import type { CgroupDriver, MemoryGroup } from '../../workload/cgroup/types.ts';
import { freePort } from '../../workload/ports.ts';
import { LoadProcess, Workload } from '../../workload/process.ts';
import type { Teardown } from './teardown.ts';

export interface Pair {
  groups: Record<SideName, MemoryGroup>;
  workloads: Record<SideName, Workload>;
}

export type Readiness = Awaited<ReturnType<Workload['waitReady']>>;

export function substitute(command: string, port: number | null, url: string | null): string {
  let out = command;
  if (port !== null) out = out.replaceAll(Placeholder.Port, String(port));
  if (url !== null) out = out.replaceAll(Placeholder.Url, url);
  return out;
}

/** Creates both groups and starts both builds in them; every step is undone by the teardown. */
export async function startPair(plan: GatePlan, driver: CgroupDriver, teardown: Teardown, log: WriteStream): Promise<Pair> {
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
  return { groups, workloads };
}

/** Waits for both to open their ports; a side that does not in time is bad input (exit 2) naming the fix. */
export async function waitForBoth(plan: GatePlan, { workloads }: Pair, signal: AbortSignal): Promise<Readiness[]> {
  const readiness = await Promise.all(SIDES.map((side) => workloads[side].waitReady(plan.readyTimeoutMs, signal)));
  for (const [i, side] of SIDES.entries()) {
    if (readiness[i] === 'timeout') {
      throw new UsageError(`${side} did not open port ${workloads[side].port} within ${formatDuration(plan.readyTimeoutMs)}; make the command listen on 127.0.0.1:{port} (memgate puts a free port there), or raise --ready-timeout.`);
    }
  }
  return readiness;
}

/**
 * Starts the load against each side. A load that ends while the window runs is a warning; loads
 * stopped by teardown (after `windowOver()`) are not a finding.
 */
export function startLoads(load: string, { workloads }: Pair, teardown: Teardown, log: WriteStream, warnings: string[], windowOver: () => boolean, signal: AbortSignal): void {
  for (const side of SIDES) {
    const w = workloads[side];
    const url = w.port === null ? null : `http://127.0.0.1:${w.port}`;
    const process = new LoadProcess(side, substitute(load, w.port, url), log);
    teardown.add(`stopping the ${side} load`, () => process.stop());
    void process.exited.then((code) => {
      if (w.alive && !windowOver() && !signal.aborted) warnings.push(`the ${side} load command ended early (status ${code}) before the window was over`);
    });
  }
}

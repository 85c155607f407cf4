// What killed runs left behind, for the entries that clean up without running a gate (the Action's
// post: step): the cgroups and scopes of memgate processes that are gone (src/workload/cgroup/orphans.ts).
import { probeHost } from '../workload/cgroup/detect.ts';
import { sweepOrphans, type SweepResult } from '../workload/cgroup/orphans.ts';
import { hostSystemctl } from '../workload/cgroup/orphan-units.ts';

export type { SweepResult };

/** Sweeps this host; not root: scopes are stopped through `sudo -n`, as the run itself did. Never throws. */
export async function removeLeftovers(): Promise<SweepResult> {
  const host = probeHost();
  return sweepOrphans(host.layout, { systemctl: host.systemdIsInit ? hostSystemctl(!host.isRoot) : null });
}

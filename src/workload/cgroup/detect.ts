import { existsSync, accessSync, constants } from 'node:fs';
import { UsageError } from '../../model/errors.ts';
import type { CgroupDriverChoice } from '../../model/settings.ts';
import { CgroupfsDriver } from './cgroupfs.ts';
import { readCgroupLayout, type CgroupLayout } from './mounts.ts';
import { ProcessTreeDriver } from './proc-tree.ts';
import { SystemdDriver } from './systemd.ts';
import { readText } from './fs-util.ts';
import type { CgroupDriver } from './types.ts';
import { runHelperSync } from '../helper.ts';

/** What the host offers; gathered by `probeHost`, replaceable in tests. */
export interface HostFacts {
  layout: CgroupLayout;
  isRoot: boolean;
  systemdIsInit: boolean;
  v2HasMemory: boolean;
  sudoWorks: () => boolean;
}

export function probeHost(): HostFacts {
  const layout = readCgroupLayout();
  const controllers = layout.v2Mount ? (readText(`${layout.v2Mount}/cgroup.controllers`) ?? '') : '';
  return {
    layout,
    isRoot: process.getuid?.() === 0,
    systemdIsInit: existsSync('/run/systemd/system') && (readText('/proc/1/comm') ?? '').trim() === 'systemd',
    v2HasMemory: controllers.split(/\s+/).includes('memory'),
    sudoWorks: () => runHelperSync('sudo', ['-n', 'true'], { timeoutMs: 5000 }).ok,
  };
}

function writable(dir: string | null): dir is string {
  if (dir === null) return false;
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

type Candidate = { driver: CgroupDriver } | { unusable: string };

function candidate(name: Exclude<CgroupDriverChoice, 'auto'>, host: HostFacts): Candidate {
  const { layout } = host;
  switch (name) {
    case 'systemd':
      if (!host.systemdIsInit || !layout.v2Mount) return { unusable: 'systemd is not PID 1 here' };
      if (!host.v2HasMemory) return { unusable: 'the cgroup v2 hierarchy has no memory controller' };
      if (!host.isRoot && !host.sudoWorks()) return { unusable: 'not root and `sudo -n` asks for a password' };
      return { driver: new SystemdDriver(layout.v2Mount, host.isRoot) };
    case 'v2':
      if (!layout.v2) return { unusable: 'no cgroup v2 hierarchy is mounted' };
      if (!host.v2HasMemory)
        return { unusable: `the cgroup v2 hierarchy at ${layout.v2Mount} has no memory controller` };
      if (!writable(layout.v2))
        return { unusable: `${layout.v2} is not writable (run as root, or use the systemd driver)` };
      return { driver: new CgroupfsDriver('v2', layout.v2) };
    case 'v1':
      if (!layout.v1Memory) return { unusable: 'no cgroup v1 memory hierarchy is mounted' };
      if (!writable(layout.v1Memory)) return { unusable: `${layout.v1Memory} is not writable (run as root)` };
      return { driver: new CgroupfsDriver('v1', layout.v1Memory) };
    case 'none':
      return { driver: new ProcessTreeDriver() };
  }
}

/** Picks the cgroup driver: the one asked for, or the best this host allows. */
export function selectDriver(choice: CgroupDriverChoice, host: HostFacts): CgroupDriver {
  if (choice !== 'auto') {
    const picked = candidate(choice, host);
    if ('driver' in picked) return picked.driver;
    throw new UsageError(
      `--cgroup-driver ${choice} cannot be used: ${picked.unusable}. Use --cgroup-driver auto to let memgate choose.`,
    );
  }
  const order: Exclude<CgroupDriverChoice, 'auto'>[] = host.systemdIsInit
    ? ['systemd', 'v2', 'v1']
    : ['v2', 'v1', 'systemd'];
  const refusals: string[] = [];
  for (const name of order) {
    const picked = candidate(name, host);
    if ('driver' in picked) return picked.driver;
    refusals.push(`${name}: ${picked.unusable}`);
  }
  const anyMemoryController = host.v2HasMemory || host.layout.v1Memory !== null;
  if (!anyMemoryController) return new ProcessTreeDriver();
  throw new UsageError(
    `no privileges for any cgroup driver (${refusals.join('; ')}). Run as root, allow passwordless sudo, or pass --cgroup-driver none to measure process-tree RSS without cgroups.`,
  );
}

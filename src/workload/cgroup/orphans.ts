// Cgroups and systemd scopes that a dead memgate left behind. The watchdog removes them as memgate
// dies; this is the second line, for when the watchdog was killed too (a runner that kills the whole
// process tree, a reboot of the container): every `memgate run` and the Action's `post:` step sweep
// them. A group is an orphan when the memgate process named in it is gone: `memgate-<pid>-<hex>`
// (cgroupfs, under our own cgroup) and `memgate-<side>[-N]-<pid>-<hex>.scope` (systemd, in
// memgate.slice and its memgate-<side>.slice children: orphan-units.ts, through systemctl). A live pid is never touched, so runs side by
// side never remove each other's groups; a pid reused by another process only delays the sweep.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../../model/errors.ts';
import { killPids, readPids, removeDir } from './fs-util.ts';
import type { CgroupLayout } from './mounts.ts';
import { sweepUnits, type Systemctl } from './orphan-units.ts';

const CGROUPFS_ORPHAN = /^memgate-(\d+)-[0-9a-f]+$/;

export interface SweepResult {
  /** Groups and scopes removed. */
  removed: string[];
  /** What could not be removed, with why (a warning; the run goes on). */
  failed: string[];
}

/** Whether a process with this pid exists (EPERM: it does, someone else's). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function subdirs(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(dir, e.name));
  } catch {
    return [];
  }
}

/** Kills every process below `dir` and removes the groups, children first. */
async function removeTree(dir: string): Promise<void> {
  for (const child of subdirs(dir)) await removeTree(child);
  for (let attempt = 0; attempt < 100 && readPids(join(dir, 'cgroup.procs')).length > 0; attempt++) {
    const kill = join(dir, 'cgroup.kill');
    if (existsSync(kill)) {
      try {
        writeFileSync(kill, '1');
      } catch {
        killPids(readPids(join(dir, 'cgroup.procs')));
      }
    } else {
      killPids(readPids(join(dir, 'cgroup.procs')));
    }
    await sleep(20);
  }
  await removeDir(dir);
}

/** Orphan `memgate-<pid>-*` groups directly under `parents` (our own cgroup on v1 memory and v2). */
export async function sweepCgroupfs(
  parents: readonly (string | null)[],
  alive: (pid: number) => boolean = pidAlive,
): Promise<SweepResult> {
  const result: SweepResult = { removed: [], failed: [] };
  for (const parent of new Set(parents)) {
    if (!parent) continue;
    for (const dir of subdirs(parent)) {
      const match = CGROUPFS_ORPHAN.exec(dir.slice(parent.length + 1));
      if (!match || alive(Number(match[1]))) continue;
      try {
        await removeTree(dir);
        result.removed.push(dir);
      } catch (error) {
        result.failed.push(`${dir}: ${errorMessage(error)}`);
      }
    }
  }
  return result;
}

/**
 * Both sweeps, as `memgate run` and the `post:` step do them. `systemctl`: where systemd is PID 1 (the
 * systemd driver's scopes; orphan-units.ts), else null. Never throws.
 */
export async function sweepOrphans(
  layout: CgroupLayout,
  options: { systemctl: Systemctl | null; alive?: (pid: number) => boolean },
): Promise<SweepResult> {
  try {
    const groups = await sweepCgroupfs([layout.v1Memory, layout.v2], options.alive);
    const scopes = options.systemctl
      ? sweepUnits(options.systemctl, options.alive ?? pidAlive)
      : { removed: [], failed: [] };
    return { removed: [...groups.removed, ...scopes.removed], failed: [...groups.failed, ...scopes.failed] };
  } catch (error) {
    return { removed: [], failed: [errorMessage(error)] };
  }
}

import { readdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { killPids, readText } from './fs-util.ts';
import type { CgroupDriver, LaunchSpec, MemoryGroup } from './types.ts';
import type { MemoryStat } from '../../model/bundle.ts';
import type { CleanupGuard } from '../watchdog.ts';

/** Parent pid of every process, from /proc/PID/stat (the command name may hold spaces and parens). */
function parentMap(): Map<number, number> {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readText(`/proc/${entry}/stat`);
    if (stat === null) continue;
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parents.set(Number(entry), Number(after[1]));
  }
  return parents;
}

export function processTree(rootPid: number): number[] {
  const parents = parentMap();
  if (!parents.has(rootPid)) return [];
  const tree = [rootPid];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, parent] of parents) if (parent === tree[i]) tree.push(pid);
  }
  return tree;
}

function rssBytes(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readText(`/proc/${pid}/status`) ?? '');
  return match ? Number(match[1]) * 1024 : 0;
}

class ProcessTreeGroup implements MemoryGroup {
  readonly location: string;
  private root: number | null = null;
  private known: number[] = [];
  private readonly guard: CleanupGuard | undefined;
  constructor(side: string, guard?: CleanupGuard) {
    this.location = `process tree of ${side} (no cgroup)`;
    this.guard = guard;
  }
  // Its own process group: without a cgroup, that is what the watchdog can still kill when memgate dies.
  launch(command: string): LaunchSpec {
    return { file: '/bin/sh', args: ['-c', command], ownProcessGroup: true };
  }
  adopt(pid: number): void {
    this.root = pid;
    this.guard?.processGroup(pid);
  }
  pids(): number[] {
    if (this.root === null) return [];
    const tree = processTree(this.root);
    if (tree.length > 0) this.known = tree;
    return tree;
  }
  readCurrent(): number | null {
    const pids = this.pids();
    return pids.length === 0 ? null : pids.reduce((sum, pid) => sum + rssBytes(pid), 0);
  }
  readStat(): MemoryStat | null {
    return null;
  }
  readPeak(): number | null {
    return null;
  }
  readOomKills(): number | null {
    return null;
  }
  signalAll(signal: NodeJS.Signals): void {
    killPids(this.pids(), signal);
  }
  async killAll(): Promise<void> {
    // Orphans re-parent to init once the root dies, so remember the last tree we saw as well.
    const victims = new Set([...this.pids(), ...this.known]);
    killPids([...victims]);
    for (let i = 0; i < 50 && this.pids().length > 0; i++) {
      killPids(this.pids());
      await sleep(20);
    }
  }
  async remove(): Promise<void> {}
}

export class ProcessTreeDriver implements CgroupDriver {
  readonly name = 'none' as const;
  readonly limitations = [
    'no cgroup: memory is the summed RSS of each process tree, without page cache, kernel or socket memory',
    'no memory limit can be enforced, so OOM kills cannot happen or be seen, and --memory-max is ignored',
    'a process that leaves its tree (double fork) is neither measured nor guaranteed to be cleaned up',
  ];
  guard?: CleanupGuard;
  async create(side: string): Promise<MemoryGroup> {
    return new ProcessTreeGroup(side, this.guard);
  }
  async dispose(): Promise<void> {}
}

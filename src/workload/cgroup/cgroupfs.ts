import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError, errorMessage } from '../../model/errors.ts';
import type { CleanupGuard } from '../watchdog.ts';
import { killPids, readNumber, readPids, readText, removeDir } from './fs-util.ts';
import { parseKeyValues, statFromV1, statFromV2 } from './stat.ts';
import type { CgroupDriver, LaunchSpec, MemoryGroup } from './types.ts';
import type { DriverName, MemoryStat } from '../../model/bundle.ts';

/** Starts the command only after its shell has moved itself into the group, so nothing escapes. */
export function launchInto(procsFile: string, command: string): LaunchSpec {
  return {
    file: '/bin/sh',
    args: ['-c', 'echo $$ > "$1" && exec /bin/sh -c "$2"', 'memgate-launch', procsFile, command],
  };
}

interface Flavor {
  name: 'v1' | 'v2';
  current: string;
  peak: string;
  limit: string;
  readStat(dir: string): MemoryStat | null;
  readOomKills(dir: string): number | null;
}

const V1: Flavor = {
  name: 'v1',
  current: 'memory.usage_in_bytes',
  peak: 'memory.max_usage_in_bytes',
  limit: 'memory.limit_in_bytes',
  readStat(dir) {
    const text = readText(`${dir}/memory.stat`);
    if (text === null) return null;
    return statFromV1(
      parseKeyValues(text),
      readNumber(`${dir}/memory.kmem.usage_in_bytes`),
      readNumber(`${dir}/memory.kmem.tcp.usage_in_bytes`),
    );
  },
  readOomKills(dir) {
    const text = readText(`${dir}/memory.oom_control`);
    return text === null ? null : (parseKeyValues(text).get('oom_kill') ?? null);
  },
};

const V2: Flavor = {
  name: 'v2',
  current: 'memory.current',
  peak: 'memory.peak',
  limit: 'memory.max',
  readStat(dir) {
    const text = readText(`${dir}/memory.stat`);
    return text === null ? null : statFromV2(parseKeyValues(text));
  },
  readOomKills(dir) {
    const text = readText(`${dir}/memory.events`);
    return text === null ? null : (parseKeyValues(text).get('oom_kill') ?? null);
  },
};

class CgroupfsGroup implements MemoryGroup {
  readonly location: string;
  private readonly flavor: Flavor;
  constructor(dir: string, flavor: Flavor) {
    this.location = dir;
    this.flavor = flavor;
  }
  launch(command: string): LaunchSpec {
    return launchInto(`${this.location}/cgroup.procs`, command);
  }
  adopt(): void {}
  pids(): number[] {
    return readPids(`${this.location}/cgroup.procs`);
  }
  readCurrent(): number | null {
    return readNumber(`${this.location}/${this.flavor.current}`);
  }
  readStat(): MemoryStat | null {
    return this.flavor.readStat(this.location);
  }
  readPeak(): number | null {
    return readNumber(`${this.location}/${this.flavor.peak}`);
  }
  readOomKills(): number | null {
    return this.flavor.readOomKills(this.location);
  }
  signalAll(signal: NodeJS.Signals): void {
    killPids(this.pids(), signal);
  }
  async killAll(): Promise<void> {
    if (!existsSync(this.location)) return;
    const killFile = `${this.location}/cgroup.kill`;
    for (let attempt = 0; attempt < 250; attempt++) {
      const pids = this.pids();
      if (pids.length === 0) return;
      if (this.flavor.name === 'v2' && existsSync(killFile)) {
        try {
          writeFileSync(killFile, '1');
        } catch {
          killPids(pids);
        }
      } else {
        // v1 has no cgroup.kill: repeat until a fork in flight cannot leave a survivor.
        killPids(pids);
      }
      await sleep(20);
    }
    throw new Error(`processes ${this.pids().join(', ')} in ${this.location} survived SIGKILL for 5 s`);
  }
  async remove(): Promise<void> {
    await removeDir(this.location);
  }
}

/** Plain cgroupfs (we are root): a `memgate-<id>` group under our own cgroup, one child per side. */
export class CgroupfsDriver implements CgroupDriver {
  readonly name: DriverName;
  readonly limitations: string[] = [];
  private readonly root: string;
  private readonly flavor: Flavor;
  private created = false;
  /** Side groups that hold one group per process (replicas), removed before the root. */
  private readonly parents: string[] = [];
  guard?: CleanupGuard;

  constructor(version: 'v1' | 'v2', ownCgroup: string) {
    this.flavor = version === 'v1' ? V1 : V2;
    this.name = version;
    this.root = `${ownCgroup}/memgate-${process.pid}-${randomBytes(3).toString('hex')}`;
  }

  get rootPath(): string {
    return this.root;
  }

  private ensureRoot(): void {
    if (this.created) return;
    mkdirSync(this.root);
    this.created = true;
    this.guard?.cgroup(this.root);
    const parent = this.root.slice(0, this.root.lastIndexOf('/'));
    this.delegate([parent, this.root]);
  }

  /** v2: children only get memory files when every ancestor delegates the controller. */
  private delegate(dirs: string[]): void {
    if (this.flavor.name === 'v2') {
      for (const dir of dirs) {
        const available = readText(`${dir}/cgroup.controllers`) ?? '';
        if (!available.split(/\s+/).includes('memory')) continue;
        try {
          writeFileSync(`${dir}/cgroup.subtree_control`, '+memory');
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          throw new UsageError(
            `cannot enable the memory controller in ${dir} (${code}); a cgroup with processes cannot delegate it. Run memgate from a leaf cgroup of its own, or use --cgroup-driver systemd.`,
          );
        }
      }
    }
  }

  /** `side`, or `side/N` for one of a side's processes: a group inside the side's group. */
  async create(side: string, memoryMaxBytes: number | null): Promise<MemoryGroup> {
    this.ensureRoot();
    const slash = side.indexOf('/');
    if (slash > 0) {
      const parent = `${this.root}/${side.slice(0, slash)}`;
      if (!this.parents.includes(parent)) {
        mkdirSync(parent);
        this.parents.push(parent);
        this.guard?.cgroup(parent);
        this.delegate([parent]);
      }
    }
    const dir = `${this.root}/${side}`;
    mkdirSync(dir);
    this.guard?.cgroup(dir);
    if (memoryMaxBytes !== null) {
      try {
        writeFileSync(`${dir}/${this.flavor.limit}`, String(memoryMaxBytes));
      } catch (error) {
        // The group is not the caller's yet (it gets no teardown step): remove it here, or it stays behind.
        await removeDir(dir).catch(() => {});
        const code = (error as NodeJS.ErrnoException).code ?? errorMessage(error);
        throw new UsageError(
          `--memory-max ${memoryMaxBytes}: the kernel refused it as the limit of ${dir} (${code}); give a limit this host accepts, e.g. 512MiB.`,
        );
      }
    }
    return new CgroupfsGroup(dir, this.flavor);
  }

  async dispose(): Promise<void> {
    for (const parent of this.parents.splice(0)) await removeDir(parent);
    if (this.created) await removeDir(this.root);
    this.created = false;
  }
}

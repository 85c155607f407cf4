import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { readNumber, readPids, readText } from './fs-util.ts';
import { parseKeyValues, statFromV2 } from './stat.ts';
import type { CgroupDriver, LaunchSpec, MemoryGroup } from './types.ts';
import type { MemoryStat } from '../../model/bundle.ts';

const SLICE = 'memgate.slice';

/** cgroup v2 through transient systemd scopes: the way on systemd hosts, as root or with `sudo -n`. */
export class SystemdDriver implements CgroupDriver {
  readonly name = 'systemd' as const;
  readonly limitations: string[] = [];
  private readonly sudo: string[];
  private readonly v2Mount: string;

  constructor(v2Mount: string, asRoot: boolean) {
    this.v2Mount = v2Mount;
    this.sudo = asRoot ? [] : ['sudo', '-n'];
  }

  async create(side: string, memoryMaxBytes: number | null): Promise<MemoryGroup> {
    const unit = `memgate-${side}-${process.pid}-${randomBytes(3).toString('hex')}`;
    return new ScopeGroup(unit, `${this.v2Mount}/${SLICE}/${unit}.scope`, memoryMaxBytes, this.sudo);
  }

  async dispose(): Promise<void> {}
}

class ScopeGroup implements MemoryGroup {
  readonly location: string;
  private readonly unit: string;
  private readonly memoryMaxBytes: number | null;
  private readonly sudo: string[];

  constructor(unit: string, location: string, memoryMaxBytes: number | null, sudo: string[]) {
    this.unit = unit;
    this.location = location;
    this.memoryMaxBytes = memoryMaxBytes;
    this.sudo = sudo;
  }

  launch(command: string): LaunchSpec {
    const properties = this.memoryMaxBytes === null ? [] : ['-p', `MemoryMax=${this.memoryMaxBytes}`, '-p', 'MemorySwapMax=0'];
    const argv = [...this.sudo, 'systemd-run', '--scope', '--quiet', '--collect', `--unit=${this.unit}`, `--slice=${SLICE}`, ...properties, '--', '/bin/sh', '-c', command];
    return { file: argv[0], args: argv.slice(1) };
  }
  adopt(): void {}
  // The pid we spawned is sudo's (outside the scope): the real ones are in cgroup.procs.
  pids(): number[] {
    return readPids(`${this.location}/cgroup.procs`);
  }
  readCurrent(): number | null {
    return readNumber(`${this.location}/memory.current`);
  }
  readStat(): MemoryStat | null {
    const text = readText(`${this.location}/memory.stat`);
    return text === null ? null : statFromV2(parseKeyValues(text));
  }
  readPeak(): number | null {
    return readNumber(`${this.location}/memory.peak`);
  }
  readOomKills(): number | null {
    const text = readText(`${this.location}/memory.events`);
    return text === null ? null : (parseKeyValues(text).get('oom_kill') ?? null);
  }
  async killAll(): Promise<void> {
    for (let attempt = 0; attempt < 100 && this.pids().length > 0; attempt++) {
      if (attempt % 10 === 0) this.systemctl('kill', '--signal=SIGKILL', `${this.unit}.scope`);
      await sleep(50);
    }
  }
  async remove(): Promise<void> {
    // --collect lets systemd remove the scope once it is empty; stopping makes that immediate.
    this.systemctl('stop', `${this.unit}.scope`);
  }
  private systemctl(...args: string[]): void {
    const argv = [...this.sudo, 'systemctl', ...args];
    spawnSync(argv[0], argv.slice(1), { stdio: 'ignore', timeout: 10_000 });
  }
}

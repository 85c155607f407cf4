import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { readNumber, readPids, readText } from './fs-util.ts';
import { parseKeyValues, statFromV2 } from './stat.ts';
import type { CgroupDriver, LaunchSpec, MemoryGroup } from './types.ts';
import type { MemoryStat } from '../../model/bundle.ts';
import { runHelperSync, type HelperResult } from '../helper.ts';
import type { CleanupGuard } from '../watchdog.ts';

const SLICE = 'memgate.slice';

/** cgroup v2 through transient systemd scopes: the way on systemd hosts, as root or with `sudo -n`. */
export class SystemdDriver implements CgroupDriver {
  readonly name = 'systemd' as const;
  readonly limitations: string[] = [];
  private readonly sudo: string[];
  private readonly v2Mount: string;
  guard?: CleanupGuard;

  constructor(v2Mount: string, asRoot: boolean) {
    this.v2Mount = v2Mount;
    this.sudo = asRoot ? [] : ['sudo', '-n'];
  }

  /** `side`, or `side/N` for one of a side's processes: a scope inside the side's slice (`memgate-side.slice`). */
  async create(side: string, memoryMaxBytes: number | null): Promise<MemoryGroup> {
    const [name, instance] = side.split('/');
    const unit = `memgate-${name}${instance ? `-${instance}` : ''}-${process.pid}-${randomBytes(3).toString('hex')}`;
    // systemd nests slices by their dashes: memgate-gray.slice lives inside memgate.slice.
    const slice = instance ? `memgate-${name}.slice` : SLICE;
    const path = instance ? `${SLICE}/${slice}` : SLICE;
    this.guard?.scope(unit, this.sudo.length > 0);
    return new ScopeGroup(unit, `${this.v2Mount}/${path}/${unit}.scope`, memoryMaxBytes, this.sudo, slice);
  }

  async dispose(): Promise<void> {}
}

class ScopeGroup implements MemoryGroup {
  readonly location: string;
  private readonly unit: string;
  private readonly memoryMaxBytes: number | null;
  private readonly sudo: string[];
  /** The last `systemctl kill` that failed, for remove()'s message. */
  private killFailure: string | null = null;

  private readonly slice: string;

  constructor(unit: string, location: string, memoryMaxBytes: number | null, sudo: string[], slice: string = SLICE) {
    this.unit = unit;
    this.slice = slice;
    this.location = location;
    this.memoryMaxBytes = memoryMaxBytes;
    this.sudo = sudo;
  }

  // systemd-run --scope is not a helper memgate waits on: it becomes the workload (it execs the command
  // inside the new scope), so the workload's own spawner (src/workload/process.ts) runs it.
  launch(command: string): LaunchSpec {
    const properties =
      this.memoryMaxBytes === null ? [] : ['-p', `MemoryMax=${this.memoryMaxBytes}`, '-p', 'MemorySwapMax=0'];
    const argv = [
      ...this.sudo,
      'systemd-run',
      '--scope',
      '--quiet',
      '--collect',
      `--unit=${this.unit}`,
      `--slice=${this.slice}`,
      ...properties,
      '--',
      '/bin/sh',
      '-c',
      command,
    ];
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
  signalAll(signal: NodeJS.Signals): void {
    if (this.pids().length > 0) this.systemctl('kill', `--signal=${signal}`, `${this.unit}.scope`);
  }
  // Never throws: remove() comes next in the same teardown step, and its stop kills what is left.
  async killAll(): Promise<void> {
    for (let attempt = 0; attempt < 100 && this.pids().length > 0; attempt++) {
      if (attempt % 10 === 0)
        this.killFailure = this.systemctl('kill', '--signal=SIGKILL', `${this.unit}.scope`).failure ?? this.killFailure;
      await sleep(50);
    }
  }
  async remove(): Promise<void> {
    // --collect lets systemd remove the scope once it is empty; stopping makes that immediate. A stop
    // that fails because the scope is already gone is fine; one that leaves the scope behind is not,
    // and the teardown's warning then carries systemctl's stderr.
    const stop = this.systemctl('stop', `${this.unit}.scope`);
    if (!stop.ok && existsSync(this.location)) {
      throw new Error(
        `${stop.failure}${this.killFailure ? `; before that ${this.killFailure}` : ''}; the scope ${this.unit}.scope is left: sudo systemctl stop ${this.unit}.scope`,
      );
    }
  }
  private systemctl(...args: string[]): HelperResult {
    const argv = [...this.sudo, 'systemctl', ...args];
    return runHelperSync(argv[0], argv.slice(1), { timeoutMs: 10_000 });
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import type { WriteStream } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SideName } from '../model/sides.ts';
import type { WorkloadExit } from '../model/bundle.ts';
import type { MemoryGroup } from './cgroup/types.ts';
import { portOpen } from './ports.ts';

const OUTPUT_TAIL = 20;

/** One side's service, started inside its memory group. */
export class Workload {
  readonly side: SideName;
  readonly command: string;
  readonly port: number | null;
  readonly group: MemoryGroup;
  private readonly child: ChildProcess;
  private readonly tail: string[] = [];
  private exitInfo: (Omit<WorkloadExit, 'atMs' | 'beforeReady'> & { at: number }) | null = null;
  readonly exited: Promise<void>;
  /** Resolves once its output is read to the end as well (the last words of a graceful stop). */
  readonly closed: Promise<void>;

  /** `label`: how its output is prefixed in the log (`gray`, `gray#2`); `env`: the environment it gets. */
  /** `redact`: applied to its output before it is kept (secrets out of workloads.log and the report). */
  constructor(
    side: SideName,
    command: string,
    port: number | null,
    group: MemoryGroup,
    log: WriteStream | null,
    options: { label?: string; env?: NodeJS.ProcessEnv; redact?: (text: string) => string } = {},
  ) {
    this.side = side;
    this.command = command;
    this.port = port;
    this.group = group;
    const launch = group.launch(command);
    // node:child_process, not execa: the service is no helper memgate waits on. It runs for the whole
    // gate with its output streamed into workloads.log (execa buffers output unless told not to), and
    // it is stopped through its cgroup (group.killAll), not through this child: the child is a launcher
    // (a shell that writes itself into cgroup.procs before it execs the service, or sudo systemd-run),
    // and a signal to one pid does not reach the processes behind it (measured with execa's kill():
    // `sh -c 'sleep 61 & wait'` dies, its sleep keeps running).
    this.child = spawn(launch.file, launch.args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: options.env ?? process.env,
      detached: launch.ownProcessGroup === true,
    });
    if (this.child.pid !== undefined) group.adopt(this.child.pid);
    const label = options.label ?? side;
    const keep = (chunk: Buffer) => {
      const text = (options.redact ?? String)(chunk.toString('utf8'));
      log?.write(
        text
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => `[${label}] ${l}\n`)
          .join(''),
      );
      this.tail.push(...text.split('\n').filter((l) => l.trim() !== ''));
      this.tail.splice(0, Math.max(0, this.tail.length - OUTPUT_TAIL));
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error) => {
        this.tail.push(`could not start: ${error.message}`);
        this.exitInfo ??= { at: Date.now(), code: null, signal: null, lastOutput: [] };
        resolve();
      });
      this.child.once('exit', (code, signal) => {
        this.exitInfo ??= { at: Date.now(), code, signal, lastOutput: [] };
        resolve();
      });
    });
    this.closed = new Promise((resolve) => {
      this.child.once('error', () => resolve());
      this.child.once('close', () => resolve());
    });
  }

  get alive(): boolean {
    return this.exitInfo === null;
  }

  /** How it ended, relative to the sampling clock's origin (epoch ms), or null while it runs. */
  exitRelativeTo(originMs: number, beforeReady: boolean): WorkloadExit | null {
    if (!this.exitInfo) return null;
    return {
      atMs: this.exitInfo.at - originMs,
      code: this.exitInfo.code,
      signal: this.exitInfo.signal,
      beforeReady,
      lastOutput: [...this.tail],
    };
  }

  /** Resolves when the port accepts connections ('ready'), the process ends, or time runs out. */
  async waitReady(timeoutMs: number, signal: AbortSignal): Promise<'ready' | 'exited' | 'timeout' | 'aborted'> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (signal.aborted) return 'aborted';
      if (!this.alive) return 'exited';
      if (this.port === null) {
        // Without a port there is nothing to wait for but a moment to see it does not die at once.
        await sleep(300);
        return this.alive ? 'ready' : 'exited';
      }
      if (await portOpen(this.port)) return 'ready';
      await sleep(50);
    }
    return this.alive ? 'timeout' : 'exited';
  }
}

/** The load command of one side, in its own process group so that all of it can be stopped. */
export class LoadProcess {
  private readonly child: ChildProcess;
  private finished = false;
  readonly side: SideName;
  readonly exited: Promise<number | null>;

  constructor(
    side: SideName,
    command: string,
    log: WriteStream | null,
    options: { env?: NodeJS.ProcessEnv; redact?: (text: string) => string } = {},
  ) {
    this.side = side;
    // node:child_process, not execa: stop() signals the whole process group (kill(-pid)), so the load is
    // started detached as its own group; execa's kill() signals one pid, and a load script's children
    // survive it (measured: `sh -c 'sleep 61 & wait'` killed through execa leaves the sleep running).
    this.child = spawn('/bin/sh', ['-c', command], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: options.env ?? process.env,
    });
    const write = (chunk: Buffer) =>
      log?.write(
        (options.redact ?? String)(chunk.toString('utf8'))
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => `[load ${side}] ${l}\n`)
          .join(''),
      );
    this.child.stdout?.on('data', write);
    this.child.stderr?.on('data', write);
    this.exited = new Promise((resolve) => {
      this.child.once('error', () => resolve(null));
      // 'close', not 'exit': the load's last words (its summary) arrive after it exits.
      this.child.once('close', (code) => {
        this.finished = true;
        resolve(code);
      });
    });
  }

  get running(): boolean {
    return !this.finished;
  }

  /** Its process group id (it leads its own group), for the watchdog. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  async stop(): Promise<void> {
    const pid = this.child.pid;
    if (pid === undefined) return;
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      try {
        process.kill(-pid, signal);
      } catch {
        return; // the group is gone
      }
      if (signal === 'SIGTERM') await Promise.race([this.exited, sleep(1000, undefined, { ref: false })]);
    }
  }
}

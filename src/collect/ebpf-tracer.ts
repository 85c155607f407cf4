// The bpftrace process. It runs under a small shell that holds its stdin open: closing that pipe
// (memgate stopping it, or memgate dying in any way) makes the shell send SIGTERM, and bpftrace then
// prints its maps (symbolized while the workloads are still alive) and detaches. The shell ends with
// bpftrace's status, so a tracer that died mid-run (killed, crashed) is told at the stop by its status
// and not mistaken for one that ran to the end and recorded nothing. A tracer that does not stop in
// time is killed with its whole process group: no probe outlives memgate's run.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { constants } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { ATTACHED_MARKER } from './ebpf-script.ts';
import type { Tracer } from './ebpf-preflight.ts';
import { runHelperSync } from '../workload/helper.ts';

/** Map entries bpftrace may hold (its default of 4096 is too few for the every mode). */
export const MAP_KEYS_MAX = 32768;

export interface TracerFiles {
  script: string;
  stdout: string;
  stderr: string;
}

export type StopResult = {
  stopped: 'clean' | 'killed' | 'exited-early';
  /** The wrapper's exit status: bpftrace's (128 + N when signal N killed it); null when a signal ended the wrapper. */
  code: number | null;
  /** The signal that ended the wrapper itself, if one did. */
  signal: NodeJS.Signals | null;
};

/** How a tracer that ended by itself ended, in words: `killed by SIGKILL`, `exited with status 1`. */
export function describeTracerEnd(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal) return `killed by ${signal}`;
  // The shell reports a child killed by signal N as status 128 + N.
  const killedBy = code !== null && code > 128 ? signalName(code - 128) : null;
  if (killedBy) return `killed by ${killedBy}`;
  return code === null ? 'ended for an unknown reason' : `exited with status ${code}`;
}

function signalName(n: number): string | null {
  for (const [name, number] of Object.entries(constants.signals)) if (number === n) return name;
  return null;
}

/**
 * Shell that starts bpftrace in the background, reads its own stdin to EOF, then sends SIGTERM and
 * exits with bpftrace's status. SIGTERM, not SIGINT: a background job of a non-interactive shell starts
 * with SIGINT ignored, so a SIGINT that comes before bpftrace sets its handler (a short window, a slow
 * attach) is lost and bpftrace runs on until it is killed 30 s later with nothing printed (measured:
 * `sh -c 'bpftrace ... & sleep 0.05; kill -INT $!; wait'` ran until killed). An early SIGTERM ends it at
 * once (it had recorded nothing), a later one makes it print its maps and exit 0, as SIGINT does. With ASLR on,
 * bpftrace 0.17 re-reads the binary's symbols for every frame it prints unless told to cache them
 * (measured: 7,700 stacks took 99 s to print, 1 s cached); memgate symbolizes from the file itself
 * anyway, so bpftrace's names only back it up. The map size goes under both of its names (0.17 reads
 * BPFTRACE_MAP_KEYS_MAX, newer releases BPFTRACE_MAX_MAP_KEYS).
 */
const WRAPPER =
  'env BPFTRACE_MAP_KEYS_MAX="$1" BPFTRACE_MAX_MAP_KEYS="$1" BPFTRACE_CACHE_USER_SYMBOLS=1 "$2" "$3" & b=$!; cat >/dev/null; kill -TERM $b 2>/dev/null; wait $b';

export class TracerProcess {
  private readonly child: ChildProcess;
  private readonly tracer: Tracer;
  private readonly out: WriteStream;
  private readonly err: WriteStream;
  private stdoutText = '';
  private stderrText = '';
  private exitCode: number | null = null;
  private exitSignal: NodeJS.Signals | null = null;
  private done = false;
  readonly exited: Promise<number | null>;
  /** Resolves true once the probes are attached (BEGIN ran), false if the tracer ended first. */
  readonly attached: Promise<boolean>;

  constructor(tracer: Tracer, files: TracerFiles) {
    this.tracer = tracer;
    this.out = createWriteStream(files.stdout);
    this.err = createWriteStream(files.stderr);
    // The raw copies are a convenience: a full disk must not crash the run (the text is kept in memory too).
    this.out.on('error', () => {});
    this.err.on('error', () => {});
    const argv = [
      ...tracer.prefix,
      '/bin/sh',
      '-c',
      WRAPPER,
      'memgate-tracer',
      String(MAP_KEYS_MAX),
      tracer.bpftrace,
      files.script,
    ];
    // node:child_process, not execa: bpftrace is no helper memgate waits on. Its stdout is streamed (the
    // attach marker), its stdin is the stop handshake, and it runs in its own process group so kill()
    // reaches bpftrace and cat behind the shell: execa's kill() signals one pid (measured: through it,
    // `sh -c 'sleep 61 & wait'` dies and its sleep keeps running).
    this.child = spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    this.child.stdin?.on('error', () => {}); // EPIPE when it is already gone
    let markSeen: (v: boolean) => void = () => {};
    this.attached = new Promise((resolve) => (markSeen = resolve));
    this.child.stdout?.setEncoding('utf8');
    this.child.stderr?.setEncoding('utf8');
    this.child.stdout?.on('data', (chunk: string) => {
      this.stdoutText += chunk;
      this.out.write(chunk);
      if (this.stdoutText.includes(ATTACHED_MARKER)) markSeen(true);
    });
    this.child.stderr?.on('data', (chunk: string) => {
      if (this.stderrText.length < 1024 * 1024) this.stderrText += chunk;
      this.err.write(chunk);
    });
    this.exited = new Promise((resolve) => {
      const finish = (code: number | null, signal: NodeJS.Signals | null) => {
        this.done = true;
        this.exitCode = code;
        this.exitSignal = signal;
        markSeen(false);
        resolve(code);
      };
      this.child.once('error', () => finish(null, null));
      // 'close': stdout and stderr are read to their end as well.
      this.child.once('close', (code, signal) => finish(code, signal));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return !this.done;
  }

  get stdout(): string {
    return this.stdoutText;
  }

  get stderr(): string {
    return this.stderrText;
  }

  /** Asks the tracer to print and detach; kills it if it has not finished within `timeoutMs`. */
  async stop(timeoutMs: number): Promise<StopResult> {
    if (this.done) {
      this.child.stdin?.end(); // the reader's cat, left behind by the shell, ends at EOF
      await this.closeFiles();
      return { stopped: 'exited-early', code: this.exitCode, signal: this.exitSignal };
    }
    this.child.stdin?.end();
    const finished = await Promise.race([
      this.exited.then(() => true),
      sleep(timeoutMs, undefined, { ref: false }).then(() => false),
    ]);
    if (!finished) {
      this.kill();
      await Promise.race([this.exited, sleep(5000, undefined, { ref: false })]);
    }
    await this.closeFiles();
    return { stopped: finished ? 'clean' : 'killed', code: this.exitCode, signal: this.exitSignal };
  }

  /** SIGKILL to the tracer's whole process group (the shell, bpftrace, cat). Safe to call twice. */
  kill(): void {
    const pid = this.child.pid;
    if (pid === undefined || this.done) return;
    if (this.tracer.prefix.length === 0) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    } else {
      runHelperSync(this.tracer.prefix[0], [...this.tracer.prefix.slice(1), 'kill', '-KILL', '--', `-${pid}`], {
        timeoutMs: 10_000,
      });
    }
  }

  private closing: Promise<void> | null = null;
  private closeFiles(): Promise<void> {
    this.closing ??= Promise.all([new Promise((r) => this.out.end(r)), new Promise((r) => this.err.end(r))]).then(
      () => undefined,
    );
    return this.closing;
  }
}

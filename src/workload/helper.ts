// The helper programs memgate runs and waits on (sudo, systemd-run/systemctl, the bpftrace checks,
// addr2line, go tool, readlink/cat under sudo), through execa: no shell, a timeout that kills, a
// bounded buffer, stdin closed unless given, and a failure that says what ran, how it ended and what
// it printed on stderr. The workloads, their load and the long-running tracer are not helpers: they
// keep their own spawner (src/workload/process.ts, src/collect/ebpf-tracer.ts say why).
import { execa, execaSync } from 'execa';

export interface HelperOptions {
  /** Killed (SIGTERM) after this long; the result then says it timed out. */
  timeoutMs: number;
  /** Written to its stdin, which is then closed (no input: stdin is /dev/null). */
  input?: string;
  /** Per stream (default 8 MiB): more is cut off and the run counts as failed. */
  maxBuffer?: number;
  /** The whole environment when `onlyEnv` is set, else added to memgate's own. */
  env?: NodeJS.ProcessEnv;
  onlyEnv?: boolean;
  cwd?: string;
  /** runHelper only: aborted, the helper is killed (SIGTERM) and the result says it was stopped. */
  signal?: AbortSignal;
}

export interface HelperResult {
  /** Exit status 0, in time, within the buffer. */
  ok: boolean;
  /** null when it could not start, timed out or was killed by a signal. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** One line for a message when not ok: the command, how it ended, and its stderr (or why it did not start). */
  failure: string | null;
}

const DEFAULT_MAX_BUFFER = 8 * 1024 * 1024;

/** Longest stderr excerpt a failure line carries: enough for the error a tool prints, not a flood. */
const STDERR_EXCERPT = 400;

function options(o: HelperOptions) {
  return {
    timeout: o.timeoutMs,
    maxBuffer: o.maxBuffer ?? DEFAULT_MAX_BUFFER,
    reject: false,
    stripFinalNewline: false,
    encoding: 'utf8' as const,
    ...(o.input === undefined ? { stdin: 'ignore' as const } : { input: o.input }),
    ...(o.env ? { env: o.env as Record<string, string>, extendEnv: !o.onlyEnv } : {}),
    ...(o.cwd ? { cwd: o.cwd } : {}),
  };
}

interface Ended {
  failed: boolean;
  exitCode?: number;
  signal?: string;
  timedOut: boolean;
  isCanceled?: boolean;
  isMaxBuffer: boolean;
  stdout: unknown;
  stderr: unknown;
  originalMessage?: string;
  code?: string;
}

/** The helper's stderr, whitespace folded, cut to its last STDERR_EXCERPT characters (where tools put the error). */
export function stderrExcerpt(stderr: string): string {
  const folded = stderr.replace(/\s+/g, ' ').trim();
  return folded.length <= STDERR_EXCERPT ? folded : `...${folded.slice(-STDERR_EXCERPT)}`;
}

/** How a run that did not succeed ended, in words, with what it said on stderr. */
export function describeFailure(
  command: string,
  ended: {
    exitCode: number | null;
    signal?: string;
    timedOut: boolean;
    canceled?: boolean;
    isMaxBuffer: boolean;
    notStarted?: string;
  },
  stderr: string,
  timeoutMs: number,
): string {
  const how = ended.notStarted
    ? `could not be started (${ended.notStarted})`
    : ended.timedOut
      ? `did not finish within ${timeoutMs / 1000} s and was killed`
      : ended.canceled
        ? 'was stopped with the run'
        : ended.isMaxBuffer
          ? 'printed more than memgate reads from a helper'
          : ended.signal
            ? `was killed by ${ended.signal}`
            : `exited with status ${ended.exitCode}`;
  if (ended.notStarted) return `${command} ${how}`;
  const said = stderrExcerpt(stderr);
  return `${command} ${how}${said ? `: ${said}` : ' (nothing on stderr)'}`;
}

function toResult(file: string, args: readonly string[], r: Ended, timeoutMs: number): HelperResult {
  const stdout = typeof r.stdout === 'string' ? r.stdout : '';
  const stderr = typeof r.stderr === 'string' ? r.stderr : '';
  if (!r.failed) return { ok: true, exitCode: r.exitCode ?? 0, stdout, stderr, failure: null };
  // Spawning failed (ENOENT, EACCES): execa has no exit status, only the system error.
  const notStarted =
    r.exitCode === undefined && !r.signal && !r.timedOut && !r.isCanceled && !r.isMaxBuffer
      ? r.code === 'ENOENT'
        ? 'not found'
        : (r.code ?? r.originalMessage ?? 'unknown error')
      : undefined;
  const command = [file, ...args].join(' ');
  const failure = describeFailure(
    command.length > 200 ? `${command.slice(0, 200)}...` : command,
    {
      exitCode: r.exitCode ?? null,
      signal: r.signal,
      timedOut: r.timedOut,
      canceled: r.isCanceled,
      isMaxBuffer: r.isMaxBuffer,
      notStarted,
    },
    stderr,
    timeoutMs,
  );
  return { ok: false, exitCode: r.exitCode ?? null, stdout, stderr, failure };
}

/** Runs a helper and waits for it. Never throws: a failure is in the result, with its stderr. */
export async function runHelper(file: string, args: readonly string[], o: HelperOptions): Promise<HelperResult> {
  const r = await execa(file, args, { ...options(o), ...(o.signal ? { cancelSignal: o.signal } : {}) });
  return toResult(file, args, r as unknown as Ended, o.timeoutMs);
}

/** runHelper for the callers that cannot wait asynchronously (driver probing, teardown steps, symbolizing). */
export function runHelperSync(file: string, args: readonly string[], o: HelperOptions): HelperResult {
  const r = execaSync(file, args, options(o));
  return toResult(file, args, r as unknown as Ended, o.timeoutMs);
}

/** A helper that must succeed: its failure becomes an Error carrying its stderr. */
export class HelperError extends Error {
  override name = 'HelperError';
  readonly result: HelperResult;
  constructor(result: HelperResult) {
    super(result.failure ?? 'helper failed');
    this.result = result;
  }
}

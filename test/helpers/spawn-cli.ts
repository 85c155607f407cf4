// The one way the e2e tests run memgate's CLI as a process (dist/cli.js unless told otherwise).
import { spawn } from 'node:child_process';
import { CLI } from './fixtures.ts';

export interface CliRun {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  pid: number;
  /** Wall time from spawn to the end. */
  ms: number;
}

export interface SpawnCliOptions {
  cwd: string;
  /** The whole environment (default: this process's, plus `extraEnv`). */
  env?: NodeJS.ProcessEnv;
  extraEnv?: NodeJS.ProcessEnv;
  /** Send `signal` (default SIGTERM) this long after the start. */
  killAfterMs?: number;
  signal?: NodeJS.Signals;
  /** Close both pipes after the first stderr output, like `memgate run ... | head -1`. */
  closePipes?: boolean;
  /** `exit` (default) resolves when the process ends; `close` also waits for its pipes to close. */
  until?: 'exit' | 'close';
  /** The script to run (default dist/cli.js). */
  entry?: string;
  /** stdin of the child (default: a pipe nobody writes to). */
  stdin?: 'pipe' | 'ignore';
}

export function spawnCli(args: string[], options: SpawnCliOptions): Promise<CliRun> {
  const env = { ...(options.env ?? process.env), ...options.extraEnv };
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [options.entry ?? CLI, ...args], {
      cwd: options.cwd,
      env,
      stdio: [options.stdin ?? 'pipe', 'pipe', 'pipe'],
    });
    const out = child.stdout!;
    const err = child.stderr!;
    let stdout = '';
    let stderr = '';
    out.on('data', (d) => (stdout += d));
    err.on('data', (d) => (stderr += d));
    if (options.killAfterMs) setTimeout(() => child.kill(options.signal ?? 'SIGTERM'), options.killAfterMs);
    if (options.closePipes) {
      err.once('data', () => {
        out.destroy();
        err.destroy();
      });
    }
    child.on(options.until ?? 'exit', (code: number | null, signal: string | null) =>
      resolve({ code, signal, stdout, stderr, pid: child.pid!, ms: Date.now() - started }),
    );
  });
}

// Can this host trace, and can this binary be traced? Each failed check comes back as a problem
// and the exact fix; the caller turns it into a warning (--ebpf auto) or a usage error (--ebpf on).
import { readFileSync } from 'node:fs';
import { goMinor, readGoBinary, type ElfArch, type GoBinary } from './ebpf-elf.ts';
import { PROBED_FUNCTION } from './ebpf-script.ts';
import type { EbpfMode } from '../model/ebpf.ts';
import { which } from './ebpf-symbolize.ts';
import { runHelper, type HelperResult } from '../workload/helper.ts';

export interface Problem {
  problem: string;
  fix: string;
}

export interface Tracer {
  /** argv prefix that runs a command with the privileges tracing needs: [] as root, ['sudo', '-n'] otherwise. */
  prefix: string[];
  bpftrace: string;
  version: string;
}

export type TracerCheck = { ok: true; tracer: Tracer } | ({ ok: false } & Problem);

const CHECK_TIMEOUT_MS = 60_000;

function exec(file: string, args: string[], signal?: AbortSignal, timeoutMs = CHECK_TIMEOUT_MS): Promise<HelperResult> {
  return runHelper(file, args, { timeoutMs, maxBuffer: 1024 * 1024, signal });
}

/** Lines bpftrace prints that mean nothing for us (no tracefs, RLIMIT_MEMLOCK on modern kernels). */
export function harmlessStderr(line: string): boolean {
  return (
    line.trim() === '' ||
    /RLIMIT_MEMLOCK/.test(line) ||
    /\/sys\/kernel\/(debug\/)?tracing\/(uprobe|kprobe)_events/.test(line) ||
    /failed to detach probe/.test(line) ||
    /BPFTRACE_\w+ is deprecated/.test(line) ||
    /^Attaching \d+ probes?/.test(line) ||
    // The tracer's wrapper shell reporting a signal that ended bpftrace: the message names it already.
    /^(Killed|Terminated|Hangup|Interrupt)$/.test(line.trim())
  );
}

export function firstError(stderr: string): string | null {
  return (
    stderr
      .split('\n')
      .map((l) => l.trim())
      .find((l) => !harmlessStderr(l)) ?? null
  );
}

/** Environment variable naming the bpftrace to use (e.g. a static build from the bpftrace releases). */
export const BPFTRACE_ENV = 'MEMGATE_BPFTRACE';

/**
 * bpftrace is there, we may run it, and it runs a BEGIN probe (Ubuntu 22.04's 0.14 package fails that).
 * `signal`: the run's; a bpftrace that hangs is stopped with the run, not left to its 60 s timeout.
 */
export async function checkTracer(env: NodeJS.ProcessEnv = process.env, signal?: AbortSignal): Promise<TracerCheck> {
  const pathEnv = env.PATH ?? '';
  const chosen = env[BPFTRACE_ENV]?.trim();
  const bpftrace = chosen
    ? which(chosen, pathEnv)
    : (which('bpftrace', pathEnv) ??
      ['/usr/bin/bpftrace', '/usr/sbin/bpftrace', '/usr/local/bin/bpftrace'].find((p) => which(p, pathEnv) !== null) ??
      null);
  if (!bpftrace) {
    const what = chosen ? `${BPFTRACE_ENV}=${chosen} is not an executable` : 'bpftrace is not installed';
    return {
      ok: false,
      problem: what,
      fix: `install bpftrace 0.17 or newer (apt-get install bpftrace on Debian 12 / Ubuntu 24.04), or point ${BPFTRACE_ENV} at one, or give --ebpf off`,
    };
  }
  let prefix: string[] = [];
  if (process.getuid?.() !== 0) {
    const sudo = await exec('sudo', ['-n', 'true'], signal, 10_000);
    if (!sudo.ok)
      return {
        ok: false,
        problem: `eBPF tracing needs root, and sudo -n is not allowed here (${sudo.failure})`,
        fix: 'run memgate as root or allow it passwordless sudo, or give --ebpf off',
      };
    prefix = ['sudo', '-n'];
  }
  const run = (args: string[]) =>
    prefix.length ? exec(prefix[0], [...prefix.slice(1), bpftrace, ...args], signal) : exec(bpftrace, args, signal);
  const version = (await run(['--version'])).stdout.trim() || 'bpftrace (version unknown)';
  const probe = await run(['-e', 'BEGIN { printf("memgate-ok\\n"); exit(); }']);
  if (!probe.stdout.includes('memgate-ok')) {
    // bpftrace's own error line when it printed one; else how the run ended (a timeout, a signal, a status).
    const why = firstError(probe.stderr) ?? probe.failure ?? 'it printed no marker and no error';
    return {
      ok: false,
      problem: `${version} cannot run a BEGIN probe (${why})`,
      fix: 'install a working bpftrace (0.17 or newer; the Ubuntu 22.04 package is known to fail this: use Ubuntu 24.04 or the static build from the bpftrace releases), or give --ebpf off',
    };
  }
  return { ok: true, tracer: { prefix, bpftrace, version } };
}

export type BinaryCheck =
  | { ok: true; binary: GoBinary; go: [number, number] | null; arch: ElfArch }
  | ({ ok: false; binary: GoBinary | null } & Problem);

function hostArch(): ElfArch | null {
  return process.arch === 'x64' ? 'amd64' : process.arch === 'arm64' ? 'arm64' : null;
}

/** The executable of a traced process: a 64-bit Go ELF binary of this host's architecture, with symbols and a known Go version. */
export function checkBinary(
  path: string,
  mode: EbpfMode,
  read: (path: string) => Buffer = (p) => readFileSync(p),
): BinaryCheck {
  let binary: GoBinary;
  try {
    binary = readGoBinary(path, read(path));
  } catch (error) {
    return {
      ok: false,
      binary: null,
      problem: `${path} cannot be read as an executable (${(error as Error).message})`,
      fix: 'point the command at the Go binary itself',
    };
  }
  const host = hostArch();
  if (binary.arch !== host)
    return {
      ok: false,
      binary,
      problem: `${path} is built for ${binary.arch}, this host runs ${process.arch}`,
      fix: 'trace a binary built for this machine',
    };
  const arch = binary.arch as ElfArch;
  if (binary.goVersion === null && !binary.symbol('runtime.mallocgc')) {
    return {
      ok: false,
      binary,
      problem: `${path} is not a Go program (no Go build info, no runtime.mallocgc)`,
      fix: 'eBPF allocation tracing is for Go services; give --ebpf off for others',
    };
  }
  if (!binary.hasSymtab) {
    return {
      ok: false,
      binary,
      problem: `${path} is stripped (no symbol table), so its allocator cannot be probed by name`,
      fix: 'build it without -ldflags=-s (and without strip) for the gate',
    };
  }
  const go = goMinor(binary.goVersion);
  if (!binary.symbol('runtime.mallocgc'))
    return {
      ok: false,
      binary,
      problem: `${path} has no runtime.mallocgc symbol`,
      fix: 'build it with a Go toolchain memgate knows (Go 1.13 or newer)',
    };
  if (!go)
    return {
      ok: false,
      binary,
      problem: `the Go version of ${path} cannot be read (no .go.buildinfo, no runtime.buildVersion)`,
      fix: 'build it with Go 1.13 or newer',
    };
  if (!binary.symbol(PROBED_FUNCTION[mode]))
    return {
      ok: false,
      binary,
      problem: `${path} has no ${PROBED_FUNCTION[mode]} symbol`,
      fix: mode === 'sampled' ? 'give --ebpf-mode every' : 'build it with a Go toolchain memgate knows',
    };
  if (mode === 'sampled') {
    const flag = binary.symbol('runtime.disableMemoryProfiling');
    const value = flag ? binary.read(flag.value, 1) : null;
    if (value && value[0] !== 0) {
      return {
        ok: false,
        binary,
        problem: `${path} never links runtime.MemProfile (no net/http/pprof or runtime/pprof import), so Go's heap sampling, where the default mode probes, is off`,
        fix: 'import net/http/pprof (or runtime/pprof) in the service, or give --ebpf-mode every (costly)',
      };
    }
  }
  return { ok: true, binary, go, arch };
}

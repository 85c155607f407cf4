// The watchdog: a tiny shell, started before any workload, that outlives memgate only to clean up
// after it. It reads what memgate creates (cgroups, systemd scopes, process groups) line by line on
// its stdin, a pipe from memgate. When memgate ends normally it writes `done` first and the watchdog
// exits without touching anything; when the pipe reaches EOF without `done` (memgate was SIGKILLed,
// crashed, or its teardown failed), it kills every recorded group's processes and removes the groups.
//
// Why a pipe-watching process and not prctl(PR_SET_PDEATHSIG): Node cannot call prctl, and a death
// signal reaches only memgate's direct children. The services are grandchildren behind a launcher
// shell (cgroupfs) or behind sudo and systemd-run (systemd: the scope's processes are not ours at
// all), and a load script's children are further down still. EOF on a pipe happens whatever ends
// memgate, SIGKILL and the OOM killer included, because the kernel closes its descriptors; the pipe's
// write end is close-on-exec in memgate, so no workload holds it open. The watchdog runs in its own
// process group and ignores INT/TERM/HUP, so a Ctrl-C or the runner's signals to memgate's group do not
// take it down before it has done its job; nothing keeps it alive after that.
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** What a driver tells the watchdog as it creates things; the watchdog undoes them in reverse order. */
export interface CleanupGuard {
  /** A cgroupfs directory: its processes killed (cgroup.kill, else SIGKILL to cgroup.procs), then rmdir. */
  cgroup(dir: string): void;
  /** A transient systemd scope: `systemctl kill` and `stop`, through `sudo -n` when memgate used it. */
  scope(unit: string, sudo: boolean): void;
  /** A process group memgate started outside the cgroups (a load command). */
  processGroup(pgid: number): void;
}

/** The argv[0] the watchdog runs under: how `ps`, the fault bench and the tests recognise it. */
export const WATCHDOG_NAME = 'memgate-watchdog';

/**
 * Reads records until EOF, newest first in `list`, so that children are undone before their parents.
 * `done` clears everything (memgate cleaned up itself). Every group is killed at once first; then each
 * is removed, killed again between rmdir attempts (v1 has no cgroup.kill, and a fork in flight can add
 * a process; rmdir says EBUSY until the kernel has emptied it), for up to ~3 s.
 */
const SCRIPT = `
trap '' INT TERM HUP PIPE
nl='
'
list=''
while IFS= read -r line; do
  if [ "$line" = done ]; then list=''; else list="$line$nl$list"; fi
done
[ -z "$list" ] && exit 0
killgroup() {
  if [ -e "$1/cgroup.kill" ]; then echo 1 > "$1/cgroup.kill" 2>/dev/null && return; fi
  while read -r p; do kill -KILL "$p" 2>/dev/null; done < "$1/cgroup.procs"
}
# First everything at once (builtins only: forks are slow on a loaded machine), then groups one by one.
printf '%s' "$list" | while IFS= read -r line; do
  kind=\${line%% *}; arg=\${line#* }
  case "$kind" in
    pg) kill -KILL -- "-$arg" 2>/dev/null ;;
    cg) [ -d "$arg" ] && killgroup "$arg" 2>/dev/null ;;
  esac
done
printf '%s' "$list" | while IFS= read -r line; do
  kind=\${line%% *}; arg=\${line#* }
  case "$kind" in
    sd) pre=''; unit=\${arg#* }; [ "\${arg%% *}" = sudo ] && pre='sudo -n'
        $pre systemctl kill --signal=SIGKILL "$unit.scope" >/dev/null 2>&1
        $pre systemctl stop "$unit.scope" >/dev/null 2>&1 ;;
    cg) n=0
        while [ -d "$arg" ] && ! rmdir "$arg" 2>/dev/null && [ $n -lt 150 ]; do
          killgroup "$arg" 2>/dev/null; sleep 0.02; n=$((n+1))
        done ;;
  esac
done
`;

/** The running watchdog; memgate's side of the pipe. */
export class Watchdog implements CleanupGuard {
  private readonly child: ChildProcess;
  readonly exited: Promise<void>;
  private closed = false;

  constructor() {
    // node:child_process, not execa: the watchdog is no helper memgate waits on; it must run detached
    // (its own process group) with its stdin the pipe, and outlive memgate when memgate is killed.
    this.child = spawn('/bin/sh', ['-c', SCRIPT, WATCHDOG_NAME], {
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: true,
    });
    this.child.stdin?.on('error', () => {}); // EPIPE: it is gone already (nothing memgate can do then)
    this.exited = new Promise((resolve) => {
      this.child.once('error', () => resolve());
      this.child.once('exit', () => resolve());
    });
    // Neither the process nor its pipe may keep memgate's event loop alive.
    this.child.unref();
    (this.child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  private record(line: string): void {
    // One record per line: a name with a newline in it cannot be recorded faithfully, and memgate names its groups itself.
    if (this.closed || /[\r\n]/.test(line)) return;
    this.child.stdin?.write(`${line}\n`);
  }
  cgroup(dir: string): void {
    this.record(`cg ${dir}`);
  }
  scope(unit: string, sudo: boolean): void {
    this.record(`sd ${sudo ? 'sudo' : '-'} ${unit}`);
  }
  processGroup(pgid: number): void {
    this.record(`pg ${pgid}`);
  }

  /**
   * Ends the watchdog. `cleanedUp`: memgate's own teardown removed everything, so the watchdog exits
   * without acting; otherwise it kills and removes what was recorded. Waits up to 5 s for it to end.
   */
  async close(cleanedUp: boolean): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (cleanedUp) this.child.stdin?.write('done\n');
    this.child.stdin?.end();
    // Ref'd while memgate waits for it: unref'd, an otherwise idle event loop would end mid-await.
    const timer = sleep(5000);
    await Promise.race([this.exited, timer]);
  }
}

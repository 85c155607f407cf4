// Who wrote a `running` record, and whether that process still runs: read from /proc, so only a reader on
// the same machine (same boot, same pid namespace) can answer; anywhere else the answer is "cannot tell".
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import type { OwnerAlive } from './rules.ts';
import type { RecordOwner } from './types.ts';

/** The kernel's boot id and this process's pid namespace, or null off Linux (then no pid is ever judged). */
function bootKey(): string | null {
  try {
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return `${boot} ${readlinkSync('/proc/self/ns/pid')}`;
  } catch {
    return null;
  }
}

/** State and start time (clock ticks after boot) of a process, from /proc/PID/stat; null when it is gone. */
function procStat(pid: number): { state: string; start: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], start: Number(fields[19]) };
  } catch {
    return null;
  }
}

/** The owner of the records this process writes; undefined where it cannot be judged later (off Linux). */
export function thisProcessOwner(): RecordOwner | undefined {
  const boot = bootKey();
  if (boot === null) return undefined;
  const start = procStat(process.pid)?.start;
  return { host: hostname(), boot, pid: process.pid, ...(Number.isFinite(start) ? { start } : {}) };
}

/**
 * Whether a record's owner still runs, judged only on the machine (boot and pid namespace) that wrote it.
 * Gone: no such pid, a zombie (killed, not yet reaped), or a pid now used by a later process.
 */
export const localOwnerAlive: OwnerAlive = (owner) => {
  if (owner.host !== hostname() || owner.boot !== bootKey()) return null;
  if (!Number.isInteger(owner.pid) || owner.pid < 1) return null;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: it exists, owned by someone else.
  }
  const stat = procStat(owner.pid);
  if (stat === null) return false;
  if (stat.state === 'Z' || stat.state === 'X') return false;
  if (owner.start !== undefined && stat.start !== owner.start) return false;
  return true;
};

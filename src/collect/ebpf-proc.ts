// What /proc says about a traced process: its executable, its file identity, and where a PIE binary
// was loaded. Falls back to the tracer's privilege prefix (sudo -n) when /proc is not readable.
import { readFileSync, readlinkSync, statSync } from 'node:fs';
import { runHelperSync } from '../workload/helper.ts';

export function readExe(pid: number, prefix: string[]): string | null {
  try {
    return readlinkSync(`/proc/${pid}/exe`);
  } catch {
    if (prefix.length === 0) return null;
    const r = runHelperSync(prefix[0], [...prefix.slice(1), 'readlink', `/proc/${pid}/exe`], { timeoutMs: 10_000 });
    return r.ok ? r.stdout.trim() || null : null;
  }
}

export function readMaps(pid: number, prefix: string[]): string | null {
  try {
    return readFileSync(`/proc/${pid}/maps`, 'utf8');
  } catch {
    if (prefix.length === 0) return null;
    const r = runHelperSync(prefix[0], [...prefix.slice(1), 'cat', `/proc/${pid}/maps`], { timeoutMs: 10_000 });
    return r.ok ? r.stdout : null;
  }
}

/** The executable's file identity (device:inode), so two paths of one file are one target; its path when unknown. */
export function exeIdentity(pid: number, exe: string): string {
  try {
    const st = statSync(`/proc/${pid}/exe`);
    return `${st.dev}:${st.ino}`;
  } catch {
    return exe;
  }
}

/** Load bias of a PIE executable in a process: start of its file-offset-0 mapping. */
export function loadBias(maps: string, exe: string): bigint | null {
  for (const line of maps.split('\n')) {
    const m = /^([0-9a-f]+)-[0-9a-f]+ \S+ ([0-9a-f]+) \S+ \d+\s+(.*)$/.exec(line);
    if (m && m[3].replace(/ \(deleted\)$/, '') === exe && BigInt(`0x${m[2]}`) === 0n) return BigInt(`0x${m[1]}`);
  }
  return null;
}

/** /proc's clock ticks per second (USER_HZ): 100 on every Linux architecture memgate traces. */
const USER_HZ = 100;

/** Seconds since the process started (its starttime in /proc/PID/stat against /proc/uptime), or null when unreadable. */
export function processAgeSec(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime) counting from pid; fields after the command name, which may hold spaces, start at 3.
    const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    const age = uptime - startTicks / USER_HZ;
    return Number.isFinite(age) && age >= 0 ? age : null;
  } catch {
    return null;
  }
}

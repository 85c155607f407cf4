import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** Tests that need root fail loudly without it: CI runs as root, a silent skip would hide a gap. */
export function requireRoot(): void {
  if (process.getuid?.() !== 0) throw new Error('this test needs root (cgroups): run the suite as root, as CI does');
}

export function requireGo(): void {
  if (spawnSync('go', ['version'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('this test needs Go: apt-get install golang-go (.ci/run installs it)');
  }
}

/** Gone, or a zombie waiting for its parent to reap it (it holds no memory and runs nothing). */
export function processGone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return true;
  }
}

/** Tests that trace with eBPF need bpftrace (and root): CI installs it, a silent skip would hide a gap. */
export function requireBpftrace(): void {
  requireRoot();
  const probe = spawnSync('bpftrace', ['-e', 'BEGIN { printf("ok\\n"); exit(); }'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (probe.status !== 0 || !probe.stdout.includes('ok')) {
    throw new Error(
      `this test needs a working bpftrace (0.17+): apt-get install bpftrace (.ci/run installs it)${probe.error ? `: ${probe.error.message}` : `; it said: ${probe.stderr.trim().split('\n').pop()}`}`,
    );
  }
}

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

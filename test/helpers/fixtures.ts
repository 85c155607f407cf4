import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readCgroupLayout } from '../../src/workload/cgroup/mounts.ts';
import { requireGo } from './env.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, '.tmp/bin');
export const CLI = join(ROOT, 'dist/cli.js');

let built = false;
/** Builds the Go fixture variants once (fixtures/build.sh skips what is up to date). */
export function fixtureBin(name: string): string {
  if (!built) {
    requireGo();
    const result = spawnSync('bash', [join(ROOT, 'fixtures/build.sh'), BIN], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`fixtures/build.sh failed:\n${result.stderr}`);
    built = true;
  }
  return join(BIN, name);
}

/** Groups that the memgate process `pid` left under our own cgroups (v1 memory and unified). */
export function leftoverCgroups(pid: number): string[] {
  const layout = readCgroupLayout();
  const left: string[] = [];
  for (const dir of [layout.v1Memory, layout.v2]) {
    if (!dir) continue;
    for (const entry of readdirSync(dir)) if (entry.startsWith(`memgate-${pid}-`)) left.push(join(dir, entry));
  }
  return left;
}

/** Processes still running a binary from `dir`. */
export function leftoverProcesses(dir: string): string[] {
  const left: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (cmdline.includes(dir) && !/\) Z /.test(stat)) left.push(`${entry}: ${cmdline}`);
    } catch {
      // gone while we looked
    }
  }
  return left;
}

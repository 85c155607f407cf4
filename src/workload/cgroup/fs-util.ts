import { readFileSync, rmdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

export function readNumber(path: string): number | null {
  const text = readText(path)?.trim();
  if (text === undefined || text === '' || text === 'max') return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export function readPids(path: string): number[] {
  const text = readText(path);
  if (text === null) return [];
  return text
    .split('\n')
    .filter((l) => /^\d+$/.test(l))
    .map(Number);
}

export function killPids(pids: number[], signal: NodeJS.Signals = 'SIGKILL'): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** rmdir that tolerates a group the kernel has not finished emptying yet. */
export async function removeDir(path: string, attempts = 50): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      rmdirSync(path);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return;
      if (i >= attempts || code !== 'EBUSY') throw error;
      await sleep(20);
    }
  }
}

import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { SIDES, type SideName } from '../model/sides.ts';
import type { MemoryGroup } from '../workload/cgroup/types.ts';
import type { MemorySample, StatSample } from '../model/bundle.ts';

export interface SamplerOptions {
  /** Each side's processes' groups (one a side without replicas). */
  groups: Record<SideName, MemoryGroup[]>;
  intervalMs: number;
  totalMs: number;
  statEveryMs: number;
  progressEveryMs: number;
  signal: AbortSignal;
  /** A reason to end the window early (a side died), or null to go on. */
  stopReason: () => string | null;
  onProgress: (sample: MemorySample) => void;
  /**
   * Looks before the end (ms since sampling began, ascending): at the first reading at or after each,
   * `onLook` is given what was read so far; true stops sampling there (the gate has decided).
   */
  looks?: { atMs: readonly number[]; onLook: (index: number, samples: MemorySample[], stats: StatSample[]) => boolean };
}

export interface SamplerResult {
  samples: MemorySample[];
  stats: StatSample[];
  endedEarly: string | null;
  /** The look that stopped sampling (its index in `looks.atMs`), or null when it ran to the end. */
  decidedAtLook?: number | null;
}

const meanOf = (values: (number | null)[]): number | null => {
  const present = values.filter((v): v is number => v !== null);
  return present.length === values.length && present.length > 0
    ? Math.round(present.reduce((a, b) => a + b, 0) / present.length)
    : null;
};

/**
 * Reads both sides on one clock: each tick reads baseline and gray back to back, at fixed times; with
 * replicas, instance by instance interleaved (baseline 1, gray 1, baseline 2, ...), so neither side is
 * always read later in the tick.
 */
export async function sampleMemory(options: SamplerOptions): Promise<SamplerResult> {
  const { groups, intervalMs, totalMs } = options;
  const samples: MemorySample[] = [];
  const stats: StatSample[] = [];
  const origin = performance.now();
  let nextStat = 0;
  let nextProgress = options.progressEveryMs;
  let nextLook = 0;
  for (let tick = 0; ; tick++) {
    const due = tick * intervalMs;
    if (due > totalMs) return { samples, stats, endedEarly: null };
    const wait = origin + due - performance.now();
    if (wait > 0) await sleep(wait);
    if (options.signal.aborted) return { samples, stats, endedEarly: 'interrupted' };
    const t = Math.round((performance.now() - origin) * 10) / 10;
    const replicas = Math.max(groups.baseline.length, groups.gray.length);
    const readings: Record<SideName, (number | null)[]> = { baseline: [], gray: [] };
    for (let i = 0; i < replicas; i++)
      for (const side of SIDES) readings[side].push(groups[side][i]?.readCurrent() ?? null);
    const sample: MemorySample =
      replicas === 1
        ? { t, baseline: readings.baseline[0], gray: readings.gray[0] }
        : { t, baseline: meanOf(readings.baseline), gray: meanOf(readings.gray), instances: readings };
    samples.push(sample);
    if (t >= nextStat) {
      for (const side of SIDES) {
        for (const [instance, group] of groups[side].entries()) {
          const stat = group.readStat();
          if (stat) stats.push(replicas === 1 ? { t, side, ...stat } : { t, side, instance, ...stat });
        }
      }
      nextStat += options.statEveryMs;
    }
    if (t >= nextProgress) {
      options.onProgress(sample);
      nextProgress += options.progressEveryMs;
    }
    const reason = options.stopReason();
    if (reason !== null) return { samples, stats, endedEarly: reason };
    const looks = options.looks;
    if (looks && nextLook < looks.atMs.length && t >= looks.atMs[nextLook]) {
      const index = nextLook++;
      if (looks.onLook(index, samples, stats)) return { samples, stats, endedEarly: null, decidedAtLook: index };
    }
  }
}

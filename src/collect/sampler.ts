import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { SIDES, type SideName } from '../model/sides.ts';
import type { MemoryGroup } from '../workload/cgroup/types.ts';
import type { MemorySample, StatSample } from '../model/bundle.ts';

export interface SamplerOptions {
  groups: Record<SideName, MemoryGroup>;
  intervalMs: number;
  totalMs: number;
  statEveryMs: number;
  progressEveryMs: number;
  signal: AbortSignal;
  /** A reason to end the window early (a side died), or null to go on. */
  stopReason: () => string | null;
  onProgress: (sample: MemorySample) => void;
}

export interface SamplerResult {
  samples: MemorySample[];
  stats: StatSample[];
  endedEarly: string | null;
}

/** Reads both sides on one clock: each tick reads baseline and gray back to back, at fixed times. */
export async function sampleMemory(options: SamplerOptions): Promise<SamplerResult> {
  const { groups, intervalMs, totalMs } = options;
  const samples: MemorySample[] = [];
  const stats: StatSample[] = [];
  const origin = performance.now();
  let nextStat = 0;
  let nextProgress = options.progressEveryMs;
  for (let tick = 0; ; tick++) {
    const due = tick * intervalMs;
    if (due > totalMs) return { samples, stats, endedEarly: null };
    const wait = origin + due - performance.now();
    if (wait > 0) await sleep(wait);
    if (options.signal.aborted) return { samples, stats, endedEarly: 'interrupted' };
    const t = Math.round((performance.now() - origin) * 10) / 10;
    const sample: MemorySample = { t, baseline: groups.baseline.readCurrent(), gray: groups.gray.readCurrent() };
    samples.push(sample);
    if (t >= nextStat) {
      for (const side of SIDES) {
        const stat = groups[side].readStat();
        if (stat) stats.push({ t, side, ...stat });
      }
      nextStat += options.statEveryMs;
    }
    if (t >= nextProgress) {
      options.onProgress(sample);
      nextProgress += options.progressEveryMs;
    }
    const reason = options.stopReason();
    if (reason !== null) return { samples, stats, endedEarly: reason };
  }
}

import type { SideName } from '../model/sides.ts';
import type { Frame } from '../model/frame.ts';
import type { Goroutine, GoroutineDump } from './goroutine-parse.ts';
import { isProfilerFrame } from './heap-profile.ts';
import { isRuntime, robustGrowth } from './evidence-util.ts';

/** How many frames (after the park frames) make a goroutine's fingerprint, with its `created by`. */
export const FINGERPRINT_FRAMES = 4;

/** Frames a parked goroutine sits in, whatever it waits for: dropped before fingerprinting. */
function isParkFrame(fn: string): boolean {
  return (
    isRuntime(fn) || fn.startsWith('internal/poll.runtime_') || fn.startsWith('sync.runtime_') || fn === 'time.Sleep'
  );
}

export function trimPark(frames: readonly Frame[]): Frame[] {
  const i = frames.findIndex((f) => !isParkFrame(f.fn));
  return i < 0 ? [...frames] : frames.slice(i);
}

export interface ClusterSnapshot {
  count: number;
  states: Record<string, number>;
  maxWaitMinutes: number | null;
}

/** Goroutines that look alike: same top frames, same creator. */
export interface GoroutineCluster {
  key: string;
  /** The function the goroutine runs (its outermost frame): what `go` started. */
  entry: string;
  createdBy: Frame | null;
  /** Representative frames, innermost first, park frames trimmed. */
  frames: Frame[];
}

export function fingerprint(g: Goroutine): { key: string; cluster: GoroutineCluster } {
  const frames = trimPark(g.frames);
  const top = frames.slice(0, FINGERPRINT_FRAMES).map((f) => f.fn);
  const createdBy = g.createdBy?.fn ?? '';
  const entry = g.frames[g.frames.length - 1]?.fn ?? '?';
  return { key: `${top.join('\n')}\n<- ${createdBy}`, cluster: { key: '', entry, createdBy: g.createdBy, frames } };
}

/** Counts per cluster in one dump; the dump-serving goroutine itself is left out. */
export function clusterDump(dump: GoroutineDump): {
  clusters: Map<string, GoroutineCluster>;
  counts: Map<string, ClusterSnapshot>;
  total: number;
} {
  const clusters = new Map<string, GoroutineCluster>();
  const counts = new Map<string, ClusterSnapshot>();
  let total = 0;
  for (const g of dump.goroutines) {
    if (g.frames.some((f) => isProfilerFrame(f.fn))) continue;
    total++;
    const { key, cluster } = fingerprint(g);
    if (!clusters.has(key)) clusters.set(key, { ...cluster, key });
    let c = counts.get(key);
    if (!c) {
      c = { count: 0, states: {}, maxWaitMinutes: null };
      counts.set(key, c);
    }
    c.count++;
    c.states[g.state] = (c.states[g.state] ?? 0) + 1;
    if (g.waitMinutes !== null) c.maxWaitMinutes = Math.max(c.maxWaitMinutes ?? 0, g.waitMinutes);
  }
  return { clusters, counts, total };
}

export interface GoroutineSeries {
  /** Seconds since sampling began. */
  times: number[];
  dumps: GoroutineDump[];
}

export interface ClusterGrowth extends GoroutineCluster {
  growth: Record<SideName, number>;
  end: Record<SideName, ClusterSnapshot>;
  /** Gray's growth minus baseline's. */
  difference: number;
}

export interface GoroutineDiff {
  clusters: ClusterGrowth[];
  totals: Record<SideName, { start: number | null; end: number | null; dumps: number }>;
}

const empty = (): ClusterSnapshot => ({ count: 0, states: {}, maxWaitMinutes: null });

/** Clusters on both sides, counted in every dump, ranked by how much more they grew in gray. Pure. */
export function diffGoroutines(series: Record<SideName, GoroutineSeries>): GoroutineDiff {
  const perSide = {} as Record<SideName, ReturnType<typeof clusterDump>[]>;
  const all = new Map<string, GoroutineCluster>();
  for (const side of ['gray', 'baseline'] as const) {
    perSide[side] = series[side].dumps.map(clusterDump);
    for (const d of perSide[side]) for (const [k, c] of d.clusters) if (!all.has(k)) all.set(k, c);
  }
  const clusters: ClusterGrowth[] = [];
  for (const [key, cluster] of all) {
    const growth = {} as Record<SideName, number>;
    const end = {} as Record<SideName, ClusterSnapshot>;
    for (const side of ['gray', 'baseline'] as const) {
      const dumps = perSide[side];
      growth[side] =
        dumps.length >= 2
          ? robustGrowth(
              series[side].times,
              dumps.map((d) => d.counts.get(key)?.count ?? 0),
            )
          : 0;
      end[side] = dumps.length ? (dumps[dumps.length - 1].counts.get(key) ?? empty()) : empty();
    }
    clusters.push({ ...cluster, growth, end, difference: growth.gray - growth.baseline });
  }
  clusters.sort((a, b) => b.difference - a.difference || a.key.localeCompare(b.key));
  const totals = {} as GoroutineDiff['totals'];
  for (const side of ['gray', 'baseline'] as const) {
    const d = perSide[side];
    totals[side] = {
      start: d.length ? d[0].total : null,
      end: d.length ? d[d.length - 1].total : null,
      dumps: d.length,
    };
  }
  return { clusters, totals };
}

/** The state most of a cluster's goroutines are in. */
export function mainState(s: ClusterSnapshot): string | null {
  let best: string | null = null;
  for (const [state, n] of Object.entries(s.states)) if (best === null || n > s.states[best]) best = state;
  return best;
}

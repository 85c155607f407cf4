import { BUNDLE_SCHEMA } from '../../src/model/constants.ts';
import type { Bundle, SideFinal } from '../../src/model/bundle.ts';

export const MiB = 1024 * 1024;

export interface SeriesShape {
  base?: number;
  /** Floor growth in bytes per second. */
  slope?: number;
  /** Height of the GC sawtooth above the floor. */
  sawtooth?: number;
  noise?: number;
}

/** A synthetic but Go-shaped reading: floor + slope, a 3 s sawtooth, a burst every 2 s, noise. */
export function reading(t: number, shape: SeriesShape, rand: () => number): number {
  const { base = 20 * MiB, slope = 0, sawtooth = 4 * MiB, noise = 0.3 * MiB } = shape;
  const sec = t / 1000;
  return Math.round(base + slope * sec + ((sec % 3) / 3) * sawtooth + (sec % 2 < 0.3 ? 1.2 * MiB : 0) + rand() * noise);
}

export function seeded(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 16807) % 2147483647) / 2147483647;
}

const alive: SideFinal = { peakBytes: null, oomKills: 0, exit: null };

export function makeBundle(options: {
  baseline?: SeriesShape;
  gray?: SeriesShape;
  warmupMs?: number;
  durationMs?: number;
  intervalMs?: number;
  seed?: number;
  final?: Partial<Record<'baseline' | 'gray', Partial<SideFinal>>>;
  memoryMaxBytes?: number | null;
  stopAtMs?: number;
  /** Processes per side; each instance gets its own noise. Per-instance shapes override the side's. */
  replicas?: number;
  instances?: Partial<Record<'baseline' | 'gray', SeriesShape[]>>;
}): Bundle {
  const { warmupMs = 5000, durationMs = 60_000, intervalMs = 250, seed = 42 } = options;
  const randB = seeded(seed);
  const randG = seeded(seed * 7 + 1);
  const samples: Bundle['samples'] = [];
  const end = Math.min(warmupMs + durationMs, options.stopAtMs ?? Infinity);
  const replicas = options.replicas ?? 1;
  if (replicas === 1) {
    for (let t = 0; t <= end; t += intervalMs) {
      samples.push({
        t,
        baseline: reading(t, options.baseline ?? {}, randB),
        gray: reading(t, options.gray ?? {}, randG),
      });
    }
  } else {
    const rands = {
      baseline: Array.from({ length: replicas }, (_, i) => seeded(seed * 13 + i + 1)),
      gray: Array.from({ length: replicas }, (_, i) => seeded(seed * 31 + i + 7)),
    };
    const shape = (side: 'baseline' | 'gray', i: number) => ({ ...options[side], ...options.instances?.[side]?.[i] });
    for (let t = 0; t <= end; t += intervalMs) {
      const baseline = rands.baseline.map((r, i) => reading(t, shape('baseline', i), r));
      const gray = rands.gray.map((r, i) => reading(t, shape('gray', i), r));
      const avg = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
      samples.push({ t, baseline: avg(baseline), gray: avg(gray), instances: { baseline, gray } });
    }
  }
  return {
    meta: {
      schema: BUNDLE_SCHEMA,
      memgateVersion: 'test',
      createdAt: '2026-11-26T00:00:00.000Z',
      driver: 'v1',
      limitations: [],
      warmupMs,
      durationMs,
      intervalMs,
      memoryMaxBytes: options.memoryMaxBytes ?? null,
      load: null,
      replicas,
      sides: {
        baseline: { command: './base -addr 127.0.0.1:1', port: 1, location: '/cg/baseline' },
        gray: { command: './gray -addr 127.0.0.1:2', port: 2, location: '/cg/gray' },
      },
      warnings: [],
      endedEarly: null,
    },
    samples,
    stats: [],
    final: { baseline: { ...alive, ...options.final?.baseline }, gray: { ...alive, ...options.final?.gray } },
  };
}

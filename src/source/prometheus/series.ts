// One cell's series -> a Bundle the judge reads as it reads a local run with replicas: each instance
// a replica, its readings on the query's steps (the shared clock), null where it had no point.
// Real fleets are untidy, and each untidiness is said, never judged as memory behaviour:
// - a restart (a series that ends and another that begins for the same instance, or a fall to less
//   than half of the previous reading, as a gauge shows after a restart) is a warning naming the
//   instance; the instance is judged on its longest stretch without a restart, so a fresh process's
//   low start is never read as a falling (or, after it, a rising) floor;
// - gaps, stale markers (no point at a step), NaN and infinities are missing readings (null);
// - an instance seen for less than half the window (scaled in late, scaled down early, or cut short
//   by restarts) is left out with a warning: its few readings would weigh as much as a whole window's;
// - two series of one instance at the same time mean the selector picks more series than there are
//   instances: an error naming the selector and the labels that tell them apart.
import type { Bundle, MemorySample, SideFinal, SideMeta } from '../../model/bundle.ts';
import { UsageError } from '../../model/errors.ts';
import { SIDES, type SideName } from '../../model/sides.ts';
import type { RangeSeries } from './client.ts';

/** A reading below this share of the previous one is a restart (a gauge's "counter reset"). */
export const RESTART_DROP = 0.5;
/** Readings right after a restart left out of the judged stretch: the new process warming up. */
export const RESTART_SETTLE_SEC = 120;
/** How long a store answers a series' last value after it ended (Prometheus' default lookback delta). */
export const LOOKBACK_SEC = 300;
/** An instance needs readings over at least this share of the window to be judged. */
export const MIN_COVERAGE = 0.5;
/** ... and at least this many readings (the judge's own minimum per side). */
export const MIN_INSTANCE_POINTS = 8;

/** The query's clock: step k is at startSec + k * stepSec. */
export interface StepClock {
  startSec: number;
  stepSec: number;
  steps: number;
}

export interface InstanceSeries {
  instance: string;
  /** Readings on the clock's steps; NaN where there was none (or NaN/Inf), and outside the judged stretch. */
  values: Float64Array;
  /** Unix seconds of each restart seen. */
  restarts: number[];
  /** Steps with a reading in the judged stretch. */
  points: number;
  /** Readings that were NaN or infinite. */
  nonFinite: number;
}

export interface SideSeries {
  judged: InstanceSeries[];
  /** Instances seen but left out (too short a stretch), with why. */
  leftOut: { instance: string; why: string; restarts: number[] }[];
}

export interface CellSeries {
  sides: Record<SideName, SideSeries>;
  warnings: string[];
}

const iso = (sec: number) => new Date(sec * 1000).toISOString().replace('.000Z', 'Z');

/** The labels that differ between two series: what a narrower selector should pin. */
function differingLabels(a: Record<string, string>, b: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => k !== '__name__' && a[k] !== b[k]).sort();
}

interface Segment {
  from: number;
  to: number;
}

/** Reads one side's series of one cell onto the clock, instance by instance. */
export function sideSeries(
  series: readonly RangeSeries[],
  clock: StepClock,
  options: { instanceLabel: string; selector: string; cell: string; side: SideName; dropIsRestart?: boolean },
): SideSeries {
  const { instanceLabel, selector, cell, side } = options;
  // A Go heap gauge halves at a GC without any restart: there only a new series is one.
  const dropIsRestart = options.dropIsRestart ?? true;
  const byInstance = new Map<string, RangeSeries[]>();
  for (const s of series) {
    const instance = s.metric[instanceLabel];
    if (instance === undefined) {
      const labels = Object.keys(s.metric)
        .filter((k) => k !== '__name__')
        .sort()
        .join(', ');
      throw new UsageError(
        `cell ${cell}, ${side}: a series of ${selector} has no "${instanceLabel}" label (its labels: ${labels || 'none'}); name the label that tells instances apart with --instance-label (e.g. --instance-label pod).`,
      );
    }
    const list = byInstance.get(instance);
    if (list) list.push(s);
    else byInstance.set(instance, [s]);
  }
  const judged: InstanceSeries[] = [];
  const leftOut: SideSeries['leftOut'] = [];
  for (const [instance, list] of [...byInstance].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    // Typed arrays: a fleet holds millions of readings, and boxed numbers would be garbage to collect.
    const values = new Float64Array(clock.steps).fill(NaN);
    const owner = new Int32Array(clock.steps).fill(-1);
    let nonFinite = 0;
    // Oldest first, so that where a restarted instance's old series is still answered (a store repeats
    // a series' last value for its lookback, 5 minutes in Prometheus, unless a stale marker ends it),
    // the new series wins.
    const ordered = list
      .map((s, index) => ({
        s,
        index,
        first: s.t.length ? s.t[0] : Infinity,
        last: s.t.length ? s.t[s.t.length - 1] : -Infinity,
      }))
      .sort((a, b) => a.first - b.first);
    for (let j = 1; j < ordered.length; j++) {
      const before = ordered[j - 1];
      const after = ordered[j];
      if (after.first <= before.last && (before.last - after.first > LOOKBACK_SEC || before.last >= after.last)) {
        const differ = differingLabels(before.s.metric, after.s.metric);
        throw new UsageError(
          `cell ${cell}, ${side}: ${selector} gives instance "${instance}" ${list.length} series at once (from ${iso(after.first)} to ${iso(Math.min(before.last, after.last))}; they differ in ${differ.join(', ') || 'nothing but their name'}), so it selects more series than the cell has instances; add a matcher to --metric that keeps one series per instance (e.g. ${differ[0] ?? 'container'}="...") or name the instance label with --instance-label.`,
        );
      }
    }
    for (const { s, index } of ordered) {
      for (let p = 0; p < s.t.length; p++) {
        const k = Math.round((s.t[p] - clock.startSec) / clock.stepSec);
        if (k < 0 || k >= clock.steps) continue;
        owner[k] = index;
        const v = s.v[p];
        if (Number.isFinite(v)) values[k] = v;
        else {
          values[k] = NaN;
          nonFinite++;
        }
      }
    }
    // Stretches between restarts: a new series of the instance, or a fall below half the last reading.
    const segments: Segment[] = [];
    const restarts: number[] = [];
    let current: Segment | null = null;
    let lastOwner = -1;
    let lastValue = NaN;
    for (let k = 0; k < clock.steps; k++) {
      const v = values[k];
      if (Number.isNaN(v)) continue;
      const restart = current !== null && (owner[k] !== lastOwner || (dropIsRestart && v < RESTART_DROP * lastValue));
      if (restart) {
        restarts.push(clock.startSec + k * clock.stepSec);
        segments.push(current!);
        current = null;
      }
      if (current === null) current = { from: k, to: k };
      current.to = k;
      lastOwner = owner[k];
      lastValue = v;
    }
    if (current) segments.push(current);
    // A process that just (re)started warms up (its heap grows to its GC goal): that rise is not a leak.
    const settle = Math.ceil(RESTART_SETTLE_SEC / clock.stepSec);
    for (const [n, seg] of segments.entries()) if (n > 0) seg.from = Math.min(seg.to + 1, seg.from + settle);
    const count = (seg: Segment) => {
      let n = 0;
      for (let k = seg.from; k <= seg.to; k++) if (!Number.isNaN(values[k])) n++;
      return n;
    };
    const longest = segments.reduce<Segment | null>(
      (best, seg) => (best === null || count(seg) > count(best) ? seg : best),
      null,
    );
    const points = longest ? count(longest) : 0;
    const spanSteps = longest ? longest.to - longest.from + 1 : 0;
    if (longest) {
      values.fill(NaN, 0, longest.from);
      values.fill(NaN, longest.to + 1);
    }
    const name = JSON.stringify(instance);
    if (points < MIN_INSTANCE_POINTS || spanSteps < MIN_COVERAGE * clock.steps) {
      const why =
        points === 0
          ? 'no finite reading in the window'
          : `judged stretch ${points} readings over ${Math.round((100 * spanSteps) / clock.steps)}% of the window${restarts.length ? ` (after ${restarts.length} restart(s))` : ''}; at least ${MIN_INSTANCE_POINTS} readings over ${MIN_COVERAGE * 100}% are needed`;
      leftOut.push({ instance, why: `${side} instance ${name} left out: ${why}`, restarts });
      continue;
    }
    judged.push({ instance, values, restarts, points, nonFinite });
  }
  return { judged, leftOut };
}

/** Warnings a cell's readers must see: each restart by instance, instances left out, NaN readings. */
export function seriesWarnings(sides: Record<SideName, SideSeries>): string[] {
  const warnings: string[] = [];
  for (const side of SIDES) {
    for (const i of [...sides[side].judged, ...sides[side].leftOut]) {
      for (const at of i.restarts)
        warnings.push(
          `${side} instance ${JSON.stringify(i.instance)} restarted at ${iso(at)}${'values' in i ? '; judged on its longest stretch without a restart' : ''}`,
        );
    }
    for (const left of sides[side].leftOut) warnings.push(left.why);
    const nan = sides[side].judged.reduce((a, i) => a + i.nonFinite, 0);
    if (nan > 0) warnings.push(`${side}: ${nan} reading(s) were NaN or infinite and are treated as missing`);
  }
  return warnings;
}

export interface CellBundleOptions {
  clock: StepClock;
  /** Label text of each side's selector, for the report (`command` of a local run). */
  selectors: Record<SideName, string>;
  /** What the store cannot show (said in the report). */
  limitations: string[];
  warnings: string[];
  createdAt: string;
  schema: string;
  memgateVersion: string;
}

/** The cell as a bundle: the shared clock is the query's steps (t in ms from the window's start); no warm-up. */
export function cellBundle(sides: Record<SideName, SideSeries>, options: CellBundleOptions): Bundle {
  const { clock } = options;
  const samples: MemorySample[] = [];
  const cols = { baseline: sides.baseline.judged.map((i) => i.values), gray: sides.gray.judged.map((i) => i.values) };
  /** Step k of each instance (null where it had no reading) and their mean. */
  const at = (columns: Float64Array[], k: number): { readings: (number | null)[]; mean: number | null } => {
    const readings = new Array<number | null>(columns.length);
    let sum = 0;
    let n = 0;
    for (let i = 0; i < columns.length; i++) {
      const v = columns[i][k];
      if (Number.isNaN(v)) readings[i] = null;
      else {
        readings[i] = v;
        sum += v;
        n++;
      }
    }
    return { readings, mean: n ? sum / n : null };
  };
  for (let k = 0; k < clock.steps; k++) {
    const baseline = at(cols.baseline, k);
    const gray = at(cols.gray, k);
    samples.push({
      t: Math.round(k * clock.stepSec * 1000),
      baseline: baseline.mean,
      gray: gray.mean,
      instances: { baseline: baseline.readings, gray: gray.readings },
    });
  }
  const meta = (side: SideName): SideMeta => ({
    command: options.selectors[side],
    port: null,
    location: options.selectors[side],
    instances: sides[side].judged.map((i) => ({ command: options.selectors[side], port: null, location: i.instance })),
  });
  const final = (side: SideName): SideFinal => ({
    peakBytes: null,
    oomKills: null,
    exit: null,
    instances: sides[side].judged.map(() => ({ peakBytes: null, oomKills: null, exit: null })),
  });
  const replicas = Math.min(sides.baseline.judged.length, sides.gray.judged.length);
  return {
    meta: {
      schema: options.schema,
      memgateVersion: options.memgateVersion,
      createdAt: options.createdAt,
      driver: 'prometheus',
      limitations: options.limitations,
      warmupMs: 0,
      durationMs: Math.round((clock.steps - 1) * clock.stepSec * 1000),
      intervalMs: Math.round(clock.stepSec * 1000),
      memoryMaxBytes: null,
      load: null,
      replicas,
      memProfileRate: null,
      sides: { baseline: meta('baseline'), gray: meta('gray') },
      warnings: options.warnings,
      endedEarly: null,
    },
    samples,
    stats: [],
    final: { baseline: final('baseline'), gray: final('gray') },
  };
}

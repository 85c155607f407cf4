// Where a fleet's samples come from: a Prometheus-compatible store. Finds the cells (one instant query
// per side), then reads each cell with one range query (both sides, tagged by the store) with bounded
// concurrency, and turns the answer into the bundle a local run would have made.
import { BUNDLE_SCHEMA, VERSION } from '../../model/constants.ts';
import type { Bundle } from '../../model/bundle.ts';
import { UsageError } from '../../model/errors.ts';
import { SIDES, type SideName } from '../../model/sides.ts';
import type { PromClient, RangeSeries } from './client.ts';
import { SIDE_LABEL, cellRangeQuery, discoveryQuery, selectorText, type Selector } from './selector.ts';
import { cellBundle, seriesWarnings, sideSeries, type SideSeries, type StepClock } from './series.ts';

/** A range query answers at most this many points per series (Prometheus' limit; others share it). */
export const MAX_POINTS_PER_SERIES = 11_000;
export const DEFAULT_STEP_SEC = 15;

export interface FleetQuery {
  metric: Selector;
  /** --baseline and --gray label matchers. */
  sides: Record<SideName, string[]>;
  /** Cell labels in the store, in --by order (a dimension's own name, or the label it maps to). */
  cellLabels: string[];
  instanceLabel: string;
  /** Optional corroboration: the Go heap in use, e.g. go_memstats_heap_inuse_bytes (same matchers added). */
  heapMetric: Selector | null;
  clock: StepClock;
  windowSec: number;
  endSec: number;
}

/**
 * The step: the one asked for (or 15 s), raised when the window would need more than the API's
 * 11,000 points a series. Returns the warning to print when it was raised.
 */
export function chooseStep(windowSec: number, askedSec: number | null): { stepSec: number; warning: string | null } {
  const wanted = askedSec ?? DEFAULT_STEP_SEC;
  const least = Math.ceil(windowSec / (MAX_POINTS_PER_SERIES - 1));
  if (wanted >= least) return { stepSec: wanted, warning: null };
  return {
    stepSec: least,
    warning:
      askedSec === null
        ? null
        : `--step ${askedSec}s would need more than ${MAX_POINTS_PER_SERIES} points a series over the window; using ${least}s`,
  };
}

export function clockOf(endSec: number, windowSec: number, stepSec: number): StepClock {
  return { startSec: endSec - windowSec, stepSec, steps: Math.floor(windowSec / stepSec + 1e-9) + 1 };
}

/** Runs fn over items with at most `limit` at a time, results in item order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

export interface DiscoveredCell {
  /** Label values as the store has them (cell ids lowercase them). */
  labels: Record<string, string>;
  series: Record<SideName, number>;
}

/** The cells holding series of either side over the window, with each side's series count. */
export async function discoverCells(
  client: PromClient,
  q: FleetQuery,
): Promise<{ cells: DiscoveredCell[]; warnings: string[] }> {
  const found = new Map<string, DiscoveredCell>();
  const warnings: string[] = [];
  for (const side of SIDES) {
    const query = discoveryQuery(q.metric, q.sides[side], q.cellLabels, q.windowSec);
    const answer = await client.query(query, q.endSec);
    warnings.push(...answer.warnings.map((w) => `store warning (${side} cells): ${w}`));
    let unlabelled = 0;
    for (const sample of answer.samples) {
      const labels = Object.fromEntries(q.cellLabels.map((l) => [l, sample.metric[l] ?? '']));
      const count = Number(sample.value[1]);
      if (Object.values(labels).some((v) => v === '')) {
        unlabelled += count;
        continue;
      }
      const key = JSON.stringify(q.cellLabels.map((l) => labels[l]));
      const cell = found.get(key) ?? { labels, series: { baseline: 0, gray: 0 } };
      cell.series[side] += count;
      found.set(key, cell);
    }
    if (unlabelled > 0)
      warnings.push(
        `${unlabelled} ${side} series of ${selectorText(q.metric, q.sides[side])} lack one of the labels ${q.cellLabels.join(', ')} and belong to no cell; they are left out`,
      );
  }
  return { cells: [...found.values()], warnings };
}

export interface CellData {
  sides: Record<SideName, SideSeries>;
  /** The heap metric's series per side (same instances), when --heap-metric was given. */
  heap: Record<SideName, SideSeries> | null;
  warnings: string[];
  /** Each side's selector for this cell, as sent. */
  selectors: Record<SideName, string>;
}

function split(series: readonly RangeSeries[]): Record<SideName, RangeSeries[]> {
  const out: Record<SideName, RangeSeries[]> = { baseline: [], gray: [] };
  for (const s of series) {
    const side = s.metric[SIDE_LABEL];
    if (side === 'baseline' || side === 'gray') {
      const { [SIDE_LABEL]: _side, ...metric } = s.metric;
      out[side].push({ metric, t: s.t, v: s.v });
    }
  }
  return out;
}

function checkSidesApart(
  sides: Record<SideName, RangeSeries[]>,
  instanceLabel: string,
  cell: string,
  q: FleetQuery,
): void {
  const baseline = new Set(sides.baseline.map((s) => s.metric[instanceLabel]));
  const both = sides.gray.map((s) => s.metric[instanceLabel]).find((i) => i !== undefined && baseline.has(i));
  if (both !== undefined) {
    throw new UsageError(
      `cell ${cell}: instance ${JSON.stringify(both)} matches both --baseline (${q.sides.baseline.join(',')}) and --gray (${q.sides.gray.join(',')}); make the two sets of matchers exclusive.`,
    );
  }
}

/** One cell's readings: one range query for both sides (and one for the heap metric). */
export async function fetchCell(
  client: PromClient,
  q: FleetQuery,
  cell: readonly string[],
  cellId: string,
): Promise<CellData> {
  const selectors = {
    baseline: selectorText(q.metric, [...cell, ...q.sides.baseline]),
    gray: selectorText(q.metric, [...cell, ...q.sides.gray]),
  };
  const { clock } = q;
  const endSec = clock.startSec + (clock.steps - 1) * clock.stepSec;
  const answer = await client.queryRange(
    cellRangeQuery(q.metric, q.sides, cell),
    clock.startSec,
    endSec,
    clock.stepSec,
  );
  const warnings = answer.warnings.map((w) => `store warning: ${w}`);
  const bySide = split(answer.series);
  checkSidesApart(bySide, q.instanceLabel, cellId, q);
  const sides = {
    baseline: sideSeries(bySide.baseline, clock, {
      instanceLabel: q.instanceLabel,
      selector: selectors.baseline,
      cell: cellId,
      side: 'baseline',
    }),
    gray: sideSeries(bySide.gray, clock, {
      instanceLabel: q.instanceLabel,
      selector: selectors.gray,
      cell: cellId,
      side: 'gray',
    }),
  };
  let heap: CellData['heap'] = null;
  if (q.heapMetric) {
    const heapAnswer = await client.queryRange(
      cellRangeQuery(q.heapMetric, q.sides, cell),
      clock.startSec,
      endSec,
      clock.stepSec,
    );
    warnings.push(...heapAnswer.warnings.map((w) => `store warning (heap metric): ${w}`));
    const heapSides = split(heapAnswer.series);
    heap = {
      baseline: sideSeries(heapSides.baseline, clock, {
        instanceLabel: q.instanceLabel,
        selector: selectorText(q.heapMetric, [...cell, ...q.sides.baseline]),
        cell: cellId,
        side: 'baseline',
        dropIsRestart: false,
      }),
      gray: sideSeries(heapSides.gray, clock, {
        instanceLabel: q.instanceLabel,
        selector: selectorText(q.heapMetric, [...cell, ...q.sides.gray]),
        cell: cellId,
        side: 'gray',
        dropIsRestart: false,
      }),
    };
  }
  return { sides, heap, warnings: [...warnings, ...seriesWarnings(sides)], selectors };
}

/** What a store's series cannot show, said in every cell's report. */
export function storeLimitations(q: FleetQuery): string[] {
  return [
    `memory read from a Prometheus-compatible store (${selectorText(q.metric)}) at ${q.clock.stepSec}s steps: what the series shows and nothing else; no OOM kill counter, no exit statuses, no memory.stat split, no heap profiles`,
  ];
}

/** The cell's bundle, for the judge. */
export function cellDataBundle(data: CellData, q: FleetQuery, warnings: readonly string[]): Bundle {
  return cellBundle(data.sides, {
    clock: q.clock,
    selectors: data.selectors,
    limitations: storeLimitations(q),
    warnings: [...warnings],
    createdAt: new Date().toISOString(),
    schema: BUNDLE_SCHEMA,
    memgateVersion: VERSION,
  });
}

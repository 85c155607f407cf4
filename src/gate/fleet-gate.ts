// A fleet cell through the same middle as a local run: its series -> a bundle -> analyze -> judge ->
// report, and the cell's entry of the fleet report. The fleet adds what the judge cannot know from a
// bundle: a cell with one side only or too few instances a side is inconclusive, a store that fails
// the cell's query makes it inconclusive, and --heap-metric is evidence beside the verdict.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReportFile, HtmlReportFile } from '../model/constants.ts';
import { SIDES, type SideName } from '../model/sides.ts';
import { formatRate } from '../model/units.ts';
import type { JudgeSettings } from '../model/settings.ts';
import { UsageError, errorMessage } from '../model/errors.ts';
import { analyze } from '../analyze/analyze.ts';
import { analyzeEvidence } from '../analyze/evidence.ts';
import { floorBinSeconds, floorIndices } from '../analyze/stats.ts';
import { intervalOf, olsSlope, pooledDifference } from '../analyze/intervals.ts';
import { judge } from '../judge/judge.ts';
import { buildReport, exitCodeOf, type Report } from '../report/report-json.ts';
import type { FleetCell, FleetInstance, FleetReason, HeapEvidence } from '../report/fleet-report.ts';
import { renderHtml } from '../report/html.ts';
import { Option } from '../model/constants.ts';
import type { FleetPlan } from '../model/fleet.ts';
import { PromClient, StoreError } from '../source/prometheus/client.ts';
import {
  cellDataBundle,
  chooseStep,
  clockOf,
  discoverCells,
  fetchCell,
  mapLimit,
  type CellData,
  type DiscoveredCell,
  type FleetQuery,
} from '../source/prometheus/fleet-source.ts';
import { parseMatchers, parseSelector, quoteLabelValue, selectorText } from '../source/prometheus/selector.ts';
import { instancePprofUrl, snapshotProfiles, type PprofTargets } from '../source/prometheus/pprof.ts';
import type { SideSeries, StepClock } from '../source/prometheus/series.ts';

export interface CellTarget {
  /** Fuse cell id. */
  id: string;
  /** Store label values that make the cell (for the report). */
  labels: Record<string, string>;
  /** Matchers that select the cell in the store. */
  matchers: string[];
}

const emptyInstances = () => ({ baseline: [] as FleetInstance[], gray: [] as FleetInstance[] });

function undecided(
  target: CellTarget,
  reason: FleetReason,
  settings: JudgeSettings,
  warnings: string[] = [],
  extra: Partial<FleetCell> = {},
): FleetCell {
  return {
    cell: target.id,
    labels: target.labels,
    verdict: 'inconclusive',
    grade: null,
    exitCode: exitCodeOf('inconclusive', settings.onInconclusive),
    reasons: [reason],
    instances: emptyInstances(),
    leftOut: { baseline: [], gray: [] },
    restarts: 0,
    p95Increase: null,
    slopeDifference: null,
    heap: null,
    warnings,
    profiles: null,
    fuse: null,
    report: null,
    ...extra,
  };
}

/** A heap series' floor slope per instance (bytes/s), as the judge fits memory's: over floor bins. */
function floorSlope(values: Float64Array, clock: StepClock): number | null {
  const t: number[] = [];
  const v: number[] = [];
  for (let k = 0; k < values.length; k++)
    if (!Number.isNaN(values[k])) {
      t.push(k * clock.stepSec);
      v.push(values[k]);
    }
  if (t.length < 2) return null;
  const floor = floorIndices(t, v, floorBinSeconds(t[t.length - 1] - t[0]));
  return (
    olsSlope(
      floor.map((i) => t[i]),
      floor.map((i) => v[i]),
    )?.value ?? null
  );
}

function heapEvidence(
  heap: Record<SideName, SideSeries>,
  clock: StepClock,
  metric: string,
  confidence: number,
): { evidence: HeapEvidence; perInstance: Record<SideName, Map<string, number | null>> } {
  const perInstance = { baseline: new Map<string, number | null>(), gray: new Map<string, number | null>() };
  for (const side of SIDES)
    for (const i of heap[side].judged) perInstance[side].set(i.instance, floorSlope(i.values, clock));
  const present = (side: SideName) => [...perInstance[side].values()].filter((v): v is number => v !== null);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const pooled = pooledDifference(present('gray'), present('baseline'));
  const interval = pooled ? intervalOf(pooled, confidence) : null;
  return {
    evidence: {
      metric,
      baselineBytesPerSec: mean(present('baseline')),
      grayBytesPerSec: mean(present('gray')),
      difference: interval ? { bytesPerSec: interval.value, low: interval.low, high: interval.high } : null,
    },
    perInstance,
  };
}

/** Judges one cell's data (already fetched). Pure apart from nothing: the caller writes files. */
export function judgeCellData(
  target: CellTarget,
  data: CellData,
  q: FleetQuery,
  settings: JudgeSettings & { minInstances: number; heapMetric: string | null },
  extraWarnings: readonly string[] = [],
): FleetCell {
  const warnings = [...extraWarnings, ...data.warnings];
  const counts = { baseline: data.sides.baseline.judged.length, gray: data.sides.gray.judged.length };
  const leftOut = {
    baseline: data.sides.baseline.leftOut.map((l) => l.instance),
    gray: data.sides.gray.leftOut.map((l) => l.instance),
  };
  const restarts = SIDES.reduce(
    (a, side) =>
      a + [...data.sides[side].judged, ...data.sides[side].leftOut].reduce((b, i) => b + i.restarts.length, 0),
    0,
  );
  const missing = SIDES.filter((side) => counts[side] === 0);
  if (missing.length > 0) {
    const has = SIDES.filter((side) => counts[side] > 0);
    const message = has.length
      ? `only ${has[0]} has instances to judge in this cell (${counts[has[0]]}); ${missing[0]} has none over the window (${data.selectors[missing[0]]}${leftOut[missing[0]].length ? `; ${leftOut[missing[0]].length} seen but too briefly` : ''}), so there is nothing to compare against`
      : `no instance of either side has enough readings in this cell over the window`;
    // Who was seen, without figures: the judge has nothing to compare them with.
    const seen = (side: SideName): FleetInstance[] =>
      data.sides[side].judged.map((i) => ({
        instance: i.instance,
        samples: i.points,
        p95Bytes: null,
        lastFloorBytes: null,
        slopeBytesPerSec: null,
        restarts: i.restarts.length,
        heapSlopeBytesPerSec: null,
      }));
    return undecided(
      target,
      {
        rule: 'fleet-one-side',
        outcome: 'inconclusive',
        message,
        measured: Math.min(counts.baseline, counts.gray),
        limit: settings.minInstances,
      },
      settings,
      warnings,
      { leftOut, restarts, instances: { baseline: seen('baseline'), gray: seen('gray') } },
    );
  }
  const bundle = cellDataBundle(data, q, warnings);
  const report: Report = buildReport(judge(analyze(bundle, 0), settings.limits), settings);
  const reasons: FleetReason[] = [...report.reasons];
  let verdict = report.verdict;
  const fewest = Math.min(counts.baseline, counts.gray);
  if (fewest < settings.minInstances) {
    // One or two processes a side cannot measure how far processes of one build drift apart.
    reasons.unshift({
      rule: 'fleet-instances',
      outcome: 'inconclusive',
      message: `too few instances to judge this cell (baseline ${counts.baseline}, gray ${counts.gray}; at least --min-instances ${settings.minInstances} a side); the judge's figures are shown, not acted on`,
      measured: fewest,
      limit: settings.minInstances,
    });
    verdict = 'inconclusive';
  }
  let heap: HeapEvidence | null = null;
  let heapSlopes: Record<SideName, Map<string, number | null>> | null = null;
  if (data.heap && settings.heapMetric) {
    const made = heapEvidence(data.heap, q.clock, settings.heapMetric, report.confidence);
    heap = made.evidence;
    heapSlopes = made.perInstance;
    if (heap.difference && verdict === 'fail' && heap.difference.high < 0) {
      warnings.push(
        `the heap metric does not corroborate: gray's heap floor grows no faster than baseline's (difference ${formatRate(heap.difference.bytesPerSec)})`,
      );
    }
  }
  const instances = (side: SideName): FleetInstance[] =>
    data.sides[side].judged.map((series, i) => {
      const figures = report[side].instances[i];
      return {
        instance: series.instance,
        samples: figures?.samples ?? 0,
        p95Bytes: figures?.p95Bytes ?? null,
        lastFloorBytes: figures?.lastFloorBytes ?? null,
        slopeBytesPerSec: figures?.slopeBytesPerSec ?? null,
        restarts: series.restarts.length,
        heapSlopeBytesPerSec: heapSlopes?.[side].get(series.instance) ?? null,
      };
    });
  return {
    cell: target.id,
    labels: target.labels,
    verdict,
    grade: verdict === 'inconclusive' ? null : report.grade,
    exitCode: verdict === report.verdict ? report.exitCode : exitCodeOf(verdict, settings.onInconclusive),
    reasons,
    instances: { baseline: instances('baseline'), gray: instances('gray') },
    leftOut,
    restarts,
    p95Increase: report.p95Increase,
    slopeDifference: report.slopeDifference
      ? {
          bytesPerSec: report.slopeDifference.bytesPerSec,
          low: report.slopeDifference.low,
          high: report.slopeDifference.high,
        }
      : null,
    heap,
    warnings,
    profiles: null,
    fuse: null,
    report,
  };
}

/** Fetches and judges one cell. A store that fails this cell's query makes it inconclusive; bad input (UsageError) ends the run. */
export async function judgeCell(
  client: PromClient,
  q: FleetQuery,
  target: CellTarget,
  settings: JudgeSettings & { minInstances: number; heapMetric: string | null },
): Promise<FleetCell> {
  let data: CellData;
  try {
    data = await fetchCell(client, q, target.matchers, target.id);
  } catch (error) {
    if (error instanceof UsageError || !(error instanceof StoreError)) throw error;
    return undecided(
      target,
      {
        rule: 'fleet-store',
        outcome: 'inconclusive',
        message: `the store could not answer for this cell: ${errorMessage(error)}`,
        measured: null,
        limit: null,
      },
      settings,
    );
  }
  return judgeCellData(target, data, q, settings);
}

/** OUT/cells/CELL/report.json and report.html: the judge's report of a judged cell, as `memgate run` writes it. */
export function writeCellReport(outDir: string, cell: FleetCell): string | null {
  if (!cell.report) return null;
  const dir = cellDir(outDir, cell.cell);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, ReportFile), JSON.stringify(cell.report, null, 2) + '\n');
  writeFileSync(join(dir, HtmlReportFile), renderHtml(cell.report));
  return dir;
}

/** A cell's directory: cell ids hold only letters, digits, ".", "_", "-", "=" and ",". */
export function cellDir(outDir: string, cell: string): string {
  return join(outDir, 'cells', cell.replace(/[^a-z0-9._=,-]/gi, '_'));
}

/** The store and the query every cell shares. */
export interface FleetSession {
  client: PromClient;
  query: FleetQuery;
  /** Each side's matchers and the metric as PromQL, for the report. */
  text: { metric: string; heapMetric: string | null; baseline: string; gray: string };
  warnings: string[];
}

/** Checks the selectors, picks the step, and makes the client (nothing is sent yet). */
export function openFleet(plan: FleetPlan, signal?: AbortSignal): FleetSession {
  const metric = parseSelector(plan.metric, Option.Metric);
  const heapMetric = plan.heapMetric === null ? null : parseSelector(plan.heapMetric, Option.HeapMetric);
  const sides = {
    baseline: parseMatchers(plan.baseline, Option.Baseline),
    gray: parseMatchers(plan.gray, Option.Gray),
  };
  if (sides.baseline.length === 0 || sides.gray.length === 0)
    throw new UsageError(
      `--${Option.Baseline} and --${Option.Gray} each need at least one label matcher, e.g. 'track="stable"' and 'track="canary"'.`,
    );
  const windowSec = plan.windowMs / 1000;
  const step = chooseStep(windowSec, plan.stepMs === null ? null : plan.stepMs / 1000);
  const client = new PromClient({
    baseUrl: plan.prometheusUrl,
    auth: plan.auth,
    timeoutMs: plan.queryTimeoutMs,
    signal,
  });
  const query: FleetQuery = {
    metric,
    sides,
    cellLabels: plan.by.map((b) => b.label),
    instanceLabel: plan.instanceLabel,
    heapMetric,
    clock: clockOf(plan.endSec, windowSec, step.stepSec),
    windowSec,
    endSec: plan.endSec,
  };
  return {
    client,
    query,
    text: {
      metric: selectorText(metric),
      heapMetric: heapMetric ? selectorText(heapMetric) : null,
      baseline: sides.baseline.join(','),
      gray: sides.gray.join(','),
    },
    warnings: step.warning ? [step.warning] : [],
  };
}

export async function discoverFleetCells(
  session: FleetSession,
): Promise<{ cells: DiscoveredCell[]; warnings: string[] }> {
  return discoverCells(session.client, session.query);
}

/** Judges the cells, at most `concurrency` queries in flight. */
export async function judgeCells(
  session: FleetSession,
  targets: readonly CellTarget[],
  settings: JudgeSettings & { minInstances: number; heapMetric: string | null },
  concurrency: number,
): Promise<FleetCell[]> {
  return mapLimit(targets, concurrency, (target) => judgeCell(session.client, session.query, target, settings));
}

/**
 * A cell's target: its label values matched regardless of case (cell ids are lowercase, a store's
 * labels need not be). Cell values hold only letters, digits, ".", "_" and "-": "." is the one to escape.
 */
export function targetOf(id: string, labels: Record<string, string>): CellTarget {
  const matchers = Object.entries(labels).map(
    ([label, value]) => `${label}=~${quoteLabelValue(`(?i)${value.replace(/\./g, '\\.')}`)}`,
  );
  return { id, labels, matchers };
}

/**
 * --pprof for a cell that blocked or warned: three snapshots of its steepest gray instance and its
 * median baseline instance, analysed as a local run's profiles; suspects and patterns only (the verdict
 * stands on the window's series).
 */
export async function profileCell(
  cell: FleetCell,
  template: string,
  intervalMs: number,
  signal?: AbortSignal,
): Promise<void> {
  const gray = [...cell.instances.gray].sort(
    (a, b) => (b.slopeBytesPerSec ?? -Infinity) - (a.slopeBytesPerSec ?? -Infinity),
  )[0];
  const baselines = [...cell.instances.baseline].sort((a, b) => (a.slopeBytesPerSec ?? 0) - (b.slopeBytesPerSec ?? 0));
  const baseline = baselines[Math.floor(baselines.length / 2)];
  const urls: PprofTargets = { baseline: null, gray: null };
  for (const [side, chosen] of [
    ['baseline', baseline],
    ['gray', gray],
  ] as const) {
    if (!chosen) continue;
    const made = instancePprofUrl(template, chosen.instance);
    if ('error' in made) cell.warnings.push(`--pprof: ${made.error}`);
    else urls[side] = made.url;
  }
  if (urls.gray === null) return;
  const set = await snapshotProfiles(urls, { snapshots: 3, intervalMs, timeoutMs: 10_000, signal });
  const evidence = analyzeEvidence(set, 0);
  cell.warnings.push(...(evidence?.warnings ?? []).map((w) => `live profiles: ${w}`));
  cell.profiles = {
    baseline: urls.baseline ? baseline!.instance : null,
    gray: gray!.instance,
    suspects: evidence?.suspects ?? [],
    patterns: evidence?.patterns ?? [],
  };
}

export { mapLimit };

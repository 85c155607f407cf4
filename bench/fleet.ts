// memgate fleet's cost at scale, without a store: a synthetic answer per cell (the JSON body
// query_range sends: [seconds, "value"] points) -> decoded as the client decodes it -> instance
// series (restarts, gaps) -> bundle -> analyze -> judge -> report, cell by cell as `memgate fleet` does. Prints the time of each stage, memgate's peak RSS
// and heap, and the cost per instance and per point, so that growth with cells and instances shows.
//
//   node bench/fleet.ts [--instances 5000] [--points 3600] [--cells 50] [--only-series] [--breakdown]
//
// --instances is per side over the whole fleet, spread evenly over --cells. --only-series stops
// before analyze (to size the store-facing half alone); --breakdown times analyze's per-instance
// parts on one series. Times are CPU time of this process (user + system), so that other work on a
// shared machine inflates them less than wall time; run it on a quiet machine all the same.
import { parseArgs } from 'node:util';
import { sideSeries, type StepClock } from '../src/source/prometheus/series.ts';
import { cellDataBundle, type CellData, type FleetQuery } from '../src/source/prometheus/fleet-source.ts';
import { matrixSeries } from '../src/source/prometheus/client.ts';
import { parseMatrixJson } from '../src/source/prometheus/matrix-json.ts';
import { judgeCellData } from '../src/gate/fleet-gate.ts';
import { analyze } from '../src/analyze/analyze.ts';
import { judge } from '../src/judge/judge.ts';
import { buildReport } from '../src/report/report-json.ts';
import { buildFleetReport, type FleetCell } from '../src/report/fleet-report.ts';

const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '5000' },
    points: { type: 'string', default: '3600' },
    cells: { type: 'string', default: '50' },
    'only-series': { type: 'boolean', default: false },
    breakdown: { type: 'boolean', default: false },
  },
});
const instances = Number(values.instances);
const points = Number(values.points);
const cells = Number(values.cells);
const perCell = Math.ceil(instances / cells);
const MiB = 2 ** 20;
const clock: StepClock = { startSec: 1_700_000_000, stepSec: 15, steps: points };
const limits = {
  maxP95Increase: 0.12,
  minP95DeltaBytes: 2 * MiB,
  maxSlopeIncrease: 1,
  minSlopeBytesPerSec: (512 * 1024) / 60,
};
const settings = { limits, warmupMs: 0, onInconclusive: 'fail' as const, minInstances: 2, heapMetric: null };

let seed = 7;
const random = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};

/** A series as the API writes it: labels and [seconds, "value"] points. */
type ApiSeries = { metric: Record<string, string>; values: [number, string][] };
type Answer = { data: { result: unknown[] } };

/** One cell's answer, as the store sends it (strings), gray leaking in every fifth cell. */
function cellAnswer(cell: number): Record<'baseline' | 'gray', ApiSeries[]> {
  const out = { baseline: [] as ApiSeries[], gray: [] as ApiSeries[] };
  for (const side of ['baseline', 'gray'] as const) {
    for (let i = 0; i < perCell; i++) {
      const offset = random() * 8 * MiB;
      const leak = side === 'gray' && cell % 5 === 0 ? (2 * MiB) / 60 : 0;
      const vals: [number, string][] = new Array(points);
      for (let k = 0; k < points; k++) {
        const t = clock.startSec + k * clock.stepSec;
        const v = 100 * MiB + offset + (((k * 15) % 60) / 60) * 4 * MiB + random() * MiB + leak * k * clock.stepSec;
        vals[k] = [t, String(Math.round(v))];
      }
      out[side].push({ metric: { instance: `c${cell}-${side}-${i}`, region: `r${cell}` }, values: vals });
    }
  }
  return out;
}

const query: FleetQuery = {
  metric: { name: 'process_resident_memory_bytes', matchers: [] },
  sides: { baseline: ['track="stable"'], gray: ['track="canary"'] },
  cellLabels: ['region'],
  instanceLabel: 'instance',
  heapMetric: null,
  clock,
  windowSec: (points - 1) * clock.stepSec,
  endSec: clock.startSec + (points - 1) * clock.stepSec,
};

const time = { generate: 0, decode: 0, series: 0, judge: 0 };
/** CPU milliseconds of this process (user + system). */
const performance = {
  now: () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  },
};
const wallStart = Date.now();
let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
const sampler = setInterval(sample, 50);
// Five cells' answers made up front and reused (the first of each five leaks): the generator's own
// garbage would otherwise be collected on memgate's time.
const TEMPLATES = Math.min(5, cells);
let t0 = performance.now();
const templates = Array.from({ length: TEMPLATES }, (_, c) => {
  const answer = cellAnswer(c);
  // As the store sends it: one JSON body a side.
  return {
    baseline: JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: answer.baseline } }),
    gray: JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: answer.gray } }),
  };
});
time.generate += performance.now() - t0;
const results: FleetCell[] = [];
let wall = 0;
for (let c = 0; c < cells; c++) {
  const bodies = templates[c % TEMPLATES];
  const wall0 = process.hrtime.bigint();
  t0 = performance.now();
  // Decoded as the client decodes them.
  const decoded = {
    baseline: matrixSeries((parseMatrixJson(bodies.baseline) as Answer).data.result, 'bench', 'x'),
    gray: matrixSeries((parseMatrixJson(bodies.gray) as Answer).data.result, 'bench', 'x'),
  };
  time.decode += performance.now() - t0;
  t0 = performance.now();
  const data: CellData = {
    sides: {
      baseline: sideSeries(decoded.baseline, clock, {
        instanceLabel: 'instance',
        selector: 'x',
        cell: `region=r${c}`,
        side: 'baseline',
      }),
      gray: sideSeries(decoded.gray, clock, {
        instanceLabel: 'instance',
        selector: 'x',
        cell: `region=r${c}`,
        side: 'gray',
      }),
    },
    heap: null,
    warnings: [],
    selectors: { baseline: 'x', gray: 'x' },
  };
  // judgeCellData makes the cell's bundle itself; alone, the store-facing half ends with it.
  if (values['only-series']) cellDataBundle(data, query, []);
  time.series += performance.now() - t0;
  sample();
  if (!values['only-series']) {
    t0 = performance.now();
    results.push(
      judgeCellData({ id: `region=r${c}`, labels: { region: `r${c}` }, matchers: [] }, data, query, settings),
    );
    time.judge += performance.now() - t0;
  }
  wall += Number(process.hrtime.bigint() - wall0) / 1e6;
  sample();
}
clearInterval(sampler);
const fleet = buildFleetReport(
  results,
  {
    store: 'bench',
    metric: 'x',
    heapMetric: null,
    baseline: 'x',
    gray: 'x',
    by: ['region'],
    instanceLabel: 'instance',
    windowMs: query.windowSec * 1000,
    end: '',
    stepMs: 15000,
    minInstances: 2,
    onInconclusive: 'fail',
    limits,
    stage: null,
    fuse: false,
  },
  { warnings: [], queries: cells },
);
const judged = perCell * cells * 2;
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `fleet: ${cells} cells x ${perCell} instances a side (${judged} series) x ${points} points = ${((judged * points) / 1e6).toFixed(1)} M points`,
);
console.log(`  generate answers (not memgate)     ${fmt(time.generate)}`);
console.log(
  `  decode the JSON bodies             ${fmt(time.decode)}  (${((time.decode * 1e6) / (judged * points)).toFixed(1)} ns a point)`,
);
console.log(
  `  series -> instances (on the clock)  ${fmt(time.series)}  (${((time.series * 1e6) / (judged * points)).toFixed(1)} ns a point)`,
);
if (!values['only-series']) {
  console.log(
    `  analyze -> judge -> report          ${fmt(time.judge)}  (${((time.judge * 1e3) / judged).toFixed(2)} us a series, ${((time.judge * 1e6) / (judged * points)).toFixed(1)} ns a point)`,
  );
  console.log(
    `  memgate total (without generating)  ${fmt(time.decode + time.series + time.judge)} CPU, ${fmt(wall)} wall (${fmt(Date.now() - wallStart)} wall with generating)`,
  );
  console.log(
    `  verdicts: ${fleet.summary.fail} fail, ${fleet.summary.pass} pass, ${fleet.summary.warn} warn, ${fleet.summary.inconclusive} inconclusive (every 5th cell leaks; 5 cells' answers reused)`,
  );
}
console.log(
  `  peak RSS ${(peakRss / MiB).toFixed(0)} MiB, peak heap ${(peakHeap / MiB).toFixed(0)} MiB (one cell's answer is held at a time)`,
);

// Kept for profiling one stage alone: node --cpu-prof bench/fleet.ts ...
export { analyze, judge, buildReport };

// What one instance's analysis costs, by part (the parts analyze.ts's analyzeInstance calls), on this
// run's series length: where the judge's time goes at fleet scale.
if (process.argv.includes('--breakdown')) {
  const { blockBootstrapQuantile, ewcSlopeOf, olsSlope } = await import('../src/analyze/intervals.ts');
  const { floorBinSeconds, floorIndices, p95 } = await import('../src/analyze/stats.ts');
  const t = Float64Array.from({ length: points }, (_, k) => k * clock.stepSec);
  const v = Float64Array.from(
    { length: points },
    (_, k) => 100 * MiB + (((k * 15) % 60) / 60) * 4 * MiB + random() * MiB,
  );
  const bin = floorBinSeconds(t[t.length - 1]);
  const timeIt = (name: string, n: number, fn: () => unknown) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    const per = (performance.now() - t0) / n;
    console.log(
      `  ${name.padEnd(46)} ${per.toFixed(3)} ms a series -> ${((per * judged) / 1000).toFixed(1)} s for ${judged} series`,
    );
  };
  console.log(`per-instance parts of analyze (${points} points a series):`);
  timeIt('p95 (selection)', 200, () => p95(v));
  timeIt('floorIndices', 200, () => floorIndices(t, v, bin));
  const floor = floorIndices(t, v, bin);
  const ft = Float64Array.from(floor, (i) => t[i]);
  const fv = Float64Array.from(floor, (i) => v[i]);
  timeIt(`olsSlope (${floor.length} floor points; replicas)`, 200, () => olsSlope(ft, fv));
  timeIt(`ewcSlopeOf (${floor.length} floor points; one a side)`, 50, () => ewcSlopeOf(ft, fv));
  timeIt('blockBootstrapQuantile (P95 error; one a side)', 5, () =>
    blockBootstrapQuantile(v, 0.95, bin / clock.stepSec),
  );
}

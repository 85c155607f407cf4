// The pure parts of memgate fleet: selectors and matchers, --by and --end, the step, and how a cell's
// series become instances (restarts, the store's lookback, NaN, coverage, several series at once).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseMatchers,
  parseSelector,
  selectorText,
  cellRangeQuery,
  discoveryQuery,
  quoteLabelValue,
} from '../src/source/prometheus/selector.ts';
import { parseBy, parseEnd, buildFleetPlan } from '../src/config/fleet-plan.ts';
import { chooseStep, clockOf, mapLimit } from '../src/source/prometheus/fleet-source.ts';
import { sideSeries, cellBundle, RESTART_SETTLE_SEC, type StepClock } from '../src/source/prometheus/series.ts';
import { displayUrl, rangeSeries } from '../src/source/prometheus/client.ts';
import { instancePprofUrl } from '../src/source/prometheus/pprof.ts';
import { UsageError } from '../src/model/errors.ts';
import { renderFleetMarkdown, buildFleetReport, type FleetCell } from '../src/report/fleet-report.ts';
import { utf8Bytes } from '../src/report/markdown.ts';

test('selectors: a metric with matchers, matchers with every operator and quote, and clear errors', () => {
  assert.deepEqual(parseSelector('process_resident_memory_bytes{job="shop", env!~"test|dev"}', 'metric'), {
    name: 'process_resident_memory_bytes',
    matchers: ['job="shop"', 'env!~"test|dev"'],
  });
  assert.deepEqual(parseSelector('{__name__="x"}', 'metric'), { name: null, matchers: ['__name__="x"'] });
  assert.deepEqual(parseMatchers(`track=~'canary|gray',zone!="a\\"b", x=\`raw\``, 'gray'), [
    `track=~'canary|gray'`,
    'zone!="a\\"b"',
    'x=`raw`',
  ]);
  assert.deepEqual(parseMatchers('{track="stable"}', 'baseline'), ['track="stable"']);
  for (const [text, message] of [
    ['rate(x[5m])', /is not a series selector/],
    ['', /is empty/],
  ] as const)
    assert.throws(
      () => parseSelector(text, 'metric'),
      (e: Error) => e instanceof UsageError && message.test(e.message),
    );
  for (const [text, message] of [
    ['track=stable', /must be quoted/],
    ['track "stable"', /an operator \(=, !=, =~, !~\) is expected/],
    ['track="stable" zone="a"', /separated by commas/],
    ['track="stable', /no closing "/],
    ['1track="x"', /a label name is expected/],
  ] as const)
    assert.throws(
      () => parseMatchers(text, 'gray'),
      (e: Error) => e instanceof UsageError && message.test(e.message),
      text,
    );
  assert.equal(quoteLabelValue('a"b\\c\nd'), '"a\\"b\\\\c\\nd"');
  const metric = parseSelector('mem{job="shop"}', 'metric');
  assert.equal(selectorText(metric, ['track="x"']), 'mem{job="shop",track="x"}');
  assert.equal(
    cellRangeQuery(metric, { baseline: ['t="s"'], gray: ['t="c"'] }, ['region="eu"']),
    'label_replace(mem{job="shop",region="eu",t="s"}, "memgate_side", "baseline", "", "") or label_replace(mem{job="shop",region="eu",t="c"}, "memgate_side", "gray", "", "")',
  );
  assert.equal(
    discoveryQuery(metric, ['t="s"'], ['region', 'arch'], 1800),
    'count by (region,arch) (count_over_time(mem{job="shop",t="s"}[1800s]))',
  );
});

test('--by, --end and the plan: mapping, RFC 3339 or unix seconds, required options name the fix, credentials from the environment', () => {
  assert.deepEqual(parseBy('region=topology_region, arch'), [
    { dimension: 'region', label: 'topology_region' },
    { dimension: 'arch', label: 'arch' },
  ]);
  assert.throws(() => parseBy('region,region'), /region is given twice/);
  assert.throws(() => parseBy('region=a=b'), /is not DIMENSION or DIMENSION=LABEL/);
  assert.equal(parseEnd('2026-12-02T10:00:00Z', 0), Date.parse('2026-12-02T10:00:00Z') / 1000);
  assert.equal(parseEnd('1796200000', 0), 1796200000);
  assert.throws(() => parseEnd('1796200000000', 1796200000), /looks like milliseconds/);
  assert.throws(() => parseEnd('yesterday', 0), /neither RFC 3339/);
  const context = { cwd: '/', env: { MEMGATE_PROMETHEUS_TOKEN: 't0k' }, nowSec: 1796200000.5 };
  const raw = { prometheus: 'http://p:9090', metric: 'mem', baseline: 't="s"', gray: 't="c"', by: 'region' };
  const plan = buildFleetPlan(raw, context);
  assert.equal(plan.endSec, 1796200000);
  assert.equal(plan.windowMs, 30 * 60_000);
  assert.equal(plan.stepMs, null);
  assert.equal(plan.minInstances, 2);
  assert.equal(plan.auth.bearerToken, 't0k');
  assert.equal(plan.warmupMs, 0);
  assert.throws(() => buildFleetPlan({ ...raw, prometheus: '' }, context), /--prometheus is required/);
  assert.throws(() => buildFleetPlan({ ...raw, by: '' }, context), /--by is required/);
  assert.throws(() => buildFleetPlan({ ...raw, window: '20s' }, context), /--window must be at least 30s/);
  assert.throws(
    () => buildFleetPlan({ ...raw, step: '10m' }, context),
    /--step must be at least 1s and leave 8 readings/,
  );
  assert.throws(() => buildFleetPlan({ ...raw, stages: 'x.yml' }, context), /--stages FILE and --stage N go together/);
  assert.throws(() => buildFleetPlan({ ...raw, 'instance-label': 'region' }, context), /is also a cell label/);
  assert.throws(
    () => buildFleetPlan({ ...raw, 'prometheus-ca': '/nonexistent.pem' }, context),
    /--prometheus-ca \/nonexistent.pem: cannot read it \(ENOENT\)/,
  );
  assert.equal(displayUrl('https://u:secret@store:9090/prom/'), 'https://store:9090/prom');
  assert.equal(
    buildFleetPlan({ ...raw, pprof: 'http://{instance}/debug/pprof' }, context).pprof,
    'http://{instance}/debug/pprof',
  );
  assert.equal(buildFleetPlan({ ...raw, pprof: 'off' }, context).pprof, null);
  assert.throws(
    () => buildFleetPlan({ ...raw, pprof: 'http://127.0.0.1:{port}/debug/pprof' }, context),
    /with \{instance\} where the instance label's value goes/,
  );
  // Label values go into a URL only as a host[:port].
  assert.deepEqual(instancePprofUrl('http://{instance}/debug/pprof', '10.0.0.7:9100'), {
    url: 'http://10.0.0.7:9100/debug/pprof',
  });
  assert.deepEqual(instancePprofUrl('http://{instance}/debug/pprof', '[::1]:9100'), {
    url: 'http://[::1]:9100/debug/pprof',
  });
  for (const hostile of ['evil.com/x#', 'a@b', 'host:9100/../admin', ''])
    assert.ok('error' in instancePprofUrl('http://{instance}/debug/pprof', hostile), hostile);
});

test('the step: 15 s unless asked, raised to keep under 11,000 points a series; the clock covers the window', () => {
  assert.deepEqual(chooseStep(1800, null), { stepSec: 15, warning: null });
  assert.deepEqual(chooseStep(1800, 5), { stepSec: 5, warning: null });
  const raised = chooseStep(7 * 86400, 30);
  assert.equal(raised.stepSec, 55);
  assert.match(raised.warning!, /would need more than 11000 points/);
  assert.ok(clockOf(0, 7 * 86400, 55).steps <= 11_000);
  assert.deepEqual(clockOf(1000, 60, 15), { startSec: 940, stepSec: 15, steps: 5 });
});

test('mapLimit keeps order and never runs more than the limit at once', async () => {
  let running = 0;
  let most = 0;
  const results = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
    running++;
    most = Math.max(most, running);
    await new Promise((r) => setTimeout(r, n * 3));
    running--;
    return n * 10;
  });
  assert.deepEqual(results, [50, 10, 40, 20, 30]);
  assert.equal(most, 2);
});

const clock: StepClock = { startSec: 1000, stepSec: 10, steps: 121 }; // 20 minutes
const MiB = 2 ** 20;
const points = (from: number, to: number, value: (k: number) => number | string): [number, string][] => {
  const out: [number, string][] = [];
  for (let k = from; k <= to; k++) out.push([clock.startSec + k * clock.stepSec, String(value(k))]);
  return out;
};
type ApiSeries = { metric: Record<string, string>; values: [number, string][] };
const columns = (series: ApiSeries[]) => series.map((s) => rangeSeries(s.metric, s.values));
const read = (series: ApiSeries[]) =>
  sideSeries(columns(series), clock, {
    instanceLabel: 'instance',
    selector: 'mem{...}',
    cell: 'region=x',
    side: 'gray',
  });
const present = (values: Float64Array) => [...values].filter((v) => !Number.isNaN(v)).length;

test("a restart as a new series: reported, the store's lookback overlap resolved to the new series, the longest stretch judged after it settles", () => {
  // Old series to step 40, repeated by the store's lookback until step 60; the new one from step 45.
  const old = {
    metric: { instance: 'a', boot: '1' },
    values: points(0, 60, (k) => (k <= 40 ? 100 * MiB + k : 100 * MiB + 40)),
  };
  const fresh = { metric: { instance: 'a', boot: '2' }, values: points(45, 120, () => 90 * MiB) };
  const side = read([fresh, old]);
  assert.equal(side.judged.length, 1);
  const a = side.judged[0];
  assert.deepEqual(a.restarts, [clock.startSec + 45 * clock.stepSec]);
  const settle = RESTART_SETTLE_SEC / clock.stepSec;
  assert.equal(a.points, 120 - 45 - settle + 1, 'the new stretch, less its settling time');
  assert.ok(Number.isNaN(a.values[44 + settle]) && a.values[45 + settle] === 90 * MiB);
});

test('a restart as a drop in one series, NaN as missing, too short an instance left out, several series at once an error', () => {
  const drop = { metric: { instance: 'b' }, values: points(0, 120, (k) => (k < 100 ? 200 * MiB : 60 * MiB)) };
  const nan = {
    metric: { instance: 'c' },
    values: points(0, 120, (k) => (k % 10 === 3 ? 'NaN' : k % 10 === 4 ? '+Inf' : 100 * MiB)),
  };
  const brief = { metric: { instance: 'd' }, values: points(100, 120, () => 100 * MiB) };
  const side = read([drop, nan, brief]);
  const b = side.judged.find((i) => i.instance === 'b')!;
  assert.deepEqual(b.restarts, [clock.startSec + 100 * clock.stepSec]);
  assert.equal(b.points, 100, 'judged on the stretch before the drop');
  const c = side.judged.find((i) => i.instance === 'c')!;
  assert.equal(c.nonFinite, 24);
  assert.equal(present(c.values), 121 - 24);
  assert.deepEqual(c.restarts, [], 'a missing reading is no restart');
  assert.deepEqual(
    side.leftOut.map((l) => l.instance),
    ['d'],
  );
  assert.match(side.leftOut[0].why, /gray instance "d" left out: judged stretch 21 readings over 17% of the window/);

  // The heap metric: a GC halves it without a restart.
  const heap = sideSeries(columns([drop]), clock, {
    instanceLabel: 'instance',
    selector: 'heap',
    cell: 'region=x',
    side: 'gray',
    dropIsRestart: false,
  });
  assert.deepEqual(heap.judged[0].restarts, []);
  assert.equal(heap.judged[0].points, 121);

  const twice = [
    { metric: { instance: 'e', container: 'shop' }, values: points(0, 120, () => 1) },
    { metric: { instance: 'e', container: '' }, values: points(0, 120, () => 2) },
  ];
  assert.throws(
    () => read(twice),
    (e: Error) =>
      e instanceof UsageError &&
      /mem\{\.\.\.\} gives instance "e" 2 series at once .*they differ in container.*e\.g\. container="\.\.\."/.test(
        e.message,
      ),
  );
  assert.throws(
    () => read([{ metric: { pod: 'p' }, values: points(0, 10, () => 1) }]),
    /has no "instance" label \(its labels: pod\); name the label .* --instance-label/,
  );
});

test('a cell bundle: the query steps as the shared clock, null where an instance had no reading, side values the mean', () => {
  const gray = read([
    { metric: { instance: 'g1' }, values: points(0, 120, () => 10) },
    { metric: { instance: 'g2' }, values: points(0, 120, (k) => (k === 5 ? 'NaN' : 30)) },
  ]);
  const baseline = read([{ metric: { instance: 'b1' }, values: points(0, 120, () => 20) }]);
  const bundle = cellBundle(
    { baseline, gray },
    {
      clock,
      selectors: { baseline: 'b', gray: 'g' },
      limitations: ['x'],
      warnings: [],
      createdAt: '',
      schema: 's',
      memgateVersion: 'v',
    },
  );
  assert.equal(bundle.samples.length, 121);
  assert.deepEqual(bundle.samples[5], {
    t: 50_000,
    baseline: 20,
    gray: 10,
    instances: { baseline: [20], gray: [10, null] },
  });
  assert.equal(bundle.samples[6].gray, 20);
  assert.equal(bundle.meta.driver, 'prometheus');
  assert.equal(bundle.meta.warmupMs, 0);
  assert.equal(bundle.meta.durationMs, 1_200_000);
  assert.deepEqual(
    bundle.meta.sides.gray.instances!.map((i) => i.location),
    ['g1', 'g2'],
  );
});

test('the fleet Markdown stays within its budget, cutting cells and details with a note', () => {
  const cell = (n: number): FleetCell => ({
    cell: `region=r${n}`,
    labels: { region: `r${n}` },
    verdict: n % 2 ? 'fail' : 'pass',
    grade: n % 2 ? 'P1' : null,
    exitCode: n % 2,
    reasons:
      n % 2 ? [{ rule: 'slope-increase', outcome: 'block', message: 'x'.repeat(400), measured: 1, limit: 0 }] : [],
    instances: {
      baseline: [],
      gray: Array.from({ length: 5 }, (_, i) => ({
        instance: `i${i}`,
        samples: 1,
        p95Bytes: 1,
        lastFloorBytes: 1,
        slopeBytesPerSec: i,
        restarts: 0,
        heapSlopeBytesPerSec: null,
      })),
    },
    leftOut: { baseline: [], gray: [] },
    restarts: 0,
    p95Increase: 0.1,
    slopeDifference: null,
    heap: null,
    warnings: [],
    profiles: null,
    fuse: null,
    report: null,
  });
  const report = buildFleetReport(
    Array.from({ length: 2000 }, (_, n) => cell(n)),
    {
      store: 's',
      metric: 'm',
      heapMetric: null,
      baseline: 'b',
      gray: 'g',
      by: ['region'],
      instanceLabel: 'instance',
      windowMs: 1,
      end: 'e',
      stepMs: 1,
      minInstances: 2,
      onInconclusive: 'fail',
      limits: { maxP95Increase: 0, minP95DeltaBytes: 0, maxSlopeIncrease: 0, minSlopeBytesPerSec: 0 },
      stage: null,
      fuse: false,
    },
    { warnings: [], queries: 0 },
  );
  const md = renderFleetMarkdown(report, 60_000);
  assert.ok(utf8Bytes(md) <= 62_000, `${utf8Bytes(md)} bytes`);
  assert.match(md, /_\d+ more cells are not shown here; report.json has every cell._/);
  assert.match(md, /Details of further blocked cells are cut to fit/);
  assert.equal(report.cells[0].verdict, 'fail', 'blocked first');
});

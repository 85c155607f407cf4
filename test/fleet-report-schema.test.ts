// schema/fleet-report.schema.json against fleet reports: built from a synthetic fleet's series (every
// kind of cell: judged, one side, too few instances, fused, a store failure) with the cells' own
// reports checked by schema/report.schema.json through the $ref, and strictness (an unknown field fails).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fleetReportSchemaErrors as errors } from './helpers/fleet-report-schema.ts';
import { judgeCellData } from '../src/gate/fleet-gate.ts';
import { sideSeries } from '../src/source/prometheus/series.ts';
import { buildFleetReport, type FleetCell } from '../src/report/fleet-report.ts';
import type { FleetQuery } from '../src/source/prometheus/fleet-source.ts';
import { rangeSeries, type RangeSeries } from '../src/source/prometheus/client.ts';
import { instanceSeries, MiB } from './helpers/synthetic-fleet.ts';

const startSec = 1_796_000_000;
const clock = { startSec: startSec + 3600, stepSec: 15, steps: 241 };
const query: FleetQuery = {
  metric: { name: 'mem', matchers: [] },
  sides: { baseline: ['t="s"'], gray: ['t="c"'] },
  cellLabels: ['region'],
  instanceLabel: 'instance',
  heapMetric: null,
  clock,
  windowSec: 3600,
  endSec: startSec + 7200,
};
const settings = {
  limits: { maxP95Increase: 0.12, minP95DeltaBytes: 2 * MiB, maxSlopeIncrease: 1, minSlopeBytesPerSec: 8738 },
  warmupMs: 0,
  onInconclusive: 'fail' as const,
  minInstances: 2,
  heapMetric: null,
};

function side(n: number, leak = 0, seed = 1): RangeSeries[] {
  return Array.from({ length: n }, (_, i) =>
    instanceSeries({ instance: `i${i}` }, startSec, seed + i, {
      leakPerMin: leak,
      ...(i === 0 ? { dropAt: 0.9 } : {}),
    }),
  )
    .flat()
    .map((s) =>
      rangeSeries(
        s.labels,
        s.points.map(([t, v]) => [t, String(v)] as [number, string]),
      ),
    );
}
function cell(id: string, baseline: number, gray: number, leak = 0): FleetCell {
  const data = {
    sides: {
      baseline: sideSeries(side(baseline), clock, {
        instanceLabel: 'instance',
        selector: 's',
        cell: id,
        side: 'baseline',
      }),
      gray: sideSeries(side(gray, leak, 50), clock, {
        instanceLabel: 'instance',
        selector: 's',
        cell: id,
        side: 'gray',
      }),
    },
    heap: null,
    warnings: [],
    selectors: { baseline: 'b', gray: 'g' },
  };
  return judgeCellData({ id, labels: { region: id.split('=')[1] }, matchers: [] }, data, query, settings);
}

test("fleet reports of every kind of cell match schema/fleet-report.schema.json, the cells' reports report.schema.json", () => {
  const leak = cell('region=us-west-1', 4, 3, 2 * MiB);
  const healthy = cell('region=eu-central-1', 4, 3);
  const oneSide = cell('region=af-south-1', 0, 3);
  const few = cell('region=me-central-1', 4, 1);
  assert.equal(leak.verdict, 'fail');
  assert.equal(oneSide.reasons[0].rule, 'fleet-one-side');
  assert.equal(few.reasons[0].rule, 'fleet-instances');
  const fused: FleetCell = {
    ...oneSide,
    cell: 'region=ap-south-1',
    verdict: 'fused',
    reasons: [{ rule: 'fused', outcome: 'block', message: 'tripped', measured: null, limit: null }],
    fuse: { fused: true, reason: 'tripped', tripped: [] },
  };
  const report = buildFleetReport(
    [leak, healthy, oneSide, few, fused],
    {
      store: 'http://p',
      metric: 'mem{}',
      heapMetric: null,
      baseline: 't="s"',
      gray: 't="c"',
      by: ['region'],
      instanceLabel: 'instance',
      windowMs: 3_600_000,
      end: 'x',
      stepMs: 15000,
      minInstances: 2,
      onInconclusive: 'fail',
      limits: settings.limits,
      stage: { file: 's.yml', index: 2, name: 'rest' },
      fuse: true,
    },
    { warnings: ['w'], queries: 6 },
  );
  assert.deepEqual(errors(report), []);
  assert.ok(leak.report && healthy.report, "judged cells embed the judge's report");
  const unknown = { ...report, extra: 1 };
  assert.match(errors(unknown).join('\n'), /must NOT have additional properties/);
  const badCell = { ...report, cells: [{ ...leak, cell: 'Region=EU' }] };
  assert.ok(errors(badCell).some((e) => e.startsWith('/cells/0/cell')));
  const badInner = { ...report, cells: [{ ...leak, report: { ...leak.report, verdict: 'maybe' } }] };
  assert.ok(errors(badInner).length > 0, 'the embedded report is checked too');
});

// Issue 11: in fleet mode the Action prints the store's text (label values, instance names, reasons)
// between ::stop-commands:: markers, and neutralised: a value holding "\n::error::x" never becomes a
// runner command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFleetAction, type FleetCore } from '../src/action/fleet-action.ts';
import type { FleetReport } from '../src/report/fleet-report.ts';
import { startsRunnerCommand } from '../src/report/escape-commands.ts';

const HOSTILE = 'x\n::error::x\r::add-mask::y';

function fakeCore(inputs: Record<string, string>) {
  const info: string[] = [];
  const failed: string[] = [];
  const core: FleetCore = {
    getInput: (name) => inputs[name] ?? '',
    setFailed: (m) => void failed.push(m),
    info: (m) => void info.push(...m.split(/\r\n|\r|\n/)),
    notice: () => {},
    warning: () => {},
    annotate: () => {},
    writeSummary: async () => {},
    setOutput: () => {},
  };
  return { core, info, failed };
}

function hostileReport(): FleetReport {
  const instance = {
    instance: `canary-0${HOSTILE}`,
    samples: 100,
    p95Bytes: 2 ** 24,
    lastFloorBytes: 2 ** 23,
    slopeBytesPerSec: 4096,
    restarts: 0,
    heapSlopeBytesPerSec: null,
  };
  return {
    schema: 'memgate/fleet-report@1',
    memgateVersion: '0.0.0',
    verdict: 'fail',
    grade: 'P1',
    exitCode: 1,
    settings: {
      store: 'http://127.0.0.1:9',
      metric: 'mem',
      heapMetric: null,
      baseline: 'track="stable"',
      gray: 'track="canary"',
      by: ['region'],
      instanceLabel: 'instance',
      windowMs: 1_800_000,
      end: '2026-12-02T12:00:00Z',
      stepMs: 15_000,
      minInstances: 1,
      onInconclusive: 'fail',
      limits: {},
      stage: null,
      fuse: false,
    },
    summary: {
      cells: 1,
      pass: 0,
      warn: 0,
      fail: 1,
      inconclusive: 0,
      fused: 0,
      instances: { baseline: 1, gray: 1 },
      restarts: 0,
      queries: 3,
    },
    cells: [
      {
        cell: 'region=us-west-1',
        labels: { region: `us-west-1${HOSTILE}` },
        verdict: 'fail',
        grade: 'P1',
        exitCode: 1,
        reasons: [{ outcome: 'block', message: `floor slope of ${HOSTILE} rose` }],
        instances: { baseline: [{ ...instance, instance: 'stable-0' }], gray: [instance] },
        leftOut: { baseline: [], gray: [] },
        restarts: 0,
        p95Increase: 0.5,
        slopeDifference: { bytesPerSec: 4096, low: 1024, high: 8192 },
        heap: null,
        warnings: [HOSTILE],
        profiles: null,
        fuse: null,
        report: null,
      },
    ],
    warnings: [],
  } as unknown as FleetReport;
}

test('fleet mode: the console table between stop-commands markers, progress lines inert; no hostile runner command', async () => {
  const { core, info, failed } = fakeCore({
    mode: 'fleet',
    prometheus: 'http://127.0.0.1:9',
    metric: 'mem',
    baseline: 'track="stable"',
    gray: 'track="canary"',
    by: 'region',
    comment: 'never',
  });
  await runFleetAction(core, {}, new AbortController().signal, async ({ logger }) => {
    logger.info(`fleet: judging cell ${HOSTILE}`);
    return { report: hostileReport(), reportPath: '/x/report.json', htmlPath: '/x/report.html' } as Awaited<
      ReturnType<typeof import('../src/run/fleet-run.ts').fleetRun>
    >;
  });
  assert.equal(failed.length, 1, 'a blocked cell fails the step');
  const start = info.findIndex((l) => /^::stop-commands::[0-9a-f]{32}$/.test(l));
  assert.ok(start >= 0, `a stop-commands marker: ${info.join('\n')}`);
  const token = info[start].slice('::stop-commands::'.length);
  const end = info.indexOf(`::${token}::`);
  assert.ok(end > start, 'and its end');
  const table = info.slice(start + 1, end).join('\n');
  assert.match(table, /canary-0x/, 'the hostile instance is shown');
  assert.match(table, /floor slope of x/, 'and the hostile reason');
  const commands = info.filter(startsRunnerCommand);
  assert.deepEqual(commands, [info[start], info[end]], 'the markers are the only runner commands printed');
  assert.ok(
    info.some((l) => l.startsWith('fleet: judging cell x')),
    'progress lines are printed, made inert',
  );
});

// schema/report.schema.json against real reports: each built by the same analyze -> judge -> report
// path the CLI takes, from bundles that hold the recorded profiles of every Go fixture (test/data),
// an eBPF trace, replicas, deaths, OOM kills, a memory limit, too little data and a degraded driver. The
// schema is strict (no unknown fields), so a report field added, renamed or retyped fails here
// until the schema follows. (test/gate-e2e.test.ts checks the report.json of a real run too.)
// To follow a change of src/report/report-json.ts: add, rename or retype the field in
// schema/report.schema.json (nested objects are under $defs), list it in `required` unless the code
// may leave it out, keep `additionalProperties: false`; a new report version changes the const of
// `schema` and the title. If a new field can only appear in some situation, add a report here that
// has it (and a `seen` line), so the schema's part for it is exercised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readProfileSet } from '../src/collect/pprof-bundle.ts';
import { parseJudgeSettings } from '../src/config/plan.ts';
import { judgeBundle } from '../src/gate/judge-bundle.ts';
import { levelsAt, lookWindows } from '../src/gate/watch.ts';
import { EBPF_TRACE_SCHEMA, type EbpfSideTrace, type EbpfTrace } from '../src/model/ebpf.ts';
import type { Frame } from '../src/model/frame.ts';
import type { Report } from '../src/report/report-json.ts';
import { makeBundle, MiB } from './helpers/bundles.ts';
import { assertValidReport, REPORT_SCHEMA_PATH, reportSchemaErrors } from './helpers/report-schema.ts';

const DATA = join(import.meta.dirname, 'data/pprof');
const VARIANTS = ['healthy', 'leak-map', 'ticker', 'transport', 'blocked', 'pool', 'bufgrowth'];
const settings = parseJudgeSettings({ warmup: '1s' });
const recorded = (variant: string) => readProfileSet(join(DATA, variant))!;

const f = (fn: string, file = '', line = 0): Frame => ({ fn, file, line });
const ALLOC = [f('runtime.mProf_Malloc'), f('runtime.mallocgc', '/usr/lib/go/src/runtime/malloc.go', 1114)];
const REMEMBER = [
  ...ALLOC,
  f('main.(*sessionStore).remember', '/src/service/regress_leak_map.go', 32),
  f('main.installRegression.func1', '/src/service/regress_leak_map.go', 50),
];
const CHURN = [
  ...ALLOC,
  f('main.churnBurst', '/src/service/main.go', 182),
  f('main.churn', '/src/service/main.go', 172),
];

function ebpfSide(stacks: [Frame[], number, number][]): EbpfSideTrace {
  return {
    binary: '/bin/svc',
    goVersion: 'go1.19.8',
    arch: 'amd64',
    pids: [100],
    memProfileRate: 524288,
    startMs: 5000,
    endMs: 25000,
    stacks: stacks.map(([frames, samples, size]) => ({
      frames,
      samples,
      sampledBytes: samples * size,
      goroutines: [{ goid: 7, samples, sampledBytes: samples * size }],
    })),
  };
}

function ebpfTrace(baseline: EbpfSideTrace | null, gray: EbpfSideTrace | null): EbpfTrace {
  return {
    schema: EBPF_TRACE_SCHEMA,
    mode: 'sampled',
    sampleRate: 1,
    stackDepth: 8,
    tracer: 'bpftrace v0.17.0',
    sides: { baseline, gray },
    warnings: baseline ? [] : ['baseline is not traced: eBPF tracing of baseline would cost ~5.1% of a core'],
    costs: {
      baseline: {
        source: 'heap-profile',
        allocPerSec: 200 * MiB,
        memProfileRate: 65536,
        hitsPerSec: 3200,
        hitCostUs: 16,
        share: 0.0512,
        budget: 0.03,
        traced: baseline !== null,
        measuredHitsPerSec: baseline ? 3100 : null,
      },
      gray: gray
        ? {
            source: 'probe-hits',
            allocPerSec: null,
            memProfileRate: 524288,
            hitsPerSec: 3.8,
            hitCostUs: 16,
            share: 0.0001,
            budget: 0.03,
            traced: true,
            measuredHitsPerSec: 3.8,
          }
        : null,
    },
  };
}

/** One report per situation the schema must describe; each name says which. */
function reports(): Map<string, Report> {
  const out = new Map<string, Report>();
  const leak = { gray: { slope: (30 * MiB) / 60, noise: 0 }, baseline: { noise: 0 } };
  for (const variant of VARIANTS) {
    const shape = variant === 'leak-map' ? leak : {};
    out.set(
      `recorded ${variant} profiles`,
      judgeBundle({ ...makeBundle({ warmupMs: 1000, ...shape }), profiles: recorded(variant) }, settings),
    );
  }
  const traced = makeBundle({});
  traced.ebpf = ebpfTrace(
    ebpfSide([[CHURN, 60, 4096]]),
    ebpfSide([
      [CHURN, 58, 4096],
      [REMEMBER, 75, 57344],
    ]),
  );
  out.set('eBPF trace of both sides', judgeBundle(traced, parseJudgeSettings({})));
  const oneSide = makeBundle({});
  oneSide.ebpf = ebpfTrace(null, ebpfSide([[REMEMBER, 75, 57344]]));
  out.set('eBPF trace of gray only', judgeBundle(oneSide, parseJudgeSettings({})));
  out.set(
    'gray OOM-killed under a memory limit',
    judgeBundle(
      makeBundle({
        memoryMaxBytes: 64 * MiB,
        stopAtMs: 20_000,
        final: {
          gray: {
            oomKills: 1,
            exit: { atMs: 15_000, code: null, signal: 'SIGKILL', beforeReady: false, lastOutput: [] },
          },
        },
      }),
      settings,
    ),
  );
  out.set(
    'gray exited with its last words',
    judgeBundle(
      makeBundle({
        stopAtMs: 3000,
        final: {
          gray: {
            exit: { atMs: 2500, code: 3, signal: null, beforeReady: false, lastOutput: ['panic: boom', '<script>'] },
          },
        },
      }),
      settings,
    ),
  );
  out.set(
    'baseline died: inconclusive, passed anyway',
    judgeBundle(
      makeBundle({
        stopAtMs: 3000,
        final: { baseline: { exit: { atMs: -10, code: 1, signal: null, beforeReady: true, lastOutput: [] } } },
      }),
      { ...settings, onInconclusive: 'pass' },
    ),
  );
  out.set('too short a window: inconclusive', judgeBundle(makeBundle({ durationMs: 1000 }), settings));
  out.set(
    'a slope toward a memory limit (projection)',
    judgeBundle(makeBundle({ memoryMaxBytes: 256 * MiB, gray: { slope: (10 * MiB) / 60 } }), settings),
  );
  out.set('a plateau (P95)', judgeBundle(makeBundle({ gray: { base: 44 * MiB } }), settings));
  const degraded = makeBundle({});
  degraded.meta = {
    ...degraded.meta,
    driver: 'none',
    limitations: ['no cgroup: memory is the summed RSS of each process tree'],
  };
  out.set('no cgroup driver', judgeBundle(degraded, settings));
  const degradedLong = makeBundle({ durationMs: 300_000 });
  degradedLong.meta = { ...degraded.meta, sides: degradedLong.meta.sides };
  out.set('no cgroup driver, a window long enough to decide: warn', judgeBundle(degradedLong, settings));
  // A watched run: three looks of five, the last decided every rule.
  const watched = makeBundle({ durationMs: 180_000 });
  const windows = lookWindows(60_000, 300_000);
  watched.meta.watch = {
    firstLookMs: 60_000,
    budgetMs: 300_000,
    looks: (['undecided', 'undecided', 'pass'] as const).map((state, i) => ({
      windowMs: windows[i],
      state,
      levels: levelsAt(windows, i),
    })),
    stoppedEarly: true,
  };
  out.set('a watched run that stopped early', judgeBundle(watched, settings));
  out.set(
    'three replicas per side, one leaking',
    judgeBundle(makeBundle({ replicas: 3, instances: { gray: [{}, {}, { slope: (6 * MiB) / 60 }] } }), settings),
  );
  return out;
}

test('every report built from recorded bundles matches the schema', () => {
  const all = reports();
  for (const [name, report] of all) assertValidReport(report, name);
  // The set reaches what the schema describes, so a part of it that drifted cannot hide.
  const list = [...all.values()];
  const seen = (what: string, ok: (r: Report) => boolean) => assert.ok(list.some(ok), `no report here has ${what}`);
  for (const verdict of ['pass', 'warn', 'fail', 'inconclusive'])
    seen(`verdict ${verdict}`, (r) => r.verdict === verdict);
  for (const source of ['pprof', 'goroutine', 'ebpf'])
    seen(`a ${source} suspect`, (r) => r.suspects.some((s) => s.source === source));
  seen('a pattern', (r) => r.patterns.length > 0);
  seen('profiles with churn', (r) => (r.profiles?.churn.length ?? 0) > 0);
  seen(
    'a traced side and an untraced one',
    (r) => r.ebpf !== null && r.ebpf.baseline === null && (r.ebpf.gray?.paths.length ?? 0) > 0,
  );
  seen('a projection', (r) => r.projection !== null);
  seen('an exit', (r) => r.gray.exit !== null || r.baseline.exit !== null);
  seen('a downsampled timeline', (r) => r.timeline.length === 240);
  seen('a null grade', (r) => r.grade === null);
  seen(
    'replicas with per-instance figures',
    (r) => r.replicas === 3 && r.gray.instances.length === 3 && r.slopeDifference?.method === 'replicas',
  );
  seen('a heap growth difference', (r) => r.inuseGrowthDifference !== null);
  for (const decision of ['pass', 'block', 'undecided'])
    seen(`a rule decided ${decision}`, (r) => r.comparisons.some((c) => c.decision === decision && c.low !== null));
  seen('a rule without a figure (decision null)', (r) => r.comparisons.some((c) => c.decision === null));
  seen('an inuse-growth rule', (r) => r.comparisons.some((c) => c.rule === 'inuse-growth'));
  seen('a sensitivity with heap sampling', (r) => r.sensitivity.heapSamplingBytes !== null);
  seen('a sensitivity that rules something out', (r) => /^rules out a/.test(r.sensitivity.statement));
  seen('a watched run', (r) => (r.watch?.looks.length ?? 0) > 1);
  seen('a fixed window (no watch)', (r) => r.watch === null);
});

test('the schema is strict: an unknown, missing or mistyped field is a finding', () => {
  const report = reports().get('recorded leak-map profiles')!;
  assert.deepEqual(reportSchemaErrors(report), []);
  const copy = () => JSON.parse(JSON.stringify(report));
  const extra = copy();
  extra.notAReportField = 3;
  assert.deepEqual(reportSchemaErrors(extra), ['/ must NOT have additional properties (notAReportField)']);
  const deep = copy();
  deep.suspects[0].notASuspectField = [1, 2];
  assert.deepEqual(reportSchemaErrors(deep), ['/suspects/0 must NOT have additional properties (notASuspectField)']);
  const missing = copy();
  delete missing.gray.p95Bytes;
  assert.deepEqual(reportSchemaErrors(missing), ["/gray must have required property 'p95Bytes'"]);
  const wrong = copy();
  wrong.schema = 'memgate/report@9';
  wrong.grade = 'P7';
  assert.equal(reportSchemaErrors(wrong).length, 2);
  const undecided = copy();
  undecided.comparisons[0].decision = 'maybe';
  undecided.sensitivity.levels.block = 2;
  undecided.watch = {
    firstLookMs: 1,
    budgetMs: 2,
    looks: [{ windowMs: 1, state: 'fail', levels: { block: 0, pass: 0 } }],
  };
  assert.deepEqual(
    reportSchemaErrors(undecided).sort(),
    [
      '/comparisons/0/decision must be equal to one of the allowed values',
      '/sensitivity/levels/block must be <= 1',
      "/watch must have required property 'stoppedEarly'",
      '/watch must match a schema in anyOf',
      '/watch must be null',
      '/watch/looks/0/state must be equal to one of the allowed values',
    ].sort(),
  );
  const noSensitivity = copy();
  delete noSensitivity.sensitivity;
  assert.deepEqual(reportSchemaErrors(noSensitivity), ["/ must have required property 'sensitivity'"]);
  const infinite = copy();
  infinite.settings.windowMs = Infinity; // JSON writes null
  assert.match(reportSchemaErrors(infinite).join('\n'), /^\/settings\/windowMs must be number$/m);
});

test('the schema names its draft and the report version it describes', () => {
  const schema = JSON.parse(readFileSync(REPORT_SCHEMA_PATH, 'utf8'));
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  const report = reports().get('a plateau (P95)')!;
  assert.equal(
    schema.properties.schema.const,
    report.schema,
    'the schema describes the report version the code writes',
  );
});

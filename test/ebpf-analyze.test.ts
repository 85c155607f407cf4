// Allocation paths, scaling and eBPF suspects from plain trace values; the bundle files; the options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeEbpf, binomialTail, TOP_PATHS } from '../src/analyze/ebpf-analyze.ts';
import { estimate, pathFrames, scaleHeapSample } from '../src/analyze/ebpf-paths.ts';
import { readEbpfTrace } from '../src/collect/ebpf-bundle.ts';
import { foldedStacks, lineForm } from '../src/analyze/ebpf-folded.ts';
import { writeEbpfTrace } from '../src/gate/evidence-files.ts';
import { EBPF_TRACE_SCHEMA, type EbpfSideTrace, type EbpfStack, type EbpfTrace } from '../src/model/ebpf.ts';
import type { Suspect } from '../src/analyze/evidence-types.ts';
import type { Frame } from '../src/model/frame.ts';
import { parseEbpfOptions } from '../src/config/ebpf-options.ts';
import { buildPlan } from '../src/config/plan.ts';
import { UsageError } from '../src/model/errors.ts';
import { judgeBundle } from '../src/gate/judge-bundle.ts';
import { parseJudgeSettings } from '../src/config/plan.ts';
import { renderConsole } from '../src/report/console.ts';
import { makeBundle } from './helpers/bundles.ts';

const f = (fn: string, file = '', line = 0): Frame => ({ fn, file, line });
const ALLOC = [
  f('runtime.mProf_Malloc'),
  f('runtime.mallocgc', '/usr/lib/go/src/runtime/malloc.go', 1114),
  f('runtime.makeslice', '/usr/lib/go/src/runtime/slice.go', 103),
];
const ROOT_FRAMES = [f('runtime.goexit', '/usr/lib/go/src/runtime/asm_amd64.s', 1594)];
const REMEMBER = [
  ...ALLOC,
  f('main.(*sessionStore).remember', '/src/service/regress_leak_map.go', 32),
  f('main.installRegression.func1', '/src/service/regress_leak_map.go', 50),
  ...ROOT_FRAMES,
];
const CHURN = [
  ...ALLOC,
  f('main.churnBurst', '/src/service/main.go', 182),
  f('main.churn', '/src/service/main.go', 172),
  f('main.main.func4', '/src/service/main.go', 285),
  ...ROOT_FRAMES,
];
const PPROF = [
  ...ALLOC,
  f('compress/flate.NewWriter'),
  f('runtime/pprof.writeHeapProto'),
  f('net/http/pprof.handler.ServeHTTP'),
  ...ROOT_FRAMES,
];

const stack = (frames: Frame[], samples: number, size: number, goid = 7): EbpfStack => ({
  frames,
  samples,
  sampledBytes: samples * size,
  goroutines: [{ goid, samples, sampledBytes: samples * size }],
});

function side(stacks: EbpfStack[], over: Partial<EbpfSideTrace> = {}): EbpfSideTrace {
  return {
    binary: '/bin/svc',
    goVersion: 'go1.19.8',
    arch: 'amd64',
    pids: [100],
    memProfileRate: 524288,
    startMs: 5000,
    endMs: 25000,
    stacks,
    ...over,
  };
}

function trace(baseline: EbpfSideTrace | null, gray: EbpfSideTrace | null, over: Partial<EbpfTrace> = {}): EbpfTrace {
  return {
    schema: EBPF_TRACE_SCHEMA,
    mode: 'sampled',
    sampleRate: 1,
    stackDepth: 8,
    tracer: 'bpftrace v0.17.0',
    sides: { baseline, gray },
    warnings: [],
    ...over,
  };
}

test('scaling as pprof does: 1 / (1 - exp(-avg / rate)) per stack', () => {
  const small = scaleHeapSample(1, 256, 524288);
  assert.ok(Math.abs(small.count - 1 / (1 - Math.exp(-256 / 524288))) < 1e-6);
  assert.ok(Math.abs(small.bytes - 524416) < 1, String(small.bytes)); // about one MemProfileRate per sample
  const large = scaleHeapSample(2, 2 * 1048576, 524288);
  assert.ok(Math.abs(large.count / 2 - 1 / (1 - Math.exp(-2))) < 1e-9);
  assert.deepEqual(
    scaleHeapSample(3, 300, 1),
    { count: 3, bytes: 300 },
    'MemProfileRate 1: every allocation is a sample',
  );
  assert.deepEqual(
    estimate({ samples: 5, sampledBytes: 500 }, { mode: 'every', sampleRate: 64, memProfileRate: null }),
    { count: 320, bytes: 32000 },
  );
  // An unread MemProfileRate is taken as Go's default.
  assert.deepEqual(
    estimate({ samples: 1, sampledBytes: 256 }, { mode: 'sampled', sampleRate: 1, memProfileRate: null }),
    small,
  );
});

test('a path leaves out the allocator above and the goroutine entry below, up to --stack-depth', () => {
  assert.deepEqual(
    pathFrames(REMEMBER, 8).map((x) => x.fn),
    ['main.(*sessionStore).remember', 'main.installRegression.func1'],
  );
  assert.deepEqual(
    pathFrames(CHURN, 2).map((x) => x.fn),
    ['main.churnBurst', 'main.churn'],
  );
  const runtimeOnly = [f('runtime.mallocgc'), f('runtime.malg'), f('runtime.newproc1')];
  assert.deepEqual(pathFrames(runtimeOnly, 8), runtimeOnly, 'the runtime allocating for itself is kept whole');
});

test('the leak path stands out in gray: top path with its share, and an eBPF suspect', () => {
  const baseline = side([stack(CHURN, 60, 4096)]);
  const gray = side([stack(CHURN, 58, 4096, 9), stack(REMEMBER, 70, 57344, 8), stack(REMEMBER, 5, 57344, 11)], {
    pids: [200],
  });
  const known: Suspect[] = [
    {
      function: 'main.(*sessionStore).remember',
      source: 'pprof',
      kind: 'growth',
      bytes: 1,
      objects: 1,
      count: null,
      share: 1,
      gray: 1,
      baseline: 0,
      location: null,
      stack: [],
      caller: null,
      createdBy: null,
      state: null,
      waitMinutes: null,
      pattern: 'unbounded-map',
    },
  ];
  const result = analyzeEbpf(trace(baseline, gray), known)!;
  assert.deepEqual(result.warnings, []);
  const top = result.summary.gray!.paths;
  assert.equal(top[0].function, 'main.(*sessionStore).remember');
  assert.equal(top[0].location, 'service/regress_leak_map.go:32');
  assert.equal(top[0].samples, 75);
  assert.equal(top[0].goroutines, 2);
  assert.ok(top[0].share > 0.4 && top[0].share < 0.6, String(top[0].share));
  assert.deepEqual(top[0].stack, [
    'main.(*sessionStore).remember service/regress_leak_map.go:32',
    'main.installRegression.func1 service/regress_leak_map.go:50',
  ]);
  const expected =
    estimate({ samples: 75, sampledBytes: 75 * 57344 }, { mode: 'sampled', sampleRate: 1, memProfileRate: 524288 })
      .bytes / 20;
  assert.ok(Math.abs(top[0].bytesPerSec - expected) <= 1);
  assert.equal(result.summary.baseline!.paths.length, 1);
  assert.equal(result.suspects.length, 1, JSON.stringify(result.suspects));
  const s = result.suspects[0];
  assert.equal(s.source, 'ebpf');
  assert.equal(s.function, 'main.(*sessionStore).remember');
  assert.equal(s.baseline, 0);
  assert.equal(s.bytes, s.gray);
  assert.equal(s.share, 1);
  assert.equal(s.pattern, 'unbounded-map', 'the pattern the heap profiles found for the same function');
  assert.match(result.summary.cost, /mProf_Malloc/);
});

test("healthy against healthy: alike paths give no suspects; memgate's own profile fetches are left out", () => {
  const baseline = side([stack(CHURN, 60, 4096), stack(PPROF, 2, 900_000)]);
  const gray = side([stack(CHURN, 66, 4096), stack(PPROF, 9, 900_000)]);
  const result = analyzeEbpf(trace(baseline, gray))!;
  assert.deepEqual(result.suspects, []);
  assert.deepEqual(
    result.summary.gray!.paths.map((p) => p.function),
    ['main.churnBurst'],
  );
  assert.equal(result.summary.gray!.paths[0].share, 1);
});

test('top paths are capped, one traced side only warns, no trace time warns', () => {
  const many = Array.from({ length: 30 }, (_, i) => stack([...ALLOC, f(`main.f${i}`)], 1 + i, 1024));
  const oneSided = analyzeEbpf(trace(null, side(many)))!;
  assert.equal(oneSided.summary.gray!.paths.length, TOP_PATHS);
  assert.equal(oneSided.summary.gray!.paths[0].function, 'main.f29');
  assert.equal(oneSided.summary.baseline, null);
  assert.deepEqual(oneSided.suspects, []);
  assert.match(oneSided.warnings.join('\n'), /only one side has allocation paths/);
  const zero = analyzeEbpf(trace(side(many, { endMs: 5000 }), side(many), { warnings: ['from collection'] }))!;
  assert.match(zero.warnings.join('\n'), /from collection[\s\S]*baseline was traced for no time/);
  assert.equal(analyzeEbpf(undefined), null);
});

test('every mode: counts scaled by the sample rate', () => {
  const gray = side([stack(REMEMBER, 10, 1000)], { memProfileRate: null });
  const result = analyzeEbpf(trace(side([]), gray, { mode: 'every', sampleRate: 64 }))!;
  assert.equal(result.summary.gray!.paths[0].bytes, 640_000);
  assert.equal(result.summary.gray!.paths[0].count, 640);
  assert.match(result.summary.cost, /every runtime\.mallocgc call, 1 in 64 recorded/);
});

test('bundle: trace.json round trip, folded stacks and the seed line form; damage is a warning', () => {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-ebpf-bundle-'));
  try {
    const t = trace(side([stack(CHURN, 2, 4096)]), side([stack(REMEMBER, 3, 57344, 8), stack(CHURN, 1, 4096, 9)]));
    t.sides.gray!.stacks[0].goroutines = [
      { goid: 8, samples: 2, sampledBytes: 2 * 57344 },
      { goid: 12, samples: 1, sampledBytes: 57344 },
    ];
    const files = writeEbpfTrace(dir, t);
    assert.deepEqual(files, [
      'ebpf/trace.json',
      'ebpf/baseline.folded',
      'ebpf/baseline.alloc.txt',
      'ebpf/gray.folded',
      'ebpf/gray.alloc.txt',
    ]);
    assert.deepEqual(readEbpfTrace(dir), t);
    const folded = readFileSync(join(dir, 'ebpf/gray.folded'), 'utf8').trim().split('\n');
    assert.match(folded[0], /^main\.installRegression\.func1;main\.\(\*sessionStore\)\.remember \d+$/);
    assert.match(folded[1], /^main\.main\.func4;main\.churn;main\.churnBurst \d+$/);
    assert.equal(foldedStacks(t, t.sides.gray!), readFileSync(join(dir, 'ebpf/gray.folded'), 'utf8'));
    const lines = lineForm(t, t.sides.gray!).trim().split('\n');
    assert.match(lines[0], /^\d+ 8 main\.installRegression\.func1->main\.\(\*sessionStore\)\.remember->mallocgc$/);
    assert.match(lines[1], /^\d+ 12 main\.installRegression\.func1->main\.\(\*sessionStore\)\.remember->mallocgc$/);
    assert.match(lines[2], /^\d+ 9 main\.main\.func4->main\.churn->main\.churnBurst->mallocgc$/);
    const [b0, b1] = [Number(lines[0].split(' ')[0]), Number(lines[1].split(' ')[0])];
    assert.ok(Math.abs(b0 - 2 * b1) <= 1, "bytes follow the goroutine's share of the samples");
    writeFileSync(join(dir, 'ebpf/trace.json'), '{"schema": "memgate/ebpf-trace@1", "mode": ');
    assert.match(readEbpfTrace(dir)!.warnings[0], /unreadable/);
    rmSync(join(dir, 'ebpf'), { recursive: true });
    assert.equal(readEbpfTrace(dir), undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("report: eBPF suspects beside the others, each side's top paths, console lines; re-judged from the bundle alone", () => {
  const bundle = makeBundle({});
  bundle.ebpf = trace(side([stack(CHURN, 60, 4096)]), side([stack(CHURN, 58, 4096), stack(REMEMBER, 75, 57344)]), {
    warnings: ['gray exited 3s into the eBPF trace'],
  });
  const report = judgeBundle(bundle, parseJudgeSettings({}));
  assert.equal(report.ebpf?.gray?.paths[0].function, 'main.(*sessionStore).remember');
  assert.equal(report.ebpf?.baseline?.paths[0].function, 'main.churnBurst');
  assert.ok(report.suspects.some((s) => s.source === 'ebpf' && s.function === 'main.(*sessionStore).remember'));
  assert.ok(report.warnings.includes('gray exited 3s into the eBPF trace'));
  const text = renderConsole(report);
  assert.match(text, /allocation paths \(eBPF, sampled mode\): gray .*\/s over 20s, baseline .*\/s over 20s/);
  assert.match(
    text,
    /1\. main\.\(\*sessionStore\)\.remember \(service\/regress_leak_map\.go:32\) .*\/s, \d+% of gray's allocation$/m,
  );
  assert.match(text, /main\.\(\*sessionStore\)\.remember .*\/s allocated \(gray .* vs baseline 0 B\/s/);
  assert.equal(judgeBundle(makeBundle({}), parseJudgeSettings({})).ebpf, null);
});

test('options: --ebpf, --ebpf-mode, --ebpf-sample-rate, --stack-depth', () => {
  const get = (raw: Record<string, string>) => (name: string) => raw[name];
  assert.deepEqual(parseEbpfOptions(get({})), { enabled: 'auto', mode: 'sampled', sampleRate: 64, stackDepth: 8 });
  assert.deepEqual(
    parseEbpfOptions(get({ ebpf: 'ON', 'ebpf-mode': 'every', 'ebpf-sample-rate': '16', 'stack-depth': '12' })),
    { enabled: 'on', mode: 'every', sampleRate: 16, stackDepth: 12 },
  );
  assert.throws(
    () => parseEbpfOptions(get({ ebpf: 'yes' })),
    (e: Error) => e instanceof UsageError && /auto .*on .*off/.test(e.message),
  );
  assert.throws(() => parseEbpfOptions(get({ 'ebpf-mode': 'all' })), /sampled .*every/);
  assert.throws(() => parseEbpfOptions(get({ 'ebpf-sample-rate': '8' })), /applies to --ebpf-mode every only/);
  assert.throws(() => parseEbpfOptions(get({ 'ebpf-mode': 'every', 'ebpf-sample-rate': '0' })), /whole number from 1/);
  assert.throws(() => parseEbpfOptions(get({ 'stack-depth': '100' })), /from 1 to 64/);
  const dir = mkdtempSync(join(tmpdir(), 'memgate-ebpf-plan-'));
  try {
    mkdirSync(join(dir, 'bin'));
    const plan = buildPlan(
      { baseline: '/bin/sleep 100', gray: '/bin/sleep 100', ebpf: 'off' },
      { cwd: dir, pathEnv: '/bin:/usr/bin' },
    );
    assert.equal(plan.ebpf.enabled, 'off');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("significance: a path must be unlikely to be gray's by chance (binomial test on probe hits)", () => {
  assert.ok(Math.abs(binomialTail(4, 4, 0.5) - 0.0625) < 1e-12);
  assert.ok(Math.abs(binomialTail(2, 3, 0.5) - 0.5) < 1e-12);
  assert.equal(binomialTail(0, 10, 0.3), 1);
  assert.equal(binomialTail(11, 10, 0.3), 0);
  assert.ok(binomialTail(600, 1000, 0.5) < 1e-9);
  assert.ok(binomialTail(40_000, 100_000, 0.4) > 0.4, 'large n in log space');
  // A few hits on gray and none on baseline is chance; a steady stream is not.
  const few = analyzeEbpf(
    trace(side([stack(CHURN, 60, 4096)]), side([stack(CHURN, 60, 4096), stack(REMEMBER, 5, 57344)])),
  )!;
  assert.deepEqual(few.suspects, []);
  const many = analyzeEbpf(
    trace(side([stack(CHURN, 60, 4096)]), side([stack(CHURN, 60, 4096), stack(REMEMBER, 16, 57344)])),
  )!;
  assert.equal(many.suspects[0]?.function, 'main.(*sessionStore).remember');
});

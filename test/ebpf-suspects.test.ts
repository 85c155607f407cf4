// The three thresholds and the binomial test that make an eBPF allocation path a suspect, each at its edge;
// with `--ebpf-mode every` and a sample rate of 1 the estimates are the traced bytes, so the edges are exact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_EBPF_SUSPECTS, TOP_PATHS, analyzeEbpf, binomialTail, costOf } from '../src/analyze/ebpf-analyze.ts';
import { EBPF_TRACE_SCHEMA, type EbpfSideTrace, type EbpfStack, type EbpfTrace } from '../src/model/ebpf.ts';
import type { Suspect } from '../src/analyze/evidence-types.ts';
import type { Frame } from '../src/model/frame.ts';

const KiB = 1024;
const SECONDS = 20;
const f = (fn: string, file = `/src/app/${fn.replace(/\W/g, '_')}.go`, line = 12): Frame => ({ fn, file, line });
const path = (fn: string, caller = 'main.handle') => [
  f('runtime.mallocgc', '/go/src/runtime/malloc.go', 1),
  f(fn),
  f(caller),
  f('runtime.goexit', '/go/src/runtime/asm.s', 2),
];

/** A path allocating `bytesPerSec` over the 20 s trace in `samples` probe hits. */
function hot(fn: string, bytesPerSec: number, samples: number, goids: number[] = [7]): EbpfStack {
  const sampledBytes = Math.round(bytesPerSec * SECONDS);
  return {
    frames: path(fn),
    samples,
    sampledBytes,
    goroutines: goids.map((goid) => ({
      goid,
      samples: samples / goids.length,
      sampledBytes: sampledBytes / goids.length,
    })),
  };
}
function side(stacks: EbpfStack[], over: Partial<EbpfSideTrace> = {}): EbpfSideTrace {
  return {
    binary: '/bin/svc',
    goVersion: 'go1.19.8',
    arch: 'amd64',
    pids: [100],
    memProfileRate: 524288,
    startMs: 5000,
    endMs: 5000 + SECONDS * 1000,
    stacks,
    ...over,
  };
}
function trace(baseline: EbpfSideTrace | null, gray: EbpfSideTrace | null, over: Partial<EbpfTrace> = {}): EbpfTrace {
  return {
    schema: EBPF_TRACE_SCHEMA,
    mode: 'every',
    sampleRate: 1,
    stackDepth: 8,
    tracer: 'bpftrace v0.17.0',
    sides: { baseline, gray },
    warnings: [],
    ...over,
  };
}
const suspects = (baseline: EbpfStack[], gray: EbpfStack[], over: Partial<EbpfTrace> = {}) =>
  analyzeEbpf(trace(side(baseline), side(gray), over))!.suspects.map((s) => s.function);

test('16 KiB/s more: at the edge a suspect, just under it not', () => {
  assert.deepEqual(suspects([], [hot('main.a', 16 * KiB, 200)]), ['main.a']);
  assert.deepEqual(suspects([], [hot('main.a', 16 * KiB - 1, 200)]), []);
  assert.deepEqual(
    suspects([hot('main.a', 64 * KiB, 100)], [hot('main.a', 64 * KiB + 15 * KiB, 200)]),
    [],
    'the difference counts, not gray alone',
  );
});

test("1% of gray's whole allocation rate: a path well under it is no suspect, one over it is", () => {
  const big = (rate: number) => hot('main.bulk', rate, 100_000);
  const g = 100 * KiB;
  assert.deepEqual(suspects([big(98 * g)], [big(98 * g), hot('main.a', g, 400)]), ['main.a'], 'g is 1/99 of gray');
  assert.deepEqual(suspects([big(100 * g)], [big(100 * g), hot('main.a', g, 400)]), [], 'g is 1/101 of gray');
});

test('x1.25 of baseline: at the edge a suspect, under it not (however many hits)', () => {
  const base = hot('main.a', 1024 * KiB, 10_000);
  assert.deepEqual(suspects([base], [hot('main.a', 1.25 * 1024 * KiB, 12_500)]), ['main.a']);
  assert.deepEqual(suspects([base], [hot('main.a', 1.24 * 1024 * KiB, 12_400)]), []);
});

test('the binomial test on probe hits: ten hits against none is clear (p = 1/1024), nine is chance', () => {
  assert.deepEqual(suspects([], [hot('main.a', 64 * KiB, 10)]), ['main.a']);
  assert.deepEqual(suspects([], [hot('main.a', 64 * KiB, 9)]), []);
  // the hits expected by chance follow each side's traced time: gray traced 3x as long
  const long = analyzeEbpf(trace(side([]), side([hot('main.a', 64 * KiB, 10)], { endMs: 5000 + 3 * SECONDS * 1000 })))!;
  assert.deepEqual(long.suspects, [], '10 hits with 3/4 of the time: 0.75^10 = 0.056');
});

test('binomialTail: edges and a known value', () => {
  assert.equal(binomialTail(0, 10, 0.5), 1);
  assert.equal(binomialTail(-1, 10, 0.5), 1);
  assert.equal(binomialTail(11, 10, 0.5), 0);
  assert.equal(binomialTail(3, 10, 0), 0);
  assert.equal(binomialTail(3, 10, 1), 1);
  assert.ok(Math.abs(binomialTail(10, 10, 0.5) - 1 / 1024) < 1e-12);
  assert.ok(Math.abs(binomialTail(9, 10, 0.5) - 11 / 1024) < 1e-12);
  assert.ok(Math.abs(binomialTail(1, 3, 0.25) - (1 - 0.75 ** 3)) < 1e-12);
  assert.ok(binomialTail(6000, 10000, 0.5) < 1e-80 && binomialTail(6000, 10000, 0.5) > 0, 'large n in log space');
});

test('suspect fields: per-second amounts, share of all differences, pattern taken from a heap suspect', () => {
  const known: Suspect[] = [
    {
      function: 'main.b',
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
    {
      function: 'main.c',
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
      pattern: null,
    },
  ];
  const result = analyzeEbpf(
    trace(
      side([hot('main.b', 32 * KiB, 100)]),
      side([hot('main.a', 96 * KiB, 300), hot('main.b', 96 * KiB, 300), hot('main.c', 64 * KiB, 300)]),
    ),
    known,
  )!;
  assert.deepEqual(
    result.suspects.map((s) => [s.function, s.bytes, s.gray, s.baseline, s.share, s.pattern]),
    [
      ['main.a', 96 * KiB, 96 * KiB, 0, 0.429, null],
      ['main.b', 64 * KiB, 96 * KiB, 32 * KiB, 0.286, 'unbounded-map'],
      ['main.c', 64 * KiB, 64 * KiB, 0, 0.286, null],
    ],
  );
  const a = result.suspects[0];
  assert.equal(a.source, 'ebpf');
  assert.equal(a.kind, 'growth');
  assert.equal(a.objects, 15, '300 allocations in 20 s');
  assert.equal(a.count, null);
  assert.equal(a.location, 'app/main_a.go:12');
  assert.deepEqual(a.stack, ['main.a app/main_a.go:12', 'main.handle app/main_handle.go:12']);
  assert.equal(a.caller, 'main.a');
  assert.deepEqual([a.createdBy, a.state, a.waitMinutes], [null, null, null]);
  // a heap suspect named by the path's caller lends its pattern too
  const byCaller = analyzeEbpf(
    trace(
      side([]),
      side([{ ...hot('bytes.growSlice', 96 * KiB, 300), frames: path('bytes.growSlice', 'main.record') }]),
    ),
    [{ ...known[0], function: 'main.record' }],
  )!;
  assert.equal(byCaller.suspects[0].caller, 'main.record');
  assert.equal(byCaller.suspects[0].pattern, 'unbounded-map');
  const byKnownCaller = analyzeEbpf(
    trace(
      side([]),
      side([{ ...hot('bytes.growSlice', 96 * KiB, 300), frames: path('bytes.growSlice', 'main.record') }]),
    ),
    [{ ...known[0], function: 'bytes.x', caller: 'main.record', pattern: 'buffer-growth' }],
  )!;
  assert.equal(byKnownCaller.suspects[0].pattern, 'buffer-growth');
});

test('at most ten suspects, the largest differences first', () => {
  const many = [...Array(12).keys()].map((i) => hot(`main.f${String(i).padStart(2, '0')}`, (20 + i) * KiB, 500));
  const got = suspects([], many);
  assert.equal(MAX_EBPF_SUSPECTS, 10);
  assert.equal(got.length, 10);
  assert.deepEqual(got.slice(0, 3), ['main.f11', 'main.f10', 'main.f09']);
});

test("side summaries: rates, shares, goroutines (goid 0 is no goroutine), the heaviest stack's frames, top 20", () => {
  const paths = [...Array(22).keys()].map((i) => hot(`main.p${String(i).padStart(2, '0')}`, (i + 1) * KiB, 10));
  const twoStacks: EbpfStack[] = [
    {
      frames: [f('runtime.mallocgc'), f('main.z', '/src/app/old.go', 1), f('main.handle')],
      samples: 2,
      sampledBytes: 200 * KiB,
      goroutines: [{ goid: 0, samples: 2, sampledBytes: 200 * KiB }],
    },
    {
      frames: [f('runtime.mallocgc'), f('main.z', '/src/app/new.go', 2), f('main.handle')],
      samples: 3,
      sampledBytes: 800 * KiB,
      goroutines: [
        { goid: 4, samples: 3, sampledBytes: 800 * KiB },
        { goid: 5, samples: 0, sampledBytes: 0 },
      ],
    },
  ];
  const result = analyzeEbpf(trace(side([...paths, ...twoStacks], { pids: [1, 2] }), null))!;
  const s = result.summary.baseline!;
  assert.equal(TOP_PATHS, 20);
  assert.equal(s.paths.length, 20);
  assert.equal(s.paths[0].function, 'main.z');
  assert.equal(s.paths[0].location, 'app/new.go:2', 'the heaviest stack of a path gives its frames');
  assert.equal(s.paths[0].bytes, 1000 * KiB);
  assert.equal(s.paths[0].bytesPerSec, 50 * KiB);
  assert.equal(s.paths[0].samples, 5);
  assert.equal(s.paths[0].goroutines, 2);
  assert.equal(s.paths[0].count, 5);
  assert.equal(s.paths[0].countPerSec, 0.25);
  // 1..22 KiB/s over 20 s, plus main.z's 1000 KiB
  const total = 253 * KiB * SECONDS + 1000 * KiB;
  assert.equal(s.bytesPerSec, Math.round(total / SECONDS));
  assert.equal(s.paths[0].share, Math.round(((1000 * KiB) / total) * 1000) / 1000);
  assert.equal(s.paths[1].function, 'main.p21');
  assert.equal(s.paths[19].function, 'main.p03', 'the 20 heaviest');
  assert.equal(s.samples, 22 * 10 + 5);
  assert.equal(s.countPerSec, Math.round(((22 * 10 + 5) / SECONDS) * 1000) / 1000);
  assert.deepEqual(
    [s.binary, s.goVersion, s.pids, s.traceMs, s.memProfileRate],
    ['/bin/svc', 'go1.19.8', [1, 2], SECONDS * 1000, 524288],
  );
  assert.deepEqual(result.warnings, ['only one side has allocation paths, so none are compared: no eBPF suspects']);
  assert.deepEqual(result.suspects, []);
});

test('a side traced for no time has no rates and is said so; no trace, no analysis', () => {
  const r = analyzeEbpf(
    trace(side([hot('main.a', KiB, 1)], { endMs: 5000 }), side([hot('main.a', 64 * KiB, 100)]), {
      warnings: ['tracer said x'],
    }),
  )!;
  assert.equal(r.summary.baseline, null);
  assert.deepEqual(r.warnings, [
    'tracer said x',
    'baseline was traced for no time at all; its allocation paths have no rates',
    'only one side has allocation paths, so none are compared: no eBPF suspects',
  ]);
  assert.equal(analyzeEbpf(null), null);
  assert.equal(analyzeEbpf(undefined), null);
  const none = analyzeEbpf(trace(null, null))!;
  assert.deepEqual(none.warnings, [], 'nothing traced: the reason is already among the trace warnings');
  assert.deepEqual(
    [none.summary.mode, none.summary.sampleRate, none.summary.stackDepth, none.summary.tracer],
    ['every', 1, 8, 'bpftrace v0.17.0'],
  );
});

test('the profiler serving memgate is left out of both sides', () => {
  const pprof: EbpfStack = {
    ...hot('compress/flate.NewWriter', 512 * KiB, 500),
    frames: [
      f('runtime.mallocgc'),
      f('compress/flate.NewWriter'),
      f('runtime/pprof.writeHeapProto'),
      f('net/http/pprof.handler.ServeHTTP'),
    ],
  };
  const r = analyzeEbpf(trace(side([]), side([pprof])))!;
  assert.deepEqual(r.suspects, []);
  assert.deepEqual(r.summary.gray!.paths, []);
});

test('costOf: what each mode costs, in words', () => {
  assert.match(
    costOf('sampled', 1),
    /^sampled: a probe on runtime\.mProf_Malloc, hit once per MemProfileRate bytes \(512 KiB by default, 64 KiB as memgate asks\).*over the budget is left out \(see costs\)$/,
  );
  assert.equal(
    costOf('every', 64),
    'every: a probe on every runtime.mallocgc call, 1 in 64 recorded; each allocation traps into the kernel, which slows an allocation-heavy service many times over',
  );
  assert.equal(
    costOf('every', 1),
    'every: a probe on every runtime.mallocgc call; each allocation traps into the kernel, which slows an allocation-heavy service many times over',
  );
  assert.equal(analyzeEbpf(trace(null, null, { mode: 'sampled' }))!.summary.cost, costOf('sampled', 1));
});

test('paths: no frames is "?", stacks shown to 12 frames whatever --stack-depth, zero bytes has no share', () => {
  const deep: EbpfStack = {
    ...hot('main.deep', 64 * KiB, 100),
    frames: [f('runtime.mallocgc'), ...Array.from({ length: 16 }, (_, i) => f(`main.d${i}`)), f('runtime.goexit')],
  };
  const empty: EbpfStack = { frames: [], samples: 1, sampledBytes: 0, goroutines: [] };
  const r = analyzeEbpf(trace(side([]), side([deep, empty]), { stackDepth: 16 }))!;
  const paths = r.summary.gray!.paths;
  assert.equal(paths[0].function, 'main.d0');
  assert.equal(paths[0].stack.length, 12);
  assert.equal(paths[1].function, '?');
  assert.deepEqual([paths[1].location, paths[1].caller, paths[1].bytes, paths[1].share], [null, null, 0, 0]);
  assert.equal(r.suspects[0].stack.length, 12, "a suspect's stack too");
  const nothing = analyzeEbpf(trace(side([]), side([empty])))!;
  assert.deepEqual(
    [nothing.summary.gray!.bytesPerSec, nothing.summary.gray!.paths[0].share],
    [0, 0],
    'no bytes at all: shares are 0, not NaN',
  );
  const shallow = analyzeEbpf(trace(side([]), side([deep]), { stackDepth: 3 }))!;
  assert.deepEqual(
    shallow.summary.gray!.paths[0].stack.map((s) => s.split(' ')[0]),
    ['main.d0', 'main.d1', 'main.d2'],
    '--stack-depth cuts the path',
  );
});

test('edges found by mutation testing: difference not sum, baseline hits in the binomial test, per-second objects, order, frames, patterns', () => {
  // the difference decides: 47 KiB/s against 32 is 15 KiB/s more (under 16 KiB/s), though gray alone is more
  assert.deepEqual(suspects([hot('main.a', 32 * KiB, 100)], [hot('main.a', 47 * KiB, 200)]), []);
  // baseline's hits count: 30 against 20 hits is chance, however many bytes they stand for
  assert.deepEqual(suspects([hot('main.a', 16 * KiB, 20)], [hot('main.a', 64 * KiB, 30)]), []);
  // ordered by the difference: Y (100 more) before X (50 more, on a large baseline)
  assert.deepEqual(
    suspects([hot('main.x', 150 * KiB, 3000)], [hot('main.x', 200 * KiB, 4000), hot('main.y', 100 * KiB, 2000)]),
    ['main.y', 'main.x'],
  );
  // objects per second: gray's minus baseline's
  const r = analyzeEbpf(trace(side([hot('main.b', 32 * KiB, 100)]), side([hot('main.b', 96 * KiB, 300)])))!;
  assert.equal(r.suspects[0].objects, 10, '15 - 5 allocations per second');
  // a path without frames can still be a suspect: "?", no caller
  const bare = analyzeEbpf(
    trace(side([]), side([{ frames: [], samples: 100, sampledBytes: 64 * KiB * SECONDS, goroutines: [] }])),
  )!;
  assert.deepEqual(
    bare.suspects.map((s) => [s.function, s.caller, s.location]),
    [['?', null, null]],
  );
});

test('the heaviest stack of a path gives its frames: the first of equals, whatever the order', () => {
  const at = (file: string, bytes: number): EbpfStack => ({
    frames: [f('runtime.mallocgc'), f('main.z', file, 1), f('main.handle')],
    samples: 2,
    sampledBytes: bytes,
    goroutines: [],
  });
  const heavyFirst = analyzeEbpf(
    trace(side([at('/src/app/heavy.go', 800 * KiB), at('/src/app/light.go', 200 * KiB)]), null),
  )!;
  assert.equal(heavyFirst.summary.baseline!.paths[0].location, 'app/heavy.go:1');
  const equal = analyzeEbpf(
    trace(side([at('/src/app/first.go', 500 * KiB), at('/src/app/second.go', 500 * KiB)]), null),
  )!;
  assert.equal(equal.summary.baseline!.paths[0].location, 'app/first.go:1');
});

test('a suspect takes the pattern of a heap suspect on its function, its caller, or sharing its caller; nothing else', () => {
  const known = (over: Partial<Suspect>): Suspect => ({
    function: 'x',
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
    ...over,
  });
  const grow = (frames: Frame[]): EbpfStack => ({
    frames,
    samples: 300,
    sampledBytes: 96 * KiB * SECONDS,
    goroutines: [],
  });
  const libFromApp = grow([f('runtime.mallocgc'), f('bytes.growSlice'), f('main.record')]);
  const patternOf = (stack: EbpfStack, ks: Suspect[]) =>
    analyzeEbpf(trace(side([]), side([stack])), ks)!.suspects[0].pattern;
  assert.equal(
    patternOf(libFromApp, [known({ function: 'bytes.growSlice', pattern: 'buffer-growth' })]),
    'buffer-growth',
    'by its own function',
  );
  assert.equal(
    patternOf(libFromApp, [
      known({ function: 'main.c', pattern: null }),
      known({ function: 'main.record', pattern: 'ticker-not-stopped' }),
    ]),
    'ticker-not-stopped',
    'a known suspect without a pattern does not hide one with',
  );
  const libOnly = grow([f('runtime.mallocgc'), f('bytes.growSlice'), f('encoding/json.Marshal')]);
  assert.equal(
    patternOf(libOnly, [known({ function: 'main.other', caller: null })]),
    null,
    'no caller: an unrelated heap suspect without a caller is not a match',
  );
});

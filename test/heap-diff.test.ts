// The heap diff's decisions on made-up profiles: the noise floor (sampling periods, 1% of the heap, an
// absolute minimum), the growth difference's interval (both sides' errors), churn, per-function sums.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_PERIOD_BYTES,
  MIN_SUSPECT_BYTES,
  NOISE_PERIODS,
  diffHeaps,
  levelNoise,
  type HeapSeries,
} from '../src/analyze/heap-diff.ts';
import type { HeapSnapshot, HeapStack } from '../src/analyze/heap-profile.ts';

const KiB = 1024;
const MiB = 1024 * KiB;

function stack(
  fns: string[],
  inuseBytes: number,
  allocBytes = inuseBytes,
  inuseObjects = Math.round(inuseBytes / 256),
): HeapStack {
  return {
    key: fns.join('\n'),
    frames: fns.map((fn, i) => ({ fn, file: `/app/${i}.go`, line: 10 + i })),
    inuseBytes,
    inuseObjects,
    allocBytes,
    allocObjects: Math.round(allocBytes / 256),
  };
}
function snapshot(stacks: HeapStack[], periodBytes: number | null = 512 * KiB): HeapSnapshot {
  const totals = { inuseBytes: 0, inuseObjects: 0, allocBytes: 0, allocObjects: 0 };
  for (const s of stacks) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += s[k];
  return { stacks: new Map(stacks.map((s) => [s.key, s])), totals, periodBytes, timeNanos: null };
}
function side(
  n: number,
  at: (i: number) => HeapStack[],
  periodBytes: number | null = 512 * KiB,
  step = 10,
): HeapSeries {
  return {
    times: [...Array(n).keys()].map((i) => i * step),
    snapshots: [...Array(n).keys()].map((i) => snapshot(at(i), periodBytes)),
  };
}
const flat = (bytes: number) => () => [stack(['main.newWarmCache', 'main.main'], bytes)];

test('noise floor: three sampling periods, at least 256 KiB, at least 1% of the larger retained heap', () => {
  assert.equal(NOISE_PERIODS, 3);
  assert.equal(MIN_SUSPECT_BYTES, 256 * KiB);
  assert.equal(DEFAULT_PERIOD_BYTES, 512 * KiB);
  // default period, small heaps: 3 x 512 KiB
  assert.equal(
    diffHeaps({ gray: side(3, flat(4 * MiB)), baseline: side(3, flat(4 * MiB)) }).noiseFloorBytes,
    1.5 * MiB,
  );
  // a fine sampling rate: the absolute minimum
  assert.equal(
    diffHeaps({ gray: side(3, flat(4 * MiB), 4096), baseline: side(3, flat(4 * MiB), 4096) }).noiseFloorBytes,
    256 * KiB,
  );
  // a coarse one, on one side only: the larger period counts
  const coarse = diffHeaps({ gray: side(3, flat(4 * MiB), 512 * KiB), baseline: side(3, flat(4 * MiB), 2 * MiB) });
  assert.equal(coarse.periodBytes, 2 * MiB);
  assert.equal(coarse.noiseFloorBytes, 6 * MiB);
  // a big heap: 1% of the larger side's end, whichever side that is
  assert.equal(
    diffHeaps({ gray: side(3, flat(400 * MiB)), baseline: side(3, flat(100 * MiB)) }).noiseFloorBytes,
    4 * MiB,
  );
  assert.equal(
    diffHeaps({ gray: side(3, flat(100 * MiB)), baseline: side(3, flat(800 * MiB)) }).noiseFloorBytes,
    8 * MiB,
  );
  // profiles that do not say their period: Go's default
  const unknown = diffHeaps({ gray: side(3, flat(MiB), null), baseline: side(3, flat(MiB), null) });
  assert.equal(unknown.periodBytes, 512 * KiB);
  assert.equal(unknown.noiseFloorBytes, 1.5 * MiB);
});

test('the end heap, not the start, sets the 1% floor', () => {
  const shrinking = (i: number) => [stack(['main.load', 'main.main'], (500 - i * 200) * MiB)];
  const heap = diffHeaps({ gray: side(3, shrinking), baseline: side(3, flat(10 * MiB)) });
  assert.equal(heap.sides.gray.endInuseBytes, 100 * MiB);
  assert.equal(heap.noiseFloorBytes, 1.5 * MiB, '1% of 100 MiB is under three periods');
});

/** inuse totals that rise `perSec` with a zigzag of `wiggle` bytes. */
const rising = (perSec: number, wiggle: number) => (i: number) => [
  stack(['main.grow', 'main.main'], 50 * MiB + perSec * i * 10 + (i % 2 === 0 ? wiggle : -wiggle)),
];

test('the inuse growth difference: gray minus baseline, its interval from both sides errors', () => {
  const n = 6;
  const quietGray = side(n, rising(20 * KiB, 0));
  const quietBase = side(n, rising(5 * KiB, 0));
  const noisyGray = side(n, rising(20 * KiB, 300 * KiB));
  const noisyBase = side(n, rising(5 * KiB, 300 * KiB));
  const half = (d: { low: number; high: number; perSec: number }) => {
    assert.ok(Math.abs(d.perSec - (d.low + d.high) / 2) < 1e-6, 'centred on the difference');
    return (d.high - d.low) / 2;
  };
  const none = diffHeaps({ gray: quietGray, baseline: quietBase }).inuseGrowthDifference!;
  assert.ok(Math.abs(none.perSec - 15 * KiB) < 1e-6);
  assert.ok(half(none) < 1e-6, 'two straight lines: no uncertainty');
  const grayOnly = half(diffHeaps({ gray: noisyGray, baseline: quietBase }).inuseGrowthDifference!);
  const baseOnly = half(diffHeaps({ gray: quietGray, baseline: noisyBase }).inuseGrowthDifference!);
  const both = half(diffHeaps({ gray: noisyGray, baseline: noisyBase }).inuseGrowthDifference!);
  assert.ok(grayOnly > 1000 && baseOnly > 1000, 'either side noisy widens the interval');
  assert.ok(Math.abs(grayOnly - baseOnly) < 1e-6, 'the same noise on either side counts the same');
  assert.ok(Math.abs(both - Math.hypot(grayOnly, baseOnly)) < 1e-6 * both, 'independent errors add in quadrature');
  assert.equal(
    diffHeaps({ gray: side(2, rising(1, 0)), baseline: side(6, rising(1, 0)) }).inuseGrowthDifference,
    null,
    'two snapshots fit no interval',
  );
  assert.equal(diffHeaps({ gray: side(6, rising(1, 0)), baseline: side(2, rising(1, 0)) }).inuseGrowthDifference, null);
});

test('the interval uses the shorter side: fewer snapshots, wider interval', () => {
  const long = diffHeaps({ gray: side(12, rising(20 * KiB, 300 * KiB)), baseline: side(12, rising(5 * KiB, 0)) })
    .inuseGrowthDifference!;
  const mixed = diffHeaps({ gray: side(12, rising(20 * KiB, 300 * KiB)), baseline: side(4, rising(5 * KiB, 0)) })
    .inuseGrowthDifference!;
  assert.ok(mixed.high - mixed.low > long.high - long.low, 'the t quantile follows the side with fewer snapshots');
});

test('side summaries: start, end, slope, allocation rate, period; one snapshot gives no slope and no rate', () => {
  const s = diffHeaps({
    gray: side(4, (i) => [stack(['main.a'], (10 + i) * MiB, 100 * MiB * i)], 1 * MiB),
    baseline: side(1, flat(3 * MiB)),
  });
  assert.equal(s.sides.gray.snapshots, 4);
  assert.equal(s.sides.gray.startInuseBytes, 10 * MiB);
  assert.equal(s.sides.gray.endInuseBytes, 13 * MiB);
  assert.ok(Math.abs(s.sides.gray.inuseGrowth!.perSec - MiB / 10) < 1e-6);
  assert.ok(Math.abs((s.sides.gray.robustInuseGrowth ?? NaN) - MiB / 10) < 1e-6);
  assert.equal(s.sides.gray.allocBytesPerSec, (300 * MiB) / 30);
  assert.equal(s.sides.gray.periodBytes, 1 * MiB);
  assert.deepEqual(s.spans, { gray: 30, baseline: 0 });
  assert.equal(s.sides.baseline.snapshots, 1);
  assert.equal(s.sides.baseline.startInuseBytes, 3 * MiB);
  assert.equal(s.sides.baseline.endInuseBytes, 3 * MiB);
  assert.equal(s.sides.baseline.inuseGrowth, null);
  assert.equal(s.sides.baseline.allocBytesPerSec, null);
  assert.equal(s.sides.baseline.robustInuseGrowth ?? null, null);
  const empty = diffHeaps({ gray: { times: [], snapshots: [] }, baseline: side(3, flat(MiB)) });
  assert.equal(empty.sides.gray.startInuseBytes, null);
  assert.equal(empty.sides.gray.endInuseBytes, null);
  assert.equal(empty.sides.gray.snapshots, 0);
  assert.equal(
    diffHeaps({ gray: side(2, flat(MiB)), baseline: side(2, flat(MiB)) }).sides.gray.inuseGrowth,
    null,
    'a slope needs three snapshots',
  );
});

test('per stack: growth on both sides, end levels, allocation (never negative) and gray end minus start', () => {
  const g = (i: number) => [
    stack(['main.leak', 'main.handle'], i * MiB, 10 * MiB + i * 4 * MiB),
    stack(['main.keep'], 2 * MiB, 20 * MiB - i * MiB),
  ];
  const b = (i: number) => [stack(['main.leak', 'main.handle'], i * 0.5 * MiB, i * MiB)];
  const heap = diffHeaps({ gray: side(5, g), baseline: side(5, b) });
  const leak = heap.stacks.find((s) => s.key === 'main.leak\nmain.handle')!;
  assert.ok(Math.abs(leak.growth.gray.bytes - 4 * MiB) < 1, 'robust growth over the 40 s span');
  assert.ok(Math.abs(leak.growth.baseline.bytes - 2 * MiB) < 1);
  assert.equal(leak.end.gray.bytes, 4 * MiB);
  assert.equal(leak.end.baseline.bytes, 2 * MiB);
  assert.equal(leak.allocated.gray, 16 * MiB);
  assert.equal(leak.allocated.baseline, 4 * MiB);
  assert.deepEqual(leak.grayEndMinusStart, { bytes: 4 * MiB, objects: Math.round((4 * MiB) / 256) });
  const keep = heap.stacks.find((s) => s.key === 'main.keep')!;
  assert.equal(keep.allocated.gray, 0, 'a counter that went down (a restart) allocates nothing, not a negative amount');
  assert.deepEqual(keep.end.baseline, { bytes: 0, objects: 0 }, 'absent on a side: zero');
  assert.deepEqual(
    heap.stacks.map((s) => s.key),
    ['main.leak\nmain.handle', 'main.keep'],
    'biggest growth difference first',
  );
  const single = diffHeaps({ gray: side(1, g), baseline: side(1, b) });
  assert.deepEqual(
    single.stacks[0].growth,
    { gray: { bytes: 0, objects: 0 }, baseline: { bytes: 0, objects: 0 } },
    'one snapshot: no growth',
  );
  assert.deepEqual(single.stacks[0].grayEndMinusStart, { bytes: 0, objects: 0 });
  assert.equal(single.stacks[0].allocated.gray, 0);
});

test('stacks of equal growth difference are ordered by key; functions sum their stacks by innermost frame', () => {
  const g = () => [stack(['main.b', 'x'], MiB), stack(['main.a', 'y'], MiB), stack(['main.a', 'z'], 2 * MiB)];
  const heap = diffHeaps({ gray: side(3, g), baseline: side(3, g) });
  assert.deepEqual(
    heap.stacks.map((s) => s.key),
    ['main.a\ny', 'main.a\nz', 'main.b\nx'],
  );
  assert.deepEqual(
    heap.functions.map((f) => f.function),
    ['main.a', 'main.b'],
  );
  const a = heap.functions[0];
  assert.deepEqual(a.end.gray, { bytes: 3 * MiB, objects: Math.round(MiB / 256) + Math.round((2 * MiB) / 256) });
  assert.equal(a.stacks.length, 2);
  assert.deepEqual(a.graySeries, [3 * MiB, 3 * MiB, 3 * MiB]);
  const growing = (i: number) => [
    stack(['main.b', 'x'], MiB),
    stack(['main.a', 'y'], i * MiB),
    stack(['main.a', 'z'], i * 2 * MiB, i * 2 * MiB),
  ];
  const grown = diffHeaps({ gray: side(3, growing), baseline: side(3, g) });
  assert.deepEqual(
    grown.functions.map((f) => f.function),
    ['main.a', 'main.b'],
    'biggest growth difference first',
  );
  assert.ok(Math.abs(grown.functions[0].growth.gray.bytes - 6 * MiB) < 1);
  assert.equal(grown.functions[0].allocated.gray, 6 * MiB, 'allocation of both stacks');
  assert.deepEqual(grown.functions[0].graySeries, [0, 3 * MiB, 6 * MiB]);
  const noFrames = diffHeaps({
    gray: side(2, () => [{ ...stack([], MiB), key: 'empty' }]),
    baseline: side(2, () => []),
  });
  assert.equal(noFrames.functions[0].function, '?');
});

test('scatter: a steady line has none; a zigzag on either side has some', () => {
  const steady = (i: number) => [stack(['main.a'], i * MiB)];
  const zig = (i: number) => [stack(['main.a'], i * MiB + (i % 2) * 3 * MiB)];
  assert.equal(diffHeaps({ gray: side(6, steady), baseline: side(6, steady) }).functions[0].scatterBytes, 0);
  assert.ok(diffHeaps({ gray: side(6, zig), baseline: side(6, steady) }).functions[0].scatterBytes > MiB);
  assert.ok(diffHeaps({ gray: side(6, steady), baseline: side(6, zig) }).functions[0].scatterBytes > MiB);
});

test('churn: functions allocating clearly faster in gray, beyond sampling noise, biggest first, at most five', () => {
  const fns = ['main.f1', 'main.f2', 'main.f3', 'main.f4', 'main.f5', 'main.f6', 'main.same', 'main.tiny'];
  const rate = (fn: string) =>
    fn === 'main.same' ? 0 : fn === 'main.tiny' ? 0.2 * MiB : (fns.indexOf(fn) + 1) * 10 * MiB;
  const g = (i: number) => fns.map((fn) => stack([fn], MiB, 100 * MiB + i * 10 * (rate(fn) + MiB)));
  const b = (i: number) => fns.map((fn) => stack([fn], MiB, 100 * MiB + i * 10 * MiB));
  const heap = diffHeaps({ gray: side(4, g), baseline: side(4, b) });
  assert.deepEqual(
    heap.churn.map((c) => c.function),
    ['main.f6', 'main.f5', 'main.f4', 'main.f3', 'main.f2'],
  );
  const top = heap.churn[0];
  assert.ok(Math.abs(top.grayBytesPerSec - 61 * MiB) < 1);
  assert.ok(Math.abs(top.baselineBytesPerSec - MiB) < 1);
  assert.ok(Math.abs(top.differenceBytesPerSec - 60 * MiB) < 1);
  // the noise: 3 x sqrt(max(allocated, period) x period) / span; 0.1 MiB/s over 30 s at 512 KiB is under it (0.12 MiB/s)
  const onlyTiny = diffHeaps({
    gray: side(4, (i) => [stack(['main.tiny'], MiB, i * 10 * 0.1 * MiB)]),
    baseline: side(4, () => [stack(['main.tiny'], MiB, 0)]),
  });
  assert.deepEqual(onlyTiny.churn, []);
  const justOver = diffHeaps({
    gray: side(4, (i) => [stack(['main.tiny'], MiB, i * 10 * 0.5 * MiB)]),
    baseline: side(4, () => [stack(['main.tiny'], MiB, 0)]),
  });
  assert.equal(justOver.churn.length, 1, '0.5 MiB/s is beyond 3 x sqrt(15 MiB x 512 KiB) / 30 s = 0.27 MiB/s');
  assert.deepEqual(diffHeaps({ gray: side(1, g), baseline: side(4, b) }).churn, [], 'no span on gray: no rates');
  const baselineNoSpan = diffHeaps({ gray: side(4, g), baseline: side(1, b) });
  assert.equal(baselineNoSpan.churn[0].baselineBytesPerSec, 0, 'no span on baseline: its rate counts as 0');
});

test('churn noise grows with the larger side and the period', () => {
  // gray allocates 1 MiB/s more than baseline in both; at 64 MiB/s of baseline the noise hides it
  const pair = (baseRate: number) =>
    diffHeaps({
      gray: side(4, (i) => [stack(['main.f'], MiB, i * 10 * (baseRate + MiB))]),
      baseline: side(4, (i) => [stack(['main.f'], MiB, i * 10 * baseRate)]),
    }).churn.length;
  assert.equal(pair(0), 1);
  assert.equal(pair(64 * MiB), 0);
});

test('levelNoise: 4 x sqrt(larger level x period), never NaN', () => {
  assert.equal(levelNoise(4 * MiB, MiB, 512 * KiB), 4 * Math.sqrt(4 * MiB * 512 * KiB));
  assert.equal(levelNoise(MiB, 9 * MiB, 4 * KiB), 4 * Math.sqrt(9 * MiB * 4 * KiB));
  assert.equal(levelNoise(-5, -7, 512 * KiB), 0);
});

// ---- edges found by mutation testing: times that do not start at 0, orders, empty sides ----

/** Like side(), but the clock starts at 7 s and allocation counters do not start at 0. */
function offsetSide(n: number, at: (i: number) => HeapStack[], periodBytes: number | null = 512 * KiB): HeapSeries {
  return {
    times: [...Array(n).keys()].map((i) => 7 + i * 10),
    snapshots: [...Array(n).keys()].map((i) => snapshot(at(i), periodBytes)),
  };
}

test('spans, rates and end-minus-start are differences, not sums (a clock and counters that do not start at 0)', () => {
  const g = (i: number) => [stack(['main.leak'], (3 + i) * MiB, (50 + 4 * i) * MiB)];
  const heap = diffHeaps({ gray: offsetSide(4, g), baseline: offsetSide(3, g) });
  assert.deepEqual(heap.spans, { gray: 30, baseline: 20 });
  assert.equal(heap.sides.gray.allocBytesPerSec, (12 * MiB) / 30);
  assert.deepEqual(heap.stacks[0].grayEndMinusStart, {
    bytes: 3 * MiB,
    objects: Math.round((6 * MiB) / 256) - Math.round((3 * MiB) / 256),
  });
  const two = diffHeaps({ gray: offsetSide(2, g), baseline: offsetSide(2, g) });
  assert.deepEqual(two.stacks[0].grayEndMinusStart.bytes, MiB, 'two snapshots are enough for end minus start');
  assert.equal(two.sides.gray.robustInuseGrowth ?? null, null, 'two snapshots: no robust growth');
  const three = diffHeaps({ gray: offsetSide(3, g), baseline: offsetSide(3, g) });
  assert.ok(Math.abs(three.sides.gray.robustInuseGrowth! - MiB / 10) < 1e-6, 'three snapshots: robust growth');
  const still = diffHeaps({
    gray: { times: [5, 5, 5], snapshots: [0, 1, 2].map((i) => snapshot(g(i))) },
    baseline: offsetSide(3, g),
  });
  assert.equal(still.sides.gray.robustInuseGrowth, null, 'no time between snapshots: no rate');
  assert.equal(still.sides.gray.allocBytesPerSec, null);
  const empty = diffHeaps({ gray: { times: [], snapshots: [] }, baseline: { times: [], snapshots: [] } });
  assert.deepEqual(empty.spans, { gray: 0, baseline: 0 });
  assert.deepEqual(empty.stacks, []);
  const noBaseline = diffHeaps({ gray: offsetSide(3, g), baseline: { times: [], snapshots: [] } });
  assert.deepEqual(
    noBaseline.stacks[0].end.baseline,
    { bytes: 0, objects: 0 },
    'a side with no snapshot ends at nothing',
  );
});

test('ordering: by growth difference (not sum), largest first, whatever the input order; functions too, ties by name', () => {
  // A grows as much in both (difference 0, sum 8 MiB); B grows 2 MiB in gray only; C shrinks in gray.
  const gray = (i: number) => [
    stack(['main.c'], (10 - i) * MiB),
    stack(['main.a'], i * 2 * MiB),
    stack(['main.b'], i * 0.5 * MiB),
  ];
  const base = (i: number) => [stack(['main.c'], 10 * MiB), stack(['main.a'], i * 2 * MiB), stack(['main.b'], 0)];
  const heap = diffHeaps({ gray: side(5, gray), baseline: side(5, base) });
  assert.deepEqual(
    heap.stacks.map((s) => s.key),
    ['main.b', 'main.a', 'main.c'],
  );
  assert.deepEqual(
    heap.functions.map((f) => f.function),
    ['main.b', 'main.a', 'main.c'],
  );
  const tie = (i: number) => [stack(['main.z'], i), stack(['main.y'], i), stack(['main.x'], i)];
  assert.deepEqual(
    diffHeaps({ gray: side(3, tie), baseline: side(3, tie) }).functions.map((f) => f.function),
    ['main.x', 'main.y', 'main.z'],
  );
});

test("the first frames seen for a stack are kept (gray's lines, when baseline was built from other lines)", () => {
  const g: HeapStack = { ...stack(['main.a'], MiB), frames: [{ fn: 'main.a', file: '/gray/a.go', line: 20 }] };
  const b: HeapStack = { ...stack(['main.a'], MiB), frames: [{ fn: 'main.a', file: '/base/a.go', line: 10 }] };
  const heap = diffHeaps({ gray: side(2, () => [g]), baseline: side(2, () => [b]) });
  assert.deepEqual(heap.stacks[0].frames, [{ fn: 'main.a', file: '/gray/a.go', line: 20 }]);
});

test('the larger period wins on either side', () => {
  assert.equal(
    diffHeaps({ gray: side(3, flat(MiB), 2 * MiB), baseline: side(3, flat(MiB), 512 * KiB) }).periodBytes,
    2 * MiB,
  );
  assert.equal(diffHeaps({ gray: side(3, flat(MiB), null), baseline: side(3, flat(MiB), MiB) }).periodBytes, MiB);
});

test("the growth difference's interval uses n - 2 degrees of freedom, as each side's own interval does", () => {
  for (const n of [4, 6, 9]) {
    const heap = diffHeaps({ gray: side(n, rising(20 * KiB, 300 * KiB)), baseline: side(n, rising(5 * KiB, 0)) });
    const own = heap.sides.gray.inuseGrowth!;
    const diff = heap.inuseGrowthDifference!;
    assert.ok(
      Math.abs(diff.high - diff.low - (own.high - own.low)) < 1e-6 * (own.high - own.low),
      `n=${n}: baseline exact, so the difference is as uncertain as gray`,
    );
  }
});

test('functions are ordered by the sum of their stacks, ties by name, not by their first stack', () => {
  // main.z: one stack grows 3 MiB, another shrinks 1 MiB (2 MiB in all); main.a: one stack, 2 MiB; main.m: two of 2.5 MiB.
  const g = (i: number) => [
    stack(['main.z', 'x'], i * 0.75 * MiB),
    stack(['main.z', 'y'], (10 - i * 0.25) * MiB),
    stack(['main.a', 'x'], i * 0.5 * MiB),
    stack(['main.m', 'x'], i * 0.625 * MiB),
    stack(['main.m', 'y'], i * 0.625 * MiB),
  ];
  const b = () => [stack(['main.z', 'y'], 10 * MiB)];
  const heap = diffHeaps({ gray: side(5, g), baseline: side(5, b) });
  assert.deepEqual(heap.stacks.map((s) => s.key).slice(0, 1), ['main.z\nx'], 'main.z has the largest single stack');
  assert.deepEqual(
    heap.functions.map((f) => f.function),
    ['main.m', 'main.a', 'main.z'],
  );
});

test("growth error: each side's least-squares error of a function's growth rate over its own snapshots", () => {
  // gray: 0, 3, 6 MiB at 0, 10, 20 s (an exact line: no error); baseline zigzags 1, 3, 1, 3 MiB.
  const line = (i: number) => [stack(['main.a'], i * 3 * MiB)];
  const zig = (i: number) => [stack(['main.a'], MiB + (i % 2) * 2 * MiB)];
  const heap = diffHeaps({ gray: side(3, line), baseline: side(4, zig) });
  const a = heap.functions[0];
  assert.deepEqual(a.growthError.gray, { bytesPerSec: 0, df: 1 });
  // zigzag at t = 0, 10, 20, 30: slope 0.04 MiB/s, residuals -0.4, 1.2, -1.2, 0.4 MiB; by hand:
  // ssr = 3.2 MiB^2 over 2 df, sxx = 500 s^2: sqrt(1.6 / 500) MiB/s.
  assert.equal(a.growthError.baseline!.df, 2);
  assert.ok(Math.abs(a.growthError.baseline!.bytesPerSec - Math.sqrt(1.6 / 500) * MiB) < 1e-6);
  // Where a side does not have the function, its series is zeros: no error. Fewer than 3 snapshots: none known.
  const only = diffHeaps({ gray: side(3, line), baseline: side(3, () => []) }).functions[0];
  assert.deepEqual(only.growthError.baseline, { bytesPerSec: 0, df: 1 });
  const two = diffHeaps({ gray: side(2, line), baseline: side(3, line) }).functions[0];
  assert.equal(two.growthError.gray, null);
  assert.deepEqual(two.growthError.baseline, { bytesPerSec: 0, df: 1 });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { quantileSorted } from 'simple-statistics';
import {
  fitSlope,
  floorBinSeconds,
  floorIndices,
  floorPoints,
  p95,
  quantile,
  t95,
  type Point,
} from '../src/analyze/stats.ts';

const MiB = 1024 * 1024;

/** A Go-like series: a floor rising at `slope` B/s, a GC sawtooth above it, a burst every 2 s. */
function goLike(slope: number, seconds: number, seed = 1): Point[] {
  let x = seed;
  const rand = () => (x = (x * 16807) % 2147483647) / 2147483647;
  const points: Point[] = [];
  for (let t = 0; t < seconds; t += 0.25) {
    const sawtooth = ((t % 3) / 3) * 6 * MiB;
    const burst = t % 2 < 0.3 ? 1.2 * MiB : 0;
    points.push({ t, v: 20 * MiB + slope * t + sawtooth + burst + rand() * 0.2 * MiB });
  }
  return points;
}

test('p95 of a known distribution', () => {
  assert.equal(p95(Array.from({ length: 101 }, (_, i) => i)), 95);
  assert.equal(p95([]), null);
});

test('the floor slope sees a 2 MiB/min leak through a sawtooth and bursts', () => {
  const leak = (2 * MiB) / 60;
  const fit = fitSlope(floorPoints(goLike(leak, 60), 5))!;
  assert.ok(Math.abs(fit.bytesPerSec - leak) < leak * 0.25, `slope ${fit.bytesPerSec} vs ${leak}`);
  assert.ok(fit.low > 0, 'the interval excludes zero');
});

test('a sawtooth alone does not look like growth', () => {
  const fit = fitSlope(floorPoints(goLike(0, 60, 7), 5))!;
  assert.ok(fit.low <= 0 && fit.high >= 0, `interval ${fit.low}..${fit.high} should hold 0`);
  assert.ok(Math.abs(fit.bytesPerSec) < (0.5 * MiB) / 60);
});

test('floor points take the lowest reading of each bin', () => {
  const pts = [
    { t: 0, v: 5 },
    { t: 0.5, v: 3 },
    { t: 1, v: 9 },
    { t: 1.5, v: 8 },
    { t: 2, v: 1 },
    { t: 2.5, v: 4 },
    { t: 3, v: 4 },
  ];
  assert.deepEqual(
    floorPoints(pts, 1).map((p) => p.v),
    [3, 8, 1],
  );
});

test('a slope needs at least three points', () => {
  assert.equal(
    fitSlope([
      { t: 0, v: 1 },
      { t: 1, v: 2 },
    ]),
    null,
  );
});

// The fleet's fast paths (selection instead of a sort, one pass over columns) against the plain
// definitions they replace.
test('p95 by selection equals the sorted quantile for any readings', () => {
  fc.assert(
    fc.property(
      fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 400 }),
      (xs) => {
        assert.equal(
          p95(xs),
          quantileSorted(
            [...xs].sort((a, b) => a - b),
            0.95,
          ),
        );
      },
    ),
  );
  // Between two ranks: 0.95 of the way from the 19th to the 20th of 20 readings.
  assert.equal(p95(Array.from({ length: 20 }, (_, i) => (19 - i) * 100)), 1805);
});

test('floor indices take the first lowest reading of each full bin, in one pass', () => {
  const reference = (t: number[], v: number[], bin: number): number[] => {
    const bins = new Map<number, number>();
    t.forEach((ti, i) => {
      const b = Math.floor((ti - t[0]) / bin);
      const lowest = bins.get(b);
      if (lowest === undefined || v[i] < v[lowest]) bins.set(b, i);
    });
    const full = Math.max(1, Math.floor((t[t.length - 1] - t[0]) / bin + 1e-9));
    return [...bins.entries()].filter(([b]) => b < full || full === 1).map(([, i]) => i);
  };
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 9 })), {
        minLength: 1,
        maxLength: 60,
      }),
      fc.integer({ min: 1, max: 12 }),
      (rows, bin) => {
        const sorted = [...rows].sort((a, b) => a[0] - b[0]);
        const t = sorted.map((r) => r[0]);
        const v = sorted.map((r) => r[1]);
        assert.deepEqual(floorIndices(t, v, bin), reference(t, v, bin));
      },
    ),
  );
});

test('floor points of readings out of time order are those of the ordered readings', () => {
  const pts = [
    { t: 2, v: 1 },
    { t: 0, v: 5 },
    { t: 1.5, v: 8 },
    { t: 0.5, v: 3 },
    { t: 3, v: 4 },
    { t: 1, v: 9 },
    { t: 2.5, v: 4 },
  ];
  assert.deepEqual(
    floorPoints(pts, 1).map((p) => p.t),
    [0.5, 1.5, 2],
  );
});

// Literal pins (Stryker does not mutate number literals, so the values themselves are held here).
test('t95: the two-sided 95% Student t table by degrees of freedom, infinite below 1, its last row beyond 30', () => {
  const table = [
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
    2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
  ];
  assert.deepEqual(
    table.map((_, i) => t95(i + 1)),
    table,
  );
  assert.equal(t95(0), Infinity);
  assert.equal(t95(-3), Infinity);
  assert.equal(t95(0.999), Infinity);
  // More degrees of freedom than the table holds: its last row (30), not lower.
  assert.equal(t95(31), 2.042);
  assert.equal(t95(1000), 2.042);
  assert.equal(t95(Infinity), 2.042);
  // Only a degrees of freedom that names no row (not a whole number) falls back to the normal's 1.96.
  assert.equal(t95(1.5), 1.96);
  assert.equal(t95(Number.NaN), 1.96);
});

test('floorBinSeconds: a twelfth of the window, at least 1 s and at most 10 s', () => {
  assert.deepEqual([0, 6, 12, 24, 60, 119, 120, 121, 240, 1e6].map(floorBinSeconds), [
    1,
    1,
    1,
    2,
    5,
    119 / 12,
    10,
    10,
    10,
    10,
  ]);
});

test('fitSlope: least squares, its standard error sqrt(SSR / (n - 2) / Sxx), and the t95(n - 2) interval, by hand', () => {
  const points = [
    { t: 0, v: 0 },
    { t: 1, v: 1 },
    { t: 2, v: 3 },
    { t: 3, v: 3 },
  ];
  // mean t 1.5, mean v 1.75, Sxx 5, Sxy 5.5: slope 1.1, intercept 0.1; residuals -0.1, -0.2, 0.7, -0.4: SSR 0.7.
  const fit = fitSlope(points)!;
  const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} is not ${b}`);
  close(fit.bytesPerSec, 1.1);
  close(fit.stdError, Math.sqrt(0.7 / 2 / 5));
  close(fit.low, 1.1 - 4.303 * Math.sqrt(0.07));
  close(fit.high, 1.1 + 4.303 * Math.sqrt(0.07));
  assert.equal(fit.points, points);
  // Three points are enough (one degree of freedom: t 12.706); two are not.
  const three = fitSlope(points.slice(0, 3))!;
  close(three.bytesPerSec, 1.5);
  close(three.stdError, Math.sqrt(1 / 6 / 2));
  close(three.high - three.bytesPerSec, 12.706 * Math.sqrt(1 / 12));
  // A negative intercept and times far from zero: the same slope (the fit centres on the means).
  const shifted = fitSlope(points.map((p) => ({ t: p.t + 1000, v: p.v - 50 })))!;
  close(shifted.bytesPerSec, 1.1);
  assert.ok(Math.abs(shifted.stdError - fit.stdError) < 1e-9);
  // Every reading at one time: no slope.
  assert.equal(
    fitSlope([
      { t: 5, v: 1 },
      { t: 5, v: 2 },
      { t: 5, v: 3 },
    ]),
    null,
  );
  // A perfect line: no error, the interval is the slope itself.
  const line = fitSlope([0, 1, 2, 3, 4].map((t) => ({ t, v: 7 - 2 * t })))!;
  assert.deepEqual([line.bytesPerSec, line.low, line.high, line.stdError], [-2, -2, -2, 0]);
});

test('quantile: type 7 at the ends and on a rank; nothing to take a quantile of is NaN', () => {
  assert.ok(Number.isNaN(quantile([], 0.5)));
  assert.equal(quantile([3, 1, 2], 1), 3);
  assert.equal(quantile([3, 1, 2], 0), 1);
  assert.equal(quantile([5, 1, 4, 2, 3], 0.5), 3);
  assert.equal(quantile([4, 1, 3, 2], 0.5), 2.5);
  assert.equal(quantile([7], 0.95), 7);
  // The next value up is the smallest above the selected rank, wherever selection left it.
  assert.equal(quantile([9, 2, 8, 1, 10, 3], 0.25), 2.25);
  assert.equal(quantile([10, 9, 8, 3, 2, 1], 0.75), 8.75);
});

test('floorIndices: a last bin holding a sliver of time is left out, unless the window is one bin; readings at one time are in order', () => {
  // Two full bins (0-1, 1-2) and a reading at 2 s, in a third bin of no time: left out.
  assert.deepEqual(floorIndices([0, 1, 2], [3, 2, 1], 1), [0, 1]);
  // Three bins of 0.1 s in a 0.3 s window whose division rounds under 3 (2.9999999999999996): still three full
  // bins, the last one's lowest reading kept; without the 1e-9 of slack the last bin would be a sliver.
  assert.deepEqual(floorIndices([0, 0.1, 0.2, 0.3], [4, 3, 2, 1], 0.1), [0, 1, 3]);
  assert.deepEqual(floorIndices([0, 0.5, 1.5, 3 - 1e-12], [1, 0, 5, 6], 1), [1, 2, 3]);
  assert.deepEqual(floorIndices([0, 1, 2.5], [3, 2, 1], 1), [0, 1]);
  // One full bin: its sliver after it is kept, there is nothing else to go on.
  assert.deepEqual(floorIndices([0, 0.5, 1], [3, 2, 1], 1), [1, 2]);
  assert.deepEqual(floorIndices([], [], 1), []);
  assert.deepEqual(floorIndices([4], [9], 1), [0]);
  // Ties within a bin: the first lowest.
  assert.deepEqual(floorIndices([0, 0.2, 0.4, 1, 1.5, 2], [2, 1, 1, 5, 5, 0], 1), [1, 3]);
  // Readings that share a time are in order: floorPoints keeps them as given.
  const same = [
    { t: 0, v: 4 },
    { t: 0, v: 2 },
    { t: 1, v: 6 },
    { t: 1, v: 6 },
    { t: 2, v: 0 },
  ];
  assert.deepEqual(floorPoints(same, 1), [same[1], same[2]]);
});

test('fitSlope: the slope of a series does not depend on where its clock or its level starts (the fit centres both)', () => {
  // A floor rising 1000 B/s under a 1.3 MB ripple, read every 250 ms, then the same readings on a clock that
  // starts at 2^30 s (an epoch-like time, exactly representable at this step) and at a level of 1 TiB: the
  // slope stays within 1e-12 of its own. Products of the uncentred clock or level lose 1e-7 of it.
  const at = (t0: number, v0: number, time: (i: number) => number): Point[] =>
    Array.from({ length: 240 }, (_, i) => ({ t: t0 + time(i), v: v0 + 1000 * i * 0.25 + ((i * 7919) % 13) * 1e5 }));
  const quarter = (i: number) => i * 0.25;
  const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
  const own = fitSlope(at(0, 0, quarter))!;
  assert.ok(rel(fitSlope(at(2 ** 30, 0, quarter))!.bytesPerSec, own.bytesPerSec) < 1e-12);
  // Millisecond clocks read in seconds (what analyze gives it), at 1 TiB.
  const ms = (i: number) => (5000 + i * 251) / 1000;
  const low = fitSlope(at(0, 0, ms))!;
  const high = fitSlope(at(0, 2 ** 40, ms))!;
  assert.ok(rel(high.bytesPerSec, low.bytesPerSec) < 1e-12, `${high.bytesPerSec} vs ${low.bytesPerSec}`);
  assert.ok(rel(high.stdError, low.stdError) < 1e-9);
});

test('quantile: no readings at any q is NaN, not a read past the end', () => {
  for (const q of [0, 0.5, 0.95, 1]) assert.ok(Number.isNaN(quantile([], q)), `q ${q}`);
});

test('floorPoints: readings in falling time order are put in order first', () => {
  const falling = [
    { t: 3, v: 4 },
    { t: 2, v: 1 },
    { t: 1, v: 9 },
    { t: 0, v: 5 },
  ];
  assert.deepEqual(
    floorPoints(falling, 1).map((p) => p.t),
    [0, 1, 2],
  );
  assert.deepEqual(floorPoints(falling.slice(2), 1), [falling[3]].concat(falling[2]));
});

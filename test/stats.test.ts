import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { quantileSorted } from 'simple-statistics';
import { fitSlope, floorIndices, floorPoints, p95, type Point } from '../src/analyze/stats.ts';

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

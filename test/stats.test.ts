import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fitSlope, floorPoints, p95, type Point } from '../src/analyze/stats.ts';

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

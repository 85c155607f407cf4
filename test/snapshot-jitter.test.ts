// README: "--profile-interval ... each moves by up to ±20% of its slot at random, so a periodic burst cannot
// line up with them". The schedule is read from the timers the collector sets (setTimeout is recorded,
// nothing fires), with Math.random pinned to its ends: deterministic, and independent of how loaded the
// machine is.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProfileCollector, snapshotTimes } from '../src/collect/pprof-collector.ts';

const INTERVAL = 1000;

/** The delays of the snapshots `start(100, 100 + 4 intervals)` schedules, with Math.random() = `random`. */
function schedule(t: TestContext, random: number): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-jitter-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const collector = new ProfileCollector({
    bundleDir: dir,
    urls: { baseline: 'http://127.0.0.1:9/debug/pprof', gray: null },
    intervalMs: INTERVAL,
    timeoutMs: 1000,
    notes: [],
    logger: { info: () => {}, warn: () => {} },
    signal: new AbortController().signal,
  });
  const delays: number[] = [];
  const random$ = t.mock.method(Math, 'random', () => random);
  const timers = t.mock.method(globalThis, 'setTimeout', ((_fn: () => void, ms: number) => {
    delays.push(ms);
    return {
      ref() {},
      unref() {},
      hasRef: () => false,
      refresh() {},
      [Symbol.toPrimitive]: () => 0,
    } as unknown as NodeJS.Timeout;
  }) as typeof setTimeout);
  collector.start(100, 100 + 4 * INTERVAL);
  timers.mock.restore();
  random$.mock.restore();
  collector.stop();
  return delays;
}

/** Delays are measured from now(), a few ms after the collector was made. */
function near(got: number[], want: number[], message: string) {
  assert.equal(got.length, want.length, `${message}: ${got}`);
  for (const [i, d] of got.entries()) assert.ok(d <= want[i] && d > want[i] - 50, `${message}: ${got} against ${want}`);
}

test('the window is cut into equal slots as long as an interval or longer, a snapshot in the middle of each', (t) => {
  near(schedule(t, 0.5), [600, 1600, 2600, 3600], 'no jitter: the middle of each of 4 slots of 1 s');
  assert.deepEqual(snapshotTimes(0, 10_000, 5000), [
    { ms: 2500, slotMs: 5000 },
    { ms: 7500, slotMs: 5000 },
  ]);
  // 11 s at 5 s: two slots of 5.5 s (a dip in the middle of each, none left over at the end).
  assert.deepEqual(
    snapshotTimes(5000, 16_000, 5000).map((s) => s.ms),
    [7750, 13_250],
  );
  // A window shorter than the interval still gets one, in its middle.
  assert.deepEqual(snapshotTimes(2000, 5000, 5000), [{ ms: 3500, slotMs: 3000 }]);
  assert.equal(snapshotTimes(5000, 65_000, 5000).length, 12);
  // Symmetric about the window's middle: the forced GCs' dips weigh no more at one end than the other.
  for (const [start, end, interval] of [
    [5000, 65_000, 5000],
    [5000, 15_000, 5000],
    [2000, 14_000, 2000],
    [0, 37_000, 5000],
  ]) {
    const times = snapshotTimes(start, end, interval).map((s) => s.ms);
    const middle = (start + end) / 2;
    for (const [i, at] of times.entries())
      assert.ok(Math.abs(at - middle - (middle - times[times.length - 1 - i])) < 1e-6);
  }
});

test('each snapshot moves by up to a fifth of its slot, early or late', (t) => {
  near(schedule(t, 0), [400, 1400, 2400, 3400], 'random 0: a fifth early');
  near(schedule(t, 1 - 1e-9), [800, 1800, 2800, 3800], 'random 1: a fifth late');
});

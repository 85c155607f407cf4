// README: "--profile-interval ... each moves by up to ±20% at random, so a periodic burst cannot line up with
// them". The schedule is read from the timers the collector sets (setTimeout is recorded, nothing fires), with
// Math.random pinned to its ends: deterministic, and independent of how loaded the machine is.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProfileCollector } from '../src/collect/pprof-collector.ts';

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

test('the first snapshot is at the start of the window, never moved', (t) => {
  for (const random of [0, 0.5, 1 - 1e-9]) near(schedule(t, random).slice(0, 1), [100], `random ${random}`);
});

test('each later snapshot moves by up to a fifth of the interval, early or late', (t) => {
  near(schedule(t, 0.5), [100, 1100, 2100, 3100], 'no jitter in the middle: every interval');
  near(schedule(t, 0), [100, 900, 1900, 2900], 'random 0: a fifth early');
  near(schedule(t, 1 - 1e-9), [100, 1300, 2300, 3300], 'random 1: a fifth late');
});

test('no periodic snapshot within half an interval of the end: the final one follows there', (t) => {
  // the window ends at 4100: 4100 itself is the final snapshot's, 3100 is the last periodic one
  assert.equal(schedule(t, 0.5).length, 4);
});

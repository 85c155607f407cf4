// README: "--profile-interval ... each moves by up to ±20% at random, so a periodic burst cannot line up with
// them; one is always taken at each end of the window". Math.random is pinned to its extremes, so the times
// are known: the first snapshot at the start exactly, every later one a fifth of the interval early or late.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ProfileCollector } from '../src/collect/pprof-collector.ts';

const INTERVAL = 500;

async function heapTimes(random: number, t: import('node:test').TestContext): Promise<number[]> {
  const server = createServer((_req, res) => res.end('profile'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dir = mkdtempSync(join(tmpdir(), 'memgate-jitter-'));
  t.after(() => {
    server.closeAllConnections();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const random$ = t.mock.method(Math, 'random', () => random);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/debug/pprof`;
  const logger = { info: () => {}, warn: () => {} };
  const collector = new ProfileCollector({ bundleDir: dir, urls: { baseline: url, gray: null }, intervalMs: INTERVAL, timeoutMs: 2000, notes: [], logger, signal: new AbortController().signal });
  collector.start(100, 100 + 4 * INTERVAL);
  await sleep(100 + 4 * INTERVAL);
  const set = await collector.finish();
  random$.mock.restore();
  return set.entries.filter((e) => e.kind === 'heap').map((e) => e.t);
}

/** Timers fire late, never early; a loaded machine makes them later still. */
const near = (got: number, want: number) => got >= want - 5 && got <= want + 120;

test('periodic snapshots move a fifth of the interval early (random 0) ...', async (t) => {
  const times = await heapTimes(0, t);
  // start at 100; then 600, 1100, 1600, each moved 100 ms early; then the final one at the end of the window (2100)
  assert.equal(times.length, 5, JSON.stringify(times));
  assert.ok(near(times[0], 100), `first at the start, not moved: ${times[0]}`);
  for (const [i, want] of [500, 1000, 1500].entries()) assert.ok(near(times[i + 1], want), `snapshot ${i + 1} at ${times[i + 1]}, want ${want}`);
  assert.ok(times[4] >= 2095, `the final one at the end of the window: ${times[4]}`);
});

test('... or a fifth late (random 1), never both ways at once', async (t) => {
  const times = await heapTimes(1 - 1e-9, t);
  assert.equal(times.length, 5, JSON.stringify(times));
  assert.ok(near(times[0], 100), `first at the start, not moved: ${times[0]}`);
  for (const [i, want] of [700, 1200, 1700].entries()) assert.ok(near(times[i + 1], want), `snapshot ${i + 1} at ${times[i + 1]}, want ${want}`);
  assert.ok(times[4] >= 2095, `the final one at the end of the window: ${times[4]}`);
});

// Collection: fetching from pprof endpoints that answer, fail, hang or are not there; the bundle's
// profile directory and index; the pprof options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fetchProfile, profileUrl } from '../src/collect/pprof-fetch.ts';
import { startProfiling, ProfileCollector } from '../src/collect/pprof-collector.ts';
import { readProfileSet } from '../src/collect/pprof-bundle.ts';
import { buildPlan } from '../src/config/plan.ts';
import { UsageError } from '../src/model/errors.ts';
import { freePort } from '../src/workload/ports.ts';
import type { Logger } from '../src/model/logger.ts';

const DATA = join(import.meta.dirname, 'data/pprof');
const heapBytes = readFileSync(join(DATA, 'leak-map/pprof/gray-heap-000.pb.gz'));
const dumpText = readFileSync(join(DATA, 'blocked/pprof/gray-goroutine-000.txt'));

/** A pprof endpoint: `mode` decides how it answers; it records every request path. */
async function endpoint(
  mode: 'ok' | 'http-500' | 'hang',
): Promise<{ url: string; requests: string[]; server: Server }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (mode === 'hang') return; // never answers
    if (mode === 'http-500') {
      res.writeHead(500).end('boom');
      return;
    }
    if (req.url?.startsWith('/debug/pprof/heap'))
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(heapBytes);
    else if (req.url?.startsWith('/debug/pprof/goroutine'))
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end(dumpText);
    else res.writeHead(404).end('404 page not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}/debug/pprof`, requests, server };
}

function captureLogger(): Logger & { warnings: string[]; infos: string[] } {
  const warnings: string[] = [];
  const infos: string[] = [];
  return { warnings, infos, info: (m) => infos.push(m), warn: (m) => warnings.push(m) };
}

test('profile URLs: heap with ?gc=1, goroutines with ?debug=2, trailing slashes tolerated', () => {
  assert.equal(profileUrl('http://127.0.0.1:6060/debug/pprof/', 'heap'), 'http://127.0.0.1:6060/debug/pprof/heap?gc=1');
  assert.equal(
    profileUrl('http://127.0.0.1:6060/debug/pprof', 'goroutine'),
    'http://127.0.0.1:6060/debug/pprof/goroutine?debug=2',
  );
});

test('fetch failures come back as reasons: HTTP status, no answer in time, nobody listening', async (t) => {
  const bad = await endpoint('http-500');
  const hang = await endpoint('hang');
  t.after(() => {
    bad.server.close();
    hang.server.closeAllConnections();
    hang.server.close();
  });
  const r500 = await fetchProfile(`${bad.url}/heap?gc=1`, 2000);
  assert.deepEqual([r500.ok, !r500.ok && r500.error], [false, `HTTP 500 from ${bad.url}/heap?gc=1`]);
  const slow = await fetchProfile(`${hang.url}/heap?gc=1`, 300);
  assert.ok(!slow.ok && slow.error.startsWith('no answer in time'), JSON.stringify(slow));
  const closed = await fetchProfile(`http://127.0.0.1:${await freePort()}/debug/pprof/heap`, 2000);
  assert.ok(!closed.ok && /ECONNREFUSED/.test(closed.error), JSON.stringify(closed));
});

test('the collector fetches both sides at the start, every interval and at the end; failures are recorded and warned once', async (t) => {
  const good = await endpoint('ok');
  const bad = await endpoint('http-500');
  const dir = mkdtempSync(join(tmpdir(), 'memgate-collect-'));
  t.after(() => {
    good.server.close();
    bad.server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const logger = captureLogger();
  const collector = startProfiling({
    templates: { baseline: good.url, gray: bad.url },
    ports: { baseline: [null], gray: [null] },
    intervalMs: 500,
    warmupMs: 100,
    totalMs: 1300,
    bundleDir: dir,
    logger,
    signal: new AbortController().signal,
  })!;
  assert.ok(collector instanceof ProfileCollector);
  await sleep(1300);
  const set = await collector.finish();
  // Snapshots at 100 ms and 600 ms (1100 ms is too close to the end), then the final one.
  const seqs = [...new Set(set.entries.map((e) => e.seq))];
  assert.deepEqual(seqs, [0, 1, 2]);
  assert.deepEqual(
    good.requests.slice(0, 2),
    ['/debug/pprof/heap?gc=1', '/debug/pprof/goroutine?debug=2'],
    'heap first, then the dump',
  );
  assert.equal(good.requests.length, 6);
  const baseline = set.entries.filter((e) => e.side === 'baseline');
  assert.ok(baseline.every((e) => e.error === null && e.file !== null));
  assert.deepEqual(
    baseline.map((e) => e.file),
    [
      'pprof/baseline-goroutine-000.txt',
      'pprof/baseline-heap-000.pb.gz',
      'pprof/baseline-goroutine-001.txt',
      'pprof/baseline-heap-001.pb.gz',
      'pprof/baseline-goroutine-002.txt',
      'pprof/baseline-heap-002.pb.gz',
    ],
  );
  assert.ok(set.entries.find((e) => e.seq === 0)!.t >= 90, 'the first snapshot waits for the end of warm-up');
  // Kept as fetched, byte for byte.
  assert.deepEqual(readFileSync(join(dir, 'pprof/baseline-heap-000.pb.gz')), heapBytes);
  assert.deepEqual(readFileSync(join(dir, 'pprof/baseline-goroutine-002.txt')), dumpText);
  const gray = set.entries.filter((e) => e.side === 'gray');
  assert.equal(gray.length, 6);
  assert.ok(
    gray.every(
      (e) =>
        e.file === null &&
        e.error === `HTTP 500 from ${bad.url}/${e.kind === 'heap' ? 'heap?gc=1' : 'goroutine?debug=2'}`,
    ),
  );
  assert.deepEqual(logger.warnings, [
    `gray heap profile not fetched: HTTP 500 from ${bad.url}/heap?gc=1; the gate goes on without it`,
    `gray goroutine dump not fetched: HTTP 500 from ${bad.url}/goroutine?debug=2; the gate goes on without it`,
  ]);
  // The index on disk reads back to the same set.
  const back = readProfileSet(dir)!;
  assert.deepEqual({ ...back, data: Object.keys(back.data).sort() }, { ...set, data: Object.keys(set.data).sort() });
});

test('an endpoint that hangs costs a timeout per fetch, not the run', async (t) => {
  const hang = await endpoint('hang');
  const dir = mkdtempSync(join(tmpdir(), 'memgate-collect-'));
  t.after(() => {
    hang.server.closeAllConnections();
    hang.server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const logger = captureLogger();
  const collector = new ProfileCollector({
    bundleDir: dir,
    urls: { baseline: hang.url, gray: null },
    intervalMs: 400,
    timeoutMs: 300,
    notes: [],
    logger,
    signal: new AbortController().signal,
  });
  collector.start(0, 900);
  await sleep(900);
  const started = performance.now();
  const set = await collector.finish();
  assert.ok(performance.now() - started < 1500, 'finish waits at most a timeout or two');
  assert.ok(set.entries.length >= 2 && set.entries.every((e) => e.error?.startsWith('no answer in time')));
  assert.equal(logger.warnings.length, 2);
  assert.match(set.notes.join(), /snapshot\(s\) skipped because the one before was still being fetched/);
});

test('an interrupted run stops collecting at once, with no final snapshot', async (t) => {
  const good = await endpoint('ok');
  const dir = mkdtempSync(join(tmpdir(), 'memgate-collect-'));
  t.after(() => {
    good.server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const controller = new AbortController();
  const collector = startProfiling({
    templates: { baseline: good.url, gray: good.url },
    ports: { baseline: [null], gray: [null] },
    intervalMs: 200,
    warmupMs: 0,
    totalMs: 6000,
    bundleDir: dir,
    logger: captureLogger(),
    signal: controller.signal,
  })!;
  // The first snapshot is due at 100 ms (the middle of the first 200 ms slot), the next at 300 ms.
  await sleep(200);
  controller.abort();
  const set = await collector.finish();
  assert.deepEqual([...new Set(set.entries.map((e) => e.seq))], [0]);
});

test('a side without {port} in its command gets no profiles, with a note; {port} is filled in', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-collect-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const logger = captureLogger();
  const collector = startProfiling({
    templates: { baseline: 'http://127.0.0.1:{port}/debug/pprof', gray: 'http://127.0.0.1:{port}/debug/pprof' },
    ports: { baseline: [null], gray: [4242] },
    intervalMs: 10_000,
    warmupMs: 60_000,
    totalMs: 120_000,
    bundleDir: dir,
    logger,
    signal: new AbortController().signal,
  })!;
  collector.stop();
  const index = JSON.parse(readFileSync(join(dir, 'pprof/index.json'), 'utf8'));
  assert.deepEqual(index.urls, { baseline: null, gray: 'http://127.0.0.1:4242/debug/pprof' });
  assert.match(
    index.notes[0],
    /the baseline command has no \{port\}, so memgate does not know its pprof address; no baseline profiles \(give --baseline-pprof URL\)/,
  );
  assert.deepEqual(logger.warnings, index.notes);
  assert.equal(
    startProfiling({
      templates: { baseline: null, gray: null },
      ports: { baseline: [1], gray: [2] },
      intervalMs: 1000,
      warmupMs: 0,
      totalMs: 1000,
      bundleDir: dir,
      logger,
      signal: new AbortController().signal,
    }),
    null,
    '--pprof off: no collector',
  );
});

// ---- options ----

const ctx = { cwd: '/', pathEnv: '/usr/bin:/bin' };
const cmds = { baseline: '/bin/sleep {port}', gray: '/bin/sleep {port}' };

test('pprof options: default per side, --pprof for both, per-side overrides, off, interval', () => {
  const plain = buildPlan(cmds, ctx);
  assert.deepEqual(plain.pprof, {
    baseline: 'http://127.0.0.1:{port}/debug/pprof',
    gray: 'http://127.0.0.1:{port}/debug/pprof',
  });
  assert.equal(plain.profileIntervalMs, 5_000);
  assert.deepEqual(buildPlan({ ...cmds, pprof: 'off' }, ctx).pprof, { baseline: null, gray: null });
  assert.deepEqual(buildPlan({ ...cmds, pprof: 'off', 'gray-pprof': 'http://127.0.0.1:6060/debug/pprof' }, ctx).pprof, {
    baseline: null,
    gray: 'http://127.0.0.1:6060/debug/pprof',
  });
  assert.deepEqual(buildPlan({ ...cmds, pprof: 'http://localhost:{port}/pp', 'baseline-pprof': 'OFF' }, ctx).pprof, {
    baseline: null,
    gray: 'http://localhost:{port}/pp',
  });
  assert.equal(buildPlan({ ...cmds, 'profile-interval': '2s' }, ctx).profileIntervalMs, 2000);
  // The default needs {port}; without it the gate notes that at run time instead of refusing.
  assert.equal(
    buildPlan({ baseline: '/bin/sleep 1', gray: '/bin/sleep 1' }, ctx).pprof.gray,
    'http://127.0.0.1:{port}/debug/pprof',
  );
});

test('pprof options that cannot work are usage errors naming the fix', () => {
  assert.throws(
    () => buildPlan({ ...cmds, pprof: 'ftp://x/debug/pprof' }, ctx),
    (e: Error) =>
      e instanceof UsageError &&
      /--pprof: "ftp:\/\/x\/debug\/pprof" is not an http URL; give the pprof base URL, e\.g\. http:\/\/127\.0\.0\.1:\{port\}\/debug\/pprof, or off\./.test(
        e.message,
      ),
  );
  assert.throws(
    () => buildPlan({ ...cmds, 'gray-pprof': 'not a url' }, ctx),
    /--gray-pprof: "not a url" is not an http URL/,
  );
  assert.throws(
    () =>
      buildPlan(
        {
          baseline: '/bin/sleep 1',
          gray: '/bin/sleep {port}',
          'baseline-pprof': 'http://127.0.0.1:{port}/debug/pprof',
        },
        ctx,
      ),
    /--baseline-pprof: .* uses \{port\}, but the baseline command has no \{port\}/,
  );
  assert.throws(
    () => buildPlan({ ...cmds, 'profile-interval': '100ms' }, ctx),
    /--profile-interval must be at least 500ms/,
  );
  assert.throws(
    () => buildPlan({ ...cmds, 'profile-interval': 'often' }, ctx),
    /--profile-interval: "often" is not a duration/,
  );
});

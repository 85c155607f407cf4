// Each leak pattern's own thresholds, on made-up heaps and goroutine dumps: the ticker's noise floor, the
// pool's "more than half of baseline", which goroutine states count as blocked, the goroutine pile-up size,
// the growth shape of an unbounded map, confidences and messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffHeaps, type HeapSeries } from '../src/analyze/heap-diff.ts';
import type { HeapSnapshot, HeapStack } from '../src/analyze/heap-profile.ts';
import { diffGoroutines, type GoroutineDiff } from '../src/analyze/goroutine-clusters.ts';
import { parseGoroutineDump } from '../src/analyze/goroutine-parse.ts';
import {
  MIN_GOROUTINE_GROWTH,
  detectPatterns,
  goroutineThreshold,
  growingClusters,
  risesThroughout,
} from '../src/analyze/patterns.ts';

const KiB = 1024;
const MiB = 1024 * KiB;

function stack(fns: string[], inuseBytes: number, allocBytes = inuseBytes): HeapStack {
  return {
    key: fns.join('\n'),
    frames: fns.map((fn, i) => ({ fn, file: `/app/${fn.replace(/\W/g, '_')}.go`, line: 10 + i })),
    inuseBytes,
    inuseObjects: Math.round(inuseBytes / 256),
    allocBytes,
    allocObjects: Math.round(allocBytes / 256),
  };
}
function snapshot(stacks: HeapStack[], periodBytes: number): HeapSnapshot {
  const totals = { inuseBytes: 0, inuseObjects: 0, allocBytes: 0, allocObjects: 0 };
  for (const s of stacks) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += s[k];
  return { stacks: new Map(stacks.map((s) => [s.key, s])), totals, periodBytes, timeNanos: null };
}
function side(n: number, at: (i: number) => HeapStack[], periodBytes = 512 * KiB): HeapSeries {
  return {
    times: [...Array(n).keys()].map((i) => i * 10),
    snapshots: [...Array(n).keys()].map((i) => snapshot(at(i), periodBytes)),
  };
}
const common = () => [stack(['main.newWarmCache', 'main.main'], 4 * MiB)];
const ids = (claims: ReturnType<typeof detectPatterns>) => claims.map((c) => c.pattern.id);

// ---- ticker-not-stopped ----

const ticker = (perSnapshot: number) => (i: number) => [
  ...common(),
  stack(['time.NewTicker', 'main.runSubscription', 'main.handle'], Math.round(i * perSnapshot)),
];

test('ticker: growth at or under the noise floor is nothing; above it, the pattern with its caller', () => {
  // 5 snapshots, 4 steps: growth = 4 x step; the floor is 1.5 MiB
  assert.deepEqual(
    ids(detectPatterns(diffHeaps({ gray: side(5, ticker((1.5 * MiB) / 4)), baseline: side(5, common) }), null)),
    [],
    'exactly the floor',
  );
  const claims = detectPatterns(diffHeaps({ gray: side(5, ticker((1.6 * MiB) / 4)), baseline: side(5, common) }), null);
  assert.deepEqual(ids(claims), ['ticker-not-stopped']);
  const p = claims[0].pattern;
  assert.equal(
    p.message,
    `Tickers are created and never stopped: memory retained under time.NewTicker grew 1.6 MiB more in gray than in baseline (about ${Math.round((1.6 * MiB) / 256)} more live objects), created in main.runSubscription.`,
  );
  assert.deepEqual(p.functions, ['time.NewTicker', 'main.runSubscription']);
  assert.equal(p.confidence, 0.95, 'all the growth there is: 0.6 + 0.35');
  assert.match(p.hint, /defer t\.Stop\(\)/);
  assert.deepEqual([...claims[0].stacks], ['time.NewTicker\nmain.runSubscription\nmain.handle']);
});

test('ticker: every timer frame counts, baseline growth is subtracted, confidence follows its share', () => {
  for (const frame of ['time.Tick', 'time.startTimer', 'runtime.addtimer', 'time.(*Ticker).Reset']) {
    const g = (i: number) => [...common(), stack([frame, 'main.poll'], i * MiB)];
    assert.deepEqual(
      ids(detectPatterns(diffHeaps({ gray: side(5, g), baseline: side(5, common) }), null)),
      ['ticker-not-stopped'],
      frame,
    );
  }
  const both = diffHeaps({ gray: side(5, ticker(MiB)), baseline: side(5, ticker(0.7 * MiB)) });
  assert.deepEqual(ids(detectPatterns(both, null)), [], '4 MiB against 2.8 MiB: 1.2 MiB more is under the floor');
  const mixed = (i: number) => [...ticker(MiB)(i), stack(['main.(*Store).put', 'main.handle'], i * 3 * MiB)];
  const claims = detectPatterns(diffHeaps({ gray: side(5, mixed), baseline: side(5, common) }), null);
  const t = claims.find((c) => c.pattern.id === 'ticker-not-stopped')!;
  assert.equal(t.pattern.confidence, 0.69, 'a quarter of the growth: 0.6 + 0.35 x 0.25');
  const anonymous = (i: number) => [...common(), stack(['time.NewTicker', 'runtime.main'], i * MiB)];
  const lone = detectPatterns(diffHeaps({ gray: side(5, anonymous), baseline: side(5, common) }), null)[0].pattern;
  assert.deepEqual(lone.functions, ['time.NewTicker'], 'no application caller: none named');
  assert.doesNotMatch(lone.message, /created in/);
});

// ---- sync-pool-misuse ----

const POOL = ['main.newBuf', 'sync.(*Pool).Get', 'main.encode'];
const FINE = 4096; // a fine sampling period, so that only the 50% rule decides
const pool =
  (bytes: number, alloc = bytes) =>
  () => [...common(), stack(POOL, bytes, alloc)];

test("pool: a higher plateau must be more than half of baseline's pool, not just beyond noise", () => {
  const pair = (gray: number, baseline: number) =>
    ids(detectPatterns(diffHeaps({ gray: side(4, pool(gray), FINE), baseline: side(4, pool(baseline), FINE) }), null));
  assert.deepEqual(pair(28 * MiB, 20 * MiB), [], '8 MiB over 20 MiB is 40%');
  assert.deepEqual(pair(30 * MiB, 20 * MiB), [], 'exactly half');
  assert.deepEqual(pair(31 * MiB, 20 * MiB), ['sync-pool-misuse']);
  assert.deepEqual(pair(2 * MiB, 0), ['sync-pool-misuse'], 'no pool in baseline at all');
  assert.deepEqual(pair(MiB / 8, 0), [], 'under the 256 KiB floor');
});

test('pool: the plateau must also beyond the level noise of sampling', () => {
  // at the default period: levelNoise(31 MiB, 20 MiB) = 4 x sqrt(31 MiB x 512 KiB) = 15.7 MiB > 11 MiB
  assert.deepEqual(
    ids(detectPatterns(diffHeaps({ gray: side(4, pool(31 * MiB)), baseline: side(4, pool(20 * MiB)) }), null)),
    [],
  );
  assert.deepEqual(
    ids(detectPatterns(diffHeaps({ gray: side(4, pool(40 * MiB)), baseline: side(4, pool(20 * MiB)) }), null)),
    ['sync-pool-misuse'],
  );
});

test('pool: growth alone, messages, functions and confidence parts', () => {
  const growing = (i: number) => [...common(), stack(POOL, 10 * MiB + i * MiB, 100 * MiB)];
  const g = detectPatterns(diffHeaps({ gray: side(5, growing, FINE), baseline: side(5, pool(10 * MiB), FINE) }), null);
  assert.deepEqual(ids(g), ['sync-pool-misuse']);
  assert.equal(
    g[0].pattern.message,
    'Objects taken from a sync.Pool are kept instead of put back: memory retained under sync.(*Pool).Get (New = main.newBuf, called from main.encode) grew 4.0 MiB more in gray than in baseline.',
  );
  assert.equal(g[0].pattern.confidence, 0.65, 'grew, not higher by half: 0.5 + 0.15');
  assert.deepEqual(g[0].pattern.functions, ['main.newBuf', 'main.encode']);
  const plateau = detectPatterns(
    diffHeaps({ gray: side(4, pool(24 * MiB), FINE), baseline: side(4, common, FINE) }),
    null,
  )[0].pattern;
  assert.match(plateau.message, /\) rests 24\.0 MiB higher in gray than in baseline\.$/);
  assert.equal(plateau.confidence, 0.65, 'higher, not grown: 0.5 + 0.15');
  // churn: gray's New allocates far more per second (4x baseline and beyond noise)
  const churning = (i: number) => [...common(), stack(POOL, 24 * MiB, 24 * MiB + i * 100 * MiB)];
  const c = detectPatterns(
    diffHeaps({
      gray: side(4, churning, FINE),
      baseline: side(4, (i) => [...common(), stack(POOL, MiB, MiB + i * MiB)], FINE),
    }),
    null,
  )[0].pattern;
  assert.match(c.message, /, and the pool's New allocates 594\.0 MiB\/min more, so the pool is not reused\.$/);
  assert.equal(c.confidence, 0.8, 'higher and churning: 0.5 + 0.15 + 0.15');
  const notFourTimes = detectPatterns(
    diffHeaps({
      gray: side(4, (i) => [...common(), stack(POOL, 24 * MiB, i * 40 * MiB)], FINE),
      baseline: side(4, (i) => [...common(), stack(POOL, MiB, i * 20 * MiB)], FINE),
    }),
    null,
  )[0].pattern;
  assert.doesNotMatch(notFourTimes.message, /allocates/, 'twice the allocation is not churn');
  const both = detectPatterns(
    diffHeaps({
      gray: side(5, (i) => [...common(), stack(POOL, 20 * MiB + i * MiB, 100 * MiB)], FINE),
      baseline: side(5, pool(MiB), FINE),
    }),
    null,
  )[0].pattern;
  assert.equal(both.confidence, 0.8, 'grew and higher: 0.5 + 0.15 + 0.15');
});

test("pool: New is the function that holds gray's objects; no pool frames, no pattern", () => {
  const two = () => [
    ...common(),
    stack(['main.oldBuf', 'sync.(*Pool).Get', 'main.encode'], 0),
    stack(['main.newBuf', 'sync.(*Pool).Get', 'main.encode'], 8 * MiB),
  ];
  const p = detectPatterns(diffHeaps({ gray: side(4, two, FINE), baseline: side(4, common, FINE) }), null)[0].pattern;
  assert.match(p.message, /\(New = main\.newBuf, called from main\.encode\)/);
  assert.deepEqual(
    ids(
      detectPatterns(
        diffHeaps({
          gray: side(4, () => [...common(), stack(['main.newBuf', 'main.encode'], 8 * MiB)], FINE),
          baseline: side(4, common, FINE),
        }),
        null,
      ),
    ).includes('sync-pool-misuse'),
    false,
  );
});

// ---- goroutine-blocked ----

function dump(groups: { n: number; state: string; fn: string; creator: string | null; idBase: number }[]): string {
  const out: string[] = [];
  for (const g of groups) {
    for (let k = 0; k < g.n; k++) {
      out.push(
        `goroutine ${g.idBase + k} [${g.state}]:`,
        `${g.fn}()`,
        `\t/app/${g.fn.replace(/\W/g, '_')}.go:42 +0x1d`,
      );
      if (g.creator) out.push(`created by ${g.creator} in goroutine 1`, '\t/app/start.go:7 +0x55');
      out.push('');
    }
  }
  return out.join('\n');
}
/** Gray gains `extra` goroutines of one kind over 3 dumps; baseline has `base` of them throughout. */
function goroutines(
  state: string,
  extra: number,
  base = 0,
  fn = 'main.worker',
  creator: string | null = 'main.startWorkers',
): GoroutineDiff {
  const at = (n: number) =>
    parseGoroutineDump(
      dump([
        { n, state, fn, creator, idBase: 100 },
        { n: 1, state: 'IO wait', fn: 'main.main', creator: null, idBase: 1 },
      ]),
    );
  return diffGoroutines({
    gray: { times: [0, 10, 20], dumps: [at(base), at(base + Math.round(extra / 2)), at(base + extra)] },
    baseline: { times: [0, 10, 20], dumps: [at(base), at(base), at(base)] },
  });
}

test('goroutine-blocked: every parked state that never ends by itself counts, running and I/O do not', () => {
  const blocked = [
    'chan send',
    'chan receive',
    'select',
    'select (no cases)',
    'chan send (nil chan)',
    'chan receive (nil chan)',
    'semacquire',
    'sync.Mutex.Lock',
    'sync.RWMutex.Lock',
    'sync.RWMutex.RLock',
    'sync.WaitGroup.Wait',
    'sync.Cond.Wait',
  ];
  for (const state of blocked)
    assert.deepEqual(ids(detectPatterns(null, goroutines(state, 20))), ['goroutine-blocked'], state);
  for (const state of ['running', 'runnable', 'IO wait', 'sleep', 'syscall', 'chan send2', 'xselect'])
    assert.deepEqual(ids(detectPatterns(null, goroutines(state, 20))), [], state);
});

test("goroutine-blocked: at least 8 more, and at least a quarter of baseline's count", () => {
  assert.equal(MIN_GOROUTINE_GROWTH, 8);
  assert.deepEqual(ids(detectPatterns(null, goroutines('chan send', 6))), []);
  assert.deepEqual(ids(detectPatterns(null, goroutines('chan send', 8))), ['goroutine-blocked']);
  assert.deepEqual(
    ids(detectPatterns(null, goroutines('chan send', 20, 100))),
    [],
    '20 more than 100 is under a quarter',
  );
  assert.deepEqual(ids(detectPatterns(null, goroutines('chan send', 26, 100))), ['goroutine-blocked']);
  const c = goroutines('chan send', 26, 100).clusters.find((x) => x.entry === 'main.worker')!;
  assert.equal(goroutineThreshold(c), 25);
  assert.equal(growingClusters(goroutines('chan send', 24, 100)).length, 0);
  assert.equal(growingClusters(goroutines('chan send', 25, 100)).length, 1, 'exactly the threshold counts');
  assert.deepEqual(growingClusters(null), []);
});

test('goroutine-blocked: message, hint by state, creator and confidence', () => {
  const p = detectPatterns(null, goroutines('chan send', 20))[0].pattern;
  assert.equal(
    p.message,
    'Goroutines started by main.startWorkers pile up blocked in chan send: 20 more in gray than in baseline, running main.worker (app/main_worker.go:42).',
  );
  assert.match(p.hint, /^Give every goroutine a way to finish: make sure each send has a receiver that keeps running/);
  assert.deepEqual(p.functions, ['main.startWorkers', 'main.worker']);
  assert.equal(p.confidence, 0.9, 'all of the goroutine growth: 0.6 + 0.3');
  const lock = detectPatterns(null, goroutines('sync.Mutex.Lock', 20))[0].pattern;
  assert.match(lock.hint, /make sure each lock or wait is released on every path/);
  const orphan = detectPatterns(null, goroutines('select', 20, 0, 'main.loop', null))[0].pattern;
  assert.equal(
    orphan.message,
    'Goroutines pile up blocked in select: 20 more in gray than in baseline, running main.loop (app/main_loop.go:42).',
  );
  assert.deepEqual(orphan.functions, ['main.loop']);
  assert.match(orphan.hint, /send has a receiver/);
});

// ---- unbounded-map ----

test('unbounded-map: steady application growth beyond the floor and its scatter, rising in both halves', () => {
  const leak = (i: number) => [...common(), stack(['main.(*Registry).add', 'main.handle'], i * MiB)];
  const claims = detectPatterns(diffHeaps({ gray: side(6, leak), baseline: side(6, common) }), null);
  assert.deepEqual(ids(claims), ['unbounded-map']);
  const p = claims[0].pattern;
  assert.equal(
    p.message,
    `Memory retained at main.(*Registry).add (app/main___Registry__add.go:10) grows steadily in gray, 5.0 MiB more than in baseline over the window (about ${Math.round((5 * MiB) / 256)} more live objects), and is never released: it looks like a map or cache that is only ever added to.`,
  );
  assert.equal(p.confidence, 0.9, 'every step up, all the growth: min(0.9, 0.35 + 0.3 + 0.25)');
  assert.deepEqual(p.functions, ['main.(*Registry).add']);
  const viaLib = (i: number) => [...common(), stack(['encoding/json.Marshal', 'main.(*Audit).record'], i * MiB)];
  const lib = detectPatterns(diffHeaps({ gray: side(6, viaLib), baseline: side(6, common) }), null)[0].pattern;
  assert.match(lib.message, /^Memory retained at encoding\/json\.Marshal \(called from main\.\(\*Audit\)\.record\)/);
  assert.deepEqual(lib.functions, ['encoding/json.Marshal', 'main.(*Audit).record']);
  const runtimeOnly = (i: number) => [...common(), stack(['runtime.malg', 'main.spawn'], i * MiB)];
  assert.deepEqual(
    ids(detectPatterns(diffHeaps({ gray: side(6, runtimeOnly), baseline: side(6, common) }), null)),
    [],
    'runtime functions are not maps',
  );
});

test('unbounded-map: confidence follows how steadily it rises', () => {
  // up, up, down, up, up: 4 of 5 moving steps go up
  const levels = [0, 2, 4, 3, 5, 7];
  const bumpy = (i: number) => [...common(), stack(['main.(*Registry).add', 'main.handle'], levels[i] * MiB)];
  const p = detectPatterns(diffHeaps({ gray: side(6, bumpy), baseline: side(6, common) }), null)[0]?.pattern;
  assert.equal(p?.id, 'unbounded-map');
  assert.equal(p.confidence, Math.round((0.35 + 0.3 * 0.8 + 0.25) * 100) / 100);
});

test('risesThroughout: both halves must rise; two snapshots cannot tell', () => {
  assert.equal(risesThroughout([1, 2]), true);
  assert.equal(risesThroughout([5]), true);
  assert.equal(risesThroughout([1, 2, 3]), true);
  assert.equal(risesThroughout([1, 1, 3]), false, 'flat first half');
  assert.equal(risesThroughout([1, 3, 3]), false, 'flat second half');
  assert.equal(risesThroughout([1, 2, 3, 4]), true);
  assert.equal(risesThroughout([1, 1, 2, 3]), false, 'mid is index 1 for four points');
  assert.equal(risesThroughout([1, 2, 2, 3, 4]), true, 'mid is index 2 for five points');
  assert.equal(risesThroughout([1, 2, 3, 3, 3]), false);
});

test('patterns come most certain first; a claimed stack is not explained twice', () => {
  const g = (i: number) => [
    ...common(),
    stack(['time.NewTicker', 'main.sub'], i * 0.5 * MiB),
    stack(['main.(*Registry).add', 'main.handle'], i * 4 * MiB),
  ];
  const claims = detectPatterns(
    diffHeaps({ gray: side(6, g), baseline: side(6, common) }),
    goroutines('chan send', 20),
  );
  assert.deepEqual(ids(claims), ['goroutine-blocked', 'unbounded-map', 'ticker-not-stopped']);
  const confidences = claims.map((c) => c.pattern.confidence);
  assert.deepEqual(
    confidences,
    [...confidences].sort((a, b) => b - a),
  );
  const buffer = (i: number) => [
    ...common(),
    stack(
      ['bytes.growSlice', 'bytes.(*Buffer).grow', 'encoding/json.(*Encoder).Encode', 'main.(*auditLog).write'],
      i * MiB,
    ),
  ];
  const b = detectPatterns(diffHeaps({ gray: side(6, buffer), baseline: side(6, common) }), null);
  assert.deepEqual(ids(b), ['buffer-growth'], 'the map pattern does not claim the buffer again');
  assert.equal(
    b[0].pattern.message,
    'Buffers keep growing and are kept: memory retained under bytes.growSlice (bytes.Buffer growth) grew 5.0 MiB more in gray than in baseline, from main.(*auditLog).write via encoding/json.(*Encoder).Encode.',
  );
  assert.equal(b[0].pattern.confidence, 0.95);
});

// ---- transport-per-request ----

/** Gray gains `extra` idle client connections (a readLoop and a writeLoop each) over 3 dumps. */
function transport(
  extra: number,
  loops: ('readLoop' | 'writeLoop')[] = ['readLoop', 'writeLoop'],
  creator = 'net/http.(*Transport).dialConn',
  server = 0,
): GoroutineDiff {
  const at = (n: number, s: number) =>
    parseGoroutineDump(
      dump([
        ...loops.map((loop, i) => ({
          n,
          state: i === 0 ? 'IO wait' : 'select',
          fn: `net/http.(*persistConn).${loop}`,
          creator,
          idBase: 1000 * (i + 1),
        })),
        { n: s, state: 'IO wait', fn: 'net/http.(*conn).serve', creator: 'net/http.(*Server).Serve', idBase: 5000 },
        { n: 1, state: 'IO wait', fn: 'main.main', creator: null, idBase: 1 },
      ]),
    );
  return diffGoroutines({
    gray: {
      times: [0, 10, 20],
      dumps: [at(0, 0), at(Math.round(extra / 2), Math.round(server / 2)), at(extra, server)],
    },
    baseline: { times: [0, 10, 20], dumps: [at(0, 0), at(0, 0), at(0, 0)] },
  });
}

test('transport-per-request: client connection goroutines created by dialConn pile up', () => {
  const claims = detectPatterns(null, transport(20));
  assert.deepEqual(ids(claims), ['transport-per-request']);
  const p = claims[0].pattern;
  assert.equal(
    p.message,
    'A new http.Transport (or http.Client with its own Transport) is made per request and its keep-alive connections are never reused or closed: 40 more idle HTTP client connection goroutines (persistConn readLoop/writeLoop) created by net/http.(*Transport).dialConn in gray than in baseline.',
  );
  assert.equal(p.confidence, 0.8, '0.45 + 0.25 (goroutines) + 0.1 (both loops)');
  assert.deepEqual(p.functions, ['net/http.(*persistConn).readLoop', 'net/http.(*persistConn).writeLoop']);
  assert.match(p.hint, /^Create one http\.Client \(and Transport\) at start-up and share it/);
  assert.equal(claims[0].clusters.size, 2);
  const oneLoop = detectPatterns(null, transport(20, ['readLoop']))[0].pattern;
  assert.equal(oneLoop.confidence, 0.7, 'one loop: no 0.1');
  assert.match(oneLoop.message, /\(persistConn readLoop\) created by/);
  const byCreator = detectPatterns(null, transport(20, ['readLoop'], 'main.dial'))[0]?.pattern;
  assert.equal(byCreator?.id, 'transport-per-request', 'a persistConn loop counts whoever created it');
  assert.deepEqual(ids(detectPatterns(null, transport(6))), [], 'under 8 more: no pile-up');
  const withServer = detectPatterns(
    null,
    transport(20, ['readLoop', 'writeLoop'], 'net/http.(*Transport).dialConn', 20),
  );
  assert.equal(withServer[0].clusters.size, 3, 'the server half of those connections is claimed too');
});

test('transport-per-request: seen in the heap alone, or in both', () => {
  const conn = (i: number) => [
    ...common(),
    stack(['bufio.NewReaderSize', 'net/http.(*Transport).dialConn', 'net/http.(*Transport).dialConnFor'], i * MiB),
  ];
  const heap = diffHeaps({ gray: side(5, conn), baseline: side(5, common) });
  const alone = detectPatterns(heap, null)[0].pattern;
  assert.equal(alone.id, 'transport-per-request');
  assert.equal(
    alone.message,
    'A new http.Transport (or http.Client with its own Transport) is made per request and its keep-alive connections are never reused or closed: 4.0 MiB more retained under net/http.(*Transport).dialConn in gray than in baseline.',
  );
  assert.equal(alone.confidence, 0.6, '0.45 + 0.15 (heap)');
  assert.deepEqual(alone.functions, ['net/http.(*Transport).dialConn']);
  const both = detectPatterns(heap, transport(20))[0].pattern;
  assert.equal(both.confidence, 0.95, 'min(0.95, 0.45 + 0.25 + 0.1 + 0.15)');
  assert.match(
    both.message,
    /created by net\/http\.\(\*Transport\)\.dialConn in gray than in baseline, holding 4\.0 MiB more\.$/,
  );
  const small = (i: number) => [
    ...common(),
    stack(['bufio.NewReaderSize', 'net/http.(*Transport).dialConn'], i * 0.3 * MiB),
  ];
  assert.deepEqual(
    ids(detectPatterns(diffHeaps({ gray: side(5, small), baseline: side(5, common) }), null)),
    [],
    'under the floor: nothing',
  );
});

test('goroutine-blocked: the oldest wait, other clusters like it, the heap they hold', () => {
  const at = (n: number) =>
    parseGoroutineDump(
      dump([
        { n, state: 'chan send, 7 minutes', fn: 'main.worker', creator: 'main.startWorkers', idBase: 100 },
        {
          n: Math.round(n / 2),
          state: 'sync.WaitGroup.Wait',
          fn: 'main.waiter',
          creator: 'main.startWaiters',
          idBase: 900,
        },
        { n: 1, state: 'IO wait', fn: 'main.main', creator: null, idBase: 1 },
      ]),
    );
  const g = diffGoroutines({
    gray: { times: [0, 10, 20], dumps: [at(0), at(15), at(30)] },
    baseline: { times: [0, 10, 20], dumps: [at(0), at(0), at(0)] },
  });
  const held = (i: number) => [...common(), stack(['main.newJob', 'main.startWorkers'], i * MiB)];
  const claims = detectPatterns(diffHeaps({ gray: side(3, held), baseline: side(3, common) }), g);
  const p = claims.find((c) => c.pattern.id === 'goroutine-blocked')!;
  assert.equal(
    p.pattern.message,
    'Goroutines started by main.startWorkers pile up blocked in chan send: 30 more in gray than in baseline, running main.worker (app/main_worker.go:42), the oldest waiting 7 minutes (and 1 more cluster like it).',
  );
  assert.equal(
    p.pattern.confidence,
    Math.round((0.6 + 0.3 * (30 / 45) + 0.05) * 100) / 100,
    'its share of the pile-up, and +0.05 for a measured wait',
  );
  assert.equal(p.clusters.size, 2);
  assert.deepEqual([...p.stacks], ['main.newJob\nmain.startWorkers'], 'the heap its creator allocated is part of it');
  const mainOnly = { n: 1, state: 'IO wait', fn: 'main.main', creator: null, idBase: 1 };
  const w = (n: number) =>
    parseGoroutineDump(
      dump([mainOnly, { n, state: 'chan send, 1 minutes', fn: 'main.w', creator: 'main.s', idBase: 5 }]),
    );
  const single = diffGoroutines({
    gray: { times: [0, 10, 20], dumps: [w(0), w(5), w(9)] },
    baseline: { times: [0, 10, 20], dumps: [w(0), w(0), w(0)] },
  });
  assert.match(
    detectPatterns(null, single)[0].pattern.message,
    /, the oldest waiting 1 minute\.$/,
    'one minute, singular',
  );
});

test("buffer-growth: every buffer frame, its share, the caller's other growth, no caller or via when there is none", () => {
  for (const frame of [
    'bytes.makeSlice',
    'bytes.(*Buffer).Grow',
    'strings.(*Builder).grow',
    'strings.(*Builder).Grow',
  ]) {
    const g = (i: number) => [...common(), stack([frame, 'main.(*log).add'], i * MiB)];
    assert.deepEqual(
      ids(detectPatterns(diffHeaps({ gray: side(6, g), baseline: side(6, common) }), null)),
      ['buffer-growth'],
      frame,
    );
  }
  const g = (i: number) => [
    ...common(),
    stack(['bytes.growSlice', 'bytes.(*Buffer).grow', 'main.(*log).add'], i * MiB),
    stack(['main.(*log).add', 'main.handle'], i * MiB),
    stack(['main.(*Other).put', 'main.handle'], i * 2 * MiB),
  ];
  const claims = detectPatterns(diffHeaps({ gray: side(6, g), baseline: side(6, common) }), null);
  const b = claims.find((c) => c.pattern.id === 'buffer-growth')!;
  assert.equal(
    b.pattern.message,
    'Buffers keep growing and are kept: memory retained under bytes.growSlice (bytes.Buffer growth) grew 5.0 MiB more in gray than in baseline, from main.(*log).add.',
  );
  assert.equal(b.pattern.confidence, Math.round((0.55 + 0.4 * 0.25) * 100) / 100, 'a quarter of the growth');
  assert.deepEqual(b.pattern.functions, ['bytes.growSlice', 'main.(*log).add']);
  assert.deepEqual(
    [...b.stacks].sort(),
    ['bytes.growSlice\nbytes.(*Buffer).grow\nmain.(*log).add', 'main.(*log).add\nmain.handle'],
    "the caller's own growth is the same story; another function's is not",
  );
  assert.deepEqual(ids(claims).sort(), ['buffer-growth', 'unbounded-map']);
  const bare = (i: number) => [...common(), stack(['bytes.growSlice'], i * MiB)];
  const p = detectPatterns(diffHeaps({ gray: side(6, bare), baseline: side(6, common) }), null)[0].pattern;
  assert.equal(
    p.message,
    'Buffers keep growing and are kept: memory retained under bytes.growSlice (bytes.Buffer growth) grew 5.0 MiB more in gray than in baseline.',
  );
  assert.deepEqual(p.functions, ['bytes.growSlice']);
});

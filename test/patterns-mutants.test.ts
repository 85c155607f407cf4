// Leak patterns on hand-made heap and goroutine differences (src/analyze/patterns.ts), for the decisions the
// mutation run (npm run mutate) found untested: which stacks and clusters a pattern claims, the caller it
// names, shrinking stacks left out of a sum, exact noise edges, the pool's churn noise, confidences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FunctionGrowth, HeapDiff, StackGrowth } from '../src/analyze/heap-diff.ts';
import type { ClusterGrowth, GoroutineDiff } from '../src/analyze/goroutine-clusters.ts';
import { detectPatterns } from '../src/analyze/patterns.ts';

const KiB = 1024;
const MiB = 1024 * KiB;
const FLOOR = MiB;

interface StackOptions {
  /** Growth over the window, gray and baseline. */
  g?: number;
  b?: number;
  /** Retained at the end, gray and baseline. */
  ge?: number;
  be?: number;
  /** Allocated over the window, gray and baseline. */
  ag?: number;
  ab?: number;
  /** Live objects grown, gray and baseline. */
  og?: number;
  ob?: number;
  /** Frames without a source file. */
  noFile?: boolean;
}

function sg(fns: string[], o: StackOptions = {}): StackGrowth {
  const change = (bytes: number, objects?: number) => ({ bytes, objects: objects ?? Math.round(bytes / 256) });
  return {
    key: fns.join('\n') || '<empty>',
    frames: fns.map((fn, i) => ({ fn, file: o.noFile ? '' : `/app/${fn.replace(/\W/g, '_')}.go`, line: 10 + i })),
    growth: { gray: change(o.g ?? 0, o.og), baseline: change(o.b ?? 0, o.ob) },
    end: { gray: change(o.ge ?? o.g ?? 0), baseline: change(o.be ?? 0) },
    allocated: { gray: o.ag ?? 0, baseline: o.ab ?? 0 },
    grayEndMinusStart: change(o.g ?? 0),
  };
}

function fg(stacks: StackGrowth[], graySeries: number[], scatterBytes = 0): FunctionGrowth {
  const sum = (pick: (s: StackGrowth) => number) => stacks.reduce((a, s) => a + pick(s), 0);
  return {
    function: stacks[0].frames[0].fn,
    growth: {
      gray: { bytes: sum((s) => s.growth.gray.bytes), objects: 0 },
      baseline: { bytes: sum((s) => s.growth.baseline.bytes), objects: 0 },
    },
    end: { gray: { bytes: 0, objects: 0 }, baseline: { bytes: 0, objects: 0 } },
    allocated: { gray: 0, baseline: 0 },
    stacks,
    graySeries,
    scatterBytes,
    growthError: { gray: null, baseline: null },
  };
}

function heap(
  stacks: StackGrowth[],
  o: { functions?: FunctionGrowth[]; floor?: number; period?: number; spans?: { gray: number; baseline: number } } = {},
): HeapDiff {
  return {
    stacks,
    functions: o.functions ?? [],
    sides: {} as HeapDiff['sides'],
    noiseFloorBytes: o.floor ?? FLOOR,
    periodBytes: o.period ?? 512 * KiB,
    spans: o.spans ?? { gray: 60, baseline: 60 },
    inuseGrowthDifference: null,
    churn: [],
  };
}

function cluster(
  key: string,
  o: { entry?: string; frames?: string[]; createdBy?: string | null; state?: string; more: number; noFile?: boolean },
): ClusterGrowth {
  const frames = (o.frames ?? [o.entry ?? 'main.worker']).map((fn) => ({
    fn,
    file: o.noFile ? '' : `/app/${fn.replace(/\W/g, '_')}.go`,
    line: 42,
  }));
  return {
    key,
    entry: o.entry ?? frames.at(-1)!.fn,
    createdBy: o.createdBy ? { fn: o.createdBy, file: '/app/start.go', line: 7 } : null,
    frames,
    growth: { gray: o.more, baseline: 0 },
    end: {
      gray: { count: o.more, states: { [o.state ?? 'chan send']: o.more }, maxWaitMinutes: null },
      baseline: { count: 0, states: {}, maxWaitMinutes: null },
    },
    difference: o.more,
  };
}
const goroutines = (clusters: ClusterGrowth[]): GoroutineDiff => ({
  clusters,
  totals: { gray: { start: 0, end: 0, dumps: 3 }, baseline: { start: 0, end: 0, dumps: 3 } },
});

const find = (claims: ReturnType<typeof detectPatterns>, id: string) => claims.find((c) => c.pattern.id === id);
const keys = (set: Set<string>) => [...set].sort();

// ---- ticker-not-stopped ----

test("ticker: the caller named is the one under the most growth, whatever the stacks' order", () => {
  const stacks = [
    sg(['time.NewTicker', 'main.b'], { g: MiB }),
    sg(['time.NewTicker', 'main.a'], { g: 3 * MiB }),
    sg(['time.NewTicker', 'main.c'], { g: 2 * MiB }),
  ];
  const t = find(detectPatterns(heap(stacks), null), 'ticker-not-stopped')!.pattern;
  assert.deepEqual(t.functions, ['time.NewTicker', 'main.a']);
  assert.match(t.message, /, created in main\.a\.$/);
  const tie = [
    sg(['time.NewTicker', 'main.first'], { g: 2 * MiB }),
    sg(['time.NewTicker', 'main.second'], { g: 2 * MiB }),
  ];
  assert.deepEqual(
    find(detectPatterns(heap(tie), null), 'ticker-not-stopped')!.pattern.functions,
    ['time.NewTicker', 'main.first'],
    'a tie: the first one',
  );
});

test('ticker: a shrinking ticker stack is not subtracted, a flat one is not claimed, objects are net of baseline', () => {
  const stacks = [
    sg(['time.NewTicker', 'main.poll'], { g: 2 * MiB, og: 1000, ob: 400 }),
    sg(['time.NewTicker', 'main.old'], { g: 0, b: 1.5 * MiB }),
    sg(['time.Tick', 'main.flat'], { g: MiB, b: MiB }),
  ];
  const claims = detectPatterns(heap(stacks), null);
  const t = find(claims, 'ticker-not-stopped');
  assert.ok(t, '2 MiB over a 1 MiB floor: the 1.5 MiB that shrank elsewhere does not cancel it');
  assert.match(t.pattern.message, /grew 2\.0 MiB more in gray than in baseline \(about 600 more live objects\)/);
  assert.deepEqual(keys(t.stacks), ['time.NewTicker\nmain.poll']);
});

test('ticker: share of the total positive growth, baseline subtracted per function; no caller, no clause', () => {
  const ticker = sg(['time.NewTicker', 'runtime.main'], { g: 2 * MiB });
  const other = sg(['main.(*Store).put'], { g: 2 * MiB, b: MiB });
  const shrinking = sg(['main.drop'], { g: 0, b: 5 * MiB });
  const h = heap([ticker, other, shrinking], { functions: [fg([ticker], []), fg([other], []), fg([shrinking], [])] });
  const t = find(detectPatterns(h, null), 'ticker-not-stopped')!.pattern;
  // total = 2 MiB + (2 - 1) MiB; the shrinking function adds nothing: share 2/3, 0.6 + 0.35 x 2/3
  assert.equal(t.confidence, 0.83);
  assert.equal(
    t.message,
    `Tickers are created and never stopped: memory retained under time.NewTicker grew 2.0 MiB more in gray than in baseline (about ${(2 * MiB) / 256} more live objects).`,
  );
});

// ---- transport-per-request ----

const READ = 'net/http.(*persistConn).readLoop';
const WRITE = 'net/http.(*persistConn).writeLoop';
const DIAL = 'net/http.(*Transport).dialConn';

test('transport: loops named short and sorted; clusters, the server half, malg and server buffers claimed', () => {
  const read = cluster('read', { frames: ['internal/poll.wait', READ], createdBy: DIAL, state: 'IO wait', more: 20 });
  const write = cluster('write', { frames: [WRITE], createdBy: DIAL, state: 'select', more: 20 });
  const server = cluster('server', { entry: 'net/http.(*conn).serve', state: 'IO wait', more: 20 });
  const unrelated = cluster('other', { entry: 'main.tick', state: 'sleep', more: 20 });
  const stacks = [
    sg(['net/http.(*Transport).dialConn', 'main.call'], { g: 2 * MiB }),
    sg(['net/http.(*persistConn).roundTrip', 'main.call'], { g: -MiB }),
    sg(['runtime.malg', 'runtime.newproc1'], { g: MiB }),
    sg(['bufio.NewReaderSize', 'net/http.(*conn).serve'], { g: MiB }),
    sg(['net/http.newBufioWriter', 'main.x', 'net/http.(*Server).Serve'], { g: MiB }),
    sg(['mybufio.Read', 'net/http.(*conn).serve'], { g: MiB }),
    sg(['main.handle', 'net/http.(*conn).serve'], { g: MiB }),
    sg(['bufio.NewReaderSize', 'main.client'], { g: MiB }),
    sg([], { g: MiB }),
  ];
  const t = find(
    detectPatterns(heap(stacks, { floor: 1.5 * MiB }), goroutines([write, read, server, unrelated])),
    'transport-per-request',
  )!;
  assert.equal(
    t.pattern.message,
    'A new http.Transport (or http.Client with its own Transport) is made per request and its keep-alive connections are never reused or closed: 40 more idle HTTP client connection goroutines (persistConn readLoop/writeLoop) created by net/http.(*Transport).dialConn in gray than in baseline, holding 2.0 MiB more.',
  );
  assert.equal(t.pattern.confidence, 0.95, '0.45 + 0.25 + 0.1 + 0.15');
  assert.deepEqual(t.pattern.functions, [WRITE, READ, DIAL]);
  assert.deepEqual(keys(t.clusters), ['read', 'server', 'write']);
  assert.deepEqual(keys(t.stacks), [
    'bufio.NewReaderSize\nnet/http.(*conn).serve',
    'net/http.(*Transport).dialConn\nmain.call',
    'net/http.newBufioWriter\nmain.x\nnet/http.(*Server).Serve',
    'runtime.malg\nruntime.newproc1',
  ]);
});

test('transport: a cluster created by dialConn with no loop frame counts; every frame need not be a loop', () => {
  const dialed = cluster('dialed', { frames: ['main.wait'], createdBy: DIAL, state: 'select', more: 10 });
  const t = find(detectPatterns(null, goroutines([dialed])), 'transport-per-request')!.pattern;
  assert.equal(
    t.message,
    'A new http.Transport (or http.Client with its own Transport) is made per request and its keep-alive connections are never reused or closed: 10 more idle HTTP client connection goroutines created by net/http.(*Transport).dialConn in gray than in baseline.',
  );
  const server = cluster('server', { entry: 'net/http.(*conn).serve', state: 'IO wait', more: 10 });
  assert.equal(
    find(detectPatterns(null, goroutines([dialed, server])), 'transport-per-request')!.stacks.size,
    0,
    'no heap: no stacks claimed',
  );
  const mixed = cluster('mixed', { frames: ['internal/poll.wait', READ], createdBy: 'main.spawn', more: 10 });
  assert.ok(find(detectPatterns(null, goroutines([mixed])), 'transport-per-request'), 'a readLoop among other frames');
  const notOurs = cluster('x', { frames: ['main.wait'], createdBy: 'main.spawn', state: 'IO wait', more: 10 });
  assert.equal(find(detectPatterns(null, goroutines([notOurs])), 'transport-per-request'), undefined);
});

test('transport: heap alone, under persistConn frames too, must be beyond the floor; shrinking stacks do not cancel', () => {
  const at = (bytes: number) => [
    sg(['main.buf', 'net/http.(*persistConn).roundTrip', 'main.call'], { g: bytes }),
    sg(['net/http.(*Transport).roundTrip', 'main.call2'], { g: 0, b: MiB / 2 }),
    sg(['net/http.(*Transport).dialConn', 'main.flat'], { g: MiB, b: MiB }),
    sg(['runtime.malg', 'runtime.newproc1'], { g: MiB }),
  ];
  assert.equal(find(detectPatterns(heap(at(FLOOR)), null), 'transport-per-request'), undefined, 'exactly the floor');
  const claim = find(detectPatterns(heap(at(FLOOR + 1024)), null), 'transport-per-request')!;
  assert.deepEqual(
    keys(claim.stacks),
    ['main.buf\nnet/http.(*persistConn).roundTrip\nmain.call'],
    'no goroutines: no malg',
  );
  const t = claim.pattern;
  assert.equal(
    t.message,
    'A new http.Transport (or http.Client with its own Transport) is made per request and its keep-alive connections are never reused or closed: 1.0 MiB more retained under net/http.(*Transport).dialConn in gray than in baseline.',
  );
  assert.equal(t.confidence, 0.6, '0.45 + 0.15: heap only');
});

// ---- sync-pool-misuse ----

const POOL = (newFn: string, below = 'main.encode') => [newFn, 'sync.(*Pool).Get', below];

test("pool: New is the first stack holding memory in gray at the end; none holding: the first stack's", () => {
  const stacks = [
    sg(POOL('main.oldBuf'), { g: 0, ge: 0 }),
    sg(POOL('main.midBuf'), { g: MiB, ge: 0 }),
    sg(POOL('main.newBuf'), { g: 2 * MiB, ge: 3 * MiB }),
  ];
  assert.match(
    find(detectPatterns(heap(stacks), null), 'sync-pool-misuse')!.pattern.message,
    /\(New = main\.newBuf, called from main\.encode\)/,
  );
  const none = [sg(POOL('main.aBuf'), { g: 2 * MiB, ge: 0 }), sg(POOL('main.bBuf'), { g: MiB, ge: 0 })];
  assert.match(find(detectPatterns(heap(none), null), 'sync-pool-misuse')!.pattern.message, /\(New = main\.aBuf,/);
});

test('pool: no application caller below Get: New alone, in the message and the functions', () => {
  const p = find(
    detectPatterns(heap([sg(POOL('main.newBuf', 'net/http.(*conn).serve'), { g: 2 * MiB })]), null),
    'sync-pool-misuse',
  )!.pattern;
  assert.equal(
    p.message,
    'Objects taken from a sync.Pool are kept instead of put back: memory retained under sync.(*Pool).Get (New = main.newBuf) grew 2.0 MiB more in gray than in baseline.',
  );
  assert.deepEqual(p.functions, ['main.newBuf']);
});

test('pool: growth and plateau exactly at the floor are noise', () => {
  const fine = { period: 1, floor: 4 * MiB };
  assert.equal(
    find(detectPatterns(heap([sg(POOL('main.newBuf'), { g: 4 * MiB, ge: 0 })], fine), null), 'sync-pool-misuse'),
    undefined,
    'growth = floor',
  );
  assert.equal(
    find(detectPatterns(heap([sg(POOL('main.newBuf'), { g: 0, ge: 4 * MiB })], fine), null), 'sync-pool-misuse'),
    undefined,
    'excess = floor',
  );
});

test("pool churn: gray's New allocating beyond 3 sampling-noise units and 4x baseline, at the exact edges", () => {
  const P = 512 * KiB;
  const churn = (allocGray: number, allocBaseline: number, spans = { gray: 10, baseline: 10 }) =>
    /allocates/.test(
      find(
        detectPatterns(
          heap([sg(POOL('main.newBuf'), { g: 2 * MiB, ag: allocGray, ab: allocBaseline })], { spans }),
          null,
        ),
        'sync-pool-misuse',
      )!.pattern.message,
    );
  // noise = 3 x sqrt(max(allocated, P) x P) / span: 1.039 P/s for 12 P over 10 s
  assert.equal(churn(12 * P, 2 * P), false, '1.0 P/s more is within the noise');
  assert.equal(churn(12 * P, P), true, '1.1 P/s more is beyond it');
  assert.equal(churn(9 * P, 0), false, '9 P over 10 s: exactly the noise (0.9 P/s)');
  assert.equal(churn(400 * P, 100 * P), false, 'exactly 4 times baseline');
  assert.equal(churn(401 * P, 100 * P), true);
  assert.equal(churn(12 * P, 0, { gray: 10, baseline: 0 }), true, 'baseline with one snapshot allocated nothing');
});

// ---- goroutine-blocked ----

test('goroutine-blocked: claims the growing stacks its creator allocates and the goroutine stacks (malg)', () => {
  const c = cluster('c', { frames: ['main.worker'], createdBy: 'main.startWorkers', state: 'chan send', more: 20 });
  const stacks = [
    sg(['main.newJob', 'main.startWorkers'], { g: MiB }),
    sg(['main.oldJob', 'main.startWorkers'], { g: MiB, b: MiB }),
    sg(['runtime.malg', 'runtime.newproc1'], { g: MiB }),
    sg(['main.other'], { g: MiB }),
    sg([], { g: MiB }),
  ];
  const g = find(detectPatterns(heap(stacks, { floor: 100 * MiB }), goroutines([c])), 'goroutine-blocked')!;
  assert.deepEqual(keys(g.stacks), ['main.newJob\nmain.startWorkers', 'runtime.malg\nruntime.newproc1']);
  assert.deepEqual(keys(g.clusters), ['c']);
  const noHeap = find(detectPatterns(null, goroutines([c])), 'goroutine-blocked')!;
  assert.equal(noHeap.stacks.size, 0);
});

test('goroutine-blocked: a select with no cases gets the channel hint; a frame without a file names no place', () => {
  const c = cluster('c', { entry: 'main.loop', state: 'select (no cases)', more: 12, noFile: true });
  const p = find(detectPatterns(null, goroutines([c])), 'goroutine-blocked')!.pattern;
  assert.equal(
    p.message,
    'Goroutines pile up blocked in select (no cases): 12 more in gray than in baseline, running main.loop.',
  );
  assert.match(p.hint, /send has a receiver that keeps running/);
});

// ---- buffer-growth ----

test('buffer: bytes.(*Buffer).grow alone marks a buffer; the floor is exclusive; shrinking stacks do not cancel', () => {
  const at = (bytes: number) => [
    sg(['bytes.(*Buffer).grow', 'bytes.(*Buffer).Write', 'main.render'], { g: bytes }),
    sg(['strings.(*Builder).grow', 'main.old'], { g: 0, b: MiB / 2 }),
    sg(['bytes.growSlice', 'main.flat'], { g: MiB, b: MiB }),
  ];
  assert.equal(find(detectPatterns(heap(at(FLOOR)), null), 'buffer-growth'), undefined, 'exactly the floor');
  const b = find(detectPatterns(heap(at(2 * MiB)), null), 'buffer-growth')!;
  assert.match(b.pattern.message, /grew 2\.0 MiB more in gray than in baseline, from main\.render\.$/);
  assert.deepEqual(keys(b.stacks), ['bytes.(*Buffer).grow\nbytes.(*Buffer).Write\nmain.render']);
});

test("buffer: the caller's other growing stacks are claimed; without a caller only the buffer stacks", () => {
  const stacks = [
    sg(['bytes.growSlice', 'main.render'], { g: 2 * MiB }),
    sg(['main.render'], { g: MiB }),
    sg(['main.render2'], { g: MiB }),
    sg(['main.render'], { g: MiB, b: 2 * MiB }),
  ];
  stacks[3].key = 'render-shrinking';
  stacks.push({ ...sg(['main.render'], { g: MiB, b: MiB }), key: 'render-flat' });
  const b = find(detectPatterns(heap(stacks, { floor: 1.5 * MiB }), null), 'buffer-growth')!;
  assert.deepEqual(keys(b.stacks), ['bytes.growSlice\nmain.render', 'main.render']);
  const lone = find(
    detectPatterns(heap([sg(['bytes.growSlice', 'encoding/json.Marshal'], { g: 2 * MiB })]), null),
    'buffer-growth',
  )!;
  assert.deepEqual(keys(lone.stacks), ['bytes.growSlice\nencoding/json.Marshal']);
});

// ---- unbounded-map ----

const mapStack = (fn: string, bytes: number, o: StackOptions = {}) => sg([fn, 'main.handle'], { g: bytes, ...o });

test('unbounded-map: a flat step is not a move; two equal snapshots are steady 0, not NaN', () => {
  const s = mapStack('main.(*Reg).add', 4 * MiB);
  const conf = (series: number[]) =>
    find(detectPatterns(heap([s], { functions: [fg([s], series)] }), null), 'unbounded-map')!.pattern.confidence;
  // every move is up: 0.35 + 0.3 + 0.25 = 0.9 (the cap)
  assert.equal(conf([0, 1, 1, 2, 3, 4]), 0.9);
  // up, down, up: 2 of 3 moves (two flat steps): 0.35 + 0.3 x 2/3 + 0.25 = 0.8
  assert.equal(conf([0, 1, 1, 1, 0.5, 4]), 0.8);
  assert.equal(conf([5, 5]), 0.6, 'no move: 0.35 + 0 + 0.25');
});

test('unbounded-map: the biggest candidate leads; its share, objects and claimed stacks are its own', () => {
  const small = mapStack('main.(*Small).add', 2 * MiB);
  const big = mapStack('main.(*Big).add', 3 * MiB, { og: 900, ob: 300 });
  const bigShrinking = mapStack('main.(*Big).add', 0, { b: MiB });
  bigShrinking.key = 'big-shrinking';
  const bigFlat = { ...mapStack('main.(*Big).add', MiB, { b: MiB }), key: 'big-flat' };
  const other = sg(['main.(*Other).put', 'main.serve'], { g: 3 * MiB });
  const h = heap([small, big, bigShrinking, bigFlat, other], {
    functions: [fg([small], [0, 1, 2]), fg([big, bigShrinking, bigFlat], [5, 5]), fg([other], [], 10 * MiB)],
  });
  const p = find(detectPatterns(h, null), 'unbounded-map')!;
  assert.match(p.pattern.message, /^Memory retained at main\.\(\*Big\)\.add \(app\/main___Big__add\.go:10\) grows/);
  assert.match(p.pattern.message, /3\.0 MiB more than in baseline over the window \(about 600 more live objects\)/);
  // total positive growth: 2 + (3 - 1) + 3 = 7 MiB; share 3/7; steady 0: 0.35 + 0.25 x 3/7 = 0.46
  assert.equal(p.pattern.confidence, 0.46);
  assert.deepEqual(keys(p.stacks), ['main.(*Big).add\nmain.handle']);
});

test('unbounded-map: growth exactly 3x its scatter is a burst; a frame without a file names no place', () => {
  const s = mapStack('main.(*Reg).add', 3 * MiB, { noFile: true });
  const at = (scatter: number) => detectPatterns(heap([s], { functions: [fg([s], [0, 1, 2], scatter)] }), null);
  assert.equal(find(at(MiB), 'unbounded-map'), undefined);
  assert.equal(
    find(at(MiB - 1024), 'unbounded-map')!.pattern.message,
    `Memory retained at main.(*Reg).add grows steadily in gray, 3.0 MiB more than in baseline over the window (about ${(3 * MiB) / 256} more live objects), and is never released: it looks like a map or cache that is only ever added to.`,
  );
});

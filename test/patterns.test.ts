// Leak patterns on recorded real profiles of every fixture variant (against the healthy build), and
// on made-up heaps where a pattern must, or must not, be seen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyzeEvidence } from '../src/analyze/evidence.ts';
import { PATTERN_IDS } from '../src/analyze/evidence-types.ts';
import type { Frame } from '../src/model/frame.ts';
import { diffHeaps, type HeapSeries } from '../src/analyze/heap-diff.ts';
import type { HeapSnapshot, HeapStack } from '../src/analyze/heap-profile.ts';
import { detectPatterns } from '../src/analyze/patterns.ts';
import { readProfileSet } from '../src/collect/pprof-bundle.ts';

const DATA = join(import.meta.dirname, 'data/pprof');
const MiB = 1024 * 1024;
const evidenceOf = (variant: string) => analyzeEvidence(readProfileSet(join(DATA, variant)), 1000)!;

/** What each recorded variant must give: its pattern first, and the suspect that names the culprit. */
const EXPECTED: Record<string, { pattern: string; suspect: string; mentions: RegExp }> = {
  'leak-map': {
    pattern: 'unbounded-map',
    suspect: 'main.(*sessionStore).remember',
    mentions: /main\.\(\*sessionStore\)\.remember/,
  },
  ticker: { pattern: 'ticker-not-stopped', suspect: 'time.NewTicker', mentions: /created in main\.runSubscription/ },
  transport: {
    pattern: 'transport-per-request',
    suspect: 'net/http',
    mentions: /persistConn readLoop\/writeLoop\) created by net\/http\.\(\*Transport\)\.dialConn/,
  },
  blocked: {
    pattern: 'goroutine-blocked',
    suspect: 'main.publishEvent.func1',
    mentions: /started by main\.publishEvent pile up blocked in chan send/,
  },
  pool: {
    pattern: 'sync-pool-misuse',
    suspect: 'main.newPoolBuffer',
    mentions: /sync\.\(\*Pool\)\.Get \(New = main\.newPoolBuffer, called from main\.encodeWithPool\)/,
  },
  bufgrowth: {
    pattern: 'buffer-growth',
    suspect: 'bytes.growSlice',
    mentions: /from main\.\(\*auditLog\)\.encodeAuditRecord via encoding\/json\.\(\*Encoder\)\.Encode/,
  },
};

for (const [variant, want] of Object.entries(EXPECTED)) {
  test(`${variant}: ${want.pattern}, naming ${want.suspect}`, () => {
    const e = evidenceOf(variant);
    assert.deepEqual(e.warnings, []);
    assert.equal(e.patterns[0]?.id, want.pattern, JSON.stringify(e.patterns.map((p) => p.id)));
    assert.ok(e.patterns.length === 1, `one pattern only: ${e.patterns.map((p) => p.id)}`);
    assert.match(e.patterns[0].message, want.mentions);
    assert.ok(e.suspects[0].function.startsWith(want.suspect), `top suspect ${e.suspects[0].function}`);
    assert.equal(e.suspects[0].pattern, want.pattern);
  });
}

test('healthy against healthy: no suspect above noise, no pattern', () => {
  const e = evidenceOf('healthy');
  assert.deepEqual(e.suspects, []);
  assert.deepEqual(e.patterns, []);
  assert.deepEqual(e.warnings, []);
  assert.equal(e.summary.heap.gray.snapshots, 3);
  assert.equal(e.summary.goroutines.baseline.dumps, 3);
});

test('every pattern has a known id, a confidence in (0, 1], one sentence and a fix', () => {
  for (const variant of Object.keys(EXPECTED)) {
    for (const p of evidenceOf(variant).patterns) {
      assert.ok((PATTERN_IDS as readonly string[]).includes(p.id));
      assert.ok(p.confidence > 0 && p.confidence <= 1, `${p.id} ${p.confidence}`);
      assert.match(p.message, /^[A-Z][^\n]*\.$/, p.message);
      assert.equal(p.message.split('. ').length, 1, `one sentence: ${p.message}`);
      assert.ok(p.hint.length > 20 && !p.hint.includes('\n'));
      assert.ok(p.functions.length > 0);
    }
  }
});

test('goroutine suspects carry wait state, creator and stack; heap suspects carry bytes, share and file:line', () => {
  const blocked = evidenceOf('blocked').suspects.find((s) => s.source === 'goroutine')!;
  assert.equal(blocked.state, 'chan send');
  assert.equal(blocked.createdBy, 'main.publishEvent');
  assert.equal(blocked.share, 1);
  assert.match(blocked.stack[0], /^main\.publishEvent\.func1 service\/regress_blocked\.go:\d+$/);
  assert.ok(blocked.count! > 40 && blocked.bytes === null);
  const leak = evidenceOf('leak-map').suspects[0];
  assert.equal(leak.source, 'pprof');
  assert.equal(leak.kind, 'growth');
  assert.ok(leak.bytes! > 4 * MiB && leak.share === 1 && leak.count === null);
  assert.match(leak.location!, /^service\/regress_leak_map\.go:\d+$/);
  assert.equal(leak.caller, 'main.(*sessionStore).remember');
  assert.ok(
    leak.stack.every((f) => !f.startsWith('runtime.')),
    'runtime frames trimmed',
  );
});

// ---- made-up heaps ----

let stackId = 0;
function stack(fns: string[], inuseBytes: number, allocBytes = inuseBytes): HeapStack {
  const frames: Frame[] = fns.map((fn) => ({ fn, file: `/app/${fn.split('.')[0]}.go`, line: 10 + (stackId++ % 50) }));
  return {
    key: fns.join('\n'),
    frames,
    inuseBytes,
    inuseObjects: Math.round(inuseBytes / 256),
    allocBytes,
    allocObjects: Math.round(allocBytes / 256),
  };
}
function snapshot(stacks: HeapStack[]): HeapSnapshot {
  const totals = { inuseBytes: 0, inuseObjects: 0, allocBytes: 0, allocObjects: 0 };
  for (const s of stacks) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += s[k];
  return { stacks: new Map(stacks.map((s) => [s.key, s])), totals, periodBytes: 512 * 1024, timeNanos: null };
}
/** A side whose stacks follow `at(i)` at snapshots 0..n-1, 10 s apart. */
function side(n: number, at: (i: number) => HeapStack[]): HeapSeries {
  return {
    times: [...Array(n).keys()].map((i) => i * 10),
    snapshots: [...Array(n).keys()].map((i) => snapshot(at(i))),
  };
}
const common = () => [stack(['main.newWarmCache', 'main.main'], 4 * MiB)];

test('growth that baseline has too is no suspect: only the difference counts', () => {
  const grows = (i: number) => [...common(), stack(['main.(*Cache).Put', 'main.handle'], i * MiB)];
  const heap = diffHeaps({ gray: side(5, grows), baseline: side(5, grows) });
  assert.deepEqual(detectPatterns(heap, null), []);
  assert.ok(heap.functions.every((f) => f.growth.gray.bytes - f.growth.baseline.bytes === 0));
});

test('a steady application leak reads as unbounded-map; a sawtooth of the same size does not', () => {
  const leak = (i: number) => [...common(), stack(['main.(*Registry).add', 'main.handle'], i * MiB)];
  const claims = detectPatterns(diffHeaps({ gray: side(6, leak), baseline: side(6, () => common()) }), null);
  assert.deepEqual(
    claims.map((c) => c.pattern.id),
    ['unbounded-map'],
  );
  assert.ok(claims[0].pattern.confidence >= 0.8);
  const late = (i: number) => [...common(), stack(['main.(*Batch).fill', 'main.handle'], i === 2 ? 3 * MiB : 0)];
  assert.deepEqual(
    detectPatterns(diffHeaps({ gray: side(3, late), baseline: side(3, () => common()) }), null),
    [],
    'a burst in the last of three snapshots',
  );
  const saw = (i: number) => [...common(), stack(['main.(*Batch).fill', 'main.handle'], (i % 2) * 5 * MiB)];
  assert.deepEqual(detectPatterns(diffHeaps({ gray: side(6, saw), baseline: side(6, () => common()) }), null), []);
});

test('a function that comes and goes (a burst some snapshots catch) is no suspect, even trending up', () => {
  // main.churnBurst as measured in gray, seven snapshots phase-locked to its 2 s ticker (MiB).
  const caught = [0, 1.51, 2.51, 1.51, 1.0, 1.51, 3.02];
  const burst = (i: number) => [...common(), stack(['main.churnBurst', 'main.churn'], Math.round(caught[i] * MiB))];
  const heap = diffHeaps({ gray: side(7, burst), baseline: side(7, () => common()) });
  const f = heap.functions.find((x) => x.function === 'main.churnBurst')!;
  assert.ok(f.growth.gray.bytes > heap.noiseFloorBytes, 'its robust growth alone is above the floor');
  assert.ok(f.scatterBytes * 3 > f.growth.gray.bytes, 'but not beyond its scatter');
  assert.deepEqual(detectPatterns(heap, null), []);
  const leak = (i: number) => [
    ...common(),
    stack(['main.(*Registry).add', 'main.handle'], Math.round((i * 0.5 + (i % 2) * 0.05) * MiB)),
  ];
  const steady = diffHeaps({ gray: side(7, leak), baseline: side(7, () => common()) }).functions.find(
    (x) => x.function === 'main.(*Registry).add',
  )!;
  assert.ok(steady.growth.gray.bytes > 10 * steady.scatterBytes, 'a steady leak is far beyond its scatter');
});

test('a leak below the noise floor (three sampling periods) is not a pattern', () => {
  const small = (i: number) => [...common(), stack(['main.(*Registry).add', 'main.handle'], i * 300 * 1024)];
  const heap = diffHeaps({ gray: side(5, small), baseline: side(5, () => common()) });
  assert.equal(heap.noiseFloorBytes, 1.5 * MiB);
  assert.deepEqual(detectPatterns(heap, null), []);
});

test('standard-library-only growth with no application frame is not called a map', () => {
  const lib = (i: number) => [
    ...common(),
    stack(['compress/flate.NewWriter', 'compress/gzip.(*Writer).Write'], i * MiB),
  ];
  assert.deepEqual(detectPatterns(diffHeaps({ gray: side(5, lib), baseline: side(5, () => common()) }), null), []);
});

test('a pool whose objects are retained is sync-pool-misuse even when its level was reached before the window', () => {
  const pinned = () => [...common(), stack(['main.newBuf', 'sync.(*Pool).Get', 'main.encode'], 24 * MiB, 24 * MiB)];
  const claims = detectPatterns(diffHeaps({ gray: side(4, pinned), baseline: side(4, () => common()) }), null);
  assert.deepEqual(
    claims.map((c) => c.pattern.id),
    ['sync-pool-misuse'],
  );
  assert.match(claims[0].pattern.message, /rests 24\.0 MiB higher/);
  // A pool both builds use the same way is nothing.
  assert.deepEqual(detectPatterns(diffHeaps({ gray: side(4, pinned), baseline: side(4, pinned) }), null), []);
});

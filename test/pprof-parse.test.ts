// Heap profiles: decoding recorded real Go profiles (and broken ones), growth per stack and
// function, diff profiles in pprof format, and agreement with `go tool pprof` on the same inputs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeHeapProfile, type HeapSnapshot } from '../src/analyze/heap-profile.ts';
import { diffHeaps, type HeapSeries } from '../src/analyze/heap-diff.ts';
import { buildDiffProfiles, encodeHeapValues } from '../src/analyze/heap-diff-profile.ts';
import { analyzeEvidence } from '../src/analyze/evidence.ts';
import { robustGrowth, isStdlib, packageOf, shortFile } from '../src/analyze/evidence-util.ts';
import { readProfileSet } from '../src/collect/pprof-bundle.ts';
import type { ProfileSet } from '../src/model/profiles.ts';
import { requireGo } from './helpers/env.ts';
import { gzipSync } from 'node:zlib';
import { Profile, StringTable } from 'pprof-format';

const DATA = join(import.meta.dirname, 'data/pprof');
const VARIANTS = ['healthy', 'leak-map', 'ticker', 'transport', 'blocked', 'pool', 'bufgrowth'];
const MiB = 1024 * 1024;

function set(variant: string): ProfileSet {
  const s = readProfileSet(join(DATA, variant));
  assert.ok(s, `${variant} has a profile index`);
  return s;
}

/** One side's heap series of a recorded set, in time order. */
function series(s: ProfileSet, side: 'baseline' | 'gray'): HeapSeries {
  const entries = s.entries.filter((e) => e.side === side && e.kind === 'heap' && e.file).sort((a, b) => a.t - b.t);
  return { times: entries.map((e) => e.t / 1000), snapshots: entries.map((e) => decodeHeapProfile(s.data[e.file!])) };
}

const flat = (snap: HeapSnapshot, fn: string) =>
  [...snap.stacks.values()].filter((st) => st.frames[0]?.fn === fn).reduce((sum, st) => sum + st.inuseBytes, 0);

test('every recorded real heap profile decodes, with the four sample types and no profiler frames', () => {
  let profiles = 0;
  for (const variant of VARIANTS) {
    const s = set(variant);
    for (const e of s.entries.filter((x) => x.kind === 'heap')) {
      const snap = decodeHeapProfile(s.data[e.file!]);
      profiles++;
      assert.equal(snap.periodBytes, 512 * 1024, `${e.file}: Go's default MemProfileRate`);
      assert.ok(snap.stacks.size > 0 && snap.totals.inuseBytes > 0, `${e.file} has stacks`);
      assert.ok(snap.totals.allocBytes >= snap.totals.inuseBytes, 'alloc_space covers inuse_space');
      for (const st of snap.stacks.values()) {
        assert.ok(
          !st.frames.some((f) => f.fn.startsWith('runtime/pprof.') || f.fn.startsWith('net/http/pprof.')),
          `${e.file}: profiler frames are left out`,
        );
        assert.equal(st.key, st.frames.map((f) => f.fn).join('\n'));
      }
      // Every variant keeps a ~4 MiB cache from start; sampling makes its estimate vary.
      assert.ok(flat(snap, 'main.newWarmCache') > 0, `${e.file} sees main.newWarmCache`);
    }
  }
  assert.ok(profiles >= 28, `${profiles} profiles read`);
});

test('frames carry file:line and Go hides the runtime frames above the allocating function', () => {
  const s = series(set('leak-map'), 'gray');
  const last = s.snapshots[s.snapshots.length - 1];
  const stack = [...last.stacks.values()]
    .filter((st) => st.frames[0].fn === 'main.(*sessionStore).remember')
    .sort((a, b) => b.inuseBytes - a.inuseBytes)[0];
  assert.ok(stack, 'the leaking function is a leaf');
  assert.match(stack.frames[0].file, /fixtures\/service\/regress_leak_map\.go$/);
  assert.ok(stack.frames[0].line > 0);
  assert.equal(shortFile(stack.frames[0].file), 'service/regress_leak_map.go');
  assert.equal(shortFile('/usr/lib/go-1.19/src/net/http/server.go'), 'net/http/server.go');
});

test('broken heap profiles fail with a reason, never silently', () => {
  const broken = (name: string) => readFileSync(join(DATA, 'broken', name));
  assert.throws(() => decodeHeapProfile(broken('heap-truncated.pb.gz')), /not valid gzip .*unexpected end of file/);
  assert.throws(() => decodeHeapProfile(broken('heap-corrupt.pb.gz')), /not valid gzip/);
  // Valid gzip around a protobuf cut short: pprof-format decodes it without complaint; the string table is short.
  assert.throws(
    () => decodeHeapProfile(broken('heap-short-protobuf.pb.gz')),
    /string table holds only \d+ \(truncated\?\)/,
  );
  assert.throws(() => decodeHeapProfile(broken('heap-html.pb.gz')), /not a valid pprof protobuf/);
  assert.throws(() => decodeHeapProfile(new Uint8Array()), /empty file/);
});

test('a CPU profile is not taken for a heap profile', () => {
  const strings = new StringTable();
  const cpu = new Profile({
    sampleType: [
      { type: strings.dedup('samples'), unit: strings.dedup('count') },
      { type: strings.dedup('cpu'), unit: strings.dedup('nanoseconds') },
    ],
    stringTable: strings,
  });
  assert.throws(
    () => decodeHeapProfile(gzipSync(cpu.encode())),
    /not a heap profile \(sample types: samples, cpu; inuse_space is missing\)/,
  );
});

test('robust growth: a line is measured exactly, one burst in one snapshot is ignored, two points are end minus start', () => {
  const t = [0, 2, 4, 6, 8, 10, 12];
  assert.equal(
    robustGrowth(
      t,
      t.map((x) => 1000 * x),
    ),
    12_000,
  );
  assert.equal(robustGrowth(t, [5, 5, 5, 900, 5, 5, 5]), 0);
  assert.equal(robustGrowth(t, [0, 0, 2 * MiB, 0, 0, 0, 0]), 0);
  assert.equal(robustGrowth([0, 6], [10, 70]), 60);
  assert.equal(robustGrowth([3], [10]), 0);
});

test('package and standard-library tests on Go function names', () => {
  assert.equal(packageOf('net/http.(*conn).serve'), 'net/http');
  assert.equal(packageOf('main.(*sessionStore).remember'), 'main');
  assert.equal(packageOf('github.com/acme/svc/cache.(*LRU).Add'), 'github.com/acme/svc/cache');
  assert.ok(isStdlib('bytes.growSlice'));
  assert.ok(isStdlib('encoding/json.(*Encoder).Encode'));
  assert.ok(!isStdlib('main.main'));
  assert.ok(!isStdlib('github.com/acme/svc.Handler'));
});

test('leak-map: gray grows at the storing function, baseline does not; the difference is the suspect', () => {
  const s = set('leak-map');
  const heap = diffHeaps({ gray: series(s, 'gray'), baseline: series(s, 'baseline') });
  const top = heap.functions[0];
  assert.equal(top.function, 'main.(*sessionStore).remember');
  // -leak-rate 60MiB a minute over the ~6 s window between the first and the last profile.
  const expected = (60 * MiB * heap.spans.gray) / 60;
  const grew = top.growth.gray.bytes - top.growth.baseline.bytes;
  assert.ok(grew > 0.6 * expected && grew < 1.4 * expected, `grew ${grew}, expected about ${expected}`);
  assert.equal(top.growth.baseline.bytes, 0);
  assert.ok(heap.noiseFloorBytes >= 1.5 * MiB, 'three sampling periods at the default rate');
  for (const f of heap.functions.slice(1))
    assert.ok(
      f.growth.gray.bytes - f.growth.baseline.bytes < heap.noiseFloorBytes,
      `${f.function} stays under the noise floor`,
    );
  // Gray's heap grows; baseline's heap does not.
  assert.ok(heap.sides.gray.inuseGrowth!.perSec > 0.5 * MiB);
  assert.ok(Math.abs(heap.sides.baseline.inuseGrowth!.perSec) < 0.25 * MiB);
  // Three profiles a side: the slope is clear, its 95% interval (one degree of freedom) is not.
  assert.ok(heap.inuseGrowthDifference!.perSec > 0.5 * MiB);
});

test('healthy against healthy: no function grows above the noise floor', () => {
  const s = set('healthy');
  const heap = diffHeaps({ gray: series(s, 'gray'), baseline: series(s, 'baseline') });
  for (const f of heap.functions)
    assert.ok(Math.abs(f.growth.gray.bytes - f.growth.baseline.bytes) < heap.noiseFloorBytes, `${f.function}`);
  assert.deepEqual(heap.churn, []);
});

test('pool: churn (alloc_space rate) is compared apart from retained growth', () => {
  const s = set('pool');
  const heap = diffHeaps({ gray: series(s, 'gray'), baseline: series(s, 'baseline') });
  const churn = heap.churn.find((c) => c.function === 'main.newPoolBuffer');
  assert.ok(churn, `churn lists the pool's New: ${JSON.stringify(heap.churn)}`);
  // -pool-rate 10 a second of 1 MiB buffers, every Get allocating.
  assert.ok(churn.grayBytesPerSec > 5 * MiB && churn.baselineBytesPerSec === 0, JSON.stringify(churn));
});

test('diff profiles decode back to the values they were built from, negative ones included', () => {
  const frames = [
    { fn: 'main.leak', file: '/src/a.go', line: 10 },
    { fn: 'main.main', file: '/src/a.go', line: 3 },
  ];
  const data = encodeHeapValues(
    [
      { frames, value: { bytes: 3 * MiB, objects: 30 } },
      { frames: [{ fn: 'main.shrink', file: '/src/b.go', line: 7 }, frames[1]], value: { bytes: -MiB, objects: -4 } },
      { frames: [{ fn: 'main.zero', file: '/src/b.go', line: 9 }], value: { bytes: 0, objects: 0 } },
    ],
    512 * 1024,
    'test',
  );
  const back = decodeHeapProfile(data);
  assert.equal(back.stacks.size, 2, 'zero rows are left out');
  assert.equal(back.stacks.get('main.leak\nmain.main')!.inuseBytes, 3 * MiB);
  assert.equal(back.stacks.get('main.shrink\nmain.main')!.inuseBytes, -MiB);
  assert.equal(back.stacks.get('main.shrink\nmain.main')!.inuseObjects, -4);
  assert.equal(back.periodBytes, 512 * 1024);
  assert.deepEqual(back.stacks.get('main.leak\nmain.main')!.frames, frames);
});

/** `go tool pprof -top` rows: flat bytes and function, biggest first (as pprof sorts). */
function pprofTop(args: string[]): { flat: number; fn: string }[] {
  const run = spawnSync('go', ['tool', 'pprof', '-top', '-unit=B', '-nodecount=20', ...args], { encoding: 'utf8' });
  assert.equal(run.status, 0, `go tool pprof ${args.join(' ')} failed:\n${run.stderr}`);
  const rows: { flat: number; fn: string }[] = [];
  for (const line of run.stdout.split('\n')) {
    const m = /^\s*(-?\d+)B?\s+-?[\d.]+%\s+-?[\d.]+%\s+-?\d+B?\s+-?[\d.]+%\s+(.+?)(?: \(inline\))?$/.exec(line);
    if (m) rows.push({ flat: Number(m[1]), fn: m[2] });
  }
  return rows;
}

test('go tool pprof opens the diff profiles, and its top entries agree with the suspects', (t) => {
  requireGo();
  const dir = mkdtempSync(join(tmpdir(), 'memgate-pprof-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const expectTop: Record<string, string> = {
    'leak-map': 'main.(*sessionStore).remember',
    ticker: 'time.NewTicker',
    bufgrowth: 'bytes.growSlice',
    pool: 'main.newPoolBuffer',
  };
  for (const [variant, fn] of Object.entries(expectTop)) {
    const s = set(variant);
    const evidence = analyzeEvidence(s, 1000)!;
    const heap = evidence.heap!;
    const files = buildDiffProfiles(heap, { gray: `${variant}-gray.pb.gz`, grayVsBaseline: `${variant}-vs.pb.gz` });
    for (const f of files) writeFileSync(join(dir, f.name), f.data);
    const suspects = evidence.suspects.filter((x) => x.source === 'pprof' && x.kind === 'growth');
    assert.equal(suspects[0]?.function, fn, `${variant}: memgate's top suspect`);
    // gray growth minus baseline growth: pprof's top flat entries are memgate's suspects, same order and bytes.
    const top = pprofTop([join(dir, `${variant}-vs.pb.gz`)]).filter((r) => r.flat > heap.noiseFloorBytes);
    assert.deepEqual(
      top.map((r) => r.fn),
      suspects.map((x) => x.function),
      `${variant}: pprof -top on the diff profile lists the suspects`,
    );
    for (const [i, r] of top.entries())
      assert.ok(Math.abs(r.flat - suspects[i].bytes!) <= 1, `${variant}: ${r.fn} ${r.flat} vs ${suspects[i].bytes}`);
    // gray's end minus start: the same as go tool pprof -diff_base on the raw profiles (profiler frames ignored).
    const gray = s.entries.filter((e) => e.side === 'gray' && e.kind === 'heap').sort((a, b) => a.t - b.t);
    const raw = pprofTop([
      '-ignore=runtime/pprof|net/http/pprof',
      `-diff_base=${join(DATA, variant, gray[0].file!)}`,
      join(DATA, variant, gray[gray.length - 1].file!),
    ]);
    const ours = pprofTop([join(dir, `${variant}-gray.pb.gz`)]);
    assert.equal(ours[0].fn, raw[0].fn, `${variant}: the same top function as pprof's own diff`);
    assert.ok(Math.abs(ours[0].flat - raw[0].flat) <= 1, `${variant}: ${ours[0].flat} vs pprof's ${raw[0].flat}`);
  }
  assert.ok(readdirSync(dir).length === 8);
});

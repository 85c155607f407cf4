// Properties of the parsers of what a service hands memgate (fast-check, bounded runs): for any
// input, a goroutine dump parses or is a DumpFormatError, bpftrace output never throws, a heap
// profile decodes or is a ProfileFormatError; what they keep is bounded; each run is quick.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import {
  DumpFormatError,
  MAX_FRAME_TEXT,
  MAX_GOROUTINE_FRAMES,
  parseGoroutineDump,
} from '../src/analyze/goroutine-parse.ts';
import { MAX_TRACE_FRAMES, parseBpftraceOutput } from '../src/collect/ebpf-parse.ts';
import { decodeHeapProfile, MAX_STACK_FRAMES, ProfileFormatError } from '../src/analyze/heap-profile.ts';

const RUNS = 200;
/** Per run: inputs are a few KiB, so anything near this is a pathological parser, not a slow machine. */
const RUN_MS = 1000;

function timed<T>(run: () => T): T {
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  assert.ok(ms < RUN_MS, `one run took ${ms.toFixed(0)} ms`);
  return result;
}

const junk = fc.string({ unit: 'binary', maxLength: 40 });
const spaces = fc.integer({ min: 0, max: 2000 }).map((n) => ' '.repeat(n));

const dumpLine = fc.oneof(
  fc.constantFrom(
    'goroutine 1 [running]:',
    'goroutine 7 gp=0xc000007500 m=nil [chan receive, 12 minutes, locked to thread]:',
    'goroutine 99 [select]:',
    'main.main()',
    'net/http.(*conn).serve(0xc0000aabe0, {0x775c60, 0xc00008ef90})',
    '\t/app/main.go:42 +0x45',
    'created by main.start in goroutine 1',
    '...additional frames elided...',
    '',
    'goroutine [',
    'goroutine 1 [',
    '\t:',
    '((((',
    '))))',
  ),
  fc
    .tuple(fc.constantFrom('goroutine 1', 'main.f(', '\t/a.go:', 'created by ', '\t'), spaces, junk)
    .map((p) => p.join('')),
  junk,
);
const dumpText = fc
  .tuple(fc.array(dumpLine, { maxLength: 60 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, eol, end]) => lines.join(eol) + (end ? eol : ''));

test('property: a goroutine dump parses or is a DumpFormatError; frames and their text stay bounded', () => {
  fc.assert(
    fc.property(dumpText, (text) => {
      let dump: ReturnType<typeof parseGoroutineDump>;
      try {
        dump = timed(() => parseGoroutineDump(text));
      } catch (error) {
        assert.ok(error instanceof DumpFormatError, `untyped: ${error}`);
        return;
      }
      assert.ok(dump.goroutines.length > 0);
      for (const g of dump.goroutines) {
        assert.ok(Number.isSafeInteger(g.id) && g.frames.length <= MAX_GOROUTINE_FRAMES);
        for (const f of [...g.frames, ...(g.createdBy ? [g.createdBy] : [])])
          assert.ok(f.fn.length <= MAX_FRAME_TEXT && f.file.length <= MAX_FRAME_TEXT && Number.isFinite(f.line));
      }
    }),
    { numRuns: RUNS },
  );
});

const traceLine = fc.oneof(
  fc.constantFrom(
    'Attaching 3 probes...',
    'memgate: attached',
    '@alloc[309, 1, ',
    '\t42e140 runtime.mProf_Malloc+0 (/bin/x)',
    '\t40cfb9 0x40cfb9 ([unknown])',
    ']: count 1, average 160, total 160',
    ']: count 99999999999999999999, average 1, total 1',
    '@rate[309]: 524288',
    '',
    '\t(',
    '\tffffffffffffffffffff main.f',
  ),
  fc.tuple(fc.constantFrom('@alloc[', '\t', '\t4', ']: count ', '@rate['), spaces, junk).map((p) => p.join('')),
  junk,
);

test('property: bpftrace output never throws; records, frames and numbers stay bounded', () => {
  fc.assert(
    fc.property(
      fc.array(traceLine, { maxLength: 80 }).map((l) => l.join('\n')),
      (text) => {
        const parsed = timed(() => parseBpftraceOutput(text));
        for (const r of parsed.records) {
          assert.ok(r.frames.length <= MAX_TRACE_FRAMES);
          assert.ok(Number.isSafeInteger(r.count) && Number.isSafeInteger(r.total) && r.count > 0 && r.total >= 0);
        }
        assert.ok(parsed.firstSkipped === null || parsed.firstSkipped.length <= 123);
      },
    ),
    { numRuns: RUNS },
  );
});

const realProfile = gunzipSync(
  readFileSync(join(import.meta.dirname, 'data/pprof/leak-map/pprof/gray-heap-002.pb.gz')),
);

/** Random bytes, a real profile with bytes flipped or cut, either gzipped or raw. */
const profileBytes = fc
  .oneof(
    fc.uint8Array({ maxLength: 512 }),
    fc
      .tuple(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }), fc.nat())
      .map(([flips, cut]) => {
        const bytes = Uint8Array.from(realProfile);
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        return bytes.subarray(0, Math.max(1, bytes.length - (cut % 64)));
      }),
  )
  .chain((bytes) => fc.boolean().map((zip) => (zip ? new Uint8Array(gzipSync(bytes)) : bytes)));

test('property: a heap profile decodes or is a ProfileFormatError, with stacks bounded', () => {
  fc.assert(
    fc.property(profileBytes, (bytes) => {
      try {
        const snapshot = timed(() => decodeHeapProfile(bytes));
        for (const stack of snapshot.stacks.values()) assert.ok(stack.frames.length <= MAX_STACK_FRAMES);
      } catch (error) {
        assert.ok(error instanceof ProfileFormatError, `untyped: ${error}`);
      }
    }),
    { numRuns: RUNS },
  );
});

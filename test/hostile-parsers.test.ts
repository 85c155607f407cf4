// Parsers of what the service under test hands us (goroutine dumps, bpftrace output, addr2line
// output, heap profiles) on hostile input: linear time on megabyte lines, bounded frames, capped
// inflation. The hostile inputs are kept in test/data/hostile/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Profile, StringTable } from 'pprof-format';
import { MAX_FRAME_TEXT, MAX_GOROUTINE_FRAMES, parseGoroutineDump } from '../src/analyze/goroutine-parse.ts';
import { MAX_TRACE_FRAMES, parseBpftraceOutput } from '../src/collect/ebpf-parse.ts';
import { parseAddr2line } from '../src/collect/ebpf-symbolize.ts';
import {
  decodeHeapProfile,
  MAX_LINES_PER_LOCATION,
  MAX_PROFILE_INFLATED_BYTES,
  MAX_STACK_FRAMES,
  ProfileTooLargeError,
} from '../src/analyze/heap-profile.ts';
import { analyzeEvidence } from '../src/analyze/evidence.ts';
import { PROFILE_INDEX_SCHEMA, type ProfileSet } from '../src/model/profiles.ts';
import { assertLinearTime, assertNearScanTime } from './helpers/linear-time.ts';

const HOSTILE = join(import.meta.dirname, 'data/hostile');
const hostile = (name: string) => readFileSync(join(HOSTILE, name));
const spaces = (n: number) => ' '.repeat(n);

test('corpus: the 40k-space goroutine dump (2.2 s before) parses at once, the dump still read', () => {
  const text = hostile('goroutine-40k-spaces.txt').toString('utf8');
  assertNearScanTime('goroutine-40k-spaces.txt', text, parseGoroutineDump);
  const dump = parseGoroutineDump(text);
  assert.deepEqual(
    dump.goroutines.map((g) => g.id),
    [1, 2],
  );
  assert.equal(dump.goroutines[0].frames[0].fn, 'main.main');
  // Text kept of a frame is bounded.
  for (const g of dump.goroutines)
    for (const f of [...g.frames, ...(g.createdBy ? [g.createdBy] : [])])
      assert.ok(f.fn.length <= MAX_FRAME_TEXT && f.file.length <= MAX_FRAME_TEXT);
});

// Long lines are what a hostile service sends to make a backtracking regex explode. (Many short lines
// are left out here: a megabyte of them allocates enough objects that the garbage collector, not the
// parser, makes the time grow faster than the input on a loaded machine.)
test('goroutine dump parser: linear time on megabyte lines of every shape', () => {
  const shapes: Record<string, (n: number) => string> = {
    'a line of spaces': (n) => `goroutine 1 [running]:\nmain.main()\n${spaces(n)}x\n`,
    'spaces inside a call': (n) => `goroutine 1 [running]:\nmain.f(${spaces(n)}x)\n\t/a.go:1\n`,
    'a file line of spaces': (n) => `goroutine 1 [running]:\nmain.f()\n\t/a.go:${spaces(n)}x\n`,
    'a header of spaces': (n) => `goroutine 1${spaces(n)}x [running]:\nmain.f()\n\t/a.go:1\n`,
    'a header of brackets': (n) => `goroutine 1 ${'['.repeat(n)}]:\nmain.f()\n\t/a.go:1\n`,
    'created by and spaces': (n) =>
      `goroutine 1 [running]:\nmain.f()\n\t/a.go:1\ncreated by main.g${spaces(n)} in goroutine${spaces(n)}x\n`,
    'nested parentheses': (n) => `goroutine 1 [running]:\nmain.f${'('.repeat(n / 2)}${')'.repeat(n / 2)}\n\t/a.go:1\n`,
    'colons and digits': (n) => `goroutine 1 [running]:\nmain.f()\n\t${':1'.repeat(n / 2)} +0x${'f'.repeat(16)}x\n`,
  };
  for (const [name, make] of Object.entries(shapes))
    assertLinearTime(`goroutine dump, ${name}`, make, parseGoroutineDump);
});

test('goroutine dump parser: frames per goroutine are capped, and the cut is said', () => {
  const frames = 'main.f()\n\t/a.go:1 +0x1\n'.repeat(MAX_GOROUTINE_FRAMES + 50);
  const dump = parseGoroutineDump(`goroutine 1 [running]:\n${frames}created by main.main\n\t/a.go:2\n\n`);
  assert.equal(dump.goroutines[0].frames.length, MAX_GOROUTINE_FRAMES);
  assert.equal(dump.goroutines[0].createdBy?.fn, 'main.main', 'the creator is kept past the cap');
  assert.ok(
    dump.problems.some((p) => p.includes(`50 frame(s) beyond ${MAX_GOROUTINE_FRAMES}`)),
    dump.problems.join('; '),
  );
});

test('corpus: the 40k-space bpftrace output parses at once; the entry with a broken frame is skipped', () => {
  const text = hostile('bpftrace-40k-spaces.txt').toString('utf8');
  assertNearScanTime('bpftrace-40k-spaces.txt', text, parseBpftraceOutput);
  const parsed = parseBpftraceOutput(text);
  assert.equal(parsed.records.length, 0, 'the entry with an unreadable frame line is not taken');
  assert.equal(parsed.rates.size, 0);
  assert.equal(parsed.attached, true);
  assert.ok(parsed.firstSkipped === null || parsed.firstSkipped.length <= 123);
});

test('bpftrace output parser: linear time on megabyte lines of every shape', () => {
  const entry = (frame: string) => `@alloc[1, 2, \n${frame}\n]: count 1, average 8, total 8\n`;
  const shapes: Record<string, (n: number) => string> = {
    'a frame of spaces': (n) => entry(`\t42e140${spaces(n)}x`),
    'a symbol of spaces': (n) => entry(`\t42e140 main.f${spaces(n)}x (/bin/x)`),
    'a module of spaces': (n) => entry(`\t42e140 main.f (${spaces(n)}x`),
    parentheses: (n) => entry(`\t42e140 main.f ${' ('.repeat(n / 2)}`),
    'hex digits': (n) => entry(`\t${'4'.repeat(n)} main.f`),
    'an entry end of spaces': (n) => `@alloc[1, 2, \n\t42e140 main.f\n]: count 1, average 8, total 8${spaces(n)}x\n`,
    'a rate of spaces': (n) => `@rate[1]: 5${spaces(n)}x\n`,
  };
  for (const [name, make] of Object.entries(shapes))
    assertLinearTime(`bpftrace output, ${name}`, make, parseBpftraceOutput);
});

test('bpftrace output parser: frames per entry are capped and counted', () => {
  const frames = Array.from(
    { length: MAX_TRACE_FRAMES + 10 },
    (_, i) => `\t${(0x400000 + i).toString(16)} main.f${i}+1 (/bin/x)`,
  ).join('\n');
  const parsed = parseBpftraceOutput(`@alloc[1, 2, \n${frames}\n]: count 1, average 8, total 8\n`);
  assert.equal(parsed.records.length, 1);
  assert.equal(parsed.records[0].frames.length, MAX_TRACE_FRAMES);
  assert.equal(parsed.records[0].frames[0].symbol, 'main.f0', 'the innermost frames are the ones kept');
  assert.equal(parsed.framesCut, 10);
});

test('addr2line output parser: linear time on megabyte lines (corpus: 40k colons)', () => {
  const text = hostile('addr2line-40k-colons.txt').toString('utf8');
  assertNearScanTime('addr2line-40k-colons.txt', text, parseAddr2line);
  const corpus = parseAddr2line(text);
  assert.equal(corpus.size, 1);
  assertLinearTime('addr2line, colons and digits', (n) => `0x42e140\nmain.f\n${':1'.repeat(n / 2)}x\n`, parseAddr2line);
  assertLinearTime(
    'addr2line, spaces',
    (n) => `0x42e140\nmain.f\n/a.go:1${spaces(n)}x (discriminator 1)\n`,
    parseAddr2line,
  );
});

test('corpus: a gzip bomb is not inflated beyond the cap; the error names the cap', () => {
  const bomb = hostile('heap-bomb-8mib.pb.gz');
  assert.ok(bomb.length < 64 * 1024, 'a small file');
  assert.throws(
    () => decodeHeapProfile(bomb, 1024 * 1024),
    (error: Error) => {
      assert.ok(error instanceof ProfileTooLargeError);
      assert.match(error.message, /inflates to more than 1 MiB, memgate's cap on a decompressed profile/);
      return true;
    },
  );
  // Under the default cap the same file inflates (8 MiB of zeros) and is then no profile.
  assert.ok(MAX_PROFILE_INFLATED_BYTES >= 64 * 1024 * 1024);
  assert.throws(
    () => decodeHeapProfile(bomb),
    (error: Error) => !(error instanceof ProfileTooLargeError),
  );
});

test('a bomb in a bundle becomes a warning naming the cap, and the rest of the evidence stays', () => {
  const real = readFileSync(join(import.meta.dirname, 'data/pprof/healthy/pprof/gray-heap-000.pb.gz'));
  // 200 MiB of zeros as gzip: ~200 KiB, made here rather than kept in the repository.
  const bomb = gzipSync(Buffer.alloc(MAX_PROFILE_INFLATED_BYTES + 1024 * 1024), { level: 9 });
  const set: ProfileSet = {
    schema: PROFILE_INDEX_SCHEMA,
    urls: { baseline: null, gray: null },
    intervalMs: 1000,
    entries: [
      {
        side: 'gray',
        kind: 'heap',
        seq: 0,
        t: 10_000,
        file: 'pprof/gray-heap-000.pb.gz',
        bytes: real.length,
        error: null,
        fetchMs: 1,
      },
      {
        side: 'gray',
        kind: 'heap',
        seq: 1,
        t: 20_000,
        file: 'pprof/gray-heap-001.pb.gz',
        bytes: bomb.length,
        error: null,
        fetchMs: 1,
      },
    ],
    notes: [],
    data: { 'pprof/gray-heap-000.pb.gz': real, 'pprof/gray-heap-001.pb.gz': bomb },
  };
  const before = process.memoryUsage().rss;
  const evidence = analyzeEvidence(set, 0);
  const grown = process.memoryUsage().rss - before;
  const warnings = evidence?.warnings ?? [];
  assert.ok(
    warnings.some((w) =>
      /gray heap profile pprof\/gray-heap-001\.pb\.gz is unreadable \(it inflates to more than 128 MiB, memgate's cap/.test(
        w,
      ),
    ),
    warnings.join('\n'),
  );
  assert.ok(grown < 400 * 1024 * 1024, `RSS grew ${Math.round(grown / 1024 / 1024)} MiB`);
});

test('heap profile: inlined lines per location and frames per stack are capped (no call-stack overflow)', () => {
  const strings = new StringTable();
  const fn = (i: number) => ({ id: i + 1, name: strings.dedup(`main.f${i}`), filename: strings.dedup('/a.go') });
  const functions = Array.from({ length: 200 }, (_, i) => fn(i));
  // One location with 200,000 inlined lines, and a sample that names it many times over.
  const lines = Array.from({ length: 200_000 }, (_, i) => ({ functionId: (i % 200) + 1, line: i }));
  const profile = new Profile({
    sampleType: [{ type: strings.dedup('inuse_space'), unit: strings.dedup('bytes') }],
    sample: [{ locationId: Array(1000).fill(1), value: [4096] }],
    location: [{ id: 1, line: lines }],
    function: functions,
    stringTable: strings,
  });
  const snapshot = decodeHeapProfile(gzipSync(profile.encode()));
  const [stack] = snapshot.stacks.values();
  assert.equal(stack.frames.length, MAX_STACK_FRAMES);
  assert.ok(MAX_LINES_PER_LOCATION < MAX_STACK_FRAMES);
  assert.equal(snapshot.totals.inuseBytes, 4096);
});

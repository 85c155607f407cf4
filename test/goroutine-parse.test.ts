// Goroutine dumps (debug=2): parsing recorded real dumps and broken ones, fingerprints, clusters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { functionOfCall, parseGoroutineDump } from '../src/analyze/goroutine-parse.ts';
import { clusterDump, diffGoroutines, fingerprint, mainState, trimPark } from '../src/analyze/goroutine-clusters.ts';
import { readProfileSet } from '../src/collect/pprof-bundle.ts';

const DATA = join(import.meta.dirname, 'data/pprof');
const read = (path: string) => readFileSync(join(DATA, path), 'utf8');

function dumps(variant: string, side: 'baseline' | 'gray') {
  const set = readProfileSet(join(DATA, variant))!;
  const entries = set.entries.filter((e) => e.side === side && e.kind === 'goroutine').sort((a, b) => a.t - b.t);
  return {
    times: entries.map((e) => e.t / 1000),
    dumps: entries.map((e) => parseGoroutineDump(Buffer.from(set.data[e.file!]).toString('utf8'))),
  };
}

test('a recorded real dump of blocked senders parses completely', () => {
  const dump = parseGoroutineDump(read('blocked/pprof/gray-goroutine-002.txt'));
  assert.deepEqual(dump.problems, []);
  const blocked = dump.goroutines.filter((g) => g.state === 'chan send');
  assert.ok(blocked.length >= 50, `${blocked.length} blocked senders`);
  const g = blocked[0];
  assert.equal(g.frames[0].fn, 'main.publishEvent.func1');
  assert.match(g.frames[0].file, /regress_blocked\.go$/);
  assert.ok(g.frames[0].line > 0);
  assert.equal(g.createdBy?.fn, 'main.publishEvent');
  assert.equal(g.waitMinutes, null, 'under a minute: Go prints no wait time');
  // The main goroutine has no creator; every goroutine has frames.
  assert.ok(dump.goroutines.some((x) => x.id === 1 && x.createdBy === null));
  for (const x of dump.goroutines) assert.ok(x.frames.length > 0, `goroutine ${x.id} has frames`);
});

test('argument lists are cut from calls, receivers and generics are kept', () => {
  assert.equal(
    functionOfCall('net/http.(*conn).serve(0xc0000aabe0, {0x775c60, 0xc00008ef90})'),
    'net/http.(*conn).serve',
  );
  assert.equal(functionOfCall('internal/poll.(*pollDesc).waitRead(...)'), 'internal/poll.(*pollDesc).waitRead');
  assert.equal(functionOfCall('main.publishEvent.func1()'), 'main.publishEvent.func1');
  assert.equal(functionOfCall('main.Map[...].Store(0xc000010000, {0x1, 0x2})'), 'main.Map[...].Store');
  assert.equal(functionOfCall('panic({0x6b3f20, 0xc000012345})'), 'panic');
});

test('wait states, wait minutes and newer Go header and "created by ... in goroutine N" forms', () => {
  const text = [
    'goroutine 7 gp=0xc000007500 m=nil [chan receive, 12 minutes, locked to thread]:',
    'main.worker(0xc000010000)',
    '\t/app/worker.go:42 +0x45',
    'created by main.start in goroutine 1',
    '\t/app/worker.go:30 +0x98',
    '',
    'goroutine 8 [select (no cases)]:',
    'main.forever()',
    '\t/app/main.go:9 +0x17',
    '...additional frames elided...',
    'created by main.main',
    '\t/app/main.go:5 +0x25',
    '',
  ].join('\n');
  const dump = parseGoroutineDump(text);
  assert.deepEqual(dump.problems, []);
  const [a, b] = dump.goroutines;
  assert.equal(a.state, 'chan receive');
  assert.equal(a.waitMinutes, 12);
  assert.equal(a.createdBy?.fn, 'main.start');
  assert.equal(a.createdBy?.line, 30);
  assert.equal(b.state, 'select (no cases)');
  assert.equal(b.frames.length, 1);
});

test('a truncated dump gives the goroutines it holds and says it was cut short', () => {
  const dump = parseGoroutineDump(read('broken/goroutine-truncated.txt'));
  assert.ok(dump.goroutines.length > 10);
  assert.equal(dump.problems.length, 1);
  assert.match(dump.problems[0], /ends in the middle of goroutine \d+ \(truncated\?\)/);
});

test('a dump in another format (debug=1), an empty one and an HTML page are refused with the reason', () => {
  assert.throws(
    () => parseGoroutineDump(read('broken/goroutine-debug1.txt')),
    /not a goroutine dump in the debug=2 format \(its first line is "goroutine profile: total \d+"\)/,
  );
  assert.throws(() => parseGoroutineDump(''), /it is empty/);
  assert.throws(() => parseGoroutineDump('<html>404 page not found</html>'), /not a goroutine dump/);
});

test('stray lines inside a dump are counted as problems, not fatal', () => {
  const dump = parseGoroutineDump(
    'goroutine 1 [running]:\nmain.main()\n\t/a.go:1 +0x1\n\tthis line is odd\n\ngarbage between goroutines\n',
  );
  assert.equal(dump.goroutines.length, 1);
  assert.match(dump.problems.join(), /2 line\(s\) not understood/);
});

test('fingerprints: park frames trimmed, top frames plus creator; the dump-serving goroutine left out', () => {
  const parked = [
    { fn: 'runtime.gopark', file: '', line: 0 },
    { fn: 'runtime.chansend', file: '', line: 0 },
    { fn: 'runtime.chansend1', file: '', line: 0 },
    { fn: 'main.send', file: '/a.go', line: 3 },
  ];
  assert.deepEqual(
    trimPark(parked).map((f) => f.fn),
    ['main.send'],
  );
  const dump = parseGoroutineDump(read('transport/pprof/gray-goroutine-002.txt'));
  const { counts, clusters, total } = clusterDump(dump);
  assert.equal(total, dump.goroutines.length - 1, 'the goroutine writing the dump is not counted');
  const byEntry = new Map([...clusters.values()].map((c) => [c.entry, c]));
  const read1 = byEntry.get('net/http.(*persistConn).readLoop');
  const write1 = byEntry.get('net/http.(*persistConn).writeLoop');
  assert.ok(read1 && write1, `clusters: ${[...byEntry.keys()].join(', ')}`);
  assert.equal(read1.createdBy?.fn, 'net/http.(*Transport).dialConn');
  assert.equal(mainState(counts.get(write1.key)!), 'select');
  assert.equal(mainState(counts.get(read1.key)!), 'IO wait');
  assert.equal(counts.get(read1.key)!.count, counts.get(write1.key)!.count, 'one of each per connection');
  const g = dump.goroutines.find((x) => x.frames.at(-1)?.fn === 'net/http.(*persistConn).readLoop')!;
  assert.equal(fingerprint(g).key, read1.key);
});

test('clusters that grow in gray and not in baseline rank first: transport and blocked', () => {
  const transport = diffGoroutines({ gray: dumps('transport', 'gray'), baseline: dumps('transport', 'baseline') });
  const top3 = transport.clusters
    .slice(0, 3)
    .map((c) => c.entry)
    .sort();
  assert.deepEqual(top3, [
    'net/http.(*conn).serve',
    'net/http.(*persistConn).readLoop',
    'net/http.(*persistConn).writeLoop',
  ]);
  for (const c of transport.clusters.slice(0, 3))
    assert.ok(c.difference >= 8 && c.growth.baseline === 0, `${c.entry}: ${c.difference}`);
  const blocked = diffGoroutines({ gray: dumps('blocked', 'gray'), baseline: dumps('blocked', 'baseline') });
  const top = blocked.clusters[0];
  assert.equal(top.entry, 'main.publishEvent.func1');
  assert.equal(top.createdBy?.fn, 'main.publishEvent');
  assert.equal(mainState(top.end.gray), 'chan send');
  // -blocked-rate 10 over the ~6 s window.
  assert.ok(top.difference > 40 && top.difference < 80, `${top.difference}`);
  assert.ok(blocked.clusters.slice(1).every((c) => Math.abs(c.difference) < 8));
  assert.ok(blocked.totals.gray.end! > blocked.totals.gray.start!);
});

test('healthy against healthy: no cluster grows', () => {
  const diff = diffGoroutines({ gray: dumps('healthy', 'gray'), baseline: dumps('healthy', 'baseline') });
  for (const c of diff.clusters) assert.ok(Math.abs(c.difference) < 8, `${c.entry}: ${c.difference}`);
});

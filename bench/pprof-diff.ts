// Decoding and diffing two large heap profiles: memgate against `go tool pprof -top -diff_base`.
//
//   npx node bench/pprof-diff.ts [--stacks N] [--runs N]
//
// Synthesizes a pair of Go-like heap profiles (thousands of stacks, 8-40 frames deep, shared
// functions, inlined frames, a leak in a few dozen stacks) with pprof-format, writes them gzipped,
// then times, on the same pair:
//   memgate (in process)  read + gunzip + decode both + diff per stack and per function
//   memgate (process)     the same in a fresh node process, start-up included
//   go tool pprof         -top -diff_base=A B, a fresh process as pprof always is
// and prints medians and the ratio go/memgate (above 1: memgate is faster).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Profile, StringTable, type FunctionInput, type LocationInput, type SampleInput } from 'pprof-format';
import { decodeHeapProfile } from '../src/analyze/heap-profile.ts';
import { diffHeaps } from '../src/analyze/heap-diff.ts';

function seeded(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 16807) % 2147483647) / 2147483647;
}

/** Two heap profiles over the same code: B is A a while later, with a few stacks leaking. */
function synthesize(stacks: number, seed = 7): [Uint8Array, Uint8Array] {
  const rand = seeded(seed);
  const pkgs = [
    'main',
    'net/http',
    'encoding/json',
    'bytes',
    'bufio',
    'github.com/acme/svc/cache',
    'github.com/acme/svc/api',
    'google.golang.org/grpc',
    'database/sql',
    'sync',
  ];
  const functionCount = Math.max(200, Math.round(stacks / 3));
  const strings = new StringTable();
  const functions: FunctionInput[] = [];
  for (let i = 1; i <= functionCount; i++) {
    const pkg = pkgs[i % pkgs.length];
    const name = `${pkg}.(*T${i % 37}).Method${i}`;
    functions.push({
      id: i,
      name: strings.dedup(name),
      systemName: strings.dedup(name),
      filename: strings.dedup(`/src/${pkg}/file${i % 53}.go`),
      startLine: i,
    });
  }
  const locations: LocationInput[] = [];
  const locationCount = functionCount * 3;
  for (let i = 1; i <= locationCount; i++) {
    const fn = 1 + Math.floor(rand() * functionCount);
    const inlined =
      rand() < 0.15 ? [{ functionId: 1 + Math.floor(rand() * functionCount), line: 1 + Math.floor(rand() * 400) }] : [];
    locations.push({
      id: i,
      mappingId: 1,
      address: 0x400000 + i * 16,
      line: [...inlined, { functionId: fn, line: 1 + Math.floor(rand() * 400) }],
    });
  }
  const shape: number[][] = [];
  for (let s = 0; s < stacks; s++) {
    const depth = 8 + Math.floor(rand() * 33);
    shape.push(Array.from({ length: depth }, () => 1 + Math.floor(rand() * locationCount)));
  }
  const leaking = new Set(Array.from({ length: 40 }, () => Math.floor(rand() * stacks)));
  const make = (later: boolean): Uint8Array => {
    const samples: SampleInput[] = shape.map((locs, s) => {
      const objects = 1 + Math.floor(rand() * 200);
      const size = 16 << Math.floor(rand() * 8);
      const grow = later && leaking.has(s) ? 3 + Math.floor(rand() * 20) : 1;
      const inuseObjects = Math.floor(objects * grow * (later ? 0.9 + rand() * 0.2 : 1));
      return {
        locationId: locs,
        value: [
          objects * 10 * (later ? 2 : 1),
          objects * 10 * size * (later ? 2 : 1),
          inuseObjects,
          inuseObjects * size,
        ],
      };
    });
    const local = new StringTable();
    for (const s of strings.strings.slice(1)) local.dedup(s);
    const profile = new Profile({
      sampleType: ['alloc_objects/count', 'alloc_space/bytes', 'inuse_objects/count', 'inuse_space/bytes'].map((t) => {
        const [type, unit] = t.split('/');
        return { type: local.dedup(type), unit: local.dedup(unit) };
      }),
      sample: samples,
      mapping: [
        {
          id: 1,
          memoryStart: 0x400000,
          memoryLimit: 0x400000 + locationCount * 16 + 16,
          filename: local.dedup('/app/service'),
          hasFunctions: true,
          hasFilenames: true,
          hasLineNumbers: true,
          hasInlineFrames: true,
        },
      ],
      location: locations,
      function: functions,
      stringTable: local,
      periodType: { type: local.dedup('space'), unit: local.dedup('bytes') },
      period: 512 * 1024,
      timeNanos: BigInt(Date.now()) * 1_000_000n,
    });
    return gzipSync(profile.encode());
  };
  return [make(false), make(true)];
}

/** What memgate does with a pair: read, decode both, diff per stack and function. */
function memgateDiff(a: string, b: string): number {
  const start = decodeHeapProfile(readFileSync(a));
  const end = decodeHeapProfile(readFileSync(b));
  const diff = diffHeaps({ gray: { times: [0, 60], snapshots: [start, end] }, baseline: { times: [], snapshots: [] } });
  return diff.functions.length;
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

if (process.argv[2] === '--child') {
  const t0 = performance.now();
  memgateDiff(process.argv[3], process.argv[4]);
  process.stdout.write(String(performance.now() - t0));
} else {
  const { values } = parseArgs({
    options: { stacks: { type: 'string', default: '5000' }, runs: { type: 'string', default: '7' } },
  });
  const stacks = Number(values.stacks);
  const runs = Number(values.runs);
  const dir = mkdtempSync(join(tmpdir(), 'memgate-bench-pprof-'));
  try {
    const [a, b] = synthesize(stacks);
    const fa = join(dir, 'a.pb.gz');
    const fb = join(dir, 'b.pb.gz');
    writeFileSync(fa, a);
    writeFileSync(fb, b);
    const decoded = decodeHeapProfile(a);
    console.log(
      `pair: ${stacks} samples, ${decoded.stacks.size} distinct stacks, ${(a.length / 1024).toFixed(0)} KiB + ${(b.length / 1024).toFixed(0)} KiB gzipped`,
    );

    memgateDiff(fa, fb); // warm up the JIT once, as a long-lived process is
    const inProcess: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      memgateDiff(fa, fb);
      inProcess.push(performance.now() - t0);
    }
    const processTimes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const child = spawnSync(process.execPath, [import.meta.filename, '--child', fa, fb], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`child failed: ${child.stderr}`);
      processTimes.push(performance.now() - t0);
    }
    const go = spawnSync('go', ['version'], { encoding: 'utf8' });
    if (go.status !== 0)
      throw new Error('go not found: the comparison needs go tool pprof (apt-get install golang-go)');
    const goTimes: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      const run = spawnSync('go', ['tool', 'pprof', '-top', '-nodecount=20', `-diff_base=${fa}`, fb], {
        encoding: 'utf8',
      });
      if (run.status !== 0) throw new Error(`go tool pprof failed: ${run.stderr}`);
      if (i > 0) goTimes.push(performance.now() - t0); // the first run warms the page cache
    }
    const m = { inProcess: median(inProcess), process: median(processTimes), go: median(goTimes) };
    console.log(`memgate decode+diff, in process:  ${m.inProcess.toFixed(1)} ms (median of ${runs})`);
    console.log(`memgate decode+diff, new process: ${m.process.toFixed(1)} ms`);
    console.log(`go tool pprof -top -diff_base:    ${m.go.toFixed(1)} ms (${go.stdout.trim()})`);
    console.log(
      `ratio go/memgate: ${(m.go / m.inProcess).toFixed(1)}x in process, ${(m.go / m.process).toFixed(1)}x process to process (above 1: memgate is faster)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

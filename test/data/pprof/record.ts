// Records the profile fixtures in this directory from the real Go fixture services, through memgate
// itself (a short `memgate run` per variant against the healthy build), and derives the broken ones.
//
//   npx node test/data/pprof/record.ts      (needs Go and root, like the end-to-end tests)
//
// Each <variant>/ is a small bundle directory: pprof/index.json plus the profiles it names (start,
// middle and end of the window, both sides). Flags are chosen so that each regression shows clearly
// within 6 seconds while the files stay small.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { fixtureBin, ROOT } from '../../helpers/fixtures.ts';

const HERE = import.meta.dirname;
export const VARIANT_FLAGS: Record<string, string> = {
  healthy: '',
  'leak-map': '-leak-rate 60MiB',
  ticker: '-ticker-rate 2000 -ticker-period 1h',
  transport: '-transport-rate 2',
  blocked: '-blocked-rate 10',
  pool: '',
  bufgrowth: '-bufgrowth-rate 400',
};

const KEEP_MIDDLE = ['healthy', 'leak-map'];

function record(variant: string): void {
  const out = join(ROOT, '.tmp/record', variant);
  rmSync(out, { recursive: true, force: true });
  const flags = VARIANT_FLAGS[variant];
  const cmd = (bin: string) => `${fixtureBin(bin)} -addr 127.0.0.1:{port} ${flags}`.trim();
  const args = ['src/cli/main.ts', 'run', '--baseline', cmd('healthy'), '--gray', cmd(variant), '--warmup', '1s', '--duration', '6s', '--profile-interval', '3s', '--out', out];
  const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (run.status === null || run.status > 1) throw new Error(`memgate run for ${variant} failed (${run.status}):\n${run.stderr}`);
  const dest = join(HERE, variant);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(join(dest, 'pprof'), { recursive: true });
  const index = JSON.parse(readFileSync(join(out, 'bundle/pprof/index.json'), 'utf8'));
  // Start and end only (the middle too for two variants, for the robust growth fit): small files.
  const last = Math.max(...index.entries.map((e: { seq: number }) => e.seq));
  const keep = (seq: number) => seq === 0 || seq === last || KEEP_MIDDLE.includes(variant);
  index.entries = index.entries.filter((e: { seq: number }) => keep(e.seq));
  for (const entry of index.entries) if (entry.file) cpSync(join(out, 'bundle', entry.file), join(dest, entry.file));
  // Commands and ports of the recording are of no use to the tests.
  index.urls = { baseline: 'http://127.0.0.1:{port}/debug/pprof', gray: 'http://127.0.0.1:{port}/debug/pprof' };
  writeFileSync(join(dest, 'pprof/index.json'), JSON.stringify(index, null, 2) + '\n');
}

/** Broken inputs derived from the recorded ones. */
function derive(): void {
  const dir = join(HERE, 'broken');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const lastFile = (variant: string, kind: string) => {
    const index = JSON.parse(readFileSync(join(HERE, variant, 'pprof/index.json'), 'utf8'));
    return join(HERE, variant, index.entries.filter((e: { side: string; kind: string; file: string | null }) => e.side === 'gray' && e.kind === kind && e.file).pop().file);
  };
  const heap = readFileSync(lastFile('leak-map', 'heap'));
  writeFileSync(join(dir, 'heap-truncated.pb.gz'), heap.subarray(0, Math.floor(heap.length / 2)));
  const flipped = Buffer.from(heap);
  for (let i = 20; i < flipped.length - 8; i += 7) flipped[i] ^= 0x5a;
  writeFileSync(join(dir, 'heap-corrupt.pb.gz'), flipped);
  // Valid gzip around a protobuf cut short: the damage only shows when decoding.
  const raw = gunzipSync(heap);
  writeFileSync(join(dir, 'heap-short-protobuf.pb.gz'), gzipSync(raw.subarray(0, Math.floor(raw.length * 0.6))));
  writeFileSync(join(dir, 'heap-html.pb.gz'), '<html><body>404 page not found</body></html>\n');
  const dump = readFileSync(lastFile('blocked', 'goroutine'), 'utf8');
  writeFileSync(join(dir, 'goroutine-truncated.txt'), dump.slice(0, Math.floor(dump.length * 0.7)));
  // debug=1 (aggregated) instead of debug=2, from a live fixture.
  const bin = fixtureBin('healthy');
  const script = `${bin} -addr 127.0.0.1:18931 & pid=$!; sleep 1; curl -s 'http://127.0.0.1:18931/debug/pprof/goroutine?debug=1'; kill $pid`;
  const debug1 = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
  writeFileSync(join(dir, 'goroutine-debug1.txt'), debug1.stdout);
}

const only = process.argv.slice(2);
for (const variant of Object.keys(VARIANT_FLAGS)) if (only.length === 0 || only.includes(variant)) record(variant);
derive();

// `memgate analyze` on a bundle that came from elsewhere (a pull request's artifact): the index and
// the bundle's own files cannot make memgate read outside the bundle directory (an index entry
// `../../../../etc/passwd` was read and its first line quoted in a warning), nor write through a
// symlink over report.json / report.html, nor hang on a FIFO.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../src/cli/cli.ts';
import { writeBundle } from '../src/collect/bundle-io.ts';
import { readProfileSet } from '../src/collect/pprof-bundle.ts';
import { BundlePathError, readInsideBundle, writeFileNoFollow } from '../src/collect/bundle-files.ts';
import { makeBundle } from './helpers/bundles.ts';

/** A secret outside the bundle, as /etc/passwd would be: it must never appear in anything memgate says or writes. */
const SECRET = 'root:x:0:0:TOP-SECRET-OUTSIDE-THE-BUNDLE:/root:/bin/bash';

function world() {
  const root = mkdtempSync(join(tmpdir(), 'memgate-untrusted-'));
  const secret = join(root, 'secret.txt');
  writeFileSync(secret, `${SECRET}\n`);
  const out = join(root, 'a', 'b', 'c', 'run');
  writeBundle(out, makeBundle({}));
  const bundle = join(out, 'bundle');
  cpSync(join(import.meta.dirname, 'data/pprof/healthy/pprof'), join(bundle, 'pprof'), { recursive: true });
  return { root, secret, out, bundle };
}

async function analyze(args: string[]) {
  const stdout: string[] = [];
  const warn: string[] = [];
  const code = await cli(['analyze', ...args], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH },
    stdout: (t: string) => stdout.push(t),
    stderr: (t: string) => warn.push(t.replace(/\n$/, '')),
    logger: { info: (m: string) => warn.push(m), warn: (m: string) => warn.push(m) },
    signal: new AbortController().signal,
  });
  return { code, stdout: stdout.join(''), stderr: warn.join('\n') };
}

function addIndexEntries(bundle: string, files: string[]) {
  const path = join(bundle, 'pprof/index.json');
  const index = JSON.parse(readFileSync(path, 'utf8'));
  for (const [i, file] of files.entries())
    index.entries.push({
      side: 'gray',
      kind: 'goroutine',
      seq: 100 + i,
      t: 5000 + i,
      file,
      bytes: 10,
      error: null,
      fetchMs: 1,
    });
  writeFileSync(path, JSON.stringify(index));
}

test('index entries that climb out, are absolute or are symlinks out of the bundle are refused, never read or quoted', async () => {
  const w = world();
  symlinkSync(w.secret, join(w.bundle, 'pprof/link-out.txt'));
  const depth = '../'.repeat(12);
  addIndexEntries(w.bundle, [
    `${depth}${w.secret.slice(1)}`,
    w.secret,
    'pprof/link-out.txt',
    `pprof/../../${'x'.repeat(10)}`,
    42 as unknown as string,
  ]);
  const set = readProfileSet(w.bundle)!;
  for (const bytes of Object.values(set.data))
    assert.ok(!Buffer.from(bytes).toString('latin1').includes('TOP-SECRET'), 'nothing read from outside');
  assert.ok(
    set.notes.some((n) => /file\(s\) named in pprof\/index\.json refused and left out/.test(n)),
    set.notes.join('\n'),
  );
  assert.ok(
    set.entries.every(
      (e) =>
        typeof e.file !== 'string' ||
        (e.file.startsWith('pprof/') && !e.file.includes('..') && e.file !== 'pprof/link-out.txt'),
    ),
  );

  const out2 = join(w.root, 'rejudged');
  const r = await analyze([w.out, '--out', out2]);
  assert.ok([0, 1, 3].includes(r.code) && !/internal error/.test(r.stderr), `${r.code} ${r.stderr}`);
  const everything =
    r.stdout +
    r.stderr +
    readFileSync(join(out2, 'report.json'), 'utf8') +
    readFileSync(join(out2, 'report.html'), 'utf8');
  assert.ok(!everything.includes('TOP-SECRET'), 'the outside file is quoted nowhere');
  assert.match(r.stdout, /refused and left out/);
});

test('a bundle file symlinked out of the bundle (meta.json, samples) is a usage error, content not quoted', async () => {
  for (const name of ['meta.json', 'samples.jsonl', 'final.json']) {
    const w = world();
    rmSync(join(w.bundle, name));
    symlinkSync(w.secret, join(w.bundle, name));
    const r = await analyze([w.out]);
    assert.equal(r.code, 2, `${name}: ${r.stderr}`);
    assert.match(r.stderr, new RegExp(`"${name.replace('.', '\\.')}" leads outside the bundle`));
    assert.ok(!r.stderr.includes('TOP-SECRET') && !r.stdout.includes('TOP-SECRET'));
  }
});

test('an eBPF trace symlinked out of the bundle is a warning, content not quoted', async () => {
  const w = world();
  mkdirSync(join(w.bundle, 'ebpf'));
  symlinkSync(w.secret, join(w.bundle, 'ebpf/trace.json'));
  const r = await analyze([w.out]);
  assert.ok(!/internal error/.test(r.stderr), r.stderr);
  assert.match(r.stdout, /eBPF trace .* is unreadable \("ebpf\/trace\.json" leads outside the bundle/);
  assert.ok(!(r.stdout + r.stderr).includes('TOP-SECRET'));
});

test('report.json or report.html as a symlink in --out: refused with a usage error, the target untouched', async () => {
  for (const name of ['report.json', 'report.html']) {
    const w = world();
    const out2 = join(w.root, 'rejudged');
    mkdirSync(out2);
    symlinkSync(w.secret, join(out2, name));
    const r = await analyze([w.out, '--out', out2]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(
      r.stderr,
      new RegExp(
        `${name.replace('.', '\\.')} is a symlink, and memgate does not write through symlinks; remove it or give another directory`,
      ),
    );
    assert.equal(readFileSync(w.secret, 'utf8'), `${SECRET}\n`, 'the file the link pointed at is unchanged');
  }
});

test('a FIFO or a directory where a bundle file should be is refused at once, no hang', async () => {
  const w = world();
  rmSync(join(w.bundle, 'samples.jsonl'));
  const made = spawnSync('mkfifo', [join(w.bundle, 'samples.jsonl')]);
  assert.equal(made.status, 0, 'mkfifo is needed for this test');
  // In a child process with a timeout: opening a FIFO for reading blocks until someone writes to it.
  const r = spawnSync(process.execPath, [join(import.meta.dirname, '../src/cli/main.ts'), 'analyze', w.out], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  assert.equal(r.error, undefined, 'memgate did not hang on the FIFO');
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /"samples\.jsonl" is not a regular file/);
  assert.throws(() => readInsideBundle(w.bundle, 'pprof'), BundlePathError);
});

test('the helpers: inside paths read, outside refused by every route; writes refuse a symlink and replace a file', () => {
  const w = world();
  assert.ok(readInsideBundle(w.bundle, 'meta.json').length > 0);
  symlinkSync('meta.json', join(w.bundle, 'alias.json'));
  assert.ok(readInsideBundle(w.bundle, 'alias.json').length > 0, 'a symlink that stays inside is fine');
  for (const bad of ['../secret.txt', '/etc/passwd', 'pprof/../../x', '', 'a\0b'])
    assert.throws(() => readInsideBundle(w.bundle, bad), BundlePathError, JSON.stringify(bad));
  assert.throws(() => readInsideBundle(w.bundle, 'meta.json', 10), /more than memgate reads/);
  const target = join(w.root, 'plain.txt');
  writeFileNoFollow(target, 'one');
  writeFileNoFollow(target, 'two');
  assert.equal(readFileSync(target, 'utf8'), 'two');
  symlinkSync(w.secret, join(w.root, 'link.txt'));
  assert.throws(
    () => writeFileNoFollow(join(w.root, 'link.txt'), 'x'),
    (e: NodeJS.ErrnoException) => e.code === 'ELOOP',
  );
  assert.ok(existsSync(w.secret) && readFileSync(w.secret, 'utf8').includes('TOP-SECRET'));
});

test('a damaged bundle (wrong types where the analysis reads) is a usage error naming the file and field, not an internal error', async () => {
  const edits: [string, (b: string) => void, RegExp][] = [
    [
      'samples line null',
      (b) => writeFileSync(join(b, 'samples.jsonl'), 'null\n'),
      /samples\.jsonl line 1: it is not a JSON object/,
    ],
    [
      'samples t a string',
      (b) => writeFileSync(join(b, 'samples.jsonl'), '{"t":"x","baseline":1,"gray":2}\n'),
      /samples\.jsonl line 1: "t" is wrong \("x"\)/,
    ],
    [
      'samples instances wrong',
      (b) =>
        writeFileSync(
          join(b, 'samples.jsonl'),
          '{"t":1,"baseline":1,"gray":2,"instances":{"baseline":[1],"gray":"x"}}\n',
        ),
      /"instances" is wrong/,
    ],
    [
      'meta without sides',
      (b) => editJson(join(b, 'meta.json'), (m) => delete m.sides),
      /meta\.json: "sides" is missing/,
    ],
    [
      'meta warmup a string',
      (b) => editJson(join(b, 'meta.json'), (m) => (m.warmupMs = 'x')),
      /meta\.json: "warmupMs" is wrong/,
    ],
    [
      'final empty',
      (b) => writeFileSync(join(b, 'final.json'), '{}'),
      /final\.json: baseline: it is not a JSON object/,
    ],
    [
      'final exit wrong',
      (b) => editJson(join(b, 'final.json'), (f) => (f.gray.exit = { atMs: 1 })),
      /final\.json: gray: "exit" is wrong/,
    ],
    [
      'stat side unknown',
      (b) =>
        writeFileSync(
          join(b, 'stat.jsonl'),
          '{"t":1,"side":"evil","anonBytes":1,"fileBytes":1,"kernelBytes":1,"sockBytes":1}\n',
        ),
      /stat\.jsonl line 1: "side" is wrong/,
    ],
  ];
  for (const [what, edit, expected] of edits) {
    const w = world();
    edit(w.bundle);
    const r = await analyze([w.out]);
    assert.equal(r.code, 2, `${what}: ${r.stderr}`);
    assert.match(r.stderr, expected, what);
    assert.match(r.stderr, /the bundle is damaged/);
    assert.ok(!/internal error/.test(r.stderr), what);
  }
  // Bundles memgate writes pass: one process a side, and replicas.
  for (const bundle of [makeBundle({}), makeBundle({ replicas: 3 })]) {
    const root = mkdtempSync(join(tmpdir(), 'memgate-untrusted-ok-'));
    writeBundle(root, bundle);
    const r = await analyze([root]);
    assert.ok([0, 1, 3].includes(r.code) && !/damaged|internal error/.test(r.stderr), r.stderr);
  }
});

function editJson(path: string, edit: (value: Record<string, any>) => unknown) {
  const value = JSON.parse(readFileSync(path, 'utf8'));
  edit(value);
  writeFileSync(path, JSON.stringify(value));
}

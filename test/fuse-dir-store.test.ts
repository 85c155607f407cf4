// The directory fuse store: one file per record, atomic creation, safe across processes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DirFuseStore, scopeDirName } from '../src/fuse/dir-store.ts';
import { resolveScope } from '../src/fuse/config.ts';
import { foldRecords } from '../src/fuse/rules.ts';
import { dirWorld, runCli } from './helpers/fuse-harness.ts';

const ROOT = resolve(import.meta.dirname, '..');
const scope = { key: 'rollout', label: 'rollout', explicit: true };

test('records are files numbered in order; reading folds them in that order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-dirstore-'));
  const store = new DirFuseStore(dir, scope);
  assert.deepEqual(await store.read(), [], 'nothing yet, no directory yet');
  const a = await store.append({ kind: 'cell', cell: 'arch=arm64', state: 'blocked', reason: 'leak', at: 't1' });
  const b = await store.append({
    kind: 'cell',
    cell: 'arch=arm64',
    state: 'reset',
    reason: 'fixed',
    at: 't2',
    by: 'me',
  });
  assert.deepEqual([a.order, b.order], [1, 2]);
  assert.deepEqual(readdirSync(join(dir, 'rollout')), ['0000000001.json', '0000000002.json']);
  const state = foldRecords(await store.read());
  assert.equal(state.cells.get('arch=arm64')?.latest.state, 'reset');
});

test('many processes appending at the same moment: nothing lost, no number used twice, no temp files left', async () => {
  const world = dirWorld();
  const procs = 6;
  const each = 5;
  const children = Array.from({ length: procs }, (_, p) => {
    const args = ['fuse', 'trip', '--reason', `proc ${p}`, '--fuse-dimension-threshold', '1000', ...world.flags];
    for (let i = 0; i < each; i++) args.push('--cell', `region=r${p}-${i},arch=arm64`);
    const child = spawn(process.execPath, [join(ROOT, 'src/cli/main.ts'), ...args], {
      cwd: world.cwd,
      env: world.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    return new Promise<{ code: number | null; stderr: string }>((done) =>
      child.on('close', (code) => done({ code, stderr })),
    );
  });
  for (const r of await Promise.all(children)) assert.equal(r.code, 0, r.stderr);
  const dir = join(world.cwd, '.memgate-fuse', 'test-rollout');
  const files = readdirSync(dir);
  assert.equal(files.length, procs * each);
  assert.ok(
    files.every((f) => /^\d{10}\.json$/.test(f)),
    files.join(' '),
  );
  const records = await new DirFuseStore(join(world.cwd, '.memgate-fuse'), {
    key: 'test-rollout',
    label: 'test-rollout',
    explicit: true,
  }).read();
  assert.deepEqual(
    records.map((r) => r.order),
    Array.from({ length: procs * each }, (_, i) => i + 1),
  );
  assert.equal(new Set(records.map((r) => (r.kind === 'cell' ? r.cell : ''))).size, procs * each);
});

test('a file that is not a record is reported with its path', async () => {
  const world = dirWorld();
  await runCli(world, ['fuse', 'trip', '--cell', 'arch=arm64', '--reason', 'x']);
  writeFileSync(join(world.cwd, '.memgate-fuse', 'test-rollout', '0000000002.json'), '{not json');
  const r = await runCli(world, ['fuse', 'status']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /0000000002\.json is not readable JSON .* move it out of/);
});

test('scope: --fuse-scope, else commit + workflow; a directory name safe for any key', () => {
  assert.equal(scopeDirName('release-1.4'), 'release-1.4');
  assert.match(scopeDirName('abc/CI build'), /^abc_CI_build-[0-9a-f]{8}$/);
  assert.notEqual(scopeDirName('a/b'), scopeDirName('a_b'));
  const env = { GITHUB_SHA: 'f'.repeat(40), GITHUB_WORKFLOW: 'Release' };
  assert.deepEqual(resolveScope(undefined, { env, cwd: '/' }), {
    key: `${'f'.repeat(40)}/Release`,
    label: 'Release',
    explicit: false,
  });
  assert.deepEqual(resolveScope('train', { env, cwd: '/' }), { key: 'train', label: 'train', explicit: true });
  const repo = mkdtempSync(join(tmpdir(), 'memgate-git-'));
  const git = (...args: string[]) =>
    spawnSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: repo, encoding: 'utf8' });
  git('init', '-q');
  git('commit', '-q', '--allow-empty', '-m', 'x');
  const head = git('rev-parse', 'HEAD').stdout.trim();
  assert.deepEqual(resolveScope(undefined, { env: {}, cwd: repo }), {
    key: `${head}/local`,
    label: 'local',
    explicit: false,
  });
  assert.throws(() => resolveScope(undefined, { env: {}, cwd: tmpdir() }), /give --fuse-scope NAME/);
});

test('bad fuse options exit 2 naming the fix', async () => {
  const world = dirWorld();
  const cases: [string[], RegExp][] = [
    [['fuse', 'check'], /needs --cell/],
    [['fuse', 'check', '--cell', 'arch=arm64', '--fuse-store', 's3'], /"s3" is not a store; use auto/],
    [['fuse', 'reset', '--reason', 'x'], /needs what to act on/],
    [
      ['fuse', 'trip', '--cell', 'arch=arm64', '--reason', 'x', '--fuse-dimension-threshold', 'half'],
      /not a threshold/,
    ],
    [
      ['fuse', 'frobnicate'],
      /^error: memgate fuse: unknown command "frobnicate"\. The commands are check, status, reset, trip/,
    ],
    [
      ['fuse', 'check', '--cell', 'arch=arm64', '--bogus', 'x'],
      /^error: memgate fuse check: unknown option --bogus\. memgate fuse check --help lists the options/,
    ],
    [['run', '--baseline', 'true', '--gray', 'true', '--fuse', 'on'], /--fuse on needs --cell/],
    [
      ['run', '--baseline', 'true', '--gray', 'true', '--fuse', 'maybe', '--cell', 'arch=arm64'],
      /--fuse: "maybe" is not allowed; use on or off/,
    ],
    [['run', '--baseline', 'true', '--gray', 'true', '--fuse', 'on', '--cell', 'cpu=x'], /"cpu" is not a dimension/],
  ];
  for (const [args, message] of cases) {
    const r = await runCli(world, args, !args.includes('run'));
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message, args.join(' '));
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
});

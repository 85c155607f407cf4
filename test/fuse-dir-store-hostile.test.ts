// The directory fuse store past its 10-digit names and with files it did not write: a trip is never
// lost to ordering (that would fail open), and a malformed record is a typed error naming the file
// and the fix. Malformed records kept in test/data/hostile/fuse/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirFuseStore, FuseRecordError, nextRecordName } from '../src/fuse/dir-store.ts';
import { checkCell, foldRecords } from '../src/fuse/rules.ts';
import { parseCell } from '../src/fuse/cell.ts';
import { UsageError } from '../src/model/errors.ts';
import { dirWorld, runCli } from './helpers/fuse-harness.ts';

const scope = { key: 'rollout', label: 'rollout', explicit: true };
const CORPUS = join(import.meta.dirname, 'data/hostile/fuse');

function storeWith(files: Record<string, object | string>): { store: DirFuseStore; dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'memgate-dirstore-hostile-'));
  const dir = join(root, 'rollout');
  mkdirSync(dir);
  for (const [name, body] of Object.entries(files))
    writeFileSync(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  return { store: new DirFuseStore(root, scope), dir };
}

const pass = (cell: string) => ({ kind: 'cell', cell, state: 'pass', reason: 'ok', at: 't' });

test('past 9999999999 the next record is 10000000000 and is read last: a trip there is not lost', async () => {
  const { store, dir } = storeWith({ '9999999998.json': pass('arch=arm64'), '9999999999.json': pass('arch=amd64') });
  await store.append({ kind: 'cell', cell: 'arch=arm64', state: 'blocked', reason: 'leak', at: 't2' });
  assert.deepEqual(
    readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort(),
    ['10000000000.json', '9999999998.json', '9999999999.json'],
  );
  const records = await store.read();
  assert.deepEqual(
    records.map((r) => r.order),
    [1, 2, 3],
  );
  assert.equal(records[2].kind === 'cell' && records[2].state, 'blocked');
  const state = foldRecords(records);
  assert.equal(
    checkCell(state, parseCell('arch=arm64')).fused,
    true,
    'the blocked cell is fused: the store did not fail open',
  );
  // And on: more records after the 11-digit one keep their order.
  await store.append({ kind: 'cell', cell: 'arch=amd64', state: 'blocked', reason: 'leak', at: 't3' });
  const again = await store.read();
  assert.equal(again.length, 4);
  assert.equal(again[3].kind === 'cell' && again[3].cell, 'arch=amd64');
});

test('sequence numbers of any length are ordered by value and the next one is exact (no float)', async () => {
  assert.equal(nextRecordName(null), '0000000001.json');
  assert.equal(nextRecordName('0000000041'), '0000000042.json');
  assert.equal(nextRecordName('9999999999'), '10000000000.json');
  assert.equal(nextRecordName('99999999999999999999999'), '100000000000000000000000.json');
  assert.equal(nextRecordName('9007199254740993'), '9007199254740994.json', 'beyond 2^53, still exact');
  const { store } = storeWith({
    '100000000000.json': { ...pass('arch=a5'), reason: 'fifth' },
    '0000000007.json': { ...pass('arch=a1'), reason: 'first' },
    '99999999999.json': { ...pass('arch=a4'), reason: 'fourth' },
    '9999999999.json': { ...pass('arch=a2'), reason: 'second' },
    '10000000000.json': { ...pass('arch=a3'), reason: 'third' },
  });
  assert.deepEqual(
    (await store.read()).map((r) => r.reason),
    ['first', 'second', 'third', 'fourth', 'fifth'],
  );
});

test('every malformed record in the corpus is a FuseRecordError naming the file and the fix', async () => {
  const names = readdirSync(CORPUS);
  assert.ok(names.length >= 8);
  for (const name of names) {
    const { store, dir } = storeWith({
      '0000000001.json': pass('arch=arm64'),
      '0000000002.json': readFileSync(join(CORPUS, name), 'utf8'),
    });
    await assert.rejects(store.read(), (error: Error) => {
      assert.ok(error instanceof FuseRecordError, `${name}: ${error}`);
      assert.ok(error instanceof UsageError, 'a usage error: exit 2, not an internal error');
      assert.equal(error.file, join(dir, '0000000002.json'));
      assert.ok(
        error.message.includes(join(dir, '0000000002.json')) && error.message.includes(`move it out of ${dir}`),
        error.message,
      );
      return true;
    });
  }
});

test('numbered files memgate never writes are reported, not skipped; other files are ignored', async () => {
  for (const odd of ['1.json', '00000000001.json', '000000001.json']) {
    const { store } = storeWith({ '0000000001.json': pass('arch=arm64'), [odd]: pass('arch=amd64') });
    await assert.rejects(
      store.read(),
      (error: Error) =>
        error instanceof FuseRecordError && error.message.includes(odd) && /10 digits/.test(error.message),
    );
  }
  const { store } = storeWith({
    '0000000001.json': pass('arch=arm64'),
    'notes.txt': 'hello',
    '0000000002.json.bak': '{',
  });
  assert.equal((await store.read()).length, 1);
  const big = storeWith({
    '0000000001.json': `{"kind":"cell","cell":"arch=arm64","state":"pass","at":"t","reason":"${'x'.repeat(300 * 1024)}"}`,
  });
  await assert.rejects(
    big.store.read(),
    (error: Error) => error instanceof FuseRecordError && /more than 262144/.test(error.message),
  );
  const dir = storeWith({});
  mkdirSync(join(dir.dir, '0000000001.json'));
  await assert.rejects(dir.store.read(), FuseRecordError);
});

test('the CLI: a malformed record exits 2 with the file and the fix, no stack trace', async () => {
  const world = dirWorld();
  await runCli(world, ['fuse', 'trip', '--cell', 'arch=arm64', '--reason', 'x']);
  writeFileSync(
    join(world.cwd, '.memgate-fuse', 'test-rollout', '0000000002.json'),
    readFileSync(join(CORPUS, 'bad-kind.json')),
  );
  const r = await runCli(world, ['fuse', 'status']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /fuse record .*0000000002\.json has kind "other", not "cell" or "dim"; .* move it out of/);
  assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
});

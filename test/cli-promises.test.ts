// README promises of the CLI that need no workload: `memgate analyze --warmup` re-judges a saved run with
// another warm-up (the recorded one otherwise), and an internal error is exit 3 with a message, not a crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../src/cli/cli.ts';
import { writeBundle } from '../src/collect/bundle-io.ts';
import type { CliIO } from '../src/cli/io.ts';
import type { Report } from '../src/report/report-json.ts';
import { makeBundle } from './helpers/bundles.ts';

function io(cwd: string, stdout: (text: string) => void = () => {}) {
  const warnings: string[] = [];
  const errors: string[] = [];
  const value: CliIO = {
    stdout,
    stderr: (t) => void errors.push(t),
    logger: { info: () => {}, warn: (m) => void warnings.push(m) },
    signal: new AbortController().signal,
    cwd,
    env: {},
  };
  return { io: value, warnings, errors };
}

test('analyze --warmup: the recorded warm-up unless given; a longer one judges fewer readings', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-analyze-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // 5 s warm-up recorded, 30 s window, a reading every 250 ms
  writeBundle(join(dir, 'run'), makeBundle({ warmupMs: 5000, durationMs: 30_000 }));
  const read = (out: string): Report => JSON.parse(readFileSync(join(dir, out, 'report.json'), 'utf8'));

  const recorded = io(dir);
  const codeA = await cli(['analyze', join(dir, 'run'), '--out', join(dir, 'as-recorded')], recorded.io);
  const longer = io(dir);
  const codeB = await cli(['analyze', join(dir, 'run'), '--warmup', '15s', '--out', join(dir, 'longer')], longer.io);
  const a = read('as-recorded');
  const b = read('longer');
  assert.equal(codeA, a.exitCode, 'the verdict decides the exit status');
  assert.equal(codeB, b.exitCode);
  assert.equal(a.settings.warmupMs, 5000);
  assert.equal(b.settings.warmupMs, 15_000);
  assert.equal(a.gray.samples - b.gray.samples, 40, '10 s more warm-up at 250 ms leaves 40 readings out');
  assert.equal(a.baseline.samples - b.baseline.samples, 40);

  const bad = io(dir);
  assert.equal(await cli(['analyze', join(dir, 'run'), '--warmup', 'soon'], bad.io), 2);
  assert.match(bad.errors.join(''), /^error: --warmup: "soon" is not a duration/);
});

test('an internal error is exit 3 with a message that asks for a report, never a stack trace (unless asked)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-analyze-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeBundle(join(dir, 'run'), makeBundle({ warmupMs: 5000, durationMs: 20_000 }));
  // A bug stands in as a stdout that throws while the verdict is printed.
  const broken = io(dir, () => {
    throw new TypeError('stdout went wrong');
  });
  assert.equal(await cli(['analyze', join(dir, 'run')], broken.io), 3);
  assert.deepEqual(broken.errors, [
    'error: internal error: stdout went wrong (please report it with the command you ran; set MEMGATE_DEBUG=1 for a stack trace)\n',
  ]);
  const debug = io(dir, () => {
    throw new TypeError('stdout went wrong');
  });
  debug.io.env = { MEMGATE_DEBUG: '1' };
  assert.equal(await cli(['analyze', join(dir, 'run')], debug.io), 3);
  assert.match(debug.errors[1], /^TypeError: stdout went wrong\n\s+at /, 'MEMGATE_DEBUG=1 adds the stack');
});

// Issue 11: untrusted text reaching stdout in Actions is printed between ::stop-commands::TOKEN markers
// (the Action's console report and fuse lines), and the CLI's fuse commands print only inert lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { printUntrusted } from '../src/action/untrusted.ts';
import { startsRunnerCommand } from '../src/report/escape-commands.ts';
import { dirWorld, runCli } from './helpers/fuse-harness.ts';
import { ROOT } from './helpers/fixtures.ts';

const HOSTILE =
  'main.leak\n::error file=x::pwned\r::add-mask::secret\n  ##[warning]old form\n::0123456789abcdef0123456789abcdef::';

test('printUntrusted: stop-commands with a fresh 128-bit token around inert lines', () => {
  const runs: string[][] = [];
  for (let i = 0; i < 2; i++) {
    const lines: string[] = [];
    printUntrusted((l) => lines.push(...l.split('\n')), HOSTILE);
    runs.push(lines);
  }
  for (const lines of runs) {
    const token = /^::stop-commands::([0-9a-f]{32})$/.exec(lines[0])?.[1];
    assert.ok(token, `starts with stop-commands: ${lines[0]}`);
    assert.equal(lines.at(-1), `::${token}::`, 'resumes with the same token');
    const inner = lines.slice(1, -1);
    assert.deepEqual(inner.filter(startsRunnerCommand), [], 'no line inside could be a command even without the stop');
    assert.ok(!inner.some((l) => l.includes(`::${token}::`)), 'the text cannot end the stop early');
    assert.ok(inner.join('\n').includes('pwned'), 'the text is shown');
  }
  assert.notEqual(runs[0][0], runs[1][0], 'a new token every time');
});

test('fuse commands print reasons from the store as inert lines', async () => {
  const world = dirWorld();
  try {
    const trip = await runCli(world, ['fuse', 'trip', '--dimension', 'arch=arm64', '--reason', HOSTILE]);
    assert.equal(trip.code, 0, trip.stderr);
    const status = await runCli(world, ['fuse', 'status']);
    assert.equal(status.code, 0, status.stderr);
    for (const out of [trip.stdout, status.stdout, trip.stderr, status.stderr]) {
      assert.deepEqual(out.split('\n').filter(startsRunnerCommand), [], out);
    }
    assert.match(status.stdout, /pwned/);
  } finally {
    rmSync(world.cwd, { recursive: true, force: true });
  }
});

test("the CLI's stderr is inert: an error line quoting a hostile path (dist/cli.js)", () => {
  const run = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'analyze', '/nonexistent\n::error::pwned'], {
    encoding: 'utf8',
  });
  assert.equal(run.status, 2);
  assert.deepEqual(run.stderr.split('\n').filter(startsRunnerCommand), [], run.stderr);
});

// The helpers memgate runs and waits on go through execa (src/workload/helper.ts): a failure says what
// ran, how it ended and what it printed on stderr; a helper that hangs is killed at its timeout; stdin is
// closed unless given. Then the callers: systemctl's stderr reaches the teardown warning when a scope is
// left, bpftrace's reaches the --ebpf problem, git's the fuse-scope error. Stand-in programs on PATH, no
// workloads or cgroups: no lock needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runHelper, runHelperSync, stderrExcerpt } from '../src/workload/helper.ts';
import { SystemdDriver } from '../src/workload/cgroup/systemd.ts';
import { BPFTRACE_ENV, checkTracer } from '../src/collect/ebpf-preflight.ts';
import { which } from '../src/collect/ebpf-symbolize.ts';
import { resolveScope } from '../src/fuse/config.ts';
import { requireRoot } from './helpers/env.ts';

function scratch(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-helper-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function script(dir: string, name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

test('a failed helper says what ran, its exit status and its stderr; its stdout is kept', () => {
  const r = runHelperSync('sh', ['-c', 'echo partial; echo "unit not found" >&2; exit 5'], { timeoutMs: 5000 });
  assert.equal(r.ok, false);
  assert.equal(r.exitCode, 5);
  assert.equal(r.stdout, 'partial\n', 'output as printed, final newline kept');
  assert.equal(r.failure, 'sh -c echo partial; echo "unit not found" >&2; exit 5 exited with status 5: unit not found');
  const quiet = runHelperSync('false', [], { timeoutMs: 5000 });
  assert.equal(quiet.failure, 'false exited with status 1 (nothing on stderr)');
  const ok = runHelperSync('sh', ['-c', 'echo fine'], { timeoutMs: 5000 });
  assert.deepEqual(ok, { ok: true, exitCode: 0, stdout: 'fine\n', stderr: '', failure: null });
});

test('a helper that is not there, or hangs, or floods, fails with the reason; a hang is killed at its timeout', async () => {
  assert.equal(
    runHelperSync('memgate-no-such-tool', ['x'], { timeoutMs: 5000 }).failure,
    'memgate-no-such-tool x could not be started (not found)',
  );
  for (const run of [
    () => runHelperSync('sleep', ['30'], { timeoutMs: 300 }),
    () => runHelper('sleep', ['30'], { timeoutMs: 300 }),
  ]) {
    const started = Date.now();
    const r = await run();
    assert.ok(Date.now() - started < 5000, 'killed, not waited for');
    assert.equal(r.ok, false);
    assert.equal(r.failure, 'sleep 30 did not finish within 0.3 s and was killed (nothing on stderr)');
  }
  const flood = await runHelper('head', ['-c', '100000', '/dev/zero'], { timeoutMs: 5000, maxBuffer: 1000 });
  assert.equal(flood.ok, false);
  assert.match(flood.failure!, /printed more than memgate reads from a helper/);
  const killed = await runHelper('sh', ['-c', 'kill -KILL $$'], { timeoutMs: 5000 });
  assert.equal(killed.failure, 'sh -c kill -KILL $$ was killed by SIGKILL (nothing on stderr)');
});

test('stdin: the input when given, else closed (a helper that reads it does not hang); env: added to, or the only one', () => {
  assert.equal(runHelperSync('cat', [], { timeoutMs: 5000, input: '0x401000\n' }).stdout, '0x401000\n');
  const noInput = runHelperSync('cat', [], { timeoutMs: 5000 });
  assert.equal(noInput.ok, true, 'cat sees end of input at once');
  assert.equal(noInput.stdout, '');
  assert.equal(
    runHelperSync('sh', ['-c', 'echo "$MEMGATE_T:${HOME:+home}"'], { timeoutMs: 5000, env: { MEMGATE_T: 'x' } }).stdout,
    'x:home\n',
  );
  assert.equal(
    runHelperSync('/bin/sh', ['-c', 'echo "$MEMGATE_T:${HOME:-nohome}"'], {
      timeoutMs: 5000,
      env: { MEMGATE_T: 'x' },
      onlyEnv: true,
    }).stdout,
    'x:nohome\n',
  );
});

test('the stderr excerpt is one line, its end kept when long (tools print the error last)', () => {
  assert.equal(stderrExcerpt('  a\n\n b\tc \n'), 'a b c');
  const long = `${'noise '.repeat(200)}ERROR: the real cause`;
  const cut = stderrExcerpt(long);
  assert.ok(cut.length <= 403);
  assert.match(cut, /^\.\.\..*ERROR: the real cause$/);
});

test('which() finds a tool on the PATH it is given, and only there', (t) => {
  const dir = scratch(t);
  const tool = script(dir, 'memgate-fake-tool', 'exit 0');
  assert.equal(which('memgate-fake-tool', dir), tool);
  assert.equal(which('memgate-fake-tool', '/usr/bin:/bin'), null);
  assert.equal(which('sh', ''), null, 'an empty PATH finds nothing');
});

test("systemd scopes: a stop that leaves the scope behind is an error carrying systemctl's stderr; a scope already gone is fine", async (t) => {
  const dir = scratch(t);
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  script(bin, 'systemctl', 'echo "Failed to stop $2: Access denied" >&2; exit 4');
  const path = process.env.PATH;
  process.env.PATH = `${bin}:${path}`;
  t.after(() => (process.env.PATH = path));
  const driver = new SystemdDriver(join(dir, 'cgroup'), true);
  const group = await driver.create('gray', null);
  await group.killAll(); // no processes: nothing to kill, no systemctl call needed
  await group.remove(); // the scope's directory does not exist: already collected
  mkdirSync(group.location, { recursive: true });
  await assert.rejects(group.remove(), (error: Error) => {
    assert.match(
      error.message,
      /^systemctl stop memgate-gray-\d+-[0-9a-f]+\.scope exited with status 4: Failed to stop memgate-gray-.*\.scope: Access denied; the scope memgate-gray-.*\.scope is left: sudo systemctl stop /,
    );
    return true;
  });
});

test("bpftrace that cannot run a BEGIN probe: the problem carries bpftrace's own error line, harmless lines skipped", async (t) => {
  requireRoot(); // as another user the check asks sudo first
  const dir = scratch(t);
  const fake = script(
    dir,
    'bpftrace',
    `if [ "$1" = --version ]; then echo "bpftrace v0.99-fake"; exit 0; fi
echo "WARNING: could not set RLIMIT_MEMLOCK" >&2
echo "ERROR: Could not resolve symbol: /proc/self/exe:BEGIN_trigger" >&2
exit 1`,
  );
  const check = await checkTracer({ PATH: process.env.PATH, [BPFTRACE_ENV]: fake });
  assert.equal(check.ok, false);
  assert.match(
    (check as { problem: string }).problem,
    /^bpftrace v0\.99-fake cannot run a BEGIN probe \(ERROR: Could not resolve symbol: \/proc\/self\/exe:BEGIN_trigger\)$/,
  );
  const silent = script(
    dir,
    'bpftrace-silent',
    'if [ "$1" = --version ]; then echo "bpftrace v0.98-fake"; exit 0; fi\nexit 7',
  );
  const quiet = await checkTracer({ PATH: process.env.PATH, [BPFTRACE_ENV]: silent });
  assert.match(
    (quiet as { problem: string }).problem,
    /cannot run a BEGIN probe \(.*bpftrace-silent -e .* exited with status 7 \(nothing on stderr\)\)/,
  );
});

test("outside a checkout the fuse-scope error carries git's stderr", (t) => {
  const dir = scratch(t);
  assert.throws(
    () => resolveScope(undefined, { env: { PATH: process.env.PATH }, cwd: dir }),
    /no fuse scope: .*\(git rev-parse HEAD: fatal: not a git repository.*\); give --fuse-scope NAME/,
  );
});

// The systemd half of the leftover sweep against a fake systemctl that answers as systemd does and
// records every call: this machine has no systemd, GitHub's ubuntu runners do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HelperResult } from '../src/workload/helper.ts';
import { parseListUnits, parseShow, sweepUnits, type Systemctl } from '../src/workload/cgroup/orphan-units.ts';
import { sweepOrphans } from '../src/workload/cgroup/orphans.ts';

const DEAD = 4242;
const LIVE = 5151;
const alive = (pid: number) => pid === LIVE;

interface Unit {
  load: string;
  active: string;
  sub: string;
  description: string;
  /** ActiveState once stopped: `failed` for a scope whose processes were killed by the stop. */
  afterStop?: string;
}

/** systemctl over an in-memory unit table; `calls`: every call, `q` (query) or `c` (change, through sudo). */
function fakeSystemctl(units: Record<string, Unit>, fail: Partial<Record<string, HelperResult>> = {}) {
  const calls: string[] = [];
  const ok = (stdout = ''): HelperResult => ({ ok: true, exitCode: 0, stdout, stderr: '', failure: null });
  const answer = (kind: 'q' | 'c', args: readonly string[]): HelperResult => {
    calls.push(`${kind} ${args.join(' ')}`);
    const verb = args[0];
    const failed = fail[verb];
    if (failed) return failed;
    const unit = args[args.length - 1];
    switch (verb) {
      case 'list-units': {
        // `--plain --no-legend`: UNIT LOAD ACTIVE SUB DESCRIPTION, padded; only names matching memgate*.
        const rows = Object.entries(units).filter(([name]) => name.startsWith('memgate'));
        const width = Math.max(...rows.map(([name]) => name.length));
        return ok(
          rows
            .map(
              ([name, u]) =>
                `${name.padEnd(width)} ${u.load.padEnd(9)} ${u.active.padEnd(8)} ${u.sub.padEnd(7)} ${u.description}\n`,
            )
            .join(''),
        );
      }
      case 'show': {
        const u = units[unit];
        // systemd answers for a unit it does not know: not-found and inactive, status 0.
        return ok(`LoadState=${u?.load ?? 'not-found'}\nActiveState=${u?.active ?? 'inactive'}\n`);
      }
      case 'kill':
        return ok();
      case 'stop': {
        const u = units[unit];
        if (u) {
          u.active = u.afterStop ?? 'inactive';
          if (u.active === 'inactive') delete units[unit]; // --collect: gone once stopped
        }
        return ok();
      }
      case 'reset-failed':
        delete units[unit];
        return ok();
      default:
        throw new Error(`unexpected systemctl ${args.join(' ')}`);
    }
  };
  const systemctl: Systemctl = { query: (args) => answer('q', args), change: (args) => answer('c', args) };
  return { systemctl, calls };
}

const scope = (active: string, extra: Partial<Unit> = {}): Unit => ({
  load: 'loaded',
  active,
  sub: active === 'active' ? 'running' : active === 'failed' ? 'failed' : 'dead',
  description: '/bin/sh -c ./bin/service -addr 127.0.0.1:41234',
  ...extra,
});
const slice = (active: string, description: string): Unit => ({ load: 'loaded', active, sub: active, description });

test("a dead run's scopes are killed, stopped and reset; a live run's, other units and the shared slices are left", () => {
  const units: Record<string, Unit> = {
    'memgate.slice': slice('active', 'Slice /memgate'),
    'memgate-gray.slice': slice('active', 'Slice /memgate/gray'),
    'memgate-baseline.slice': slice('failed', 'Slice /memgate/baseline'),
    // The dead run (pid 4242): a running scope, one whose stop leaves it failed, one already failed.
    [`memgate-baseline-${DEAD}-a1b2c3.scope`]: scope('active'),
    [`memgate-gray-2-${DEAD}-0f0f0f.scope`]: scope('active', { afterStop: 'failed' }),
    [`memgate-gray-1-${DEAD}-d4e5f6.scope`]: scope('failed'),
    [`memgate-baseline-${DEAD}-777777.scope`]: scope('inactive'),
    // A live run beside it.
    [`memgate-baseline-${LIVE}-abcdef.scope`]: scope('active'),
    [`memgate-gray-1-${LIVE}-123456.scope`]: scope('failed'),
    // Not memgate's, though the names start alike.
    [`memgate-web-${DEAD}-zz.scope`]: scope('active'),
    [`memgate-gray-${DEAD}-a1b2c3.service`]: scope('active'),
    'memgatex.slice': slice('failed', 'Slice /memgatex'),
    [`memgate-Gray-${DEAD}-a1b2c3.scope`]: scope('active'),
  };
  const { systemctl, calls } = fakeSystemctl(units);
  const swept = sweepUnits(systemctl, alive);

  assert.deepEqual(swept.failed, []);
  assert.deepEqual(swept.removed.sort(), [
    `memgate-baseline-${DEAD}-a1b2c3.scope (stopped)`,
    'memgate-baseline.slice (reset)',
    `memgate-gray-1-${DEAD}-d4e5f6.scope (reset)`,
    `memgate-gray-2-${DEAD}-0f0f0f.scope (stopped, reset)`,
  ]);
  // Killed first (stop alone waits out the stop timeout), through the privileged path.
  const dead = `memgate-baseline-${DEAD}-a1b2c3.scope`;
  assert.deepEqual(
    calls.filter((c) => c.endsWith(dead)),
    [`c kill --signal=SIGKILL -- ${dead}`, `c stop -- ${dead}`, `q show -p ActiveState -p LoadState -- ${dead}`],
  );
  // Nothing else was changed: no live scope, no unit that is not memgate's, no active slice.
  const changed = calls.filter((c) => c.startsWith('c ')).map((c) => c.split(' ').pop());
  assert.deepEqual([...new Set(changed)].sort(), [
    `memgate-baseline-${DEAD}-a1b2c3.scope`,
    'memgate-baseline.slice',
    `memgate-gray-1-${DEAD}-d4e5f6.scope`,
    `memgate-gray-2-${DEAD}-0f0f0f.scope`,
  ]);
  for (const left of [
    'memgate.slice',
    'memgate-gray.slice',
    `memgate-baseline-${LIVE}-abcdef.scope`,
    `memgate-gray-1-${LIVE}-123456.scope`,
    `memgate-web-${DEAD}-zz.scope`,
    `memgate-gray-${DEAD}-a1b2c3.service`,
    'memgatex.slice',
    `memgate-Gray-${DEAD}-a1b2c3.scope`,
    `memgate-baseline-${DEAD}-777777.scope`,
  ])
    assert.ok(units[left], `${left} left as it was`);
  assert.equal(units[`memgate-baseline-${LIVE}-abcdef.scope`].active, 'active');
  // Listing asks systemd for memgate's names only, inactive ones too, in the stable plain form.
  assert.equal(calls[0], 'q list-units --type=scope,slice --all --plain --no-legend --no-pager --full memgate*');
});

test('systemctl failing is a warning naming it, never a throw: not installed, list-units exit 1, a stop refused by sudo', () => {
  const units = { [`memgate-gray-${DEAD}-a1b2c3.scope`]: scope('active') };
  const notFound: HelperResult = {
    ok: false,
    exitCode: null,
    stdout: '',
    stderr: '',
    failure: 'systemctl list-units --type=scope,slice ... could not be started (not found)',
  };
  const missing = sweepUnits(fakeSystemctl(units, { 'list-units': notFound }).systemctl, alive);
  assert.deepEqual(missing.removed, []);
  assert.equal(missing.failed.length, 1);
  assert.match(missing.failed[0], /^memgate's systemd units could not be listed: .*not found/);

  const busFailure: HelperResult = {
    ok: false,
    exitCode: 1,
    stdout: '',
    stderr: 'Failed to connect to bus: No such file or directory',
    failure: 'systemctl list-units exited with status 1: Failed to connect to bus: No such file or directory',
  };
  const noBus = sweepUnits(fakeSystemctl(units, { 'list-units': busFailure }).systemctl, alive);
  assert.match(noBus.failed[0], /could not be listed: .*status 1: Failed to connect to bus/);

  const refused: HelperResult = {
    ok: false,
    exitCode: 1,
    stdout: '',
    stderr: 'sudo: a password is required',
    failure: 'sudo -n systemctl stop -- x exited with status 1: sudo: a password is required',
  };
  const { systemctl, calls } = fakeSystemctl(units, { stop: refused });
  const stopRefused = sweepUnits(systemctl, alive);
  assert.deepEqual(stopRefused.removed, []);
  assert.deepEqual(stopRefused.failed, [
    `memgate-gray-${DEAD}-a1b2c3.scope: sudo -n systemctl stop -- x exited with status 1: sudo: a password is required`,
  ]);
  assert.ok(!calls.some((c) => c.includes('reset-failed')), 'no reset after a stop that failed');

  // A unit still running after its stop is reported, not counted as removed.
  const stubborn = { [`memgate-gray-${DEAD}-a1b2c3.scope`]: scope('active', { afterStop: 'deactivating' }) };
  const still = sweepUnits(fakeSystemctl(stubborn).systemctl, alive);
  assert.deepEqual(still.removed, []);
  assert.deepEqual(still.failed, [`memgate-gray-${DEAD}-a1b2c3.scope: still deactivating after it was stopped`]);
});

test('sweepOrphans: the systemd sweep only with a systemctl (systemd as PID 1); its results joined to the cgroupfs ones', async () => {
  const layout = { v1Memory: null, v2: null, v2Mount: null };
  const units = { [`memgate-gray-${DEAD}-a1b2c3.scope`]: scope('active') };
  const { systemctl, calls } = fakeSystemctl(units);
  const swept = await sweepOrphans(layout, { systemctl, alive });
  assert.deepEqual(swept, { removed: [`memgate-gray-${DEAD}-a1b2c3.scope (stopped)`], failed: [] });
  assert.ok(calls.length > 0);
  assert.deepEqual(await sweepOrphans(layout, { systemctl: null, alive }), { removed: [], failed: [] });
  const thrown = await sweepOrphans(layout, {
    systemctl: {
      query: () => {
        throw new Error('boom');
      },
      change: () => {
        throw new Error('boom');
      },
    },
    alive,
  });
  assert.deepEqual(thrown, { removed: [], failed: ['boom'] });
});

test('parsers: list-units lines with a failed-unit bullet, descriptions with spaces; show lines', () => {
  assert.deepEqual(
    parseListUnits(
      '● memgate-gray-1-42-abc.scope loaded failed failed /bin/sh -c x\nmemgate.slice   loaded active active Slice /memgate\n\n',
    ),
    [
      { unit: 'memgate-gray-1-42-abc.scope', load: 'loaded', active: 'failed', sub: 'failed' },
      { unit: 'memgate.slice', load: 'loaded', active: 'active', sub: 'active' },
    ],
  );
  assert.deepEqual(
    [...parseShow('ActiveState=failed\nLoadState=loaded\nDescription=a=b\n')],
    [
      ['ActiveState', 'failed'],
      ['LoadState', 'loaded'],
      ['Description', 'a=b'],
    ],
  );
});

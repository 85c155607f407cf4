// The systemd half of the leftover sweep (orphans.ts): transient units of memgate processes that are
// gone, found and stopped through systemctl. The systemd driver runs each process in a scope
// `memgate-<side>[-N]-<pid>-<hex>.scope` (the pid is memgate's), in memgate.slice or, with replicas, in
// memgate-<side>.slice. A scope whose memgate is gone is killed and stopped, and reset when systemd
// keeps it as failed; a scope of a live memgate (another run on the same runner) is never touched.
//
// The slices are not any one run's: every run on the host puts its scopes in memgate.slice and
// memgate-<side>.slice. Stopping a slice stops everything in it, and no check before the stop can keep
// a run that starts at that moment from having its new scope stopped with it (its workload killed:
// a false block), so an active slice is left alone (an empty one holds no process and no memory). A
// failed one is reset: that stops nothing.
//
// systemctl sits behind a seam (Systemctl) so that the decisions are tested without systemd. Listing
// and reading need no privileges; killing, stopping and resetting go through `sudo -n` when memgate is
// not root, as the driver's own systemctl calls do.
import { runHelperSync, type HelperResult } from '../helper.ts';

/** The systemctl calls the sweep makes. */
export interface Systemctl {
  /** `list-units`, `show`: run as memgate's own user. */
  query(args: readonly string[]): HelperResult;
  /** `kill`, `stop`, `reset-failed`: through `sudo -n` when memgate is not root. */
  change(args: readonly string[]): HelperResult;
}

/** The real systemctl; `sudo`: changes go through `sudo -n`. */
export function hostSystemctl(sudo: boolean): Systemctl {
  const run = (argv: string[]) => runHelperSync(argv[0], argv.slice(1), { timeoutMs: 10_000 });
  return {
    query: (args) => run(['systemctl', ...args]),
    change: (args) => run([...(sudo ? ['sudo', '-n'] : []), 'systemctl', ...args]),
  };
}

/** A scope of the systemd driver; group 1 is the memgate pid that created it. */
const MEMGATE_SCOPE = /^memgate-[a-z]+(?:-\d+)?-(\d+)-[0-9a-f]+\.scope$/;
/** memgate.slice and a side's memgate-<side>.slice. */
const MEMGATE_SLICE = /^memgate(?:-[a-z]+)?\.slice$/;

/** States in which a unit holds processes or is on its way there or back. */
const RUNNING = new Set(['active', 'activating', 'deactivating', 'reloading', 'refreshing']);

export interface ListedUnit {
  unit: string;
  load: string;
  active: string;
  sub: string;
}

/**
 * `systemctl list-units --plain --no-legend` output: `UNIT LOAD ACTIVE SUB DESCRIPTION...` a line,
 * columns padded with spaces, the description free text. Without --plain (or on old releases) a
 * failed or not-found unit's line starts with a `●` (or `*`) column, skipped here.
 */
export function parseListUnits(text: string): ListedUnit[] {
  const units: ListedUnit[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] === '●' || fields[0] === '*') fields.shift();
    if (fields.length < 4 || !fields[0]) continue;
    units.push({ unit: fields[0], load: fields[1], active: fields[2], sub: fields[3] });
  }
  return units;
}

/** `systemctl show -p A -p B UNIT` output: `Name=value` lines. */
export function parseShow(text: string): Map<string, string> {
  const properties = new Map<string, string>();
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) properties.set(line.slice(0, eq), line.slice(eq + 1).trim());
  }
  return properties;
}

export interface UnitSweep {
  /** Units acted on, each with what was done: `memgate-gray-12-ab.scope (stopped, reset)`. */
  removed: string[];
  /** What could not be done, with systemctl's words (a warning; the run goes on). */
  failed: string[];
}

/** Sweeps memgate's units of dead memgate processes. Never throws. */
export function sweepUnits(systemctl: Systemctl, alive: (pid: number) => boolean): UnitSweep {
  const result: UnitSweep = { removed: [], failed: [] };
  const list = systemctl.query([
    'list-units',
    '--type=scope,slice',
    '--all',
    '--plain',
    '--no-legend',
    '--no-pager',
    '--full',
    'memgate*',
  ]);
  if (!list.ok) {
    result.failed.push(`memgate's systemd units could not be listed: ${list.failure}`);
    return result;
  }
  for (const listed of parseListUnits(list.stdout)) {
    const scope = MEMGATE_SCOPE.exec(listed.unit);
    if (scope) {
      if (!alive(Number(scope[1]))) settle(systemctl, listed, true, result);
    } else if (MEMGATE_SLICE.test(listed.unit) && listed.active === 'failed') {
      settle(systemctl, listed, false, result);
    }
  }
  return result;
}

/** The unit's ActiveState now, or why it could not be read. */
function activeState(systemctl: Systemctl, unit: string): { state: string } | { failure: string } {
  const show = systemctl.query(['show', '-p', 'ActiveState', '-p', 'LoadState', '--', unit]);
  if (!show.ok) return { failure: show.failure ?? 'systemctl show failed' };
  const state = parseShow(show.stdout).get('ActiveState');
  return state ? { state } : { failure: `systemctl show ${unit} printed no ActiveState` };
}

/** Stops (when `stop` and it runs) and resets (when failed) one unit, and checks that it ended inactive. */
function settle(systemctl: Systemctl, listed: ListedUnit, stop: boolean, result: UnitSweep): void {
  const { unit } = listed;
  const done: string[] = [];
  let state = listed.active;
  if (stop && RUNNING.has(state)) {
    // SIGKILL first: stop alone sends SIGTERM and waits up to the unit's stop timeout (90 s by default)
    // for processes that nobody will judge any more.
    systemctl.change(['kill', '--signal=SIGKILL', '--', unit]);
    const stopped = systemctl.change(['stop', '--', unit]);
    if (!stopped.ok) {
      result.failed.push(`${unit}: ${stopped.failure}`);
      return;
    }
    done.push('stopped');
    const now = activeState(systemctl, unit);
    if ('failure' in now) {
      result.failed.push(`${unit}: stopped, but its state could not be read: ${now.failure}`);
      return;
    }
    state = now.state;
  }
  if (state === 'failed') {
    const reset = systemctl.change(['reset-failed', '--', unit]);
    if (!reset.ok) {
      result.failed.push(`${unit}: ${done.length ? 'stopped, but ' : ''}${reset.failure}`);
      return;
    }
    done.push('reset');
    const now = activeState(systemctl, unit);
    state = 'failure' in now ? 'inactive' : now.state; // reset-failed succeeded: unloaded is the usual answer
  }
  if (done.length === 0) return; // inactive already: nothing held, nothing to report
  if (state !== 'inactive') result.failed.push(`${unit}: still ${state} after it was ${done.join(' and ')}`);
  else result.removed.push(`${unit} (${done.join(', ')})`);
}

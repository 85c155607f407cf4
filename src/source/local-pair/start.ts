// Starting the pair: a memory group per side, both builds inside them, readiness, and the loads.
import { closeSync, openSync, readSync, type WriteStream } from 'node:fs';
import { programPath } from '../../config/command-check.ts';
import { Placeholder } from '../../model/constants.ts';
import { setTimeout as sleep } from 'node:timers/promises';
import { UsageError, errorMessage } from '../../model/errors.ts';
import { redactText, secretValues } from '../../model/redact.ts';
import type { GatePlan } from '../../model/settings.ts';
import { SIDES, type SideName } from '../../model/sides.ts';
import { formatDuration } from '../../model/units.ts';
import type { CgroupDriver, MemoryGroup } from '../../workload/cgroup/types.ts';
import { freePort } from '../../workload/ports.ts';
import { LoadProcess, Workload } from '../../workload/process.ts';
import type { Teardown } from './teardown.ts';
import type { CleanupGuard } from '../../workload/watchdog.ts';

/** One process of a side, in its own memory group. */
export interface Instance {
  group: MemoryGroup;
  workload: Workload;
}

export interface Pair {
  /** Every process of each side (`--replicas`), in start order. */
  instances: Record<SideName, Instance[]>;
  /** The first process of each side: the one eBPF traces. */
  groups: Record<SideName, MemoryGroup>;
  workloads: Record<SideName, Workload>;
}

export type Readiness = Awaited<ReturnType<Workload['waitReady']>>;

/** The environment both sides get: memgate's, with the same Go heap sampling rate on both when set. */
export function workloadEnv(base: NodeJS.ProcessEnv, memProfileRate: number | null): NodeJS.ProcessEnv {
  if (memProfileRate === null) return base;
  // Go reads GODEBUG left to right, the last setting wins: ours goes last.
  const godebug = [base.GODEBUG, `memprofilerate=${memProfileRate}`].filter(Boolean).join(',');
  return { ...base, GODEBUG: godebug };
}

/**
 * Variables a workload never needs and must not see: a service under test (a pull request's build) that
 * prints its environment would put them in workloads.log, report.json and the PR comment. The runner's
 * and the Action's own (`ACTIONS_*`: the runtime, cache, results and OIDC token request URLs and tokens;
 * `INPUT_*`: the Action's inputs, github-token among them), GitHub tokens, and anything named like a
 * credential (`NPM_TOKEN`, `AWS_SECRET_ACCESS_KEY`, `MEMGATE_PROMETHEUS_PASSWORD`, `*_API_KEY`).
 */
const SECRET_NAME =
  /^(ACTIONS_|INPUT_)|^(GITHUB_TOKEN|GH_TOKEN|GH_ENTERPRISE_TOKEN|GITHUB_PAT)$|(^|_)(TOKEN|SECRET|SECRETS|PASSWORD|PASSWD|PASSPHRASE|CREDENTIALS?|API_?KEY|PRIVATE_KEY|ACCESS_KEY|AUTH)(_|$)/i;

/** memgate's environment without the variables SECRET_NAME matches, except those in `pass` (--pass-env). */
export function scrubEnv(
  base: NodeJS.ProcessEnv,
  pass: readonly string[],
): { env: NodeJS.ProcessEnv; dropped: string[] } {
  const env: NodeJS.ProcessEnv = {};
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(base)) {
    if (SECRET_NAME.test(name) && !pass.includes(name)) dropped.push(name);
    else env[name] = value;
  }
  return { env, dropped: dropped.sort() };
}

/** A group's name: the side's own without replicas, `side/N` (inside the side's group) with them. */
export function groupName(side: SideName, instance: number, replicas: number): string {
  return replicas === 1 ? side : `${side}/${instance + 1}`;
}

export function substitute(command: string, port: number | null, url: string | null): string {
  let out = command;
  if (port !== null) out = out.replaceAll(Placeholder.Port, String(port));
  if (url !== null) out = out.replaceAll(Placeholder.Url, url);
  return out;
}

/**
 * Creates a group per process and starts every process in its own, interleaved (baseline 1, gray 1,
 * baseline 2, ...) so that neither side always starts on a busier machine; every step is undone by
 * the teardown.
 */
/**
 * Reads each side's program file once, from memgate's own cgroup, before any workload starts. Page
 * cache is charged to the cgroup that first faults a page in: the first process of a freshly built
 * binary was charged its whole file (5.6 MiB of 12 MiB for a fixture), one process of three stood
 * 6 MiB above the others, and the P95 rule could not tell anything across processes. Best effort.
 */
export function preloadPrograms(commands: readonly string[], cwd: string, pathEnv: string): void {
  const buffer = Buffer.allocUnsafe(1 << 20);
  for (const path of new Set(commands.map((c) => programPath(c, { cwd, pathEnv })))) {
    if (path === null) continue;
    let fd: number | null = null;
    try {
      fd = openSync(path, 'r');
      while (readSync(fd, buffer, 0, buffer.length, null) > 0);
    } catch {
      // Unreadable: the workload's own start says what is wrong.
    } finally {
      if (fd !== null) closeSync(fd);
    }
  }
}

export async function startPair(
  plan: GatePlan,
  driver: CgroupDriver,
  teardown: Teardown,
  log: WriteStream,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Pair> {
  const replicas = plan.replicas;
  preloadPrograms(
    SIDES.map((side) => plan.commands[side]),
    process.cwd(),
    env.PATH ?? '',
  );
  const groups: Record<SideName, MemoryGroup[]> = { baseline: [], gray: [] };
  const created: MemoryGroup[] = [];
  teardown.add('removing the driver root', () => driver.dispose());
  // Its own step, so that a stop that fails (a process that survives SIGKILL) still removes the groups it can.
  teardown.add('removing the cgroups', async () => {
    const failures: string[] = [];
    for (const group of [...created].reverse())
      await group.remove().catch((error) => failures.push(`${group.location}: ${errorMessage(error)}`));
    if (failures.length) throw new Error(failures.join('; '));
  });
  for (let i = 0; i < replicas; i++) {
    for (const side of SIDES) {
      const group = await driver.create(groupName(side, i, replicas), plan.memoryMaxBytes);
      groups[side].push(group);
      created.push(group);
    }
  }
  const instances: Record<SideName, Instance[]> = { baseline: [], gray: [] };
  teardown.add('stopping the workloads', () =>
    stopWorkloads(
      SIDES.flatMap((side) => instances[side]),
      plan.stopTimeoutMs,
      log,
    ),
  );
  const childEnv = workloadEnv(scrubEnv(env, plan.passEnv).env, plan.memProfileRate);
  const secrets = secretValues(env);
  const redact = (text: string) => redactText(text, secrets);
  for (let i = 0; i < replicas; i++) {
    for (const side of SIDES) {
      const port = plan.commands[side].includes(Placeholder.Port) ? await freePort() : null;
      const label = replicas === 1 ? side : `${side}#${i + 1}`;
      const workload = new Workload(side, substitute(plan.commands[side], port, null), port, groups[side][i], log, {
        label,
        env: childEnv,
        redact,
      });
      instances[side].push({ group: groups[side][i], workload });
    }
  }
  return {
    instances,
    groups: { baseline: groups.baseline[0], gray: groups.gray[0] },
    workloads: { baseline: instances.baseline[0].workload, gray: instances.gray[0].workload },
  };
}

/**
 * The graceful stop: SIGTERM to every process of both sides at once, up to `timeoutMs` for them to
 * exit (a service flushing stats or coverage on SIGTERM gets to), then SIGKILL to whatever is left.
 * Their output meanwhile keeps going to workloads.log, between two marker lines.
 */
export async function stopWorkloads(
  instances: readonly Instance[],
  timeoutMs: number,
  log: WriteStream,
): Promise<void> {
  const running = () => instances.filter((i) => i.group.pids().length > 0);
  const note = (text: string) => {
    if (!log.destroyed && !log.writableEnded) log.write(`[memgate] ${text}\n`);
  };
  const live = running();
  if (live.length > 0 && timeoutMs > 0) {
    note(
      `stopping: SIGTERM to ${live.length} workload group${live.length === 1 ? '' : 's'}, ${formatDuration(timeoutMs)} to exit`,
    );
    for (const { group } of live) group.signalAll('SIGTERM');
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && running().length > 0) await sleep(50);
    const left = running();
    note(
      left.length === 0
        ? 'stopped: every workload exited on SIGTERM'
        : `still running after ${formatDuration(timeoutMs)}: ${left.map((i) => i.workload.command.slice(0, 80)).join('; ')}; SIGKILL`,
    );
  }
  const failures: string[] = [];
  await Promise.all(
    instances.map(({ group }) =>
      group.killAll().catch((error) => failures.push(`${group.location}: ${errorMessage(error)}`)),
    ),
  );
  // The last words of the stop reach the log before it is closed (bounded: a pipe held open by an escaped process).
  await Promise.race([Promise.all(instances.map((i) => i.workload.closed)), sleep(1000)]);
  if (failures.length) throw new Error(failures.join('; '));
}

/**
 * Waits for every process to open its port; one that does not in time is bad input (exit 2) naming the
 * fix. Returns each process's readiness per side.
 */
export async function waitForAll(
  plan: GatePlan,
  { instances }: Pair,
  signal: AbortSignal,
): Promise<Record<SideName, Readiness[]>> {
  const waits = SIDES.map((side) =>
    Promise.all(instances[side].map((i) => i.workload.waitReady(plan.readyTimeoutMs, signal))),
  );
  const [baseline, gray] = await Promise.all(waits);
  const readiness = { baseline, gray };
  for (const side of SIDES) {
    const late = readiness[side].findIndex((r) => r === 'timeout');
    if (late >= 0) {
      throw new UsageError(
        `${side} did not open port ${instances[side][late].workload.port} within ${formatDuration(plan.readyTimeoutMs)}; make the command listen on 127.0.0.1:{port} (memgate puts a free port there), or raise --ready-timeout.`,
      );
    }
  }
  return readiness;
}

/** A side is ready when all its processes are; it "exited" when any of them did. */
export function sideReadiness(readiness: Record<SideName, Readiness[]>): Readiness[] {
  return SIDES.map((side) => readiness[side].find((r) => r !== 'ready') ?? 'ready');
}

/**
 * Starts the load against each side. A load that ends while the window runs is a warning; loads
 * stopped by teardown (after `windowOver()`) are not a finding.
 */
export function startLoads(
  load: string,
  { instances }: Pair,
  teardown: Teardown,
  log: WriteStream,
  warnings: string[],
  windowOver: () => boolean,
  signal: AbortSignal,
  options: { env?: NodeJS.ProcessEnv; guard?: CleanupGuard } = {},
): void {
  for (const side of SIDES) {
    for (const [i, { workload: w }] of instances[side].entries()) {
      const who = instances[side].length === 1 ? side : `${side} #${i + 1}`;
      const url = w.port === null ? null : `http://127.0.0.1:${w.port}`;
      const secrets = secretValues(globalThis.process.env);
      const process = new LoadProcess(side, substitute(load, w.port, url), log, {
        env: options.env,
        redact: (text) => redactText(text, secrets),
      });
      if (process.pid !== undefined) options.guard?.processGroup(process.pid);
      teardown.add(`stopping the ${who} load`, () => process.stop());
      void process.exited.then((code) => {
        if (w.alive && !windowOver() && !signal.aborted)
          warnings.push(`the ${who} load command ended early (status ${code}) before the window was over`);
      });
    }
  }
}

import { Defaults, Option, Placeholder } from '../model/constants.ts';
import { UsageError } from '../model/errors.ts';
import { parseDuration, parsePercent, parseRate, parseSize } from '../model/units.ts';
import { checkCommand, type PlanContext } from './command-check.ts';
import { parseEbpfOptions } from './ebpf-options.ts';
import { SIDES, type SideName } from '../model/sides.ts';
import type { CgroupDriverChoice, GatePlan, JudgeSettings, RawOptions } from '../model/settings.ts';

const DRIVER_CHOICES: readonly CgroupDriverChoice[] = ['auto', 'v2', 'systemd', 'v1', 'none'];

function value(raw: RawOptions, name: string): string | undefined {
  const v = raw[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/** Judge settings from raw options; `recordedWarmupMs` (a saved bundle's) stands in when --warmup is not given. */
export function parseJudgeSettings(raw: RawOptions, recordedWarmupMs?: number): JudgeSettings {
  const get = (name: string) => value(raw, name);
  const onInconclusive = get(Option.OnInconclusive) ?? Defaults.onInconclusive;
  if (onInconclusive !== 'fail' && onInconclusive !== 'pass') {
    throw new UsageError(
      `--${Option.OnInconclusive}: "${onInconclusive}" is not allowed; use "fail" (default) or "pass".`,
    );
  }
  const warmupText = get(Option.Warmup);
  return {
    warmupMs:
      warmupText === undefined && recordedWarmupMs !== undefined
        ? recordedWarmupMs
        : parseDuration(warmupText ?? Defaults.warmup, Option.Warmup),
    onInconclusive,
    limits: {
      maxP95Increase: parsePercent(get(Option.MaxP95Increase) ?? Defaults.maxP95Increase, Option.MaxP95Increase),
      minP95DeltaBytes: parseSize(get(Option.MinP95Delta) ?? Defaults.minP95Delta, Option.MinP95Delta),
      maxSlopeIncrease: parsePercent(
        get(Option.MaxSlopeIncrease) ?? Defaults.maxSlopeIncrease,
        Option.MaxSlopeIncrease,
      ),
      minSlopeBytesPerSec: parseRate(get(Option.MinSlope) ?? Defaults.minSlope, Option.MinSlope),
    },
  };
}

export function buildPlan(raw: RawOptions, context: PlanContext): GatePlan {
  const get = (name: string) => value(raw, name);
  const commands = {} as Record<SideName, string>;
  for (const side of SIDES) {
    const command = get(side);
    if (command === undefined) {
      throw new UsageError(
        `--${side} is required: give the command that starts the ${side} build, e.g. --${side} "./bin/service -addr 127.0.0.1:{port}".`,
      );
    }
    checkCommand(command, side, context);
    commands[side] = command;
  }
  const judge = parseJudgeSettings(raw);
  const durationMs = parseDuration(get(Option.Duration) ?? Defaults.duration, Option.Duration);
  const intervalMs = parseDuration(get(Option.Interval) ?? Defaults.interval, Option.Interval);
  const readyTimeoutMs = parseDuration(get(Option.ReadyTimeout) ?? Defaults.readyTimeout, Option.ReadyTimeout);
  const stopTimeoutMs = parseDuration(get(Option.StopTimeout) ?? Defaults.stopTimeout, Option.StopTimeout);
  if (stopTimeoutMs > 10 * 60_000)
    throw new UsageError(
      `--${Option.StopTimeout} ${get(Option.StopTimeout)} is longer than 10m; a service that needs longer to stop holds the whole gate. The default is ${Defaults.stopTimeout}; 0 kills at once.`,
    );
  if (durationMs <= 0) throw new UsageError(`--${Option.Duration} must be longer than 0, e.g. 60s.`);
  if (intervalMs < 10)
    throw new UsageError(`--${Option.Interval} must be at least 10ms; the default is ${Defaults.interval}.`);
  if (durationMs / intervalMs < 8) {
    throw new UsageError(
      `--${Option.Duration} ${get(Option.Duration) ?? Defaults.duration} holds fewer than 8 samples at --${Option.Interval} ${get(Option.Interval) ?? Defaults.interval}; lengthen the window or shorten the interval.`,
    );
  }
  // Unset, the budget is the default or the first look's window, whichever is longer.
  const maxDurationText = get(Option.MaxDuration);
  const maxDurationMs =
    maxDurationText === undefined
      ? Math.max(durationMs, parseDuration(Defaults.maxDuration, Option.MaxDuration))
      : parseDuration(maxDurationText, Option.MaxDuration);
  if (maxDurationMs < durationMs)
    throw new UsageError(
      `--${Option.MaxDuration} ${maxDurationText} is shorter than --${Option.Duration} ${get(Option.Duration) ?? Defaults.duration}, the first look; give a budget at least as long (equal: judge once, no watching).`,
    );
  if (maxDurationMs > 24 * 3_600_000)
    throw new UsageError(
      `--${Option.MaxDuration} ${maxDurationText} is longer than 24h; give a budget a gate can wait for, e.g. 10m.`,
    );
  const memoryMaxText = get(Option.MemoryMax);
  const memoryMaxBytes = memoryMaxText === undefined ? null : parseSize(memoryMaxText, Option.MemoryMax);
  if (memoryMaxBytes !== null && memoryMaxBytes < 4 * 1024 * 1024) {
    throw new UsageError(
      `--${Option.MemoryMax} ${memoryMaxText} is too small to start a service; give at least 4MiB, e.g. 256MiB.`,
    );
  }
  const driver = get(Option.CgroupDriver) ?? Defaults.cgroupDriver;
  if (!DRIVER_CHOICES.includes(driver as CgroupDriverChoice)) {
    throw new UsageError(
      `--${Option.CgroupDriver}: "${driver}" is not a driver; use one of ${DRIVER_CHOICES.join(', ')}.`,
    );
  }
  const profileIntervalMs = parseDuration(
    get(Option.ProfileInterval) ?? Defaults.profileInterval,
    Option.ProfileInterval,
  );
  if (profileIntervalMs < 500)
    throw new UsageError(
      `--${Option.ProfileInterval} must be at least 500ms (each snapshot fetches a heap profile and a goroutine dump); the default is ${Defaults.profileInterval}.`,
    );
  return {
    ...judge,
    replicas: parseReplicas(get(Option.Replicas) ?? Defaults.replicas),
    memProfileRate: parseMemProfileRate(get(Option.MemprofileRate) ?? Defaults.memprofileRate),
    pprof: pprofTemplates(raw, commands),
    profileIntervalMs,
    ebpf: parseEbpfOptions(get),
    commands,
    durationMs,
    maxDurationMs,
    intervalMs,
    readyTimeoutMs,
    stopTimeoutMs,
    passEnv: parsePassEnv(get(Option.PassEnv)),
    memoryMaxBytes,
    load: get(Option.Load) ?? null,
    cgroupDriver: driver as CgroupDriverChoice,
    outDir: get(Option.Out) ?? Defaults.out,
  };
}

/**
 * Each side's pprof base URL template: --baseline-pprof / --gray-pprof, else --pprof, else the
 * default; `off` turns profiling off. {port} needs a {port} in that side's command.
 */
function pprofTemplates(raw: RawOptions, commands: Record<SideName, string>): Record<SideName, string | null> {
  const shared = value(raw, Option.Pprof);
  const out = {} as Record<SideName, string | null>;
  for (const side of SIDES) {
    const own = value(raw, side === 'baseline' ? Option.BaselinePprof : Option.GrayPprof);
    const option = own !== undefined ? (side === 'baseline' ? Option.BaselinePprof : Option.GrayPprof) : Option.Pprof;
    const template = own ?? shared ?? Defaults.pprof;
    if (template.toLowerCase() === 'off') {
      out[side] = null;
      continue;
    }
    let url: URL | null = null;
    try {
      url = new URL(template.replaceAll(Placeholder.Port, '1'));
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new UsageError(
        `--${option}: "${template}" is not an http URL; give the pprof base URL, e.g. http://127.0.0.1:{port}/debug/pprof, or off.`,
      );
    }
    if (template.includes(Placeholder.Port) && !commands[side].includes(Placeholder.Port)) {
      // The default needs {port} too: the gate notes that it cannot know where to look, and goes on.
      if (own !== undefined || shared !== undefined)
        throw new UsageError(
          `--${option}: "${template}" uses {port}, but the ${side} command has no {port}; put {port} in the command, or give the real address, e.g. http://127.0.0.1:6060/debug/pprof.`,
        );
    }
    out[side] = template;
  }
  return out;
}

/** More than this many processes a side would starve each other on a CI runner. */
export const MAX_REPLICAS = 16;

function parseReplicas(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(n) || n < 1 || n > MAX_REPLICAS) {
    throw new UsageError(
      `--${Option.Replicas}: "${text}" is not a number of processes; give a whole number from 1 to ${MAX_REPLICAS} (default ${Defaults.replicas}; 1 compares one process a side and cannot measure how far two processes of one build drift apart).`,
    );
  }
  return n;
}

/** GODEBUG=memprofilerate takes bytes; 0 means "leave the service's own rate". */
function parseMemProfileRate(text: string): number | null {
  if (text.trim() === '0') return null;
  const bytes = parseSize(text, Option.MemprofileRate);
  if (bytes < 1 || bytes > 64 * 1024 * 1024) {
    throw new UsageError(
      `--${Option.MemprofileRate}: "${text}" is out of range; give a size from 1 byte to 64MiB (default ${Defaults.memprofileRate}), or 0 to leave the services' own rate.`,
    );
  }
  return bytes;
}

/**
 * --pass-env NAME (repeatable; the CLI joins repeats with commas) or "A,B" / one per line (the Action
 * input): variables the workloads keep although the scrub drops them. Names only, never values.
 */
export function parsePassEnv(text: string | undefined): string[] {
  if (text === undefined) return [];
  const names = text.split(/[,\s]+/).filter((n) => n !== '');
  for (const name of names) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || name.length > 128) {
      throw new UsageError(
        `--${Option.PassEnv}: "${name.slice(0, 64)}" is not an environment variable name; give names such as --${Option.PassEnv} MY_TOKEN (repeat it, or separate names with commas).`,
      );
    }
  }
  return [...new Set(names)];
}

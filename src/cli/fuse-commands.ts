// `memgate fuse check|status|reset|trip` and `memgate plan` (the fuse around `memgate run` is src/run/gated-run.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliIO } from './io.ts';
import { parseFlags, printError, type Flags, type GroupCommand, type LeafCommand } from './command.ts';
import { Defaults, ExitCode, FuseFile, Option } from '../model/constants.ts';
import { UsageError, errorMessage } from '../model/errors.ts';
import { runUrlFromEnv } from '../github/rest.ts';
import { dimKey, parseCell, parseDimensionValue, type DimensionValue } from '../fuse/cell.ts';
import { openFuseStore, parseStoreConfig } from '../fuse/config.ts';
import { actorFromEnv } from '../fuse/gate-fuse.ts';
import { planWave } from '../fuse/plan.ts';
import { renderStatus, statusView } from '../fuse/render.ts';
import { checkCell, dimensionTrips, foldRecords, isTripped, parseThreshold } from '../fuse/rules.ts';
import { parseStages } from '../fuse/stages.ts';

const CELL_HELP = `CELL is dimension=value pairs, e.g. "region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64"
(dimensions: region, isp, os, arch; values case-insensitive).`;

const STORE_HELP = `  --fuse-scope NAME                 one rollout (default: commit SHA + workflow, GITHUB_SHA/GITHUB_WORKFLOW,
                                    or git HEAD + "local")
  --fuse-store auto|github|dir      where the fuse lives (${Defaults.fuseStore}): auto is commit statuses inside GitHub Actions
                                    (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_SHA), else a directory
  --fuse-dir DIR                    the directory store (${Defaults.fuseDir})`;

const THRESHOLD_HELP = `  --fuse-dimension-threshold RULE   when blocked cells trip their shared dimension value: N cells, P% (or >P%)
                                    of the value's finished cells, or both ("${Defaults.fuseDimensionThreshold}", the default)`;

/** The fuse options of `memgate run` (its --help shows them). */
export const FUSE_RUN_OPTIONS_HELP = `  --cell CELL                       gate one cell of a staged rollout: skip it when fused, trip the fuse when it blocks
  --fuse on|off                     gate with the fuse (${Defaults.fuse})
${THRESHOLD_HELP}
${STORE_HELP}`;

export const FUSE_USAGE = `Usage: memgate fuse check|status|reset|trip [options]

The matrix fuse of a staged rollout (memgate run --cell CELL --fuse on gates one cell with it):
  memgate fuse check --cell CELL          exit 1 (with the reason and the tripping cell) when CELL is fused, else 0
  memgate fuse status [--json] [--history]
  memgate fuse reset --cell CELL | --dimension DIM=VALUE ... --reason TEXT
  memgate fuse trip --cell CELL | --dimension DIM=VALUE --reason TEXT   (stop by hand)
  memgate plan --stages FILE --stage N    wave N's GitHub strategy.matrix JSON, fused cells left out

${CELL_HELP}
memgate fuse COMMAND --help shows that command's options. Every fuse command takes:
${STORE_HELP}`;

const CHECK_USAGE = `Usage: memgate fuse check --cell CELL [store options]

Exit 1, printing the reason and the cell that tripped it, when CELL or one of its dimension values is
fused; exit 0 when it may run; exit 3 when the fuse cannot be read (try again).
${CELL_HELP}

Options:
  --cell CELL                       the cell to check (required)
${STORE_HELP}`;

const STATUS_USAGE = `Usage: memgate fuse status [--json] [--history] [store options]

Prints the rollout's dimension values and cells with their state, as a table.

Options:
  --json                            the same as JSON
  --history                         every record, resets and their reasons included
${STORE_HELP}`;

const RESET_USAGE = `Usage: memgate fuse reset (--cell CELL | --dimension DIM=VALUE)... --reason TEXT [store options]

Lets a cell or a dimension value run again after a fix; the reason and who reset it are recorded.
${CELL_HELP}

Options:
  --cell CELL                       a cell to reset (may repeat)
  --dimension DIM=VALUE             a dimension value to reset, e.g. arch=arm64 (may repeat)
  --reason TEXT                     why (required; GitHub keeps the first ~120 characters)
${STORE_HELP}`;

const TRIP_USAGE = `Usage: memgate fuse trip (--cell CELL | --dimension DIM=VALUE)... --reason TEXT [options]

Stops cells or dimension values by hand; a tripped cell may trip its dimension values by the rule.
${CELL_HELP}

Options:
  --cell CELL                       a cell to trip (may repeat)
  --dimension DIM=VALUE             a dimension value to trip, e.g. region=us-west-1 (may repeat)
  --reason TEXT                     why (required)
${THRESHOLD_HELP}
${STORE_HELP}`;

const PLAN_USAGE = `Usage: memgate plan --stages FILE --stage N [store options]

Prints wave N's GitHub strategy.matrix JSON ({"include":[...]}) to stdout, leaving out fused cells
(stderr says which and why). Exit 1, with nothing on stdout, while wave N-1 is not fully passed.
When every cell of the wave is fused it prints {"include":[]}: skip that wave's job.

Options:
  --stages FILE                     the stages YAML file: the matrix and its waves (required)
  --stage N                         the wave to promote, 1 for the first (required)
${STORE_HELP}`;

const STORE_FLAGS = [Option.FuseStore, Option.FuseDir, Option.FuseScope] as const;

function parse(args: string[], strings: readonly string[], options: { multiple?: readonly string[]; booleans?: readonly string[]; command: string }): Flags {
  return parseFlags(options.command, args, { strings, multiple: options.multiple, booleans: options.booleans }).flags;
}

const str = (flags: Flags, name: string) => {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
};
const list = (flags: Flags, name: string) => {
  const v = flags[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
};

function openStore(flags: Flags, io: CliIO) {
  return openFuseStore(parseStoreConfig(flags as Record<string, string>), { env: io.env, cwd: io.cwd });
}

/** Store failures that are not the user's to fix (network, GitHub 5xx): exit 3, fail closed. */
function storeTrouble(error: unknown, io: CliIO, what: string): number {
  if (error instanceof UsageError) throw error;
  printError(io, `fuse: could not ${what}: ${errorMessage(error)}; treat the cell as not cleared and try again.`);
  return ExitCode.Inconclusive;
}

async function check(args: string[], io: CliIO): Promise<number> {
  const flags = parse(args, [Option.Cell, ...STORE_FLAGS], { command: 'memgate fuse check' });
  const cellText = str(flags, Option.Cell);
  if (!cellText) throw new UsageError('memgate fuse check needs --cell, e.g. --cell "region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64".');
  const cell = parseCell(cellText);
  const store = openStore(flags, io);
  let result;
  try {
    result = checkCell(foldRecords(await store.read()), cell);
  } catch (error) {
    return storeTrouble(error, io, `read the fuse from ${store.where}`);
  }
  if (result.fused) {
    io.stdout(`fuse: ${result.message}\n`);
    return ExitCode.Blocked;
  }
  io.stdout(`fuse: cell ${cell.id} may run: neither it nor any of its dimension values is tripped (${store.where}).\n`);
  return ExitCode.Pass;
}

async function status(args: string[], io: CliIO): Promise<number> {
  const flags = parse(args, STORE_FLAGS, { booleans: ['json', 'history'], command: 'memgate fuse status' });
  const store = openStore(flags, io);
  let view;
  try {
    const history = flags.history ? await store.history() : undefined;
    view = statusView(foldRecords(history ?? (await store.read())), store.scope, store.where, history);
  } catch (error) {
    return storeTrouble(error, io, `read the fuse from ${store.where}`);
  }
  io.stdout((flags.json ? JSON.stringify(view, null, 2) : renderStatus(view)) + '\n');
  return ExitCode.Pass;
}

function targets(flags: Flags, command: string): { cells: string[]; dims: DimensionValue[] } {
  const cells = list(flags, Option.Cell).map((c) => parseCell(c).id);
  const dims = list(flags, 'dimension').map((d) => parseDimensionValue(d));
  if (cells.length + dims.length === 0) throw new UsageError(`${command} needs what to act on: --cell "region=...,arch=..." and/or --dimension arch=arm64 (each may repeat).`);
  return { cells, dims };
}

function reasonOf(flags: Flags, command: string): string {
  const reason = str(flags, 'reason')?.replace(/\s+/g, ' ').trim();
  if (!reason) throw new UsageError(`${command} needs --reason "..." saying why; it is recorded with the ${command.endsWith('reset') ? 'reset' : 'trip'} (GitHub keeps the first ~120 characters).`);
  return reason;
}

async function reset(args: string[], io: CliIO): Promise<number> {
  const command = 'memgate fuse reset';
  const flags = parse(args, [Option.Cell, 'dimension', 'reason', ...STORE_FLAGS], { multiple: [Option.Cell, 'dimension'], command });
  const { cells, dims } = targets(flags, command);
  const reason = reasonOf(flags, command);
  const store = openStore(flags, io);
  const common = { state: 'reset' as const, reason, at: new Date().toISOString(), by: actorFromEnv(io.env), url: runUrlFromEnv(io.env) };
  try {
    const state = foldRecords(await store.read());
    for (const id of cells) {
      const latest = state.cells.get(id)?.latest;
      if (!latest || latest.state === 'reset') {
        io.stdout(`fuse: cell ${id} has no result to reset; nothing recorded.\n`);
        continue;
      }
      await store.append({ kind: 'cell', cell: id, ...common });
      io.stdout(`fuse: reset cell ${id} (was ${latest.state}): "${reason}"; it may run again.\n`);
    }
    for (const dv of dims) {
      if (!isTripped(state.dims.get(dimKey(dv)))) {
        io.stdout(`fuse: ${dimKey(dv)} is not tripped; nothing recorded.\n`);
        continue;
      }
      await store.append({ kind: 'dim', ...dv, cells: [], ...common });
      io.stdout(`fuse: reset ${dimKey(dv)}: "${reason}"; its earlier blocked cells no longer count toward the rule.\n`);
    }
    const after = foldRecords(await store.read());
    for (const id of cells) {
      const result = checkCell(after, parseCell(id));
      if (result.fused) io.stdout(`fuse: note: ${result.message}\n`);
    }
  } catch (error) {
    return storeTrouble(error, io, `reset in ${store.where}`);
  }
  return ExitCode.Pass;
}

async function trip(args: string[], io: CliIO): Promise<number> {
  const command = 'memgate fuse trip';
  const flags = parse(args, [Option.Cell, 'dimension', 'reason', Option.FuseDimensionThreshold, ...STORE_FLAGS], { multiple: [Option.Cell, 'dimension'], command });
  const { cells, dims } = targets(flags, command);
  const reason = reasonOf(flags, command);
  const threshold = parseThreshold(str(flags, Option.FuseDimensionThreshold) ?? Defaults.fuseDimensionThreshold);
  const store = openStore(flags, io);
  const common = { reason, at: new Date().toISOString(), by: actorFromEnv(io.env), url: runUrlFromEnv(io.env) };
  try {
    for (const id of cells) {
      await store.append({ kind: 'cell', cell: id, state: 'blocked', ...common });
      io.stdout(`fuse: TRIPPED cell ${id}: ${reason}\n`);
    }
    for (const dv of dims) {
      await store.append({ kind: 'dim', ...dv, state: 'tripped', cells: [], ...common });
      io.stdout(`fuse: TRIPPED ${dimKey(dv)}: ${reason}\n`);
    }
    if (cells.length) {
      const mine = new Set(cells.flatMap((id) => Object.entries(parseCell(id).dims).map(([d, v]) => `${d}=${v}`)));
      for (const t of dimensionTrips(foldRecords(await store.read()), threshold).filter((t) => mine.has(dimKey(t)))) {
        await store.append({ kind: 'dim', dim: t.dim, value: t.value, state: 'tripped', cells: t.blocked, ...common, reason: t.reason });
        io.stdout(`fuse: TRIPPED ${dimKey(t)}: ${t.reason}; caused by ${t.blocked.join('; ')}\n`);
      }
    }
  } catch (error) {
    return storeTrouble(error, io, `trip in ${store.where}`);
  }
  return ExitCode.Pass;
}

export const fuseCommand: GroupCommand = {
  name: 'fuse',
  summary: 'check, show, reset or trip the matrix fuse of a staged rollout',
  usage: FUSE_USAGE,
  commands: [
    { name: 'check', summary: 'exit 1 when a cell is fused, else 0', usage: CHECK_USAGE, run: check },
    { name: 'status', summary: "the rollout's dimension values and cells", usage: STATUS_USAGE, run: status },
    { name: 'reset', summary: 'let cells or dimension values run again, with a reason', usage: RESET_USAGE, run: reset },
    { name: 'trip', summary: 'stop cells or dimension values by hand, with a reason', usage: TRIP_USAGE, run: trip },
  ],
};

async function plan(args: string[], io: CliIO): Promise<number> {
  const flags = parse(args, ['stages', 'stage', ...STORE_FLAGS], { command: 'memgate plan' });
  const file = str(flags, 'stages');
  if (!file) throw new UsageError('memgate plan needs --stages FILE (the YAML list of waves) and --stage N.');
  const stageText = str(flags, 'stage');
  if (!stageText || !/^\d+$/.test(stageText.trim())) throw new UsageError(`memgate plan needs --stage N, the wave to promote (1 for the first wave)${stageText ? `; "${stageText}" is not a number` : ''}.`);
  let text: string;
  try {
    text = readFileSync(resolve(io.cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`--stages ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}); give the path of the stages YAML file.`);
  }
  const stages = parseStages(text, file);
  const n = Number(stageText);
  if (n < 1 || n > stages.waves.length) planWave(stages, n, foldRecords([])); // throws the UsageError naming the waves
  const store = openStore(flags, io);
  let plan;
  try {
    plan = planWave(stages, n, foldRecords(await store.read()));
  } catch (error) {
    return storeTrouble(error, io, `read the fuse from ${store.where}`);
  }
  if (plan.kind === 'held') {
    printError(io, `plan: ${plan.message}`);
    return ExitCode.Blocked;
  }
  io.stdout(JSON.stringify(plan.matrix) + '\n');
  const { include } = plan.matrix;
  io.logger.info(`plan: wave ${n} (${plan.wave.name}): ${include.length} of ${plan.wave.cells.length} cells to run${plan.leftOut.length ? `, ${plan.leftOut.length} left out by the fuse` : ''} (${store.where})`);
  for (const left of plan.leftOut) io.logger.info(`plan: left out: ${left.message}`);
  if (include.length === 0) io.logger.warn(`plan: every cell of wave ${n} is fused; the matrix is empty, so skip the wave's job (GitHub refuses an empty matrix).`);
  return ExitCode.Pass;
}

export const planCommand: LeafCommand = {
  name: 'plan',
  summary: "print a wave's GitHub strategy.matrix JSON, fused cells left out",
  usage: PLAN_USAGE,
  run: plan,
};

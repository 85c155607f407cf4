// `memgate fuse check|status|reset|trip` and `memgate plan`: flags in, src/fuse/commands.ts does the work,
// its lines and results out on stdout (the fuse around `memgate run` is src/run/gated-run.ts).
import { neutraliseCommands } from '../report/escape-commands.ts';
import type { CliIO } from './io.ts';
import { parseFlags, printError, type Flags, type GroupCommand, type LeafCommand } from './command.ts';
import { Defaults, ExitCode, Option } from '../model/constants.ts';
import type { RawOptions } from '../model/settings.ts';
import { renderStatus } from '../fuse/render.ts';
import {
  FuseStoreTrouble,
  STORE_OPTIONS,
  fuseCheck,
  fuseReset,
  fuseStatus,
  fuseTrip,
  planStage,
  type FuseCommandContext,
} from '../fuse/commands.ts';

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

type Run = (args: string[], io: CliIO) => Promise<number>;

const str = (flags: Flags, name: string) => {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
};
const list = (flags: Flags, name: string) => {
  const v = flags[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
};

function context(flags: Flags, io: CliIO): FuseCommandContext {
  const store: RawOptions = Object.fromEntries(STORE_OPTIONS.map((name) => [name, str(flags, name)]));
  return { fenv: { env: io.env, cwd: io.cwd }, store, say: (line) => io.stdout(`${neutraliseCommands(line)}\n`) };
}

/** Runs a fuse command; a store that cannot be read or written is exit 3 (fail closed), bad input stays exit 2. */
function guarded(run: Run): Run {
  return async (args, io) => {
    try {
      return await run(args, io);
    } catch (error) {
      if (!(error instanceof FuseStoreTrouble)) throw error;
      printError(io, error.message);
      return ExitCode.Inconclusive;
    }
  };
}

const check: Run = async (args, io) => {
  const { flags } = parseFlags('memgate fuse check', args, { strings: [Option.Cell, ...STORE_OPTIONS] });
  const outcome = await fuseCheck(str(flags, Option.Cell), context(flags, io));
  return outcome.fused ? ExitCode.Blocked : ExitCode.Pass;
};

const status: Run = async (args, io) => {
  const { flags } = parseFlags('memgate fuse status', args, { strings: STORE_OPTIONS, booleans: ['json', 'history'] });
  const view = await fuseStatus(flags.history === true, context(flags, io));
  // Cell ids and reasons come from the store, which a pull request's jobs write: inert lines only.
  io.stdout((flags.json ? JSON.stringify(view, null, 2) : neutraliseCommands(renderStatus(view))) + '\n');
  return ExitCode.Pass;
};

const reset: Run = async (args, io) => {
  const { flags } = parseFlags('memgate fuse reset', args, {
    strings: [Option.Cell, 'dimension', 'reason', ...STORE_OPTIONS],
    multiple: [Option.Cell, 'dimension'],
  });
  await fuseReset(
    { cells: list(flags, Option.Cell), dimensions: list(flags, 'dimension') },
    str(flags, 'reason'),
    context(flags, io),
  );
  return ExitCode.Pass;
};

const trip: Run = async (args, io) => {
  const { flags } = parseFlags('memgate fuse trip', args, {
    strings: [Option.Cell, 'dimension', 'reason', Option.FuseDimensionThreshold, ...STORE_OPTIONS],
    multiple: [Option.Cell, 'dimension'],
  });
  await fuseTrip(
    { cells: list(flags, Option.Cell), dimensions: list(flags, 'dimension') },
    str(flags, 'reason'),
    str(flags, Option.FuseDimensionThreshold),
    context(flags, io),
  );
  return ExitCode.Pass;
};

export const fuseCommand: GroupCommand = {
  name: 'fuse',
  summary: 'check, show, reset or trip the matrix fuse of a staged rollout',
  usage: FUSE_USAGE,
  commands: [
    { name: 'check', summary: 'exit 1 when a cell is fused, else 0', usage: CHECK_USAGE, run: guarded(check) },
    { name: 'status', summary: "the rollout's dimension values and cells", usage: STATUS_USAGE, run: guarded(status) },
    {
      name: 'reset',
      summary: 'let cells or dimension values run again, with a reason',
      usage: RESET_USAGE,
      run: guarded(reset),
    },
    {
      name: 'trip',
      summary: 'stop cells or dimension values by hand, with a reason',
      usage: TRIP_USAGE,
      run: guarded(trip),
    },
  ],
};

const plan: Run = async (args, io) => {
  const { flags } = parseFlags('memgate plan', args, { strings: ['stages', 'stage', ...STORE_OPTIONS] });
  const outcome = await planStage(str(flags, 'stages'), str(flags, 'stage'), context(flags, io));
  if (outcome.kind === 'held') {
    printError(io, outcome.message);
    return ExitCode.Blocked;
  }
  io.stdout(JSON.stringify(outcome.matrix) + '\n');
  const { include } = outcome.matrix;
  io.logger.info(
    `plan: wave ${outcome.wave} (${outcome.name}): ${include.length} of ${outcome.cells} cells to run${outcome.leftOut.length ? `, ${outcome.leftOut.length} left out by the fuse` : ''} (${outcome.where})`,
  );
  for (const left of outcome.leftOut) io.logger.info(`plan: left out: ${left.message}`);
  if (include.length === 0)
    io.logger.warn(
      `plan: every cell of wave ${outcome.wave} is fused; the matrix is empty, so skip the wave's job (GitHub refuses an empty matrix).`,
    );
  return ExitCode.Pass;
};

export const planCommand: LeafCommand = {
  name: 'plan',
  summary: "print a wave's GitHub strategy.matrix JSON, fused cells left out",
  usage: PLAN_USAGE,
  run: guarded(plan),
};

import { resolve } from 'node:path';
import { Defaults, ExitCode, Option, VERSION } from '../model/constants.ts';
import { buildPlan, parseJudgeSettings } from '../config/plan.ts';
import type { RawOptions } from '../model/settings.ts';
import { UsageError, errorMessage } from '../model/errors.ts';
import { readBundle } from '../collect/bundle-io.ts';
import { judgeBundle, writeReport } from '../gate/judge-bundle.ts';
import { gateMaxRunMs, runGate } from '../gate/run-gate.ts';
import type { CliIO } from './io.ts';
import { exitCodeOf, gatedRun } from '../run/gated-run.ts';
import { renderFuseOutcome } from '../fuse/gate-fuse.ts';
import { renderConsole } from '../report/console.ts';
import { FUSE_RUN_OPTIONS_HELP, fuseCommand, planCommand } from './fuse-commands.ts';
import { openRunFuse } from '../fuse/gate-fuse.ts';
import { fleetCommand } from './fleet-command.ts';
import {
  JSON_FLAG,
  dispatch,
  humanOut,
  parseFlags,
  printError,
  reportJson,
  type CliCommand,
  type Flags,
  type GroupCommand,
  type LeafCommand,
} from './command.ts';

const EXIT_STATUS_HELP = 'Exit status: 0 pass or warn, 1 blocked, 2 bad input or usage, 3 inconclusive.';

/** One help line per gate option, shared by `run --help` and `analyze --help`. */
const OPTION_HELP: Record<string, string> = {
  [Option.Baseline]: `--baseline CMD             command that starts the baseline build (required)`,
  [Option.Gray]: `--gray CMD                 command that starts the gray build (required)`,
  [Option.Warmup]: `--warmup DUR               time excluded before the window (${Defaults.warmup})`,
  [Option.Duration]: `--duration DUR             the first look: the window judged first (${Defaults.duration})`,
  [Option.MaxDuration]: `--max-duration DUR         the budget: undecided at a look, the gate watches on and judges again
                             every --duration until every rule is decided or this window is spent
                             (${Defaults.maxDuration}, never less than --duration; equal: one look)`,
  [Option.Interval]: `--interval DUR             memory sampling interval (${Defaults.interval})`,
  [Option.MaxP95Increase]: `--max-p95-increase PCT     allowed rise of gray's P95 over baseline's (${Defaults.maxP95Increase})`,
  [Option.MinP95Delta]: `--min-p95-delta SIZE       P95 rises below this many bytes never block (${Defaults.minP95Delta})`,
  [Option.MaxSlopeIncrease]: `--max-slope-increase PCT   allowed rise of gray's floor slope over baseline's (${Defaults.maxSlopeIncrease})`,
  [Option.MinSlope]: `--min-slope RATE           slope differences below this never block (${Defaults.minSlope})`,
  [Option.Replicas]: `--replicas N               processes per side, each in its own cgroup; the judge compares them
                             across sides, so drift between processes is measured (${Defaults.replicas})`,
  [Option.MemprofileRate]: `--memprofile-rate SIZE     Go heap sampling rate both sides get (GODEBUG=memprofilerate), 0 leaves
                             the services' own (${Defaults.memprofileRate})`,
  [Option.MemoryMax]: `--memory-max SIZE          memory limit of each side's cgroup, so OOM kills show (none)`,
  [Option.Load]: `--load CMD                 load command started against each side during the run (none)`,
  [Option.Pprof]: `--pprof URL|off            pprof base URL of both sides, {port} allowed, or off (${Defaults.pprof})`,
  [Option.BaselinePprof]: `--baseline-pprof URL|off   the same for baseline only (as --pprof)`,
  [Option.GrayPprof]: `--gray-pprof URL|off       the same for gray only (as --pprof)`,
  [Option.ProfileInterval]: `--profile-interval DUR     heap profile (?gc=1) and goroutine dump of each side about this often
                             (mid-slot) and at the window's end; kept in the bundle (${Defaults.profileInterval})`,
  [Option.Ebpf]: `--ebpf auto|on|off         eBPF allocation tracing of both builds (needs root or sudo -n, bpftrace
                             0.17+, unstripped Go binaries); auto goes on without it, on exits 2 (${Defaults.ebpf})`,
  [Option.EbpfMode]: `--ebpf-mode MODE           sampled: probe where Go samples its heap profile, cheap; every: probe
                             every runtime.mallocgc call, slows allocation-heavy code many times (${Defaults.ebpfMode})`,
  [Option.EbpfSampleRate]: `--ebpf-sample-rate N       every mode: record 1 call in N, in the kernel (${Defaults.ebpfSampleRate})`,
  [Option.StackDepth]: `--stack-depth N            frames kept per allocation path, allocator frames not counted (${Defaults.stackDepth})`,
  [Option.CgroupDriver]: `--cgroup-driver NAME       auto | v2 | systemd | v1 | none (${Defaults.cgroupDriver})`,
  [Option.ReadyTimeout]: `--ready-timeout DUR        how long a workload may take to open its port (${Defaults.readyTimeout})`,
  [Option.StopTimeout]: `--stop-timeout DUR         at the end, each workload gets SIGTERM and this long to exit before
                             SIGKILL; its shutdown output goes to bundle/workloads.log (${Defaults.stopTimeout})`,
  [Option.PassEnv]: `--pass-env NAME            pass this variable to the workloads although the scrub drops it
                             (tokens, INPUT_*, ACTIONS_*); repeat it or separate names by commas`,
  [Option.Out]: `--out DIR                  where report.json and the bundle go (${Defaults.out})`,
  [Option.OnInconclusive]: `--on-inconclusive WHAT     fail (exit 3) | pass (exit 0) (${Defaults.onInconclusive})`,
};

const FUSE_OPTIONS: readonly string[] = [
  Option.Cell,
  Option.Fuse,
  Option.FuseDimensionThreshold,
  Option.FuseScope,
  Option.FuseStore,
  Option.FuseDir,
];
/** What `memgate run` takes: the options its help documents (other commands' options are refused as unknown). */
const RUN_OPTIONS: readonly string[] = [...Object.keys(OPTION_HELP), ...FUSE_OPTIONS];
const JUDGE_OPTIONS: readonly string[] = [
  Option.Warmup,
  Option.MaxP95Increase,
  Option.MinP95Delta,
  Option.MaxSlopeIncrease,
  Option.MinSlope,
  Option.OnInconclusive,
  Option.Out,
];
const helpLines = (names: readonly string[]) => names.map((name) => `  ${OPTION_HELP[name]}`).join('\n');

const RUN_USAGE = `Usage: memgate run --baseline "CMD" --gray "CMD" [options]

Starts both commands (through /bin/sh -c), each in its own cgroup, waits until each opens its port,
drives the optional load, waits out the warm-up, samples both and judges at every look (--duration,
then again every --duration until it can tell or --max-duration is spent), stops them,
prints the verdict and writes OUT/report.json, OUT/report.html and the bundle OUT/bundle/.
{port} in a command becomes a free loopback port for that workload; {url} in --load becomes
http://127.0.0.1:PORT of the side it loads.

Options (default):
${helpLines(Object.keys(OPTION_HELP))}
  --json                     print the report (report.json's content) to stdout, for jq; the verdict
                             and progress go to stderr

Staged rollout (memgate fuse --help):
${FUSE_RUN_OPTIONS_HELP}

${EXIT_STATUS_HELP} Interrupted: 129 / 130 / 143.`;

const ANALYZE_USAGE = `Usage: memgate analyze DIR [options]

Re-judges the run saved in DIR (DIR/bundle/) with the limits given here, the defaults otherwise,
prints the verdict and exits with the statuses of memgate run. Nothing is run.

Options (default):
  --warmup DUR               time excluded before the window (the warm-up recorded with the run)
${helpLines(JUDGE_OPTIONS.filter((name) => name !== Option.Warmup && name !== Option.Out))}
  --out DIR2                 also write DIR2/report.json and DIR2/report.html (never DIR itself)
  --json                     print the report (report.json's content) to stdout, for jq; the verdict
                             goes to stderr

${EXIT_STATUS_HELP}`;

/** The string-valued options a command was given, without --json (the gate's settings see only these). */
function gateOptions(flags: Flags): RawOptions {
  return Object.fromEntries(
    Object.entries(flags).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

const runCommand: LeafCommand = {
  name: 'run',
  summary: 'start baseline and gray side by side, sample their memory, judge gray',
  usage: RUN_USAGE,
  async run(args, io) {
    const { flags } = parseFlags('memgate run', args, {
      strings: RUN_OPTIONS,
      booleans: [JSON_FLAG],
      multiple: [Option.PassEnv],
    });
    const json = flags[JSON_FLAG] === true;
    const say = humanOut(io, json);
    const raw = gateOptions(flags);
    const passEnv = flags[Option.PassEnv];
    if (Array.isArray(passEnv)) raw[Option.PassEnv] = passEnv.join(',');
    const plan = buildPlan(raw, { cwd: io.cwd, pathEnv: io.env.PATH ?? '' });
    const fuse = openRunFuse(raw, { env: io.env, cwd: io.cwd });
    const outcome = await gatedRun({
      fuse,
      outDir: plan.outDir,
      logger: io.logger,
      gate: () => runGate(plan, { logger: io.logger, signal: io.signal }),
      maxRunMs: gateMaxRunMs(plan),
    });
    switch (outcome.kind) {
      case 'fused':
        say(renderFuseOutcome(outcome.fuse) + '\n');
        break;
      case 'fuse-unreadable':
        printError(io, outcome.message);
        break;
      case 'interrupted':
        io.logger.warn(
          `interrupted: both workloads stopped and their cgroups removed; the partial bundle is in ${outcome.outDir}`,
        );
        break;
      case 'judged':
        say(renderConsole(outcome.report) + '\n');
        say(`report: ${outcome.reportPath}\n`);
        if (outcome.fuse) say(renderFuseOutcome(outcome.fuse) + '\n');
        // A pass that could not be recorded fails the run (fail closed); a block stays a block, and this is a note.
        if (outcome.fuseError) {
          if (outcome.report.exitCode === ExitCode.Pass) printError(io, outcome.fuseError.message);
          else io.logger.warn(outcome.fuseError.message);
        }
        if (json) io.stdout(reportJson(outcome.report));
        break;
    }
    return exitCodeOf(outcome);
  },
};

const analyzeCommand: LeafCommand = {
  name: 'analyze',
  summary: 're-judge a saved run offline (nothing is run)',
  usage: ANALYZE_USAGE,
  async run(args, io) {
    const { flags, positionals } = parseFlags('memgate analyze', args, {
      strings: JUDGE_OPTIONS,
      booleans: [JSON_FLAG],
      positionals: 1,
    });
    const json = flags[JSON_FLAG] === true;
    const say = humanOut(io, json);
    const raw = gateOptions(flags);
    const dir = positionals[0];
    if (!dir)
      throw new UsageError('memgate analyze needs the directory of an earlier run, e.g. memgate analyze memgate-out.');
    const out = raw[Option.Out];
    if (out && resolve(io.cwd, out) === resolve(io.cwd, dir)) {
      throw new UsageError(
        `--out ${out} is the run being analyzed; its report.json is kept as it was: give another directory, e.g. --out ${dir.replace(/\/+$/, '')}-rejudged.`,
      );
    }
    const bundle = readBundle(dir);
    const settings = parseJudgeSettings(raw, bundle.meta.warmupMs);
    const report = judgeBundle(bundle, settings);
    say(renderConsole(report) + '\n');
    if (out) say(`report: ${writeReport(out, report)}\n`);
    if (json) io.stdout(reportJson(report));
    return report.exitCode;
  },
};

const versionCommand: LeafCommand = {
  name: 'version',
  summary: "print memgate's version (also --version)",
  usage: 'Usage: memgate version (or memgate --version): prints the version.',
  async run(args, io) {
    parseFlags('memgate version', args, { strings: [] });
    io.stdout(`${VERSION}\n`);
    return ExitCode.Pass;
  },
};

/** The commands, in the order --help lists them. A new command: its own file, one line here. */
const COMMANDS: readonly CliCommand[] = [
  runCommand,
  analyzeCommand,
  fuseCommand,
  planCommand,
  fleetCommand,
  versionCommand,
];

const MEMGATE: GroupCommand = {
  name: 'memgate',
  summary: 'a memory release gate for canary rollouts',
  usage: `memgate ${VERSION}: a memory release gate for canary rollouts

Usage: memgate COMMAND [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join('\n')}

memgate COMMAND --help shows that command's usage and options (memgate fuse status --help, ...).
${EXIT_STATUS_HELP}`,
  commands: COMMANDS,
};

/** The usage `memgate --help` prints. */
export const USAGE = MEMGATE.usage;

/** The CLI: parse, run, map to an exit status. Never throws; fatal errors are one `error:` line on stderr. */
export async function cli(argv: string[], io: CliIO): Promise<number> {
  try {
    if (argv[0] === '--version' || argv[0] === '-V') return await versionCommand.run(argv.slice(1), io);
    return await dispatch('memgate', MEMGATE, argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      printError(io, error.message);
      return ExitCode.Usage;
    }
    printError(
      io,
      `internal error: ${errorMessage(error)} (please report it with the command you ran; set MEMGATE_DEBUG=1 for a stack trace)`,
    );
    if (io.env.MEMGATE_DEBUG) io.stderr(`${String((error as Error)?.stack)}\n`);
    return ExitCode.Inconclusive;
  }
}

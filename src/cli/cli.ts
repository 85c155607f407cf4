import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { Defaults, ExitCode, Option, VERSION } from '../model/constants.ts';
import { buildPlan, parseJudgeSettings } from '../config/plan.ts';
import { type RawOptions } from '../model/settings.ts';
import { UsageError, errorMessage } from '../model/errors.ts';
import { readBundle } from '../collect/bundle-io.ts';
import { judgeBundle, writeReport } from '../gate/judge-bundle.ts';
import { runGate } from '../gate/run-gate.ts';
import type { CliIO } from './io.ts';
import { exitCodeOf, gatedRun } from '../run/gated-run.ts';
import { renderFuseOutcome } from '../fuse/gate-fuse.ts';
import { renderConsole } from '../report/console.ts';
import { FUSE_USAGE, fuseCommand, planCommand } from './fuse-commands.ts';
import { openRunFuse } from '../fuse/gate-fuse.ts';

export const USAGE = `memgate ${VERSION}: a memory release gate for canary rollouts

Usage:
  memgate run --baseline "CMD" --gray "CMD" [options]
  memgate analyze DIR [judge options] [--out DIR2]
  memgate fuse check|status|reset|trip ...   memgate plan --stages FILE --stage N
  memgate --help | --version

{port} in a command becomes a free loopback port for that workload; {url} in --load becomes
http://127.0.0.1:PORT of the side it loads.

Run options (default):
  --baseline CMD             command that starts the baseline build (required)
  --gray CMD                 command that starts the gray build (required)
  --warmup DUR               time excluded before the window (${Defaults.warmup})
  --duration DUR             observation window (${Defaults.duration})
  --interval DUR             memory sampling interval (${Defaults.interval})
  --max-p95-increase PCT     allowed rise of gray's P95 over baseline's (${Defaults.maxP95Increase})
  --min-p95-delta SIZE       P95 rises below this many bytes never block (${Defaults.minP95Delta})
  --max-slope-increase PCT   allowed rise of gray's floor slope over baseline's (${Defaults.maxSlopeIncrease})
  --min-slope RATE           slope differences below this never block (${Defaults.minSlope})
  --replicas N               processes per side, each in its own cgroup; the judge compares them
                             across sides, so drift between processes is measured (${Defaults.replicas})
  --memprofile-rate SIZE     Go heap sampling rate both sides get (GODEBUG=memprofilerate), 0 leaves
                             the services' own (${Defaults.memprofileRate})
  --memory-max SIZE          memory limit of each side's cgroup, so OOM kills show (none)
  --load CMD                 load command started against each side during the run (none)
  --pprof URL|off            pprof base URL of both sides, {port} allowed, or off (${Defaults.pprof})
  --baseline-pprof URL|off   the same for baseline only (as --pprof)
  --gray-pprof URL|off       the same for gray only (as --pprof)
  --profile-interval DUR     heap profile (?gc=1) and goroutine dump of each side this often, and at
                             both ends of the window; kept in the bundle (${Defaults.profileInterval})
  --ebpf auto|on|off         eBPF allocation tracing of both builds (needs root or sudo -n, bpftrace
                             0.17+, unstripped Go binaries); auto goes on without it, on exits 2 (${Defaults.ebpf})
  --ebpf-mode MODE           sampled: probe where Go samples its heap profile, cheap; every: probe
                             every runtime.mallocgc call, slows allocation-heavy code many times (${Defaults.ebpfMode})
  --ebpf-sample-rate N       every mode: record 1 call in N, in the kernel (${Defaults.ebpfSampleRate})
  --stack-depth N            frames kept per allocation path, allocator frames not counted (${Defaults.stackDepth})
  --cgroup-driver NAME       auto | v2 | systemd | v1 | none (${Defaults.cgroupDriver})
  --ready-timeout DUR        how long a workload may take to open its port (${Defaults.readyTimeout})
  --out DIR                  where report.json and the bundle go (${Defaults.out})
  --on-inconclusive WHAT     fail (exit 3) | pass (exit 0) (${Defaults.onInconclusive})

  --cell CELL, --fuse on|off, --fuse-*   gate one cell of a staged rollout (below)

Exit status: 0 pass or warn, 1 blocked, 2 bad input, 3 inconclusive.

${FUSE_USAGE}`;

const RUN_OPTIONS = Object.values(Option);
const JUDGE_OPTIONS = [Option.Warmup, Option.MaxP95Increase, Option.MinP95Delta, Option.MaxSlopeIncrease, Option.MinSlope, Option.OnInconclusive, Option.Out];

function parseOptions(args: string[], allowed: readonly string[], positionals: number): { raw: RawOptions; positionals: string[] } {
  const options = Object.fromEntries(allowed.map((name) => [name, { type: 'string' as const }]));
  try {
    const parsed = parseArgs({ args, options, strict: true, allowPositionals: positionals > 0 });
    if (parsed.positionals.length > positionals) throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"; see memgate --help.`);
    return { raw: parsed.values as RawOptions, positionals: parsed.positionals };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const message = errorMessage(error).replace(/\. To specify a positional argument.*$/s, '');
    throw new UsageError(`${message}; see memgate --help for the options.`);
  }
}

async function run(args: string[], io: CliIO): Promise<number> {
  const { raw } = parseOptions(args, RUN_OPTIONS, 0);
  const plan = buildPlan(raw, { cwd: io.cwd, pathEnv: io.env.PATH ?? '' });
  const fuse = openRunFuse(raw, { env: io.env, cwd: io.cwd });
  const outcome = await gatedRun({ fuse, outDir: plan.outDir, logger: io.logger, gate: () => runGate(plan, { logger: io.logger, signal: io.signal }) });
  switch (outcome.kind) {
    case 'fused':
      io.stdout(renderFuseOutcome(outcome.fuse) + '\n');
      break;
    case 'fuse-unreadable':
      io.logger.warn(outcome.message);
      break;
    case 'interrupted':
      io.logger.warn(`interrupted: both workloads stopped and their cgroups removed; the partial bundle is in ${outcome.outDir}`);
      break;
    case 'judged':
      io.stdout(renderConsole(outcome.report) + '\n');
      io.stdout(`report: ${outcome.reportPath}\n`);
      if (outcome.fuse) io.stdout(renderFuseOutcome(outcome.fuse) + '\n');
      if (outcome.fuseError) io.logger.warn(outcome.fuseError.message);
      break;
  }
  return exitCodeOf(outcome);
}

async function analyzeCommand(args: string[], io: CliIO): Promise<number> {
  const { raw, positionals } = parseOptions(args, JUDGE_OPTIONS, 1);
  const dir = positionals[0];
  if (!dir) throw new UsageError('memgate analyze needs the directory of an earlier run, e.g. memgate analyze memgate-out.');
  const out = raw[Option.Out];
  if (out && resolve(io.cwd, out) === resolve(io.cwd, dir)) {
    throw new UsageError(`--out ${out} is the run being analyzed; its report.json is kept as it was: give another directory, e.g. --out ${dir.replace(/\/+$/, '')}-rejudged.`);
  }
  const bundle = readBundle(dir);
  const settings = parseJudgeSettings(raw, bundle.meta.warmupMs);
  const report = judgeBundle(bundle, settings);
  io.stdout(renderConsole(report) + '\n');
  if (out) io.stdout(`report: ${writeReport(out, report)}\n`);
  return report.exitCode;
}

/** The CLI: parse, run, map to an exit status. Never throws. */
export async function cli(argv: string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'run':
        return await run(rest, io);
      case 'analyze':
        return await analyzeCommand(rest, io);
      case 'fuse':
        return await fuseCommand(rest, io);
      case 'plan':
        return await planCommand(rest, io);
      case '--version':
      case 'version':
        io.stdout(`${VERSION}\n`);
        return ExitCode.Pass;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE + '\n');
        return command === undefined ? ExitCode.Usage : ExitCode.Pass;
      default:
        throw new UsageError(`unknown command "${command}"; use "memgate run", "memgate analyze", "memgate fuse" or "memgate plan" (memgate --help lists the options).`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.logger.warn(error.message);
      return ExitCode.Usage;
    }
    io.logger.warn(`internal error: ${errorMessage(error)} (please report it with the command you ran; set MEMGATE_DEBUG=1 for a stack trace)`);
    if (io.env.MEMGATE_DEBUG) io.logger.warn(String((error as Error)?.stack));
    return ExitCode.Inconclusive;
  }
}

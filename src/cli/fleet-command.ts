// `memgate fleet`: live canaries judged per cell from a Prometheus-compatible store (src/run/fleet-run.ts).
import { Defaults, ExitCode, Option, FLEET_ONLY_OPTIONS } from '../model/constants.ts';
import type { RawOptions } from '../model/settings.ts';
import { buildFleetPlan } from '../config/fleet-plan.ts';
import { renderFleetConsole } from '../report/fleet-report.ts';
import { FleetUndecidedError, fleetRun } from '../run/fleet-run.ts';
import { JSON_FLAG, humanOut, parseFlags, printError, type LeafCommand } from './command.ts';

export const FLEET_USAGE = `Usage: memgate fleet --prometheus URL --metric SELECTOR --baseline MATCHERS --gray MATCHERS
                     --by DIM[=LABEL][,...] [options]

Judges live canaries where they run: reads each cell's instances from a Prometheus-compatible store
(Prometheus, VictoriaMetrics, Thanos, Mimir), judges gray against baseline per cell with the judge of
memgate run (each instance a replica), prints a table of cells and writes OUT/report.json
(memgate/fleet-report@1), OUT/report.html and OUT/cells/CELL/report.json.

  --prometheus URL           the store's API base, e.g. http://prometheus:9090 (required)
  --metric SELECTOR          memory series, one per instance: 'process_resident_memory_bytes{job="shop"}'
  --baseline MATCHERS        label matchers of baseline's instances: 'track="stable"'
  --gray MATCHERS            label matchers of gray's instances: 'track="canary"'
  --by DIMS                  labels that make a cell (fuse dimensions region, isp, os, arch); a label of
                             another name maps as region=topology_region (required)
  --instance-label NAME      the label that tells instances apart (${Defaults.instanceLabel})
  --window DUR               the window judged, ending at --end (${Defaults.window})
  --end TIME                 RFC 3339 or unix seconds (now)
  --step DUR                 query resolution (15s, raised to keep under 11,000 points a series)
  --min-instances N          fewer instances a side make a cell inconclusive (${Defaults.minInstances})
  --heap-metric SELECTOR     Go heap in use (go_memstats_heap_inuse_bytes), reported per cell as evidence
  --pprof URL|off            e.g. 'http://{instance}/debug/pprof': live heap profiles and goroutine dumps of
                             a blocked or warned cell's steepest gray and a baseline instance, 3 snapshots
                             --profile-interval apart (${Defaults.profileInterval}): suspects and leak patterns (off)
  --stages FILE --stage N    judge only wave N's cells (the stages file of memgate plan)
  --fuse on, --fuse-*        record each cell in the fuse; a blocked cell trips it as memgate run --cell does
  --prometheus-token-env VAR environment variable holding a bearer token (${Defaults.prometheusTokenEnv})
  --prometheus-user USER     basic auth; the password is read from MEMGATE_PROMETHEUS_PASSWORD
  --prometheus-ca FILE       PEM CA of a store with a private certificate
  --query-timeout DUR        per query (${Defaults.queryTimeout}); 5xx answers are retried with backoff
  --query-concurrency N      queries in flight (${Defaults.queryConcurrency})
  --max-p95-increase, --min-p95-delta, --max-slope-increase, --min-slope, --on-inconclusive, --out
                             as for memgate run
  --json                     print report.json's content to stdout (the table goes to stderr)

Exit status: 0 every cell passed (or warned), 1 a cell blocked (or was fused), 2 bad input (a store that
cannot be reached included), 3 a cell inconclusive (unless --on-inconclusive pass).`;

const JUDGE_OPTIONS = [
  Option.Pprof,
  Option.ProfileInterval,
  Option.MaxP95Increase,
  Option.MinP95Delta,
  Option.MaxSlopeIncrease,
  Option.MinSlope,
  Option.OnInconclusive,
  Option.Out,
  Option.Baseline,
  Option.Gray,
];
const FUSE_OPTIONS = [Option.Fuse, Option.FuseScope, Option.FuseDimensionThreshold, Option.FuseStore, Option.FuseDir];
export const FLEET_OPTIONS: readonly string[] = [...FLEET_ONLY_OPTIONS, ...JUDGE_OPTIONS, ...FUSE_OPTIONS];

/** `memgate fleet`: one line in cli.ts' command table. */
export const fleetCommand: LeafCommand = {
  name: 'fleet',
  summary: 'judge live canaries per cell from a Prometheus-compatible store',
  usage: FLEET_USAGE,
  async run(args, io) {
    const { flags } = parseFlags('memgate fleet', args, { strings: FLEET_OPTIONS, booleans: [JSON_FLAG] });
    const json = flags[JSON_FLAG] === true;
    const say = humanOut(io, json);
    const raw: RawOptions = Object.fromEntries(
      Object.entries(flags).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    const plan = buildFleetPlan(raw, { cwd: io.cwd, env: io.env, nowSec: Date.now() / 1000 });
    try {
      const outcome = await fleetRun({
        plan,
        raw,
        fenv: { env: io.env, cwd: io.cwd },
        logger: io.logger,
        signal: io.signal,
      });
      say(renderFleetConsole(outcome.report) + '\n');
      say(`report: ${outcome.reportPath}\n`);
      if (json) io.stdout(JSON.stringify(outcome.report, null, 2) + '\n');
      return outcome.report.exitCode;
    } catch (error) {
      if (error instanceof FleetUndecidedError) {
        printError(io, error.message);
        return ExitCode.Inconclusive;
      }
      throw error;
    }
  },
};

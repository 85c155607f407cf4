// The gate: measure both sides from a source, write the bundle, analyse it once, judge, write the report.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROFILE_DIR, PROFILE_INDEX_FILE } from '../model/profiles.ts';
import { BUNDLE_SCHEMA, HANG_GRACE_MS, VERSION } from '../model/constants.ts';
import type { Bundle } from '../model/bundle.ts';
import type { GatePlan } from '../model/settings.ts';
import type { Logger } from '../model/logger.ts';
import { bundleDir, writeBundle } from '../collect/bundle-io.ts';
import type { HostFacts } from '../workload/cgroup/detect.ts';
import { analyze } from '../analyze/analyze.ts';
import type { Report } from '../report/report-json.ts';
import type { Measurement, SampleSource, Watch } from '../source/source.ts';
import { judge } from '../judge/judge.ts';
import type { Verdict } from '../judge/verdict-types.ts';
import type { Look, WatchRecord } from '../model/watch.ts';
import { formatDuration } from '../model/units.ts';
import { levelsAt, lookState, lookWindows, remainingLevels, watchRecord } from './watch.ts';
import { localPair } from '../source/local-pair/local-pair.ts';
import { writeDiffProfiles, writeEbpfTrace } from './evidence-files.ts';
import { judgeAnalysis, writeReport } from './judge-bundle.ts';
import { redactDeep, secretValues } from '../model/redact.ts';
import { outWriteError } from '../model/errors.ts';

export interface GateIO {
  logger: Logger;
  /** Aborted on SIGINT/SIGTERM: the gate stops, cleans up and reports `interrupted`. */
  signal: AbortSignal;
  /** Host facts for driver selection; probed when absent. */
  host?: HostFacts;
  /** Where the samples come from; the local pair of the plan's commands when absent. */
  source?: SampleSource;
}

export type GateOutcome =
  | { kind: 'judged'; report: Report; reportPath: string; outDir: string }
  | { kind: 'interrupted'; outDir: string };

/**
 * The longest a gate of this plan can take: the readiness wait, warm-up and window, the hang grace
 * after which the run is aborted (30 s), the graceful stop, and 5 minutes for profiles, symbols and
 * the report. The fuse's running record carries it as the deadline after which it is stale.
 */
export function gateMaxRunMs(plan: GatePlan): number {
  return plan.readyTimeoutMs + plan.warmupMs + plan.maxDurationMs + HANG_GRACE_MS + plan.stopTimeoutMs + 5 * 60_000;
}

/** The bundle of what a source measured (all of it, or so far at a look), judged over `windowMs`. */
function bundleOf(plan: GatePlan, measured: Measurement, windowMs: number, watch?: WatchRecord): Bundle {
  return {
    meta: {
      schema: BUNDLE_SCHEMA,
      memgateVersion: VERSION,
      createdAt: new Date().toISOString(),
      driver: measured.driver,
      limitations: measured.limitations,
      warmupMs: plan.warmupMs,
      durationMs: windowMs,
      intervalMs: plan.intervalMs,
      memoryMaxBytes: measured.memoryMaxBytes,
      load: plan.load,
      replicas: plan.replicas,
      memProfileRate: plan.memProfileRate,
      sides: measured.sides,
      warnings: measured.warnings,
      endedEarly: measured.endedEarly,
      ...(watch ? { watch } : {}),
    },
    samples: measured.samples,
    stats: measured.stats,
    final: measured.final,
    ...(measured.profiles ? { profiles: measured.profiles } : {}),
    ...(measured.ebpf ? { ebpf: measured.ebpf } : {}),
  };
}

/**
 * The looks of a watched run (none when the budget is the first look): each judges what was measured
 * so far at its share of the error rates, logs its state, and stops the source once decided.
 */
function watchLooks(plan: GatePlan, io: GateIO, windows: readonly number[]) {
  const looks: Look[] = [];
  let decidedAt: number | null = null;
  // The profiles the deciding look judged: a fetch still in flight then, or the final snapshot, must not
  // turn its decision into an undecided verdict after the run stopped on it.
  let decidedProfiles: Measurement['profiles'] = null;
  const watch: Watch | undefined =
    windows.length > 1
      ? {
          windowsMs: windows.slice(0, -1),
          look(index, soFar) {
            const levels = levelsAt(windows, index);
            const verdict = judge(analyze(bundleOf(plan, soFar, windows[index]), plan.warmupMs), plan.limits, levels);
            const state = lookState(verdict);
            looks.push({ windowMs: windows[index], state, levels });
            io.logger.info(
              `memgate: look ${index + 1} of up to ${windows.length} at ${formatDuration(windows[index])}: ${state === 'undecided' ? `undecided (${undecidedRules(verdict)}), watching on` : state}`,
            );
            if (state !== 'undecided') {
              decidedAt = index;
              decidedProfiles = soFar.profiles;
            }
            return state !== 'undecided';
          },
        }
      : undefined;
  return { looks, watch, decidedAt: () => decidedAt, decidedProfiles: () => decidedProfiles };
}

const undecidedRules = (verdict: Verdict) =>
  verdict.reasons
    .filter((r) => r.outcome === 'inconclusive')
    .map((r) => r.rule)
    .join(', ') || 'no rule decided';

/** The whole gate: measure both sides (the source cleans up after itself), write the bundle, judge, write the report. */
export async function runGate(plan: GatePlan, io: GateIO): Promise<GateOutcome> {
  const source = io.source ?? localPair(plan, io.host);
  const windows = lookWindows(plan.durationMs, plan.maxDurationMs);
  const watching = watchLooks(plan, io, windows);
  const measured = await source.measure({
    logger: io.logger,
    signal: io.signal,
    bundleDir: bundleDir(plan.outDir),
    ...(watching.watch ? { watch: watching.watch } : {}),
  });
  // The verdict's look: the one that decided, at its share; else the last, with all the looks made left.
  const decidedAt = watching.decidedAt();
  const lastLook = decidedAt ?? windows.length - 1;
  const levels = decidedAt === null ? remainingLevels(windows, watching.looks.length) : levelsAt(windows, decidedAt);
  const looks = decidedAt === null ? watching.looks : watching.looks.slice(0, decidedAt);
  const judged = decidedAt === null ? measured : { ...measured, profiles: watching.decidedProfiles() };
  const planned = bundleOf(plan, judged, windows[lastLook]);
  // Analysed once: the diff profiles and the verdict come from the same evidence.
  const analysis = analyze(planned, plan.warmupMs);
  const finalState = lookState(judge(analysis, plan.limits, levels));
  const record = watchRecord(
    plan.durationMs,
    plan.maxDurationMs,
    [...looks, { windowMs: windows[lastLook], state: finalState, levels }],
    lastLook < windows.length - 1,
  );
  const bundle: Bundle = { ...planned, meta: { ...planned.meta, watch: record } };
  // A disk that filled (or went read-only) during the run: exit 2 naming the file and why, not an internal error.
  const writing = <T>(write: () => T): T => {
    try {
      return write();
    } catch (error) {
      throw outWriteError(error, plan.outDir) ?? error;
    }
  };
  // meta.json holds the command lines as given, which may name a secret.
  writing(() => writeBundle(plan.outDir, { ...bundle, meta: redactDeep(bundle.meta, secretValues(process.env)) }));
  if (bundle.ebpf) writing(() => writeEbpfTrace(bundleDir(plan.outDir), bundle.ebpf!));
  // A run stopped on a look: the index lists the profiles that look judged, so `memgate analyze` re-judges alike.
  if (decidedAt !== null && bundle.profiles) {
    const { data: _data, ...index } = bundle.profiles;
    writing(() =>
      writeFileSync(
        join(bundleDir(plan.outDir), PROFILE_DIR, PROFILE_INDEX_FILE),
        `${JSON.stringify(index, null, 2)}\n`,
      ),
    );
  }
  const diffs = writeDiffProfiles(bundleDir(plan.outDir), bundle, plan.warmupMs, analysis.evidence);
  if (diffs.warning) io.logger.warn(diffs.warning);
  if (io.signal.aborted) return { kind: 'interrupted', outDir: plan.outDir };
  // Secrets out of report.json, report.html and everything rendered from the report (summary, comment,
  // console): a command line or a workload's last words may hold one.
  const report = redactDeep(judgeAnalysis(analysis, plan, record), secretValues(process.env));
  return { kind: 'judged', report, reportPath: writing(() => writeReport(plan.outDir, report)), outDir: plan.outDir };
}

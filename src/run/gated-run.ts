// The one way through a run, for the CLI, the Action and the tests: check the fuse, run the gate,
// record the result, trip what must trip, and say what happened as one typed outcome. The entries
// only map that outcome to their surface (exit status and console; outputs, summary and comment).
import { ExitCode } from '../model/constants.ts';
import { UsageError, errorMessage } from '../model/errors.ts';
import type { Logger } from '../model/logger.ts';
import type { Report } from '../report/report-json.ts';
import type { GateOutcome } from '../gate/run-gate.ts';
import { writeFuseFile, type FuseOutcome, type RunFuse } from '../fuse/gate-fuse.ts';
import type { CheckResult } from '../fuse/rules.ts';

export type GatedOutcome =
  /** The cell was fused before the gate: it did not run. OUT/fuse.json says why. */
  | { kind: 'fused'; fuse: FuseOutcome }
  /** The fuse could not be read before the gate (network, GitHub 5xx): the cell is not cleared; try again. */
  | { kind: 'fuse-unreadable'; message: string }
  /** Stopped by a signal; both workloads were stopped, the partial bundle is in outDir. */
  | { kind: 'interrupted'; outDir: string }
  /**
   * The gate judged. `fuse`: what the fuse recorded and tripped (null with the fuse off, or when
   * recording failed: then `fuseError` says why and what exit status that failure alone calls for).
   */
  | {
      kind: 'judged';
      report: Report;
      reportPath: string;
      outDir: string;
      fuse: FuseOutcome | null;
      fuseError: { message: string; exitCode: number } | null;
    };

export interface GatedRunOptions {
  /** Null when the fuse is off. */
  fuse: RunFuse | null;
  /** Where OUT/fuse.json goes when the cell is fused before the gate. */
  outDir: string;
  /** Runs the gate (runGate with the plan, or a stand-in in tests). */
  gate: () => Promise<GateOutcome>;
  logger: Logger;
  /** The longest the gate can take (the fuse's running record carries it as a deadline); unknown when absent. */
  maxRunMs?: number;
}

/** fuse check -> gate -> record -> trip. Throws UsageError for bad input; everything else is an outcome. */
export async function gatedRun({ fuse, outDir, gate, logger, maxRunMs }: GatedRunOptions): Promise<GatedOutcome> {
  if (fuse) {
    let check: CheckResult;
    try {
      check = await fuse.begin(maxRunMs);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      return {
        kind: 'fuse-unreadable',
        message: `fuse: could not read the fuse from ${fuse.store.where} before the gate: ${errorMessage(error)}; treat the cell as not cleared and try again.`,
      };
    }
    if (check.fused) {
      const outcome = fuse.skipped(check);
      writeFuseFile(outDir, outcome);
      return { kind: 'fused', fuse: outcome };
    }
    logger.info(`fuse: cell ${fuse.config.cell.id} may run (${fuse.store.where})`);
  }
  let outcome: GateOutcome;
  try {
    outcome = await gate();
  } catch (error) {
    // Bad input found late (a port that never opens), an internal error: the record must not stay `running`.
    if (fuse) await settle(fuse, `the gate ended without a verdict: ${errorMessage(error)}`, logger);
    throw error;
  }
  if (outcome.kind === 'interrupted') {
    if (fuse) await settle(fuse, 'the gate was interrupted (a signal) before it judged', logger);
    return outcome;
  }
  const judged = {
    kind: 'judged' as const,
    report: outcome.report,
    reportPath: outcome.reportPath,
    outDir: outcome.outDir,
    fuse: null,
    fuseError: null,
  };
  if (!fuse) return judged;
  try {
    return { ...judged, fuse: await fuse.afterGate(outcome.report, outcome.outDir) };
  } catch (error) {
    const gateExit = outcome.report.exitCode;
    // A pass that could not be recorded must not let the cell through; a block stays a block.
    const exitCode =
      gateExit !== ExitCode.Pass ? gateExit : error instanceof UsageError ? ExitCode.Usage : ExitCode.Inconclusive;
    return {
      ...judged,
      fuseError: {
        message: `fuse: could not record cell ${fuse.config.cell.id}'s result (${outcome.report.verdict}) in ${fuse.store.where}: ${errorMessage(error)}`,
        exitCode,
      },
    };
  }
}

/**
 * Settles the cell's running record; a store that fails now is a warning (the gate's own end matters
 * more, and a record left running turns stale at its deadline: rules.ts isStaleRunning).
 */
async function settle(fuse: RunFuse, reason: string, logger: Logger): Promise<void> {
  try {
    await fuse.settle(reason.slice(0, 500));
  } catch (error) {
    logger.warn(
      `fuse: could not settle cell ${fuse.config.cell.id}'s running record in ${fuse.store.where}: ${errorMessage(error)}; it turns stale at its deadline`,
    );
  }
}

/** Exit status of the CLI for an outcome (the Action fails its step exactly when this is not 0). */
export function exitCodeOf(outcome: GatedOutcome): number {
  switch (outcome.kind) {
    case 'fused':
      return ExitCode.Blocked;
    case 'fuse-unreadable':
      return ExitCode.Inconclusive;
    case 'interrupted':
      return 130;
    case 'judged':
      return outcome.fuseError ? outcome.fuseError.exitCode : outcome.report.exitCode;
  }
}

// Staged promotion: the GitHub strategy.matrix of wave N, given the fuse state. Pure.
import { UsageError } from '../model/errors.ts';
import type { Cell } from './cell.ts';
import { checkCell, staleRunning, type FuseState, type OwnerAlive } from './rules.ts';
import type { Stages, Wave } from './stages.ts';

/** One `include` entry: the cell's dimensions as matrix variables, plus `cell` (its id, for the Action's `cell` input). */
export type MatrixEntry = Record<string, string> & { cell: string };

export interface LeftOut {
  cell: string;
  message: string;
}

export type WavePlan =
  | { kind: 'ready'; wave: Wave; matrix: { include: MatrixEntry[] }; leftOut: LeftOut[] }
  | { kind: 'held'; wave: Wave; previous: Wave; waiting: LeftOut[]; message: string };

export function matrixEntry(cell: Cell): MatrixEntry {
  return { ...(cell.dims as Record<string, string>), cell: cell.id };
}

/** The moment a plan is made, and (on the machine that wrote them) whether running records' processes still run. */
export interface Staleness {
  now: number;
  ownerAlive?: OwnerAlive;
}

/** How a cell of the previous wave stands: settled (passed, or stopped by the fuse) or holding the rollout. */
function holdReason(state: FuseState, cell: Cell, staleness: Staleness): string | null {
  if (checkCell(state, cell).fused) return null;
  const latest = state.cells.get(cell.id)?.latest;
  if (!latest) return 'has not reported a result yet (still running, skipped, or run without --fuse on)';
  switch (latest.state) {
    case 'pass':
      return null;
    case 'running': {
      // A gate that died without settling its record (SIGKILL, a vanished runner) would hold the wave
      // forever as "still running": past its bound it counts as inconclusive, with why.
      const stale = staleRunning(latest, staleness.now, staleness.ownerAlive);
      return stale
        ? `was left running and counts as inconclusive: ${stale}; re-run it`
        : 'is still running (or its job was cancelled: re-run it)';
    }
    case 'inconclusive':
      return `was inconclusive (${latest.reason}); re-run it`;
    case 'reset':
      return `was reset (${latest.reason}) and has not run again since`;
    case 'blocked':
      return null; // unreachable: a blocked cell is fused
  }
}

/**
 * Wave `n` (1-based) as a matrix, leaving out fused cells; held when a cell of wave n-1 neither passed nor is
 * stopped by the fuse (a fused cell is settled: the fuse is doing its job, and the other cells go on). A
 * cell left running by a gate that is gone (staleRunning) holds it as an inconclusive cell does, saying so.
 */
export function planWave(
  stages: Stages,
  n: number,
  state: FuseState,
  staleness: Staleness = { now: Date.now() },
): WavePlan {
  if (!Number.isInteger(n) || n < 1 || n > stages.waves.length) {
    const names = stages.waves.map((w) => `${w.index} (${w.name})`).join(', ');
    throw new UsageError(
      `--stage ${n}: ${stages.file} has ${stages.waves.length} wave${stages.waves.length === 1 ? '' : 's'}: ${names}; give one of those numbers.`,
    );
  }
  const wave = stages.waves[n - 1];
  if (n > 1) {
    const previous = stages.waves[n - 2];
    const waiting = previous.cells.flatMap((cell) => {
      const why = holdReason(state, cell, staleness);
      return why === null ? [] : [{ cell: cell.id, message: `${cell.id} ${why}` }];
    });
    if (waiting.length > 0) {
      const shown = waiting
        .slice(0, 5)
        .map((w) => w.message)
        .join('; ');
      return {
        kind: 'held',
        wave,
        previous,
        waiting,
        message: `wave ${n} (${wave.name}) is not promoted: wave ${previous.index} (${previous.name}) is not fully passed: ${waiting.length} of ${previous.cells.length} cells unsettled: ${shown}${waiting.length > 5 ? `; and ${waiting.length - 5} more` : ''}.`,
      };
    }
  }
  const include: MatrixEntry[] = [];
  const leftOut: LeftOut[] = [];
  for (const cell of wave.cells) {
    const check = checkCell(state, cell);
    if (check.fused) leftOut.push({ cell: cell.id, message: check.message });
    else include.push(matrixEntry(cell));
  }
  return { kind: 'ready', wave, matrix: { include }, leftOut };
}

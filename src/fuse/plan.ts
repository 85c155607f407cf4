// Staged promotion: the GitHub strategy.matrix of wave N, given the fuse state. Pure.
import { UsageError } from '../model/errors.ts';
import type { Cell } from './cell.ts';
import { checkCell, type FuseState } from './rules.ts';
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

/** How a cell of the previous wave stands: settled (passed, or stopped by the fuse) or holding the rollout. */
function holdReason(state: FuseState, cell: Cell): string | null {
  if (checkCell(state, cell).fused) return null;
  const latest = state.cells.get(cell.id)?.latest;
  if (!latest) return 'has not reported a result yet (still running, skipped, or run without --fuse on)';
  switch (latest.state) {
    case 'pass':
      return null;
    case 'running':
      return 'is still running (or its job was cancelled: re-run it)';
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
 * stopped by the fuse (a fused cell is settled: the fuse is doing its job, and the other cells go on).
 */
export function planWave(stages: Stages, n: number, state: FuseState): WavePlan {
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
      const why = holdReason(state, cell);
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

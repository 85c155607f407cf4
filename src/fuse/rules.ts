// Pure fuse logic: fold records into state, the dimension trip rule, and the check. No I/O.
import { Defaults } from '../model/constants.ts';
import { UsageError } from '../model/errors.ts';
import {
  DIMENSIONS,
  cellDimensionValues,
  cellHas,
  dimKey,
  parseCell,
  type Cell,
  type Dimension,
  type DimensionValue,
} from './cell.ts';
import type { CellRecord, CellState, DimRecord, FuseRecord, RecordOwner } from './types.ts';

/** The dimension rule's default: see parseThreshold. */
export const DEFAULT_DIMENSION_THRESHOLD: string = Defaults.fuseDimensionThreshold;

/**
 * When a dimension value trips: at least `minCells` of its finished cells were blocked, and (when `share` is set)
 * the blocked ones are at least (`strict`: more than) that share of its finished cells.
 */
export interface Threshold {
  minCells: number;
  share: number | null;
  strict: boolean;
  text: string;
}

/**
 * "2" (two blocked cells), "50%" (half of the value's finished cells), ">50%" (more than half), or both
 * joined by a comma: "2,>50%" (the default: one blocked cell never names a dimension, and a value shared by
 * the healthy cells as much as by the blocked ones is not the one to blame).
 */
export function parseThreshold(text: string, option = '--fuse-dimension-threshold'): Threshold {
  const fix = `write a number of cells (2), a share of the value's finished cells (50% or >50%), or both ("2,>50%"); the default is "${DEFAULT_DIMENSION_THRESHOLD}"`;
  const parts = text.split(',').map((p) => p.trim());
  let minCells: number | null = null;
  let share: number | null = null;
  let strict = false;
  for (const part of parts) {
    let m: RegExpExecArray | null;
    if ((m = /^(\d+)$/.exec(part))) {
      if (minCells !== null) throw new UsageError(`${option}: "${text}" gives the number of cells twice; ${fix}.`);
      minCells = Number(m[1]);
      if (minCells < 1) throw new UsageError(`${option}: "${text}": the number of cells must be at least 1; ${fix}.`);
    } else if ((m = /^(>)?\s*(\d+(?:\.\d+)?)\s*%$/.exec(part))) {
      if (share !== null) throw new UsageError(`${option}: "${text}" gives the share twice; ${fix}.`);
      share = Number(m[2]) / 100;
      strict = m[1] === '>';
      if (share <= 0 || share > 1 || (strict && share >= 1))
        throw new UsageError(`${option}: "${part}" is not a share between 0% and 100%; ${fix}.`);
    } else {
      throw new UsageError(`${option}: "${text}" is not a threshold; ${fix}.`);
    }
  }
  return { minCells: minCells ?? 1, share, strict, text: parts.join(',') };
}

export interface CellStatus {
  cell: Cell;
  latest: CellRecord;
}

export interface DimStatus extends DimensionValue {
  latest: DimRecord;
  /** Order of the latest reset of this value: results older than it no longer count toward the rule. */
  resetOrder: number;
}

export interface FuseState {
  cells: Map<string, CellStatus>;
  /** Keyed by "dim=value". */
  dims: Map<string, DimStatus>;
}

/** Latest record per target wins (records oldest first, as stores return them). */
export function foldRecords(records: readonly FuseRecord[]): FuseState {
  const sorted = [...records].sort((a, b) => a.order - b.order);
  const cells = new Map<string, CellStatus>();
  const dims = new Map<string, DimStatus>();
  for (const record of sorted) {
    if (record.kind === 'cell') {
      let cell: Cell;
      try {
        cell = parseCell(record.cell, 'a fuse record');
      } catch {
        continue; // written by something else, or a future version: not ours to judge
      }
      cells.set(cell.id, { cell, latest: { ...record, cell: cell.id } });
    } else {
      const key = dimKey(record);
      const previous = dims.get(key);
      const resetOrder = record.state === 'reset' ? record.order : (previous?.resetOrder ?? -Infinity);
      dims.set(key, { dim: record.dim, value: record.value, latest: record, resetOrder });
    }
  }
  return { cells, dims };
}

const FINISHED: readonly CellState[] = ['pass', 'blocked', 'inconclusive'];

export const isTripped = (s: CellStatus | DimStatus | undefined): boolean =>
  s !== undefined && (s.latest.kind === 'cell' ? s.latest.state === 'blocked' : s.latest.state === 'tripped');

/** A dimension value the rule says should trip now, with the cells that make it. */
export interface DimensionTrip extends DimensionValue {
  /** Blocked cells with this value, oldest result first. */
  blocked: string[];
  finished: number;
  reason: string;
}

export interface DimensionTally extends DimensionValue {
  blocked: string[];
  finished: number;
  /** Cells whose gate started and has not reported yet. */
  running: number;
}

/** The deadline a gate writes into its running record's reason ("gate started; running until ISO"). */
export function runningReason(until: Date): string {
  return `gate started; running until ${until.toISOString()}`;
}

/** Whether the process of a running record still runs: true, false, or null when this reader cannot tell (another machine or pid namespace). */
export type OwnerAlive = (owner: RecordOwner) => boolean | null;

/**
 * How long a `running` record without a deadline (a fleet cell, an older memgate) may stay running before it
 * is taken as stale. No gate runs that long: --duration, --warm-up and --ready-timeout are each at most 24 h
 * and fleet cells are judged in minutes; GitHub-hosted jobs end at 6 h.
 */
export const UNDATED_RUNNING_STALE_MS = 24 * 3_600_000;

/**
 * Why a `running` record is stale (its gate cannot still be running), or null while it may be. Stale when:
 * - its process is gone: the record names its owner (pid, host, boot) and `ownerAlive` (a reader on that
 *   machine) says the process no longer runs;
 * - it is past the deadline it wrote into its reason (start + ready timeout + warm-up + window + hang grace
 *   + stop timeout + 5 minutes; the run's own hang timeout aborts it well before that);
 * - it wrote no readable deadline and started more than UNDATED_RUNNING_STALE_MS ago.
 * Gates that end in any way memgate sees settle their record (inconclusive with the reason); a stale one is
 * a gate that was SIGKILLed or whose runner vanished. Stale cells count neither as running nor as finished
 * (they no longer hold a dimension value's share below its threshold), and a wave waiting on one is told
 * that it counts as inconclusive and must be re-run.
 */
export function staleRunning(record: CellRecord, now: number, ownerAlive?: OwnerAlive): string | null {
  if (record.state !== 'running') return null;
  const owner = record.owner;
  if (owner && ownerAlive?.(owner) === false)
    return `its gate (pid ${owner.pid} on ${owner.host}) is no longer running and left no result`;
  const until = /\buntil (\d{4}-\d\d-\d\dT[\d:.]+Z)\b/.exec(record.reason)?.[1];
  const deadline = until === undefined ? NaN : Date.parse(until);
  if (Number.isFinite(deadline))
    return now > deadline ? `its gate started at ${record.at} and was due to end by ${until}; no result since` : null;
  const started = Date.parse(record.at);
  if (Number.isFinite(started) && now > started + UNDATED_RUNNING_STALE_MS)
    return `its gate started at ${record.at}, more than ${UNDATED_RUNNING_STALE_MS / 3_600_000} h ago, with no deadline; no result since`;
  return null;
}

export function isStaleRunning(record: CellRecord, now: number, ownerAlive?: OwnerAlive): boolean {
  return staleRunning(record, now, ownerAlive) !== null;
}

/**
 * Blocked, finished and running cells per dimension value, counting only records newer than the value's last
 * reset. Running cells matter for shares: a cell that blocks while its siblings are still running must not
 * look like 100% of its values (they count as not blocked until they report). Stale running cells
 * (staleRunning at `now`, with `ownerAlive` when the reader can check processes) are not counted at all.
 */
export function tallyDimensions(state: FuseState, now: number = Date.now(), ownerAlive?: OwnerAlive): DimensionTally[] {
  const tallies = new Map<string, DimensionTally>();
  const counted = [...state.cells.values()]
    .filter(
      (c) =>
        FINISHED.includes(c.latest.state) ||
        (c.latest.state === 'running' && !isStaleRunning(c.latest, now, ownerAlive)),
    )
    .sort((a, b) => a.latest.order - b.latest.order);
  for (const { cell, latest } of counted) {
    for (const dv of cellDimensionValues(cell)) {
      const key = dimKey(dv);
      if (latest.order <= (state.dims.get(key)?.resetOrder ?? -Infinity)) continue;
      const t = tallies.get(key) ?? { ...dv, blocked: [], finished: 0, running: 0 };
      if (latest.state === 'running') t.running += 1;
      else t.finished += 1;
      if (latest.state === 'blocked') t.blocked.push(cell.id);
      tallies.set(key, t);
    }
  }
  const rank = (d: Dimension) => DIMENSIONS.indexOf(d);
  return [...tallies.values()].sort((a, b) => rank(a.dim) - rank(b.dim) || a.value.localeCompare(b.value));
}

/** `counted`: the value's finished cells plus those still running (which count as not blocked). */
export function meetsThreshold(blocked: number, counted: number, threshold: Threshold): boolean {
  if (blocked < threshold.minCells || blocked === 0) return false;
  if (threshold.share === null) return true;
  const share = blocked / counted;
  return threshold.strict ? share > threshold.share + 1e-12 : share >= threshold.share - 1e-12;
}

/** Dimension values that are not tripped yet and that the rule now trips. */
export function dimensionTrips(
  state: FuseState,
  threshold: Threshold,
  now: number = Date.now(),
  ownerAlive?: OwnerAlive,
): DimensionTrip[] {
  return tallyDimensions(state, now, ownerAlive)
    .filter(
      (t) =>
        !isTripped(state.dims.get(dimKey(t))) && meetsThreshold(t.blocked.length, t.finished + t.running, threshold),
    )
    .map((t) => ({
      ...t,
      reason: `${t.blocked.length} of ${t.finished} finished ${dimKey(t)} cells blocked${t.running ? `, ${t.running} still running` : ''} (rule ${threshold.text})`,
    }));
}

export type CheckResult =
  | { fused: false; cell: Cell }
  | {
      fused: true;
      cell: Cell;
      /** What is tripped: the cell itself or one of its dimension values. */
      target: { kind: 'cell'; cell: string } | ({ kind: 'dim' } & DimensionValue);
      reason: string;
      /** The cell(s) whose block tripped it. */
      trippedBy: string[];
      /** One line for the log: what, why, which cell, how to reset. */
      message: string;
    };

/** Whether a cell may run: not when its own fuse or any of its dimension values is tripped. */
export function checkCell(state: FuseState, cell: Cell): CheckResult {
  const own = state.cells.get(cell.id);
  if (own && isTripped(own)) {
    const r = own.latest;
    return {
      fused: true,
      cell,
      target: { kind: 'cell', cell: cell.id },
      reason: r.reason,
      trippedBy: [cell.id],
      message: `cell ${cell.id} is fused: its gate blocked at ${r.at} (${r.reason}); after a fix, reset it with: memgate fuse reset --cell "${cell.id}" --reason "..."`,
    };
  }
  for (const dv of cellDimensionValues(cell)) {
    const status = state.dims.get(dimKey(dv));
    if (!status || !isTripped(status)) continue;
    const trippedBy = causingCells(state, dv);
    const first = trippedBy[0];
    return {
      fused: true,
      cell,
      target: { kind: 'dim', ...dv },
      reason: status.latest.reason,
      trippedBy,
      message: `cell ${cell.id} is fused: ${dimKey(dv)} tripped at ${status.latest.at} (${status.latest.reason})${first ? `, first by cell ${first}` : ''}${trippedBy.length > 1 ? ` (all: ${trippedBy.join('; ')})` : ''}; reset with: memgate fuse reset --dimension ${dimKey(dv)} --reason "..."`,
    };
  }
  return { fused: false, cell };
}

/** The cells that made a dimension value trip: those its trip record names, else the blocked cells that share it. */
export function causingCells(state: FuseState, dv: DimensionValue): string[] {
  const status = state.dims.get(dimKey(dv));
  const named = status?.latest.state === 'tripped' ? status.latest.cells : [];
  const blocked = [...state.cells.values()]
    .filter(
      (c) => c.latest.state === 'blocked' && cellHas(c.cell, dv) && c.latest.order > (status?.resetOrder ?? -Infinity),
    )
    .sort((a, b) => a.latest.order - b.latest.order)
    .map((c) => c.cell.id);
  return [...new Set([...named, ...blocked])];
}

/** The fuse-state value of a gate verdict. */
export function cellStateOf(verdict: string): CellState {
  if (verdict === 'fail') return 'blocked';
  if (verdict === 'pass' || verdict === 'warn') return 'pass';
  return 'inconclusive';
}

// The fuse's records and the store interface. A store holds records; the state is their fold.
import type { Dimension } from './cell.ts';

/**
 * What a cell's latest record says: its gate is running, its gate's result, or that someone reset it.
 * `blocked` means its own fuse is tripped.
 */
export type CellState = 'running' | 'pass' | 'blocked' | 'inconclusive' | 'reset';
/** A dimension value's fuse: tripped, or reset by someone (with a reason). */
export type DimState = 'tripped' | 'reset';

interface RecordBase {
  /** One line: why (the gate's first reason, the rule that tripped, the reset's reason). */
  reason: string;
  /** ISO time the record was made. */
  at: string;
  /** Who made it (GITHUB_ACTOR, the user), when known. */
  by?: string;
  /** Link to the run that made it, when known. */
  url?: string;
  /** Position in the store: later records have larger numbers. Assigned by the store. */
  order: number;
}

/**
 * The process that wrote a `running` record (the directory store keeps it; GitHub statuses have no room),
 * so that a reader on the same machine can tell that the gate is gone without waiting for its deadline.
 */
export interface RecordOwner {
  /** os.hostname(), for people reading the record. */
  host: string;
  /** The kernel's boot id and the pid namespace: a pid names the same process only where both match. */
  boot: string;
  pid: number;
  /** The process's start (clock ticks after boot, /proc/PID/stat field 22): a reused pid has another. */
  start?: number;
}

export interface CellRecord extends RecordBase {
  kind: 'cell';
  /** Canonical cell id. */
  cell: string;
  state: CellState;
  /** On `running` records: the gate's process, when the store keeps it. */
  owner?: RecordOwner;
}

export interface DimRecord extends RecordBase {
  kind: 'dim';
  dim: Dimension;
  value: string;
  state: DimState;
  /** For a trip: the blocked cells that made the value trip (may be abridged by a store with little room). */
  cells: string[];
}

export type FuseRecord = CellRecord | DimRecord;
export type NewFuseRecord = Omit<CellRecord, 'order'> | Omit<DimRecord, 'order'>;

/** Names one rollout: fuses of different scopes never see each other. */
export interface FuseScope {
  /** The full key, e.g. "<sha>/<workflow>" by default, or the --fuse-scope text. */
  key: string;
  /** The part a GitHub status context carries (the commit is already the status's own): the workflow, or the --fuse-scope text. */
  label: string;
  explicit: boolean;
}

/** Where fuse records live. Implementations: a directory (CLI, self-hosted) and GitHub commit statuses (Actions). */
export interface FuseStore {
  readonly kind: 'dir' | 'github';
  /** Human description of the place, for messages. */
  readonly where: string;
  readonly scope: FuseScope;
  /** Records enough to fold the current state (at least the latest per target), oldest first. */
  read(): Promise<FuseRecord[]>;
  /** Every record ever made in this scope, oldest first. */
  history(): Promise<FuseRecord[]>;
  /** Adds one record; safe when many jobs append at the same moment. Returns it with its order. */
  append(record: NewFuseRecord): Promise<FuseRecord>;
}

// `memgate fuse status`: the fuse as a table or JSON. Pure.
import { DIMENSIONS, dimKey } from './cell.ts';
import { causingCells, checkCell, isTripped, staleRunning, tallyDimensions, type FuseState } from './rules.ts';
import type { Staleness } from './plan.ts';
import type { FuseRecord, FuseScope } from './types.ts';
import { neutraliseLine } from '../report/escape-commands.ts';

export interface StatusView {
  schema: 'memgate/fuse-status@1';
  scope: string;
  store: string;
  dimensions: {
    dimension: string;
    value: string;
    fuse: 'tripped' | 'reset' | 'ok';
    /** Blocked cells counted by the rule (since the value's last reset). */
    blocked: string[];
    finished: number;
    running: number;
    reason: string | null;
    at: string | null;
    by: string | null;
    /** For a tripped value: the cells that caused it. */
    causedBy: string[];
  }[];
  cells: {
    cell: string;
    state: string;
    /** Whether `fuse check` stops this cell (its own fuse, or one of its values). */
    fused: boolean;
    fusedBy: string | null;
    reason: string;
    /** For a running cell whose gate is gone (rules.ts staleRunning): why; it counts as inconclusive. */
    stale: string | null;
    at: string;
    by: string | null;
    url: string | null;
  }[];
  history?: FuseRecord[];
}

export function statusView(
  state: FuseState,
  scope: FuseScope,
  where: string,
  history?: FuseRecord[],
  staleness: Staleness = { now: Date.now() },
): StatusView {
  const tallies = new Map(tallyDimensions(state, staleness.now, staleness.ownerAlive).map((t) => [dimKey(t), t]));
  const keys = new Set([...tallies.keys(), ...state.dims.keys()]);
  const rank = (key: string) => DIMENSIONS.indexOf(key.slice(0, key.indexOf('=')) as (typeof DIMENSIONS)[number]);
  const dimensions = [...keys]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((key) => {
      const status = state.dims.get(key);
      const tally = tallies.get(key);
      const eq = key.indexOf('=');
      const dv = { dim: key.slice(0, eq) as (typeof DIMENSIONS)[number], value: key.slice(eq + 1) };
      const tripped = isTripped(status);
      return {
        dimension: dv.dim,
        value: dv.value,
        fuse: tripped ? ('tripped' as const) : status ? ('reset' as const) : ('ok' as const),
        blocked: tally?.blocked ?? [],
        finished: tally?.finished ?? 0,
        running: tally?.running ?? 0,
        reason: status?.latest.reason ?? null,
        at: status?.latest.at ?? null,
        by: status?.latest.by ?? null,
        causedBy: tripped ? causingCells(state, dv) : [],
      };
    });
  const cells = [...state.cells.values()]
    .sort((a, b) => a.cell.id.localeCompare(b.cell.id))
    .map(({ cell, latest }) => {
      const check = checkCell(state, cell);
      return {
        cell: cell.id,
        state: latest.state,
        fused: check.fused,
        fusedBy: check.fused ? (check.target.kind === 'cell' ? 'cell' : dimKey(check.target)) : null,
        reason: latest.reason,
        stale: staleRunning(latest, staleness.now, staleness.ownerAlive),
        at: latest.at,
        by: latest.by ?? null,
        url: latest.url ?? null,
      };
    });
  return {
    schema: 'memgate/fuse-status@1',
    scope: scope.key,
    store: where,
    dimensions,
    cells,
    ...(history ? { history } : {}),
  };
}

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map(
    (r) =>
      '  ' +
      r
        .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c])))
        .join('  ')
        .trimEnd(),
  );
}

export function renderStatus(view: StatusView): string {
  const lines = [`fuse scope ${view.scope}`, `store: ${view.store}`];
  if (view.dimensions.length === 0 && view.cells.length === 0) {
    lines.push('', 'nothing recorded yet: no cell has run with the fuse on in this scope.');
    return lines.map(neutraliseLine).join('\n');
  }
  const tripped =
    view.dimensions.filter((d) => d.fuse === 'tripped').length + view.cells.filter((c) => c.state === 'blocked').length;
  lines.push(tripped ? `${tripped} fuse${tripped === 1 ? '' : 's'} tripped` : 'no fuse tripped');
  lines.push('', 'dimension values:');
  lines.push(
    ...table([
      ['VALUE', 'FUSE', 'BLOCKED/FINISHED', 'SINCE', 'REASON'],
      ...view.dimensions.map((d) => [
        `${d.dimension}=${d.value}`,
        d.fuse,
        `${d.blocked.length}/${d.finished}${d.running ? ` +${d.running} running` : ''}`,
        d.at ?? '',
        d.reason === null
          ? ''
          : `${d.fuse === 'reset' ? `reset${d.by ? ` by ${d.by}` : ''}: ` : ''}${d.reason}${d.causedBy.length ? ` (caused by ${d.causedBy.join('; ')})` : ''}`,
      ]),
    ]),
  );
  lines.push('', 'cells:');
  lines.push(
    ...table([
      ['CELL', 'STATE', 'RUNS?', 'SINCE', 'REASON'],
      ...view.cells.map((c) => [
        c.cell,
        c.stale ? 'running (stale)' : c.state,
        c.fused ? `no (${c.fusedBy === 'cell' ? 'own fuse' : c.fusedBy})` : 'yes',
        c.at,
        `${c.state === 'reset' && c.by ? `by ${c.by}: ` : ''}${c.reason}${c.stale ? `; stale, counts as inconclusive: ${c.stale}` : ''}`,
      ]),
    ]),
  );
  if (view.history) {
    lines.push('', 'history (oldest first):');
    for (const r of view.history) {
      const target = r.kind === 'cell' ? `cell ${r.cell}` : dimKey(r);
      lines.push(`  ${r.at}  ${target}  ${r.state}${r.by ? ` by ${r.by}` : ''}: ${r.reason}`);
    }
  }
  // Cell ids and reasons come from the store, which pull requests' jobs write: one inert line each.
  return lines.map(neutraliseLine).join('\n');
}

// The fuse's decisions, pinned one by one (issue 14: mutants of these rules survived the older tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../src/model/errors.ts';
import {
  causingCells,
  cellStateOf,
  checkCell,
  dimensionTrips,
  foldRecords,
  isTripped,
  meetsThreshold,
  parseThreshold,
  tallyDimensions,
  type Threshold,
} from '../src/fuse/rules.ts';
import { parseCell } from '../src/fuse/cell.ts';
import type { CellState, FuseRecord } from '../src/fuse/types.ts';

let order = 0;
const cellRec = (cell: string, state: CellState, at = `t${order + 1}`): FuseRecord => ({
  kind: 'cell',
  cell,
  state,
  reason: `${state} ${cell}`,
  at,
  order: ++order,
});
const dimRec = (
  dim: 'region' | 'isp' | 'os' | 'arch',
  value: string,
  state: 'tripped' | 'reset',
  cells: string[] = [],
  reason = `${state} by rule`,
): FuseRecord => ({
  kind: 'dim',
  dim,
  value,
  state,
  cells,
  reason,
  at: `t${order + 1}`,
  order: ++order,
});

const A1 = 'region=a,arch=arm64';
const A2 = 'region=b,arch=arm64';
const A3 = 'region=c,arch=arm64';
const X1 = 'region=a,arch=amd64';

const usage = (fn: () => unknown, message: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof UsageError && message.test(e.message), String(message));

test('parseThreshold: each way to get it wrong names the option, the text and the fix', () => {
  const fix =
    /write a number of cells \(2\), a share of the value's finished cells \(50% or >50%\), or both \("2,>50%"\); the default is "2,>50%"\.$/;
  usage(() => parseThreshold('2,3'), /^--fuse-dimension-threshold: "2,3" gives the number of cells twice; /);
  usage(() => parseThreshold('0'), /^--fuse-dimension-threshold: "0": the number of cells must be at least 1; /);
  usage(() => parseThreshold('50%,60%'), /^--fuse-dimension-threshold: "50%,60%" gives the share twice; /);
  usage(() => parseThreshold('150%'), /^--fuse-dimension-threshold: "150%" is not a share between 0% and 100%; /);
  usage(() => parseThreshold('two'), /^--fuse-dimension-threshold: "two" is not a threshold; /);
  for (const bad of ['2,3', '0', '50%,60%', '150%', 'two']) usage(() => parseThreshold(bad), fix);
  usage(
    () => parseThreshold('x', 'input fuse-dimension-threshold'),
    /^input fuse-dimension-threshold: "x" is not a threshold/,
  );
});

test('parseThreshold: the exact grammar (anchored, multi-digit, decimals, spaces inside a share)', () => {
  assert.equal(parseThreshold('12').minCells, 12);
  for (const bad of ['x2', '2x', 'x50%', '50%x', '50', '%50', '50.%', '0%', '0.0%', '>100%', '101%']) {
    if (bad === '50') continue; // a bare number is a count of cells
    assert.throws(() => parseThreshold(bad), UsageError, bad);
  }
  assert.deepEqual(parseThreshold('12.55%'), { minCells: 1, share: 0.1255, strict: false, text: '12.55%' });
  assert.equal(parseThreshold('12.5%').share, 0.125);
  assert.deepEqual(parseThreshold('> 50 %'), { minCells: 1, share: 0.5, strict: true, text: '> 50 %' });
  assert.deepEqual(
    parseThreshold('100%'),
    { minCells: 1, share: 1, strict: false, text: '100%' },
    'every finished cell blocked is a valid rule',
  );
  assert.deepEqual(parseThreshold('>99.5%'), { minCells: 1, share: 0.995, strict: true, text: '>99.5%' });
  assert.equal(parseThreshold('0.5%').share, 0.005, 'any share above 0% is allowed');
});

test('meetsThreshold: counts, shares, strictness and the float slack', () => {
  const rule = (t: string) => parseThreshold(t);
  assert.equal(
    meetsThreshold(0, 3, { minCells: 0, share: null, strict: false, text: '0' }),
    false,
    'no blocked cell never trips, whatever the rule',
  );
  assert.equal(meetsThreshold(0, 0, { minCells: 0, share: 0.5, strict: false, text: '0,50%' }), false);
  assert.equal(meetsThreshold(1, 3, rule('2')), false);
  assert.equal(meetsThreshold(2, 3, rule('2')), true);
  assert.equal(meetsThreshold(1, 3, rule('50%')), false, 'a third is under half');
  assert.equal(meetsThreshold(1, 2, rule('50%')), true, 'half is at least half');
  assert.equal(meetsThreshold(1, 2, rule('>50%')), false, 'half is not more than half');
  assert.equal(meetsThreshold(2, 3, rule('>50%')), true);
  assert.equal(meetsThreshold(1, 3, rule('33.333333333333336%')), true, '1/3 meets a share that is 1/3 up to rounding');
  assert.equal(meetsThreshold(1, 3, rule('>33.333333333333336%')), false, '1/3 is not more than 1/3 up to rounding');
  assert.equal(meetsThreshold(7, 10, rule('70%')), true, '7/10 is 0.7 although 7/10 !== 0.7 in binary');
  assert.equal(meetsThreshold(3, 10, rule('>30%')), false);
  assert.equal(meetsThreshold(2, 2, rule('2,>50%')), true);
  assert.equal(meetsThreshold(5, 11, rule('2,>50%')), false);
});

test('foldRecords: the latest record per target wins, whatever order the store returned them in', () => {
  order = 0;
  const first = cellRec(A1, 'blocked');
  const second = cellRec(A1, 'reset');
  const trip = dimRec('arch', 'arm64', 'tripped', [A1]);
  const reset = dimRec('arch', 'arm64', 'reset');
  const state = foldRecords([reset, second, trip, first]);
  assert.equal(state.cells.get(A1)?.latest.state, 'reset');
  assert.equal(state.dims.get('arch=arm64')?.latest.state, 'reset');
  assert.equal(state.dims.get('arch=arm64')?.resetOrder, reset.order);
  const tripped = foldRecords([trip, first]);
  assert.equal(tripped.dims.get('arch=arm64')?.resetOrder, -Infinity, 'never reset: every result counts');
  const retripped = foldRecords([first, trip, reset, dimRec('arch', 'arm64', 'tripped', [A2])]);
  assert.equal(
    retripped.dims.get('arch=arm64')?.resetOrder,
    reset.order,
    'a trip after a reset keeps the reset as the start of what counts',
  );
  assert.equal(retripped.dims.get('arch=arm64')?.latest.state, 'tripped');
});

test('foldRecords: a record with a cell id this version cannot read is skipped, the rest still folds', () => {
  order = 0;
  const state = foldRecords([
    { kind: 'cell', cell: 'gpu=a100', state: 'blocked', reason: 'x', at: '', order: ++order },
    cellRec(' ARCH=arm64 ', 'blocked'),
  ]);
  assert.deepEqual([...state.cells.keys()], ['arch=arm64']);
  assert.equal(state.cells.get('arch=arm64')?.latest.cell, 'arch=arm64', 'the record is kept under its canonical id');
});

test('isTripped: a blocked cell, a tripped value; nothing else', () => {
  order = 0;
  const state = foldRecords([
    cellRec(A1, 'blocked'),
    cellRec(A2, 'pass'),
    cellRec(A3, 'inconclusive'),
    cellRec(X1, 'reset'),
    dimRec('arch', 'arm64', 'tripped'),
    dimRec('region', 'a', 'reset'),
  ]);
  assert.equal(isTripped(undefined), false);
  assert.equal(isTripped(state.cells.get(A1)), true);
  assert.equal(isTripped(state.cells.get(A2)), false);
  assert.equal(isTripped(state.cells.get(A3)), false);
  assert.equal(isTripped(state.cells.get(X1)), false);
  assert.equal(isTripped(state.dims.get('arch=arm64')), true);
  assert.equal(isTripped(state.dims.get('region=a')), false);
});

test('tallyDimensions: running, finished and blocked per value; reset cells and results before a value reset do not count', () => {
  order = 0;
  const records = [
    cellRec(A1, 'blocked'),
    dimRec('arch', 'arm64', 'reset'),
    cellRec(A2, 'blocked'),
    cellRec(A3, 'running'),
    cellRec(X1, 'pass'),
    cellRec('region=c,arch=amd64', 'reset'),
    cellRec('region=d,arch=amd64', 'inconclusive'),
  ];
  const tallies = tallyDimensions(foldRecords(records));
  const byKey = Object.fromEntries(
    tallies.map((t) => [`${t.dim}=${t.value}`, { blocked: t.blocked, finished: t.finished, running: t.running }]),
  );
  assert.deepEqual(byKey, {
    'region=a': { blocked: [A1], finished: 2, running: 0 },
    'region=b': { blocked: [A2], finished: 1, running: 0 },
    'region=c': { blocked: [], finished: 0, running: 1 },
    'region=d': { blocked: [], finished: 1, running: 0 },
    'arch=amd64': { blocked: [], finished: 2, running: 0 },
    'arch=arm64': { blocked: [A2], finished: 1, running: 1 },
  });
  assert.deepEqual(
    tallies.map((t) => `${t.dim}=${t.value}`),
    ['region=a', 'region=b', 'region=c', 'region=d', 'arch=amd64', 'arch=arm64'],
    'dimensions in their canonical order, values alphabetical',
  );
});

test('tallyDimensions: blocked cells are listed oldest result first', () => {
  order = 0;
  const late = cellRec('region=z,arch=arm64', 'running');
  const early = cellRec('region=a,arch=arm64', 'running');
  const records = [
    late,
    early,
    { ...cellRec('region=a,arch=arm64', 'blocked') },
    { ...cellRec('region=z,arch=arm64', 'blocked') },
  ];
  // the store handed them back in reverse
  const [t] = tallyDimensions(foldRecords(records.reverse())).filter((x) => x.dim === 'arch');
  assert.deepEqual(t.blocked, ['region=a,arch=arm64', 'region=z,arch=arm64']);
  order = 0;
  const [u] = tallyDimensions(
    foldRecords([cellRec('region=z,arch=arm64', 'blocked'), cellRec('region=a,arch=arm64', 'blocked')]),
  ).filter((x) => x.dim === 'arch');
  assert.deepEqual(u.blocked, ['region=z,arch=arm64', 'region=a,arch=arm64'], 'by result order, not by name');
});

test('dimensionTrips: running cells count against the share; tripped values are not tripped again; the reason says it all', () => {
  order = 0;
  const rule = parseThreshold('>50%');
  const first = foldRecords([cellRec(A1, 'blocked'), cellRec(A2, 'running')]);
  assert.deepEqual(
    dimensionTrips(first, rule).map((t) => `${t.dim}=${t.value}`),
    ['region=a'],
    'a cell that blocks while its sibling runs is 1 of 2 for arm64, not 1 of 1',
  );
  const trips = dimensionTrips(
    foldRecords([cellRec(A1, 'blocked'), cellRec(A2, 'blocked'), cellRec(A3, 'running')]),
    parseThreshold('2,>50%'),
  );
  const arm = trips.find((t) => t.dim === 'arch');
  assert.ok(arm);
  assert.deepEqual([arm.blocked, arm.finished], [[A1, A2], 2]);
  assert.equal(arm.reason, '2 of 2 finished arch=arm64 cells blocked, 1 still running (rule 2,>50%)');
  const noneRunning = dimensionTrips(
    foldRecords([cellRec(A1, 'blocked'), cellRec(A2, 'blocked')]),
    parseThreshold('2'),
  );
  assert.equal(noneRunning.find((t) => t.dim === 'arch')?.reason, '2 of 2 finished arch=arm64 cells blocked (rule 2)');
  const already = foldRecords([
    cellRec(A1, 'blocked'),
    cellRec(A2, 'blocked'),
    dimRec('arch', 'arm64', 'tripped', [A1, A2]),
  ]);
  assert.deepEqual(
    dimensionTrips(already, parseThreshold('2')).map((t) => t.dim),
    [],
    'arm64 is already tripped; regions have one blocked cell each',
  );
});

test('checkCell: its own fuse first, with the reset command', () => {
  order = 0;
  const state = foldRecords([cellRec(A1, 'blocked', '2026-12-02T10:00:00Z'), dimRec('arch', 'arm64', 'tripped', [A1])]);
  const r = checkCell(state, parseCell(A1));
  assert.equal(r.fused, true);
  if (!r.fused) return;
  assert.deepEqual(r.target, { kind: 'cell', cell: A1 });
  assert.equal(r.reason, `blocked ${A1}`);
  assert.deepEqual(r.trippedBy, [A1]);
  assert.equal(
    r.message,
    `cell ${A1} is fused: its gate blocked at 2026-12-02T10:00:00Z (blocked ${A1}); after a fix, reset it with: memgate fuse reset --cell "${A1}" --reason "..."`,
  );
});

test('checkCell: a tripped value stops a cell that shares it; a passing or unknown cell goes', () => {
  order = 0;
  const records = [
    cellRec(A1, 'blocked'),
    cellRec(A2, 'blocked'),
    dimRec('arch', 'arm64', 'tripped', [A1, A2], 'rule 2'),
    cellRec(X1, 'pass'),
  ];
  const state = foldRecords(records);
  const at = records[2].at;
  const r = checkCell(state, parseCell(A3));
  assert.equal(r.fused, true);
  if (!r.fused) return;
  assert.deepEqual(r.target, { kind: 'dim', dim: 'arch', value: 'arm64' });
  assert.equal(r.reason, 'rule 2');
  assert.deepEqual(r.trippedBy, [A1, A2]);
  assert.equal(
    r.message,
    `cell ${A3} is fused: arch=arm64 tripped at ${at} (rule 2), first by cell ${A1} (all: ${A1}; ${A2}); reset with: memgate fuse reset --dimension arch=arm64 --reason "..."`,
  );
  assert.deepEqual(checkCell(state, parseCell(X1)), { fused: false, cell: parseCell(X1) });
  assert.deepEqual(checkCell(state, parseCell('region=q,arch=amd64')), {
    fused: false,
    cell: parseCell('region=q,arch=amd64'),
  });

  order = 0;
  const one = foldRecords([cellRec(A1, 'blocked'), dimRec('arch', 'arm64', 'tripped', [A1], 'rule 1')]);
  const single = checkCell(one, parseCell(A2));
  assert.equal(
    single.fused && single.message,
    `cell ${A2} is fused: arch=arm64 tripped at t2 (rule 1), first by cell ${A1}; reset with: memgate fuse reset --dimension arch=arm64 --reason "..."`,
  );
  order = 0;
  const byHand = foldRecords([dimRec('arch', 'arm64', 'tripped', [], 'incident 4711')]);
  const manual = checkCell(byHand, parseCell(A2));
  assert.equal(
    manual.fused && manual.message,
    `cell ${A2} is fused: arch=arm64 tripped at t1 (incident 4711); reset with: memgate fuse reset --dimension arch=arm64 --reason "..."`,
  );
  assert.deepEqual(manual.fused && manual.trippedBy, []);
  order = 0;
  const reset = foldRecords([dimRec('arch', 'arm64', 'tripped'), dimRec('arch', 'arm64', 'reset')]);
  assert.equal(checkCell(reset, parseCell(A2)).fused, false, 'a reset value lets its cells run again');
});

test('causingCells: the cells the trip names, then blocked cells sharing the value since its last reset, oldest first, once each', () => {
  order = 0;
  const dv = { dim: 'arch', value: 'arm64' } as const;
  const beforeReset = cellRec(A3, 'blocked');
  const reset = dimRec('arch', 'arm64', 'reset');
  const later2 = cellRec(A2, 'blocked');
  const later1 = cellRec(A1, 'blocked');
  const other = cellRec(X1, 'blocked');
  const passed = cellRec('region=q,arch=arm64', 'pass');
  const trip = dimRec('arch', 'arm64', 'tripped', [A1]);
  const state = foldRecords([beforeReset, reset, later2, later1, other, passed, trip]);
  assert.deepEqual(
    causingCells(state, dv),
    [A1, A2],
    'named first; A3 blocked before the reset is not blamed; amd64 and passing cells never',
  );
  const noRecord = foldRecords([beforeReset, later2, later1]);
  assert.deepEqual(
    causingCells(noRecord, dv),
    [A3, A2, A1],
    'no dim record: every blocked arm64 cell, by result order',
  );
  order = 0;
  const afterReset = foldRecords([
    cellRec(A1, 'blocked'),
    dimRec('arch', 'arm64', 'tripped', [A1]),
    dimRec('arch', 'arm64', 'reset'),
    cellRec(A2, 'blocked'),
  ]);
  assert.deepEqual(
    causingCells(afterReset, dv),
    [A2],
    'a reset value names no cells from its old trip record, nor cells blocked before the reset',
  );
});

test('cellStateOf: only a block trips; a warn is a pass (it must not hold the rollout); anything else is inconclusive', () => {
  assert.equal(cellStateOf('fail'), 'blocked');
  assert.equal(cellStateOf('pass'), 'pass');
  assert.equal(cellStateOf('warn'), 'pass');
  assert.equal(cellStateOf('inconclusive'), 'inconclusive');
  assert.equal(cellStateOf('error'), 'inconclusive');
});

test('threshold type: the parsed default is what the README says', () => {
  const def: Threshold = parseThreshold('2,>50%');
  assert.deepEqual(def, { minCells: 2, share: 0.5, strict: true, text: '2,>50%' });
});

test('parseThreshold: one cell is a valid count', () => {
  assert.deepEqual(parseThreshold('1'), { minCells: 1, share: null, strict: false, text: '1' });
});

test('causingCells: ordered by the blocked result, not by when the cell first reported', () => {
  order = 0;
  const dv = { dim: 'arch', value: 'arm64' } as const;
  // A2 started first, A1 second; A1 blocked first, A2 second.
  const state = foldRecords([
    cellRec(A2, 'running'),
    cellRec(A1, 'running'),
    cellRec(A1, 'blocked'),
    cellRec(A2, 'blocked'),
  ]);
  assert.deepEqual(causingCells(state, dv), [A1, A2]);
  assert.deepEqual(tallyDimensions(state).find((t) => t.dim === 'arch')?.blocked, [A1, A2]);
});

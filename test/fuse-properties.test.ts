// Properties of the fuse (fast-check): the dimension rule is monotone, checks and plans agree with the
// state, and a stages file's waves partition its matrix. Runs are kept small: this file also runs under
// mutation testing, once per mutant it reaches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { UsageError } from '../src/model/errors.ts';
import { DIMENSIONS, cellDimensionValues, dimKey, parseCell } from '../src/fuse/cell.ts';
import {
  checkCell,
  dimensionTrips,
  foldRecords,
  isTripped,
  type FuseState,
  type Threshold,
} from '../src/fuse/rules.ts';
import { planWave } from '../src/fuse/plan.ts';
import { parseStages } from '../src/fuse/stages.ts';
import type { CellState, FuseRecord } from '../src/fuse/types.ts';

const RUNS = { numRuns: 150 };

const REGIONS = ['a', 'b', 'c'];
const ARCHES = ['x', 'y'];
const cellId = (r: number, a: number) => `region=${REGIONS[r]},arch=${ARCHES[a]}`;
const ALL_CELLS = REGIONS.flatMap((_, r) => ARCHES.map((__, a) => cellId(r, a)));

const thresholdArb: fc.Arbitrary<Threshold> = fc
  .record({
    minCells: fc.integer({ min: 1, max: 3 }),
    share: fc.option(fc.integer({ min: 1, max: 100 }), { nil: null }),
    strict: fc.boolean(),
  })
  .map(({ minCells, share, strict }) => {
    const s = share === null ? null : share / 100;
    const isStrict = s !== null && s < 1 && strict;
    return {
      minCells,
      share: s,
      strict: isStrict,
      text: `${minCells}${s === null ? '' : `,${isStrict ? '>' : ''}${share}%`}`,
    };
  });

type Event = { cell: number; state: CellState } | { dim: 'region' | 'arch'; value: number; state: 'reset' };
const eventArb: fc.Arbitrary<Event> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      cell: fc.integer({ min: 0, max: ALL_CELLS.length - 1 }),
      state: fc.constantFrom<CellState>('running', 'pass', 'blocked', 'inconclusive', 'reset'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      dim: fc.constantFrom<'region' | 'arch'>('region', 'arch'),
      value: fc.integer({ min: 0, max: 2 }),
      state: fc.constant<'reset'>('reset'),
    }),
  },
);

function toRecords(events: readonly Event[]): FuseRecord[] {
  return events.map((e, i): FuseRecord => {
    if ('cell' in e)
      return { kind: 'cell', cell: ALL_CELLS[e.cell], state: e.state, reason: e.state, at: '', order: i + 1 };
    const value = e.dim === 'region' ? REGIONS[e.value] : ARCHES[e.value % ARCHES.length];
    return { kind: 'dim', dim: e.dim, value, state: 'reset', reason: 'reset', cells: [], at: '', order: i + 1 };
  });
}

/** Values the rule trips now (records hold no trips here, so this is exactly what the rule says). */
const tripped = (state: FuseState, threshold: Threshold) => new Set(dimensionTrips(state, threshold).map(dimKey));
const subset = (a: Set<string>, b: Set<string>) => [...a].every((x) => b.has(x));

test('property: one more blocked cell never un-trips a value', () => {
  fc.assert(
    fc.property(
      fc.array(eventArb, { maxLength: 14 }),
      fc.integer({ min: 0, max: ALL_CELLS.length - 1 }),
      thresholdArb,
      (events, cell, threshold) => {
        const records = toRecords(events);
        const before = tripped(foldRecords(records), threshold);
        const latest = foldRecords(records).cells.get(ALL_CELLS[cell])?.latest.state;
        // "one more blocked cell": a cell that had not reported, was running, or was reset now reports blocked.
        fc.pre(latest === undefined || latest === 'running' || latest === 'reset');
        const after = tripped(
          foldRecords([
            ...records,
            { kind: 'cell', cell: ALL_CELLS[cell], state: 'blocked', reason: 'b', at: '', order: records.length + 1 },
          ]),
          threshold,
        );
        assert.ok(subset(before, after), `${[...before]} -> ${[...after]}`);
      },
    ),
    RUNS,
  );
});

test('property: one more passing (or running, or inconclusive) cell never trips a value', () => {
  fc.assert(
    fc.property(
      fc.array(eventArb, { maxLength: 14 }),
      fc.integer({ min: 0, max: ALL_CELLS.length - 1 }),
      fc.constantFrom<CellState>('pass', 'running', 'inconclusive'),
      thresholdArb,
      (events, cell, state, threshold) => {
        const records = toRecords(events);
        const latest = foldRecords(records).cells.get(ALL_CELLS[cell])?.latest.state;
        // a new cell, or a running one finishing without a block
        fc.pre(latest === undefined || latest === 'reset' || (latest === 'running' && state !== 'running'));
        const before = tripped(foldRecords(records), threshold);
        const after = tripped(
          foldRecords([
            ...records,
            { kind: 'cell', cell: ALL_CELLS[cell], state, reason: state, at: '', order: records.length + 1 },
          ]),
          threshold,
        );
        assert.ok(subset(after, before), `${[...before]} -> ${[...after]}`);
      },
    ),
    RUNS,
  );
});

test('property: a stricter rule never trips what a looser one leaves alone', () => {
  fc.assert(
    fc.property(
      fc.array(eventArb, { maxLength: 14 }),
      thresholdArb,
      fc.integer({ min: 0, max: 2 }),
      (events, loose, extra) => {
        const strict: Threshold = { ...loose, minCells: loose.minCells + extra };
        const state = foldRecords(toRecords(events));
        assert.ok(subset(tripped(state, strict), tripped(state, loose)));
      },
    ),
    RUNS,
  );
});

test('property: a trip names only blocked cells that share the value, and at least minCells of them', () => {
  fc.assert(
    fc.property(fc.array(eventArb, { maxLength: 14 }), thresholdArb, (events, threshold) => {
      const state = foldRecords(toRecords(events));
      for (const trip of dimensionTrips(state, threshold)) {
        assert.ok(trip.blocked.length >= threshold.minCells);
        for (const id of trip.blocked) {
          assert.equal(state.cells.get(id)?.latest.state, 'blocked');
          assert.equal(parseCell(id).dims[trip.dim], trip.value);
        }
      }
    }),
    RUNS,
  );
});

test('property: checkCell fuses a cell exactly when it or one of its values is tripped', () => {
  const tripArb = fc.array(
    fc.record({
      dim: fc.constantFrom<'region' | 'arch'>('region', 'arch'),
      value: fc.integer({ min: 0, max: 2 }),
      state: fc.constantFrom<'tripped' | 'reset'>('tripped', 'reset'),
    }),
    { maxLength: 6 },
  );
  fc.assert(
    fc.property(
      fc.array(eventArb, { maxLength: 10 }),
      tripArb,
      fc.integer({ min: 0, max: ALL_CELLS.length - 1 }),
      (events, dims, cell) => {
        const records = toRecords(events);
        const dimRecords = dims.map(
          (d, i): FuseRecord => ({
            kind: 'dim',
            dim: d.dim,
            value: d.dim === 'region' ? REGIONS[d.value] : ARCHES[d.value % 2],
            state: d.state,
            reason: d.state,
            cells: [],
            at: '',
            order: records.length + i + 1,
          }),
        );
        const state = foldRecords([...records, ...dimRecords]);
        const c = parseCell(ALL_CELLS[cell]);
        const expected =
          isTripped(state.cells.get(c.id)) ||
          cellDimensionValues(c).some((dv) => isTripped(state.dims.get(dimKey(dv))));
        assert.equal(checkCell(state, c).fused, expected);
      },
    ),
    RUNS,
  );
});

// ---- stages files and plans ----------------------------------------------------------------------------

const stagesArb = fc
  .record({
    regions: fc.integer({ min: 1, max: 3 }),
    arches: fc.integer({ min: 1, max: 2 }),
    filters: fc.array(
      fc.record({
        region: fc.option(fc.subarray([0, 1, 2], { minLength: 1 }), { nil: undefined }),
        arch: fc.option(fc.subarray([0, 1], { minLength: 1 }), { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ regions, arches, filters }) => {
    const r = REGIONS.slice(0, regions);
    const a = ARCHES.slice(0, arches);
    const waves = filters.map((f) => {
      const parts: string[] = [];
      const rs = (f.region ?? []).filter((i) => i < regions).map((i) => REGIONS[i]);
      const as = (f.arch ?? []).filter((i) => i < arches).map((i) => ARCHES[i]);
      if (rs.length) parts.push(`region: [${rs.join(', ')}]`);
      if (as.length) parts.push(`arch: [${as.join(', ')}]`);
      return `  - where: { ${parts.join(', ')} }`;
    });
    const text = `matrix:\n  region: [${r.join(', ')}]\n  arch: [${a.join(', ')}]\nwaves:\n${[...waves, '  - where: {}'].join('\n')}\n`;
    return { text, regions: r, arches: a };
  });

test('property: the waves of a valid stages file partition its matrix; an invalid one fails with FILE:LINE', () => {
  fc.assert(
    fc.property(stagesArb, ({ text, regions, arches }) => {
      let stages: ReturnType<typeof parseStages>;
      try {
        stages = parseStages(text, 's.yml');
      } catch (e) {
        assert.ok(e instanceof UsageError, String(e));
        assert.match(
          e.message,
          /^s\.yml:\d+: waves\[\d+\] \(wave \d+\)\.where matches no cell that an earlier wave has not taken/,
        );
        return;
      }
      const all = stages.waves.flatMap((w) => w.cells.map((c) => c.id));
      assert.equal(new Set(all).size, all.length, 'no cell in two waves');
      assert.deepEqual(
        new Set(all),
        new Set(regions.flatMap((r) => arches.map((a) => `region=${r},arch=${a}`))),
        'every cell in some wave',
      );
      assert.ok(stages.waves.every((w) => w.cells.length > 0));
      assert.deepEqual(
        stages.waves.map((w) => w.index),
        stages.waves.map((_, i) => i + 1),
      );
    }),
    RUNS,
  );
});

test('property: a ready plan splits its wave into matrix and left-out exactly by checkCell; a held one names what holds it', () => {
  const text = `matrix:\n  region: [a, b, c]\n  arch: [x, y]\nwaves:\n  - where: { region: [a] }\n  - where: {}\n`;
  const stages = parseStages(text, 's.yml');
  fc.assert(
    fc.property(
      fc.array(eventArb, { maxLength: 14 }),
      fc.array(
        fc.record({ dim: fc.constantFrom<'region' | 'arch'>('region', 'arch'), value: fc.integer({ min: 0, max: 2 }) }),
        { maxLength: 2 },
      ),
      (events, trips) => {
        const records = toRecords(events);
        const dimRecords = trips.map(
          (d, i): FuseRecord => ({
            kind: 'dim',
            dim: d.dim,
            value: d.dim === 'region' ? REGIONS[d.value] : ARCHES[d.value % 2],
            state: 'tripped',
            reason: 'by hand',
            cells: [],
            at: '',
            order: records.length + i + 1,
          }),
        );
        const state = foldRecords([...records, ...dimRecords]);
        const plan = planWave(stages, 2, state);
        const unsettled = stages.waves[0].cells.filter(
          (c) => !checkCell(state, c).fused && state.cells.get(c.id)?.latest.state !== 'pass',
        );
        if (unsettled.length > 0) {
          assert.equal(plan.kind, 'held');
          assert.deepEqual(
            plan.kind === 'held' && plan.waiting.map((w) => w.cell),
            unsettled.map((c) => c.id),
          );
          return;
        }
        assert.equal(plan.kind, 'ready');
        if (plan.kind !== 'ready') return;
        const fused = stages.waves[1].cells.filter((c) => checkCell(state, c).fused).map((c) => c.id);
        assert.deepEqual(
          plan.leftOut.map((l) => l.cell),
          fused,
        );
        assert.deepEqual(
          plan.matrix.include.map((e) => e.cell),
          stages.waves[1].cells.map((c) => c.id).filter((id) => !fused.includes(id)),
        );
        for (const e of plan.matrix.include) {
          for (const dim of DIMENSIONS) assert.equal(e[dim], parseCell(e.cell).dims[dim]);
        }
      },
    ),
    RUNS,
  );
});

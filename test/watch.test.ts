// Watching's schedule: looks every --duration up to the budget, each spending its share, and what the
// verdict's look may spend when no earlier look decided.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { levelsAt, levelsOfRecord, lookWindows, remainingLevels } from '../src/gate/watch.ts';
import { BLOCK_ERROR, PASS_ERROR } from '../src/judge/decision.ts';

const close = (a: number, b: number, eps = 1e-15) => assert.ok(Math.abs(a - b) <= eps, `${a} vs ${b}`);

test('lookWindows: every first-look window up to the budget, the budget last; one look when they are equal', () => {
  assert.deepEqual(
    lookWindows(30_000, 300_000),
    [30_000, 60_000, 90_000, 120_000, 150_000, 180_000, 210_000, 240_000, 270_000, 300_000],
  );
  assert.deepEqual(lookWindows(60_000, 150_000), [60_000, 120_000, 150_000]);
  assert.deepEqual(lookWindows(60_000, 60_000), [60_000]);
  assert.deepEqual(lookWindows(60_000, 60_001), [60_000, 60_001]);
});

test('levelsAt: alpha x tau^2 minus what the look before spent; the shares add up to the run error rates', () => {
  const windows = lookWindows(60_000, 300_000);
  const levels = windows.map((_, i) => levelsAt(windows, i));
  close(levels[0].block, BLOCK_ERROR * 0.04);
  close(levels[1].block, BLOCK_ERROR * (0.16 - 0.04));
  close(levels[4].pass, PASS_ERROR * (1 - 0.64));
  close(
    levels.reduce((a, l) => a + l.block, 0),
    BLOCK_ERROR,
    1e-15,
  );
  close(
    levels.reduce((a, l) => a + l.pass, 0),
    PASS_ERROR,
    1e-15,
  );
  // A fixed window spends all at its one look.
  assert.deepEqual(levelsAt([60_000], 0), { block: BLOCK_ERROR, pass: PASS_ERROR });
});

test('remainingLevels: without a deciding look the verdict spends all that the looks made left, never more', () => {
  const windows = lookWindows(60_000, 300_000);
  // No look made (a source that does not look, or a run that ended before the first): everything.
  assert.deepEqual(remainingLevels(windows, 0), { block: BLOCK_ERROR, pass: PASS_ERROR });
  // Two looks made (60 s, 120 s): what is left after tau 0.4.
  close(remainingLevels(windows, 2).block, BLOCK_ERROR * (1 - 0.16));
  // Every look before the budget made: the budget's own share, as levelsAt gives it.
  assert.deepEqual(remainingLevels(windows, 4), levelsAt(windows, 4));
  assert.deepEqual(remainingLevels(windows, 9), levelsAt(windows, 4));
  // What the looks made spent plus what is left is the run's error rate.
  const spent = [0, 1].reduce((a, i) => a + levelsAt(windows, i).block, 0);
  close(spent + remainingLevels(windows, 2).block, BLOCK_ERROR);
});

test('levelsOfRecord: a saved run is re-judged at its last look levels; a bundle without looks at the full rates (undefined)', () => {
  const levels = { block: 0.001, pass: 0.005 };
  assert.deepEqual(
    levelsOfRecord({
      firstLookMs: 1,
      budgetMs: 2,
      looks: [
        { windowMs: 1, state: 'undecided', levels: { block: 0.0001, pass: 0.0005 } },
        { windowMs: 2, state: 'pass', levels },
      ],
      stoppedEarly: false,
    }),
    levels,
  );
  assert.equal(levelsOfRecord(undefined), undefined);
  assert.equal(levelsOfRecord({ firstLookMs: 1, budgetMs: 1, looks: [], stoppedEarly: false }), undefined);
});

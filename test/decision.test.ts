// The judge's three-way decision against a limit (src/judge/decision.ts): its error rates and their
// spending over looks, pinned by literal values, by properties over any schedule of looks, and by a
// seeded simulation of what the rule does with a normal estimate at and beyond its limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  BLOCK_ERROR,
  decideAgainst,
  FIXED_LEVELS,
  lookLevels,
  oneSided,
  PASS_ERROR,
  POWER,
  SPENDING_POWER,
  type Levels,
} from '../src/judge/decision.ts';
import { samplingError, seededRandom, type Estimate } from '../src/analyze/intervals.ts';

const close = (actual: number, expected: number, tolerance = 1e-4) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not ${expected} (±${tolerance})`);

test('error rates: 1% of blocking at the limit, 5% of passing at it, detectable stated at 80% power, spent as tau squared', () => {
  assert.equal(BLOCK_ERROR, 0.01);
  assert.equal(PASS_ERROR, 0.05);
  assert.equal(POWER, 0.8);
  assert.equal(SPENDING_POWER, 2);
  assert.deepEqual(FIXED_LEVELS, { block: 0.01, pass: 0.05 });
});

test('oneSided: the upper quantile of Student t at 1 - level; nothing spent is infinite, half or more is 0', () => {
  close(oneSided(0.05, Infinity), 1.6449);
  close(oneSided(0.01, Infinity), 2.3263);
  close(oneSided(0.2, Infinity), 0.8416);
  close(oneSided(0.01, 4), 3.747);
  close(oneSided(0.05, 4), 2.1318);
  close(oneSided(0.05, 10), 1.8125);
  close(oneSided(0.01, 1), 31.8205, 1e-3);
  close(oneSided(0.01 / 3, Infinity), 2.7131);
  assert.equal(oneSided(0, 10), Number.POSITIVE_INFINITY);
  assert.equal(oneSided(-0.01, 10), Number.POSITIVE_INFINITY);
  assert.equal(oneSided(Number.NaN, 10), Number.POSITIVE_INFINITY);
  assert.equal(oneSided(0.5, 10), 0);
  assert.equal(oneSided(0.7, 10), 0);
  // Just under a half: just above 0.
  assert.ok(oneSided(0.4999, 10) > 0 && oneSided(0.4999, 10) < 0.001);
  // Fewer degrees of freedom, wider: strictly.
  assert.ok(oneSided(0.01, 3) > oneSided(0.01, 4) && oneSided(0.01, 4) > oneSided(0.01, Infinity));
});

test('lookLevels: alpha x tau^2 minus what earlier looks spent; tau clipped to [0, 1]; nothing spent twice', () => {
  assert.deepEqual(lookLevels(1, 0), { block: 0.01, pass: 0.05 });
  assert.deepEqual(lookLevels(0.5, 0), { block: 0.0025, pass: 0.0125 });
  close(lookLevels(1, 0.5).block, 0.0075, 1e-15);
  close(lookLevels(1, 0.5).pass, 0.0375, 1e-15);
  close(lookLevels(0.3, 0.1).block, 0.01 * (0.09 - 0.01), 1e-15);
  // A schedule of quarters spends exactly the whole error by its last look.
  const quarters = [0.25, 0.5, 0.75, 1];
  let block = 0;
  let pass = 0;
  let previous = 0;
  for (const tau of quarters) {
    const l = lookLevels(tau, previous);
    block += l.block;
    pass += l.pass;
    previous = tau;
  }
  assert.equal(block, BLOCK_ERROR);
  assert.equal(pass, PASS_ERROR);
  // Beyond the budget nothing more is spent; before it nothing at all.
  assert.deepEqual(lookLevels(1.5, 0), lookLevels(1, 0));
  assert.deepEqual(lookLevels(2, 1), { block: 0, pass: 0 });
  assert.deepEqual(lookLevels(3, 1.5), { block: 0, pass: 0 });
  assert.deepEqual(lookLevels(0, 0), { block: 0, pass: 0 });
  assert.deepEqual(lookLevels(-1, -2), { block: 0, pass: 0 });
  assert.deepEqual(lookLevels(0.5, -1), lookLevels(0.5, 0));
  // The same share looked at again spends nothing: such a look can neither block nor pass a noisy figure.
  assert.deepEqual(lookLevels(0.6, 0.6), { block: 0, pass: 0 });
  const again = decideAgainst({ value: 100, stdError: 1, df: 10 }, 1, lookLevels(0.6, 0.6));
  assert.equal(again.decision, 'undecided');
  assert.equal(again.low, Number.NEGATIVE_INFINITY);
  assert.equal(again.high, Number.POSITIVE_INFINITY);
});

test("lookLevels: over any schedule of looks the block and pass levels spent never exceed the run's, and reach them at tau 1", () => {
  const schedule = fc.array(fc.double({ min: -0.5, max: 1.5, noNaN: true }), { minLength: 1, maxLength: 30 });
  fc.assert(
    fc.property(schedule, fc.boolean(), (taus, endAtOne) => {
      const looks = [...taus].sort((a, b) => a - b);
      if (endAtOne) looks.push(Math.max(1, looks[looks.length - 1]));
      let block = 0;
      let pass = 0;
      let previous = 0;
      for (const tau of looks) {
        const l = lookLevels(tau, previous);
        assert.ok(l.block >= 0 && l.pass >= 0, `a look spends nothing negative: ${JSON.stringify({ tau, previous })}`);
        block += l.block;
        pass += l.pass;
        previous = tau;
      }
      // Rounding of a telescoping sum: a few units in the last place at most.
      assert.ok(block <= BLOCK_ERROR * (1 + 1e-12), `block spent ${block}`);
      assert.ok(pass <= PASS_ERROR * (1 + 1e-12), `pass spent ${pass}`);
      if (endAtOne) {
        close(block, BLOCK_ERROR, 1e-15);
        close(pass, PASS_ERROR, 1e-15);
      }
    }),
    { numRuns: 300 },
  );
});

const est = (value: number, stdError: number, df = Infinity): Estimate => ({ value, stdError, df });

test('decideAgainst: block when the block-level lower bound clears the limit, pass when the pass-level upper bound is under it, else undecided', () => {
  const se = 2;
  const df = 8;
  const zb = oneSided(0.01, df);
  const zp = oneSided(0.05, df);
  const limit = 100;
  // Each edge a millionth of an error either side.
  const eps = 1e-6 * se;
  assert.equal(decideAgainst(est(limit + zb * se + eps, se, df), limit, FIXED_LEVELS).decision, 'block');
  assert.equal(decideAgainst(est(limit + zb * se - eps, se, df), limit, FIXED_LEVELS).decision, 'undecided');
  assert.equal(decideAgainst(est(limit - zp * se - eps, se, df), limit, FIXED_LEVELS).decision, 'pass');
  assert.equal(decideAgainst(est(limit - zp * se + eps, se, df), limit, FIXED_LEVELS).decision, 'undecided');
  assert.equal(decideAgainst(est(limit, se, df), limit, FIXED_LEVELS).decision, 'undecided');
  // The bounds, the limit and the estimate as given.
  const d = decideAgainst(est(104, se, df), limit, FIXED_LEVELS);
  assert.equal(d.limit, limit);
  assert.equal(d.estimate, 104);
  close(d.low, 104 - zb * se, 1e-9);
  close(d.high, 104 + zp * se, 1e-9);
  close(d.low, 104 - 2.8965 * 2, 1e-3);
  close(d.high, 104 + 1.8595 * 2, 1e-3);
  // The smallest difference blocked with 80% power: limit + (t_block + t_power) x se.
  close(d.detectable, limit + (zb + oneSided(0.2, df)) * se, 1e-9);
  close(decideAgainst(est(0, 1), 10, FIXED_LEVELS).detectable, 10 + 2.3263 + 0.8416, 1e-3);
  // A look's own levels: the first quarter of the budget spends a sixteenth.
  const early = decideAgainst(est(104, se, df), limit, lookLevels(0.25, 0));
  close(early.low, 104 - oneSided(0.01 / 16, df) * se, 1e-9);
  close(early.high, 104 + oneSided(0.05 / 16, df) * se, 1e-9);
});

test('decideAgainst: split divides the block level among candidates (and only it); a split under 1 is 1', () => {
  const e = est(10, 1, 6);
  const one = decideAgainst(e, 5, FIXED_LEVELS);
  const three = decideAgainst(e, 5, FIXED_LEVELS, 3);
  close(three.low, 10 - oneSided(0.01 / 3, 6), 1e-9);
  assert.ok(three.low < one.low);
  assert.equal(three.high, one.high);
  close(three.detectable, 5 + oneSided(0.01 / 3, 6) + oneSided(0.2, 6), 1e-9);
  assert.deepEqual(decideAgainst(e, 5, FIXED_LEVELS, 0), one);
  assert.deepEqual(decideAgainst(e, 5, FIXED_LEVELS, 0.5), one);
  // An estimate that clears the limit for one candidate, not for three.
  const edge = 5 + oneSided(0.01, 6) + 1e-6;
  assert.equal(decideAgainst(est(edge, 1, 6), 5, FIXED_LEVELS, 1).decision, 'block');
  assert.equal(decideAgainst(est(edge, 1, 6), 5, FIXED_LEVELS, 3).decision, 'undecided');
});

test('decideAgainst: a figure without error decides at once, with no NaN, even at a look that spends nothing', () => {
  const none: Levels = { block: 0, pass: 0 };
  for (const levels of [FIXED_LEVELS, none]) {
    const over = decideAgainst(est(6, 0, 3), 5, levels);
    assert.deepEqual(over, { decision: 'block', limit: 5, estimate: 6, low: 6, high: 6, detectable: 5 });
    assert.equal(decideAgainst(est(4, 0, 3), 5, levels).decision, 'pass');
    assert.equal(decideAgainst(est(5, 0, 3), 5, levels).decision, 'undecided');
    assert.equal(decideAgainst(est(6, 0, 0), 5, levels).decision, 'block');
  }
  // No degrees of freedom: nothing decides a noisy figure.
  const blind = decideAgainst(est(1e9, 1, 0), 5, FIXED_LEVELS);
  assert.equal(blind.decision, 'undecided');
  assert.equal(blind.detectable, Number.POSITIVE_INFINITY);
});

test('decideAgainst: for any figure, low <= estimate <= high, and a decision agrees with its bound', () => {
  fc.assert(
    fc.property(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.double({ min: 0, max: 1e5, noNaN: true }),
      fc.oneof(fc.integer({ min: 1, max: 200 }), fc.constant(Infinity)),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.integer({ min: 1, max: 5 }),
      (value, se, df, limit, split) => {
        const d = decideAgainst(est(value, se, df), limit, FIXED_LEVELS, split);
        assert.ok(d.low <= value && value <= d.high);
        assert.ok(!Number.isNaN(d.low) && !Number.isNaN(d.high) && !Number.isNaN(d.detectable));
        if (d.decision === 'block') assert.ok(d.low > limit);
        if (d.decision === 'pass') assert.ok(d.high < limit);
        if (d.decision === 'undecided') assert.ok(d.low <= limit && d.high >= limit);
        assert.ok(d.detectable >= limit);
      },
    ),
    { numRuns: 300 },
  );
});

/** Standard normal draws from a seeded uniform (Box-Muller). */
function normals(seed: number): () => number {
  const u = seededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

test('simulation: at the limit a normal estimate blocks at most 1% and passes at most 5% of the time; at twice the limit with an error of a quarter of it, it blocks', () => {
  const z = normals(20261208);
  const limit = 1000;
  const se = 250;
  const draws = 10_000;
  let blocked = 0;
  let passed = 0;
  for (let i = 0; i < draws; i++) {
    const d = decideAgainst(est(limit + se * z(), se), limit, FIXED_LEVELS);
    if (d.decision === 'block') blocked++;
    if (d.decision === 'pass') passed++;
  }
  // Monte Carlo error: 0.1% on the block rate, 0.22% on the pass rate; the slack is about 5 of them.
  assert.ok(blocked / draws <= BLOCK_ERROR + 0.005, `blocked ${blocked / draws} at the limit`);
  assert.ok(passed / draws <= PASS_ERROR + 0.01, `passed ${passed / draws} at the limit`);
  // Not much under either (the rule spends what it may, no more conservative than it says).
  assert.ok(blocked / draws >= BLOCK_ERROR - 0.005, `blocked ${blocked / draws} at the limit`);
  assert.ok(passed / draws >= PASS_ERROR - 0.01, `passed ${passed / draws} at the limit`);
  // Twice the limit, an error of a quarter of it: blocks when the estimate is over 1.58 limits, 95% of the time.
  let caught = 0;
  for (let i = 0; i < 2000; i++)
    if (decideAgainst(est(2 * limit + se * z(), se), limit, FIXED_LEVELS).decision === 'block') caught++;
  assert.ok(caught / 2000 >= 0.8, `blocked ${caught / 2000} at twice the limit`);
  // At the stated detectable difference it blocks with the stated power.
  const detectable = decideAgainst(est(0, se), limit, FIXED_LEVELS).detectable;
  let seen = 0;
  for (let i = 0; i < 4000; i++)
    if (decideAgainst(est(detectable + se * z(), se), limit, FIXED_LEVELS).decision === 'block') seen++;
  close(seen / 4000, POWER, 0.03);
});

test("simulation: four looks at the budget's quarters, stopping at the first decision, block a difference at the limit at most 1% of runs and pass it at most 5%", () => {
  const z = normals(7);
  const limit = 1000;
  const sigma = 400; // the error of the whole budget's estimate is sigma; a share tau of it gives sigma / sqrt(tau)
  const taus = [0.25, 0.5, 0.75, 1];
  const runs = 5000;
  let blocked = 0;
  let passed = 0;
  for (let r = 0; r < runs; r++) {
    // Brownian motion: the estimate at tau is the limit plus sigma W(tau) / tau.
    let w = 0;
    let previous = 0;
    for (const tau of taus) {
      w += Math.sqrt(tau - previous) * z();
      const se = sigma / Math.sqrt(tau);
      const d = decideAgainst(est(limit + (sigma * w) / tau, se), limit, lookLevels(tau, previous));
      previous = tau;
      if (d.decision === 'block') {
        blocked++;
        break;
      }
      if (d.decision === 'pass') {
        passed++;
        break;
      }
    }
  }
  assert.ok(blocked / runs <= BLOCK_ERROR + 0.005, `blocked ${blocked / runs} of runs at the limit`);
  assert.ok(passed / runs <= PASS_ERROR + 0.01, `passed ${passed / runs} of runs at the limit`);
});

test("samplingError: Poisson error of heap-profile growth at Go's sampling period, one period more where none landed", () => {
  const KiB = 1024;
  const MiB = 1024 * KiB;
  // Nothing grew, 512 KiB sampling over a minute: one period's worth, 512 KiB/min exactly (memgate's --min-slope).
  assert.equal(samplingError(0, 512 * KiB, 60), (512 * KiB) / 60);
  assert.equal(samplingError(0, 512 * KiB, 60), 8738.133333333333);
  // 1 MiB grew: sqrt(period x (growth + period)).
  assert.equal(samplingError(MiB, 512 * KiB, 60), Math.sqrt(512 * KiB * (MiB + 512 * KiB)) / 60);
  close(samplingError(MiB, 512 * KiB, 60), 15134.8909, 1e-3);
  // At 64 KiB sampling the same growth is known to under a third as much.
  close(samplingError(MiB, 64 * KiB, 60), Math.sqrt(64 * KiB * (MiB + 64 * KiB)) / 60, 1e-9);
  assert.ok(samplingError(MiB, 64 * KiB, 60) < samplingError(MiB, 512 * KiB, 60) / 2.8);
  // Shrinking counts as nothing grown (the error of what is left is not smaller than of nothing).
  assert.equal(samplingError(-5 * MiB, 512 * KiB, 60), samplingError(0, 512 * KiB, 60));
  // A longer span: the rate's error falls as the span.
  assert.equal(samplingError(0, 512 * KiB, 120), samplingError(0, 512 * KiB, 60) / 2);
  // No span or no period: unknown, infinite.
  assert.equal(samplingError(MiB, 512 * KiB, 0), Number.POSITIVE_INFINITY);
  assert.equal(samplingError(MiB, 512 * KiB, -1), Number.POSITIVE_INFINITY);
  assert.equal(samplingError(MiB, 0, 60), Number.POSITIVE_INFINITY);
  assert.equal(samplingError(MiB, Number.NaN, 60), Number.POSITIVE_INFINITY);
});

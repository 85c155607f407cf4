// The statistics the judge decides on (src/analyze/intervals.ts), against outside references: Student t
// quantiles and CDF values from SciPy 1.17 (fractional degrees of freedom too), the EWC slope error computed
// by its definition (a cosine per point, LLSW 2018), the pooled and Welch differences by hand, mulberry32's
// published first draw. test/intervals.test.ts checks coverage by simulation; these pin the values, so a
// faster implementation must give the same results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  blockBootstrapQuantile,
  difference,
  ewcSlopeOf,
  olsSlope,
  pooledDifference,
  replicaDifference,
  seededRandom,
  sideMean,
  studentCdf,
  tCritical,
} from '../src/analyze/intervals.ts';

const close = (actual: number, expected: number, rel = 1e-9, what = '') =>
  assert.ok(
    Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected)),
    `${what} ${actual} is not ${expected} (within ${rel})`,
  );

test('tCritical: two-sided quantiles as SciPy gives them, fractional df included; none without df', () => {
  const table: [number, number, number][] = [
    [0.95, 1, 12.706204736174694],
    [0.95, 2, 4.302652729749462],
    [0.95, 2.5, 3.5746548420036817],
    [0.95, 5, 2.5705818356363146],
    [0.95, 30, 2.0422724563012378],
    [0.99, 3, 5.840909309733355],
    [0.95, 0.5, 164.55767348048818],
    [0.9, 0.8, 9.786604471347834],
    [0.95, Infinity, 1.959963984540054],
    [0.99, Infinity, 2.5758293035489004],
  ];
  for (const [confidence, df, expected] of table)
    close(tCritical(confidence, df), expected, 1e-12, `t(${confidence}, ${df})`);
  assert.equal(tCritical(0.95, 0), Infinity);
  assert.equal(tCritical(0.95, Number.NaN), Infinity);
  assert.equal(tCritical(0.95, 0.01), Infinity, 'a quantile beyond 1e12 is no interval');
});

test('studentCdf: both tails, both continued-fraction branches, the normal limit', () => {
  const table: [number, number, number][] = [
    [-2, 5, 0.050969739414929174],
    [2, 5, 0.9490302605850708],
    [0.5, 5, 0.6808505641795355],
    [3, 5, 0.9849503760512687],
    [0.1, 40, 0.5395780734773599],
    [-0.3, 0.7, 0.4146175931856675],
    [1, 1, 0.75],
    [-4, 3, 0.014004228005073076],
    [0, 5, 0.5],
    [1.5, Infinity, 0.9331927987311419],
    [-1.5, Infinity, 0.06680720126885807],
    [0.001, Infinity, 0.500398942213911],
    [-3, Infinity, 0.0013498980316300933],
  ];
  for (const [t, df, expected] of table) close(studentCdf(t, df), expected, 1e-12, `cdf(${t}, ${df})`);
  // Far tails, where erf's series cancels into noise (it gave 6.8e-5 at z = -8): erfc's continued
  // fraction, against Python's math.erfc (0.5 erfc(z / sqrt 2)).
  const tails: [number, number][] = [
    [5, 2.866515718791946e-7],
    [6, 9.865876450377012e-10],
    [8, 6.220960574271819e-16],
    [8.8, 6.840807685935575e-19],
    [10, 7.619853024160593e-24],
    [12, 1.776482112077702e-33],
    [30, 4.906713927148764e-198],
  ];
  for (const [z, tail] of tails) {
    close(studentCdf(-z, Infinity), tail, 1e-12, `cdf(${-z})`);
    assert.equal(studentCdf(z, Infinity), 1 - tail, `${z}`);
  }
  // Either side of where the series hands over to the fraction (|z| = 2 sqrt 2).
  close(studentCdf(-2.82, Infinity), 0.0024011824741892547, 1e-12, 'cdf(-2.82)');
  close(studentCdf(-2.83, Infinity), 0.0023274002067315545, 1e-12, 'cdf(-2.83)');
});

/** LLSW's EWC standard error of the OLS slope, from its definition: a Math.cos per point and component. */
function ewcByDefinition(t: number[], v: number[], components: number) {
  const n = t.length;
  const mt = t.reduce((a, b) => a + b, 0) / n;
  const mv = v.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (t[i] - mt) ** 2;
    sxy += (t[i] - mt) * (v[i] - mv);
  }
  const slope = sxy / sxx;
  const intercept = mv - slope * mt;
  const scores = t.map((ti, i) => (ti - mt) * (v[i] - intercept - slope * ti));
  const nu = Math.min(components, n - 2);
  let omega = 0;
  for (let j = 1; j <= nu; j++) {
    let lambda = 0;
    for (let i = 0; i < n; i++) lambda += Math.cos((Math.PI * j * (i + 0.5)) / n) * scores[i];
    omega += (2 / n) * lambda * lambda;
  }
  omega /= nu;
  return { value: slope, intercept, stdError: Math.sqrt((n * omega) / (sxx * sxx)), df: nu };
}

test('ewcSlopeOf: slope, intercept and standard error as the EWC definition gives them; df capped at n - 2', () => {
  const t = Array.from({ length: 50 }, (_, i) => 3 + i * 0.25);
  const v = t.map((ti, i) => 2 * ti + 5 * Math.sin(i) + (i % 7) - 0.01 * i * i);
  for (const components of [2, 5, 8]) {
    const got = ewcSlopeOf(t, v, components)!;
    const want = ewcByDefinition(t, v, components);
    close(got.value, want.value, 1e-12, 'slope');
    close(got.intercept, want.intercept, 1e-12, 'intercept');
    close(got.stdError, want.stdError, 1e-9, `stdError with ${components} components`);
    assert.equal(got.df, want.df);
  }
  const six = ewcSlopeOf(t.slice(0, 6), v.slice(0, 6), 10)!;
  assert.equal(six.df, 4, 'never more components than n - 2');
  close(six.stdError, ewcByDefinition(t.slice(0, 6), v.slice(0, 6), 10).stdError, 1e-9);
});

test('olsSlope: four points are enough, three are not', () => {
  const fit = olsSlope([0, 1, 2, 3], [1, 3, 5, 7])!;
  assert.equal(fit.value, 2);
  assert.equal(fit.intercept, 1);
  assert.equal(olsSlope([0, 1, 2], [1, 3, 5]), null);
});

test('sideMean, pooledDifference and difference by hand', () => {
  assert.deepEqual(sideMean([5]), { value: 5, stdError: 0, df: Infinity }, 'one process, no own error given');
  assert.deepEqual(sideMean([5], [2], 7), { value: 5, stdError: 2, df: 7 });
  // gray 3, 5, 7 (mean 5), baseline 1, 2 (mean 1.5): squares 8 + 0.5 over 3 df
  const pooled = pooledDifference([3, 5, 7], [1, 2])!;
  assert.equal(pooled.value, 3.5);
  close(pooled.stdError, Math.sqrt((8.5 / 3) * (1 / 3 + 1 / 2)), 1e-15);
  assert.equal(pooled.df, 3);
  assert.deepEqual(pooledDifference([3, 5], [1, 2]), {
    value: 2.5,
    stdError: Math.sqrt((2.5 / 2) * (1 / 2 + 1 / 2)),
    df: 2,
  });
  assert.equal(pooledDifference([3], [1, 2]), null);
  assert.equal(pooledDifference([3, 4], [1]), null);
  assert.deepEqual(
    difference({ value: 3, stdError: 0, df: 3 }, { value: 1, stdError: 0, df: 5 }),
    { value: 2, stdError: 0, df: 3 },
    'no error on either side: the smaller df',
  );
  // Welch-Satterthwaite: (4 + 1)^2 / (4^2 / 4 + 0) = 6.25; a normal side adds nothing to the denominator
  assert.deepEqual(difference({ value: 3, stdError: 2, df: 4 }, { value: 1, stdError: 1, df: Infinity }), {
    value: 2,
    stdError: Math.sqrt(5),
    df: 6.25,
  });
});

test('replicaDifference by hand: the own-noise floor, its df, and none where own errors are unknown', () => {
  const e = (value: number, stdError: number, df = 1) => ({ value, stdError, df });
  // gray 3, 5, 4 agree better (spread 1) than each one's own error (2) says: the floor, 4, binds.
  // Its df: (4 x 3)^2 / (3 x 2^4 / 1) = 3, the own errors' (not n - 1 = 2); baseline has no spread and no error.
  const floored = replicaDifference([e(3, 2), e(5, 2), e(4, 2)], [e(1, 0), e(1, 0)])!;
  assert.equal(floored.value, 3);
  close(floored.stdError, Math.sqrt(4 / 3), 1e-15);
  close(floored.df, 3, 1e-12);
  // Own errors from a model (Go's sampling error, df infinite): the floor is known, the df infinite.
  assert.equal(
    replicaDifference([e(3, 2, Infinity), e(5, 2, Infinity), e(4, 2, Infinity)], [e(1, 0), e(1, 0)])!.df,
    Infinity,
  );
  // One noisy process of three: own variance 4/3 a process, df (4)^2 / (2^4 / 1) = 1, below n - 1.
  const oneNoisy = replicaDifference([e(0, 2), e(0, 0), e(0, 0)], [e(0, 0), e(0, 0), e(0, 0)])!;
  close(oneNoisy.stdError, Math.sqrt(4 / 3 / 3), 1e-15);
  assert.equal(oneNoisy.df, 1);
  // Both sides floored: Welch-Satterthwaite over the two floors, each with its own errors' df
  // (gray (9 x 2)^2 / (2 x 81) = 2, baseline (1 x 3)^2 / 3 = 3).
  const both = replicaDifference([e(1, 3), e(1, 3)], [e(0, 1), e(0, 1), e(0, 1)])!;
  const vg = 9 / 2;
  const vb = 1 / 3;
  close(both.stdError, Math.sqrt(vg + vb), 1e-15);
  close(both.df, (vg + vb) ** 2 / (vg ** 2 / 2 + vb ** 2 / 3), 1e-12);
  // A spread wider than the own errors, or own errors not known: exactly the pooled t.
  assert.deepEqual(
    replicaDifference([e(3, 0.1), e(5, 0.1), e(7, 0.1)], [e(1, 0), e(2, 0)]),
    pooledDifference([3, 5, 7], [1, 2]),
  );
  const unknown = (v: number) => ({ value: v, stdError: Infinity, df: Infinity });
  assert.deepEqual(
    replicaDifference([unknown(3), unknown(5)], [unknown(1), unknown(2)]),
    pooledDifference([3, 5], [1, 2]),
  );
  // One side floored, the other not: Welch-Satterthwaite with the unfloored side's n - 1 df.
  // gray floor 4 (df 3), baseline 1, 2, 3 (spread 1, df 2): (4/3 + 1/3)^2 / ((4/3)^2 / 3 + (1/3)^2 / 2) = 25/6 / (16/27 + 1/18).
  const mixed = replicaDifference([e(3, 2), e(5, 2), e(4, 2)], [e(1, 0), e(2, 0), e(3, 0)])!;
  close(mixed.stdError, Math.sqrt(5 / 3), 1e-15);
  close(mixed.df, (5 / 3) ** 2 / ((4 / 3) ** 2 / 3 + (1 / 3) ** 2 / 2), 1e-12);
  // Own errors known for only some processes, or with no df behind them: no floor, the pooled t.
  assert.deepEqual(
    replicaDifference([e(3, 9), { value: 5, stdError: Infinity, df: Infinity }], [e(1, 0), e(2, 0)]),
    pooledDifference([3, 5], [1, 2]),
  );
  assert.deepEqual(replicaDifference([e(3, 9, 0), e(5, 9, 0)], [e(1, 0), e(2, 0)]), pooledDifference([3, 5], [1, 2]));
  // Spread equal to the own error is not floored (the pooled t's df stay).
  assert.equal(replicaDifference([e(1, 1), e(3, 1)], [e(0, 0), e(0, 0)])!.df, pooledDifference([1, 3], [0, 0])!.df);
  assert.equal(replicaDifference([e(3, 1)], [e(1, 0), e(2, 0)]), null);
  assert.equal(replicaDifference([e(3, 1), e(4, 1)], [e(1, 0)]), null);
});

test("seededRandom is mulberry32: seed 1's first draws", () => {
  const r = seededRandom(1);
  assert.deepEqual([r(), r(), r()], [0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
});

test('blockBootstrapQuantile: the same interval on every run; blocks at most half the series; df from the blocks', () => {
  const values = Array.from({ length: 40 }, (_, i) => 100 + ((i * 37) % 23) + (i % 5) * 3);
  assert.deepEqual(blockBootstrapQuantile(values, 0.95, 5), { value: 129.05, stdError: 0.8160003547470825, df: 7 });
  assert.deepEqual(
    blockBootstrapQuantile(values.slice(0, 10), 0.95, 100),
    { value: 128.55, stdError: 0.3460291893391174, df: 1 },
    'a block of 100 over 10 values is cut to 5',
  );
  assert.notEqual(blockBootstrapQuantile(values.slice(0, 8), 0.95, 2), null, 'eight values are enough');
  assert.equal(blockBootstrapQuantile(values.slice(0, 7), 0.95, 2), null);
});

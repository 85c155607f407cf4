import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseMatrixJson, type PointColumns } from '../src/source/prometheus/matrix-json.ts';
import { matrixSeries, rangeSeries } from '../src/source/prometheus/client.ts';

const withoutValuesKey = (x: unknown): boolean =>
  x === null || typeof x !== 'object'
    ? true
    : Array.isArray(x)
      ? x.every(withoutValuesKey)
      : Object.entries(x).every(([k, v]) => k !== 'values' && withoutValuesKey(v));

test('any JSON without a "values" key parses as JSON.parse parses it, compact or indented', () => {
  fc.assert(
    fc.property(
      fc.jsonValue({ maxDepth: 6 }).filter(withoutValuesKey),
      fc.constantFrom(undefined, 2, '\t'),
      (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        assert.deepEqual(parseMatrixJson(text), JSON.parse(text));
      },
    ),
    { numRuns: 400 },
  );
  // Escapes, a lone surrogate, "__proto__" as an own key, numbers in every JSON form.
  const text = String.raw`{"a\"b\\c\/\b\f\n\r\t\u00e9\ud800":["x\u0041", -0, 1e3, 2.5E-2, 0.1, true, false, null], "__proto__": {"p": 1}}`;
  const ours = parseMatrixJson(text) as Record<string, unknown>;
  assert.deepEqual(ours, JSON.parse(text));
  assert.equal(Object.getPrototypeOf(ours), Object.prototype, '"__proto__" did not become the prototype');
});

test('text JSON.parse rejects is rejected with a SyntaxError naming the position', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), (text) => {
      let reference: unknown = null;
      try {
        reference = JSON.parse(text);
      } catch {
        assert.throws(() => parseMatrixJson(text), SyntaxError);
        return;
      }
      if (withoutValuesKey(reference)) assert.deepEqual(parseMatrixJson(text), reference);
    }),
    { numRuns: 2000 },
  );
  for (const bad of [
    '{"values":[[1,"2"],]}',
    '[1,]',
    '{"a":1,}',
    '01',
    '1.',
    '"\\x"',
    '"a\nb"',
    '[',
    '{"a"}',
    'nul',
    '1 2',
  ])
    assert.throws(() => parseMatrixJson(bad), SyntaxError, bad);
  assert.throws(() => parseMatrixJson(`${'['.repeat(65)}${']'.repeat(65)}`), /nesting deeper than 64/);
});

/** A reading as Prometheus and VictoriaMetrics write them, and the number memgate must read from it. */
const reading = fc.oneof(
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }).map((n) => [String(n), n] as const),
  fc.bigInt({ min: 10n ** 15n, max: 10n ** 22n }).map((n) => [String(n), Number(String(n))] as const),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => [String(d), Number(String(d))] as const),
  fc.constantFrom(
    ['NaN', Number.NaN],
    ['+Inf', Number.POSITIVE_INFINITY],
    ['-Inf', Number.NEGATIVE_INFINITY],
    ['1.5e+09', 1.5e9],
    ['-0', -0],
    ['007', 7],
    ['', Number.NaN],
  ) as fc.Arbitrary<readonly [string, number]>,
);
const seconds = fc.oneof(
  fc.integer({ min: 0, max: 4_000_000_000 }),
  fc.double({ min: 0, max: 4e9, noNaN: true }),
  fc.integer({ min: -100, max: -1 }),
);

test("a matrix answer: every series' points land in its columns exactly, whatever form the numbers take", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          metric: fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 12 }), { maxKeys: 4 }),
          points: fc.array(fc.tuple(seconds, reading), { maxLength: 40 }),
        }),
        { maxLength: 6 },
      ),
      fc.constantFrom(undefined, 1),
      (series, indent) => {
        const body = JSON.stringify(
          {
            status: 'success',
            data: {
              resultType: 'matrix',
              result: series.map((s) => ({ metric: s.metric, values: s.points.map(([t, [text]]) => [t, text]) })),
            },
            warnings: ['w'],
          },
          null,
          indent,
        );
        const parsed = parseMatrixJson(body) as { data: { result: unknown[] }; warnings: string[] };
        assert.deepEqual(parsed.warnings, ['w']);
        const got = matrixSeries(parsed.data.result, 'test', 'q');
        assert.equal(got.length, series.length);
        got.forEach((g, i) => {
          assert.deepEqual(g.metric, JSON.parse(JSON.stringify(series[i].metric)));
          assert.deepEqual(
            [...g.t],
            series[i].points.map(([t]) => t),
          );
          assert.deepEqual(
            [...g.v],
            series[i].points.map(([, [, v]]) => v),
          );
        });
      },
    ),
    { numRuns: 300 },
  );
});

test('a series whose points are not [seconds, "value"] pairs is refused by name, not judged', () => {
  for (const values of ['[[1,2]]', '[["1","2"]]', '[[1,"2",3]]', '"x"', '[1]']) {
    const parsed = parseMatrixJson(`{"result":[{"metric":{"instance":"a"},"values":${values}}]}`) as {
      result: unknown[];
    };
    assert.throws(
      () => matrixSeries(parsed.result, 'http://store', 'mem'),
      /series 0 without its \[seconds, "value"\] points/,
    );
  }
  const labels = parseMatrixJson('{"result":[{"metric":{"instance":1},"values":[]}]}') as { result: unknown[] };
  assert.throws(() => matrixSeries(labels.result, 'http://store', 'mem'), /series 0 without string labels/);
  // An empty series is a series with no points.
  const empty = parseMatrixJson('{"values":[]}') as { values: PointColumns };
  assert.equal(empty.values.t.length, 0);
  assert.deepEqual([...rangeSeries({ instance: 'a' }, [[1, '2']]).v], [2]);
});

test('decoding is linear: a megabyte of points, a megabyte-long label and deep nesting up to the cap', () => {
  const points = Array.from({ length: 60_000 }, (_, k) => `[${1_700_000_000 + k * 15},"${104_857_600 + k}"]`).join(',');
  const body = `{"result":[{"metric":{"instance":"${'x'.repeat(1_000_000)}"},"values":[${points}]}]}`;
  const t0 = process.hrtime.bigint();
  const parsed = parseMatrixJson(body) as { result: { metric: { instance: string }; values: PointColumns }[] };
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  assert.equal(parsed.result[0].values.v.length, 60_000);
  assert.equal(parsed.result[0].values.v[59_999], 104_857_600 + 59_999);
  assert.equal(parsed.result[0].metric.instance.length, 1_000_000);
  // 2 MB: linear work is a few ms; a quadratic path would take minutes. Generous for a busy machine.
  assert.ok(ms < 5000, `decoding took ${ms} ms`);
  assert.doesNotThrow(() => parseMatrixJson(`${'['.repeat(64)}${']'.repeat(64)}`));
});

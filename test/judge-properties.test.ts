// Properties of the judge that hold for any memory series: identical sides never block or warn, and a
// difference that blocks one way never blocks the other way round.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseJudgeSettings } from '../src/config/plan.ts';
import { analyze } from '../src/analyze/analyze.ts';
import { judge } from '../src/judge/judge.ts';
import type { Bundle } from '../src/model/bundle.ts';
import { makeBundle, MiB, type SeriesShape } from './helpers/bundles.ts';

const settings = parseJudgeSettings({ warmup: '5s' });
const GROWTH_RULES = new Set(['p95-increase', 'slope-increase', 'inuse-growth', 'site-growth']);

const shape: fc.Arbitrary<SeriesShape> = fc.record({
  base: fc.integer({ min: 4, max: 400 }).map((m) => m * MiB),
  slope: fc.integer({ min: -4, max: 8 }).map((m) => (m * MiB) / 60),
  sawtooth: fc.integer({ min: 0, max: 16 }).map((m) => m * MiB),
  noise: fc.integer({ min: 0, max: 8 }).map((m) => (m * MiB) / 2),
});

function swapped(bundle: Bundle): Bundle {
  return {
    ...bundle,
    samples: bundle.samples.map((s) => ({
      t: s.t,
      baseline: s.gray,
      gray: s.baseline,
      ...(s.instances ? { instances: { baseline: s.instances.gray, gray: s.instances.baseline } } : {}),
    })),
    final: { baseline: bundle.final.gray, gray: bundle.final.baseline },
  };
}

const blocking = (bundle: Bundle) =>
  judge(analyze(bundle, 5000), settings.limits)
    .reasons.filter((r) => r.outcome === 'block' && GROWTH_RULES.has(r.rule))
    .map((r) => r.rule);

test('the same readings on both sides never block and never warn about growth: at most a short window cannot tell', () => {
  fc.assert(
    fc.property(shape, fc.integer({ min: 1, max: 1000 }), fc.constantFrom(1, 3), (s, seed, replicas) => {
      const one = makeBundle({ baseline: s, gray: s, seed, durationMs: 30_000, replicas });
      // Make gray's readings baseline's exactly: the difference is zero by construction.
      const same = {
        ...one,
        samples: one.samples.map((x) => ({
          ...x,
          gray: x.baseline,
          ...(x.instances ? { instances: { baseline: x.instances.baseline, gray: x.instances.baseline } } : {}),
        })),
      };
      const verdict = judge(analyze(same, 5000), settings.limits);
      assert.notEqual(verdict.verdict, 'fail', JSON.stringify(verdict.reasons));
      // A difference of zero is never clear of a limit above zero; half a minute may not rule the limit out.
      const growth = verdict.reasons.filter((r) => GROWTH_RULES.has(r.rule));
      assert.ok(
        growth.every((r) => r.outcome === 'inconclusive' && r.measured === 0),
        JSON.stringify(verdict.reasons),
      );
      for (const c of verdict.comparisons) assert.notEqual(c.decision, 'block', JSON.stringify(c));
    }),
    { numRuns: 25 },
  );
});

test('swapping the sides never turns one growth block into another: a block one way is none the other way', () => {
  fc.assert(
    fc.property(shape, shape, fc.integer({ min: 1, max: 1000 }), fc.constantFrom(1, 3), (a, b, seed, replicas) => {
      const bundle = makeBundle({ baseline: a, gray: b, seed, durationMs: 30_000, replicas });
      const forward = blocking(bundle);
      const backward = blocking(swapped(bundle));
      for (const rule of ['slope-increase', 'p95-increase'] as const) {
        assert.ok(
          !(forward.includes(rule) && backward.includes(rule)),
          `${rule} blocks both ways: ${JSON.stringify({ a, b, seed, replicas })}`,
        );
      }
    }),
    { numRuns: 25 },
  );
});

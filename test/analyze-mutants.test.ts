// Mutation-testing pins for src/analyze/analyze.ts: what each side's figures and each difference are made
// of, from bundles small enough to work out: which readings count (the window, not the warm-up), how a
// side's processes combine, which differences are across processes and which within one series, the
// retained-heap and goroutine figures from the evidence, and the allocation sites compared across
// processes with the decision confidence split among them (Bonferroni). Pure and fast: synthetic bundles,
// heap profiles encoded in memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { Profile, StringTable } from 'pprof-format';
import { analyze, DECISION_CONFIDENCE, MAX_SITES } from '../src/analyze/analyze.ts';
import { analyzeEvidence, emptyHeapSide, type Evidence } from '../src/analyze/evidence.ts';
import {
  blockBootstrapQuantile,
  difference,
  ewcSlopeOf,
  intervalOf,
  olsSlope,
  replicaDifference,
  samplingError,
  sideMean,
  type Estimate,
} from '../src/analyze/intervals.ts';
import { fitSlope, floorBinSeconds, floorIndices, p95, t95 } from '../src/analyze/stats.ts';
import type { Bundle, StatSample } from '../src/model/bundle.ts';
import { PROFILE_INDEX_SCHEMA, type ProfileEntry, type ProfileSet } from '../src/model/profiles.ts';
import { makeBundle, MiB } from './helpers/bundles.ts';

const KiB = 1024;
const close = (actual: number | null | undefined, expected: number, tolerance = 1e-9) =>
  assert.ok(
    typeof actual === 'number' && Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)),
    `${actual} is not ${expected}`,
  );

/** A bundle of one process a side from readings given by hand: `[t ms, baseline, gray]`. */
function handBundle(rows: [number, number | null, number | null][], over: Partial<Bundle['meta']> = {}): Bundle {
  const b = makeBundle({ warmupMs: 2000, durationMs: 10_000 });
  return {
    ...b,
    meta: { ...b.meta, ...over },
    samples: rows.map(([t, baseline, gray]) => ({ t, baseline, gray })) as Bundle['samples'],
  };
}

/** Readings every `step` ms from 0 to `end` ms: a floor rising `slope` B/s under a ripple. */
function rows(end: number, step: number, f: (t: number) => [number, number]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let t = 0; t <= end; t += step) out.push([t, ...f(t)]);
  return out;
}

const ripple = (t: number, base: number, slope: number) =>
  base + slope * (t / 1000) + ((t / 250) % 5) * 100 * KiB + ((t * 7919) % 13) * KiB;

test('DECISION_CONFIDENCE is 99%, MAX_SITES is 3', () => {
  assert.equal(DECISION_CONFIDENCE, 0.99);
  assert.equal(MAX_SITES, 3);
});

test('one process a side: the window after the warm-up is what counts; the peak is over the whole run', () => {
  // A warm-up reading far above everything else (a start-up burst): in the peak, nowhere else.
  const data = rows(30_000, 250, (t) => [ripple(t, 40 * MiB, 1000), ripple(t, 50 * MiB, 3000)]);
  data[2] = [500, 900 * MiB, 950 * MiB];
  const bundle = handBundle(data);
  const a = analyze(bundle, 2000, null);
  const window = data.filter(([t]) => t >= 2000);
  const t = Float64Array.from(window, ([ms]) => ms / 1000);
  for (const [side, col] of [
    ['baseline', 1],
    ['gray', 2],
  ] as const) {
    const v = Float64Array.from(window, (r) => r[col]);
    const s = a[side];
    assert.equal(s.samples, window.length);
    assert.equal(s.instances[0].samples, window.length);
    assert.equal(s.p95Bytes, p95(v));
    assert.equal(s.instances[0].p95Bytes, p95(v));
    assert.equal(s.peakBytes, side === 'baseline' ? 900 * MiB : 950 * MiB);
    close(s.meanBytes, v.reduce((x, y) => x + y, 0) / v.length);
    const span = t[t.length - 1] - t[0];
    const bin = floorBinSeconds(span);
    assert.equal(bin, 28 / 12);
    const floor = floorIndices(t, v, bin);
    assert.equal(s.floorPoints, floor.length);
    assert.equal(s.instances[0].floorPoints, floor.length);
    assert.equal(s.lastFloorBytes, v[floor[floor.length - 1]]);
    assert.equal(s.instances[0].lastFloorBytes, v[floor[floor.length - 1]]);
    // One process: the floor slope with its own (EWC) error, at 99%.
    const own = ewcSlopeOf(
      floor.map((i) => t[i]),
      floor.map((i) => v[i]),
    )!;
    assert.deepEqual(s.instances[0].slope, own);
    const at99 = intervalOf(own, 0.99);
    assert.deepEqual(s.slope, {
      bytesPerSec: own.value,
      low: at99.low,
      high: at99.high,
      stdError: own.stdError,
      df: own.df,
    });
    // The P95's own error: a block bootstrap with blocks of one floor bin (bin / reading interval readings).
    assert.deepEqual(s.instances[0].p95, blockBootstrapQuantile(v, 0.95, bin / (span / (v.length - 1))));
    assert.equal(s.command, bundle.meta.sides[side].command);
  }
  assert.equal(a.replicas, 1);
  assert.equal(a.confidence, 0.99);
  assert.equal(a.warmupMs, 2000);
  assert.deepEqual(a.windowMs, { start: 2000, end: 30_000 });
  assert.equal(a.plannedWindowMs, bundle.meta.durationMs);
  assert.equal(a.series, bundle.samples);
  assert.equal(a.evidence, null);
  assert.equal(a.inuseDifference, null);
  assert.equal(a.siteDifference, null);
  assert.equal(a.p95Increase, a.gray.p95Bytes! / a.baseline.p95Bytes! - 1);
  // Within each series: the sides' own errors combined (Welch), at 99%.
  const p95d = intervalOf(difference(a.gray.instances[0].p95!, a.baseline.instances[0].p95!), 0.99);
  assert.deepEqual(a.p95Difference, {
    value: p95d.value,
    low: p95d.low,
    high: p95d.high,
    method: 'within-series',
    stdError: p95d.stdError,
    df: p95d.df,
  });
  const slope = intervalOf(difference(a.gray.instances[0].slope!, a.baseline.instances[0].slope!), 0.99);
  assert.deepEqual(a.slopeDifference, {
    bytesPerSec: slope.value,
    low: slope.low,
    high: slope.high,
    method: 'within-series',
    stdError: slope.stdError,
    df: slope.df,
  });
  // The slopes are the floors' (about 1000 and 3000 B/s), their difference about 2000.
  close(a.slopeDifference!.bytesPerSec, 2000, 0.1);
  // The warm-up is the bundle's unless given.
  assert.deepEqual(analyze(bundle, undefined, null).windowMs, { start: 2000, end: 30_000 });
  assert.deepEqual(analyze(bundle, 5000, null).windowMs, { start: 5000, end: 30_000 });
  assert.equal(analyze(bundle, 5000, null).warmupMs, 5000);
});

test('a side with no reading after the warm-up has no figures, and the window is the warm-up point', () => {
  const bundle = handBundle([
    [0, 10 * MiB, 12 * MiB],
    [1000, 11 * MiB, 13 * MiB],
  ]);
  const a = analyze(bundle, 2000, null);
  for (const s of [a.baseline, a.gray]) {
    assert.equal(s.samples, 0);
    assert.equal(s.p95Bytes, null);
    assert.equal(s.meanBytes, null);
    assert.equal(s.lastFloorBytes, null);
    assert.equal(s.slope, null);
    assert.equal(s.floorPoints, 0);
    assert.equal(s.instances[0].slope, null);
  }
  assert.equal(a.baseline.peakBytes, 11 * MiB);
  assert.equal(a.gray.peakBytes, 13 * MiB);
  assert.deepEqual(a.windowMs, { start: 2000, end: 2000 });
  assert.equal(a.p95Increase, null);
  assert.equal(a.p95Difference, null);
  assert.equal(a.slopeDifference, null);
});

test('a side whose readings are missing has no peak; the recorded peak wins over the readings', () => {
  const data = rows(20_000, 500, (t) => [ripple(t, 40 * MiB, 0), ripple(t, 50 * MiB, 0)]);
  const noGray = handBundle(data.map(([t, b]) => [t, b, null]));
  const a = analyze(noGray, 2000, null);
  assert.equal(a.gray.peakBytes, null);
  assert.equal(a.gray.samples, 0);
  assert.equal(a.gray.meanBytes, null);
  assert.equal(a.p95Increase, null);
  assert.equal(a.p95Difference, null);
  assert.equal(a.slopeDifference, null);
  assert.ok(a.baseline.p95Bytes! > 40 * MiB);
  // A gray P95 but a baseline P95 of 0: no ratio (nothing to divide by), the difference in bytes still.
  const zero = handBundle(data.map(([t, , g]) => [t, 0, g]));
  const z = analyze(zero, 2000, null);
  assert.equal(z.baseline.p95Bytes, 0);
  assert.equal(z.p95Increase, null);
  // The recorded peak (memory.peak) rather than the readings' maximum.
  const recorded = { ...handBundle(data), final: { ...noGray.final, gray: { ...noGray.final.gray, peakBytes: 77 } } };
  assert.equal(analyze(recorded, 2000, null).gray.peakBytes, 77);
  assert.equal(analyze(recorded, 2000, null).baseline.peakBytes, Math.max(...data.map((r) => r[1])));
});

test('memory.stat: anon and file slopes of each side over the window, their differences, and the last stat of the first process', () => {
  const data = rows(20_000, 500, (t) => [ripple(t, 40 * MiB, 0), ripple(t, 50 * MiB, 0)]);
  const stats: StatSample[] = [];
  for (let t = 0; t <= 20_000; t += 1000) {
    const s = t / 1000;
    // Warm-up stats slope the other way: left out.
    const w = t < 2000 ? -1e6 : 1;
    stats.push({
      t,
      side: 'baseline',
      anonBytes: 1e8 + w * 100 * s,
      fileBytes: 5e7 + w * 10 * s,
      kernelBytes: 1,
      sockBytes: 2,
    });
    stats.push({
      t,
      side: 'gray',
      anonBytes: 1e8 + w * 700 * s,
      fileBytes: 5e7 + w * 40 * s + (s % 2) * 3,
      kernelBytes: 3,
      sockBytes: 4,
    });
    // Another process's stats (instance 1) are not the first process's.
    stats.push({ t, side: 'gray', instance: 1, anonBytes: 9e9 - t * 1e3, fileBytes: 0, kernelBytes: 9, sockBytes: 9 });
  }
  const bundle = { ...handBundle(data), stats };
  const a = analyze(bundle, 2000, null);
  const fit = (side: 'baseline' | 'gray', field: 'anonBytes' | 'fileBytes') =>
    fitSlope(
      stats
        .filter((x) => x.side === side && (x.instance ?? 0) === 0 && x.t >= 2000)
        .map((x) => ({ t: x.t / 1000, v: x[field] })),
    )!.bytesPerSec;
  close(a.baseline.instances[0].anonSlope, 100, 1e-6);
  close(a.gray.instances[0].anonSlope, 700, 1e-6);
  assert.equal(a.gray.instances[0].fileSlope, fit('gray', 'fileBytes'));
  assert.equal(a.split.anonBytesPerSec, fit('gray', 'anonBytes') - fit('baseline', 'anonBytes'));
  assert.equal(a.split.fileBytesPerSec, fit('gray', 'fileBytes') - fit('baseline', 'fileBytes'));
  close(a.split.anonBytesPerSec, 600, 1e-6);
  // The last reading of the first process, all four fields.
  assert.deepEqual(a.gray.lastStat, {
    anonBytes: 1e8 + 700 * 20,
    fileBytes: 5e7 + 40 * 20,
    kernelBytes: 3,
    sockBytes: 4,
  });
  assert.deepEqual(a.baseline.lastStat, {
    anonBytes: 1e8 + 100 * 20,
    fileBytes: 5e7 + 10 * 20,
    kernelBytes: 1,
    sockBytes: 2,
  });
  // Too few stats after the warm-up (two): no slopes, no split; none at all: no last stat either.
  const few = analyze({ ...bundle, stats: stats.filter((x) => x.t >= 19_000) }, 2000, null);
  assert.equal(few.gray.instances[0].anonSlope, null);
  assert.equal(few.split.anonBytesPerSec, null);
  assert.equal(few.split.fileBytesPerSec, null);
  const grayOnly = analyze({ ...bundle, stats: stats.filter((x) => x.side === 'gray') }, 2000, null);
  assert.equal(grayOnly.baseline.lastStat, null);
  assert.equal(grayOnly.split.anonBytesPerSec, null);
  assert.notEqual(grayOnly.gray.lastStat, null);
});

test("OOM kills and exits: the side's record, or the processes' own summed; an exit of the side before a process's", () => {
  const data = rows(10_000, 500, (t) => [ripple(t, 40 * MiB, 0), ripple(t, 50 * MiB, 0)]);
  const base = handBundle(data);
  const exit = { code: 2, signal: null } as never;
  const one = analyze({ ...base, final: { ...base.final, gray: { peakBytes: null, oomKills: 3, exit } } }, 2000, null);
  assert.equal(one.gray.oomKills, 3);
  assert.equal(one.gray.instances[0].oomKills, 3);
  assert.equal(one.gray.exit, exit);
  assert.equal(one.gray.instances[0].exit, exit);
  assert.equal(one.baseline.oomKills, 0);
  assert.equal(one.baseline.exit, null);
  // Unknown OOM kills stay unknown.
  const unknown = analyze(
    { ...base, final: { ...base.final, gray: { peakBytes: null, oomKills: null, exit: null } } },
    2000,
    null,
  );
  assert.equal(unknown.gray.oomKills, null);
});

/** makeBundle's replicas, every process's readings as columns after the warm-up. */
function columns(bundle: Bundle, side: 'baseline' | 'gray', i: number, warmupMs: number) {
  const w = bundle.samples.filter((s) => s.t >= warmupMs && s.instances![side][i] !== null);
  return { t: Float64Array.from(w, (s) => s.t / 1000), v: Float64Array.from(w, (s) => s.instances![side][i]!) };
}

test('replicas: each process on its own readings; a side is their mean with their spread; differences across processes', () => {
  const perMin = (m: number) => (m * MiB) / 60;
  const bundle = makeBundle({
    replicas: 3,
    durationMs: 30_000,
    instances: {
      gray: [{ slope: perMin(1) }, { slope: perMin(2), base: 24 * MiB }, { slope: perMin(4) }],
      baseline: [{}, { base: 22 * MiB }, { slope: perMin(0.5) }],
    },
  });
  const a = analyze(bundle, 5000, null);
  assert.equal(a.replicas, 3);
  for (const side of ['baseline', 'gray'] as const) {
    const s = a[side];
    assert.equal(s.instances.length, 3);
    const slopes: number[] = [];
    s.instances.forEach((inst, i) => {
      const { t, v } = columns(bundle, side, i, 5000);
      assert.equal(inst.samples, t.length);
      assert.equal(inst.p95Bytes, p95(v));
      // Replicas are compared by their spread: a P95 without an error of its own, a slope without one.
      assert.deepEqual(inst.p95, { value: p95(v), stdError: 0, df: Infinity });
      const floor = floorIndices(t, v, floorBinSeconds(t[t.length - 1] - t[0]));
      const fit = olsSlope(
        floor.map((k) => t[k]),
        floor.map((k) => v[k]),
      )!;
      assert.deepEqual(inst.slope, { value: fit.value, stdError: Infinity, df: Infinity });
      slopes.push(fit.value);
      assert.equal(inst.lastFloorBytes, v[floor[floor.length - 1]]);
    });
    close(s.p95Bytes, s.instances.reduce((x, i) => x + i.p95Bytes!, 0) / 3);
    close(s.lastFloorBytes, s.instances.reduce((x, i) => x + i.lastFloorBytes!, 0) / 3);
    const all = [0, 1, 2].flatMap((i) => [...columns(bundle, side, i, 5000).v]);
    close(s.meanBytes, all.reduce((x, y) => x + y, 0) / all.length);
    assert.equal(s.peakBytes, Math.max(...bundle.samples.flatMap((x) => x.instances![side] as number[])));
    const mean = sideMean(slopes)!;
    const at99 = intervalOf(mean, 0.99);
    assert.deepEqual(s.slope, {
      bytesPerSec: mean.value,
      low: at99.low,
      high: at99.high,
      stdError: mean.stdError,
      df: 2,
    });
    assert.equal(s.samples, Math.min(...s.instances.map((i) => i.samples)));
    assert.equal(s.floorPoints, Math.min(...s.instances.map((i) => i.floorPoints)));
  }
  const across = (g: Estimate[], b: Estimate[]) => intervalOf(replicaDifference(g, b)!, 0.99);
  const p = across(
    a.gray.instances.map((i) => i.p95!),
    a.baseline.instances.map((i) => i.p95!),
  );
  assert.deepEqual(a.p95Difference, {
    value: p.value,
    low: p.low,
    high: p.high,
    method: 'replicas',
    stdError: p.stdError,
    df: p.df,
  });
  assert.equal(a.p95Difference!.df, 4);
  const sl = across(
    a.gray.instances.map((i) => i.slope!),
    a.baseline.instances.map((i) => i.slope!),
  );
  assert.deepEqual(a.slopeDifference, {
    bytesPerSec: sl.value,
    low: sl.low,
    high: sl.high,
    method: 'replicas',
    stdError: sl.stdError,
    df: 4,
  });
});

test("replicas: a side whose only slope is one process's takes that process's own (EWC) error; the other processes have none", () => {
  const bundle = makeBundle({ replicas: 3, durationMs: 30_000 });
  // Gray's processes 2 and 3 read only at the start of the window: too few floor points for a slope.
  const samples = bundle.samples.map((s) =>
    s.t > 7000 ? { ...s, instances: { ...s.instances!, gray: [s.instances!.gray[0], null, null] } } : s,
  );
  const b = { ...bundle, samples };
  const a = analyze(b, 5000, null);
  assert.equal(a.gray.instances[1].slope, null);
  assert.equal(a.gray.instances[2].slope, null);
  const { t, v } = columns(b, 'gray', 0, 5000);
  const floor = floorIndices(t, v, floorBinSeconds(t[t.length - 1] - t[0]));
  const own = ewcSlopeOf(
    floor.map((k) => t[k]),
    floor.map((k) => v[k]),
  )!;
  assert.deepEqual(a.gray.instances[0].slope, own);
  // A side with a process without a slope has no side slope; and the difference is within the series.
  assert.equal(a.gray.slope, null);
  assert.equal(a.gray.floorPoints, Math.min(...a.gray.instances.map((i) => i.floorPoints)));
  assert.ok(a.gray.floorPoints < 4);
  const d = intervalOf(difference(own, sideMean(a.baseline.instances.map((i) => i.slope!.value))!), 0.99);
  assert.equal(a.slopeDifference!.method, 'within-series');
  close(a.slopeDifference!.bytesPerSec, d.value);
  close(a.slopeDifference!.stdError, d.stdError);
  // Baseline's three processes keep their value-only slopes.
  for (const i of a.baseline.instances) assert.equal(i.slope!.stdError, Infinity);
});

test('replicas: OOM kills summed over the processes, the first exit named; processes per side as the readings hold', () => {
  const bundle = makeBundle({ replicas: 2, durationMs: 10_000 });
  const exit = { code: null, signal: 'SIGKILL' } as never;
  const final = {
    baseline: {
      ...bundle.final.baseline,
      oomKills: 9,
      instances: [
        { peakBytes: null, oomKills: null, exit: null },
        { peakBytes: null, oomKills: null, exit: null },
      ],
    },
    gray: {
      ...bundle.final.gray,
      oomKills: 0,
      instances: [
        { peakBytes: null, oomKills: 1, exit: null },
        { peakBytes: null, oomKills: 2, exit },
      ],
    },
  };
  const a = analyze({ ...bundle, final }, 5000, null);
  assert.equal(a.gray.oomKills, 3);
  assert.deepEqual(
    a.gray.instances.map((i) => i.oomKills),
    [1, 2],
  );
  assert.equal(a.gray.exit, exit);
  // No process knows its OOM kills: the side's record.
  assert.equal(a.baseline.oomKills, 9);
  assert.equal(a.baseline.exit, null);
  // Two gray processes in the readings, three baseline (a fleet's sides may differ): replicas is the fewer.
  const uneven = {
    ...bundle,
    meta: { ...bundle.meta, replicas: 7 },
    samples: bundle.samples.map((s) => ({
      ...s,
      instances: { baseline: [...s.instances!.baseline, s.baseline], gray: s.instances!.gray },
    })),
  };
  const u = analyze(uneven, 5000, null);
  assert.equal(u.replicas, 2);
  assert.equal(u.baseline.instances.length, 3);
  assert.equal(u.gray.instances.length, 2);
  // No per-process readings: the bundle's count.
  const counted = analyze({ ...makeBundle({ durationMs: 10_000 }), meta: { ...bundle.meta, replicas: 1 } }, 5000, null);
  assert.equal(counted.replicas, 1);
});

/** Heap and goroutine evidence of one process pair, built by hand (the fields analyze reads). */
function evidenceOf(over: {
  heap?: Partial<Record<'baseline' | 'gray', Record<string, unknown>>>;
  spans?: Record<'baseline' | 'gray', number> | null;
  goroutines?: Record<'baseline' | 'gray', { dumps: number; startCount: number | null; endCount: number | null }>;
}): Evidence {
  const side = (s: 'baseline' | 'gray') => ({ ...emptyHeapSide(), ...over.heap?.[s] });
  const noDumps = { dumps: 0, startCount: null, endCount: null };
  return {
    suspects: [],
    patterns: [],
    warnings: [],
    summary: {
      heap: { baseline: side('baseline'), gray: side('gray'), inuseGrowthDifference: null, noiseFloorBytes: null },
      goroutines: over.goroutines ?? { baseline: noDumps, gray: noDumps },
      churn: [],
      diffProfiles: [],
    },
    heap: over.spans === null || over.spans === undefined ? null : ({ spans: over.spans } as never),
  } as Evidence;
}

test("retained heap: the robust growth with the larger of the fit's error (from its 95% interval) and Go's sampling error", () => {
  const data = rows(30_000, 500, (t) => [ripple(t, 40 * MiB, 0), ripple(t, 50 * MiB, 0)]);
  const bundle = handBundle(data);
  const growth = (perSec: number, half: number) => ({ perSec, low: perSec - half, high: perSec + half });
  // Gray: 6 snapshots, the fit's 95% half-width 40 KB/s (t95(4) = 2.776), robust 9000 B/s; sampled every
  // 64 KiB over 50 s: the sampling error is far below the fit's.
  const ev = evidenceOf({
    heap: {
      gray: { snapshots: 6, inuseGrowth: growth(10_000, 40_000), robustInuseGrowth: 9000, periodBytes: 64 * KiB },
      baseline: { snapshots: 5, inuseGrowth: growth(500, 300), periodBytes: 512 * KiB },
    },
    spans: { baseline: 50, gray: 50 },
  });
  const a = analyze(bundle, 2000, ev);
  const gray = a.gray.instances[0].inuseGrowth!;
  assert.equal(gray.value, 9000);
  assert.equal(gray.stdError, 40_000 / 2.776);
  assert.equal(gray.df, 4);
  // Baseline: no robust figure (its OLS growth), a tight fit, coarse sampling: the sampling error wins.
  const base = a.baseline.instances[0].inuseGrowth!;
  assert.equal(base.value, 500);
  assert.equal(base.stdError, samplingError(500 * 50, 512 * KiB, 50));
  assert.ok(base.stdError > 300 / t95(3));
  assert.equal(base.df, 3);
  const d = intervalOf(difference(gray, base), 0.99);
  assert.deepEqual(a.inuseDifference, {
    value: d.value,
    low: d.low,
    high: d.high,
    method: 'within-series',
    stdError: d.stdError,
    df: d.df,
  });
  assert.equal(a.evidence, ev);
  // Without spans (no heap diff) or without a period, only the fit's error.
  const bare = evidenceOf({
    heap: {
      gray: { snapshots: 3, inuseGrowth: growth(100, 1), periodBytes: 512 * KiB },
      baseline: { snapshots: 3, inuseGrowth: growth(0, 1), periodBytes: null },
    },
    spans: { baseline: 50, gray: 0 },
  });
  const b = analyze(bundle, 2000, bare);
  assert.equal(b.gray.instances[0].inuseGrowth!.stdError, 1 / 12.706);
  assert.equal(b.baseline.instances[0].inuseGrowth!.stdError, 1 / 12.706);
  assert.equal(b.gray.instances[0].inuseGrowth!.df, 1);
  const none = analyze(bundle, 2000, { ...bare, heap: null });
  assert.equal(none.gray.instances[0].inuseGrowth!.stdError, 1 / 12.706);
  // Fewer than 3 snapshots, or no growth figure: no retained growth, no difference.
  const two = evidenceOf({
    heap: {
      gray: { snapshots: 2, inuseGrowth: growth(100, 1), periodBytes: 64 * KiB },
      baseline: { snapshots: 3, inuseGrowth: null, periodBytes: 64 * KiB },
    },
    spans: { baseline: 50, gray: 50 },
  });
  const c = analyze(bundle, 2000, two);
  assert.equal(c.gray.instances[0].inuseGrowth, null);
  assert.equal(c.baseline.instances[0].inuseGrowth, null);
  assert.equal(c.inuseDifference, null);
});

test("goroutines gained per second of the window: end minus start over the readings' span; unknown without two dumps", () => {
  const data = rows(22_000, 500, (t) => [ripple(t, 40 * MiB, 0), ripple(t, 50 * MiB, 0)]);
  const bundle = handBundle(data);
  const g = (dumps: number, startCount: number | null, endCount: number | null) => ({ dumps, startCount, endCount });
  const a = analyze(bundle, 2000, evidenceOf({ goroutines: { baseline: g(3, 10, 12), gray: g(2, 10, 410) } }));
  // The window's readings span 20 s.
  assert.equal(a.gray.instances[0].goroutineGrowth, 20);
  assert.equal(a.baseline.instances[0].goroutineGrowth, 0.1);
  assert.equal(a.goroutineDifference, 19.9);
  for (const [baseline, gray] of [
    [g(1, 10, 10), g(2, 10, 410)],
    [g(2, null, 10), g(2, 10, 410)],
    [g(2, 10, null), g(2, 10, 410)],
  ]) {
    const b = analyze(bundle, 2000, evidenceOf({ goroutines: { baseline, gray } }));
    assert.equal(b.baseline.instances[0].goroutineGrowth, null);
    assert.equal(b.goroutineDifference, null);
    assert.equal(b.gray.instances[0].goroutineGrowth, 20);
  }
  // One reading in the window: no span, no rate.
  const short = handBundle(data.filter(([t]) => t <= 2000));
  assert.equal(
    analyze(short, 2000, evidenceOf({ goroutines: { baseline: g(3, 10, 12), gray: g(2, 10, 410) } })).gray.instances[0]
      .goroutineGrowth,
    null,
  );
});

test('heap sampling that did not take: a warning for each side whose profiles sample at another period than asked', () => {
  const data = rows(10_000, 500, (t) => [ripple(t, 40 * MiB, 0), ripple(t, 50 * MiB, 0)]);
  const ev = evidenceOf({ heap: { gray: { periodBytes: 512 * KiB }, baseline: { periodBytes: 64 * KiB } } });
  const asked = handBundle(data, { memProfileRate: 64 * KiB, warnings: ['load died'] });
  const a = analyze(asked, 2000, ev);
  assert.deepEqual(a.warnings, [
    'load died',
    'gray: GODEBUG=memprofilerate=65536 did not take effect (its heap profiles sample every 524288 bytes), so heap evidence is coarser: Go before 1.20 ignores it (golang/go#55100), or the service sets runtime.MemProfileRate itself; set the rate in the service (e.g. from a flag)',
  ]);
  const both = analyze(handBundle(data, { memProfileRate: 4096 }), 2000, ev);
  assert.deepEqual(
    both.warnings.map((w) => w.split(':')[0]),
    ['baseline', 'gray'],
  );
  // Nothing asked, or no evidence, or a side without a period: no warning.
  assert.deepEqual(analyze(handBundle(data, { memProfileRate: null }), 2000, ev).warnings, []);
  assert.deepEqual(analyze(handBundle(data), 2000, ev).warnings, []);
  assert.deepEqual(analyze(handBundle(data, { memProfileRate: 4096 }), 2000, null).warnings, []);
  const onlyGray = evidenceOf({ heap: { gray: { periodBytes: 4096 } } });
  assert.deepEqual(analyze(handBundle(data, { memProfileRate: 4096 }), 2000, onlyGray).warnings, []);
  // The bundle's other fields pass through.
  const meta = analyze(
    handBundle(data, { limitations: ['no pprof'], endedEarly: 'gray exited', memoryMaxBytes: 5 }),
    2000,
    null,
  );
  assert.deepEqual(meta.limitations, ['no pprof']);
  assert.equal(meta.endedEarly, 'gray exited');
  assert.equal(meta.memoryMaxBytes, 5);
  assert.equal(meta.driver, 'v1');
});

/** A heap profile: retained bytes per function (one stack each), sampled every `period` bytes. */
function heapProfile(bytesByFn: Record<string, number>, period: number): Uint8Array {
  const strings = new StringTable();
  const names = Object.keys(bytesByFn);
  const profile = new Profile({
    sampleType: ['alloc_objects', 'alloc_space', 'inuse_objects', 'inuse_space'].map((type, i) => ({
      type: strings.dedup(type),
      unit: strings.dedup(i % 2 ? 'bytes' : 'count'),
    })),
    sample: names.map((fn, i) => {
      const bytes = bytesByFn[fn];
      return { locationId: [i + 1], value: [Math.ceil(bytes / KiB), bytes, Math.ceil(bytes / KiB), bytes] };
    }),
    location: names.map((_, i) => ({ id: i + 1, line: [{ functionId: i + 1, line: 10 }] })),
    function: names.map((fn, i) => ({ id: i + 1, name: strings.dedup(fn), filename: strings.dedup('/app/main.go') })),
    period,
    stringTable: strings,
  });
  return gzipSync(profile.encode());
}

type HeapOf = (side: 'baseline' | 'gray', instance: number, snapshot: number) => Record<string, number> | null;

/** A goroutine dump (`debug=2`) of `count` goroutines blocked in main.worker. */
function goroutineDump(count: number): Uint8Array {
  const one = (id: number) =>
    `goroutine ${id} [chan receive]:\nmain.worker(0xc000010000)\n\t/app/main.go:20 +0x4a\ncreated by main.start in goroutine 1\n\t/app/main.go:10 +0x2b\n`;
  return new TextEncoder().encode(Array.from({ length: count }, (_, i) => one(i + 2)).join('\n'));
}

type DumpOf = (side: 'baseline' | 'gray', instance: number, snapshot: number) => number | null;

/** Heap profiles (and goroutine dumps) of every process at `times` (ms); a null heap is a process not profiled then. */
function profilesOf(replicas: number, times: number[], heap: HeapOf, period = 64 * KiB, dumps?: DumpOf): ProfileSet {
  const entries: ProfileEntry[] = [];
  const data: Record<string, Uint8Array> = {};
  for (const side of ['baseline', 'gray'] as const)
    for (let i = 0; i < replicas; i++)
      times.forEach((t, k) => {
        const count = dumps?.(side, i, k) ?? null;
        if (count !== null) {
          const file = `pprof/${side}-${i}-goroutine-${k}.txt`;
          data[file] = goroutineDump(count);
          entries.push({
            side,
            instance: i,
            kind: 'goroutine',
            seq: k,
            t,
            file,
            bytes: data[file].length,
            error: null,
            fetchMs: 1,
          });
        }
        const bytes = heap(side, i, k);
        if (!bytes) return;
        const file = `pprof/${side}-${i}-heap-${k}.pb.gz`;
        data[file] = heapProfile(bytes, period);
        entries.push({
          side,
          instance: i,
          kind: 'heap',
          seq: k,
          t,
          file,
          bytes: data[file].length,
          error: null,
          fetchMs: 1,
        });
      });
  return {
    schema: PROFILE_INDEX_SCHEMA,
    urls: { baseline: null, gray: null },
    intervalMs: 250,
    entries,
    notes: [],
    data,
  };
}

const TIMES = [5000, 20_000, 35_000, 50_000, 65_000];
/** A steady heap that wobbles a little by process and snapshot. */
const steady = (i: number, k: number) => 20 * MiB + (((i * 7 + k * 3) % 5) - 2) * 16 * KiB;

/**
 * What one process's retained growth at `fn` is, read off its own heap comparison: bytes grown over the span,
 * with the larger of its fit's error and Go's sampling error; 0 (with the sampling error) where the function
 * is not in its profiles; none without two snapshots.
 */
function expectedSiteGrowth(evidence: Evidence | null, fn: string, side: 'baseline' | 'gray'): Estimate | null {
  const heap = evidence?.heap;
  if (!heap || heap.sides[side].snapshots < 2 || !(heap.spans[side] > 0)) return null;
  const span = heap.spans[side];
  const f = heap.functions.find((x) => x.function === fn);
  if (!f) return { value: 0, stdError: samplingError(0, heap.periodBytes, span), df: Infinity };
  const own = f.growthError[side];
  return {
    value: f.growth[side].bytes / span,
    stdError: Math.max(own?.bytesPerSec ?? 0, samplingError(f.growth[side].bytes, heap.periodBytes, span)),
    df: own?.df ?? Infinity,
  };
}

/** The site comparison analyze should make of `fn` at `confidence`. */
function expectedSite(evidences: (Evidence | null)[], fn: string, confidence: number, candidates: number) {
  const per = (side: 'baseline' | 'gray') =>
    evidences.map((e) => expectedSiteGrowth(e, fn, side)).filter((e): e is Estimate => e !== null);
  const i = intervalOf(replicaDifference(per('gray'), per('baseline'))!, confidence);
  return {
    value: i.value,
    low: i.low,
    high: i.high,
    method: 'replicas' as const,
    stdError: i.stdError,
    df: i.df,
    function: fn,
    candidates,
  };
}

test('allocation sites: each process pair names its top suspect; each is compared across processes at 99% split among them; the clearest is kept', () => {
  // main.keep grows in every gray process (each pair's top suspect but one); main.other only in gray
  // process 2 (that pair's top); main.rare only in gray process 3's profiles (its pair's top), absent
  // from every other profile.
  const heap: HeapOf = (side, i, k) => ({
    'main.base': steady(i, k),
    'main.keep': 2 * MiB + (side === 'gray' ? k * (4 + i) * MiB : ((k + i) % 3) * 64 * KiB),
    'main.other': 3 * MiB + (side === 'gray' && i === 1 ? k * 6 * MiB : 0),
    ...(side === 'gray' && i === 2 ? { 'main.rare': MiB + k * 9 * MiB } : {}),
  });
  const bundle = { ...makeBundle({ replicas: 3, durationMs: 60_000 }), profiles: profilesOf(3, TIMES, heap) };
  const evidences = [0, 1, 2].map((i) => analyzeEvidence(bundle.profiles, 5000, i));
  assert.deepEqual(
    evidences.map((e) => e!.suspects.find((s) => s.source === 'pprof' && s.kind === 'growth')!.function),
    ['main.keep', 'main.other', 'main.rare'],
  );
  const a = analyze(bundle, 5000);
  // Three candidates: each at 1 - 0.01 / 3.
  const confidence = 1 - 0.01 / 3;
  const each = ['main.keep', 'main.other', 'main.rare'].map((fn) => expectedSite(evidences, fn, confidence, 3));
  const clearest = each.reduce((best, s) => (s.low > best.low ? s : best));
  assert.equal(clearest.function, 'main.keep');
  assert.deepEqual(a.siteDifference, clearest);
  // The function absent from a process's profiles counts as no growth there, with one sampling period of error.
  assert.deepEqual(expectedSiteGrowth(evidences[0], 'main.rare', 'gray'), {
    value: 0,
    stdError: samplingError(0, 64 * KiB, 60),
    df: Infinity,
  });
  // The first instance's evidence is the one given; the others' are read from the profiles.
  assert.deepEqual(a.evidence, evidences[0]);
  assert.deepEqual(analyze(bundle, 5000, evidences[0]).siteDifference, clearest);
  // The retained heap as a whole, across processes too.
  assert.equal(a.inuseDifference!.method, 'replicas');
});

test('allocation sites: at most MAX_SITES candidates; a process without two snapshots is left out of the site comparison', () => {
  // Four pairs, four different top suspects: only the first three are compared (at 1 - 0.01 / 3), though the
  // fourth grows in every gray process.
  const tops = ['main.a', 'main.b', 'main.c', 'main.d'];
  const heap: HeapOf = (side, i, k) => {
    const out: Record<string, number> = { 'main.base': steady(i, k) };
    tops.forEach((fn, j) => {
      const grows = side === 'gray' && (j === i || j === 3);
      out[fn] = 2 * MiB + (grows ? k * (j === i ? 12 : 2 + i) * MiB : 0);
    });
    return out;
  };
  const bundle = { ...makeBundle({ replicas: 4, durationMs: 60_000 }), profiles: profilesOf(4, TIMES, heap) };
  const evidences = [0, 1, 2, 3].map((i) => analyzeEvidence(bundle.profiles, 5000, i));
  assert.deepEqual(
    evidences.map((e) => e!.suspects.find((s) => s.source === 'pprof' && s.kind === 'growth')!.function),
    tops,
  );
  const a = analyze(bundle, 5000);
  assert.equal(a.siteDifference!.candidates, 3);
  const each = tops.slice(0, 3).map((fn) => expectedSite(evidences, fn, 1 - 0.01 / 3, 3));
  assert.deepEqual(
    a.siteDifference,
    each.reduce((best, s) => (s.low > best.low ? s : best)),
  );
  // Gray process 4 with a single heap profile: no growth of its own; the other three are compared.
  const one: HeapOf = (side, i, k) => (side === 'gray' && i === 3 && k > 0 ? null : heap(side, i, k));
  const b = { ...bundle, profiles: profilesOf(4, TIMES, one) };
  const ev = [0, 1, 2, 3].map((i) => analyzeEvidence(b.profiles, 5000, i));
  assert.equal(ev[3]!.heap!.sides.gray.snapshots, 1);
  assert.equal(expectedSiteGrowth(ev[3], 'main.a', 'gray'), null);
  const site = analyze(b, 5000).siteDifference!;
  const three = ['main.a', 'main.b', 'main.c'];
  assert.ok(three.includes(site.function));
  assert.deepEqual(site, expectedSite(ev, site.function, 1 - 0.01 / 3, 3));
  assert.equal(site.df, expectedSite(ev, site.function, 0.99, 3).df);
});

test('allocation sites need several processes a side: with one, or none named, there is no site comparison', () => {
  const heap: HeapOf = (side, i, k) => ({
    'main.base': steady(i, k),
    'main.keep': 2 * MiB + (side === 'gray' ? k * 8 * MiB : 0),
  });
  const single = { ...makeBundle({ durationMs: 60_000 }), profiles: profilesOf(1, TIMES, heap) };
  const a = analyze(single, 5000);
  assert.equal(a.evidence!.suspects[0].function, 'main.keep');
  assert.equal(a.siteDifference, null);
  assert.equal(a.inuseDifference!.method, 'within-series');
  // Several processes, but nothing grows: no candidate.
  const flat = {
    ...makeBundle({ replicas: 3, durationMs: 60_000 }),
    profiles: profilesOf(3, TIMES, (_s, i, k) => ({ 'main.base': steady(i, k) })),
  };
  assert.equal(analyze(flat, 5000).siteDifference, null);
});

test('replicas: a tick without per-process readings is skipped; the side counts the fewest readings; a process without a P95 has none', () => {
  const bundle = makeBundle({ replicas: 3, durationMs: 30_000 });
  const samples: Bundle['samples'] = bundle.samples.map((s, k) => {
    // One tick in the window lost its per-process readings (only the side's mean is known).
    if (k === 40) return { t: s.t, baseline: s.baseline, gray: s.gray };
    // Gray process 3 missed every other reading after 10 s; baseline process 2 never read in the window.
    const gray = [...s.instances!.gray];
    if (s.t > 10_000 && k % 2) gray[2] = null;
    const baseline = [...s.instances!.baseline];
    if (s.t >= 5000) baseline[1] = null;
    return { ...s, instances: { baseline, gray } };
  });
  const b = { ...bundle, samples };
  const a = analyze(b, 5000, null);
  const inWindow = samples.filter((s) => s.t >= 5000);
  assert.equal(a.gray.instances[0].samples, inWindow.length - 1);
  assert.equal(a.gray.instances[2].samples, inWindow.filter((s) => s.instances && s.instances.gray[2] !== null).length);
  assert.equal(a.gray.samples, a.gray.instances[2].samples);
  assert.ok(a.gray.samples < a.gray.instances[0].samples);
  // Baseline process 2: no readings in the window, no P95, no slope; the side's mean P95 is the other two's.
  assert.equal(a.baseline.instances[1].samples, 0);
  assert.equal(a.baseline.instances[1].p95Bytes, null);
  assert.equal(a.baseline.instances[1].p95, null);
  assert.equal(a.baseline.samples, 0);
  close(a.baseline.p95Bytes, (a.baseline.instances[0].p95Bytes! + a.baseline.instances[2].p95Bytes!) / 2);
  // The P95 difference across the processes that have one: three gray, two baseline.
  const p = intervalOf(
    replicaDifference(
      a.gray.instances.map((i) => i.p95!),
      [a.baseline.instances[0].p95!, a.baseline.instances[2].p95!],
    )!,
    0.99,
  );
  assert.equal(a.p95Difference!.method, 'replicas');
  assert.equal(a.p95Difference!.value, p.value);
  assert.equal(a.p95Difference!.df, 3);
  assert.equal(a.p95Difference!.low, p.low);
  // One baseline process with a P95 left: within the series, against that one process's figure.
  const lone = samples.map((s) =>
    s.instances && s.t >= 5000
      ? { ...s, instances: { ...s.instances, baseline: [s.instances.baseline[0], null, null] } }
      : s,
  );
  const l = analyze({ ...bundle, samples: lone }, 5000, null);
  const within = intervalOf(
    difference(
      sideMean(
        l.gray.instances.map((i) => i.p95Bytes!),
        [0, 0, 0],
        Infinity,
      )!,
      l.baseline.instances[0].p95!,
    ),
    0.99,
  );
  assert.equal(l.p95Difference!.method, 'within-series');
  assert.equal(l.p95Difference!.value, within.value);
  assert.equal(l.p95Difference!.low, within.low);
  // No baseline process with a P95: no difference.
  const none = samples.map((s) =>
    s.instances && s.t >= 5000 ? { ...s, instances: { ...s.instances, baseline: [null, null, null] } } : s,
  );
  assert.equal(analyze({ ...bundle, samples: none }, 5000, null).p95Difference, null);
});

test("replicas: without per-process records the side's OOM kills are the first process's; known ones are summed, unknown ones left out", () => {
  const bundle = makeBundle({ replicas: 3, durationMs: 10_000 });
  const a = analyze(
    { ...bundle, final: { ...bundle.final, gray: { peakBytes: null, oomKills: 2, exit: null } } },
    5000,
    null,
  );
  assert.deepEqual(
    a.gray.instances.map((i) => i.oomKills),
    [2, null, null],
  );
  assert.equal(a.gray.oomKills, 2);
  const mixed = {
    peakBytes: null,
    oomKills: 9,
    exit: null,
    instances: [
      { peakBytes: null, oomKills: 1, exit: null },
      { peakBytes: null, oomKills: null, exit: null },
      { peakBytes: null, oomKills: null, exit: null },
    ],
  };
  assert.equal(analyze({ ...bundle, final: { ...bundle.final, gray: mixed } }, 5000, null).gray.oomKills, 1);
});

test('memory.stat: a side with no stat of its own has no split; one process without stats leaves the split unknown', () => {
  const data = rows(20_000, 500, (t) => [ripple(t, 40 * MiB, 0), ripple(t, 50 * MiB, 0)]);
  const stat = (t: number, side: 'baseline' | 'gray', instance = 0): StatSample => ({
    t,
    side,
    instance,
    anonBytes: 1e8 + 10 * t,
    fileBytes: 5e7 + t,
    kernelBytes: 7,
    sockBytes: 8,
  });
  const times = [3000, 6000, 9000, 12_000];
  // Only baseline has stats: no split (gray's slopes are unknown), however baseline's look.
  const baselineOnly = analyze({ ...handBundle(data), stats: times.map((t) => stat(t, 'baseline')) }, 2000, null);
  assert.notEqual(baselineOnly.baseline.instances[0].anonSlope, null);
  assert.equal(baselineOnly.split.anonBytesPerSec, null);
  assert.equal(baselineOnly.split.fileBytesPerSec, null);
  // The first process's only stat is the first of the list: still its last.
  const first = analyze({ ...handBundle(data), stats: [stat(3000, 'gray'), stat(4000, 'baseline', 1)] }, 2000, null);
  assert.deepEqual(first.gray.lastStat, {
    anonBytes: 1e8 + 30_000,
    fileBytes: 5e7 + 3000,
    kernelBytes: 7,
    sockBytes: 8,
  });
  assert.equal(first.baseline.lastStat, null);
  // Replicas: gray's second process without stats leaves the split unknown.
  const bundle = makeBundle({ replicas: 2, durationMs: 20_000 });
  const stats = times.flatMap((t) => [stat(t, 'baseline', 0), stat(t, 'baseline', 1), stat(t, 'gray', 0)]);
  const r = analyze({ ...bundle, stats }, 2000, null);
  assert.equal(r.gray.instances[1].anonSlope, null);
  assert.notEqual(r.gray.instances[0].anonSlope, null);
  assert.equal(r.split.anonBytesPerSec, null);
  // The same on baseline's side: its second process without stats, gray's both with.
  const grayFull = [
    ...stats.filter((x) => !(x.side === 'baseline' && x.instance === 1)),
    ...times.map((t) => stat(t, 'gray', 1)),
  ];
  const rb = analyze({ ...bundle, stats: grayFull }, 2000, null);
  assert.equal(rb.baseline.instances[1].anonSlope, null);
  assert.equal(rb.split.anonBytesPerSec, null);
  assert.equal(rb.split.fileBytesPerSec, null);
  // And with it, the mean over the processes.
  const all = analyze({ ...bundle, stats: [...stats, ...times.map((t) => stat(t, 'gray', 1))] }, 2000, null);
  close(all.split.anonBytesPerSec, 0, 1e-6);
});

test('goroutines: no reading in the window, no span: no rate', () => {
  const bundle = handBundle([
    [0, 10 * MiB, 12 * MiB],
    [1000, 11 * MiB, 13 * MiB],
  ]);
  const g = { dumps: 3, startCount: 10, endCount: 40 };
  const a = analyze(bundle, 2000, evidenceOf({ goroutines: { baseline: g, gray: g } }));
  assert.equal(a.gray.instances[0].goroutineGrowth, null);
  assert.equal(a.goroutineDifference, null);
});

test('retained heap: a baseline without the figure leaves no difference, whatever gray grew', () => {
  const data = rows(30_000, 500, (t) => [ripple(t, 40 * MiB, 0), ripple(t, 50 * MiB, 0)]);
  const ev = evidenceOf({
    heap: {
      gray: { snapshots: 6, inuseGrowth: { perSec: 1e4, low: 0, high: 2e4 }, periodBytes: 64 * KiB },
      baseline: { snapshots: 2, inuseGrowth: { perSec: 0, low: 0, high: 0 }, periodBytes: 64 * KiB },
    },
    spans: { baseline: 50, gray: 50 },
  });
  const a = analyze(handBundle(data), 2000, ev);
  assert.notEqual(a.gray.instances[0].inuseGrowth, null);
  assert.equal(a.baseline.instances[0].inuseGrowth, null);
  assert.equal(a.inuseDifference, null);
});

/** The top heap growth suspect each process pair names. */
const topsOf = (evidences: (Evidence | null)[]) =>
  evidences.map((e) => e?.suspects.find((s) => s.source === 'pprof' && s.kind === 'growth')?.function ?? null);

test('allocation sites: the clearest is kept whichever pair named it first; a function missing from a pair counts as no growth there', () => {
  // Pair 1 names main.first (grows in gray process 1 alone); pairs 2-4 name main.second, which grows in gray
  // processes 2-4 and is in no profile of pair 1 at all.
  const heap: HeapOf = (side, i, k) => ({
    'main.base': steady(i, k),
    ...(i === 0 ? { 'main.first': 2 * MiB + (side === 'gray' ? k * 10 * MiB : 0) } : {}),
    ...(i > 0 ? { 'main.second': 2 * MiB + (side === 'gray' ? k * 6 * MiB : 0) } : {}),
  });
  const bundle = { ...makeBundle({ replicas: 4, durationMs: 60_000 }), profiles: profilesOf(4, TIMES, heap) };
  const evidences = [0, 1, 2, 3].map((i) => analyzeEvidence(bundle.profiles, 5000, i));
  assert.deepEqual(topsOf(evidences), ['main.first', 'main.second', 'main.second', 'main.second']);
  assert.equal(
    evidences[0]!.heap!.functions.find((f) => f.function === 'main.second'),
    undefined,
  );
  const confidence = 1 - 0.01 / 2;
  const first = expectedSite(evidences, 'main.first', confidence, 2);
  const second = expectedSite(evidences, 'main.second', confidence, 2);
  assert.ok(second.low > first.low);
  assert.deepEqual(analyze(bundle, 5000).siteDifference, second);
});

test('allocation sites with two processes a side and two heap profiles each: growth without a fit error of its own keeps the sampling error', () => {
  const two = [5000, 65_000];
  const heap: HeapOf = (side, i, k) => ({
    'main.base': steady(i, k),
    'main.keep': 2 * MiB + (side === 'gray' ? k * (40 + 8 * i) * MiB : 0),
  });
  const bundle = { ...makeBundle({ replicas: 2, durationMs: 60_000 }), profiles: profilesOf(2, two, heap) };
  const evidences = [0, 1].map((i) => analyzeEvidence(bundle.profiles, 5000, i));
  assert.deepEqual(topsOf(evidences), ['main.keep', 'main.keep']);
  const keep = evidences[0]!.heap!.functions.find((f) => f.function === 'main.keep')!;
  assert.equal(keep.growthError.gray, null);
  assert.deepEqual(expectedSiteGrowth(evidences[0], 'main.keep', 'gray'), {
    value: keep.growth.gray.bytes / 60,
    stdError: samplingError(keep.growth.gray.bytes, 64 * KiB, 60),
    df: Infinity,
  });
  const site = analyze(bundle, 5000).siteDifference;
  assert.deepEqual(site, expectedSite(evidences, 'main.keep', 0.99, 1));
  assert.equal(site!.method, 'replicas');
});

test('allocation sites: a process without profiles is left out; a site compared within one series only is no site', () => {
  const heap: HeapOf = (side, i, k) => ({
    'main.base': steady(i, k),
    'main.keep': 2 * MiB + (side === 'gray' ? k * (6 + i) * MiB : ((k + i) % 3) * 64 * KiB),
  });
  // Process 4 of each side was never profiled.
  const unprofiled: HeapOf = (side, i, k) => (i === 3 ? null : heap(side, i, k));
  const bundle = { ...makeBundle({ replicas: 4, durationMs: 60_000 }), profiles: profilesOf(4, TIMES, unprofiled) };
  const evidences = [0, 1, 2, 3].map((i) => analyzeEvidence(bundle.profiles, 5000, i));
  assert.equal(evidences[3], null);
  const site = analyze(bundle, 5000).siteDifference;
  assert.deepEqual(site, expectedSite(evidences.slice(0, 3), 'main.keep', 0.99, 1));
  // Baseline processes 2 and 3 with one heap profile each: one baseline growth left, so the site could only be
  // compared within one series; the site comparison is across processes or nothing.
  const once: HeapOf = (side, i, k) => (side === 'baseline' && i > 0 && k > 0 ? null : heap(side, i, k));
  const b = { ...makeBundle({ replicas: 3, durationMs: 60_000 }), profiles: profilesOf(3, TIMES, once) };
  const ev = [0, 1, 2].map((i) => analyzeEvidence(b.profiles, 5000, i));
  assert.deepEqual(topsOf(ev), ['main.keep', 'main.keep', 'main.keep']);
  assert.equal(analyze(b, 5000).siteDifference, null);
});

test('allocation sites: only heap growth suspects are candidates, not a level gray reached before the window nor piled-up goroutines', () => {
  // Pair 2's only suspect is an excess: main.cache holds 40 MiB more in gray throughout, not growing.
  const heap: HeapOf = (side, i, k) => ({
    'main.base': steady(i, k),
    'main.keep': 2 * MiB + (side === 'gray' && i !== 1 ? k * 6 * MiB : 0),
    'main.cache': 4 * MiB + (side === 'gray' && i === 1 ? 40 * MiB : 0),
  });
  // Pair 2's gray also piles up goroutines in main.worker: a goroutine growth suspect, ranked first there.
  const dumps: DumpOf = (side, i, k) => (side === 'gray' && i === 1 ? 10 + 60 * k : 10);
  const bundle = {
    ...makeBundle({ replicas: 3, durationMs: 60_000 }),
    profiles: profilesOf(3, TIMES, heap, 64 * KiB, dumps),
  };
  const evidences = [0, 1, 2].map((i) => analyzeEvidence(bundle.profiles, 5000, i));
  assert.deepEqual(
    evidences[1]!.suspects.map((s) => `${s.source}:${s.kind}:${s.function}`),
    ['goroutine:growth:main.worker', 'pprof:excess:main.cache'],
  );
  assert.deepEqual(analyze(bundle, 5000).siteDifference, expectedSite(evidences, 'main.keep', 0.99, 1));
});

test('allocation sites where the sides run different numbers of processes (a fleet): every process of each side is compared', () => {
  // Three baseline processes, two gray.
  const bundle = makeBundle({ replicas: 3, durationMs: 60_000 });
  const samples = bundle.samples.map((s) => ({
    ...s,
    instances: { baseline: s.instances!.baseline, gray: s.instances!.gray.slice(0, 2) },
  }));
  const heap: HeapOf = (side, i, k) =>
    side === 'gray' && i === 2
      ? null
      : { 'main.base': steady(i, k), 'main.keep': 2 * MiB + (side === 'gray' ? k * (6 + i) * MiB : i * k * 256 * KiB) };
  const b = { ...bundle, samples, profiles: profilesOf(3, TIMES, heap) };
  const evidences = [0, 1, 2].map((i) => analyzeEvidence(b.profiles, 5000, i));
  assert.notEqual(expectedSiteGrowth(evidences[2], 'main.keep', 'baseline'), null);
  const a = analyze(b, 5000);
  assert.equal(a.replicas, 2);
  const per = (side: 'baseline' | 'gray', n: number) =>
    evidences.slice(0, n).map((e) => expectedSiteGrowth(e, 'main.keep', side)!);
  const i = intervalOf(replicaDifference(per('gray', 2), per('baseline', 3))!, 0.99);
  assert.equal(a.siteDifference!.value, i.value);
  assert.equal(a.siteDifference!.low, i.low);
  assert.equal(a.siteDifference!.df, i.df);
});

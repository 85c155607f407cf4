// The eBPF cost guard's arithmetic and decision, pure: probe hits from an allocation rate, their cost
// against the budget, and what --ebpf auto and on do with a side over it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { Profile, StringTable, type SampleInput } from 'pprof-format';
import {
  allocationRate,
  costFromHits,
  decideTracing,
  EBPF_COST_BUDGET,
  estimateCost,
  heapTotals,
  hitsWarning,
  PROBE_HIT_COST_US,
} from '../src/collect/ebpf-cost.ts';

const MiB = 1024 * 1024;

test('the estimate: bytes per second over MemProfileRate hits, each costing the measured constant, as a share of one core', () => {
  // The allocation-heavy fixture: 200 MiB/s sampled every 64 KiB is 3,200 hits/s; x 40 µs = 12.8% of a core.
  const heavy = estimateCost(allocationRate({ allocBytes: 2000 * MiB, allocObjects: 1e6 }, 65536, 10), 'sampled');
  assert.equal(heavy.hitsPerSec, 3200);
  assert.equal(heavy.hitCostUs, PROBE_HIT_COST_US);
  assert.equal(heavy.share, 0.128);
  assert.equal(heavy.budget, EBPF_COST_BUDGET);
  assert.equal(heavy.memProfileRate, 65536);
  assert.equal(heavy.allocPerSec, 200 * MiB);
  // The same service at Go's default 512 KiB: 400 hits/s, 1.6%.
  assert.equal(
    estimateCost(allocationRate({ allocBytes: 2000 * MiB, allocObjects: 1e6 }, 524288, 10), 'sampled').share,
    0.016,
  );
  // A profile without a period is taken at Go's default rate.
  assert.equal(
    estimateCost(allocationRate({ allocBytes: 2000 * MiB, allocObjects: 1e6 }, null, 10), 'sampled').memProfileRate,
    524288,
  );
  // every mode traps on each allocation, whatever the profile rate: objects per second are the hits.
  const every = estimateCost(allocationRate({ allocBytes: 10 * MiB, allocObjects: 50_000 }, 65536, 10), 'every');
  assert.equal(every.hitsPerSec, 5000);
  assert.equal(every.memProfileRate, null);
  assert.equal(every.share, 0.2);
});

test('auto leaves a side over the budget out, naming the estimate, the budget and both fixes', () => {
  const over = estimateCost(allocationRate({ allocBytes: 2000 * MiB, allocObjects: 1e6 }, 65536, 10), 'sampled');
  const { estimate, warning } = decideTracing('gray', over, 'auto', 'sampled');
  assert.equal(estimate.traced, false);
  assert.equal(estimate.measuredHitsPerSec, null);
  assert.match(warning!, /^gray is not traced: /);
  assert.match(
    warning!,
    /200\.0 MiB\/s allocated, one heap-profile sample per 64\.0 KiB: ~3200 probe hits\/s x 40 µs\) would cost ~13% of a core, over the 3\.0% budget/,
  );
  assert.match(
    warning!,
    /\. Raise --memprofile-rate \(fewer samples, fewer probe hits; 512KiB would cost ~1\.6%\), or give --ebpf on to trace anyway$/,
  );
});

test('on traces a side over the budget and says what it costs', () => {
  const over = estimateCost(allocationRate({ allocBytes: 2000 * MiB, allocObjects: 1e6 }, 65536, 10), 'sampled');
  const { estimate, warning } = decideTracing('baseline', over, 'on', 'sampled');
  assert.equal(estimate.traced, true);
  assert.match(
    warning!,
    /^eBPF tracing of baseline .* would cost ~13% of a core, over the 3\.0% budget; traced anyway \(--ebpf on\)/,
  );
  assert.match(warning!, /raise --memprofile-rate \(.*512KiB would cost ~1\.6%\)$/);
  // every mode's fix is the sampled mode, not the profile rate.
  const every = decideTracing(
    'gray',
    estimateCost(allocationRate({ allocBytes: MiB, allocObjects: 50_000 }, 65536, 10), 'every'),
    'auto',
    'every',
  );
  assert.equal(every.estimate.traced, false);
  assert.match(every.warning!, /5000 allocations\/s, each a probe hit/);
  assert.match(every.warning!, /Use --ebpf-mode sampled, or give --ebpf on/);
});

test('under the budget (and exactly at it) a side is traced without a warning, in either switch', () => {
  // 40 MiB/s at 64 KiB: 640 hits/s, 2.56%.
  const under = estimateCost(allocationRate({ allocBytes: 400 * MiB, allocObjects: 1e6 }, 65536, 10), 'sampled');
  assert.equal(under.share, 0.0256);
  for (const enabled of ['auto', 'on'] as const) {
    const d = decideTracing('gray', under, enabled, 'sampled');
    assert.equal(d.estimate.traced, true);
    assert.equal(d.warning, null);
  }
  const at = { ...under, share: EBPF_COST_BUDGET };
  assert.equal(decideTracing('gray', at, 'auto', 'sampled').estimate.traced, true);
  // A quiet service whose process has barely started (age rounds to zero) does not divide by zero.
  assert.ok(
    Number.isFinite(estimateCost(allocationRate({ allocBytes: 0, allocObjects: 0 }, 65536, 0), 'sampled').share),
  );
});

test('without a profile the counted hits give the cost afterwards, with a warning only over the budget', () => {
  const cheap = costFromHits(100, 65536);
  assert.deepEqual(cheap, {
    source: 'probe-hits',
    allocPerSec: null,
    memProfileRate: 65536,
    hitsPerSec: 100,
    hitCostUs: 40,
    share: 0.004,
    budget: 0.03,
    traced: true,
    measuredHitsPerSec: 100,
  });
  assert.equal(hitsWarning('gray', cheap, 'sampled'), null);
  const costly = costFromHits(4000, 65536);
  assert.equal(costly.share, 0.16);
  assert.match(
    hitsWarning('gray', costly, 'sampled')!,
    /^eBPF tracing of gray cost ~16% of a core \(4000 probe hits\/s x 40 µs\), over the 3\.0% budget; .*no heap profile.* Raise --memprofile-rate, give gray a pprof URL/,
  );
});

/** A heap profile as Go writes it: four sample types, a period, gzipped. */
function heapProfile(samples: [number, number][], period: number): Uint8Array {
  const strings = new StringTable();
  const vt = (type: string, unit: string) => ({ type: strings.dedup(type), unit: strings.dedup(unit) });
  const sample: SampleInput[] = samples.map(([objects, bytes]) => ({ locationId: [], value: [objects, bytes, 1, 64] }));
  const profile = new Profile({
    sampleType: [
      vt('alloc_objects', 'count'),
      vt('alloc_space', 'bytes'),
      vt('inuse_objects', 'count'),
      vt('inuse_space', 'bytes'),
    ],
    sample,
    stringTable: strings,
    period,
    periodType: vt('space', 'bytes'),
  });
  return gzipSync(profile.encode());
}

test('heap totals: alloc_space and alloc_objects summed over samples, with the period; not a heap profile is an error', () => {
  assert.deepEqual(
    heapTotals(
      heapProfile(
        [
          [10, 4096],
          [5, 1 << 20],
        ],
        65536,
      ),
    ),
    { allocBytes: 4096 + (1 << 20), allocObjects: 15, periodBytes: 65536 },
  );
  assert.equal(heapTotals(heapProfile([], 0)).periodBytes, null);
  const strings = new StringTable();
  const cpu = new Profile({
    sampleType: [{ type: strings.dedup('samples'), unit: strings.dedup('count') }],
    stringTable: strings,
  });
  assert.throws(() => heapTotals(gzipSync(cpu.encode())), /not a heap profile \(sample types: samples\)/);
  assert.throws(() => heapTotals(Uint8Array.from([0x1f, 0x8b, 1, 2, 3])));
});

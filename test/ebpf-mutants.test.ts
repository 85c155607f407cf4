// eBPF suspects (src/analyze/ebpf-analyze.ts): what the mutation run (npm run mutate) found unpinned. A heap
// suspect without a pattern on the same function does not hide a later one with; the cost guard's figures
// reach the summary as they were, and none is null, not missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeEbpf } from '../src/analyze/ebpf-analyze.ts';
import { EBPF_TRACE_SCHEMA, type EbpfCostEstimate, type EbpfSideTrace, type EbpfTrace } from '../src/model/ebpf.ts';
import type { Suspect } from '../src/analyze/evidence-types.ts';

const KiB = 1024;
const f = (fn: string) => ({ fn, file: `/src/app/${fn.replace(/\W/g, '_')}.go`, line: 12 });

function side(fn: string | null): EbpfSideTrace {
  return {
    binary: '/bin/svc',
    goVersion: 'go1.22.1',
    arch: 'amd64',
    pids: [100],
    memProfileRate: 524288,
    startMs: 5000,
    endMs: 25_000,
    stacks: fn
      ? [
          {
            frames: [f('runtime.mallocgc'), f(fn), f('main.handle')],
            samples: 300,
            sampledBytes: 96 * KiB * 20,
            goroutines: [],
          },
        ]
      : [],
  };
}
function trace(over: Partial<EbpfTrace> = {}): EbpfTrace {
  return {
    schema: EBPF_TRACE_SCHEMA,
    mode: 'every',
    sampleRate: 1,
    stackDepth: 8,
    tracer: 'bpftrace v0.20.0',
    sides: { baseline: side(null), gray: side('main.record') },
    warnings: [],
    ...over,
  };
}
const known = (pattern: Suspect['pattern']): Suspect => ({
  function: 'main.record',
  source: 'pprof',
  kind: 'growth',
  bytes: 1,
  objects: 1,
  count: null,
  share: 1,
  gray: 1,
  baseline: 0,
  location: null,
  stack: [],
  caller: null,
  createdBy: null,
  state: null,
  waitMinutes: null,
  pattern,
});

test('a heap suspect on the same function without a pattern does not hide a later one with', () => {
  const result = analyzeEbpf(trace(), [known(null), known('unbounded-map')])!;
  assert.deepEqual(
    result.suspects.map((s) => [s.function, s.pattern]),
    [['main.record', 'unbounded-map']],
  );
});

test("the cost guard's figures reach the summary; without them both sides are null", () => {
  const estimate: EbpfCostEstimate = {
    source: 'heap-profile',
    allocPerSec: 1_000_000,
    memProfileRate: 65_536,
    hitsPerSec: 15,
    hitCostUs: 2,
    share: 0.00003,
    budget: 0.03,
    traced: true,
    measuredHitsPerSec: 14,
  };
  assert.deepEqual(analyzeEbpf(trace({ costs: { baseline: null, gray: estimate } }))!.summary.costs, {
    baseline: null,
    gray: estimate,
  });
  assert.deepEqual(analyzeEbpf(trace({ costs: { baseline: estimate, gray: null } }))!.summary.costs, {
    baseline: estimate,
    gray: null,
  });
  assert.deepEqual(analyzeEbpf(trace())!.summary.costs, { baseline: null, gray: null });
});

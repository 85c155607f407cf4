// The gate takes its samples from a source: any implementation of SampleSource is judged the same
// way, with no workloads, cgroups or judge changes. Here a stand-in for a fleet hands recorded series in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGate } from '../src/gate/run-gate.ts';
import { buildPlan } from '../src/config/plan.ts';
import type { SampleSource } from '../src/source/source.ts';
import { makeBundle } from './helpers/bundles.ts';

function recordedSource(leakBytesPerSec: number, seen: { bundleDir?: string }): SampleSource {
  const bundle = makeBundle({ warmupMs: 5000, durationMs: 60_000, gray: { slope: leakBytesPerSec } });
  return {
    async measure(context) {
      seen.bundleDir = context.bundleDir;
      return {
        driver: 'none',
        limitations: ['recorded series: no cgroup peaks'],
        memoryMaxBytes: null,
        sides: bundle.meta.sides,
        samples: bundle.samples,
        stats: bundle.stats,
        final: bundle.final,
        warnings: [],
        endedEarly: null,
        profiles: null,
        ebpf: null,
      };
    },
  };
}

test('a source other than the local pair: the gate writes its bundle and judges it', async () => {
  const out = mkdtempSync(join(tmpdir(), 'memgate-source-'));
  try {
    const plan = buildPlan(
      {
        baseline: 'sh -c true',
        gray: 'sh -c true',
        warmup: '5s',
        duration: '60s',
        'max-duration': '60s',
        replicas: '1',
        out,
        pprof: 'off',
        ebpf: 'off',
      },
      { cwd: out, pathEnv: process.env.PATH ?? '' },
    );
    const logs: string[] = [];
    const seen: { bundleDir?: string } = {};
    const leaking = await runGate(plan, {
      logger: { info: (m) => logs.push(m), warn: (m) => logs.push(m) },
      signal: new AbortController().signal,
      source: recordedSource(64 * 1024, seen),
    });
    assert.equal(leaking.kind, 'judged');
    assert.ok(leaking.kind === 'judged');
    assert.equal(leaking.report.verdict, 'fail');
    // The judge saw the source's series: gray's floor grows at the 64 KiB/s it was given.
    assert.ok(
      Math.abs((leaking.report.gray.slopeBytesPerSec ?? 0) - 64 * 1024) < 16 * 1024,
      `gray slope ${leaking.report.gray.slopeBytesPerSec}`,
    );
    assert.equal(seen.bundleDir, join(out, 'bundle'));
    assert.ok(existsSync(join(out, 'bundle', 'samples.jsonl')));
    assert.deepEqual(JSON.parse(readFileSync(join(out, 'bundle', 'meta.json'), 'utf8')).limitations, [
      'recorded series: no cgroup peaks',
    ]);
    const healthy = await runGate(plan, {
      logger: { info: () => {}, warn: () => {} },
      signal: new AbortController().signal,
      source: recordedSource(0, seen),
    });
    assert.notEqual(healthy.kind === 'judged' && healthy.report.verdict, 'fail');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

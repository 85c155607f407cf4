// The hung-run limit (README, "Cleanup always happens"): a local run still going at ready timeout + warm-up +
// window + 30 s is stopped, cleaned up and judged on what it read. Here the grace is shortened (the source's
// `hangGraceMs` seam) and the collection really hangs: a bpftrace whose probe check never answers, as one
// compiling on a starved host does. Real cgroups and Go workloads: run under the e2e lock.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildPlan } from '../src/config/plan.ts';
import { runGate } from '../src/gate/run-gate.ts';
import { localPair } from '../src/source/local-pair/local-pair.ts';
import { BPFTRACE_ENV, checkTracer } from '../src/collect/ebpf-preflight.ts';
import { ExitCode } from '../src/model/constants.ts';
import { fixtureBin, leftoverCgroups, leftoverProcesses } from './helpers/fixtures.ts';
import { requireRoot } from './helpers/env.ts';

let work: string;
const bin = (name: string) => join(work, 'bin', name);

before(() => {
  requireRoot();
  work = mkdtempSync(join(tmpdir(), 'memgate-hang-'));
  mkdirSync(join(work, 'bin'));
  copyFileSync(fixtureBin('healthy'), bin('healthy'));
  // `sleep` under a name in the work directory, so that a hang left running is found by leftoverProcesses.
  symlinkSync('/bin/sleep', bin('hang-sleep'));
  // Answers --version; every probe run hangs (exec: the tracer is one process, as bpftrace is).
  writeFileSync(
    bin('bpftrace'),
    `#!/bin/sh\nif [ "$1" = --version ]; then echo "bpftrace v0.99-hangs"; exit 0; fi\nexec ${bin('hang-sleep')} 600\n`,
  );
  chmodSync(bin('bpftrace'), 0o755);
});
after(() => rmSync(work, { recursive: true, force: true }));

/** This process's children that still run (zombies aside): the watchdog, a workload, a tracer. */
function liveChildren(): string[] {
  const left: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [, comm, state, ppid] = /^\d+ \((.*)\) (\S) (\d+)/.exec(stat) ?? [];
      if (Number(ppid) === process.pid && state !== 'Z') left.push(`${entry} ${comm}`);
    } catch {
      // gone while we looked
    }
  }
  return left;
}

test('the tracer check stops with the run: a hanging bpftrace is killed when the signal aborts', async () => {
  const stop = new AbortController();
  setTimeout(() => stop.abort(), 500);
  const started = performance.now();
  const check = await checkTracer({ PATH: process.env.PATH, [BPFTRACE_ENV]: bin('bpftrace') }, stop.signal);
  assert.ok(performance.now() - started < 10_000, 'not left to its 60 s timeout');
  assert.equal(check.ok, false);
  assert.match((check as { problem: string }).problem, /cannot run a BEGIN probe \(.* was stopped with the run/);
  assert.deepEqual(leftoverProcesses(work), []);
});

test('a run whose collection hangs past the limit is stopped, exits 3 saying why, and leaves nothing behind', async () => {
  const out = join(work, 'out');
  const plan = buildPlan(
    {
      baseline: `${bin('healthy')} -addr 127.0.0.1:{port}`,
      gray: `${bin('healthy')} -addr 127.0.0.1:{port}`,
      'ready-timeout': '2s',
      warmup: '1s',
      duration: '2s',
      'max-duration': '2s',
      interval: '100ms',
      'stop-timeout': '1s',
      replicas: '1',
      pprof: 'off',
      ebpf: 'auto',
      out,
    },
    { cwd: work, pathEnv: process.env.PATH ?? '' },
  );
  const graceMs = 500;
  const limitMs = 2000 + 1000 + 2000 + graceMs;
  const logs: string[] = [];
  const saved = process.env[BPFTRACE_ENV];
  process.env[BPFTRACE_ENV] = bin('bpftrace');
  const started = performance.now();
  let outcome: Awaited<ReturnType<typeof runGate>>;
  try {
    outcome = await runGate(plan, {
      logger: { info: (m) => logs.push(m), warn: (m) => logs.push(`warning: ${m}`) },
      signal: new AbortController().signal,
      source: localPair(plan, undefined, { hangGraceMs: graceMs }),
    });
  } finally {
    if (saved === undefined) delete process.env[BPFTRACE_ENV];
    else process.env[BPFTRACE_ENV] = saved;
  }
  const elapsedMs = performance.now() - started;

  // Stopped by the limit: not before it (a run that does not hang is over in ~3.5 s), and long before the
  // tracer check's own 60 s timeout would have let it go on.
  assert.ok(elapsedMs >= limitMs - 100, `ran ${Math.round(elapsedMs)} ms, limit ${limitMs} ms`);
  assert.ok(elapsedMs < limitMs + 15_000, `stopped at the limit, not later: ran ${Math.round(elapsedMs)} ms`);
  // Says why, when it happens and in the report; the hung tracer is named among the warnings.
  const hung =
    /the run was still going 5\.5s after it started \(ready timeout \+ warm-up \+ the longest window \+ 500ms\) and was stopped as hung/;
  assert.ok(
    logs.some((l) => l.startsWith('warning: memgate: ') && hung.test(l)),
    logs.join('\n'),
  );
  assert.equal(outcome.kind, 'judged');
  assert.ok(outcome.kind === 'judged');
  const { report } = outcome;
  // The documented status: inconclusive (too few readings), exit 3 with the default --on-inconclusive fail.
  assert.equal(report.verdict, 'inconclusive');
  assert.equal(report.exitCode, ExitCode.Inconclusive);
  assert.ok(
    report.reasons.some(
      (r) => r.outcome === 'inconclusive' && /sampling ended early: /.test(r.message) && hung.test(r.message),
    ),
    JSON.stringify(report.reasons),
  );
  assert.ok(
    report.warnings.some((w) => /bpftrace v0\.99-hangs cannot run a BEGIN probe \(.*was stopped with the run/.test(w)),
    JSON.stringify(report.warnings),
  );
  // Nothing left: no workload or tracer process, no memgate cgroup of this process, no watchdog.
  assert.deepEqual(leftoverProcesses(work), []);
  assert.deepEqual(leftoverCgroups(process.pid), []);
  assert.deepEqual(liveChildren(), []);
});

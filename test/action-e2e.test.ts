// The bundled Action run as the runner runs it: INPUT_* variables in, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureBin, leftoverCgroups, leftoverProcesses } from './helpers/fixtures.ts';
import { runActionProcess } from './helpers/run-action.ts';
import { requireRoot } from './helpers/env.ts';

let work: string;
before(() => {
  requireRoot();
  work = mkdtempSync(join(tmpdir(), 'memgate-action-'));
  mkdirSync(join(work, 'bin'));
  for (const name of ['healthy', 'leak-map']) copyFileSync(fixtureBin(name), join(work, 'bin', name));
});
after(() => rmSync(work, { recursive: true, force: true }));

/** GITHUB_OUTPUT holds `name<<DELIMITER\nvalue\nDELIMITER` blocks. */
function runAction(
  inputs: Record<string, string>,
): Promise<{ code: number | null; stdout: string; pid: number; outputs: Record<string, string>; summary: string }> {
  return runActionProcess(inputs, { cwd: work, env: { RUNNER_TEMP: work } }).then((run) => ({
    ...run,
    stdout: run.log,
  }));
}

const defaults = {
  warmup: '10s',
  duration: '60s',
  'max-duration': '60s',
  interval: '250ms',
  'max-p95-increase': '12%',
  'max-slope-increase': '100%',
  'min-slope': '1MiB/min',
  'cgroup-driver': 'auto',
  'ready-timeout': '30s',
  out: 'memgate-out',
  'on-inconclusive': 'fail',
};

test('a blocked release sets the outputs, writes the job summary and fails the step', async () => {
  const run = await runAction({
    ...defaults,
    baseline: './bin/healthy -addr 127.0.0.1:{port} -burst-every 200ms',
    gray: './bin/leak-map -addr 127.0.0.1:{port} -burst-every 200ms -leak-rate 30MiB',
    warmup: '4s',
    duration: '10s',
    'max-duration': '10s',
    out: 'gate',
  });
  assert.equal(run.code, 1, run.stdout);
  assert.equal(run.outputs.verdict, 'fail');
  assert.match(run.outputs.grade, /^P[0-3]$/);
  assert.equal(run.outputs.report, join('gate', 'report.json'));
  assert.ok(existsSync(join(work, run.outputs.report)));
  assert.ok(Number(run.outputs['p95-increase']) > 12, run.outputs['p95-increase']);
  const report = JSON.parse(readFileSync(join(work, run.outputs.report), 'utf8'));
  assert.equal(Number(run.outputs['p95-increase']).toFixed(2), (report.p95Increase * 100).toFixed(2));
  // slope-increase: percent with two decimals, empty when baseline's slope is under min-slope (slopeIncrease null)
  assert.equal(
    run.outputs['slope-increase'],
    report.slopeIncrease === null ? '' : (report.slopeIncrease * 100).toFixed(2),
    `slope-increase output for slopeIncrease ${report.slopeIncrease}`,
  );
  assert.ok('slope-increase' in run.outputs, 'the output is always set');
  assert.match(run.stdout, /::error::memgate blocked this release \(P[0-3]\)/);
  assert.match(run.summary, /## memgate: ⛔ BLOCKED/);
  assert.match(run.summary, /\| P95 memory \| [\d.]+ MiB \| [\d.]+ MiB \| \+[\d.]+% \(\+[\d.]+ (B|KiB|MiB)\) \|/);
  assert.match(
    run.summary,
    /\| floor slope \| .* \| ≤ [\d.]+ (KiB|MiB)\/min \| ❌ block: clearly above the limit: at least [\d.]+ (KiB|MiB)\/min \|/,
  );
  assert.deepEqual(leftoverCgroups(run.pid), []);
  assert.deepEqual(leftoverProcesses(work), []);
});

test('bad input fails the step with the fix and sets no verdict', async () => {
  const run = await runAction({
    ...defaults,
    baseline: './bin/healthy -addr 127.0.0.1:{port}',
    gray: '',
    warmup: 'soon',
  });
  assert.equal(run.code, 1);
  assert.match(run.stdout, /::error::input 'gray' is required/);
  assert.equal(run.outputs.verdict, undefined);
  assert.doesNotMatch(run.stdout, /\n\s+at /);
});

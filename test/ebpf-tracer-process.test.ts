// The tracer's wrapper shell with a stand-in for bpftrace (a Node script that prints the attach marker
// and, on SIGTERM, a map entry, as bpftrace does): a clean stop, and a tracer killed mid-run, which the
// wrapper must report at the stop with bpftrace's status (137), not as a clean 0.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeTracerEnd, TracerProcess } from '../src/collect/ebpf-tracer.ts';
import { ATTACHED_MARKER } from '../src/collect/ebpf-script.ts';

let work: string;
let fake: string;

before(() => {
  work = mkdtempSync(join(tmpdir(), 'memgate-tracer-'));
  const script = join(work, 'fake-bpftrace.mjs');
  writeFileSync(
    script,
    `process.on('SIGTERM', () => { process.stdout.write('@allocs[1]: 5\\n', () => process.exit(0)); });
process.stdout.write(${JSON.stringify(`${ATTACHED_MARKER}\n`)});
setInterval(() => {}, 1000);
`,
  );
  fake = join(work, 'bpftrace');
  writeFileSync(fake, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(script)} "$@"\n`);
  chmodSync(fake, 0o755);
});
after(() => rmSync(work, { recursive: true, force: true }));

function tracer(name: string): TracerProcess {
  return new TracerProcess(
    { prefix: [], bpftrace: fake, version: 'fake' },
    { script: join(work, `${name}.bt`), stdout: join(work, `${name}.out`), stderr: join(work, `${name}.err`) },
  );
}

/** Processes whose command line names this test's directory (the fake, the wrapper and its reader). */
function ours(): { pid: number; cmd: string }[] {
  const found: { pid: number; cmd: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(work) && !readFileSync(`/proc/${entry}/stat`, 'utf8').includes(') Z '))
        found.push({ pid: Number(entry), cmd });
    } catch {
      // gone
    }
  }
  return found;
}

test('stopped by memgate: SIGTERM through the wrapper, the map printed, a clean stop', async () => {
  const t = tracer('clean');
  assert.equal(await t.attached, true);
  const stopped = await t.stop(10_000);
  assert.deepEqual(stopped, { stopped: 'clean', code: 0, signal: null });
  assert.match(t.stdout, /@allocs\[1\]: 5/);
  await sleep(200);
  assert.deepEqual(ours(), []);
});

test('bpftrace killed mid-run: at the stop the wrapper ends with its status (137), not 0; nothing left', async () => {
  const t = tracer('killed');
  after(() => t.kill()); // a failed assertion must not leave the stand-in running
  assert.equal(await t.attached, true);
  const bpftrace = ours().filter((p) => p.cmd.includes('fake-bpftrace.mjs') && !p.cmd.startsWith('/bin/sh'));
  assert.equal(bpftrace.length, 1, JSON.stringify(ours()));
  process.kill(bpftrace[0].pid, 'SIGKILL');
  await sleep(300);
  const stopped = await t.stop(10_000);
  assert.deepEqual(stopped, { stopped: 'clean', code: 137, signal: null });
  assert.equal(describeTracerEnd(stopped.code, stopped.signal), 'killed by SIGKILL');
  assert.doesNotMatch(t.stdout, /@allocs/, 'a SIGKILLed bpftrace prints no map');
  await sleep(300);
  assert.deepEqual(ours(), [], 'the wrapper ends once memgate closes the pipe');
});

test('stopped before bpftrace has set its handler (a slow attach): ended at once, not after the stop timeout', async () => {
  // A shell stand-in: a background job's SIGINT is ignored from birth, and a shell cannot trap a signal
  // ignored on entry, so it behaves as bpftrace does before its handler is set.
  const slow = join(work, 'slow-bpftrace');
  writeFileSync(
    slow,
    `#!/bin/sh\nsleep 2\ntrap 'echo "@allocs[1]: 5"; exit 0' TERM INT\necho ${ATTACHED_MARKER}\nwhile :; do sleep 0.1; done\n`,
  );
  chmodSync(slow, 0o755);
  const t = new TracerProcess(
    { prefix: [], bpftrace: slow, version: 'fake' },
    { script: join(work, 'slow.bt'), stdout: join(work, 'slow.out'), stderr: join(work, 'slow.err') },
  );
  after(() => t.kill());
  await sleep(300);
  const started = Date.now();
  const stopped = await t.stop(10_000);
  assert.ok(Date.now() - started < 5000, `stopped after ${Date.now() - started} ms`);
  assert.notEqual(stopped.stopped, 'killed');
  assert.equal(describeTracerEnd(stopped.code, stopped.signal), 'killed by SIGTERM');
});

test('describeTracerEnd', () => {
  assert.equal(describeTracerEnd(null, 'SIGKILL'), 'killed by SIGKILL');
  assert.equal(describeTracerEnd(143, null), 'killed by SIGTERM');
  assert.equal(describeTracerEnd(1, null), 'exited with status 1');
  assert.equal(describeTracerEnd(0, null), 'exited with status 0');
  assert.equal(describeTracerEnd(null, null), 'ended for an unknown reason');
});

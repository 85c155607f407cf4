// The generated bpftrace program per architecture and Go version, and the reference copies in bpf/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  argExpr,
  buildScript,
  goidExpr,
  goidOffset,
  safeProbePath,
  sizeArgIndex,
  type ProbeTarget,
} from '../src/collect/ebpf-script.ts';
import { ROOT } from './helpers/fixtures.ts';

const target = (over: Partial<ProbeTarget> = {}): ProbeTarget => ({
  binary: '/path/to/service',
  pids: [1234],
  arch: 'amd64',
  go: [1, 19],
  memProfileRateAddr: 0x946010n,
  ...over,
});

test('bpf/*.bt are what the generator writes for amd64 Go 1.19', () => {
  const sampled = buildScript({ mode: 'sampled', sampleRate: 1, captureDepth: 14, targets: [target()] });
  const every = buildScript({ mode: 'every', sampleRate: 64, captureDepth: 14, targets: [target()] });
  assert.ok(
    readFileSync(join(ROOT, 'bpf/alloc-sampled.bt'), 'utf8').endsWith(sampled),
    'bpf/alloc-sampled.bt is out of date',
  );
  assert.ok(
    readFileSync(join(ROOT, 'bpf/alloc-every.bt'), 'utf8').endsWith(every),
    'bpf/alloc-every.bt is out of date',
  );
  assert.match(sampled, /uprobe:\/path\/to\/service:runtime\.mProf_Malloc \/pid == 1234\/ \{/);
  assert.match(sampled, /ustack\(perf, 14\)\] = stats\(reg\("bx"\)\)/);
  assert.match(sampled, /\*\(uint64\*\)\(reg\("r14"\) \+ 152\)/);
  assert.match(sampled, /@rate\[pid\] = max\(\*\(int64\*\)uptr\(0x946010\)\)/);
  assert.doesNotMatch(sampled + every, /uretprobe/);
  assert.match(every, /runtime\.mallocgc \/\(pid == 1234\) && rand % 64 == 0\//);
  assert.match(every, /stats\(reg\("ax"\)\)/);
});

test('registers and offsets follow the Go version and the architecture', () => {
  // goid: 152 for Go 1.13-1.22, 160 from 1.23; unknown before 1.13.
  assert.equal(goidOffset([1, 12]), null);
  assert.equal(goidOffset([1, 13]), 152);
  assert.equal(goidOffset([1, 22]), 152);
  assert.equal(goidOffset([1, 23]), 160);
  assert.equal(goidOffset([2, 0]), 160);
  // mProf_Malloc(p, size) until 1.22, mProf_Malloc(mp, p, size) from 1.23; mallocgc(size, ...) always.
  assert.equal(sizeArgIndex('sampled', [1, 19]), 1);
  assert.equal(sizeArgIndex('sampled', [1, 23]), 2);
  assert.equal(sizeArgIndex('every', [1, 23]), 0);
  assert.equal(argExpr('amd64', [1, 19], 1), 'reg("bx")');
  assert.equal(argExpr('amd64', [1, 23], 2), 'reg("cx")');
  assert.equal(argExpr('arm64', [1, 21], 1), 'reg("r1")');
  assert.equal(argExpr('arm64', [1, 21], 0), 'reg("r0")');
  // Before the register ABI (amd64 1.17, arm64 1.18) arguments are on the stack.
  assert.equal(argExpr('amd64', [1, 16], 1), '*(uint64*)(reg("sp") + 16)');
  assert.equal(argExpr('arm64', [1, 17], 0), '*(uint64*)(reg("sp") + 8)');
  assert.equal(goidExpr('amd64', [1, 19]), '*(uint64*)(reg("r14") + 152)');
  assert.equal(goidExpr('amd64', [1, 24]), '*(uint64*)(reg("r14") + 160)');
  assert.equal(goidExpr('arm64', [1, 21]), '*(uint64*)(reg("r28") + 152)');
  assert.equal(goidExpr('amd64', [1, 16]), '0', 'g lived in TLS before the register ABI');
  assert.equal(goidExpr('amd64', null), '0');
});

test('one probe per binary, each with its own registers; pids of both sides in one filter', () => {
  const script = buildScript({
    mode: 'sampled',
    sampleRate: 1,
    captureDepth: 10,
    targets: [
      target({ binary: '/bin/a', pids: [1, 2] }),
      target({ binary: '/bin/b', pids: [3], arch: 'arm64', go: [1, 23], memProfileRateAddr: null }),
    ],
  });
  assert.match(script, /uprobe:\/bin\/a:runtime\.mProf_Malloc \/pid == 1 \|\| pid == 2\//);
  assert.match(
    script,
    /uprobe:\/bin\/b:runtime\.mProf_Malloc \/pid == 3\/ \{\n {2}@alloc\[pid, \*\(uint64\*\)\(reg\("r28"\) \+ 160\), ustack\(perf, 10\)\] = stats\(reg\("r2"\)\);\n\}/,
  );
  assert.equal(script.match(/@rate/g)?.length, 1, 'no MemProfileRate read where its address is unknown');
});

test('only plain paths go into a probe spec', () => {
  assert.equal(safeProbePath('/work/bin/leak-map'), true);
  assert.equal(safeProbePath('/tmp/a b/svc'), false);
  assert.equal(safeProbePath('/tmp/x:y'), false);
  assert.equal(safeProbePath('relative/svc'), false);
});

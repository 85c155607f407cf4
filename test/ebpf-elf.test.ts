// Reading Go binaries (version, symbols, stripped or not), the binary preflight, and symbolizing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildinfoVersion, functionAt, goMinor, readGoBinary } from '../src/collect/ebpf-elf.ts';
import { checkBinary, checkTracer, firstError } from '../src/collect/ebpf-preflight.ts';
import { parseAddr2line, parseGoAddr2line, symbolize, which } from '../src/collect/ebpf-symbolize.ts';
import { loadBias } from '../src/collect/ebpf-proc.ts';
import { fixtureBin } from './helpers/fixtures.ts';
import { requireGo } from './helpers/env.ts';

let dir: string;
let leak: string;
let stripped: string;
let noPprof: string;

before(() => {
  requireGo();
  dir = mkdtempSync(join(tmpdir(), 'memgate-ebpf-elf-'));
  leak = join(dir, 'leak-map');
  copyFileSync(fixtureBin('leak-map'), leak);
  // A stripped copy (strip from binutils when there, else Go's own linker flags) and a Go program
  // that never links runtime.MemProfile (no pprof import: Go switches its heap sampling off).
  const env = { ...process.env, GOPROXY: 'off', GOTOOLCHAIN: 'local', CGO_ENABLED: '0', GOFLAGS: '' };
  writeFileSync(
    join(dir, 'main.go'),
    'package main\n\nvar sink []byte\n\nfunc main() {\n\tsink = make([]byte, 1<<20)\n}\n',
  );
  const build = spawnSync('go', ['build', '-o', 'no-pprof', 'main.go'], { cwd: dir, env, encoding: 'utf8' });
  assert.equal(build.status, 0, build.stderr);
  noPprof = join(dir, 'no-pprof');
  stripped = join(dir, 'stripped');
  if (which('strip')) {
    copyFileSync(leak, stripped);
    assert.equal(spawnSync('strip', [stripped]).status, 0);
  } else {
    const s = spawnSync('go', ['build', '-ldflags=-s -w', '-o', stripped, 'main.go'], {
      cwd: dir,
      env,
      encoding: 'utf8',
    });
    assert.equal(s.status, 0, s.stderr);
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('a fixture binary: Go version from .go.buildinfo, symbols, not PIE', () => {
  const b = readGoBinary(leak);
  const goVersion = spawnSync('go', ['env', 'GOVERSION'], { encoding: 'utf8' }).stdout.trim();
  assert.equal(b.goVersion, goVersion);
  assert.deepEqual(goMinor(b.goVersion), goMinor(goVersion));
  assert.equal(b.arch, process.arch === 'x64' ? 'amd64' : 'arm64');
  assert.equal(b.hasSymtab, true);
  assert.equal(b.pie, false);
  const remember = b.symbol('main.(*sessionStore).remember')!;
  assert.ok(remember.size > 0n);
  assert.deepEqual(functionAt(b, remember.value + 10n), { name: 'main.(*sessionStore).remember', offset: 10n });
  assert.equal(
    b.read(b.symbol('runtime.disableMemoryProfiling')!.value, 1)![0],
    0,
    'imports net/http/pprof: heap sampling on',
  );
  assert.deepEqual(checkBinary(leak, 'sampled').ok, true);
});

test('binary preflight: stripped, no heap sampling, not Go, not an executable', () => {
  const s = checkBinary(stripped, 'sampled');
  assert.equal(s.ok, false);
  assert.match(!s.ok ? `${s.problem}; ${s.fix}` : '', /is stripped .*without -ldflags=-s/);
  assert.equal(readGoBinary(stripped).goVersion !== null, true, 'the version survives stripping');
  const off = checkBinary(noPprof, 'sampled');
  assert.match(!off.ok ? `${off.problem}; ${off.fix}` : '', /never links runtime\.MemProfile.*--ebpf-mode every/);
  assert.equal(checkBinary(noPprof, 'every').ok, true, "the every mode does not need Go's sampling");
  assert.match(JSON.stringify(checkBinary('/bin/sh', 'sampled')), /not a Go program/);
  writeFileSync(join(dir, 'script.sh'), '#!/bin/sh\necho hi\n');
  assert.match(JSON.stringify(checkBinary(join(dir, 'script.sh'), 'sampled')), /not an ELF executable/);
  assert.match(JSON.stringify(checkBinary(join(dir, 'missing'), 'sampled')), /cannot be read/);
});

test('buildinfo: the Go 1.13-1.17 layout behind pointers', () => {
  const section = Buffer.alloc(32);
  Buffer.from('\xff Go buildinf:', 'latin1').copy(section);
  section[14] = 8;
  section[15] = 0;
  section.writeBigUInt64LE(0x1000n, 16);
  const memory = new Map<bigint, Buffer>([
    [0x1000n, Buffer.concat([Buffer.from([0, 0x20, 0, 0, 0, 0, 0, 0]), Buffer.from([9, 0, 0, 0, 0, 0, 0, 0])])],
    [0x2000n, Buffer.from('go1.16.15')],
  ]);
  const read = (vaddr: bigint, length: number) => memory.get(vaddr)?.subarray(0, length) ?? null;
  assert.equal(buildinfoVersion(section, read), 'go1.16.15');
  assert.equal(buildinfoVersion(Buffer.from('nothing like it at all, not a buildinfo section'), read), null);
});

test('symbolizing: addr2line and go tool addr2line output, the symbol table without either', () => {
  const b = readGoBinary(leak);
  const remember = b.symbol('main.(*sessionStore).remember')!.value + 20n;
  const viaSymtab = symbolize(b, [remember], { addr2line: null, go: null });
  assert.equal(viaSymtab.via, 'symtab');
  assert.deepEqual(viaSymtab.frames.get(remember), [{ fn: 'main.(*sessionStore).remember', file: '', line: 0 }]);
  const viaGo = symbolize(b, [remember], { addr2line: null, go: 'go' });
  assert.equal(viaGo.via, 'go tool addr2line');
  assert.match(viaGo.frames.get(remember)![0].file, /regress_leak_map\.go$/);
  assert.ok(viaGo.frames.get(remember)![0].line > 0);
  assert.deepEqual(
    parseAddr2line(
      '0x0000000000401000\nmain.inner\n/src/a.go:3\nmain.outer\n/src/a.go:9 (discriminator 2)\n0x0000000000402000\n??\n??:0\n',
    ).get(0x401000n),
    [
      { fn: 'main.inner', file: '/src/a.go', line: 3 },
      { fn: 'main.outer', file: '/src/a.go', line: 9 },
    ],
  );
  assert.deepEqual(
    parseGoAddr2line('main.f\n/src/a.go:7\n?\n?:0\n', [1n, 2n]),
    new Map([[1n, [{ fn: 'main.f', file: '/src/a.go', line: 7 }]]]),
  );
});

test('PIE load bias from /proc/PID/maps', () => {
  const maps =
    '555555554000-555555556000 r--p 00000000 fd:01 42 /srv/app (deleted)\n555555556000-55555555a000 r-xp 00002000 fd:01 42 /srv/app\n7ffff7dd3000-7ffff7dfc000 r-xp 00000000 fd:01 7 /lib/ld.so\n';
  assert.equal(loadBias(maps, '/srv/app'), 0x555555554000n);
  assert.equal(loadBias(maps, '/srv/other'), null);
});

test('host preflight: a missing or broken bpftrace is a problem naming the fix', async () => {
  const missing = await checkTracer({ PATH: process.env.PATH, MEMGATE_BPFTRACE: join(dir, 'no-such-bpftrace') });
  assert.equal(missing.ok, false);
  assert.match(!missing.ok ? missing.fix : '', /install bpftrace 0\.17 or newer .*MEMGATE_BPFTRACE.*--ebpf off/);
  // A bpftrace whose BEGIN probe fails, as Ubuntu 22.04's package does.
  const broken = join(dir, 'broken-bpftrace');
  writeFileSync(
    broken,
    '#!/bin/sh\necho "bpftrace v0.14.0"\necho "ERROR: Could not resolve symbol: /proc/self/exe:BEGIN_trigger" >&2\nexit 1\n',
    { mode: 0o755 },
  );
  const failing = await checkTracer({ PATH: process.env.PATH, MEMGATE_BPFTRACE: broken });
  assert.equal(failing.ok, false);
  assert.match(
    !failing.ok ? `${failing.problem}; ${failing.fix}` : '',
    /cannot run a BEGIN probe \(ERROR: Could not resolve symbol: \/proc\/self\/exe:BEGIN_trigger\).*Ubuntu 22\.04/,
  );
  assert.equal(
    firstError(
      "ERROR: Unknown error -1: couldn't set RLIMIT_MEMLOCK for bpftrace\nopen(/sys/kernel/tracing/uprobe_events): No such file or directory\nERROR: failed to detach probe: uprobe:/x:y\n",
    ),
    null,
    'harmless noise',
  );
});

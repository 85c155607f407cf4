// A binary's page cache is charged to the cgroup that first faults it in. memgate reads each side's
// program from its own cgroup before any workload starts, so that no process of a side carries its
// binary's file (the first process of a fresh build once stood 6 MiB above the others).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureBin } from './helpers/fixtures.ts';
import { spawnCli } from './helpers/spawn-cli.ts';
import { requireRoot } from './helpers/env.ts';
import { preloadPrograms } from '../src/source/local-pair/start.ts';

const work = mkdtempSync(join(tmpdir(), 'memgate-preload-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Drops the file's pages from the page cache (dd's nocache is posix_fadvise DONTNEED), as after a fresh build elsewhere. */
function uncache(path: string): void {
  const dd = spawnSync('dd', [`if=${path}`, 'iflag=nocache', 'count=0', 'status=none'], { encoding: 'utf8' });
  assert.equal(dd.status, 0, `dd iflag=nocache (coreutils): ${dd.stderr}`);
}

test('no process of a side is charged its binary: each gets only its own memory', async () => {
  requireRoot();
  const binary = join(work, 'service');
  copyFileSync(fixtureBin('healthy'), binary);
  const other = join(work, 'service-b');
  copyFileSync(fixtureBin('healthy'), other);
  uncache(binary);
  uncache(other);
  const size = statSync(binary).size;
  assert.ok(size > 4 * 1024 * 1024, `the fixture is ${size} bytes: large enough to show`);
  const run = await spawnCli(
    [
      'run',
      '--baseline',
      `${binary} -addr 127.0.0.1:{port}`,
      '--gray',
      `${other} -addr 127.0.0.1:{port}`,
      '--warmup',
      '2s',
      '--duration',
      '4s',
      '--max-duration',
      '4s',
      '--pprof',
      'off',
      '--ebpf',
      'off',
      '--out',
      'out',
    ],
    { cwd: work },
  );
  assert.ok([0, 1, 3].includes(run.code ?? -1), run.stderr);
  const stats = readFileSync(join(work, 'out/bundle/stat.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { side: string; instance?: number; fileBytes: number });
  const last = new Map<string, number>();
  for (const s of stats) last.set(`${s.side}/${s.instance ?? 0}`, s.fileBytes);
  assert.equal(last.size, 6, JSON.stringify([...last]));
  // Without the preload the first process of each side carried ~5-7 MiB of page cache (its binary).
  for (const [process, fileBytes] of last)
    assert.ok(fileBytes < 1024 * 1024, `${process} was charged ${fileBytes} bytes of page cache`);
});

test('preloadPrograms reads programs found on PATH or by path, once each, and skips what it cannot tell', () => {
  // A command it cannot read (a pipeline, a missing file, a shell word) is left to the shell: no throw.
  preloadPrograms(['sh -c true | cat', '/nonexistent/x', 'exec foo', `${join(work, 'nothing')} -x`], work, '');
  // Found on PATH and by a path relative to cwd; reading leaves the file as it was.
  copyFileSync(fixtureBin('healthy'), join(work, 'svc'));
  uncache(join(work, 'svc'));
  preloadPrograms(['./svc -addr x', 'svc -addr y'], work, work);
  // mincore is not reachable from node: the e2e test above shows the pages went to memgate's cgroup.
  assert.equal(statSync(join(work, 'svc')).size, statSync(fixtureBin('healthy')).size);
});

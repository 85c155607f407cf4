// Issue 11: --out on a full file system is bad input (exit 2) naming the file and why, checked before
// anything starts, and the check leaves nothing behind. Needs root (a tmpfs mount), as the e2e tests do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError, outWriteError } from '../src/model/errors.ts';
import { OUT_ROOM_BYTES, openWorkloadLog } from '../src/source/local-pair/workload-log.ts';

const quiet = { info: () => {}, warn: () => {} };

/** A 1 MiB tmpfs pre-filled so that `freeKiB` are left. */
function tinyDisk(freeKiB: number): { mnt: string; done: () => void } {
  const mnt = mkdtempSync(join(tmpdir(), 'memgate-full-'));
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt], { encoding: 'utf8' });
  assert.equal(mount.status, 0, `mount a tmpfs (needs root): ${mount.stderr}`);
  spawnSync('dd', ['if=/dev/zero', `of=${join(mnt, 'fill')}`, 'bs=4k', `count=${256 - freeKiB / 4}`, 'status=none']);
  const free = Number(spawnSync('df', ['-k', '--output=avail', mnt], { encoding: 'utf8' }).stdout.split('\n')[1]);
  assert.equal(free, freeKiB, 'the disk is as full as meant');
  return {
    mnt,
    done: () => {
      spawnSync('umount', [mnt]);
      rmSync(mnt, { recursive: true, force: true });
    },
  };
}

test('a full --out: exit-2 error naming the file and ENOSPC before anything starts; nothing left', () => {
  const disk = tinyDisk(0);
  try {
    const out = join(disk.mnt, 'out');
    assert.throws(
      () => openWorkloadLog(join(out, 'bundle'), out, quiet),
      (e: unknown) =>
        e instanceof UsageError &&
        // the first write that fails: on a full tmpfs, making the directory
        e.message.startsWith(`--out ${out}: cannot write ${out}`) &&
        e.message.endsWith(
          ': no space left on the device (ENOSPC); free space there or give --out a directory on a file system with room.',
        ),
    );
    assert.deepEqual(readdirSync(disk.mnt), ['fill'], 'the directories the check made are gone');
  } finally {
    disk.done();
  }
});

test('room for the check: the log opens and the probe is removed; an existing --out is kept', async () => {
  const disk = tinyDisk(OUT_ROOM_BYTES / 1024 + 16);
  try {
    const out = join(disk.mnt, 'out');
    mkdirSync(out);
    const log = openWorkloadLog(join(out, 'bundle'), out, quiet);
    await new Promise((resolve) => log.end(resolve));
    assert.deepEqual(readdirSync(join(out, 'bundle')), ['workloads.log']);
  } finally {
    disk.done();
  }
});

test('outWriteError: the codes the user fixes, with the fix; anything else is not one', () => {
  const err = (code: string, path = '/x/out/report.json') => Object.assign(new Error(code), { code, path });
  assert.equal(
    outWriteError(err('EROFS'), '/x/out')?.message,
    '--out /x/out: cannot write /x/out/report.json: the file system is read-only (EROFS); give a directory you can write to.',
  );
  assert.match(outWriteError(err('EDQUOT'), '/x/out')?.message ?? '', /disk quota exceeded \(EDQUOT\); free space/);
  assert.equal(outWriteError(err('EIO'), '/x/out'), null, "an I/O error is not the user's to fix");
  assert.equal(outWriteError(new Error('plain'), '/x/out'), null);
  assert.ok(!existsSync('/x/out'));
});

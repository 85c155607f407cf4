// The directory fuse store (CLI, self-hosted runners sharing a disk): one file per record, append-only.
// A record is written to a temporary file and then hard-linked to the next free sequence number: link()
// fails with EEXIST when another writer took that number first (atomic create, like O_EXCL), and the
// file appears complete. Readers fold the files in sequence order.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, link, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../model/errors.ts';
import type { FuseRecord, FuseScope, FuseStore, NewFuseRecord } from './types.ts';

const RECORD_FILE = /^(\d{10})\.json$/;
const MAX_ATTEMPTS = 10_000;

/** A file-system-safe directory name for a scope key (readable, and unique by a hash when altered). */
export function scopeDirName(key: string): string {
  const safe = key.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[._]+/, '').slice(0, 80);
  if (safe === key && safe !== '') return safe;
  return `${safe || 'scope'}-${createHash('sha256').update(key).digest('hex').slice(0, 8)}`;
}

export class DirFuseStore implements FuseStore {
  readonly kind = 'dir' as const;
  readonly dir: string;
  readonly where: string;
  readonly scope: FuseScope;

  constructor(root: string, scope: FuseScope) {
    this.scope = scope;
    this.dir = join(root, scopeDirName(scope.key));
    this.where = `directory ${this.dir}`;
  }

  private async names(): Promise<string[]> {
    try {
      return (await readdir(this.dir)).filter((n) => RECORD_FILE.test(n)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async read(): Promise<FuseRecord[]> {
    const records: FuseRecord[] = [];
    for (const name of await this.names()) {
      const path = join(this.dir, name);
      let record: FuseRecord;
      try {
        record = JSON.parse(await readFile(path, 'utf8')) as FuseRecord;
      } catch (error) {
        throw new UsageError(`fuse record ${path} is not readable JSON (${(error as Error).message}); it was not written by memgate: move it out of ${this.dir}.`);
      }
      records.push({ ...record, order: Number(RECORD_FILE.exec(name)![1]) });
    }
    return records;
  }

  history(): Promise<FuseRecord[]> {
    return this.read();
  }

  async append(record: NewFuseRecord): Promise<FuseRecord> {
    await mkdir(this.dir, { recursive: true });
    const tmp = join(this.dir, `.tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
    try {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const names = await this.names();
        const last = names.length ? Number(RECORD_FILE.exec(names[names.length - 1])![1]) : 0;
        const order = last + 1;
        const full = { ...record, order } as FuseRecord;
        await writeFile(tmp, JSON.stringify({ ...full, scope: this.scope.key }) + '\n', { flag: 'w' });
        try {
          await link(tmp, join(this.dir, `${String(order).padStart(10, '0')}.json`));
          return full;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          // someone else took this number: read again and take the next
        }
      }
      throw new Error(`could not add a fuse record to ${this.dir} after ${MAX_ATTEMPTS} attempts`);
    } finally {
      await unlink(tmp).catch(() => {});
    }
  }
}

// The directory fuse store (CLI, self-hosted runners sharing a disk): one file per record, append-only.
// A record is written to a temporary file and then hard-linked to the next free sequence number: link()
// fails with EEXIST when another writer took that number first (atomic create, like O_EXCL), and the
// file appears complete. Readers fold the files in sequence order.
//
// Sequence numbers have no upper end: names are zero-padded to 10 digits and simply grow longer past
// 9999999999, they are ordered by length and then by text (never parsed into a float), and the next
// number is computed with BigInt. A record's `order` as read is its position in that sequence.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, link, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../model/errors.ts';
import { DIMENSIONS } from './cell.ts';
import type { FuseRecord, FuseScope, FuseStore, NewFuseRecord } from './types.ts';

/** Any number file: canonical ones are read, others are reported (never silently skipped). */
const NUMBERED_FILE = /^(\d+)\.json$/;
const PAD = 10;
const MAX_ATTEMPTS = 10_000;
/** A record is a few hundred bytes; a larger file is not one of ours. */
const MAX_RECORD_BYTES = 256 * 1024;
const CELL_STATES = ['running', 'pass', 'blocked', 'inconclusive', 'reset'];
const DIM_STATES = ['tripped', 'reset'];

/** A file in the store that is not a record memgate wrote: names the file and what to do (exit 2). */
export class FuseRecordError extends UsageError {
  override name = 'FuseRecordError';
  readonly file: string;
  constructor(file: string, problem: string, dir: string) {
    super(
      `fuse record ${file} ${problem}; it was not written by memgate (or was changed since): move it out of ${dir} and run again.`,
    );
    this.file = file;
  }
}

/** Canonical names only: exactly 10 digits, or more without a leading zero (past 9999999999). */
const isCanonical = (digits: string) => (digits.length === PAD ? true : digits.length > PAD && digits[0] !== '0');
/** Sequence order of two canonical numbers, whatever their size. */
const bySequence = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

/** Name of the record after the one numbered `digits` (no float, no overflow). */
export function nextRecordName(digits: string | null): string {
  const next = (digits === null ? 0n : BigInt(digits)) + 1n;
  return `${next.toString().padStart(PAD, '0')}.json`;
}

const isString = (v: unknown) => typeof v === 'string';

/** What is wrong with a parsed record, or null when it is one. */
function recordProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'is not a JSON object';
  const r = value as Record<string, unknown>;
  if (!isString(r.reason) || !isString(r.at)) return 'has no "reason" and "at" strings';
  if (r.by !== undefined && !isString(r.by)) return 'has a "by" that is not a string';
  if (r.url !== undefined && !isString(r.url)) return 'has a "url" that is not a string';
  if (r.kind === 'cell') {
    if (!isString(r.cell)) return 'is a cell record without a "cell" string';
    if (!CELL_STATES.includes(r.state as string))
      return `has cell state ${JSON.stringify(r.state)}, not one of ${CELL_STATES.join(', ')}`;
    if (r.owner !== undefined) {
      const o = r.owner as Record<string, unknown> | null;
      if (
        typeof o !== 'object' ||
        o === null ||
        !isString(o.host) ||
        !isString(o.boot) ||
        !Number.isSafeInteger(o.pid) ||
        (o.start !== undefined && !Number.isSafeInteger(o.start))
      )
        return 'has an "owner" that is not { host, boot, pid, start? }';
    }
    return null;
  }
  if (r.kind === 'dim') {
    if (!(DIMENSIONS as readonly unknown[]).includes(r.dim))
      return `has dimension ${JSON.stringify(r.dim)}, not one of ${DIMENSIONS.join(', ')}`;
    if (!isString(r.value)) return 'is a dimension record without a "value" string';
    if (!DIM_STATES.includes(r.state as string))
      return `has dimension state ${JSON.stringify(r.state)}, not one of ${DIM_STATES.join(', ')}`;
    if (!Array.isArray(r.cells) || !r.cells.every(isString)) return 'has "cells" that is not a list of strings';
    return null;
  }
  return `has kind ${JSON.stringify(r.kind)}, not "cell" or "dim"`;
}

/** A file-system-safe directory name for a scope key (readable, and unique by a hash when altered). */
export function scopeDirName(key: string): string {
  const safe = key
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 80);
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

  /** The sequence numbers of the records, in order. A numbered file with a non-canonical name is an error. */
  private async numbers(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const numbers: string[] = [];
    for (const name of names) {
      const digits = NUMBERED_FILE.exec(name)?.[1];
      if (digits === undefined) continue;
      if (!isCanonical(digits))
        throw new FuseRecordError(
          join(this.dir, name),
          `has a number memgate does not write (${PAD} digits, or more without a leading zero)`,
          this.dir,
        );
      numbers.push(digits);
    }
    return numbers.sort(bySequence);
  }

  async read(): Promise<FuseRecord[]> {
    const records: FuseRecord[] = [];
    for (const digits of await this.numbers()) {
      const path = join(this.dir, `${digits}.json`);
      let parsed: unknown;
      try {
        const size = (await stat(path)).size;
        if (size > MAX_RECORD_BYTES) throw new Error(`${size} bytes, more than ${MAX_RECORD_BYTES}`);
        parsed = JSON.parse(await readFile(path, 'utf8'));
      } catch (error) {
        throw new FuseRecordError(path, `is not readable JSON (${(error as Error).message})`, this.dir);
      }
      const problem = recordProblem(parsed);
      if (problem) throw new FuseRecordError(path, problem, this.dir);
      records.push({ ...(parsed as FuseRecord), order: records.length + 1 });
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
        const numbers = await this.numbers();
        const name = nextRecordName(numbers.length ? numbers[numbers.length - 1] : null);
        // The position it will have when read back (the store holds no gaps unless someone removed files).
        const full = { ...record, order: numbers.length + 1 } as FuseRecord;
        await writeFile(tmp, JSON.stringify({ ...full, scope: this.scope.key }) + '\n', { flag: 'w' });
        try {
          await link(tmp, join(this.dir, name));
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

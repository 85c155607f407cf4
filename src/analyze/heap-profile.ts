import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';
import type { Frame } from '../model/frame.ts';

/** Retained and allocated totals of one stack in one heap profile. */
export interface HeapValues {
  inuseBytes: number;
  inuseObjects: number;
  allocBytes: number;
  allocObjects: number;
}

export interface HeapStack extends HeapValues {
  /** Function names innermost first, joined: equal in two builds of the same code. */
  key: string;
  /** Innermost first. */
  frames: Frame[];
}

export interface HeapSnapshot {
  /** Stacks by key; the profiler's own allocations (runtime/pprof, net/http/pprof) left out. */
  stacks: Map<string, HeapStack>;
  totals: HeapValues;
  /** runtime.MemProfileRate as the profile reports it (Period), or null. */
  periodBytes: number | null;
  timeNanos: number | null;
}

const SAMPLE_TYPES = {
  inuseBytes: 'inuse_space',
  inuseObjects: 'inuse_objects',
  allocBytes: 'alloc_space',
  allocObjects: 'alloc_objects',
} as const;

/** Frames of the profiler serving the request: present in every snapshot, part of no workload. */
export function isProfilerFrame(fn: string): boolean {
  return fn.startsWith('runtime/pprof.') || fn.startsWith('net/http/pprof.');
}

/** Protobuf int64 as a number: pprof-format hands large (and negative, two's complement) values over as bigint. */
const num = (v: number | bigint | undefined): number =>
  typeof v === 'bigint' ? Number(BigInt.asIntN(64, v)) : (v ?? 0);

/**
 * Largest heap profile memgate inflates. A profile comes from the service under test: a few KiB of
 * gzip can inflate to gigabytes (a gzip bomb). A real heap profile of 100,000 stacks is ~20 MiB.
 */
export const MAX_PROFILE_INFLATED_BYTES = 128 * 1024 * 1024;
/** Inlined frames kept per location (Go inlines a few levels; more is not a real profile). */
export const MAX_LINES_PER_LOCATION = 64;
/** Frames kept per stack, innermost first (Go records 32 by default, up to 128 in newer releases). */
export const MAX_STACK_FRAMES = 256;

/** A heap profile that cannot be read (truncated, corrupt, not a heap profile): the only errors decoding throws. */
export class ProfileFormatError extends Error {
  override name = 'ProfileFormatError';
}

/** A profile that inflates beyond the cap: left out with a warning that names the cap. */
export class ProfileTooLargeError extends ProfileFormatError {
  override name = 'ProfileTooLargeError';
}

const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;

/** The protobuf inside: gunzipped when it is gzip (as Go serves it), as is otherwise. */
function unwrap(bytes: Uint8Array, maxInflatedBytes: number): Uint8Array {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      // maxOutputLength stops inflating at the cap instead of allocating whatever the stream claims.
      return gunzipSync(bytes, { maxOutputLength: maxInflatedBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ProfileTooLargeError(
          `it inflates to more than ${mib(maxInflatedBytes)}, memgate's cap on a decompressed profile (a gzip bomb, or a profile far larger than any real one)`,
        );
      }
      throw new ProfileFormatError(`not valid gzip (${(error as Error).message}); truncated or corrupt`);
    }
  }
  if (bytes.length > maxInflatedBytes)
    throw new ProfileTooLargeError(`it is larger than ${mib(maxInflatedBytes)}, memgate's cap on a profile`);
  return bytes;
}

/**
 * Decodes a Go heap profile (`/debug/pprof/heap`, gzipped protobuf). Throws a ProfileFormatError saying what is
 * wrong with it when it is truncated, corrupt, or not a heap profile.
 */
export function decodeHeapProfile(bytes: Uint8Array, maxInflatedBytes = MAX_PROFILE_INFLATED_BYTES): HeapSnapshot {
  try {
    return decode(bytes, maxInflatedBytes);
  } catch (error) {
    if (error instanceof ProfileFormatError) throw error;
    // The bytes come from the service under test: whatever else breaks on them is still "unreadable".
    throw new ProfileFormatError(`not a readable heap profile (${(error as Error)?.message ?? String(error)})`);
  }
}

function decode(bytes: Uint8Array, maxInflatedBytes: number): HeapSnapshot {
  if (bytes.length === 0) throw new ProfileFormatError('empty file');
  const raw = unwrap(bytes, maxInflatedBytes);
  let profile: Profile;
  try {
    profile = Profile.decode(raw);
  } catch (error) {
    throw new ProfileFormatError(`not a valid pprof protobuf (${(error as Error).message})`);
  }
  const strings = profile.stringTable.strings;
  const str = (i: number | bigint) => {
    const n = num(i);
    if (n < 0 || n >= strings.length)
      throw new ProfileFormatError(
        `it refers to string #${n}, but its string table holds only ${strings.length} (truncated?)`,
      );
    return strings[n];
  };
  const index: Partial<Record<keyof HeapValues, number>> = {};
  profile.sampleType.forEach((vt, i) => {
    const name = str(vt.type);
    for (const [field, type] of Object.entries(SAMPLE_TYPES) as [keyof HeapValues, string][])
      if (name === type) index[field] = i;
  });
  if (index.inuseBytes === undefined) {
    const types = profile.sampleType.map((vt) => str(vt.type)).join(', ') || 'none';
    throw new ProfileFormatError(`not a heap profile (sample types: ${types}; inuse_space is missing)`);
  }
  const functions = new Map<number, { name: string; file: string }>();
  for (const f of profile.function) functions.set(num(f.id), { name: str(f.name) || '?', file: str(f.filename) });
  const locations = new Map<number, Frame[]>();
  for (const loc of profile.location) {
    // Several lines: inlined calls, innermost first; the last one is the function they were inlined into.
    const frames = loc.line.slice(0, MAX_LINES_PER_LOCATION).map((l) => {
      const f = functions.get(num(l.functionId));
      return { fn: f?.name ?? '?', file: f?.file ?? '', line: num(l.line) };
    });
    locations.set(
      num(loc.id),
      frames.length ? frames : [{ fn: `0x${num(loc.address).toString(16)}`, file: '', line: 0 }],
    );
  }
  const stacks = new Map<string, HeapStack>();
  const totals: HeapValues = { inuseBytes: 0, inuseObjects: 0, allocBytes: 0, allocObjects: 0 };
  for (const sample of profile.sample) {
    const frames: Frame[] = [];
    for (const id of sample.locationId) {
      const loc = locations.get(num(id));
      if (!loc) throw new ProfileFormatError(`sample refers to location ${num(id)}, which the profile does not define`);
      // One at a time: spreading a hostile location of many lines into push() overflows the call stack.
      for (const frame of loc) if (frames.length < MAX_STACK_FRAMES) frames.push(frame);
    }
    if (frames.some((f) => isProfilerFrame(f.fn))) continue;
    const key = frames.map((f) => f.fn).join('\n');
    let stack = stacks.get(key);
    if (!stack) {
      stack = { key, frames, inuseBytes: 0, inuseObjects: 0, allocBytes: 0, allocObjects: 0 };
      stacks.set(key, stack);
    }
    for (const field of Object.keys(SAMPLE_TYPES) as (keyof HeapValues)[]) {
      const i = index[field];
      if (i === undefined) continue;
      const v = num(sample.value[i]);
      stack[field] += v;
      totals[field] += v;
    }
  }
  const period = num(profile.period);
  const time = num(profile.timeNanos);
  return { stacks, totals, periodBytes: period > 0 ? period : null, timeNanos: time > 0 ? time : null };
}

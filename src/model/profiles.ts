import type { SideName } from './sides.ts';

/** What memgate fetches from a side's pprof endpoint. */
export type ProfileKind = 'heap' | 'goroutine';

/** One fetch: a heap profile (`heap?gc=1`, gzipped protobuf) or a goroutine dump (`goroutine?debug=2`, text). */
export interface ProfileEntry {
  side: SideName;
  /** Which of the side's processes (absent: 0). */
  instance?: number;
  kind: ProfileKind;
  /** Snapshot number, shared by both sides and both kinds fetched at the same point. */
  seq: number;
  /** Milliseconds since sampling began, when the request was sent. */
  t: number;
  /** Path relative to the bundle directory (e.g. `pprof/gray-heap-003.pb.gz`); null when the fetch failed. */
  file: string | null;
  bytes: number | null;
  /** Why the fetch failed (no answer, HTTP status, timeout), or null. */
  error: string | null;
  /** How long the fetch took. */
  fetchMs: number | null;
}

/** The bundle's `pprof/index.json`: every fetch, as it went. */
export interface ProfileIndex {
  schema: typeof PROFILE_INDEX_SCHEMA;
  /** Base URLs the profiles came from, per side; null when that side was not profiled. */
  urls: Record<SideName, string | null>;
  /** With replicas: every instance's base URL per side (the first is `urls`'). */
  instanceUrls?: Record<SideName, (string | null)[]>;
  intervalMs: number;
  entries: ProfileEntry[];
  /** Notes from collection that are not per-fetch errors (a side without a known address, ...). */
  notes: string[];
}

/** The index plus the fetched bytes, by file: what analysis reads (it never touches the disk). */
export interface ProfileSet extends ProfileIndex {
  data: Record<string, Uint8Array>;
}

export const PROFILE_INDEX_SCHEMA = 'memgate/pprof-index@1';
export const PROFILE_DIR = 'pprof';
export const PROFILE_INDEX_FILE = 'index.json';
/** Diff profiles memgate writes next to the fetched ones, in pprof format. */
export const DiffProfileFile = {
  Gray: 'diff-gray.pb.gz',
  GrayVsBaseline: 'diff-gray-vs-baseline.pb.gz',
} as const;

import { gzipSync } from 'node:zlib';
import { Profile, StringTable, type FunctionInput, type LocationInput, type SampleInput } from 'pprof-format';
import type { Frame } from '../model/frame.ts';
import type { HeapDiff, StackGrowth, Change } from './heap-diff.ts';

/**
 * Encodes stack values as a gzipped pprof heap profile (inuse_objects, inuse_space; negative values
 * allowed, as in a diff) that `go tool pprof` opens. Pure.
 */
export function encodeHeapValues(
  rows: readonly { frames: readonly Frame[]; value: Change }[],
  periodBytes: number,
  comment: string,
): Uint8Array {
  const strings = new StringTable();
  const functions: FunctionInput[] = [];
  const functionIds = new Map<string, number>();
  const locations: LocationInput[] = [];
  const locationIds = new Map<string, number>();
  const locationOf = (f: Frame): number => {
    const lkey = `${f.fn}\0${f.file}\0${f.line}`;
    let id = locationIds.get(lkey);
    if (id !== undefined) return id;
    const fkey = `${f.fn}\0${f.file}`;
    let fid = functionIds.get(fkey);
    if (fid === undefined) {
      fid = functions.length + 1;
      functionIds.set(fkey, fid);
      functions.push({
        id: fid,
        name: strings.dedup(f.fn),
        systemName: strings.dedup(f.fn),
        filename: strings.dedup(f.file),
      });
    }
    id = locations.length + 1;
    locationIds.set(lkey, id);
    // Addresses only need to be distinct; memgate's locations are symbolized already.
    locations.push({ id, mappingId: 1, address: 0x1000 + id, line: [{ functionId: fid, line: f.line }] });
    return id;
  };
  const samples: SampleInput[] = [];
  for (const row of rows) {
    const objects = Math.round(row.value.objects);
    const bytes = Math.round(row.value.bytes);
    if (objects === 0 && bytes === 0) continue;
    samples.push({ locationId: row.frames.map(locationOf), value: [objects, bytes] });
  }
  const inuseSpace = strings.dedup('inuse_space');
  const profile = new Profile({
    sampleType: [
      { type: strings.dedup('inuse_objects'), unit: strings.dedup('count') },
      { type: inuseSpace, unit: strings.dedup('bytes') },
    ],
    sample: samples,
    mapping: [
      {
        id: 1,
        memoryStart: 0x1000,
        memoryLimit: 0x1000 + locations.length + 1,
        filename: strings.dedup('memgate-diff'),
        hasFunctions: true,
        hasFilenames: true,
        hasLineNumbers: true,
      },
    ],
    location: locations,
    function: functions,
    stringTable: strings,
    periodType: { type: strings.dedup('space'), unit: strings.dedup('bytes') },
    period: periodBytes,
    comment: [strings.dedup(comment)],
    defaultSampleType: inuseSpace,
  });
  return gzipSync(profile.encode());
}

export interface DiffProfile {
  /** File name inside the bundle's profile directory. */
  name: string;
  data: Uint8Array;
}

/**
 * The two diff profiles of a heap comparison: gray's last snapshot minus its first (what
 * `go tool pprof -diff_base` shows), and gray's growth minus baseline's per stack (what memgate ranks).
 */
export function buildDiffProfiles(heap: HeapDiff, names: { gray: string; grayVsBaseline: string }): DiffProfile[] {
  const out: DiffProfile[] = [];
  const grayRows = heap.stacks.map((s: StackGrowth) => ({ frames: s.frames, value: s.grayEndMinusStart }));
  out.push({
    name: names.gray,
    data: encodeHeapValues(
      grayRows,
      heap.periodBytes,
      'memgate: gray, last heap profile of the window minus the first',
    ),
  });
  const vsRows = heap.stacks.map((s) => ({
    frames: s.frames,
    value: {
      bytes: s.growth.gray.bytes - s.growth.baseline.bytes,
      objects: s.growth.gray.objects - s.growth.baseline.objects,
    },
  }));
  out.push({
    name: names.grayVsBaseline,
    data: encodeHeapValues(
      vsRows,
      heap.periodBytes,
      "memgate: gray's retained growth over the window minus baseline's, per stack",
    ),
  });
  return out;
}

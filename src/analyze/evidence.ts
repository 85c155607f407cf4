import { SIDES, type SideName } from '../model/sides.ts';
import { DiffProfileFile, PROFILE_DIR, type ProfileEntry, type ProfileSet } from '../model/profiles.ts';
import type { EvidenceSummary, HeapSideSummary, Pattern, PatternId, Suspect } from './evidence-types.ts';
import { decodeHeapProfile, type HeapSnapshot } from './heap-profile.ts';
import { diffHeaps, levelNoise, type FunctionGrowth, type HeapDiff, type HeapSeries } from './heap-diff.ts';
import { parseGoroutineDump, type GoroutineDump } from './goroutine-parse.ts';
import {
  diffGoroutines,
  mainState,
  type ClusterGrowth,
  type GoroutineDiff,
  type GoroutineSeries,
} from './goroutine-clusters.ts';
import { detectPatterns, growingClusters, risesThroughout, type PatternClaim } from './patterns.ts';
import { applicationFrame, frameText, locationText, trimRuntime } from './evidence-util.ts';
import { errorMessage } from '../model/errors.ts';

/** Profiles fetched this long before the window's start still count as its first snapshot. */
const START_SLACK_MS = 500;
export const MAX_SUSPECTS = 20;
const ONE_SIDED_FACTOR = 4;
const SCATTER_FACTOR = 3;
const MAX_STACK_FRAMES = 12;

export interface Evidence {
  suspects: Suspect[];
  patterns: Pattern[];
  summary: EvidenceSummary;
  /** Profiles that could not be fetched or read, and what that means for the evidence. */
  warnings: string[];
  /** The heap comparison itself, for diff profiles (not reported as is). */
  heap: HeapDiff | null;
}

const decoder = new TextDecoder('utf-8', { fatal: false });

function fetchWarnings(entries: readonly ProfileEntry[], instance: number): string[] {
  const label = instance === 0 ? '' : ` (instance ${instance + 1})`;
  const warnings: string[] = [];
  for (const side of SIDES) {
    for (const kind of ['heap', 'goroutine'] as const) {
      const mine = entries.filter((e) => e.side === side && e.kind === kind && (e.instance ?? 0) === instance);
      const failed = mine.filter((e) => e.error !== null);
      if (failed.length === 0) continue;
      const what = kind === 'heap' ? 'heap profile' : 'goroutine dump';
      warnings.push(
        `${side}${label} ${what}: ${failed.length} of ${mine.length} fetches failed (first: ${failed[0].error}); the evidence uses the rest`,
      );
    }
  }
  return warnings;
}

/** A side's heap summary before any profile: what a side without profiles reports. */
export function emptyHeapSide(): HeapSideSummary {
  return {
    snapshots: 0,
    startInuseBytes: null,
    endInuseBytes: null,
    inuseGrowth: null,
    allocBytesPerSec: null,
    periodBytes: null,
  };
}

/** Reads what the window holds: decoded heap profiles and parsed dumps per side; the broken ones become warnings. */
function load(set: ProfileSet, warmupMs: number, warnings: string[], instance: number) {
  const heap = {} as Record<SideName, HeapSeries>;
  const goroutines = {} as Record<SideName, GoroutineSeries>;
  for (const side of SIDES) {
    heap[side] = { times: [], snapshots: [] };
    goroutines[side] = { times: [], dumps: [] };
  }
  const inWindow = set.entries
    .filter(
      (e) => (e.instance ?? 0) === instance && e.file !== null && e.error === null && e.t >= warmupMs - START_SLACK_MS,
    )
    .sort((a, b) => a.t - b.t || a.seq - b.seq);
  for (const entry of inWindow) {
    const file = entry.file!;
    const bytes = set.data[file];
    if (!bytes) {
      warnings.push(`${entry.side} ${entry.kind} ${file} is missing from the bundle; left out`);
      continue;
    }
    if (entry.kind === 'heap') {
      let snapshot: HeapSnapshot;
      try {
        snapshot = decodeHeapProfile(bytes);
      } catch (error) {
        warnings.push(`${entry.side} heap profile ${file} is unreadable (${errorMessage(error)}); left out`);
        continue;
      }
      heap[entry.side].times.push(entry.t / 1000);
      heap[entry.side].snapshots.push(snapshot);
    } else {
      let dump: GoroutineDump;
      try {
        dump = parseGoroutineDump(decoder.decode(bytes));
      } catch (error) {
        warnings.push(`${entry.side} goroutine dump ${file} is unreadable (${errorMessage(error)}); left out`);
        continue;
      }
      if (dump.problems.length)
        warnings.push(`${entry.side} goroutine dump ${file}: ${dump.problems.join('; ')}; used what it holds`);
      goroutines[entry.side].times.push(entry.t / 1000);
      goroutines[entry.side].dumps.push(dump);
    }
  }
  return { heap, goroutines };
}

const diffBytes = (f: FunctionGrowth) => f.growth.gray.bytes - f.growth.baseline.bytes;

/**
 * Growth worth naming: above the sampling noise floor, well beyond how much the function's memory
 * strays from a steady line (a burst that some snapshots catch), and, when it rose in one half of the
 * window only (a burst caught by the last snapshot), large.
 */
export function grows(heap: HeapDiff, f: FunctionGrowth): boolean {
  const d = diffBytes(f);
  return (
    d > heap.noiseFloorBytes &&
    d > SCATTER_FACTOR * f.scatterBytes &&
    (risesThroughout(f.graySeries) || d > ONE_SIDED_FACTOR * heap.noiseFloorBytes)
  );
}

function heapSuspects(heap: HeapDiff, claims: readonly PatternClaim[]): Suspect[] {
  const patternOf = (keys: string[]): PatternId | null =>
    claims.find((c) => keys.some((k) => c.stacks.has(k)))?.pattern.id ?? null;
  const growth = heap.functions.filter((f) => grows(heap, f));
  const totalGrowth = heap.functions.reduce((sum, f) => sum + Math.max(0, diffBytes(f)), 0);
  const suspects: Suspect[] = [];
  const make = (
    f: FunctionGrowth,
    kind: 'growth' | 'excess',
    bytes: number,
    objects: number,
    share: number,
    gray: number,
    baseline: number,
  ): Suspect => {
    const ranked = [...f.stacks].sort((a, b) =>
      kind === 'growth'
        ? b.growth.gray.bytes - b.growth.baseline.bytes - (a.growth.gray.bytes - a.growth.baseline.bytes)
        : b.end.gray.bytes - b.end.baseline.bytes - (a.end.gray.bytes - a.end.baseline.bytes),
    );
    const frames = trimRuntime(ranked[0].frames);
    return {
      function: f.function,
      source: 'pprof',
      kind,
      bytes: Math.round(bytes),
      objects: Math.round(objects),
      count: null,
      share: Math.round(share * 1000) / 1000,
      gray: Math.round(gray),
      baseline: Math.round(baseline),
      location: locationText(ranked[0].frames[0]),
      stack: frames.slice(0, MAX_STACK_FRAMES).map(frameText),
      caller: applicationFrame(ranked[0].frames)?.fn ?? null,
      createdBy: null,
      state: null,
      waitMinutes: null,
      pattern: patternOf(
        f.stacks
          .filter((s) => s.growth.gray.bytes - s.growth.baseline.bytes > 0 || kind === 'excess')
          .map((s) => s.key),
      ),
    };
  };
  for (const f of growth) {
    suspects.push(
      make(
        f,
        'growth',
        diffBytes(f),
        f.growth.gray.objects - f.growth.baseline.objects,
        totalGrowth > 0 ? diffBytes(f) / totalGrowth : 1,
        f.growth.gray.bytes,
        f.growth.baseline.bytes,
      ),
    );
  }
  // A level gray reached before the window (a plateau) does not grow in it, yet can be what blocks.
  const excess = heap.functions.filter((f) => {
    if (growth.includes(f)) return false;
    const d = f.end.gray.bytes - f.end.baseline.bytes;
    return (
      d > Math.max(heap.noiseFloorBytes, levelNoise(f.end.gray.bytes, f.end.baseline.bytes, heap.periodBytes)) &&
      d > 0.5 * f.end.baseline.bytes
    );
  });
  const totalExcess = excess.reduce((sum, f) => sum + f.end.gray.bytes - f.end.baseline.bytes, 0);
  for (const f of excess.sort(
    (a, b) => b.end.gray.bytes - b.end.baseline.bytes - (a.end.gray.bytes - a.end.baseline.bytes),
  )) {
    const d = f.end.gray.bytes - f.end.baseline.bytes;
    suspects.push(
      make(
        f,
        'excess',
        d,
        f.end.gray.objects - f.end.baseline.objects,
        totalExcess > 0 ? d / totalExcess : 1,
        f.end.gray.bytes,
        f.end.baseline.bytes,
      ),
    );
  }
  return suspects;
}

function goroutineSuspects(goroutines: GoroutineDiff, claims: readonly PatternClaim[]): Suspect[] {
  const growing = growingClusters(goroutines);
  const total = growing.reduce((sum, c) => sum + c.difference, 0);
  return growing.map((c: ClusterGrowth) => ({
    function: c.entry,
    source: 'goroutine' as const,
    kind: 'growth' as const,
    bytes: null,
    objects: null,
    count: Math.round(c.difference),
    share: Math.round((total > 0 ? c.difference / total : 1) * 1000) / 1000,
    gray: Math.round(c.growth.gray),
    baseline: Math.round(c.growth.baseline),
    location: locationText(c.frames[c.frames.length - 1] ?? null),
    stack: c.frames.slice(0, MAX_STACK_FRAMES).map(frameText),
    caller: null,
    createdBy: c.createdBy?.fn ?? null,
    state: mainState(c.end.gray),
    waitMinutes: c.end.gray.maxWaitMinutes,
    pattern: claims.find((p) => p.clusters.has(c.key))?.pattern.id ?? null,
  }));
}

/**
 * Ranks what grew: growth suspects of both sources by their share, then retained-level excess.
 * Suspects a pattern explains come before those none does. On a tie a goroutine cluster goes first:
 * goroutines that pile up hold the heap that grows with them (the cause before the effect).
 */
function rank(suspects: Suspect[]): Suspect[] {
  const order = (s: Suspect) => (s.kind === 'excess' ? 1 : 0);
  return suspects
    .sort(
      (a, b) =>
        order(a) - order(b) ||
        Number(b.pattern !== null) - Number(a.pattern !== null) ||
        b.share - a.share ||
        (a.source === 'goroutine' ? -1 : 1) - (b.source === 'goroutine' ? -1 : 1),
    )
    .slice(0, MAX_SUSPECTS);
}

function emptyEvidence(warnings: string[]): Evidence {
  const goroutineSide = { dumps: 0, startCount: null, endCount: null };
  return {
    suspects: [],
    patterns: [],
    summary: {
      heap: { baseline: emptyHeapSide(), gray: emptyHeapSide(), inuseGrowthDifference: null, noiseFloorBytes: null },
      goroutines: { baseline: goroutineSide, gray: goroutineSide },
      churn: [],
      diffProfiles: [],
    },
    warnings,
    heap: null,
  };
}

/**
 * The evidence behind a verdict, from the heap profiles and goroutine dumps in the window (warm-up
 * excluded): suspects, leak patterns, the heap's growth and churn. Never throws: profiles that are
 * missing or broken become warnings, and whatever is left is used. Pure.
 */
export function analyzeEvidence(set: ProfileSet | undefined | null, warmupMs: number, instance = 0): Evidence | null {
  if (!set) return null;
  if (instance > 0 && !set.entries.some((e) => e.instance === instance)) return null;
  const warnings = [...(instance === 0 ? set.notes : []), ...fetchWarnings(set.entries, instance)];
  try {
    const { heap: heapSeries, goroutines: goroutineSeries } = load(set, warmupMs, warnings, instance);
    const heapCount = SIDES.map((s) => heapSeries[s].snapshots.length);
    const dumpCount = SIDES.map((s) => goroutineSeries[s].dumps.length);
    let heap: HeapDiff | null = null;
    if (heapCount.some((n) => n >= 2)) {
      heap = diffHeaps(heapSeries);
      for (const [i, side] of SIDES.entries()) {
        if (heapCount[i] < 2)
          warnings.push(
            `${side} has ${heapCount[i]} usable heap profile(s) in the window; its heap growth is taken as none, so suspects are gray's own growth`,
          );
      }
    } else if (set.urls.gray !== null || set.urls.baseline !== null) {
      warnings.push(
        `too few usable heap profiles in the window (baseline ${heapCount[0]}, gray ${heapCount[1]}; two per side needed): no heap evidence`,
      );
    }
    let goroutines: GoroutineDiff | null = null;
    if (dumpCount.some((n) => n >= 2)) {
      goroutines = diffGoroutines(goroutineSeries);
      for (const [i, side] of SIDES.entries()) {
        if (dumpCount[i] < 2)
          warnings.push(
            `${side} has ${dumpCount[i]} usable goroutine dump(s) in the window; its goroutine growth is taken as none`,
          );
      }
    } else if (set.urls.gray !== null || set.urls.baseline !== null) {
      warnings.push(
        `too few usable goroutine dumps in the window (baseline ${dumpCount[0]}, gray ${dumpCount[1]}; two per side needed): no goroutine evidence`,
      );
    }
    const claims = detectPatterns(heap, goroutines);
    const suspects = rank([
      ...(heap ? heapSuspects(heap, claims) : []),
      ...(goroutines ? goroutineSuspects(goroutines, claims) : []),
    ]);
    return {
      suspects,
      patterns: claims.map((c) => c.pattern),
      summary: {
        heap: {
          baseline: heap?.sides.baseline ?? emptyHeapSide(),
          gray: heap?.sides.gray ?? emptyHeapSide(),
          inuseGrowthDifference: heap?.inuseGrowthDifference ?? null,
          noiseFloorBytes: heap?.noiseFloorBytes ?? null,
        },
        goroutines: {
          baseline: {
            dumps: dumpCount[0],
            startCount: goroutines?.totals.baseline.start ?? null,
            endCount: goroutines?.totals.baseline.end ?? null,
          },
          gray: {
            dumps: dumpCount[1],
            startCount: goroutines?.totals.gray.start ?? null,
            endCount: goroutines?.totals.gray.end ?? null,
          },
        },
        churn: heap?.churn ?? [],
        diffProfiles: heap
          ? [DiffProfileFile.Gray, DiffProfileFile.GrayVsBaseline].map((f) => `${PROFILE_DIR}/${f}`)
          : [],
      },
      warnings,
      heap,
    };
  } catch (error) {
    warnings.push(
      `the profile evidence could not be analysed (${errorMessage(error)}); the verdict stands on memory alone`,
    );
    return emptyEvidence(warnings);
  }
}

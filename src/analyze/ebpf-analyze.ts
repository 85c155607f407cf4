// What the allocation tracer says: each side's top allocation paths (bytes and allocations per
// second, with their share), and the paths where gray allocates clearly faster than baseline, as
// suspects (`source: 'ebpf'`) beside the heap-profile ones. Pure.
import { SIDES, type SideName } from '../model/sides.ts';
import type { EbpfCostEstimate, EbpfMode, EbpfSideTrace, EbpfTrace } from '../model/ebpf.ts';
import type { Suspect } from './evidence-types.ts';
import type { Frame } from '../model/frame.ts';
import { applicationFrame, frameText, locationText } from './evidence-util.ts';
import { estimate, isProfilerStack, pathFrames, pathKey } from './ebpf-paths.ts';

export const TOP_PATHS = 20;
export const MAX_EBPF_SUSPECTS = 10;
const MAX_STACK_FRAMES = 12;
/** Gray's share of a path's samples must be this unlikely under equal rates (one-sided binomial test). */
const MAX_P_VALUE = 0.001;
/** ...and be at least this share of gray's whole allocation rate, and this many bytes per second. */
const MIN_SHARE_OF_TOTAL = 0.01;
const MIN_BYTES_PER_SEC = 16 * 1024;
/** ...and gray must allocate there at least this much more than baseline, relatively. */
const MIN_RATIO = 1.25;

export interface AllocationPath {
  /** The innermost frame of the path (the allocator's runtime frames left out). */
  function: string;
  /** The first application frame (outside the standard library) on the path, or null. */
  caller: string | null;
  /** `file:line` of the innermost frame, or null without line information. */
  location: string | null;
  /** Innermost first, `function file:line`. */
  stack: string[];
  /** Estimated over the trace (scaled as pprof scales its samples, or by the sample rate). */
  bytes: number;
  count: number;
  bytesPerSec: number;
  countPerSec: number;
  /** Share of all bytes this side allocated (0..1). */
  share: number;
  /** Probe hits behind the estimate: the fewer, the rougher. */
  samples: number;
  /** Distinct goroutines seen allocating on this path. */
  goroutines: number;
}

/** One side's allocations as traced; the profiler's work for memgate's own profile fetches left out. */
export interface EbpfSideSummary {
  binary: string;
  goVersion: string | null;
  pids: number[];
  traceMs: number;
  memProfileRate: number | null;
  samples: number;
  bytesPerSec: number;
  countPerSec: number;
  /** The top allocation paths, most bytes first. */
  paths: AllocationPath[];
}

export interface EbpfSummary {
  mode: EbpfMode;
  /** What the mode costs, in words. */
  cost: string;
  sampleRate: number;
  stackDepth: number;
  tracer: string;
  baseline: EbpfSideSummary | null;
  gray: EbpfSideSummary | null;
  /** The cost guard's figures per side (null: not estimated, e.g. a bundle from before the guard, or no Go process there). */
  costs: Record<SideName, EbpfCostEstimate | null>;
}

export interface EbpfAnalysis {
  summary: EbpfSummary;
  suspects: Suspect[];
  warnings: string[];
}

interface PathStats {
  key: string;
  frames: Frame[];
  bytes: number;
  count: number;
  samples: number;
  goroutines: Set<number>;
  /** Bytes of the heaviest stack on this path: its frames are the ones shown. */
  topBytes: number;
}

function pathsOf(trace: EbpfTrace, side: EbpfSideTrace): Map<string, PathStats> {
  const paths = new Map<string, PathStats>();
  for (const stack of side.stacks) {
    if (isProfilerStack(stack.frames)) continue;
    const frames = pathFrames(stack.frames, trace.stackDepth);
    const key = pathKey(frames);
    const est = estimate(stack, {
      mode: trace.mode,
      sampleRate: trace.sampleRate,
      memProfileRate: side.memProfileRate,
    });
    let p = paths.get(key);
    if (!p) {
      p = { key, frames, bytes: 0, count: 0, samples: 0, goroutines: new Set(), topBytes: -1 };
      paths.set(key, p);
    }
    p.bytes += est.bytes;
    p.count += est.count;
    p.samples += stack.samples;
    for (const g of stack.goroutines) if (g.goid !== 0) p.goroutines.add(g.goid);
    if (est.bytes > p.topBytes) {
      p.topBytes = est.bytes;
      p.frames = frames;
    }
  }
  return paths;
}

const round = (v: number) => Math.round(v);
const round3 = (v: number) => Math.round(v * 1000) / 1000;

function describePath(p: PathStats, seconds: number, total: number): AllocationPath {
  return {
    function: p.frames[0]?.fn ?? '?',
    caller: applicationFrame(p.frames)?.fn ?? null,
    location: locationText(p.frames[0]),
    stack: p.frames.slice(0, MAX_STACK_FRAMES).map(frameText),
    bytes: round(p.bytes),
    count: round(p.count),
    bytesPerSec: round(p.bytes / seconds),
    countPerSec: round3(p.count / seconds),
    share: total > 0 ? round3(p.bytes / total) : 0,
    samples: p.samples,
    goroutines: p.goroutines.size,
  };
}

/** P(X >= k) for X ~ Binomial(n, p), summed in log space (n may be large). */
export function binomialTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logRatio = Math.log(p / (1 - p));
  let logPmf = n * Math.log(1 - p); // k = 0
  const terms: number[] = [];
  for (let i = 1; i <= n; i++) {
    logPmf += Math.log((n - i + 1) / i) + logRatio;
    if (i >= k) terms.push(logPmf);
  }
  const max = terms.reduce((m, t) => (t > m ? t : m), -Infinity);
  return Math.min(1, Math.exp(max) * terms.reduce((sum, t) => sum + Math.exp(t - max), 0));
}

export function costOf(mode: EbpfMode, sampleRate: number): string {
  if (mode === 'sampled')
    return 'sampled: a probe on runtime.mProf_Malloc, hit once per MemProfileRate bytes (512 KiB by default, 64 KiB as memgate asks), as Go samples its heap profile; each hit traps into the kernel, so a side whose hits would cost over the budget is left out (see costs)';
  return `every: a probe on every runtime.mallocgc call${sampleRate > 1 ? `, 1 in ${sampleRate} recorded` : ''}; each allocation traps into the kernel, which slows an allocation-heavy service many times over`;
}

/**
 * Top allocation paths of each side and the paths gray allocates clearly faster on. `known` are
 * the heap-profile suspects: an eBPF suspect on the same function takes their leak pattern.
 */
export function analyzeEbpf(trace: EbpfTrace | undefined | null, known: readonly Suspect[] = []): EbpfAnalysis | null {
  if (!trace) return null;
  const warnings = [...trace.warnings];
  const summary: EbpfSummary = {
    mode: trace.mode,
    cost: costOf(trace.mode, trace.sampleRate),
    sampleRate: trace.sampleRate,
    stackDepth: trace.stackDepth,
    tracer: trace.tracer,
    baseline: null,
    gray: null,
    costs: { baseline: trace.costs?.baseline ?? null, gray: trace.costs?.gray ?? null },
  };
  const paths = {} as Record<SideName, { map: Map<string, PathStats>; seconds: number; total: number } | null>;
  for (const side of SIDES) {
    const s = trace.sides[side];
    paths[side] = null;
    if (!s) continue;
    const traceMs = Math.max(0, s.endMs - s.startMs);
    const map = pathsOf(trace, s);
    const all = [...map.values()];
    const total = all.reduce((sum, p) => sum + p.bytes, 0);
    const count = all.reduce((sum, p) => sum + p.count, 0);
    const seconds = traceMs / 1000;
    if (seconds <= 0) {
      warnings.push(`${side} was traced for no time at all; its allocation paths have no rates`);
      continue;
    }
    paths[side] = { map, seconds, total };
    summary[side] = {
      binary: s.binary,
      goVersion: s.goVersion,
      pids: s.pids,
      traceMs,
      memProfileRate: s.memProfileRate,
      samples: all.reduce((sum, p) => sum + p.samples, 0),
      bytesPerSec: round(total / seconds),
      countPerSec: round3(count / seconds),
      paths: all
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, TOP_PATHS)
        .map((p) => describePath(p, seconds, total)),
    };
  }
  const gray = paths.gray;
  const base = paths.baseline;
  if (!gray || !base) {
    if (trace.sides.gray || trace.sides.baseline)
      warnings.push('only one side has allocation paths, so none are compared: no eBPF suspects');
    return { summary, suspects: [], warnings };
  }
  const grayTotalRate = gray.total / gray.seconds;
  interface Diff {
    key: string;
    p: PathStats;
    g: number;
    b: number;
    gCount: number;
    bCount: number;
  }
  const diffs: Diff[] = [];
  for (const [key, p] of gray.map) {
    const q = base.map.get(key);
    const g = p.bytes / gray.seconds;
    const b = (q?.bytes ?? 0) / base.seconds;
    const d = g - b;
    if (d <= 0 || d < MIN_BYTES_PER_SEC || d < MIN_SHARE_OF_TOTAL * grayTotalRate || g < MIN_RATIO * b) continue;
    // Probe hits are Poisson: with equal rates, gray's share of the path's hits follows its share of the traced time.
    if (
      binomialTail(p.samples, p.samples + (q?.samples ?? 0), gray.seconds / (gray.seconds + base.seconds)) > MAX_P_VALUE
    )
      continue;
    diffs.push({ key, p, g, b, gCount: p.count / gray.seconds, bCount: (q?.count ?? 0) / base.seconds });
  }
  const totalDiff = diffs.reduce((sum, d) => sum + d.g - d.b, 0);
  const suspects = diffs
    .sort((x, y) => y.g - y.b - (x.g - x.b))
    .slice(0, MAX_EBPF_SUSPECTS)
    .map((d): Suspect => {
      const fn = d.p.frames[0]?.fn ?? '?';
      const caller = applicationFrame(d.p.frames)?.fn ?? null;
      const pattern =
        known.find(
          (k) =>
            k.pattern !== null &&
            (k.function === fn || (caller !== null && (k.function === caller || k.caller === caller))),
        )?.pattern ?? null;
      return {
        function: fn,
        source: 'ebpf',
        kind: 'growth',
        bytes: round(d.g - d.b),
        objects: round(d.gCount - d.bCount),
        count: null,
        share: totalDiff > 0 ? round3((d.g - d.b) / totalDiff) : 1,
        gray: round(d.g),
        baseline: round(d.b),
        location: locationText(d.p.frames[0]),
        stack: d.p.frames.slice(0, MAX_STACK_FRAMES).map(frameText),
        caller,
        createdBy: null,
        state: null,
        waitMinutes: null,
        pattern,
      };
    });
  return { summary, suspects, warnings };
}

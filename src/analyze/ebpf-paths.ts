// From what the allocation tracer counted to what the service allocated: scaling (as pprof scales
// its heap samples) and allocation paths (the stack without the allocator's own runtime frames).
// Pure; shared by the bundle writer (folded stacks, line form) and the analysis.
import type { EbpfMode, EbpfStack } from '../model/ebpf.ts';
import type { Frame } from '../model/frame.ts';
import { isRuntime } from './evidence-util.ts';

/**
 * pprof's scaleHeapSample: a stack Go sampled `count` times carrying `bytes` in all, at
 * MemProfileRate `rate`, stands for `count * s` allocations and `bytes * s` bytes, where
 * s = 1 / (1 - exp(-avg / rate)) and avg = bytes / count.
 */
export function scaleHeapSample(count: number, bytes: number, rate: number): { count: number; bytes: number } {
  if (count === 0 || bytes === 0) return { count: 0, bytes: 0 };
  if (rate <= 1) return { count, bytes };
  const avg = bytes / count;
  const scale = 1 / (1 - Math.exp(-avg / rate));
  return { count: count * scale, bytes: bytes * scale };
}

export interface Scaling {
  mode: EbpfMode;
  /** every mode: 1 in this many calls recorded. */
  sampleRate: number;
  /** sampled mode: the process's runtime.MemProfileRate. */
  memProfileRate: number | null;
}

/** Go's default runtime.MemProfileRate, assumed when the process's own could not be read. */
export const DEFAULT_MEM_PROFILE_RATE = 512 * 1024;

/** Estimated allocations and bytes behind a stack's samples. */
export function estimate(
  stack: Pick<EbpfStack, 'samples' | 'sampledBytes'>,
  scaling: Scaling,
): { count: number; bytes: number } {
  if (scaling.mode === 'every')
    return { count: stack.samples * scaling.sampleRate, bytes: stack.sampledBytes * scaling.sampleRate };
  return scaleHeapSample(stack.samples, stack.sampledBytes, scaling.memProfileRate ?? DEFAULT_MEM_PROFILE_RATE);
}

/**
 * The allocation path of a stack (innermost first): the allocator's runtime frames at the top and
 * the runtime's goroutine entry frames at the bottom dropped, at most `depth` frames. A stack that
 * is runtime through and through (the runtime allocating for itself) is kept whole.
 */
export function pathFrames(frames: readonly Frame[], depth: number): Frame[] {
  const start = frames.findIndex((f) => !isRuntime(f.fn));
  if (start < 0) return frames.slice(0, depth);
  let end = frames.length;
  while (end > start && isRuntime(frames[end - 1].fn)) end--;
  return frames.slice(start, Math.min(end, start + depth));
}

/** Frames of Go's profiler serving memgate's own heap-profile and goroutine-dump requests: part of no workload. */
export function isProfilerStack(frames: readonly Frame[]): boolean {
  return frames.some((f) => f.fn.startsWith('runtime/pprof.') || f.fn.startsWith('net/http/pprof.'));
}

/** The key two sides' paths are matched by: function names only (lines differ between builds). */
export function pathKey(path: readonly Frame[]): string {
  return path.map((f) => f.fn).join(' <- ');
}

/** flamegraph.pl's folded form of a path: root first, `;`-separated. */
export function foldedPath(path: readonly Frame[]): string {
  return path
    .map((f) => f.fn.replace(/[;\s]/g, '_'))
    .reverse()
    .join(';');
}

/** The seed's line form of a path: root first, `->`-separated, ending at the allocator (`mallocgc`). */
export function arrowPath(path: readonly Frame[]): string {
  return [...path.map((f) => f.fn.replace(/\s/g, '_')).reverse(), 'mallocgc'].join('->');
}

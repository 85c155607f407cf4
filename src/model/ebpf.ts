import type { SideName } from './sides.ts';
import type { Frame } from './frame.ts';

/** `sampled`: a uprobe on runtime.mProf_Malloc (Go's own heap-profile sampling); `every`: on runtime.mallocgc. */
export type EbpfMode = 'sampled' | 'every';
export type EbpfSwitch = 'auto' | 'on' | 'off';

export interface EbpfPlan {
  enabled: EbpfSwitch;
  mode: EbpfMode;
  /** every mode: one call in this many is recorded, in the kernel (1 = all). */
  sampleRate: number;
  /** Frames kept per allocation path, runtime frames not counted. */
  stackDepth: number;
}

/** One allocating stack of one side, symbolized, with what the tracer counted on it. */
export interface EbpfStack {
  /** Every frame, innermost first, the probed runtime function included; `file` empty and line 0 when unknown. */
  frames: Frame[];
  /** Probe hits recorded on this stack. */
  samples: number;
  /** Bytes those hits carried (the size argument). */
  sampledBytes: number;
  /** Samples per goroutine id (0 when the id could not be read), largest first, at most a few dozen. */
  goroutines: { goid: number; samples: number; sampledBytes: number }[];
}

export interface EbpfSideTrace {
  /** The executable traced (its path as the workload runs it). */
  binary: string;
  goVersion: string | null;
  arch: string;
  pids: number[];
  /** runtime.MemProfileRate as the process had it (sampled mode), or null when not read. */
  memProfileRate: number | null;
  /** When tracing of this side began and ended, in ms since sampling began (end: the side's exit if earlier). */
  startMs: number;
  endMs: number;
  stacks: EbpfStack[];
}

/** The bundle's `ebpf/trace.json`: everything the allocation tracer measured, ready for analysis. */
export interface EbpfTrace {
  schema: typeof EBPF_TRACE_SCHEMA;
  mode: EbpfMode;
  sampleRate: number;
  stackDepth: number;
  tracer: string;
  /** Null for a side that was not traced (the reason is among the warnings). */
  sides: Record<SideName, EbpfSideTrace | null>;
  /** What went wrong or was left out while tracing (each a full sentence for the report). */
  warnings: string[];
  /** The cost guard's estimate per side (null: no Go process to trace there); absent in older bundles. */
  costs?: Record<SideName, EbpfCostEstimate | null>;
}

/**
 * What the probe costs one side's service, estimated before attaching (src/collect/ebpf-cost.ts): its
 * probe hits per second times a measured cost per hit, as a share of one core.
 */
export interface EbpfCostEstimate {
  /** `heap-profile`: allocation rate from a heap profile before attaching; `probe-hits`: the hits counted while tracing (no profile to estimate from). */
  source: 'heap-profile' | 'probe-hits';
  /** Bytes (sampled mode) or allocations (every mode) per second the rate came from; null from probe hits. */
  allocPerSec: number | null;
  /** runtime.MemProfileRate the estimate used (sampled mode; the profile's period), else null. */
  memProfileRate: number | null;
  /** Probe hits per second expected (or counted). */
  hitsPerSec: number;
  /** The cost per hit assumed, in microseconds of the service's CPU. */
  hitCostUs: number;
  /** hitsPerSec x hitCostUs as a share of one core (0.03 = 3%). */
  share: number;
  /** The budget it was held to (share of one core). */
  budget: number;
  /** Whether the side was traced (false: skipped for its cost, --ebpf auto). */
  traced: boolean;
  /** Probe hits per second the tracer actually counted on this side, or null when it was not traced. */
  measuredHitsPerSec: number | null;
}

export const EBPF_TRACE_SCHEMA = 'memgate/ebpf-trace@1';
export const EBPF_DIR = 'ebpf';
export const EbpfFile = {
  Trace: 'trace.json',
  Script: 'alloc.bt',
  RawOutput: 'bpftrace.out',
  RawErrors: 'bpftrace.err',
  /** `${side}.folded`: flamegraph.pl input, estimated bytes. */
  folded: (side: SideName) => `${side}.folded`,
  /** `${side}.alloc.txt`: the seed's line form, `[bytes] [GID] [func1->func2->...->mallocgc]`. */
  lines: (side: SideName) => `${side}.alloc.txt`,
} as const;

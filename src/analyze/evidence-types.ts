// The evidence behind a verdict: which allocation sites grew, which goroutines piled up, and which
// known leak pattern it looks like. Plain values: they travel into report.json as they are.

export const PATTERN_IDS = [
  'ticker-not-stopped',
  'transport-per-request',
  'sync-pool-misuse',
  'goroutine-blocked',
  'unbounded-map',
  'buffer-growth',
] as const;
export type PatternId = (typeof PATTERN_IDS)[number];

/**
 * A place gray is worse than baseline. From heap profiles (`source: 'pprof'`): a function whose
 * retained memory (inuse_space) grew more in gray than in baseline over the window (`kind: 'growth'`),
 * or, when nothing grew there, rests higher in gray at the end (`kind: 'excess'`). From goroutine
 * dumps (`source: 'goroutine'`): a cluster of like goroutines that grew in number in gray.
 */
export interface Suspect {
  function: string;
  /** `ebpf`: an allocation path gray allocates on clearly faster than baseline (eBPF tracer); `bytes`, `objects`, `gray` and `baseline` are then per second. */
  source: 'pprof' | 'goroutine' | 'ebpf';
  kind: 'growth' | 'excess';
  /** pprof: gray's growth minus baseline's (or, for `excess`, gray's level minus baseline's) in bytes. */
  bytes: number | null;
  /** pprof: the same in live objects. */
  objects: number | null;
  /** goroutine: gray's growth in goroutines minus baseline's. */
  count: number | null;
  /** Share of all such positive differences of its source (0..1). */
  share: number;
  /** What each side did there over the window (bytes for pprof, goroutines for goroutine). */
  gray: number;
  baseline: number;
  /** `file:line` of the function's biggest site, or null. */
  location: string | null;
  /** Frames, innermost first, as `function file:line`; runtime (and park) frames trimmed. */
  stack: string[];
  /** pprof: the first application frame (outside the standard library) at or below the function. */
  caller: string | null;
  /** goroutine: the function whose `go` statement started the cluster. */
  createdBy: string | null;
  /** goroutine: the most common wait state in gray's last dump (`chan send`, `select`, `IO wait`...). */
  state: string | null;
  /** goroutine: the longest wait in gray's last dump, in minutes (Go reports it from one minute on). */
  waitMinutes: number | null;
  /** The leak pattern this suspect is evidence of, if any. */
  pattern: PatternId | null;
}

export interface Pattern {
  id: PatternId;
  /** 0..1: how sure memgate is that this is the pattern at work. */
  confidence: number;
  /** One sentence: what was seen, with the numbers. */
  message: string;
  /** How to fix it. */
  hint: string;
  /** Functions the pattern was seen at (the suspects it explains). */
  functions: string[];
}

export interface GrowthEstimate {
  /** Growth of the quantity in units per second, fitted over the window's snapshots. */
  perSec: number;
  low: number;
  high: number;
}

/** One side's heap over the window. */
export interface HeapSideSummary {
  snapshots: number;
  /** Retained heap (inuse_space) at the first and last snapshot, profiler's own allocations left out. */
  startInuseBytes: number | null;
  endInuseBytes: number | null;
  /** Slope of inuse_space over the snapshots, with its 95% interval. */
  inuseGrowth: GrowthEstimate | null;
  /**
   * The same growth by Theil-Sen (median of pairwise slopes), bytes/s: a snapshot caught while a burst
   * is held barely moves it. What replicas compare; null with fewer than 3 snapshots.
   */
  robustInuseGrowth?: number | null;
  /** Allocation churn: alloc_space allocated per second over the window. */
  allocBytesPerSec: number | null;
  /** The sampling period (runtime.MemProfileRate) the profile reports. */
  periodBytes: number | null;
}

export interface ChurnEntry {
  function: string;
  grayBytesPerSec: number;
  baselineBytesPerSec: number;
  /** Gray minus baseline. */
  differenceBytesPerSec: number;
}

export interface GoroutineSideSummary {
  dumps: number;
  startCount: number | null;
  endCount: number | null;
}

/** Everything the profiles said, for the judge and the report. */
export interface EvidenceSummary {
  heap: {
    baseline: HeapSideSummary;
    gray: HeapSideSummary;
    inuseGrowthDifference: GrowthEstimate | null;
    noiseFloorBytes: number | null;
  };
  goroutines: { baseline: GoroutineSideSummary; gray: GoroutineSideSummary };
  /** Allocation churn compared apart from retained growth: the functions allocating most more in gray. */
  churn: ChurnEntry[];
  /** Diff profiles written to the bundle, relative to it. */
  diffProfiles: string[];
}

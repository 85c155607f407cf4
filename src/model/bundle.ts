import type { WatchRecord } from './watch.ts';
import type { SideName } from './sides.ts';
import type { ProfileSet } from './profiles.ts';
import type { EbpfTrace } from './ebpf.ts';

/** How memory was read: a cgroup driver (the local pair), or 'prometheus' (a fleet's series from a Prometheus-compatible store). */
export type DriverName = 'v2' | 'systemd' | 'v1' | 'none' | 'prometheus';

/** memory.stat, as the report shows it: the parts of a side's memory. */
export interface MemoryStat {
  anonBytes: number;
  fileBytes: number;
  kernelBytes: number;
  sockBytes: number;
}

/**
 * One tick of the shared clock: both sides read back to back. `null`: the side had no reading. With
 * replicas a side's value is the mean of its instances' readings (what one instance typically uses).
 */
export interface MemorySample {
  /** Milliseconds since sampling started (both workloads ready). */
  t: number;
  baseline: number | null;
  gray: number | null;
  /** Each instance's reading, in instance order; absent when every side runs one process. */
  instances?: Record<SideName, (number | null)[]>;
}

export interface StatSample extends MemoryStat {
  t: number;
  side: SideName;
  /** Which of the side's processes (0 without replicas). */
  instance?: number;
}

export interface WorkloadExit {
  /** Milliseconds since sampling started; negative when it died before it was ready. */
  atMs: number;
  code: number | null;
  signal: string | null;
  beforeReady: boolean;
  /** The last lines it wrote to stdout/stderr. */
  lastOutput: string[];
}

/** A side's end state: the highest peak, all OOM kills and the first exit of its instances. */
export interface SideFinal {
  peakBytes: number | null;
  oomKills: number | null;
  exit: WorkloadExit | null;
  /** Per instance, with replicas. */
  instances?: InstanceFinal[];
}

export interface InstanceFinal {
  peakBytes: number | null;
  oomKills: number | null;
  exit: WorkloadExit | null;
}

export interface SideMeta {
  command: string;
  port: number | null;
  location: string;
  /** Each process of the side, with replicas (the first is also the side's own command/port/location). */
  instances?: InstanceMeta[];
}

export interface InstanceMeta {
  command: string;
  port: number | null;
  location: string;
}

export interface BundleMeta {
  schema: string;
  memgateVersion: string;
  createdAt: string;
  driver: DriverName;
  limitations: string[];
  warmupMs: number;
  durationMs: number;
  intervalMs: number;
  memoryMaxBytes: number | null;
  load: string | null;
  /** Processes per side (`--replicas`); absent in bundles from before replicas: 1. */
  replicas?: number;
  /** `GODEBUG=memprofilerate` set in both sides' environment; null: the services' own. */
  memProfileRate?: number | null;
  sides: Record<SideName, SideMeta>;
  /** Warnings raised while collecting (load died, a reading failed...). */
  warnings: string[];
  /** Why collection ended before the window was over, if it did. */
  endedEarly: string | null;
  /** How the run watched (its looks; the last one's levels are the verdict's); absent: one fixed window. */
  watch?: WatchRecord;
}

/** Everything a run measured: the seam between collecting and judging, saved as a directory. */
export interface Bundle {
  meta: BundleMeta;
  samples: MemorySample[];
  stats: StatSample[];
  final: Record<SideName, SideFinal>;
  /** Heap profiles and goroutine dumps (`pprof/`, with `pprof/index.json`); absent when none were fetched. */
  profiles?: ProfileSet;
  /** eBPF allocation paths of both sides (`ebpf/trace.json`); absent when tracing was off. */
  ebpf?: EbpfTrace;
}

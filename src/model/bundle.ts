import type { SideName } from './sides.ts';
import type { ProfileSet } from './profiles.ts';
import type { EbpfTrace } from './ebpf.ts';

export type DriverName = 'v2' | 'systemd' | 'v1' | 'none';

/** memory.stat, as the report shows it: the parts of a side's memory. */
export interface MemoryStat {
  anonBytes: number;
  fileBytes: number;
  kernelBytes: number;
  sockBytes: number;
}

/** One tick of the shared clock: both sides read back to back. `null`: the side had no reading. */
export interface MemorySample {
  /** Milliseconds since sampling started (both workloads ready). */
  t: number;
  baseline: number | null;
  gray: number | null;
}

export interface StatSample extends MemoryStat {
  t: number;
  side: SideName;
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

export interface SideFinal {
  peakBytes: number | null;
  oomKills: number | null;
  exit: WorkloadExit | null;
}

export interface SideMeta {
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
  sides: Record<SideName, SideMeta>;
  /** Warnings raised while collecting (load died, a reading failed...). */
  warnings: string[];
  /** Why collection ended before the window was over, if it did. */
  endedEarly: string | null;
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

// What a gate run is told to do: the thresholds the judge applies and the whole plan of a run.
import type { SideName } from './sides.ts';
import type { EbpfPlan } from './ebpf.ts';

export type CgroupDriverChoice = 'auto' | 'v2' | 'systemd' | 'v1' | 'none';

/** Thresholds the judge applies; `memgate analyze` may override them on a saved bundle. */
export interface Limits {
  /** Allowed relative increase of gray's P95 over baseline's, as a ratio (0.12 = 12%). */
  maxP95Increase: number;
  /** Absolute floor under the P95 rule: rises smaller than this many bytes never block. */
  minP95DeltaBytes: number;
  /** Allowed relative increase of gray's floor slope over baseline's, as a ratio. */
  maxSlopeIncrease: number;
  /** Absolute floor under the slope rule: differences below this never block. */
  minSlopeBytesPerSec: number;
}

export interface JudgeSettings {
  limits: Limits;
  warmupMs: number;
  onInconclusive: 'fail' | 'pass';
  /** Where the reasons are read: options are spelled `--name` (cli, the default) or as inputs (action). */
  surface?: 'cli' | 'action';
}

export interface GatePlan extends JudgeSettings {
  commands: Record<SideName, string>;
  /** The first look's window (--duration). */
  durationMs: number;
  /** The budget (--max-duration): the gate watches, judging again at every look, until it can tell or this window is spent. */
  maxDurationMs: number;
  intervalMs: number;
  readyTimeoutMs: number;
  /** Teardown: SIGTERM to every process of a side, this long to exit, then SIGKILL (--stop-timeout). */
  stopTimeoutMs: number;
  /** Variables the workloads keep although the scrub would drop them (--pass-env). */
  passEnv: string[];
  memoryMaxBytes: number | null;
  load: string | null;
  cgroupDriver: CgroupDriverChoice;
  outDir: string;
  /** pprof base URL template per side ({port} allowed), or null when that side is not profiled. */
  pprof: Record<SideName, string | null>;
  /** Heap profiles and goroutine dumps about this often (the middle of each slot of the window, plus its end). */
  profileIntervalMs: number;
  /** eBPF allocation tracing: --ebpf, --ebpf-mode, --ebpf-sample-rate, --stack-depth. */
  ebpf: EbpfPlan;
  /** Processes per side, each in its own cgroup, started interleaved (--replicas). */
  replicas: number;
  /** runtime.MemProfileRate both sides get through GODEBUG=memprofilerate; null: the services' own. */
  memProfileRate: number | null;
}

/** Raw option values as typed by the user (CLI flags or Action inputs); empty means unset. */
export type RawOptions = Partial<Record<string, string>>;

import type { DriverName, MemoryStat } from '../../model/bundle.ts';
import type { CleanupGuard } from '../watchdog.ts';

/** How to start a command so that it (and everything it forks) is born inside the group. */
export interface LaunchSpec {
  file: string;
  args: string[];
  /** Start it as its own process group (the `none` driver: the group is what can be killed as a whole). */
  ownProcessGroup?: boolean;
}

/** One side's cgroup (or, for the `none` driver, its process tree). */
export interface MemoryGroup {
  /** Where it lives, for the report: a cgroup path, a unit, or a description. */
  readonly location: string;
  launch(command: string): LaunchSpec;
  /** Called once the launcher's pid is known (the `none` driver follows its tree from there). */
  adopt(pid: number): void;
  pids(): number[];
  readCurrent(): number | null;
  readStat(): MemoryStat | null;
  readPeak(): number | null;
  readOomKills(): number | null;
  /** Sends `signal` to every process in the group (the graceful stop's SIGTERM); never throws. */
  signalAll(signal: NodeJS.Signals): void;
  /** Kills every process in the group and waits until none is left. */
  killAll(): Promise<void>;
  /** Removes the group; safe to call twice. */
  remove(): Promise<void>;
}

export interface CgroupDriver {
  readonly name: DriverName;
  /** What this driver cannot see, said loudly in the report. */
  readonly limitations: string[];
  create(side: string, memoryMaxBytes: number | null): Promise<MemoryGroup>;
  /**
   * Told of every group before a process is started in it, so that the watchdog can remove it when
   * memgate dies without its teardown. Unset: nothing outlives memgate only while memgate lives.
   */
  guard?: CleanupGuard;
  /** Removes whatever the driver created above the side groups. */
  dispose(): Promise<void>;
}

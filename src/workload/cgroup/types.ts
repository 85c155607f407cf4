import type { DriverName, MemoryStat } from '../../model/bundle.ts';

/** How to start a command so that it (and everything it forks) is born inside the group. */
export interface LaunchSpec {
  file: string;
  args: string[];
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
  /** Removes whatever the driver created above the side groups. */
  dispose(): Promise<void>;
}

// Where a gate run's samples come from. Today: the local pair (both builds started here, each in its
// own cgroup). Next: a Prometheus-compatible fleet. A source measures both sides and hands back what
// the bundle records; the gate turns that into a bundle, and analysis and the judge never learn
// which source it was. A new source is a new folder under src/source/ implementing this.
import type { DriverName, MemorySample, SideFinal, SideMeta, StatSample } from '../model/bundle.ts';
import type { EbpfTrace } from '../model/ebpf.ts';
import type { Logger } from '../model/logger.ts';
import type { ProfileSet } from '../model/profiles.ts';
import type { SideName } from '../model/sides.ts';

/** Everything a source measured of both sides: the bundle, less what the gate adds (schema, times, settings). */
export interface Measurement {
  /** How memory was read (the cgroup driver, for the local pair). */
  driver: DriverName;
  /** What this way of measuring cannot see, said loudly in the report. */
  limitations: string[];
  /** The memory limit each side ran under, or null. */
  memoryMaxBytes: number | null;
  sides: Record<SideName, SideMeta>;
  samples: MemorySample[];
  stats: StatSample[];
  final: Record<SideName, SideFinal>;
  /** What went wrong on the way (a load that died, a reading that failed). */
  warnings: string[];
  /** Why measuring ended before the window was over, or null. */
  endedEarly: string | null;
  profiles: ProfileSet | null;
  ebpf: EbpfTrace | null;
}

export interface MeasureContext {
  logger: Logger;
  /** Aborted on SIGINT/SIGTERM: the source stops, cleans up what it started and returns what it has. */
  signal: AbortSignal;
  /** The bundle directory: a source may keep raw files there (profiles, tracer output, logs). */
  bundleDir: string;
  /** Watching: the gate looks at what was measured so far at these windows; a source that can stop early asks it. */
  watch?: Watch;
}

/**
 * Looks before the end of the window. `windowsMs`: the windows (after warm-up, ascending, each before
 * the plan's budget) at which `look` is asked; it returns true when the gate has decided, and the
 * source then stops measuring and hands back what it has, as at the end.
 */
export interface Watch {
  windowsMs: readonly number[];
  look(index: number, soFar: Measurement): boolean;
}

export interface SampleSource {
  /** Measures baseline and gray over warm-up and window. Cleans up whatever it started, also when it throws. */
  measure(context: MeasureContext): Promise<Measurement>;
}

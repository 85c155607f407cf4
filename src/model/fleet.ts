// What `memgate fleet` is told to do (src/config/fleet-plan.ts builds it from options).
import type { JudgeSettings } from './settings.ts';

export interface CellLabel {
  /** The fuse dimension (region, isp, os, arch). */
  dimension: string;
  /** The store's label holding it (the dimension's own name unless mapped, e.g. region=topology_region). */
  label: string;
}

export interface FleetPlan extends JudgeSettings {
  prometheusUrl: string;
  metric: string;
  heapMetric: string | null;
  /** Label matchers of each side, as given. */
  baseline: string;
  gray: string;
  by: CellLabel[];
  instanceLabel: string;
  windowMs: number;
  /** Unix seconds; now when --end is not given. */
  endSec: number;
  endText: string;
  /** Null: chosen (15 s, raised to keep under the API's 11,000 points a series). */
  stepMs: number | null;
  minInstances: number;
  /** --pprof: base URL template with {instance}, or null (off). */
  pprof: string | null;
  /** Time between the live profile snapshots (--profile-interval). */
  profileIntervalMs: number;
  stages: { file: string; stage: number } | null;
  auth: { bearerToken: string | null; basic: { user: string; password: string } | null; caPem: string | null };
  queryTimeoutMs: number;
  queryConcurrency: number;
  outDir: string;
}

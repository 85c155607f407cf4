import type { Analysis } from '../analyze/analyze.ts';
import type { Limits } from '../model/settings.ts';

export type VerdictName = 'pass' | 'warn' | 'fail' | 'inconclusive';
export type Grade = 'P0' | 'P1' | 'P2' | 'P3';

export type RuleId =
  | 'gray-oom-kill'
  | 'gray-exited'
  | 'baseline-exited'
  | 'baseline-oom-kill'
  | 'enough-samples'
  | 'p95-increase'
  | 'slope-increase'
  | 'inuse-growth'
  | 'site-growth'
  | 'slope-noise'
  | 'degraded-measurement';

export type Outcome = 'block' | 'warn' | 'inconclusive';

export interface Reason {
  rule: RuleId;
  outcome: Outcome;
  message: string;
  measured: number | null;
  limit: number | null;
}

/** One limit checked: what was measured against what was allowed. */
export interface Comparison {
  rule: 'p95-increase' | 'slope-increase' | 'gray-oom-kill' | 'inuse-growth' | 'site-growth';
  unit: 'ratio' | 'bytes/s' | 'count';
  measured: number | null;
  limit: number;
  /** null: could not be decided (missing data). */
  passed: boolean | null;
  detail: string;
}

export interface Projection {
  limitBytes: number;
  /** At gray's floor slope, from its last floor; null when it is not growing. */
  secondsToLimit: number | null;
}

export interface Verdict {
  verdict: VerdictName;
  grade: Grade | null;
  reasons: Reason[];
  comparisons: Comparison[];
  projection: Projection | null;
  limits: Limits;
  analysis: Analysis;
  /** What the judge could not use and why the verdict stands without it (shown with the warnings). */
  notes: string[];
}

import type { Analysis } from '../analyze/analyze.ts';
import type { Limits } from '../model/settings.ts';
import type { Levels, RuleDecision } from './decision.ts';

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
  /** null: not decided (missing data, or the evidence is neither clearly over nor clearly under). */
  passed: boolean | null;
  /** The three-way decision against the limit; null where there is no figure to decide on. */
  decision: RuleDecision | null;
  /** Lower bound at the block level (above the limit blocks); null without a figure. */
  low: number | null;
  /** Upper bound at the pass level (under the limit passes): what a pass rules out. */
  high: number | null;
  /** The smallest true difference this verdict would have blocked with 80% power, in the rule's unit. */
  detectable: number | null;
  detail: string;
}

/** The smallest leak and the smallest plateau the verdict could have seen, and what a pass rules out. */
export interface Sensitivity {
  /** One sentence: what the verdict rules out, and the smallest differences it would have caught. */
  statement: string;
  /** Floor slope difference, bytes/s, that would have been blocked with 80% power. */
  slopeBytesPerSec: number | null;
  /** P95 rise, bytes and as a share of baseline's P95. */
  p95Bytes: number | null;
  p95Ratio: number | null;
  /** Retained heap growth difference, bytes/s (heap profiles). */
  inuseBytesPerSec: number | null;
  /** Heap profiles' sampling period, bytes (runtime.MemProfileRate); null without profiles. */
  heapSamplingBytes: number | null;
  /** The one-sided error rates this look spent. */
  levels: Levels;
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
  sensitivity: Sensitivity;
}

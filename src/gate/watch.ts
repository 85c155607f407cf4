// Watching: the gate judges at every look (--duration, then every --duration until --max-duration)
// and stops at the first look that decides every rule. Each look spends its share of the error rates
// (src/judge/decision.ts lookLevels), so looking again and again does not make a wrong call likelier.
import { lookLevels, type Levels } from '../judge/decision.ts';
import type { Verdict } from '../judge/verdict-types.ts';
import type { Look, LookState, WatchRecord } from '../model/watch.ts';

/** The windows (after warm-up) of every look: the first, then every first-look window, the budget last. */
export function lookWindows(firstMs: number, budgetMs: number): number[] {
  const windows: number[] = [];
  for (let w = firstMs; w < budgetMs - 1e-6; w += firstMs) windows.push(w);
  windows.push(budgetMs);
  return windows;
}

/** What look `index` of `windows` may spend: its share of the budget observed since the look before. */
export function levelsAt(windows: readonly number[], index: number): Levels {
  const budget = windows[windows.length - 1];
  const i = Math.min(index, windows.length - 1);
  return lookLevels(windows[i] / budget, i > 0 ? windows[i - 1] / budget : 0);
}

/**
 * What the verdict's look may spend when no earlier look decided: all that the looks made before it
 * left (a run that reached its budget, one that ended early, or a source that does not look).
 */
export function remainingLevels(windows: readonly number[], looksMade: number): Levels {
  const budget = windows[windows.length - 1];
  const made = Math.min(looksMade, windows.length - 1);
  return lookLevels(1, made > 0 ? windows[made - 1] / budget : 0);
}

/** A look's state from its verdict: a block or a pass (warnings included) is decided; inconclusive is not. */
export function lookState(verdict: Verdict): LookState {
  if (verdict.verdict === 'fail') return 'block';
  if (verdict.verdict === 'inconclusive') return 'undecided';
  return 'pass';
}

/** The levels a saved bundle's verdict was given: its last look's, or all of them for a single window. */
export function levelsOfRecord(watch: WatchRecord | undefined): Levels | undefined {
  return watch?.looks.length ? watch.looks[watch.looks.length - 1].levels : undefined;
}

/** The record of a run's looks: every look made, the last one carrying the verdict's state. */
export function watchRecord(
  firstLookMs: number,
  budgetMs: number,
  looks: readonly Look[],
  stoppedEarly: boolean,
): WatchRecord {
  return { firstLookMs, budgetMs, looks: [...looks], stoppedEarly };
}

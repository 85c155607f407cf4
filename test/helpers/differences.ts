// Differences built by hand for judge tests, with the standard error and degrees of freedom the
// judge decides on, and figures placed on the edges of its three-way decision.
import type { Difference, SlopeDifference } from '../../src/analyze/analyze.ts';
import { tCritical } from '../../src/analyze/intervals.ts';
import { FIXED_LEVELS, oneSided, type Levels } from '../../src/judge/decision.ts';

/** Degrees of freedom of a within-series estimate, as EWC gives a minute of readings. */
export const DF = 20;

/** The standard error whose 99% two-sided interval is [low, high] at df (the old Difference's interval). */
export const stdErrorOf = (low: number, high: number, df = DF): number =>
  Math.abs(high - low) / 2 / tCritical(0.99, df);

type Method = Difference['method'];

/** A Difference with its 99% interval [low, high]; stdError and df follow from it. */
export function diffOf(
  value: number,
  low: number,
  high: number,
  method: Method = 'within-series',
  df = DF,
): Difference {
  return { value, low, high, method, stdError: stdErrorOf(low, high, df), df };
}

/** A Difference of value with standard error se (its 99% interval made from them). */
export function diffSe(value: number, se: number, method: Method = 'within-series', df = DF): Difference {
  const half = tCritical(0.99, df) * se;
  return { value, low: value - half, high: value + half, method, stdError: se, df };
}

/** The floor slope difference of the same shapes. */
export function slopeOf(
  bytesPerSec: number,
  low: number,
  high: number,
  method: Method = 'within-series',
  df = DF,
): SlopeDifference & { method: Method } {
  return { bytesPerSec, low, high, method, stdError: stdErrorOf(low, high, df), df };
}

export function slopeSe(
  bytesPerSec: number,
  se: number,
  method: Method = 'within-series',
  df = DF,
): SlopeDifference & { method: Method } {
  const d = diffSe(bytesPerSec, se, method, df);
  return { bytesPerSec, low: d.low, high: d.high, method, stdError: se, df };
}

/** The block-level multiplier: the lower bound is estimate - blockQ x se. */
export const blockQ = (df = DF, levels: Levels = FIXED_LEVELS, split = 1): number => oneSided(levels.block / split, df);
/** The pass-level multiplier: the upper bound is estimate + passQ x se. */
export const passQ = (df = DF, levels: Levels = FIXED_LEVELS): number => oneSided(levels.pass, df);

/**
 * The estimate whose block-level lower bound sits `nudge` x se above the limit (negative: below it).
 * A nudge of a thousandth of an error is far above rounding and far below any real difference.
 */
export const lowAt = (limit: number, se: number, nudge: number, df = DF, split = 1): number =>
  limit + (blockQ(df, FIXED_LEVELS, split) + nudge) * se;
/** The estimate whose pass-level upper bound sits `nudge` x se above the limit (negative: under it). */
export const highAt = (limit: number, se: number, nudge: number, df = DF): number => limit - (passQ(df) - nudge) * se;

/** A thousandth of an error: just over or just under an edge. */
export const NUDGE = 1e-3;

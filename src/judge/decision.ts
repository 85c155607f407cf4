/**
 * Every statistical rule decides against its limit, in three outcomes (Schuirmann's two one-sided
 * tests turned into a three-way decision):
 * - block: the difference is above the limit at the block level (its lower bound clears the limit);
 * - pass: the difference is below the limit at the pass level (its upper bound is under the limit),
 *   so a pass rules out what it says it rules out;
 * - undecided: neither; the gate watches longer, or says inconclusive at the end of its budget.
 * A block needs the limit cleared, not zero: processes of one side move together (one start, one
 * profile schedule), and a healthy pair whose floors drifted apart by chance once cleared zero.
 *
 * Repeated looks spend the error rates of the whole run, never more (group-sequential alpha spending,
 * Lan and DeMets 1983, with the power family of Kim and DeMets 1987: alpha x tau^2 by the share tau of
 * the budget observed; each look's share is tested on its own, so the sum bounds the chance of any
 * wrong decision over all looks, however the looks are correlated).
 */
import { tCritical, type Estimate } from '../analyze/intervals.ts';

export type RuleDecision = 'pass' | 'block' | 'undecided';

/** One-sided error rates a look may spend: of blocking at the limit, and of passing at the limit. */
export interface Levels {
  block: number;
  pass: number;
}

/** The chance, over a whole run, of blocking a build whose true difference is at the limit (per rule). */
export const BLOCK_ERROR = 0.01;
/** The chance, over a whole run, of passing a build whose true difference is at the limit (per rule). */
export const PASS_ERROR = 0.05;
/** The power at which the smallest detectable difference is stated. */
export const POWER = 0.8;
/** The spending function's exponent: alpha x tau^SPENDING_POWER spent by the share tau of the budget. */
export const SPENDING_POWER = 2;

/** A single fixed window spends everything at its one look. */
export const FIXED_LEVELS: Levels = { block: BLOCK_ERROR, pass: PASS_ERROR };

/** What a look at the share `tau` of the budget may spend, the previous look having been at `previousTau`. */
export function lookLevels(tau: number, previousTau: number): Levels {
  const spent = (x: number) => Math.min(1, Math.max(0, x)) ** SPENDING_POWER;
  const share = spent(tau) - spent(previousTau);
  return { block: BLOCK_ERROR * share, pass: PASS_ERROR * share };
}

/** The one-sided critical value: P(T <= q) = 1 - level for Student's t with df degrees of freedom. */
export function oneSided(level: number, df: number): number {
  if (!(level > 0)) return Number.POSITIVE_INFINITY;
  if (level >= 0.5) return 0;
  return tCritical(1 - 2 * level, df);
}

export interface Decided {
  decision: RuleDecision;
  limit: number;
  estimate: number;
  /** Lower bound at the block level: above the limit, the rule blocks. */
  low: number;
  /** Upper bound at the pass level: below the limit, the rule passes; it is what a pass rules out. */
  high: number;
  /** The smallest true difference this look would block with POWER: limit + (t_block + t_power) x error. */
  detectable: number;
}

/**
 * One rule's decision. `split` shares the block level among candidates tested at once (Bonferroni:
 * several allocation sites looked at must not make a chance finding likelier).
 */
export function decideAgainst(estimate: Estimate, limit: number, levels: Levels, split = 1): Decided {
  const blockQ = oneSided(levels.block / Math.max(1, split), estimate.df);
  const passQ = oneSided(levels.pass, estimate.df);
  const powerQ = oneSided(1 - POWER, estimate.df);
  const se = estimate.stdError;
  // A known-exact figure (no error) decides at once; 0 x Infinity would be NaN.
  const times = (q: number) => (se === 0 ? 0 : q * se);
  const low = estimate.value - times(blockQ);
  const high = estimate.value + times(passQ);
  const decision: RuleDecision = low > limit ? 'block' : high < limit ? 'pass' : 'undecided';
  return { decision, limit, estimate: estimate.value, low, high, detectable: limit + times(blockQ + powerQ) };
}

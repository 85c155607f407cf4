import type { Analysis } from '../analyze/analyze.ts';
import { topSuspectClause } from '../analyze/evidence-text.ts';
import type { Reason } from './verdict-types.ts';

/** The first blocking reason names the top suspect (and its pattern): where to look first. */
export function nameTopSuspect(reasons: Reason[], analysis: Analysis): Reason[] {
  const evidence = analysis.evidence;
  const first = reasons.findIndex((r) => r.outcome === 'block');
  if (!evidence || first < 0) return reasons;
  const clause = topSuspectClause(evidence.suspects, evidence.patterns);
  if (!clause) return reasons;
  return reasons.map((r, i) => (i === first ? { ...r, message: `${r.message}; ${clause}` } : r));
}

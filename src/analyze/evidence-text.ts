import { formatBytes } from '../model/units.ts';
import type { Pattern, Suspect } from './evidence-types.ts';

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** What a suspect amounts to, in a few words: `+6.0 MiB retained (97% of the growth)`. */
export function suspectAmount(s: Suspect): string {
  if (s.source === 'goroutine') {
    const state = s.state ? ` [${s.state}${s.waitMinutes ? `, ${s.waitMinutes} min` : ''}]` : '';
    return `+${s.count} goroutines${state} (${percent(s.share)} of the goroutine growth)`;
  }
  if (s.source === 'ebpf')
    return `+${formatBytes(s.bytes ?? 0)}/s allocated (gray ${formatBytes(s.gray)}/s vs baseline ${formatBytes(s.baseline)}/s; ${percent(s.share)} of the allocation-rate increase)`;
  if (s.kind === 'excess')
    return `${formatBytes(s.bytes ?? 0)} more retained at the end (${percent(s.share)} of the excess)`;
  return `+${formatBytes(s.bytes ?? 0)} retained (${percent(s.share)} of the heap growth)`;
}

/** One line naming a suspect: function, where, how much, what started it. */
export function describeSuspect(s: Suspect): string {
  const where = s.location ? ` (${s.location})` : '';
  const created = s.createdBy ? `, created by ${s.createdBy}` : '';
  const caller = s.source !== 'goroutine' && s.caller && s.caller !== s.function ? `, from ${s.caller}` : '';
  return `${s.function}${where} ${suspectAmount(s)}${caller}${created}`;
}

/** The clause a blocking reason gains: the top suspect and, when one fits, the pattern it looks like. */
export function topSuspectClause(suspects: readonly Suspect[], patterns: readonly Pattern[]): string | null {
  const top = suspects[0];
  if (!top) return null;
  const pattern = patterns.find((p) => p.id === top.pattern) ?? null;
  return `top suspect: ${describeSuspect(top)}${pattern ? `; looks like ${pattern.id} (${percent(pattern.confidence)} sure)` : ''}`;
}

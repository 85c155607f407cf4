import { formatBytes, formatPercent, formatRate } from '../model/units.ts';
import type { Comparison } from '../judge/verdict-types.ts';
import type { WatchRecord } from '../model/watch.ts';
import type { Report, SideReport } from './report-json.ts';

/** Cell texts the Markdown and HTML renderers share, so both say a figure the same way. */
export const bytesOrNa = (v: number | null): string => (v === null ? 'n/a' : formatBytes(v));

export const confidenceText = (confidence: number): string => `${Math.round(confidence * 100)}% CI`;

export const slopeWithInterval = (s: SideReport, confidence: number): string =>
  s.slopeBytesPerSec === null
    ? 'n/a'
    : `${formatRate(s.slopeBytesPerSec)} (${confidenceText(confidence)} ${formatRate(s.slopeInterval!.low)} .. ${formatRate(s.slopeInterval!.high)})`;

const rateOrNa = (v: number | null): string => (v === null ? 'n/a' : formatRate(v));

/**
 * One row per process of each side (replicas): what the side figures are the mean of, so a reader
 * sees the band two processes of one build span. Empty with one process a side.
 */
export function instanceRows(report: Report): string[][] {
  if (report.baseline.instances.length < 2 && report.gray.instances.length < 2) return [];
  const rows: string[][] = [];
  for (const side of ['baseline', 'gray'] as const) {
    for (const [i, p] of report[side].instances.entries()) {
      rows.push([
        `${side} #${i + 1}`,
        bytesOrNa(p.p95Bytes),
        rateOrNa(p.slopeBytesPerSec),
        rateOrNa(p.inuseGrowthBytesPerSec),
        bytesOrNa(p.lastFloorBytes),
        p.oomKills ? `${p.oomKills} OOM` : p.exited ? 'exited' : '',
      ]);
    }
  }
  return rows;
}
export const INSTANCE_HEAD = ['process', 'P95', 'floor slope', 'retained heap growth', 'floor at end', ''];

// ---- rules: each one's decision against its limit, said the same way by every renderer ----------

/** How each decision is marked: a ✅ only where the rule passed, never where it is undecided or blocked. */
export const DECISION_MARK = { pass: '✅', block: '❌', undecided: '❔', warn: '⚠️', none: '' } as const;

const signedBytes = (v: number): string => `${v >= 0 ? '+' : ''}${formatBytes(v)}`;

/**
 * The P95 rule's allowed rise, bytes: the larger of --max-p95-increase of baseline's P95 and
 * --min-p95-delta (the judge decides on bytes); null without baseline's P95.
 */
export function p95AllowedBytes(report: Report): number | null {
  const base = report.baseline.p95Bytes;
  if (base === null) return null;
  return Math.max(report.settings.limits.maxP95Increase * base, report.settings.limits.minP95DeltaBytes);
}

/** A P95 difference in bytes, with its share of baseline's P95 first where that is known. */
function p95Bytes(v: number, report: Report): string {
  const base = report.baseline.p95Bytes;
  return base ? `${formatPercent(v / base)} (${signedBytes(v)})` : signedBytes(v);
}

/**
 * A bound of a rule's difference in the unit the rule decides in: bytes for the P95 rule (its measured
 * and limit are ratios), bytes/s for the growth rules. Unbounded (null in report.json) reads as ∞.
 */
function boundText(c: Comparison, v: number | null, side: 'low' | 'high', report: Report): string {
  if (v === null || !Number.isFinite(v)) return (v === null ? side === 'high' : v > 0) ? '∞' : '-∞';
  if (c.rule === 'p95-increase') return p95Bytes(v, report);
  return c.unit === 'bytes/s' ? formatRate(v) : String(v);
}

/** What a rule measured (gray minus baseline), as its row shows it. */
export function measuredText(c: Comparison, report: Report): string {
  if (c.measured === null) return 'n/a';
  if (c.rule === 'p95-increase')
    return report.p95Difference
      ? `${formatPercent(c.measured)} (${signedBytes(report.p95Difference.value)})`
      : formatPercent(c.measured);
  return c.unit === 'bytes/s'
    ? formatRate(c.measured)
    : c.unit === 'ratio'
      ? formatPercent(c.measured)
      : String(c.measured);
}

/** A rule's limit as its row shows it: the P95 rule's in bytes too, as the judge decides it. */
export function limitText(c: Comparison, report: Report): string {
  if (c.rule === 'p95-increase') {
    const allowed = p95AllowedBytes(report);
    const base = report.baseline.p95Bytes;
    return allowed === null || !base
      ? formatPercent(c.limit)
      : `${formatPercent(allowed / base)} (${formatBytes(allowed)})`;
  }
  return c.unit === 'bytes/s' ? formatRate(c.limit) : c.unit === 'ratio' ? formatPercent(c.limit) : String(c.limit);
}

export interface RuleOutcome {
  /** pass, block, undecided, warn (a clear rise the judge found to be page cache) or none (no figure). */
  kind: keyof typeof DECISION_MARK;
  /** Plain text: the decision and what it means, e.g. "pass: rules out above 1.2 MiB/min". */
  text: string;
}

/**
 * A rule's decision and its bound: a pass says what it rules out (its upper bound), a block how far
 * over the limit it is at least (its lower bound), an undecided rule where the difference may be.
 */
export function ruleOutcome(c: Comparison, report: Report): RuleOutcome {
  const bound = (side: 'low' | 'high', v: number | null) => boundText(c, v, side, report);
  switch (c.decision) {
    case 'pass':
      return {
        kind: 'pass',
        text: c.high === null ? 'pass' : `pass: rules out above ${bound('high', Math.max(0, c.high))}`,
      };
    case 'block': {
      const atLeast = c.low === null ? '' : `at least ${bound('low', c.low)}`;
      // A clear rise the heap profiles and memory.stat show to be page cache: a warning, not a block.
      if (c.passed === true)
        return {
          kind: 'warn',
          text: `warn: clearly above the limit${atLeast ? ` (${atLeast})` : ''}, but reclaimable page cache, not a leak`,
        };
      return { kind: 'block', text: atLeast ? `block: clearly above the limit: ${atLeast}` : 'block' };
    }
    case 'undecided':
      return { kind: 'undecided', text: `undecided: between ${bound('low', c.low)} and ${bound('high', c.high)}` };
    default:
      return { kind: 'none', text: 'n/a' };
  }
}

/** A rule's result cell: its mark and its outcome ("✅ pass: rules out above ..."). */
export const outcomeCell = (o: RuleOutcome): string =>
  o.kind === 'none' ? o.text : `${DECISION_MARK[o.kind]} ${o.text}`;

/** The mean of a side's processes' retained heap growth, bytes/s; null without heap profiles. */
export function inuseGrowthOf(side: SideReport): number | null {
  const rates = side.instances.map((i) => i.inuseGrowthBytesPerSec).filter((v): v is number => v !== null);
  return rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null;
}

// ---- what the verdict rules out, and how the run watched -------------------------------------------

export const RULES_OUT_LABEL = 'What this verdict rules out:';

const lookSeconds = (ms: number) => `${Math.round(ms / 1000)}s`;
const budgetText = (ms: number) => (ms >= 60_000 && ms % 60_000 === 0 ? `${ms / 60_000}min` : lookSeconds(ms));

/**
 * One line for a watched run: "watched 3 looks (60s, 120s, 180s): undecided, undecided, pass; stopped
 * before the 5min budget". Plain text (each renderer escapes it: a bundle read back may be anyone's).
 */
export function watchLine(watch: WatchRecord): string {
  const n = watch.looks.length;
  const windows = watch.looks.map((l) => lookSeconds(l.windowMs)).join(', ');
  const states = watch.looks.map((l) => l.state).join(', ');
  const end = watch.stoppedEarly
    ? `stopped before the ${budgetText(watch.budgetMs)} budget`
    : `used the whole ${budgetText(watch.budgetMs)} budget`;
  return `watched ${n} look${n === 1 ? '' : 's'} (${windows}): ${states}; ${end}`;
}

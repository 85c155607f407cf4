import { formatBytes, formatDuration, formatRate } from '../model/units.ts';
import type { Report, SideReport } from './report-json.ts';
import { describeSuspect } from '../analyze/evidence-text.ts';
import { ebpfConsoleLines } from '../analyze/ebpf-text.ts';
import { neutraliseLine } from './escape-commands.ts';
import { limitText, measuredText, RULES_OUT_LABEL, ruleOutcome, watchLine } from './format.ts';
import type { Comparison } from '../judge/verdict-types.ts';

/** Suspects shown on a terminal; report.json has them all. */
export const CONSOLE_SUSPECTS = 5;

const bytes = (v: number | null) => (v === null ? 'n/a' : formatBytes(v));
const slope = (s: SideReport) =>
  s.slopeBytesPerSec === null
    ? 'n/a'
    : `${formatRate(s.slopeBytesPerSec)} [${formatRate(s.slopeInterval!.low)} .. ${formatRate(s.slopeInterval!.high)}]`;

/** A rule as the console names it (the allocation site's function is the service's text: made inert below). */
function ruleName(c: Comparison, report: Report): string {
  switch (c.rule) {
    case 'p95-increase':
      return 'P95 change';
    case 'slope-increase':
      return 'floor slope change';
    case 'inuse-growth':
      return 'retained heap growth change';
    case 'site-growth':
      return `growth at ${report.siteGrowthDifference?.function ?? 'one allocation site'}`;
    case 'gray-oom-kill':
      return 'gray OOM kills';
  }
}

/** The verdict as a terminal reads it; no line of it can act as a GitHub Actions workflow command. */
export function renderConsole(report: Report): string {
  const lines: string[] = [];
  const grade = report.grade ? ` (${report.grade})` : '';
  lines.push(`memgate: ${report.verdict.toUpperCase()}${grade}`);
  lines.push(`  ${RULES_OUT_LABEL} ${report.sensitivity.statement}`);
  if (report.watch) lines.push(`  ${watchLine(report.watch)}`);
  const rows: [string, string, string][] = [
    ['', 'baseline', 'gray'],
    ['samples', String(report.baseline.samples), String(report.gray.samples)],
    ['P95', bytes(report.baseline.p95Bytes), bytes(report.gray.p95Bytes)],
    ['peak', bytes(report.baseline.peakBytes), bytes(report.gray.peakBytes)],
    ['floor slope', slope(report.baseline), slope(report.gray)],
    ['OOM kills', String(report.baseline.oomKills ?? 'n/a'), String(report.gray.oomKills ?? 'n/a')],
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  for (const row of rows)
    lines.push(
      '  ' +
        row
          .map((cell, c) => cell.padEnd(widths[c]))
          .join('   ')
          .trimEnd(),
    );
  if (report.replicas > 1) {
    for (const side of ['baseline', 'gray'] as const) {
      const each = report[side].instances.map(
        (p) =>
          `${p.p95Bytes === null ? 'n/a' : formatBytes(p.p95Bytes)} / ${p.slopeBytesPerSec === null ? 'n/a' : formatRate(p.slopeBytesPerSec)}`,
      );
      lines.push(`  ${side} processes (P95 / floor slope): ${each.join(', ')}`);
    }
  }
  // Each rule against its limit, with its decision: a pass says what it rules out, a block by how much
  // it clears the limit, an undecided rule where the difference may lie.
  for (const c of report.comparisons) {
    const o = ruleOutcome(c, report);
    lines.push(`  ${ruleName(c, report)} ${measuredText(c, report)}, limit ${limitText(c, report)}: ${o.text}`);
  }
  if (report.projection?.secondsToLimit != null) {
    lines.push(
      `  at this slope gray reaches its ${formatBytes(report.projection.limitBytes)} limit in about ${formatDuration(report.projection.secondsToLimit * 1000)}`,
    );
  }
  for (const reason of report.reasons) lines.push(`  ${reason.outcome}: ${reason.message}`);
  if (report.suspects.length)
    lines.push(
      `  suspects (gray against baseline, top ${Math.min(CONSOLE_SUSPECTS, report.suspects.length)} of ${report.suspects.length}):`,
    );
  for (const [i, s] of report.suspects.slice(0, CONSOLE_SUSPECTS).entries())
    lines.push(`    ${i + 1}. ${describeSuspect(s)}${s.pattern ? ` [${s.pattern}]` : ''}`);
  lines.push(...ebpfConsoleLines(report.ebpf));
  for (const p of report.patterns)
    lines.push(`  pattern ${p.id} (${Math.round(p.confidence * 100)}% sure): ${p.message}`, `    fix: ${p.hint}`);
  for (const warning of report.warnings) lines.push(`  warning: ${warning}`);
  // Function names, frames, reasons and a workload's last output line are the service's text: in
  // Actions, a line of it could be a workflow command. Each entry stays one inert line.
  return lines.map(neutraliseLine).join('\n');
}

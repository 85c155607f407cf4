import { formatBytes, formatPercent, formatRate } from '../config/units.ts';
import type { Report, SideReport } from './report-json.ts';
import { suspectAmount } from '../analyze/evidence-text.ts';

/** Suspects in the summary and PR comment; report.json has them all. */
const MARKDOWN_SUSPECTS = 5;

/**
 * Makes text from a workload or a pull request inert in GitHub Markdown: no markup, no HTML, no
 * mentions, no links, no table breaks. Characters become entities so that they still read the same.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\\`*_{}[\]()#+\-.!|~@:=]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/\r?\n/g, ' ');
}

const VERDICT_BANNER: Record<Report['verdict'], string> = {
  pass: '✅ PASS',
  warn: '⚠️ WARN',
  fail: '⛔ BLOCKED',
  inconclusive: '❔ INCONCLUSIVE',
};

const bytes = (v: number | null) => (v === null ? 'n/a' : formatBytes(v));
const slope = (s: SideReport) => (s.slopeBytesPerSec === null ? 'n/a' : `${formatRate(s.slopeBytesPerSec)} (95% CI ${formatRate(s.slopeInterval!.low)} .. ${formatRate(s.slopeInterval!.high)})`);
const delta = (a: number | null, b: number | null) => (a === null || b === null ? 'n/a' : `${b >= a ? '+' : ''}${formatBytes(b - a)}`);

/** The job summary: verdict, the two sides side by side, every rule with its limit, every reason. */
export function renderSummary(report: Report): string {
  const { baseline: b, gray: g } = report;
  const lines: string[] = [];
  lines.push(`## memgate: ${VERDICT_BANNER[report.verdict]}${report.grade ? ` · grade ${report.grade}` : ''}`, '');
  lines.push('| | baseline | gray | change |', '|---|---|---|---|');
  lines.push(`| P95 memory | ${bytes(b.p95Bytes)} | ${bytes(g.p95Bytes)} | ${formatPercent(report.p95Increase)} |`);
  lines.push(`| peak memory | ${bytes(b.peakBytes)} | ${bytes(g.peakBytes)} | ${delta(b.peakBytes, g.peakBytes)} |`);
  lines.push(`| floor slope | ${slope(b)} | ${slope(g)} | ${report.slopeDifference ? formatRate(report.slopeDifference.bytesPerSec) : 'n/a'} |`);
  lines.push(`| OOM kills | ${b.oomKills ?? 'n/a'} | ${g.oomKills ?? 'n/a'} | |`);
  lines.push(`| samples | ${b.samples} | ${g.samples} | |`, '');
  lines.push('| rule | measured | limit | result |', '|---|---|---|---|');
  for (const c of report.comparisons) {
    const fmt = (v: number | null) => (v === null ? 'n/a' : c.unit === 'ratio' ? formatPercent(v) : c.unit === 'bytes/s' ? formatRate(v) : String(v));
    const result = c.passed === null ? 'n/a' : c.passed ? 'pass' : 'fail';
    lines.push(`| ${c.rule} | ${fmt(c.measured)} | ${c.unit === 'ratio' ? formatPercent(c.limit) : fmt(c.limit)} | ${result} |`);
  }
  if (report.reasons.length) {
    lines.push('', '**Why**', '');
    for (const r of report.reasons) lines.push(`- **${r.outcome}** (${r.rule}): ${escapeMarkdown(r.message)}`);
  }
  if (report.patterns.length) {
    lines.push('', '**Looks like**', '');
    for (const p of report.patterns) lines.push(`- **${p.id}** (${Math.round(p.confidence * 100)}% sure): ${escapeMarkdown(p.message)} *Fix:* ${escapeMarkdown(p.hint)}`);
  }
  if (report.suspects.length) {
    lines.push('', '**Suspects** (gray against baseline)', '', '| # | function | what | where | source |', '|---|---|---|---|---|');
    for (const [i, s] of report.suspects.slice(0, MARKDOWN_SUSPECTS).entries()) {
      const where = [s.location, s.createdBy ? `created by ${s.createdBy}` : null, s.caller && s.caller !== s.function ? `from ${s.caller}` : null].filter((x) => x !== null).join(', ');
      lines.push(`| ${i + 1} | <code>${escapeMarkdown(s.function)}</code> | ${escapeMarkdown(suspectAmount(s))} | ${escapeMarkdown(where)} | ${s.source}${s.pattern ? ` · ${s.pattern}` : ''} |`);
    }
  }
  if (report.warnings.length) {
    lines.push('', '**Warnings**', '');
    for (const w of report.warnings) lines.push(`- ${escapeMarkdown(w)}`);
  }
  lines.push('', `<sub>baseline: <code>${escapeMarkdown(b.command)}</code> · gray: <code>${escapeMarkdown(g.command)}</code> · driver ${report.settings.driver}</sub>`, '');
  return lines.join('\n');
}

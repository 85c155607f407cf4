import { formatBytes, formatPercent, formatRate } from '../model/units.ts';
import type { Report } from './report-json.ts';
import type { Comparison } from '../judge/verdict-types.ts';
import { suspectAmount } from '../analyze/evidence-text.ts';
import { mermaidChart } from './chart.ts';
import {
  bytesOrNa as bytes,
  confidenceText,
  INSTANCE_HEAD,
  inuseGrowthOf,
  instanceRows,
  limitText,
  measuredText,
  outcomeCell,
  RULES_OUT_LABEL,
  ruleOutcome,
  slopeWithInterval,
  watchLine,
} from './format.ts';

/** Suspects in the summary and PR comment; report.json has them all. */
const MARKDOWN_SUSPECTS = 5;
/** Frames shown per suspect stack. */
const STACK_FRAMES = 12;
/** GitHub caps comment bodies at 65,536 characters; leave room for the sticky marker. Counted in UTF-16 units (never fewer than characters). */
export const COMMENT_BUDGET = 65_000;
/**
 * GitHub caps a job summary at 1 MiB of bytes (UTF-8): counted in bytes, with ~48 KiB left for the
 * fuse's section that the Action writes beside it.
 */
export const SUMMARY_BUDGET = 1_000_000;

const utf8 = new TextEncoder();
/** Size of text as GitHub counts a job summary: UTF-8 bytes (an emoji is 4, a CJK character 3). */
export const utf8Bytes = (text: string): number => utf8.encode(text).length;
const utf16Units = (text: string): number => text.length;

/**
 * Makes text from a workload or a pull request inert in GitHub Markdown: no markup, no HTML, no
 * mentions, no links, no table breaks. Characters become entities so that they still read the same.
 * GitHub finds @mentions and #references in the rendered text, after entities are decoded, so those
 * two also get a zero-width space after them.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      // Any line end (a lone \r too: CommonMark takes it as one) or control character would end a
      // table row or an HTML block such as <details>: all become a space.
      .replace(/\r\n|[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/g, ' ')
      // GitHub autolinks URLs and www. names in text it has decoded: a zero-width space keeps them text.
      .replace(/:\/\//g, ':\u200b//')
      .replace(/(www)\./gi, '$1.\u200b')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/[\\`*_{}[\]()#+\-.!|~@:=$^]/g, (c) => `&#${c.charCodeAt(0)};${c === '@' || c === '#' ? '\u200b' : ''}`)
  );
}

/** Where the reader can find more: both optional, both from the runner's environment. */
export interface MarkdownLinks {
  runUrl?: string | null;
  /** Name of the uploaded artifact or path of report.html, shown as text. */
  htmlReport?: string | null;
}

const VERDICT_BANNER: Record<Report['verdict'], string> = {
  pass: '✅ PASS',
  warn: '⚠️ WARN',
  fail: '⛔ BLOCKED',
  inconclusive: '❔ INCONCLUSIVE',
};

const delta = (a: number | null, b: number | null) =>
  a === null || b === null ? 'n/a' : `${b >= a ? '+' : ''}${formatBytes(b - a)}`;
const safeUrl = (url: string | null | undefined) => (url && /^https?:\/\/[^\s()<>"'`]+$/.test(url) ? url : null);

type Section = { name: string; text: string };

/** The verdict, what it rules out and how the run watched: kept whatever else is cut. */
function banner(report: Report): Section {
  const lines = [
    `## memgate: ${VERDICT_BANNER[report.verdict]}${report.grade ? ` · grade ${report.grade}` : ''}`,
    '',
    // The statement can name what the workload named (functions): escaped as any workload text.
    `**${RULES_OUT_LABEL}** ${escapeMarkdown(report.sensitivity.statement)}`,
  ];
  if (report.watch) lines.push('', escapeMarkdown(watchLine(report.watch)));
  return { name: 'verdict', text: lines.join('\n') + '\n' };
}

/** One table: both sides, the change, the limit and each rule's decision with its bound. */
function sidesTable(report: Report): Section {
  const { baseline: b, gray: g } = report;
  const rule = (name: string) => report.comparisons.find((c) => c.rule === name);
  const result = (c: Comparison | undefined) => (c ? outcomeCell(ruleOutcome(c, report)) : 'n/a');
  const p95 = rule('p95-increase');
  const slopeRule = rule('slope-increase');
  const inuse = rule('inuse-growth');
  const site = rule('site-growth');
  const oom = rule('gray-oom-kill');
  const diff = report.slopeDifference;
  const slope = (s: Report['baseline']) => slopeWithInterval(s, report.confidence);
  const ci = (d: { low: number; high: number }) =>
    `(${confidenceText(report.confidence)} ${formatRate(d.low)} .. ${formatRate(d.high)})`;
  const rate = (v: number | null) => (v === null ? 'n/a' : formatRate(v));
  const lines = [
    '| | baseline | gray | change | limit | result |',
    '|---|---|---|---|---|---|',
    `| P95 memory | ${bytes(b.p95Bytes)} | ${bytes(g.p95Bytes)} | ${p95 ? measuredText(p95, report) : formatPercent(report.p95Increase)} | ≤ ${p95 ? limitText(p95, report) : formatPercent(report.settings.limits.maxP95Increase)} | ${result(p95)} |`,
    `| floor slope | ${slope(b)} | ${slope(g)} | ${diff ? `${formatRate(diff.bytesPerSec)} ${ci(diff)}` : 'n/a'} | ≤ ${slopeRule ? formatRate(slopeRule.limit) : 'n/a'} | ${result(slopeRule)} |`,
  ];
  if (inuse) {
    const d = report.inuseGrowthDifference;
    lines.push(
      `| retained heap growth | ${rate(inuseGrowthOf(b))} | ${rate(inuseGrowthOf(g))} | ${d ? `${formatRate(d.value)} ${ci(d)}` : measuredText(inuse, report)} | ≤ ${formatRate(inuse.limit)} | ${result(inuse)} |`,
    );
  }
  if (site) {
    const d = report.siteGrowthDifference;
    const where = d ? ` <code>${escapeMarkdown(d.function)}</code>` : '';
    lines.push(
      `| growth at one allocation site${where} | | | ${d ? `${formatRate(d.value)} ${ci(d)}` : measuredText(site, report)} | ≤ ${formatRate(site.limit)} | ${result(site)} |`,
    );
  }
  lines.push(
    `| OOM kills | ${b.oomKills ?? 'n/a'} | ${g.oomKills ?? 'n/a'} | | 0 | ${result(oom)} |`,
    `| peak memory | ${bytes(b.peakBytes)} | ${bytes(g.peakBytes)} | ${delta(b.peakBytes, g.peakBytes)} | | |`,
    `| samples | ${b.samples} | ${g.samples} | | | |`,
  );
  const rows = instanceRows(report);
  if (rows.length) {
    lines.push(
      '',
      `<details><summary>Per process (${report.replicas} a side: the judge compares them across sides)</summary>`,
      '',
      `| ${INSTANCE_HEAD.join(' | ')} |`,
      `|${INSTANCE_HEAD.map(() => '---').join('|')}|`,
      ...rows.map((r) => `| ${r.join(' | ')} |`),
      '',
      '</details>',
    );
  }
  if (report.projection?.secondsToLimit != null) {
    lines.push(
      '',
      `At its floor slope gray reaches its ${formatBytes(report.projection.limitBytes)} limit in about ${(report.projection.secondsToLimit / 60).toFixed(0)} min.`,
    );
  }
  return { name: 'table', text: lines.join('\n') + '\n' };
}

function chart(report: Report): Section {
  return {
    name: 'chart',
    text: report.timeline.length >= 2 ? mermaidChart(report.timeline, report.settings.warmupMs) + '\n' : '',
  };
}

function reasons(report: Report): Section {
  if (!report.reasons.length) return { name: 'reasons', text: '' };
  return {
    name: 'reasons',
    text:
      [
        '**Why**',
        '',
        ...report.reasons.map((r) => `- **${r.outcome}** (${r.rule}): ${escapeMarkdown(r.message)}`),
      ].join('\n') + '\n',
  };
}

function patterns(report: Report): Section {
  if (!report.patterns.length) return { name: 'patterns', text: '' };
  const lines = ['**Looks like**', ''];
  for (const p of report.patterns)
    lines.push(
      `- **${p.id}** (${Math.round(p.confidence * 100)}% sure): ${escapeMarkdown(p.message)} *Fix:* ${escapeMarkdown(p.hint)}`,
    );
  return { name: 'patterns', text: lines.join('\n') + '\n' };
}

function suspects(report: Report, withStacks: boolean): Section {
  if (!report.suspects.length) return { name: 'suspects', text: '' };
  const shown = report.suspects.slice(0, MARKDOWN_SUSPECTS);
  const lines = [
    '**Suspects** (gray against baseline)',
    '',
    '| # | function | what | where | source |',
    '|---|---|---|---|---|',
  ];
  for (const [i, s] of shown.entries()) {
    const where = [
      s.location,
      s.createdBy ? `created by ${s.createdBy}` : null,
      s.caller && s.caller !== s.function ? `from ${s.caller}` : null,
    ]
      .filter((x) => x !== null)
      .join(', ');
    lines.push(
      `| ${i + 1} | <code>${escapeMarkdown(s.function)}</code> | ${escapeMarkdown(suspectAmount(s))} | ${escapeMarkdown(where)} | ${s.source}${s.pattern ? ` · ${s.pattern}` : ''} |`,
    );
  }
  if (withStacks) {
    for (const [i, s] of shown.entries()) {
      if (!s.stack.length) continue;
      const frames = s.stack.slice(0, STACK_FRAMES).map((f) => escapeMarkdown(f.slice(0, 300)));
      if (s.stack.length > STACK_FRAMES) frames.push(`… ${s.stack.length - STACK_FRAMES} more frames`);
      lines.push(
        '',
        `<details><summary>stack of #${i + 1} <code>${escapeMarkdown(s.function)}</code></summary>`,
        '',
        `<pre>${frames.join('\n')}</pre>`,
        '</details>',
      );
    }
  }
  return { name: 'suspects', text: lines.join('\n') + '\n' };
}

/** Top allocation paths of each side from the eBPF trace, collapsed: where the allocation goes. */
function allocationPaths(report: Report): Section {
  const ebpf = report.ebpf;
  if (!ebpf || (!ebpf.gray && !ebpf.baseline)) return { name: 'allocation paths', text: '' };
  const lines = [`<details><summary>Top allocation paths (eBPF, ${escapeMarkdown(ebpf.mode)} mode)</summary>`, ''];
  for (const side of ['gray', 'baseline'] as const) {
    const traced = ebpf[side];
    if (!traced) continue;
    lines.push(
      `**${side}**: ${formatRate(traced.bytesPerSec)} over ${(traced.traceMs / 1000).toFixed(1)} s`,
      '',
      '| # | function | rate | share | where |',
      '|---|---|---|---|---|',
    );
    for (const [i, p] of traced.paths.slice(0, MARKDOWN_SUSPECTS).entries()) {
      lines.push(
        `| ${i + 1} | <code>${escapeMarkdown(p.function)}</code> | ${formatRate(p.bytesPerSec)} | ${Math.round(p.share * 100)}% | ${escapeMarkdown(p.location ?? '')} |`,
      );
    }
    lines.push('');
  }
  lines.push('</details>');
  return { name: 'allocation paths', text: lines.join('\n') + '\n' };
}

function limitations(report: Report): Section {
  if (!report.warnings.length) return { name: 'warnings', text: '' };
  const items = report.warnings.map((w) => `<li>${escapeMarkdown(w)}</li>`).join('');
  return {
    name: 'warnings',
    text: `<details><summary>What this run could not see or skipped (${report.warnings.length})</summary><ul>${items}</ul></details>\n`,
  };
}

function footer(report: Report, links: MarkdownLinks): Section {
  const run = safeUrl(links.runUrl);
  const parts = [
    `baseline: <code>${escapeMarkdown(report.baseline.command)}</code>`,
    `gray: <code>${escapeMarkdown(report.gray.command)}</code>`,
    `driver ${escapeMarkdown(report.settings.driver)}`,
  ];
  if (links.htmlReport) parts.push(`full report: ${escapeMarkdown(links.htmlReport)}`);
  if (run) parts.push(`[workflow run](${run})`);
  return { name: 'footer', text: `<sub>${parts.join(' · ')}</sub>\n` };
}

/** Joins sections in order, leaving out whole sections that would not fit, and says what was cut. */
function fit(sections: Section[], budget: number, links: MarkdownLinks, size: (text: string) => number): string {
  const run = safeUrl(links.runUrl);
  const note = (cut: string[]) =>
    `\n> [!NOTE]\n> Cut to fit GitHub's size limit: ${cut.join(', ')}. report.json and report.html in the run's artifact have everything${run ? `: [workflow run](${run})` : ''}.\n`;
  const reserve = size(note(sections.map((s) => s.name)));
  const kept: string[] = [];
  const cut: string[] = [];
  let used = 0;
  for (const section of sections) {
    if (!section.text) continue;
    const cost = size(section.text) + 1;
    if (used + cost <= budget - reserve) {
      kept.push(section.text);
      used += cost;
    } else {
      cut.push(section.name);
    }
  }
  return kept.join('\n') + (cut.length ? note(cut) : '');
}

/** The job summary: verdict, both sides with every rule's limit and result, the chart, the evidence. */
export function renderSummary(report: Report, links: MarkdownLinks = {}): string {
  return fit(
    [
      banner(report),
      sidesTable(report),
      reasons(report),
      chart(report),
      patterns(report),
      suspects(report, true),
      allocationPaths(report),
      limitations(report),
      footer(report, links),
    ],
    SUMMARY_BUDGET,
    links,
    utf8Bytes,
  );
}

/**
 * The sticky PR comment: the same content, condensed (top suspects' stacks collapsed), and kept under
 * GitHub's comment limit by dropping the least important sections first.
 */
export function renderComment(report: Report, links: MarkdownLinks = {}, budget = COMMENT_BUDGET): string {
  return fit(
    [
      banner(report),
      sidesTable(report),
      reasons(report),
      patterns(report),
      chart(report),
      suspects(report, true),
      allocationPaths(report),
      limitations(report),
      footer(report, links),
    ],
    budget,
    links,
    utf16Units,
  );
}

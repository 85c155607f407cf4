// The fleet report: one judged cell per entry (the same judge as `memgate run`, on the cell's
// instances) and the fleet's summary; and its renderers: console, Markdown (job summary, PR
// comment) and report.html. Pure. Cell ids, instance names and store warnings come from label
// values, which anyone who can push metrics controls: every renderer escapes them.
import { ExitCode, FLEET_REPORT_SCHEMA, VERSION } from '../model/constants.ts';
import { formatBytes, formatDuration, formatPercent, formatRate } from '../model/units.ts';
import type { Grade, Outcome, VerdictName } from '../judge/verdict-types.ts';
import type { Limits } from '../model/settings.ts';
import type { Report } from './report-json.ts';
import type { Pattern, Suspect } from '../analyze/evidence-types.ts';
import { describeSuspect } from '../analyze/evidence-text.ts';
import { neutraliseLine } from './escape-commands.ts';
import { escapeMarkdown, utf8Bytes } from './markdown.ts';
import { escapeHtml } from './html.ts';
import { svgChart } from './chart.ts';

/** A cell's verdict: the judge's, or `fused` when the fuse stopped the cell before it was judged. */
export type CellVerdict = VerdictName | 'fused';

/** The judge's reasons, and the fleet's own: a cell with one side only, too few instances, a store failure, the fuse. */
export interface FleetReason {
  rule: string;
  outcome: Outcome;
  message: string;
  measured: number | null;
  limit: number | null;
}

/** One instance's figures (the judge's per-instance statistics) with its name and restarts. */
export interface FleetInstance {
  instance: string;
  samples: number;
  p95Bytes: number | null;
  lastFloorBytes: number | null;
  slopeBytesPerSec: number | null;
  restarts: number;
  /** The heap metric's floor slope (--heap-metric), bytes/s; null without it. */
  heapSlopeBytesPerSec: number | null;
}

/** --heap-metric per cell: evidence beside the verdict, not a rule of it. */
export interface HeapEvidence {
  metric: string;
  baselineBytesPerSec: number | null;
  grayBytesPerSec: number | null;
  /** Gray minus baseline heap floor slope with its interval (across instances), or null when it cannot be computed. */
  difference: { bytesPerSec: number; low: number; high: number } | null;
}

export interface FleetCell {
  /** The fuse's cell syntax, e.g. `region=eu-central-1,arch=arm64`. */
  cell: string;
  /** The store's label values that make the cell. */
  labels: Record<string, string>;
  verdict: CellVerdict;
  grade: Grade | null;
  exitCode: number;
  reasons: FleetReason[];
  instances: { baseline: FleetInstance[]; gray: FleetInstance[] };
  /** Instances seen in the window but not judged (too short a stretch), with why. */
  leftOut: { baseline: string[]; gray: string[] };
  restarts: number;
  p95Increase: number | null;
  slopeDifference: { bytesPerSec: number; low: number; high: number } | null;
  heap: HeapEvidence | null;
  warnings: string[];
  /**
   * --pprof: live heap profiles and goroutine dumps of one gray instance (the steepest) and one baseline
   * instance, taken after the verdict: suspects and leak patterns as in a local run. Null without --pprof
   * or for a cell that passed.
   */
  profiles: { baseline: string | null; gray: string | null; suspects: Suspect[]; patterns: Pattern[] } | null;
  /** What the fuse did for the cell (with --fuse on): recorded state, trips. */
  fuse: { fused: boolean; reason: string | null; tripped: string[] } | null;
  /** The judge's full report of the cell (null when it was not judged). Also written as cells/CELL/report.json. */
  report: Report | null;
}

export interface FleetSettings {
  store: string;
  metric: string;
  heapMetric: string | null;
  baseline: string;
  gray: string;
  by: string[];
  instanceLabel: string;
  windowMs: number;
  end: string;
  stepMs: number;
  minInstances: number;
  onInconclusive: 'fail' | 'pass';
  limits: Limits;
  stage: { file: string; index: number; name: string } | null;
  fuse: boolean;
}

export interface FleetReport {
  schema: typeof FLEET_REPORT_SCHEMA;
  memgateVersion: string;
  /** The worst cell: fail (a cell blocked or fused), else inconclusive, else warn, else pass. */
  verdict: VerdictName;
  /** The highest grade of any cell. */
  grade: Grade | null;
  exitCode: number;
  settings: FleetSettings;
  summary: {
    cells: number;
    pass: number;
    warn: number;
    fail: number;
    inconclusive: number;
    fused: number;
    instances: { baseline: number; gray: number };
    restarts: number;
    queries: number;
  };
  cells: FleetCell[];
  warnings: string[];
}

const GRADE_ORDER: Grade[] = ['P0', 'P1', 'P2', 'P3'];

export function buildFleetReport(
  cells: FleetCell[],
  settings: FleetSettings,
  extra: { warnings: string[]; queries: number },
): FleetReport {
  const count = (v: CellVerdict) => cells.filter((c) => c.verdict === v).length;
  const blocked = count('fail') + count('fused');
  const verdict: VerdictName =
    blocked > 0
      ? 'fail'
      : count('inconclusive') > 0 || cells.length === 0
        ? 'inconclusive'
        : count('warn') > 0
          ? 'warn'
          : 'pass';
  const grades = cells.map((c) => c.grade).filter((g): g is Grade => g !== null);
  const grade = GRADE_ORDER.find((g) => grades.includes(g)) ?? null;
  const exitCode =
    blocked > 0
      ? ExitCode.Blocked
      : verdict === 'inconclusive' && settings.onInconclusive === 'fail'
        ? ExitCode.Inconclusive
        : ExitCode.Pass;
  return {
    schema: FLEET_REPORT_SCHEMA,
    memgateVersion: VERSION,
    verdict,
    grade,
    exitCode,
    settings,
    summary: {
      cells: cells.length,
      pass: count('pass'),
      warn: count('warn'),
      fail: count('fail'),
      inconclusive: count('inconclusive'),
      fused: count('fused'),
      instances: {
        baseline: cells.reduce((a, c) => a + c.instances.baseline.length, 0),
        gray: cells.reduce((a, c) => a + c.instances.gray.length, 0),
      },
      restarts: cells.reduce((a, c) => a + c.restarts, 0),
      queries: extra.queries,
    },
    // Blocked cells first, then the undecided, then the rest; by cell id within each.
    cells: [...cells].sort(
      (a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0),
    ),
    warnings: extra.warnings,
  };
}

const VERDICT_ORDER: Record<CellVerdict, number> = { fail: 0, fused: 1, inconclusive: 2, warn: 3, pass: 4 };
const isBlocked = (c: FleetCell) => c.verdict === 'fail' || c.verdict === 'fused';

const rate = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : formatRate(v));
const bytes = (v: number | null) => (v === null ? 'n/a' : formatBytes(v));
const firstReason = (c: FleetCell) => c.reasons[0]?.message ?? '';

/** The columns every renderer shows per cell, as plain text (each renderer escapes). */
function cellColumns(c: FleetCell): string[] {
  return [
    c.cell,
    c.verdict + (c.grade ? ` ${c.grade}` : ''),
    `${c.instances.gray.length} / ${c.instances.baseline.length}`,
    c.report ? formatPercent(c.p95Increase) : 'n/a',
    c.slopeDifference
      ? `${formatRate(c.slopeDifference.bytesPerSec)} [${formatRate(c.slopeDifference.low)} .. ${formatRate(c.slopeDifference.high)}]`
      : 'n/a',
    String(c.restarts),
  ];
}
const CELL_HEAD = [
  'cell',
  'verdict',
  'gray / baseline instances',
  'P95 change',
  'floor slope difference (99% CI)',
  'restarts',
];

/** Gray's instances with the steepest floor first: where a reader looks first in a blocked cell. */
function worstGray(c: FleetCell, n: number): FleetInstance[] {
  return [...c.instances.gray]
    .sort((a, b) => (b.slopeBytesPerSec ?? -Infinity) - (a.slopeBytesPerSec ?? -Infinity))
    .slice(0, n);
}

function headline(report: FleetReport): string {
  const s = report.summary;
  const parts = [
    `${s.fail} blocked`,
    s.fused ? `${s.fused} fused` : '',
    `${s.inconclusive} inconclusive`,
    `${s.warn} warn`,
    `${s.pass} pass`,
  ].filter(Boolean);
  return `${s.cells} cell${s.cells === 1 ? '' : 's'}: ${parts.join(', ')}; ${s.instances.gray} gray and ${s.instances.baseline} baseline instances judged, ${s.restarts} restart${s.restarts === 1 ? '' : 's'}`;
}

/** The fleet as a terminal reads it; every line inert as a GitHub Actions workflow command. */
export function renderFleetConsole(report: FleetReport, detailCells = 10): string {
  const lines: string[] = [];
  lines.push(
    `memgate fleet: ${report.verdict.toUpperCase()}${report.grade ? ` (${report.grade})` : ''}: ${headline(report)}`,
  );
  lines.push(
    `  ${report.settings.metric} from ${report.settings.store}, window ${formatDuration(report.settings.windowMs)} to ${report.settings.end}, step ${formatDuration(report.settings.stepMs)}`,
  );
  const rows = [CELL_HEAD, ...report.cells.map(cellColumns)];
  const widths = CELL_HEAD.map((_, i) => Math.min(60, Math.max(...rows.map((r) => r[i].length))));
  for (const row of rows)
    lines.push(
      '  ' +
        row
          .map((v, i) => v.padEnd(widths[i]))
          .join('  ')
          .trimEnd(),
    );
  for (const c of report.cells.filter(isBlocked).slice(0, detailCells)) {
    lines.push('', `cell ${c.cell}: ${c.verdict}${c.grade ? ` ${c.grade}` : ''}`);
    for (const r of c.reasons) lines.push(`  ${r.outcome}: ${r.message}`);
    const worst = worstGray(c, 5);
    if (worst.length)
      lines.push(
        `  steepest gray instances: ${worst.map((i) => `${i.instance} ${rate(i.slopeBytesPerSec)} (P95 ${bytes(i.p95Bytes)})`).join('; ')}`,
      );
    if (c.heap?.difference)
      lines.push(
        `  heap (${c.heap.metric}): floor slope difference ${rate(c.heap.difference.bytesPerSec)} [${rate(c.heap.difference.low)} .. ${rate(c.heap.difference.high)}]`,
      );
    if (c.profiles) {
      lines.push(
        `  live profiles of gray ${c.profiles.gray ?? 'n/a'} against baseline ${c.profiles.baseline ?? 'n/a'}:`,
      );
      for (const [i, s] of c.profiles.suspects.slice(0, 5).entries())
        lines.push(`    ${i + 1}. ${describeSuspect(s)}${s.pattern ? ` [${s.pattern}]` : ''}`);
      for (const p of c.profiles.patterns)
        lines.push(`    pattern ${p.id} (${Math.round(p.confidence * 100)}% sure): ${p.message}`);
    }
  }
  const undecided = report.cells.filter((c) => c.verdict === 'inconclusive');
  if (undecided.length) {
    lines.push('');
    for (const c of undecided.slice(0, detailCells)) lines.push(`cell ${c.cell}: inconclusive: ${firstReason(c)}`);
  }
  for (const w of report.warnings) lines.push(`warning: ${w}`);
  return lines.map(neutraliseLine).join('\n');
}

const BADGE: Record<CellVerdict, string> = {
  pass: '✅ pass',
  warn: '⚠️ warn',
  fail: '⛔ blocked',
  fused: '⛔ fused',
  inconclusive: '❔ inconclusive',
};

/**
 * The job summary and the PR comment: the table of cells, then each blocked cell's reasons and its
 * steepest gray instances. Cells beyond what fits the budget (UTF-8 bytes) are cut, saying so.
 */
export function renderFleetMarkdown(report: FleetReport, budget = 60_000): string {
  const md = (t: string) => escapeMarkdown(t);
  const head = [
    `## memgate fleet: ${BADGE[report.verdict]}${report.grade ? ` ${report.grade}` : ''}`,
    '',
    md(headline(report)),
    '',
    `<code>${md(report.settings.metric)}</code> · baseline <code>${md(report.settings.baseline)}</code> · gray <code>${md(report.settings.gray)}</code> · window ${formatDuration(report.settings.windowMs)} to ${md(report.settings.end)} · step ${formatDuration(report.settings.stepMs)}${report.settings.stage ? ` · wave ${report.settings.stage.index} (${md(report.settings.stage.name)})` : ''}`,
    '',
    `| ${CELL_HEAD.join(' | ')} |`,
    `|${CELL_HEAD.map(() => '---').join('|')}|`,
  ];
  const tail: string[] = [];
  const rows: string[] = [];
  let used = utf8Bytes(head.join('\n')) + 2_000;
  let cut = 0;
  for (const c of report.cells) {
    const cols = cellColumns(c);
    const row = `| <code>${md(cols[0])}</code> | ${BADGE[c.verdict]}${c.grade ? ` ${c.grade}` : ''} | ${cols.slice(2).map(md).join(' | ')} |`;
    if (used + utf8Bytes(row) > budget / 2) {
      cut++;
      continue;
    }
    used += utf8Bytes(row) + 1;
    rows.push(row);
  }
  if (cut) rows.push('', `_${cut} more cells are not shown here; report.json has every cell._`);
  for (const c of report.cells.filter(isBlocked)) {
    const section = [
      `<details open><summary><b>${md(c.cell)}</b>: ${BADGE[c.verdict]}${c.grade ? ` ${c.grade}` : ''}</summary>`,
      '',
    ];
    for (const r of c.reasons) section.push(`- **${r.outcome}**: ${md(r.message)}`);
    const worst = worstGray(c, 5);
    if (worst.length) {
      section.push('', '| gray instance | floor slope | P95 | restarts |', '|---|---|---|---|');
      for (const i of worst)
        section.push(
          `| <code>${md(i.instance)}</code> | ${md(rate(i.slopeBytesPerSec))} | ${md(bytes(i.p95Bytes))} | ${i.restarts} |`,
        );
    }
    if (c.heap?.difference)
      section.push(
        '',
        `Heap (<code>${md(c.heap.metric)}</code>): floor slope difference ${md(rate(c.heap.difference.bytesPerSec))} (99% CI ${md(rate(c.heap.difference.low))} .. ${md(rate(c.heap.difference.high))}).`,
      );
    if (c.profiles && (c.profiles.suspects.length || c.profiles.patterns.length)) {
      section.push(
        '',
        `Live profiles of gray <code>${md(c.profiles.gray ?? 'n/a')}</code> against baseline <code>${md(c.profiles.baseline ?? 'n/a')}</code>:`,
        '',
      );
      for (const [i, s] of c.profiles.suspects.slice(0, 5).entries())
        section.push(
          `${i + 1}. <code>${md(s.function)}</code> ${md(describeSuspect(s).slice(s.function.length))}${s.pattern ? ` (${md(s.pattern)})` : ''}`,
        );
      for (const p of c.profiles.patterns)
        section.push(
          `- pattern **${md(p.id)}** (${Math.round(p.confidence * 100)}% sure): ${md(p.message)} Fix: ${md(p.hint)}`,
        );
    }
    section.push('', '</details>', '');
    const text = section.join('\n');
    if (used + utf8Bytes(text) > budget) {
      tail.push(`_Details of further blocked cells are cut to fit; report.json and report.html have them._`);
      break;
    }
    used += utf8Bytes(text);
    tail.push(text);
  }
  const warnings = report.warnings.slice(0, 20).map((w) => `- ${md(w)}`);
  return (
    [...head, ...rows, '', ...tail, ...(warnings.length ? ['', '**Warnings**', '', ...warnings] : [])].join('\n') + '\n'
  );
}

const HTML_BANNER: Record<CellVerdict, string> = {
  pass: '#1a7f37',
  warn: '#9a6700',
  fail: '#cf222e',
  fused: '#cf222e',
  inconclusive: '#6e7781',
};

/** report.html of the fleet: one self-contained file (inline CSS and SVG, no script). */
export function renderFleetHtml(report: FleetReport): string {
  const h = escapeHtml;
  const table = (head: string[], rows: string[][]) =>
    `<table><thead><tr>${head.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.join('')}</tr>`).join('')}</tbody></table>`;
  const sections: string[] = [];
  sections.push(
    `<h1><span class="verdict" style="background:${HTML_BANNER[report.verdict]}">${h(report.verdict.toUpperCase())}</span>${report.grade ? ` <span class="grade">${report.grade}</span>` : ''} memgate fleet report</h1>`,
  );
  sections.push(
    `<p>${h(headline(report))}</p><p class="cmd">metric <code>${h(report.settings.metric)}</code> from ${h(report.settings.store)} · baseline <code>${h(report.settings.baseline)}</code> · gray <code>${h(report.settings.gray)}</code> · window ${h(formatDuration(report.settings.windowMs))} to ${h(report.settings.end)} · step ${h(formatDuration(report.settings.stepMs))}</p>`,
  );
  sections.push(
    table(
      CELL_HEAD,
      report.cells.map((c) => {
        const cols = cellColumns(c).map(h);
        return [
          `<td><a href="#${h(anchor(c.cell))}"><code>${cols[0]}</code></a></td>`,
          `<td style="color:${HTML_BANNER[c.verdict]}"><b>${cols[1]}</b></td>`,
          ...cols.slice(2).map((x) => `<td>${x}</td>`),
        ];
      }),
    ),
  );
  for (const c of report.cells.filter((x) => x.verdict !== 'pass')) {
    const parts = [
      `<h2 id="${h(anchor(c.cell))}"><code>${h(c.cell)}</code>: ${h(c.verdict)}${c.grade ? ` ${c.grade}` : ''}</h2>`,
    ];
    parts.push(
      `<ul>${c.reasons.map((r) => `<li><b>${h(r.outcome)}</b> (${h(r.rule)}): ${h(r.message)}</li>`).join('')}</ul>`,
    );
    if (isBlocked(c) && c.report)
      parts.push(
        `<figure>${svgChart(c.report.timeline, 0)}<figcaption>Mean memory of the cell's instances, each side (from the store).</figcaption></figure>`,
      );
    const worst = worstGray(c, 10);
    if (isBlocked(c) && worst.length) {
      parts.push(
        table(
          ['gray instance', 'floor slope', 'P95', 'floor at end', 'restarts'],
          worst.map((i) =>
            [i.instance, rate(i.slopeBytesPerSec), bytes(i.p95Bytes), bytes(i.lastFloorBytes), String(i.restarts)].map(
              (x) => `<td>${h(x)}</td>`,
            ),
          ),
        ),
      );
    }
    if (c.profiles && (c.profiles.suspects.length || c.profiles.patterns.length)) {
      parts.push(
        `<p>Live profiles of gray <code>${h(c.profiles.gray ?? 'n/a')}</code> against baseline <code>${h(c.profiles.baseline ?? 'n/a')}</code>:</p><ol>${c.profiles.suspects
          .slice(0, 10)
          .map((s) => `<li><code>${h(s.function)}</code> ${h(describeSuspect(s).slice(s.function.length))}</li>`)
          .join(
            '',
          )}</ol><ul>${c.profiles.patterns.map((p) => `<li><b>${h(p.id)}</b>: ${h(p.message)} <i>Fix:</i> ${h(p.hint)}</li>`).join('')}</ul>`,
      );
    }
    if (c.warnings.length)
      parts.push(
        `<details><summary>${c.warnings.length} warning(s)</summary><ul>${c.warnings.map((w) => `<li>${h(w)}</li>`).join('')}</ul></details>`,
      );
    sections.push(parts.join('\n'));
  }
  if (report.warnings.length)
    sections.push(`<h2>Warnings</h2><ul>${report.warnings.map((w) => `<li>${h(w)}</li>`).join('')}</ul>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>memgate fleet: ${h(report.verdict)}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1100px;color:#1f2328;padding:0 16px}
.verdict{color:#fff;padding:2px 10px;border-radius:6px}.grade{border:1px solid #999;padding:1px 8px;border-radius:6px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d0d7de;padding:4px 10px;text-align:left}
code{background:#f6f8fa;font-size:12px}.cmd{color:#57606a}
</style></head><body>
${sections.join('\n')}
<p class="cmd">memgate ${h(report.memgateVersion)} · ${h(report.schema)}</p>
</body></html>
`;
}

/** An id attribute from a cell id (letters, digits, = , . _ - only, so nothing to escape beyond that). */
const anchor = (cell: string) => `cell-${cell.replace(/[^a-z0-9._-]/gi, '_')}`;

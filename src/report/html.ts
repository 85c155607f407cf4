import { formatPercent, formatRate } from '../model/units.ts';
import { suspectAmount } from '../analyze/evidence-text.ts';
import { svgChart } from './chart.ts';
import {
  bytesOrNa as bytes,
  DECISION_MARK,
  INSTANCE_HEAD,
  instanceRows,
  limitText,
  measuredText,
  RULES_OUT_LABEL,
  ruleOutcome,
  slopeWithInterval,
  watchLine,
} from './format.ts';
import type { Report } from './report-json.ts';

/**
 * Text from a workload or a pull request, made inert in HTML (element content and attributes). A
 * lone \r becomes a line end as the HTML parser would read it, and other control characters (parse
 * errors in HTML) become spaces.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
    .replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

const BANNER: Record<Report['verdict'], { text: string; color: string }> = {
  pass: { text: 'PASS', color: '#1a7f37' },
  warn: { text: 'WARN', color: '#9a6700' },
  fail: { text: 'BLOCKED', color: '#cf222e' },
  inconclusive: { text: 'INCONCLUSIVE', color: '#6e7781' },
};

function table(head: string[], rows: string[][]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** report.html: one self-contained file (inline CSS and SVG, no script, no external resource). */
export function renderHtml(report: Report): string {
  const banner = BANNER[report.verdict];
  const { baseline: b, gray: g } = report;
  const sections: string[] = [];
  sections.push(
    `<h1><span class="verdict" style="background:${banner.color}">${banner.text}</span>${report.grade ? ` <span class="grade">${report.grade}</span>` : ''} memgate memory report</h1>`,
  );
  // What the verdict rules out, next to it; the statement can name what the workload named.
  sections.push(`<p class="rules-out"><b>${RULES_OUT_LABEL}</b> ${escapeHtml(report.sensitivity.statement)}</p>`);
  if (report.watch) sections.push(`<p class="watch">${escapeHtml(watchLine(report.watch))}</p>`);
  sections.push(
    `<p class="cmd">baseline: <code>${escapeHtml(b.command)}</code><br>gray: <code>${escapeHtml(g.command)}</code><br>driver ${escapeHtml(report.settings.driver)} · warm-up ${report.settings.warmupMs / 1000}s · window ${report.settings.windowMs / 1000}s</p>`,
  );
  sections.push(
    `<figure>${svgChart(report.timeline, report.settings.warmupMs)}<figcaption>Memory of both sides on one clock (shaded: warm-up, not judged).</figcaption></figure>`,
  );
  sections.push(
    table(
      ['', 'baseline', 'gray'],
      [
        ['P95', bytes(b.p95Bytes), `${bytes(g.p95Bytes)} (${formatPercent(report.p95Increase)})`],
        ['peak', bytes(b.peakBytes), bytes(g.peakBytes)],
        ['floor slope', slopeWithInterval(b, report.confidence), slopeWithInterval(g, report.confidence)],
        ['OOM kills', String(b.oomKills ?? 'n/a'), String(g.oomKills ?? 'n/a')],
        ['samples', String(b.samples), String(g.samples)],
      ],
    ),
  );
  const perProcess = instanceRows(report);
  if (perProcess.length)
    sections.push(
      `<h2>Per process (${report.replicas} a side)</h2>` +
        table(
          INSTANCE_HEAD,
          perProcess.map((r) => r.map(escapeHtml)),
        ),
    );
  sections.push(
    '<h2>Rules</h2>' +
      table(
        ['rule', 'measured', 'limit', 'result'],
        report.comparisons.map((c) => {
          const o = ruleOutcome(c, report);
          const text = o.kind === 'none' ? o.text : `${DECISION_MARK[o.kind]} ${escapeHtml(o.text)}`;
          const site = c.rule === 'site-growth' ? report.siteGrowthDifference?.function : undefined;
          return [
            site === undefined ? c.rule : `${c.rule} <code>${escapeHtml(site)}</code>`,
            escapeHtml(measuredText(c, report)),
            escapeHtml(limitText(c, report)),
            o.kind === 'block' ? `<b>${text}</b>` : text,
          ];
        }),
      ),
  );
  if (report.reasons.length)
    sections.push(
      `<h2>Why</h2><ul>${report.reasons.map((r) => `<li><b>${r.outcome}</b> (${r.rule}): ${escapeHtml(r.message)}</li>`).join('')}</ul>`,
    );
  if (report.patterns.length) {
    sections.push(
      `<h2>Leak patterns</h2><ul>${report.patterns.map((p) => `<li><b>${escapeHtml(p.id)}</b> (${Math.round(p.confidence * 100)}% sure): ${escapeHtml(p.message)}<br><i>Fix:</i> ${escapeHtml(p.hint)}</li>`).join('')}</ul>`,
    );
  }
  if (report.suspects.length) {
    sections.push(
      '<h2>Suspects</h2>' +
        report.suspects
          .map(
            (s, i) =>
              `<details${i < 3 ? ' open' : ''}><summary>${i + 1}. <code>${escapeHtml(s.function)}</code> ${escapeHtml(suspectAmount(s))} · ${escapeHtml(s.source)}${s.location ? ` · ${escapeHtml(s.location)}` : ''}</summary><pre>${escapeHtml(s.stack.join('\n'))}</pre></details>`,
          )
          .join(''),
    );
  }
  for (const side of ['gray', 'baseline'] as const) {
    const traced = report.ebpf?.[side];
    if (!traced?.paths.length) continue;
    sections.push(
      `<h2>Top allocation paths of ${side} (eBPF)</h2>` +
        table(
          ['#', 'function', 'rate', 'share', 'where'],
          traced.paths
            .slice(0, 10)
            .map((p, i) => [
              String(i + 1),
              `<code>${escapeHtml(p.function)}</code>`,
              escapeHtml(formatRate(p.bytesPerSec)),
              `${Math.round(p.share * 100)}%`,
              escapeHtml(p.location ?? ''),
            ]),
        ),
    );
  }
  if (report.warnings.length)
    sections.push(`<h2>Warnings</h2><ul>${report.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>memgate: ${banner.text}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:980px;color:#1f2328;padding:0 16px}
.verdict{color:#fff;padding:2px 10px;border-radius:6px}.grade{border:1px solid #999;padding:1px 8px;border-radius:6px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #d0d7de;padding:4px 10px;text-align:left}
code,pre{background:#f6f8fa;font-size:12px}pre{padding:8px;overflow:auto}.cmd{color:#57606a}
</style></head><body>
${sections.join('\n')}
<p class="cmd">memgate ${escapeHtml(report.memgateVersion)} · ${escapeHtml(report.schema)}</p>
</body></html>
`;
}

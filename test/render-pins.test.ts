// The Markdown summary, the PR comment and report.html, line by line, on a report whose every figure is set
// by hand (issue 14: the renderers' texts, limits and cuts were unpinned). Untrusted text goes through the
// escapers here too, so these tests pin layout and figures, and the escaping tests pin the escaping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJudgeSettings } from '../src/config/plan.ts';
import { judgeBundle } from '../src/gate/judge-bundle.ts';
import {
  COMMENT_BUDGET,
  SUMMARY_BUDGET,
  escapeMarkdown as md,
  renderComment,
  renderSummary,
} from '../src/report/markdown.ts';
import { escapeHtml as h, renderHtml } from '../src/report/html.ts';
import { INSTANCE_HEAD, bytesOrNa, instanceRows, slopeWithInterval } from '../src/report/format.ts';
import type { Report, SideReport } from '../src/report/report-json.ts';
import type { Suspect } from '../src/analyze/evidence-types.ts';
import { makeBundle } from './helpers/bundles.ts';

const KiB = 1024;
const MiB = 1024 * KiB;
const judged = judgeBundle(makeBundle({ gray: { slope: (8 * MiB) / 60 } }), parseJudgeSettings({ warmup: '5s' }));

const side = (over: Partial<SideReport>): SideReport => ({ ...judged.gray, ...over });
const suspect = (i: number, over: Partial<Suspect> = {}): Suspect => ({
  function: `pkg/leak${i}`,
  source: 'pprof',
  kind: 'growth',
  bytes: 4 * MiB,
  objects: 100,
  count: null,
  share: 0.5,
  gray: 4 * MiB,
  baseline: 0,
  location: `app/leak${i}.go:12`,
  stack: [`pkg/leak${i} app/leak${i}.go:12`, 'main/handle app/main.go:3'],
  caller: 'main/handle',
  createdBy: null,
  state: null,
  waitMinutes: null,
  pattern: i === 1 ? 'unbounded-map' : null,
  ...over,
});

function report(over: Partial<Report> = {}): Report {
  return {
    ...judged,
    verdict: 'fail',
    grade: 'P1',
    exitCode: 1,
    confidence: 0.95,
    settings: {
      ...judged.settings,
      driver: 'v1',
      warmupMs: 5000,
      windowMs: 60_000,
      limits: { ...judged.settings.limits, maxP95Increase: 0.12 },
    },
    baseline: side({
      command: './base -addr {port}',
      p95Bytes: 20 * MiB,
      peakBytes: 24 * MiB,
      slopeBytesPerSec: 1024,
      slopeInterval: { low: 512, high: 1536 },
      oomKills: 0,
      samples: 240,
    }),
    gray: side({
      command: './gray -addr {port}',
      p95Bytes: 25 * MiB,
      peakBytes: 30 * MiB,
      slopeBytesPerSec: 10 * KiB,
      slopeInterval: { low: 8 * KiB, high: 12 * KiB },
      oomKills: 1,
      samples: 239,
    }),
    p95Increase: 0.25,
    p95Difference: { value: 5 * MiB, low: 4 * MiB, high: 6 * MiB, method: 'within-series' },
    slopeDifference: { bytesPerSec: 9 * KiB, low: 7 * KiB, high: 11 * KiB, method: 'within-series' },
    comparisons: [
      {
        rule: 'p95-increase',
        unit: 'ratio',
        measured: 0.25,
        limit: 0.12,
        passed: false,
        decision: 'block',
        low: 4 * MiB,
        high: 6 * MiB,
        detectable: 3 * MiB,
        detail: '',
      },
      {
        rule: 'slope-increase',
        unit: 'bytes/s',
        measured: 9 * KiB,
        limit: MiB / 60,
        passed: false,
        decision: 'block',
        low: 7 * KiB,
        high: 11 * KiB,
        detectable: 12 * KiB,
        detail: '',
      },
      {
        rule: 'gray-oom-kill',
        unit: 'count',
        measured: 1,
        limit: 0,
        passed: false,
        decision: 'block',
        low: null,
        high: null,
        detectable: null,
        detail: '',
      },
    ],
    projection: { limitBytes: 512 * MiB, secondsToLimit: 3600 },
    reasons: [
      {
        rule: 'slope-increase',
        outcome: 'block',
        message: 'gray grows 540 KiB/min faster',
        measured: 9 * KiB,
        limit: MiB / 60,
      },
      { rule: 'p95-increase', outcome: 'warn', message: 'a higher P95', measured: 0.25, limit: 0.12 },
    ] as Report['reasons'],
    patterns: [
      { id: 'unbounded-map', confidence: 0.8, message: 'A map grows', hint: 'Bound it', functions: ['pkg/leak1'] },
    ],
    suspects: [
      suspect(1, { createdBy: 'main/start', caller: 'main/handle' }),
      suspect(2, { caller: 'pkg/leak2', location: null }),
    ],
    warnings: ['no eBPF here', 'pprof failed once'],
    timeline: [],
    ebpf: null,
    ...over,
  };
}

const lines = (text: string) => text.split('\n');

test('summary: banner, the table of both sides with every rule, the projection', () => {
  const text = renderSummary(report());
  const l = lines(text);
  assert.equal(l[0], '## memgate: ⛔ BLOCKED · grade P1');
  const table = l.indexOf('| | baseline | gray | change | limit | result |');
  assert.ok(table > 0, text);
  assert.deepEqual(l.slice(table + 1, table + 9), [
    '|---|---|---|---|---|---|',
    // The P95 rule decides on bytes: its change, limit and bound say them beside the share of baseline's P95.
    '| P95 memory | 20.0 MiB | 25.0 MiB | +25.0% (+5.0 MiB) | ≤ +12.0% (2.4 MiB) | ❌ block: clearly above the limit: at least +20.0% (+4.0 MiB) |',
    '| floor slope | 60.0 KiB/min (95% CI 30.0 KiB/min .. 90.0 KiB/min) | 600.0 KiB/min (95% CI 480.0 KiB/min .. 720.0 KiB/min) | 540.0 KiB/min (95% CI 420.0 KiB/min .. 660.0 KiB/min) | ≤ 1.0 MiB/min | ❌ block: clearly above the limit: at least 420.0 KiB/min |',
    '| OOM kills | 0 | 1 | | 0 | ❌ block |',
    '| peak memory | 24.0 MiB | 30.0 MiB | +6.0 MiB | | |',
    '| samples | 240 | 239 | | | |',
    '',
    'At its floor slope gray reaches its 512.0 MiB limit in about 60 min.',
  ]);
});

test('summary: n/a where a figure or a rule is missing; a passing rule; a lower peak; no projection without a time', () => {
  const r = report({
    verdict: 'pass',
    grade: null,
    comparisons: [
      {
        rule: 'p95-increase',
        unit: 'ratio',
        measured: 0.01,
        limit: 0.12,
        passed: true,
        decision: 'pass',
        low: null,
        high: null,
        detectable: null,
        detail: '',
      },
      {
        rule: 'gray-oom-kill',
        unit: 'count',
        measured: null,
        limit: 0,
        passed: null,
        decision: null,
        low: null,
        high: null,
        detectable: null,
        detail: '',
      },
    ],
    baseline: side({ p95Bytes: null, peakBytes: 30 * MiB, slopeBytesPerSec: null, oomKills: null, samples: 3 }),
    gray: side({ p95Bytes: 25 * MiB, peakBytes: 24 * MiB, slopeBytesPerSec: null, oomKills: null, samples: 4 }),
    p95Increase: null,
    p95Difference: null,
    slopeDifference: null,
    projection: { limitBytes: 512 * MiB, secondsToLimit: null },
    reasons: [],
    patterns: [],
    suspects: [],
    warnings: [],
  });
  const l = lines(renderSummary(r));
  assert.equal(l[0], '## memgate: ✅ PASS');
  // Without baseline's P95 the limit is the ratio alone; a pass without a bound says only pass.
  assert.ok(l.includes('| P95 memory | n/a | 25.0 MiB | +1.0% | ≤ +12.0% | ✅ pass |'), l.join('\n'));
  assert.ok(l.includes('| floor slope | n/a | n/a | n/a | ≤ n/a | n/a |'));
  assert.ok(l.includes('| OOM kills | n/a | n/a | | 0 | n/a |'));
  assert.ok(l.includes('| peak memory | 30.0 MiB | 24.0 MiB | -6.0 MiB | | |'), 'a drop keeps its sign');
  assert.ok(!l.some((x) => x.startsWith('At its floor slope')), 'no time to the limit: no projection line');
  assert.ok(!l.some((x) => /^\*\*(Why|Looks like|Suspects)/.test(x)), 'empty sections are left out');
  const noPeak = lines(renderSummary(report({ baseline: side({ peakBytes: null }) })));
  assert.ok(noPeak.some((x) => x.startsWith('| peak memory | n/a | 30.0 MiB | n/a |')));
  for (const verdict of ['warn', 'inconclusive'] as const) {
    assert.equal(
      lines(renderSummary(report({ verdict, grade: verdict === 'warn' ? 'P3' : null })))[0],
      verdict === 'warn' ? '## memgate: ⚠️ WARN · grade P3' : '## memgate: ❔ INCONCLUSIVE',
    );
  }
});

test('summary: why, patterns, suspects with their stacks, warnings, footer', () => {
  const text = renderSummary(report(), {
    runUrl: 'https://github.com/acme/shop/actions/runs/9',
    htmlReport: 'memgate-report',
  });
  const l = lines(text);
  const why = l.indexOf('**Why**');
  assert.deepEqual(l.slice(why, why + 4), [
    '**Why**',
    '',
    `- **block** (slope-increase): ${md('gray grows 540 KiB/min faster')}`,
    `- **warn** (p95-increase): ${md('a higher P95')}`,
  ]);
  const like = l.indexOf('**Looks like**');
  assert.deepEqual(l.slice(like, like + 3), [
    '**Looks like**',
    '',
    `- **unbounded-map** (80% sure): ${md('A map grows')} *Fix:* ${md('Bound it')}`,
  ]);
  const sus = l.indexOf('**Suspects** (gray against baseline)');
  assert.deepEqual(l.slice(sus, sus + 6), [
    '**Suspects** (gray against baseline)',
    '',
    '| # | function | what | where | source |',
    '|---|---|---|---|---|',
    `| 1 | <code>${md('pkg/leak1')}</code> | ${md('+4.0 MiB retained (50% of the heap growth)')} | ${md('app/leak1.go:12, created by main/start, from main/handle')} | pprof · unbounded-map |`,
    `| 2 | <code>${md('pkg/leak2')}</code> | ${md('+4.0 MiB retained (50% of the heap growth)')} |  | pprof |`,
  ]);
  const stack = l.indexOf(`<details><summary>stack of #1 <code>${md('pkg/leak1')}</code></summary>`);
  assert.ok(stack > 0, text);
  assert.deepEqual(l.slice(stack + 1, stack + 5), [
    '',
    `<pre>${md('pkg/leak1 app/leak1.go:12')}`,
    `${md('main/handle app/main.go:3')}</pre>`,
    '</details>',
  ]);
  assert.ok(
    text.includes(
      '<details><summary>What this run could not see or skipped (2)</summary><ul><li>no eBPF here</li><li>pprof failed once</li></ul></details>\n',
    ),
  );
  assert.equal(
    l.filter((x) => x.startsWith('<sub>'))[0],
    `<sub>baseline: <code>${md('./base -addr {port}')}</code> · gray: <code>${md('./gray -addr {port}')}</code> · driver v1 · full report: ${md('memgate-report')} · [workflow run](https://github.com/acme/shop/actions/runs/9)</sub>`,
  );
  assert.ok(text.endsWith('</sub>\n'), 'nothing was cut');
});

test('suspects: at most five, stacks cut at 12 frames of 300 characters; none without a stack', () => {
  const long = Array.from({ length: 14 }, (_, i) => `frame${i} ${'x'.repeat(i === 0 ? 400 : 3)}`);
  const many = Array.from({ length: 7 }, (_, i) =>
    suspect(i + 1, { stack: i === 0 ? long : i === 1 ? [] : [`f${i}`] }),
  );
  const l = lines(renderSummary(report({ suspects: many })));
  assert.equal(l.filter((x) => /^\| \d \| <code>/.test(x)).length, 5);
  assert.equal(
    l.filter((x) => x.startsWith('<details><summary>stack of #')).length,
    4,
    'the suspect without a stack has no section',
  );
  const pre = l.indexOf(`<pre>${md(long[0].slice(0, 300))}`);
  assert.ok(pre > 0, 'the first frame cut at 300 characters');
  assert.deepEqual(l.slice(pre + 11, pre + 13), [md(long[11]), '… 2 more frames</pre>']);
});

test('allocation paths: each traced side, top five, collapsed', () => {
  const path = (i: number) => ({
    function: `pkg/alloc${i}`,
    caller: null,
    location: i === 1 ? null : `app/a${i}.go:1`,
    stack: [],
    bytes: 0,
    count: 0,
    bytesPerSec: 1024 * i,
    countPerSec: 0,
    share: 0.126 * i,
    samples: 1,
    goroutines: 1,
  });
  const traced = {
    binary: '/bin/x',
    goVersion: 'go1.19',
    pids: [1],
    traceMs: 20_500,
    memProfileRate: 524288,
    samples: 10,
    bytesPerSec: 64 * KiB,
    countPerSec: 1,
    paths: [1, 2, 3, 4, 5, 6].map(path),
  };
  const ebpf = {
    mode: 'sampled' as const,
    cost: 'cheap',
    sampleRate: 1,
    stackDepth: 8,
    tracer: 'bpftrace',
    baseline: null,
    gray: traced,
    costs: { baseline: null, gray: null },
  };
  const text = renderSummary(report({ ebpf }));
  const l = lines(text);
  const at = l.indexOf('<details><summary>Top allocation paths (eBPF, sampled mode)</summary>');
  assert.ok(at > 0, text);
  assert.deepEqual(l.slice(at + 1, at + 11), [
    '',
    '**gray**: 3.8 MiB/min over 20.5 s',
    '',
    '| # | function | rate | share | where |',
    '|---|---|---|---|---|',
    `| 1 | <code>${md('pkg/alloc1')}</code> | 60.0 KiB/min | 13% |  |`,
    `| 2 | <code>${md('pkg/alloc2')}</code> | 120.0 KiB/min | 25% | ${md('app/a2.go:1')} |`,
    `| 3 | <code>${md('pkg/alloc3')}</code> | 180.0 KiB/min | 38% | ${md('app/a3.go:1')} |`,
    `| 4 | <code>${md('pkg/alloc4')}</code> | 240.0 KiB/min | 50% | ${md('app/a4.go:1')} |`,
    `| 5 | <code>${md('pkg/alloc5')}</code> | 300.0 KiB/min | 63% | ${md('app/a5.go:1')} |`,
  ]);
  assert.deepEqual(l.slice(at + 11, at + 13), ['', '</details>']);
  assert.ok(!text.includes('**baseline**:'), 'an untraced side is left out');
  const both = renderSummary(report({ ebpf: { ...ebpf, baseline: { ...traced, paths: [] } } }));
  assert.ok(both.indexOf('**gray**:') < both.indexOf('**baseline**:'), 'gray first, then baseline');
  assert.ok(
    !renderSummary(report({ ebpf: { ...ebpf, gray: null } })).includes('Top allocation paths'),
    'no traced side: no section',
  );
});

test('the run link is only a plain http(s) URL', () => {
  for (const bad of [
    'javascript:alert(1)',
    'https://x.example/a b',
    'https://x.example/(x)',
    'ftp://x.example',
    'https://x.example/"',
    '',
  ]) {
    const text = renderSummary(report(), { runUrl: bad });
    assert.ok(!text.includes('[workflow run]'), bad);
  }
  assert.ok(
    renderSummary(report(), { runUrl: 'http://ghe.example/o/r/actions/runs/1' }).includes(
      '[workflow run](http://ghe.example/o/r/actions/runs/1)',
    ),
  );
});

test('the comment: condensed into the budget by leaving out whole sections, least important first, with a note', () => {
  const many = Array.from({ length: 5 }, (_, i) =>
    suspect(i + 1, { stack: Array.from({ length: 12 }, (_, j) => `frame${j} ${'y'.repeat(250)}`) }),
  );
  const full = renderComment(report({ suspects: many }), { runUrl: 'https://github.com/o/r/actions/runs/1' });
  assert.ok(!full.includes('Cut to fit'), 'the default budget holds it all');
  assert.equal(COMMENT_BUDGET, 65_000);
  assert.equal(SUMMARY_BUDGET, 1_000_000);
  const small = renderComment(report({ suspects: many }), { runUrl: 'https://github.com/o/r/actions/runs/1' }, 3000);
  assert.ok(small.length <= 3000, String(small.length));
  assert.ok(small.startsWith('## memgate: ⛔ BLOCKED'));
  assert.ok(small.includes('| P95 memory |'), 'the table stays');
  assert.ok(!small.includes('**Suspects**'));
  assert.ok(
    small.endsWith(
      "\n> [!NOTE]\n> Cut to fit GitHub's size limit: suspects. report.json and report.html in the run's artifact have everything: [workflow run](https://github.com/o/r/actions/runs/1).\n",
    ),
    small.slice(-300),
  );
  assert.ok(small.includes('<sub>baseline:'), 'a later section that fits is kept');
  const tiny = renderComment(report({ suspects: many }), {}, 700);
  assert.ok(tiny.length <= 700, String(tiny.length));
  assert.match(
    tiny,
    /\n> \[!NOTE\]\n> Cut to fit GitHub's size limit: (table, )?.*suspects.*\. report\.json and report\.html in the run's artifact have everything\.\n$/,
  );
  // the order of sections: the comment puts patterns before the chart, the summary the chart first
  const withChart = report({
    timeline: [
      { t: 0, baseline: MiB, gray: MiB },
      { t: 1000, baseline: MiB, gray: 2 * MiB },
    ],
  });
  const comment = renderComment(withChart);
  const summary = renderSummary(withChart);
  assert.ok(comment.indexOf('**Looks like**') < comment.indexOf('```mermaid'));
  assert.ok(summary.indexOf('```mermaid') < summary.indexOf('**Looks like**'));
  assert.ok(
    !renderSummary(report({ timeline: [{ t: 0, baseline: 1, gray: 1 }] })).includes('```mermaid'),
    'one point draws no chart',
  );
});

test('report.html: banner, commands, settings, tables, sections, footer', () => {
  const html = renderHtml(report({ suspects: [suspect(1), suspect(2), suspect(3), suspect(4)] }));
  assert.ok(html.startsWith('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'));
  assert.ok(
    html.includes(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    ),
  );
  assert.ok(html.includes('<title>memgate: BLOCKED</title>'));
  assert.ok(
    html.includes(
      '<h1><span class="verdict" style="background:#cf222e">BLOCKED</span> <span class="grade">P1</span> memgate memory report</h1>',
    ),
  );
  assert.ok(
    html.includes(
      `<p class="cmd">baseline: <code>${h('./base -addr {port}')}</code><br>gray: <code>${h('./gray -addr {port}')}</code><br>driver v1 · warm-up 5s · window 60s</p>`,
    ),
  );
  assert.ok(html.includes('<figcaption>Memory of both sides on one clock (shaded: warm-up, not judged).</figcaption>'));
  assert.ok(
    html.includes(
      '<table><thead><tr><th></th><th>baseline</th><th>gray</th></tr></thead><tbody><tr><td>P95</td><td>20.0 MiB</td><td>25.0 MiB (+25.0%)</td></tr><tr><td>peak</td><td>24.0 MiB</td><td>30.0 MiB</td></tr>',
    ),
  );
  assert.ok(
    html.includes(
      '<tr><td>OOM kills</td><td>0</td><td>1</td></tr><tr><td>samples</td><td>240</td><td>239</td></tr></tbody></table>',
    ),
  );
  assert.ok(
    html.includes(
      '<h2>Rules</h2><table><thead><tr><th>rule</th><th>measured</th><th>limit</th><th>result</th></tr></thead><tbody><tr><td>p95-increase</td><td>+25.0% (+5.0 MiB)</td><td>+12.0% (2.4 MiB)</td><td><b>❌ block: clearly above the limit: at least +20.0% (+4.0 MiB)</b></td></tr><tr><td>slope-increase</td><td>540.0 KiB/min</td><td>1.0 MiB/min</td><td><b>❌ block: clearly above the limit: at least 420.0 KiB/min</b></td></tr><tr><td>gray-oom-kill</td><td>1</td><td>0</td><td><b>❌ block</b></td></tr></tbody></table>',
    ),
  );
  assert.ok(
    html.includes(
      `<h2>Why</h2><ul><li><b>block</b> (slope-increase): ${h('gray grows 540 KiB/min faster')}</li><li><b>warn</b> (p95-increase): ${h('a higher P95')}</li></ul>`,
    ),
  );
  assert.ok(
    html.includes(
      '<h2>Leak patterns</h2><ul><li><b>unbounded-map</b> (80% sure): A map grows<br><i>Fix:</i> Bound it</li></ul>',
    ),
  );
  assert.ok(
    html.includes(
      `<h2>Suspects</h2><details open><summary>1. <code>pkg/leak1</code> ${h('+4.0 MiB retained (50% of the heap growth)')} · pprof · app/leak1.go:12</summary><pre>pkg/leak1 app/leak1.go:12\nmain/handle app/main.go:3</pre></details>`,
    ),
  );
  assert.equal(html.match(/<details open>/g)?.length, 3, 'the top three open');
  assert.ok(html.includes('<details><summary>4. '));
  assert.ok(html.includes('<h2>Warnings</h2><ul><li>no eBPF here</li><li>pprof failed once</li></ul>'));
  assert.ok(
    html.endsWith(`<p class="cmd">memgate ${h(judged.memgateVersion)} · ${h(judged.schema)}</p>\n</body></html>\n`),
  );
  assert.ok(
    html.includes(
      'body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:980px;color:#1f2328;padding:0 16px}',
    ),
  );
});

test('report.html: the other banners, n/a figures, passing and undecided rules, eBPF paths of both sides', () => {
  const colors = {
    pass: ['PASS', '#1a7f37'],
    warn: ['WARN', '#9a6700'],
    inconclusive: ['INCONCLUSIVE', '#6e7781'],
  } as const;
  for (const [verdict, [text, color]] of Object.entries(colors)) {
    const html = renderHtml(report({ verdict: verdict as Report['verdict'], grade: null }));
    assert.ok(
      html.includes(`<h1><span class="verdict" style="background:${color}">${text}</span> memgate memory report</h1>`),
      verdict,
    );
    assert.ok(html.includes(`<title>memgate: ${text}</title>`));
  }
  const r = report({
    comparisons: [
      {
        rule: 'p95-increase',
        unit: 'ratio',
        measured: null,
        limit: 0.12,
        passed: null,
        decision: null,
        low: null,
        high: null,
        detectable: null,
        detail: '',
      },
      {
        rule: 'gray-oom-kill',
        unit: 'count',
        measured: 0,
        limit: 0,
        passed: true,
        decision: 'pass',
        low: null,
        high: null,
        detectable: null,
        detail: '',
      },
    ],
    baseline: side({ p95Bytes: null, oomKills: null }),
    p95Increase: null,
    reasons: [],
    patterns: [],
    suspects: [],
    warnings: [],
  });
  const html = renderHtml(r);
  assert.ok(html.includes('<tr><td>P95</td><td>n/a</td><td>25.0 MiB (n/a)</td></tr>'));
  assert.ok(
    html.includes(
      '<tr><td>p95-increase</td><td>n/a</td><td>+12.0%</td><td>n/a</td></tr><tr><td>gray-oom-kill</td><td>0</td><td>0</td><td>✅ pass</td></tr>',
    ),
  );
  assert.ok(html.includes('<tr><td>OOM kills</td><td>n/a</td><td>1</td></tr>'));
  for (const section of [
    '<h2>Why</h2>',
    '<h2>Leak patterns</h2>',
    '<h2>Suspects</h2>',
    '<h2>Warnings</h2>',
    'allocation paths',
  ])
    assert.ok(!html.includes(section), section);
  const path = (i: number) => ({
    function: `pkg/alloc${i}`,
    caller: null,
    location: i === 1 ? null : `app/a${i}.go:1`,
    stack: [],
    bytes: 0,
    count: 0,
    bytesPerSec: 1024 * i,
    countPerSec: 0,
    share: 0.1 * i,
    samples: 1,
    goroutines: 1,
  });
  const traced = {
    binary: '/bin/x',
    goVersion: 'go1.19',
    pids: [1],
    traceMs: 1000,
    memProfileRate: 524288,
    samples: 10,
    bytesPerSec: 1,
    countPerSec: 1,
    paths: Array.from({ length: 12 }, (_, i) => path(i + 1)),
  };
  const withPaths = renderHtml(
    report({
      ebpf: {
        mode: 'every',
        cost: '',
        sampleRate: 1,
        stackDepth: 8,
        tracer: '',
        baseline: { ...traced, paths: [] },
        gray: traced,
        costs: { baseline: null, gray: null },
      },
    }),
  );
  assert.ok(
    withPaths.includes(
      '<h2>Top allocation paths of gray (eBPF)</h2><table><thead><tr><th>#</th><th>function</th><th>rate</th><th>share</th><th>where</th></tr></thead><tbody><tr><td>1</td><td><code>pkg/alloc1</code></td><td>60.0 KiB/min</td><td>10%</td><td></td></tr><tr><td>2</td>',
    ),
  );
  assert.equal(withPaths.match(/<code>pkg\/alloc/g)?.length, 10, 'the top ten');
  assert.ok(!withPaths.includes('Top allocation paths of baseline'), 'a side without paths is left out');
});

test('format: bytes or n/a, a slope with its interval', () => {
  assert.equal(bytesOrNa(null), 'n/a');
  assert.equal(bytesOrNa(1536), '1.5 KiB');
  assert.equal(slopeWithInterval(side({ slopeBytesPerSec: null }), 0.95), 'n/a');
  assert.equal(
    slopeWithInterval(side({ slopeBytesPerSec: 1024, slopeInterval: { low: -512, high: 2048 } }), 0.95),
    '60.0 KiB/min (95% CI -30.0 KiB/min .. 120.0 KiB/min)',
  );
});

test('the budget is used to the character: room is kept for the note, and a section that fits exactly stays', () => {
  const r = report();
  const full = renderComment(r, {}, 1_000_000);
  // What fit() keeps in reserve: the note as it would read if every section were cut.
  const names = [
    'verdict',
    'table',
    'reasons',
    'patterns',
    'chart',
    'suspects',
    'allocation paths',
    'warnings',
    'footer',
  ];
  const reserve =
    `\n> [!NOTE]\n> Cut to fit GitHub's size limit: ${names.join(', ')}. report.json and report.html in the run's artifact have everything.\n`
      .length;
  const exact = full.length + 1 + reserve;
  assert.equal(renderComment(r, {}, exact), full, 'everything fits exactly');
  assert.match(
    renderComment(r, {}, exact - 1),
    /Cut to fit GitHub's size limit: footer\./,
    'one character less: the last section goes',
  );
});

test('format: one row per process of each side with replicas, none with one process a side', () => {
  const inst = (over: Partial<SideReport['instances'][number]>): SideReport['instances'][number] => ({
    samples: 10,
    p95Bytes: 20 * MiB,
    lastFloorBytes: 18 * MiB,
    slopeBytesPerSec: 1024,
    inuseGrowthBytesPerSec: null,
    anonSlopeBytesPerSec: null,
    fileSlopeBytesPerSec: null,
    oomKills: 0,
    exited: false,
    ...over,
  });
  assert.deepEqual(INSTANCE_HEAD, ['process', 'P95', 'floor slope', 'retained heap growth', 'floor at end', '']);
  assert.deepEqual(
    instanceRows(report({ baseline: side({ instances: [inst({})] }), gray: side({ instances: [inst({})] }) })),
    [],
  );
  const rows = instanceRows(
    report({
      baseline: side({
        instances: [inst({}), inst({ p95Bytes: null, slopeBytesPerSec: null, lastFloorBytes: null, exited: true })],
      }),
      gray: side({ instances: [inst({ inuseGrowthBytesPerSec: 2048, oomKills: 2 })] }),
    }),
  );
  assert.deepEqual(rows, [
    ['baseline #1', '20.0 MiB', '60.0 KiB/min', 'n/a', '18.0 MiB', ''],
    ['baseline #2', 'n/a', 'n/a', 'n/a', 'n/a', 'exited'],
    ['gray #1', '20.0 MiB', '60.0 KiB/min', '120.0 KiB/min', '18.0 MiB', '2 OOM'],
  ]);
  assert.equal(
    instanceRows(report({ baseline: side({ instances: [inst({})] }), gray: side({ instances: [inst({}), inst({})] }) }))
      .length,
    3,
    'either side with two processes shows them all',
  );
});

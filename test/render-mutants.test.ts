// The Markdown summary and comment (src/report/markdown.ts) and report.html (src/report/html.ts): what the
// mutation run (npm run mutate) found unpinned. Sections end with a line end and are set apart by one blank
// line; an empty section leaves nothing; the per-process rows (replicas) in both; a run link must start with
// http(s); "www." is kept from autolinking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJudgeSettings } from '../src/config/plan.ts';
import { judgeBundle } from '../src/gate/judge-bundle.ts';
import { escapeMarkdown, renderComment, renderSummary } from '../src/report/markdown.ts';
import { renderHtml } from '../src/report/html.ts';
import type { Report, SideReport } from '../src/report/report-json.ts';
import type { Suspect } from '../src/analyze/evidence-types.ts';
import { makeBundle } from './helpers/bundles.ts';

const MiB = 1024 * 1024;
const judged = judgeBundle(makeBundle({}), parseJudgeSettings({ warmup: '5s' }));

const side = (over: Partial<SideReport>): SideReport => ({
  ...judged.baseline,
  slopeBytesPerSec: null,
  oomKills: 0,
  samples: 10,
  instances: [],
  ...over,
});
const instance = (p95Bytes: number): SideReport['instances'][number] => ({
  samples: 10,
  p95Bytes,
  lastFloorBytes: 18 * MiB,
  slopeBytesPerSec: 1024,
  inuseGrowthBytesPerSec: null,
  anonSlopeBytesPerSec: null,
  fileSlopeBytesPerSec: null,
  oomKills: 0,
  exited: false,
});
const suspect = (fn: string, location: string | null, frames: number): Suspect => ({
  function: fn,
  source: 'pprof',
  kind: 'growth',
  bytes: 4 * MiB,
  objects: 100,
  count: null,
  share: 0.5,
  gray: 4 * MiB,
  baseline: 0,
  location,
  stack: Array.from({ length: frames }, (_, i) => `f${i} a.go:${i}`),
  caller: null,
  createdBy: null,
  state: null,
  waitMinutes: null,
  pattern: null,
});

/** Nothing optional: no rule compared, no reasons, patterns, suspects, warnings, eBPF; one timeline point. */
function bare(over: Partial<Report> = {}): Report {
  return {
    ...judged,
    verdict: 'pass',
    grade: null,
    exitCode: 0,
    settings: { ...judged.settings, driver: 'v1' },
    baseline: side({ command: './base', p95Bytes: 20 * MiB, peakBytes: 24 * MiB }),
    gray: side({ command: './gray', p95Bytes: 20 * MiB, peakBytes: null }),
    replicas: 1,
    p95Increase: 0,
    slopeDifference: null,
    comparisons: [],
    sensitivity: { ...judged.sensitivity, statement: 'rules out nothing yet' },
    watch: null,
    projection: null,
    reasons: [],
    patterns: [],
    suspects: [],
    warnings: [],
    timeline: [{ t: 0, baseline: MiB, gray: MiB }],
    ebpf: null,
    ...over,
  };
}

/** Every section, two processes a side. */
function full(over: Partial<Report> = {}): Report {
  return bare({
    verdict: 'fail',
    grade: 'P1',
    replicas: 2,
    baseline: side({
      command: './base',
      p95Bytes: 20 * MiB,
      peakBytes: 24 * MiB,
      instances: [instance(20 * MiB), instance(21 * MiB)],
    }),
    gray: side({
      command: './gray',
      p95Bytes: 20 * MiB,
      peakBytes: 24 * MiB,
      instances: [instance(30 * MiB), instance(31 * MiB)],
    }),
    comparisons: [
      {
        rule: 'p95-increase',
        unit: 'ratio',
        measured: 0.5,
        limit: 0.12,
        passed: false,
        decision: 'block',
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
    reasons: [{ rule: 'p95-increase', outcome: 'block', message: 'higher', measured: 0.5, limit: 0.12 }],
    patterns: [
      { id: 'unbounded-map', confidence: 0.8, message: 'A map grows', hint: 'Bound it', functions: ['main.add'] },
      { id: 'buffer-growth', confidence: 0.6, message: 'Buffers', hint: 'Reset', functions: ['main.b'] },
    ],
    suspects: [suspect('main.add', 'app/a.go:1', 12), suspect('main.b', null, 1)],
    ebpf: {
      mode: 'sampled',
      cost: 'cheap',
      sampleRate: 1,
      stackDepth: 8,
      tracer: 'bpftrace',
      baseline: null,
      gray: {
        binary: '/bin/x',
        goVersion: 'go1.22',
        pids: [1],
        traceMs: 5000,
        memProfileRate: 524288,
        samples: 10,
        bytesPerSec: 1024,
        countPerSec: 1,
        paths: [
          {
            function: 'main.add',
            caller: null,
            location: 'a.go:1',
            stack: [],
            bytes: 0,
            count: 0,
            bytesPerSec: 1024,
            countPerSec: 0,
            share: 1,
            samples: 1,
            goroutines: 1,
          },
        ],
      },
      costs: { baseline: null, gray: null },
    },
    warnings: ['w1'],
    timeline: [],
    ...over,
  });
}

const BARE_SUMMARY = `## memgate: ✅ PASS

**What this verdict rules out:** rules out nothing yet

| | baseline | gray | change | limit | result |
|---|---|---|---|---|---|
| P95 memory | 20.0 MiB | 20.0 MiB | +0.0% | ≤ +12.0% | n/a |
| floor slope | n/a | n/a | n/a | ≤ n/a | n/a |
| OOM kills | 0 | 0 | | 0 | n/a |
| peak memory | 24.0 MiB | n/a | n/a | | |
| samples | 10 | 10 | | | |

<sub>baseline: <code>&#46;/base</code> · gray: <code>&#46;/gray</code> · driver v1</sub>
`;

test('a report with nothing optional: the banner, the table and the footer, nothing else (no chart of one point)', () => {
  assert.equal(renderSummary(bare()), BARE_SUMMARY);
  assert.equal(renderComment(bare()), BARE_SUMMARY);
});

/** The note fit() keeps room for: it names every section, empty ones included. */
const NOTE =
  "\n> [!NOTE]\n> Cut to fit GitHub's size limit: verdict, table, reasons, patterns, chart, suspects, allocation paths, warnings, footer. report.json and report.html in the run's artifact have everything.\n";

test('the comment budget: room for a note naming every section; to the character, whatever sections are empty', () => {
  for (const report of [bare(), full()]) {
    const whole = renderComment(report);
    const exact = whole.length + 1 + NOTE.length;
    assert.equal(renderComment(report, {}, exact), whole, 'everything fits');
    const cut = renderComment(report, {}, exact - 1);
    assert.ok(
      cut.endsWith(
        "Cut to fit GitHub's size limit: footer. report.json and report.html in the run's artifact have everything.\n",
      ),
      cut,
    );
  }
});

test('peak change: equal peaks are +0 B; a missing gray peak is n/a', () => {
  const equal = renderSummary(bare({ gray: side({ command: './gray', p95Bytes: 20 * MiB, peakBytes: 24 * MiB }) }));
  assert.ok(equal.includes('| peak memory | 24.0 MiB | 24.0 MiB | +0 B | | |'), equal);
});

test('every section ends its last line and is set apart by one blank line', () => {
  const text = renderSummary(full());
  for (const seam of [
    '| samples | 10 | 10 | | | |\n\n<details><summary>Per process (2 a side: the judge compares them across sides)</summary>\n\n| process | P95 | floor slope | retained heap growth | floor at end |  |\n|---|---|---|---|---|---|\n| baseline #1 | 20.0 MiB | 60.0 KiB/min | n/a | 18.0 MiB |  |\n',
    '| gray #2 | 31.0 MiB | 60.0 KiB/min | n/a | 18.0 MiB |  |\n\n</details>\n\n**Why**\n',
    '- **block** (p95-increase): higher\n\n**Looks like**\n',
    '*Fix:* Reset\n\n**Suspects**',
    // 12 frames are all shown, with no "0 more frames" line
    'f11 a&#46;go&#58;11</pre>\n</details>\n',
    '<summary>stack of #2 <code>main&#46;b</code></summary>\n\n<pre>f0 a&#46;go&#58;0</pre>\n</details>\n\n<details><summary>Top allocation paths',
    'f11 a&#46;go&#58;11</pre>\n</details>\n\n<details><summary>stack of #2',
    '| pprof |\n\n<details><summary>stack of #1',
    '| 1 | <code>main&#46;add</code> | 60.0 KiB/min | 100% | a&#46;go&#58;1 |\n\n</details>\n\n<details><summary>What this run',
    '<li>w1</li></ul></details>\n\n<sub>baseline',
  ])
    assert.ok(text.includes(seam), `${JSON.stringify(seam)} in\n${text}`);
  assert.ok(text.endsWith('driver v1</sub>\n'));
  const charted = renderSummary(
    full({
      timeline: [
        { t: 0, baseline: MiB, gray: MiB },
        { t: 1000, baseline: MiB, gray: 2 * MiB },
      ],
    }),
  );
  assert.match(charted, /\n```\n\n\*\*Looks like\*\*\n/, 'the chart ends with its line end, then a blank line');
});

test('report.html: per-process rows with replicas, none without; the floor slope row; n/a for a rule not measured', () => {
  const html = renderHtml(full());
  assert.ok(
    html.includes(
      '</table>\n<h2>Per process (2 a side)</h2><table><thead><tr><th>process</th><th>P95</th><th>floor slope</th><th>retained heap growth</th><th>floor at end</th><th></th></tr></thead><tbody><tr><td>baseline #1</td><td>20.0 MiB</td><td>60.0 KiB/min</td><td>n/a</td><td>18.0 MiB</td><td></td></tr><tr><td>baseline #2</td><td>21.0 MiB</td>',
    ),
    html,
  );
  assert.ok(html.includes('<tr><td>floor slope</td><td>n/a</td><td>n/a</td></tr>'));
  assert.ok(html.includes('<tr><td>gray-oom-kill</td><td>n/a</td><td>0</td><td>n/a</td></tr>'));
  const unknownOom = renderHtml(
    bare({ baseline: side({ command: './base', oomKills: null }), gray: side({ command: './gray', oomKills: null }) }),
  );
  assert.ok(unknownOom.includes('<tr><td>OOM kills</td><td>n/a</td><td>n/a</td></tr>'), 'sides without an OOM count');
  assert.ok(!renderHtml(bare()).includes('Per process'));
  assert.match(renderHtml(bare()), /<body>\n<h1><span class="verdict"/, 'the first section right after <body>');
});

test('report.html: list items and suspects follow each other with nothing between; a suspect without a place names none', () => {
  const html = renderHtml(full());
  assert.ok(html.includes('<i>Fix:</i> Bound it</li><li><b>buffer-growth</b>'));
  assert.ok(
    html.includes(
      'f11 a.go:11</pre></details><details open><summary>2. <code>main.b</code> +4.0 MiB retained (50% of the heap growth) · pprof</summary>',
    ),
    html,
  );
  assert.match(html, /<\/p>\n<figure>/, 'sections are joined by line ends');
});

test('escaping: "www." gets a zero-width space so GitHub does not autolink it, in any case', () => {
  assert.equal(escapeMarkdown('see www.evil.example'), 'see www&#46;\u200bevil&#46;example');
  assert.equal(escapeMarkdown('WWW.x'), 'WWW&#46;\u200bx');
});

test('the run link must start with http(s)://, not merely contain it', () => {
  for (const bad of ['ftp://x.example/https://y.example/run', 'xhttps://y.example/run'])
    assert.ok(!renderSummary(bare(), { runUrl: bad }).includes('[workflow run]'), bad);
});

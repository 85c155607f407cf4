import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJudgeSettings } from '../src/config/plan.ts';
import { judgeBundle } from '../src/gate/judge-bundle.ts';
import { renderComment, renderSummary, escapeMarkdown } from '../src/report/markdown.ts';
import { escapeHtml, renderHtml } from '../src/report/html.ts';
import { mermaidChart, downsample } from '../src/report/chart.ts';
import type { Report } from '../src/report/report-json.ts';
import type { Suspect } from '../src/analyze/evidence-types.ts';
import { makeBundle, MiB } from './helpers/bundles.ts';

const HOSTILE = [
  '`',
  '```',
  '<script>alert(1)</script>',
  '<!--',
  '@org/team',
  '](javascript:alert(1))',
  '<img src=x onerror=alert(1)>',
  '|',
  '\n\n# heading',
];
const hostile = HOSTILE.join(' ');

function hostileReport(suspectCount = 3): Report {
  const bundle = makeBundle({ gray: { slope: (4 * MiB) / 60 } });
  bundle.meta.sides.gray.command = `./gray ${hostile}`;
  const report = judgeBundle(bundle, parseJudgeSettings({ warmup: '5s' }));
  const suspect: Suspect = {
    function: `main.(*x).${hostile}`,
    source: 'pprof',
    kind: 'growth',
    bytes: 5 * MiB,
    objects: 10,
    count: null,
    share: 0.9,
    gray: 5 * MiB,
    baseline: 0,
    location: `/src/${hostile}.go:12`,
    stack: [`main.f ${hostile}`, 'main.main /src/main.go:3'],
    caller: null,
    createdBy: hostile,
    state: null,
    waitMinutes: null,
    pattern: 'unbounded-map',
  };
  report.suspects = Array.from({ length: suspectCount }, (_, i) => ({
    ...suspect,
    function: `${suspect.function}${i}`,
  }));
  report.patterns = [
    { id: 'unbounded-map', confidence: 0.8, message: `grew at ${hostile}`, hint: `prune ${hostile}`, functions: [] },
  ];
  report.warnings.push(`pprof: ${hostile}`);
  return report;
}

/** Every hostile string must arrive inert: no live tag, comment, fence, mention, link or heading. */
function assertInert(text: string) {
  assert.ok(!text.includes('<script'), 'no script tag');
  assert.ok(!text.includes('<img'), 'no img tag');
  assert.ok(!/<!--(?! memgate)/.test(text), 'no HTML comment');
  assert.ok(!text.includes('@org'), 'no mention');
  // GitHub decodes entities before it looks for mentions: the decoded @ must not touch the name.
  assert.ok(!/&#64;[A-Za-z]/.test(text) && text.includes('&#64;\u200borg'), 'no mention once entities are decoded');
  assert.ok(!text.includes('](javascript'), 'no link');
  assert.ok(!/\n# heading/.test(text), 'no heading injected');
  const fences = text.split('\n').filter((l) => l.startsWith('```'));
  assert.deepEqual(fences, fences.length ? ['```mermaid', '```'] : [], 'only our own chart fence');
}

test('hostile strings from workloads and PRs arrive inert in the summary, the comment and the HTML', () => {
  const report = hostileReport();
  assertInert(renderSummary(report, { runUrl: 'https://github.com/o/r/actions/runs/1' }));
  assertInert(renderComment(report));
  const html = renderHtml(report);
  assert.ok(!html.includes('<script') && !html.includes('<img') && !html.includes('<!--'));
  assert.match(html, /&#60;script&#62;alert\(1\)&#60;\/script&#62;/);
  assert.equal(escapeHtml('<a href="x">'), '&#60;a href=&#34;x&#34;&#62;');
  assert.equal(escapeMarkdown('a|b'), 'a&#124;b');
});

test('table rows keep their cells whatever the text holds', () => {
  const md = renderSummary(hostileReport());
  for (const row of md.split('\n').filter((l) => l.startsWith('| 1 |') || l.startsWith('| P95'))) {
    assert.ok([6, 7, 8].includes(row.split('|').length), row);
  }
});

test('the summary shows the verdict, both sides with limits and results, the chart and the evidence', () => {
  const report = hostileReport();
  const md = renderSummary(report);
  assert.match(md, /^## memgate: ⛔ BLOCKED · grade P[0-3]/);
  // Each rule's cell says what it decided, with its bound; ✅ only on a pass.
  const p95 = report.comparisons.find((c) => c.rule === 'p95-increase')!;
  const p95Cell = {
    pass: '✅ pass: rules out above',
    block: '❌ block: clearly above the limit: at least',
    undecided: '❔ undecided: between',
  }[p95.decision!];
  assert.match(
    md,
    new RegExp(
      `\\| P95 memory \\| [\\d.]+ MiB \\| [\\d.]+ MiB \\| [+-][\\d.]+% \\([+-][\\d.]+ MiB\\) \\| ≤ \\+12\\.0% \\([\\d.]+ MiB\\) \\| ${p95Cell} [^|]+ \\|`,
    ),
  );
  assert.match(
    md,
    /\| floor slope \| .*99% CI.* \| ≤ [\d.]+ (KiB|MiB)\/min \| ❌ block: clearly above the limit: at least [\d.]+ (KiB|MiB)\/min \|/,
  );
  assert.match(md, /\| OOM kills \| 0 \| 0 \| \| 0 \| ✅ pass \|/);
  assert.match(md, /```mermaid\nxychart-beta\n/);
  assert.match(md, /<details><summary>stack of #1/);
  assert.match(md, /\*\*unbounded-map\*\* \(80% sure\)/);
  assert.match(md, /What this run could not see or skipped/);
});

test('the Mermaid chart is well formed: one x-axis, one y-axis, two lines of equal length, numbers only', () => {
  const bundle = makeBundle({ durationMs: 60_000, gray: { slope: (4 * MiB) / 60 } });
  const chart = mermaidChart(bundle.samples, 5000, 50);
  const lines = chart.split('\n');
  assert.equal(lines[0], '```mermaid');
  assert.equal(lines[1], 'xychart-beta');
  assert.equal(lines[lines.length - 1], '```');
  assert.match(lines[2], /^ {4}title "[^"]+"$/);
  assert.match(lines[3], /^ {4}x-axis "seconds since ready" [\d.]+ --> [\d.]+$/);
  const y = /^ {4}y-axis "MiB" 0 --> (\d+)$/.exec(lines[4]);
  assert.ok(y);
  const series = lines
    .filter((l) => l.startsWith('    line '))
    .map((l) => JSON.parse(l.slice('    line '.length)) as number[]);
  assert.equal(series.length, 2);
  assert.equal(series[0].length, 50);
  assert.equal(series[1].length, 50);
  const top = Number(y[1]);
  for (const s of series) assert.ok(s.every((v) => Number.isFinite(v) && v >= 0 && v <= top));
  // Gray leaks: its last bucket is above its first; baseline's is not far off its first.
  assert.ok(series[1][49] - series[1][0] > 2);
});

test('downsampling keeps the peaks and one clock for both sides', () => {
  const samples = Array.from({ length: 1000 }, (_, i) => ({
    t: i * 100,
    baseline: i === 500 ? 999 * MiB : MiB,
    gray: 2 * MiB,
  }));
  const ds = downsample(samples, 100);
  assert.equal(ds.seconds.length, 100);
  assert.ok(ds.baseline.includes(999), 'the single peak survives');
  assert.ok(ds.gray.every((v) => v === 2));
});

test('a comment stays under the cap, says what it cut and links the run', () => {
  const report = hostileReport(5);
  for (const s of report.suspects) s.stack = Array.from({ length: 12 }, (_, i) => `main.frame${i} ${'x'.repeat(290)}`);
  report.warnings.push(...Array.from({ length: 400 }, (_, i) => `warning ${i} ${'y'.repeat(200)}`));
  const full = renderComment(report, { runUrl: 'https://github.com/o/r/actions/runs/9' }, 1_000_000);
  assert.ok(full.length > 65_536, `the uncapped comment is ${full.length} characters`);
  const capped = renderComment(report, { runUrl: 'https://github.com/o/r/actions/runs/9' });
  assert.ok(capped.length <= 65_000, String(capped.length));
  assert.match(capped, /Cut to fit GitHub's size limit: warnings/);
  assert.match(capped, /\[workflow run\]\(https:\/\/github\.com\/o\/r\/actions\/runs\/9\)/);
  assert.match(capped, /## memgate: ⛔ BLOCKED/, 'the verdict always stays');
  const tiny = renderComment(report, {}, 3000);
  assert.ok(tiny.length <= 3000 && /suspects/.test(tiny));
});

test('a run link that is not a plain URL is left out', () => {
  const md = renderSummary(hostileReport(), { runUrl: 'javascript:alert(1)' });
  assert.ok(!md.includes('javascript:alert'));
});

test('eBPF allocation paths get their own collapsed section, escaped, in the summary, the comment and the HTML', () => {
  const report = hostileReport();
  const path = {
    function: `main.${hostile}`,
    caller: null,
    location: 'service/a.go:3',
    stack: [],
    bytes: 1,
    count: 1,
    bytesPerSec: 2 * MiB,
    countPerSec: 1,
    share: 0.75,
    samples: 9,
    goroutines: 1,
  };
  const side = {
    binary: '/bin/x',
    goVersion: 'go1.19',
    pids: [1],
    traceMs: 10_000,
    memProfileRate: 524288,
    samples: 9,
    bytesPerSec: 2.5 * MiB,
    countPerSec: 1,
    paths: [path],
  };
  report.ebpf = {
    mode: 'sampled',
    cost: 'cheap',
    sampleRate: 1,
    stackDepth: 8,
    tracer: 'bpftrace v0.17.0',
    baseline: { ...side, paths: [] },
    gray: side,
    costs: { baseline: null, gray: null },
  };
  for (const md of [renderSummary(report), renderComment(report)]) {
    assertInert(md);
    assert.match(md, /<details><summary>Top allocation paths \(eBPF, sampled mode\)<\/summary>/);
    assert.match(md, /\| 1 \| <code>main&#46;.*<\/code> \| 120\.0 MiB\/min \| 75% \| service\/a&#46;go&#58;3 \|/);
  }
  const html = renderHtml(report);
  assert.match(html, /Top allocation paths of gray \(eBPF\)/);
  assert.ok(!html.includes('<script'));
  delete (report as { ebpf?: unknown }).ebpf;
  report.ebpf = null;
  assert.doesNotMatch(renderSummary(report), /Top allocation paths/);
});

test('the fuse table in the job summary keeps reasons inert too', async () => {
  const { renderFuseMarkdown } = await import('../src/fuse/gate-fuse.ts');
  const md = renderFuseMarkdown({
    recorded: 'blocked',
    cell: 'arch=arm64',
    scope: 's',
    store: 'dir',
    reason: null,
    fused: true,
    tripped: [
      { target: 'cell arch=arm64', reason: `gray exited; last output: ${hostile}`, cells: [`arch=arm64 ${hostile}`] },
    ],
  } as never);
  assertInert(md);
  const row = md.split('\n').find((l) => l.startsWith('| <code>cell'))!;
  assert.equal(row.split('|').length, 5, row);
});

// Each rule's three-way decision as the console, the job summary/PR comment and report.html say it:
// a ✅ only where the rule passed (with what the pass rules out), a ❌ with how far over the limit a
// blocked rule is at least, a ❔ where it is undecided; never a ✅ beside a figure over its limit.
// Next to the verdict: what it rules out (the judge's sensitivity statement, which can name the
// workload's functions: escaped like any workload text) and, for a watched run, its looks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJudgeSettings } from '../src/config/plan.ts';
import { judgeBundle } from '../src/gate/judge-bundle.ts';
import { renderConsole } from '../src/report/console.ts';
import { escapeMarkdown, renderComment, renderSummary } from '../src/report/markdown.ts';
import { escapeHtml, renderHtml } from '../src/report/html.ts';
import { startsRunnerCommand } from '../src/report/escape-commands.ts';
import { ruleOutcome, watchLine } from '../src/report/format.ts';
import type { Comparison } from '../src/judge/verdict-types.ts';
import type { Report } from '../src/report/report-json.ts';
import type { WatchRecord } from '../src/model/watch.ts';
import { makeBundle, MiB } from './helpers/bundles.ts';

const KiB = 1024;
const settings = parseJudgeSettings({ warmup: '5s' });
const leak = judgeBundle(makeBundle({ gray: { slope: (4 * MiB) / 60 } }), settings);
const healthy = judgeBundle(makeBundle({ durationMs: 300_000 }), settings);

const HOSTILE = 'main.(*T).<script>alert(1)</script>|@org/team](javascript:alert(1))\n::error::x ##[set-output';

const rule = (over: Partial<Comparison> & Pick<Comparison, 'rule' | 'unit'>): Comparison => ({
  measured: 0,
  limit: 0,
  passed: null,
  decision: null,
  low: null,
  high: null,
  detectable: null,
  detail: '',
  ...over,
});

/** Every rule, each decided a different way, by hand: P95 undecided, floor slope and retained heap blocked, one site undecided. */
function decided(over: Partial<Report> = {}): Report {
  const base = leak.baseline.p95Bytes!;
  return {
    ...leak,
    baseline: { ...leak.baseline, p95Bytes: 20 * MiB },
    p95Difference: { value: 3 * MiB, low: 2 * MiB, high: 4 * MiB, method: 'within-series' },
    inuseGrowthDifference: { value: 40 * KiB, low: 30 * KiB, high: 50 * KiB, method: 'within-series' },
    siteGrowthDifference: { value: 10 * KiB, low: -KiB, high: 21 * KiB, method: 'replicas', function: HOSTILE },
    comparisons: [
      rule({ rule: 'gray-oom-kill', unit: 'count', measured: 0, passed: true, decision: 'pass' }),
      rule({
        rule: 'p95-increase',
        unit: 'ratio',
        measured: 0.15,
        limit: 0.12,
        decision: 'undecided',
        low: 2 * MiB,
        high: 4 * MiB,
        detectable: 0.2 * base,
      }),
      rule({
        rule: 'slope-increase',
        unit: 'bytes/s',
        measured: 60 * KiB,
        limit: KiB,
        passed: false,
        decision: 'block',
        low: 50 * KiB,
        high: 70 * KiB,
      }),
      rule({
        rule: 'inuse-growth',
        unit: 'bytes/s',
        measured: 40 * KiB,
        limit: KiB,
        passed: false,
        decision: 'block',
        low: 30 * KiB,
        high: 50 * KiB,
      }),
      rule({
        rule: 'site-growth',
        unit: 'bytes/s',
        measured: 10 * KiB,
        limit: KiB,
        decision: 'undecided',
        low: -KiB,
        high: 21 * KiB,
      }),
    ],
    ...over,
  };
}

const watched: WatchRecord = {
  firstLookMs: 60_000,
  budgetMs: 300_000,
  looks: [
    { windowMs: 60_000, state: 'undecided', levels: { block: 0.0004, pass: 0.002 } },
    { windowMs: 120_000, state: 'undecided', levels: { block: 0.0012, pass: 0.006 } },
    { windowMs: 180_000, state: 'pass', levels: { block: 0.002, pass: 0.01 } },
  ],
  stoppedEarly: true,
};

const tableRow = (md: string, start: string) => md.split('\n').find((l) => l.startsWith(`| ${start}`)) ?? '';

test('Markdown: ✅ only on a passing rule; a blocked rule says by how much at least, an undecided one where it may lie', () => {
  for (const md of [renderSummary(decided()), renderComment(decided())]) {
    assert.equal(
      tableRow(md, 'P95 memory'),
      '| P95 memory | 20.0 MiB | 27.3 MiB | +15.0% (+3.0 MiB) | ≤ +12.0% (2.4 MiB) | ❔ undecided: between +10.0% (+2.0 MiB) and +20.0% (+4.0 MiB) |',
    );
    assert.match(
      tableRow(md, 'floor slope'),
      / \| ≤ 60\.0 KiB\/min \| ❌ block: clearly above the limit: at least 2\.9 MiB\/min \|$/,
    );
    // Rules that blocked get a row too, not only the floor slope and P95.
    assert.match(
      tableRow(md, 'retained heap growth'),
      /^\| retained heap growth \| .* \| 2\.3 MiB\/min \(99% CI 1\.8 MiB\/min \.\. 2\.9 MiB\/min\) \| ≤ 60\.0 KiB\/min \| ❌ block: clearly above the limit: at least 1\.8 MiB\/min \|$/,
    );
    assert.equal(
      tableRow(md, 'growth at one allocation site'),
      `| growth at one allocation site <code>${escapeMarkdown(HOSTILE)}</code> | | | 600.0 KiB/min (99% CI -60.0 KiB/min .. 1.2 MiB/min) | ≤ 60.0 KiB/min | ❔ undecided: between -60.0 KiB/min and 1.2 MiB/min |`,
    );
    assert.equal(tableRow(md, 'OOM kills'), '| OOM kills | 0 | 0 | | 0 | ✅ pass |');
    const rows = md.split('\n').filter((l) => l.startsWith('| ') && / \| (≤|0) /.test(l));
    assert.equal(rows.length, 5, rows.join('\n'));
    assert.equal(rows.filter((r) => r.includes('✅')).length, 1, 'one rule passed, one ✅');
    assert.ok(!md.includes('fail |'), 'no rule is said to "fail": a rule passes, blocks or is undecided');
  }
});

test('report.html and the console: the same decisions, no pass word on a blocked or undecided rule', () => {
  const html = renderHtml(decided());
  const rules = html.slice(html.indexOf('<h2>Rules</h2>'), html.indexOf('</table>', html.indexOf('<h2>Rules</h2>')));
  const rows = rules.split('<tr>').slice(2);
  assert.deepEqual(
    rows.map((r) => r.replace(/<\/?(td|tr|tbody)>/g, '|')),
    [
      '|gray-oom-kill||0||0||✅ pass||',
      '|p95-increase||+15.0% (+3.0 MiB)||+12.0% (2.4 MiB)||❔ undecided: between +10.0% (+2.0 MiB) and +20.0% (+4.0 MiB)||',
      '|slope-increase||3.5 MiB/min||60.0 KiB/min||<b>❌ block: clearly above the limit: at least 2.9 MiB/min</b>||',
      '|inuse-growth||2.3 MiB/min||60.0 KiB/min||<b>❌ block: clearly above the limit: at least 1.8 MiB/min</b>||',
      `|site-growth <code>${escapeHtml(HOSTILE)}</code>||600.0 KiB/min||60.0 KiB/min||❔ undecided: between -60.0 KiB/min and 1.2 MiB/min|||`,
    ],
  );
  const text = renderConsole(decided());
  assert.ok(text.includes('  gray OOM kills 0, limit 0: pass'));
  assert.ok(
    text.includes(
      '  P95 change +15.0% (+3.0 MiB), limit +12.0% (2.4 MiB): undecided: between +10.0% (+2.0 MiB) and +20.0% (+4.0 MiB)',
    ),
  );
  assert.ok(
    text.includes(
      '  floor slope change 3.5 MiB/min, limit 60.0 KiB/min: block: clearly above the limit: at least 2.9 MiB/min',
    ),
  );
  assert.ok(text.includes('  retained heap growth change 2.3 MiB/min, limit 60.0 KiB/min: block:'));
  const site = text.split('\n').find((l) => l.startsWith('  growth at '))!;
  assert.ok(site.endsWith(': undecided: between -60.0 KiB/min and 1.2 MiB/min'), site);
  for (const line of text.split('\n')) assert.ok(!startsRunnerCommand(line), line);
});

test('a passing rule says what it rules out; a clear rise found to be page cache is a warning, not a pass', () => {
  const slope = healthy.comparisons.find((c) => c.rule === 'slope-increase')!;
  assert.equal(slope.decision, 'pass');
  const md = renderSummary(healthy);
  assert.match(tableRow(md, 'floor slope'), /\| ✅ pass: rules out above [\d.]+ KiB\/min \|$/);
  const demoted = rule({ rule: 'slope-increase', unit: 'bytes/s', passed: true, decision: 'block', low: 50 * KiB });
  assert.deepEqual(ruleOutcome(demoted, healthy), {
    kind: 'warn',
    text: 'warn: clearly above the limit (at least 2.9 MiB/min), but reclaimable page cache, not a leak',
  });
  const row = tableRow(renderSummary(decided({ comparisons: [demoted] })), 'floor slope');
  assert.ok(
    row.endsWith('| ⚠️ warn: clearly above the limit (at least 2.9 MiB/min), but reclaimable page cache, not a leak |'),
  );
  assert.ok(!row.includes('✅'));
  // Bounds report.json could not carry (JSON has no infinity) read as unbounded, never as zero.
  const open = rule({ rule: 'slope-increase', unit: 'bytes/s', decision: 'undecided' });
  assert.equal(ruleOutcome(open, healthy).text, 'undecided: between -∞ and ∞');
  const inf = rule({ rule: 'slope-increase', unit: 'bytes/s', decision: 'undecided', low: -Infinity, high: Infinity });
  assert.equal(ruleOutcome(inf, healthy).text, 'undecided: between -∞ and ∞');
  // A pass bound below zero rules out any rise: said as zero, as the statement says it.
  const below = rule({ rule: 'slope-increase', unit: 'bytes/s', decision: 'pass', high: -KiB });
  assert.equal(ruleOutcome(below, healthy).text, 'pass: rules out above 0 B/min');
});

test('what the verdict rules out stands next to it, escaped: a hostile function name in it stays inert', () => {
  const statement = `rules out nothing yet; would have caught growth at ${HOSTILE} (80% of the time)`;
  const report = decided({ sensitivity: { ...leak.sensitivity, statement } });
  for (const md of [renderSummary(report), renderComment(report)]) {
    const l = md.split('\n');
    assert.equal(l[0], '## memgate: ⛔ BLOCKED · grade P0');
    assert.equal(l[2], `**What this verdict rules out:** ${escapeMarkdown(statement)}`);
    assert.ok(!md.includes('<script') && !md.includes('@org') && !md.includes('](javascript'));
  }
  const html = renderHtml(report);
  assert.ok(html.includes(`<p class="rules-out"><b>What this verdict rules out:</b> ${escapeHtml(statement)}</p>`));
  assert.ok(html.indexOf('rules-out') < html.indexOf('<figure>'), 'next to the verdict, above the chart');
  assert.ok(!html.includes('<script'));
  const text = renderConsole(report).split('\n');
  assert.equal(text[0], 'memgate: FAIL (P0)');
  assert.ok(
    text[1].startsWith('  What this verdict rules out: rules out nothing yet; would have caught growth at main.'),
  );
  assert.equal(text.length, renderConsole(decided()).split('\n').length, 'the statement stays one line');
  for (const line of text) assert.ok(!startsRunnerCommand(line), line);
  // The judge's own statement, as it is written: options spelled for the surface.
  assert.match(
    leak.sensitivity.statement,
    /^rules out nothing; would have caught a floor slope rise of [\d.]+ MiB\/min/,
  );
  assert.ok(
    renderSummary(leak).includes(`**What this verdict rules out:** ${escapeMarkdown(leak.sensitivity.statement)}`),
  );
});

test('a watched run says its looks, their states and whether it stopped before the budget', () => {
  const line = 'watched 3 looks (60s, 120s, 180s): undecided, undecided, pass; stopped before the 5min budget';
  assert.equal(watchLine(watched), line);
  assert.equal(
    watchLine({ ...watched, looks: watched.looks.slice(0, 1), stoppedEarly: false, budgetMs: 90_000 }),
    'watched 1 look (60s): undecided; used the whole 90s budget',
  );
  const report = decided({ watch: watched });
  for (const md of [renderSummary(report), renderComment(report)]) {
    const l = md.split('\n');
    assert.equal(l[4], escapeMarkdown(line));
    assert.equal(l[5], '');
  }
  assert.ok(renderHtml(report).includes(`<p class="watch">${escapeHtml(line)}</p>`));
  assert.equal(renderConsole(report).split('\n')[2], `  ${line}`);
  // A fixed window: no watch line anywhere.
  for (const out of [renderSummary(decided()), renderHtml(decided()), renderConsole(decided())])
    assert.ok(!out.includes('watched '), 'no watch line without looks');
});

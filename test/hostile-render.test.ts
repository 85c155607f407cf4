// What a workload or a pull request can put in memgate's output (function names, goroutine frames,
// fuse reasons, a workload's last output line) must stay inert: no runner command on stdout, no
// live Markdown/HTML, no mention, no link; a lone \r handled everywhere; the job summary kept under
// GitHub's 1 MiB of bytes. Recorded hostile strings: test/data/hostile/strings.json. Properties
// (fast-check, bounded runs) put any string in those places.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseJudgeSettings } from '../src/config/plan.ts';
import { judgeBundle } from '../src/gate/judge-bundle.ts';
import { renderConsole } from '../src/report/console.ts';
import { neutraliseCommands, neutraliseLine, startsRunnerCommand } from '../src/report/escape-commands.ts';
import { escapeMarkdown, renderComment, renderSummary, SUMMARY_BUDGET, utf8Bytes } from '../src/report/markdown.ts';
import { escapeHtml, renderHtml } from '../src/report/html.ts';
import { renderFuseOutcome } from '../src/fuse/gate-fuse.ts';
import type { Report } from '../src/report/report-json.ts';
import type { Suspect } from '../src/analyze/evidence-types.ts';
import { makeBundle, MiB } from './helpers/bundles.ts';

const HOSTILE_STRINGS: string[] = JSON.parse(
  readFileSync(join(import.meta.dirname, 'data/hostile/strings.json'), 'utf8'),
);
/** Runs per property: enough to meet the corpus' shapes in combination, fast on a shared machine. */
const RUNS = 200;

const base = (() => {
  const bundle = makeBundle({
    gray: { slope: (4 * MiB) / 60 },
    final: {
      gray: { exit: { atMs: 50_000, code: 2, signal: null, beforeReady: false, lastOutput: ['starting', 'LAST'] } },
    },
  });
  return judgeBundle(bundle, parseJudgeSettings({ warmup: '5s' }));
})();

/** The report with `text` in every place untrusted text reaches: function, frames, location, creator, reasons, warnings, commands. */
function reportWith(text: string): Report {
  const report: Report = structuredClone(base);
  const suspect: Suspect = {
    function: `main.${text}`,
    source: 'goroutine',
    kind: 'growth',
    bytes: 5 * MiB,
    objects: 10,
    count: 40,
    share: 0.9,
    gray: 5 * MiB,
    baseline: 0,
    location: `/src/${text}.go:12`,
    stack: [`main.f${text}`, `${text} /src/main.go:3`],
    caller: `main.${text}`,
    createdBy: `main.${text}`,
    state: text,
    waitMinutes: null,
    pattern: null,
  };
  report.suspects = [suspect, { ...suspect, source: 'pprof', count: null }];
  report.patterns = [
    { id: 'goroutine-blocked', confidence: 0.8, message: `piled up in ${text}`, hint: `stop ${text}`, functions: [] },
  ];
  // The workload's last output line arrives in the reason the judge wrote.
  report.reasons = report.reasons.map((r) => ({ ...r, message: r.message.replace('LAST', () => text) }));
  assert.ok(
    report.reasons.some((r) => r.message.includes(text)),
    'the last output line is in a reason',
  );
  report.warnings.push(`pprof: ${text}`);
  // What the verdict rules out, and the allocation site's rule: both can name the workload's functions.
  report.sensitivity = { ...report.sensitivity, statement: `rules out nothing yet; see main.${text}` };
  report.siteGrowthDifference = { value: 2048, low: 1024, high: 3072, method: 'replicas', function: `main.${text}` };
  report.comparisons = [
    ...report.comparisons,
    {
      rule: 'site-growth',
      unit: 'bytes/s',
      measured: 2048,
      limit: 1024,
      passed: null,
      decision: 'undecided',
      low: 512,
      high: 4096,
      detectable: 4096,
      detail: `retained at main.${text}`,
    },
  ];
  report.watch = {
    firstLookMs: 10_000,
    budgetMs: 60_000,
    looks: [{ windowMs: 10_000, state: 'undecided', levels: { block: 0.0003, pass: 0.0014 } }],
    stoppedEarly: false,
  };
  report.baseline.command = `./base ${text}`;
  report.gray.command = `./gray ${text}`;
  return report;
}

/** Any string, with the corpus' pieces mixed in so that the shapes that matter come up often. */
const untrusted = fc
  .array(
    fc.oneof(
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          ...HOSTILE_STRINGS,
          '\r',
          '\n',
          '::',
          '##[',
          '@',
          '#',
          '&',
          '<',
          '|',
          '`',
          'www.',
          '://',
        ),
      },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(''));

// ---- stdout: workflow commands -------------------------------------------------------------

test('neutraliser: no corpus string makes a line that starts a runner command, and \\r never passes raw', () => {
  for (const s of HOSTILE_STRINGS) {
    const out = neutraliseCommands(`memgate: ${s}\n${s}`);
    for (const line of out.split('\n')) assert.ok(!startsRunnerCommand(line), JSON.stringify(line));
    assert.ok(!out.includes('\r'));
    assert.ok(!neutraliseLine(s).includes('\n'), 'one line stays one line');
  }
  assert.equal(neutraliseLine('::add-mask::x'), '\\::add-mask::x');
  assert.equal(neutraliseLine('  ::error::x'), '  \\::error::x');
  assert.equal(neutraliseLine('a ##[error]b'), 'a #\\#[error]b');
  assert.equal(neutraliseLine('a\rb'), 'a\\rb');
  assert.equal(
    neutraliseLine('plain main.(*T).f: 1.0 MiB'),
    'plain main.(*T).f: 1.0 MiB',
    'ordinary text is unchanged',
  );
  assert.equal(neutraliseCommands('a\r\nb'), 'a\nb');
});

test('console report: hostile function names, frames, reasons and last output never start a runner command', () => {
  for (const s of HOSTILE_STRINGS) {
    const out = renderConsole(reportWith(s));
    assert.ok(!out.includes('\r'), JSON.stringify(s));
    assert.equal(
      out.split('\n').length,
      renderConsole(reportWith('x')).split('\n').length,
      `no line added by ${JSON.stringify(s)}`,
    );
    for (const line of out.split('\n'))
      assert.ok(!startsRunnerCommand(line), `${JSON.stringify(s)} -> ${JSON.stringify(line)}`);
  }
});

test('fuse outcome on the console: a hostile reason or cell id stays one inert line', () => {
  for (const s of HOSTILE_STRINGS) {
    const out = renderFuseOutcome({
      cell: `os=${s}`,
      scope: 'Release',
      store: 'directory /x',
      recorded: 'blocked',
      reason: s,
      tripped: [{ target: `arch=${s}`, reason: s, cells: [s] }],
    } as never);
    assert.equal(out.split('\n').length, 2);
    for (const line of out.split('\n'))
      assert.ok(!startsRunnerCommand(line) && !line.includes('\r'), JSON.stringify(line));
  }
});

test('property: for any untrusted string, no console line starts a runner command and none holds \\r', () => {
  const lines = renderConsole(reportWith('x')).split('\n').length;
  fc.assert(
    fc.property(untrusted, (s) => {
      const out = renderConsole(reportWith(s));
      const outLines = out.split('\n');
      return !out.includes('\r') && outLines.length === lines && outLines.every((l) => !startsRunnerCommand(l));
    }),
    { numRuns: RUNS },
  );
});

// ---- Markdown and HTML ---------------------------------------------------------------------

/** Entities decoded as GitHub does before it looks for mentions, references and links. */
function decodeEntities(text: string): string {
  const named: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    commat: '@',
    num: '#',
    lbrack: '[',
    rbrack: ']',
    colon: ':',
  };
  return text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (all, body: string) => {
    if (body[0] !== '#') return named[body.toLowerCase()] ?? all;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}

/** Everything in a Markdown document that GitHub would make live: each kind's occurrences. */
function liveMarkdown(md: string): Record<string, string[]> {
  const decoded = decodeEntities(md);
  return {
    tags: md.match(/<[A-Za-z!/?][^>]*>?/g) ?? [],
    entities: md.match(/&(?!#\d+;|amp;|lt;|gt;|quot;)/g) ?? [],
    links: md.match(/\]\(|!\[|<https?:/gi) ?? [],
    autolinks: decoded.match(/[a-z]+:\/\/|www\.[^\s\u200b]/gi) ?? [],
    mentions: decoded.match(/@[A-Za-z0-9]/g) ?? [],
    references: decoded.match(/#\d/g) ?? [],
    emphasis: md.match(/[*_~`$]/g) ?? [],
    lines: md
      .split('\n')
      .map((l) =>
        l.startsWith('|') ? `row of ${(l.match(/\|/g) ?? []).length} cells` : l.startsWith('<details') ? 'details' : '',
      )
      .filter(Boolean),
  };
}

function assertInertMarkdown(md: string, reference: string, what: string) {
  assert.ok(!md.includes('\r'), `${what}: a raw \\r`);
  assert.deepEqual(liveMarkdown(md), liveMarkdown(reference), what);
  assert.equal(md.split('\n').length, reference.split('\n').length, `${what}: lines added`);
}

test('Markdown: every corpus string arrives inert in the summary and the comment (a lone \\r included)', () => {
  const [summary, comment] = [renderSummary(reportWith('x')), renderComment(reportWith('x'))];
  for (const s of HOSTILE_STRINGS) {
    assertInertMarkdown(renderSummary(reportWith(s)), summary, `summary with ${JSON.stringify(s)}`);
    assertInertMarkdown(renderComment(reportWith(s)), comment, `comment with ${JSON.stringify(s)}`);
  }
});

test('Markdown: a lone \\r can no longer break a table row or end a <details> block', () => {
  const md = renderSummary(reportWith('a\rb|c\r\r</details>'));
  // Split as CommonMark does: a lone \r ends a line too.
  const rows = md.split(/\r\n|\r|\n/).filter((l) => l.startsWith('| 1 |'));
  assert.equal(rows.length, 1, 'the suspect row is one row');
  assert.equal(rows[0].split('|').length, 7, 'with its five cells');
  const details = md.split(/\r\n|\r|\n/).filter((l) => l.startsWith('<details>'));
  assert.ok(
    details.length >= 2 && details.every((l) => l.includes('</summary>')),
    'each <details> opening stays on its line',
  );
  assert.equal(escapeMarkdown('a\rb'), 'a b');
  assert.equal(escapeMarkdown('a\r\nb'), 'a b');
  assert.equal(escapeMarkdown('a\u2028b\u0085c'), 'a b c');
  // GitHub decodes entities before it looks for mentions: an encoded @ stays apart from the name.
  assert.ok(!/@[a-z]/.test(decodeEntities(escapeMarkdown('&#64;org @org &commat;org'))));
  assert.ok(!/https:\/\//.test(decodeEntities(escapeMarkdown('https://evil.example'))));
});

test('property: for any untrusted string, the summary and comment hold no live markup, mention, reference or link', () => {
  const [summary, comment] = [renderSummary(reportWith('x')), renderComment(reportWith('x'))];
  fc.assert(
    fc.property(untrusted, (s) => {
      assertInertMarkdown(renderSummary(reportWith(s)), summary, 'summary');
      assertInertMarkdown(renderComment(reportWith(s)), comment, 'comment');
    }),
    { numRuns: RUNS },
  );
});

/** HTML that a browser would act on: tags, entities that are not ours, raw \r. */
function liveHtml(html: string): Record<string, string[]> {
  return {
    tags: html.match(/<[A-Za-z!/?][^>]*>?/g) ?? [],
    entities: html.match(/&(?!#\d+;)/g) ?? [],
    cr: html.match(/\r/g) ?? [],
  };
}

test('property: for any untrusted string, report.html holds no markup but its own', () => {
  const reference = liveHtml(renderHtml(reportWith('x')));
  for (const s of HOSTILE_STRINGS) assert.deepEqual(liveHtml(renderHtml(reportWith(s))), reference, JSON.stringify(s));
  fc.assert(
    fc.property(untrusted, (s) => assert.deepEqual(liveHtml(renderHtml(reportWith(s))), reference)),
    { numRuns: RUNS },
  );
  assert.equal(escapeHtml('a\rb\r\nc\u0000'), 'a\nb\nc ');
});

// ---- the summary's size ------------------------------------------------------------------------

test('the job summary is cut to 1 MiB of UTF-8 bytes, not UTF-16 units', () => {
  const report = reportWith('x');
  // 4-byte characters: ~440,000 UTF-16 units, ~880,000 bytes per 220,000 emoji.
  for (let i = 0; i < 6; i++) report.warnings.push('🙂'.repeat(50_000));
  const md = renderSummary(report);
  assert.ok(md.length < SUMMARY_BUDGET * 1.5);
  assert.ok(utf8Bytes(md) <= SUMMARY_BUDGET, `${utf8Bytes(md)} bytes`);
  assert.ok(utf8Bytes(md) <= 1024 * 1024);
  assert.match(md, /Cut to fit GitHub's size limit: warnings/);
  assert.match(md, /\*\*Why\*\*/, 'what fits stays');
});

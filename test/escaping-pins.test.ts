// Escaping, pinned by behaviour (issue 14: escaping of *, _, &, [ ], and the zero-width space after # survived
// mutation). What GitHub does with the text is modelled here: it decodes character references once, then
// looks for markup, mentions (@name) and references (#123). So the escaped text must (1) hold no character
// that Markdown or HTML acts on, outside a character reference, (2) decode back to what it was given, and
// (3) once decoded, keep @ and # away from the name or number after them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkdown } from '../src/report/markdown.ts';
import { escapeHtml } from '../src/report/html.ts';

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  commat: '@',
  num: '#',
  lbrack: '[',
  rbrack: ']',
  lpar: '(',
  rpar: ')',
  ast: '*',
  lowbar: '_',
  excl: '!',
  grave: '`',
  verbar: '|',
};
/** One pass of character-reference decoding, as a browser or GitHub's renderer does it. */
function decode(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (all, dec, hex, name) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return NAMED[name.toLowerCase()] ?? all;
  });
}
/** What is left when every character reference is taken out: what a Markdown/HTML parser sees as syntax. */
const outsideReferences = (text: string) => text.replace(/&(?:#\d+|#x[0-9a-f]+|[a-z]+);/gi, '');
const ZWSP = '\u200b';

const MARKDOWN_ACTIVE = ['*', '_', '[', ']', '(', ')', '<', '>', '`', '!', '|', '~', '#', '@', '\\', '&', '"'];

test('Markdown: emphasis, links, code, tags, tables and references leave no syntax behind', () => {
  const inputs = [
    '**bold** and __under__',
    '_a_ *b*',
    '[click](https://evil.example)',
    '![img](x)',
    '`code` ```fence```',
    '<b>x</b>',
    'a|b',
    '~~strike~~',
    '# heading',
    '\\*not\\*',
    'say "hi"',
  ];
  for (const input of inputs) {
    const out = escapeMarkdown(input);
    for (const c of MARKDOWN_ACTIVE)
      assert.ok(!outsideReferences(out).includes(c), `${JSON.stringify(input)} -> ${JSON.stringify(out)} leaves ${c}`);
    assert.equal(decode(out).replaceAll(ZWSP, ''), input, 'reads the same once decoded');
  }
});

test('Markdown: each of * _ [ ] & is escaped on its own', () => {
  for (const c of ['*', '_', '[', ']', '&', '(', ')', '!', '`', '<', '>']) {
    const out = escapeMarkdown(`x${c}y`);
    assert.notEqual(out, `x${c}y`, c);
    assert.ok(!outsideReferences(out).includes(c), `${c} -> ${out}`);
    assert.equal(decode(out).replaceAll(ZWSP, ''), `x${c}y`);
  }
});

test('Markdown: an entity-encoded mention or link stays text (the & itself is escaped)', () => {
  for (const input of [
    '&commat;octocat',
    '&#64;octocat',
    '&#x40;octocat',
    '&lbrack;x&rbrack;&lpar;https://evil&rpar;',
    '&lt;img src=x&gt;',
    '&amp;',
  ]) {
    const out = escapeMarkdown(input);
    assert.equal(
      decode(out).replaceAll(ZWSP, ''),
      input,
      `${input} -> ${out}: one decoding gives the text back, not markup`,
    );
    assert.ok(!/@octocat/.test(decode(out)), 'no live mention after decoding');
    assert.ok(!/<img/.test(decode(out)));
  }
});

test('Markdown: once decoded, @ and # are kept from the name or number after them (zero-width space)', () => {
  const decoded = decode(escapeMarkdown('ping @octocat about #123 and org/repo#45 @org/team'));
  assert.ok(!/@[A-Za-z0-9]/.test(decoded), decoded);
  assert.ok(!/#[A-Za-z0-9]/.test(decoded), decoded);
  assert.ok(decoded.includes(`@${ZWSP}octocat`));
  assert.ok(decoded.includes(`#${ZWSP}123`));
  assert.ok(decoded.includes(`repo#${ZWSP}45`));
  assert.equal(
    decode(escapeMarkdown('a+b-c.d=e:f{g}h~i')).replaceAll(ZWSP, ''),
    'a+b-c.d=e:f{g}h~i',
    'other punctuation reads the same',
  );
});

test('Markdown: a line end never breaks out of a table row or an HTML block', () => {
  for (const input of ['a\nb', 'a\r\nb', '| x |\n|---|\n# h']) {
    const out = escapeMarkdown(input);
    assert.ok(!/[\r\n]/.test(out), JSON.stringify(out));
  }
  assert.equal(decode(escapeMarkdown('a\nb')), 'a b');
  assert.equal(decode(escapeMarkdown('a\r\nb')), 'a b');
});

test('HTML: no tag, attribute break or entity gets through, and the text reads the same', () => {
  for (const input of [
    '<script>alert(1)</script>',
    '" onmouseover="x',
    "' onclick='x",
    '`x`',
    '&lt;b&gt;',
    '&amp;',
    'a & b < c > d',
  ]) {
    const out = escapeHtml(input);
    for (const c of ['<', '>', '"', "'", '`', '&'])
      assert.ok(!outsideReferences(out).includes(c), `${JSON.stringify(input)} -> ${out} leaves ${c}`);
    assert.equal(decode(out), input);
  }
  assert.equal(
    escapeHtml('plain text, 100% fine: a/b (c) [d] *e* _f_ @g #h'),
    'plain text, 100% fine: a/b (c) [d] *e* _f_ @g #h',
    'HTML needs nothing else escaped',
  );
});

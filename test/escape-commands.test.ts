// Workflow-command escaping (src/report/escape-commands.ts), exactly: what each control character becomes,
// and which lines the runner would take as commands. (test/hostile-render and untrusted-stdout check that
// hostile text arrives inert; these pin the spelling the mutation run found unpinned.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { neutraliseCommands, neutraliseLine, startsRunnerCommand } from '../src/report/escape-commands.ts';

test('control characters become visible escapes: \\r, \\n, and \\uXXXX with four hex digits', () => {
  assert.equal(neutraliseLine('a\rb'), 'a\\rb');
  assert.equal(neutraliseLine('a\nb'), 'a\\nb');
  assert.equal(neutraliseLine('a\u0007b'), 'a\\u0007b');
  assert.equal(neutraliseLine('a\u001bb\u2028c'), 'a\\u001bb\\u2028c');
  assert.equal(neutraliseCommands('x\r\n::error::y\rz'), 'x\n\\::error::y\\rz');
});

test('a command after leading space keeps its space; ##[ anywhere is broken', () => {
  assert.equal(neutraliseLine('  \u180e::add-mask::s'), '  \u180e\\::add-mask::s');
  assert.equal(neutraliseLine('say ##[warning]x'), 'say #\\#[warning]x');
  assert.equal(neutraliseLine('a::b'), 'a::b', 'not at the start: not a command');
});

test('startsRunnerCommand: a leading :: after whitespace, or ##[ anywhere', () => {
  assert.equal(startsRunnerCommand('::error::x'), true);
  assert.equal(startsRunnerCommand(' \t::error::x'), true);
  assert.equal(startsRunnerCommand('text ##[group]x'), true);
  assert.equal(startsRunnerCommand('##[group]x'), true);
  assert.equal(startsRunnerCommand('text ::error::x'), false);
  assert.equal(startsRunnerCommand('# [x]'), false);
  for (const line of ['::error::x', '  ::x', 'a ##[b', '\r::x'])
    assert.equal(startsRunnerCommand(neutraliseLine(line)), false, line);
});

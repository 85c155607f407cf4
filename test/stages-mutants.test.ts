// Stages files (src/fuse/stages.ts): what the mutation run (npm run mutate) found unpinned. Duplicate keys,
// the first line of the YAML parser's message, and the line an error names when a key has no value at all
// (`? key`, YAML's explicit key): the key's own line, not line 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../src/model/errors.ts';
import { parseStages } from '../src/fuse/stages.ts';

function message(text: string): string {
  try {
    parseStages(text, 's.yml');
  } catch (e) {
    assert.ok(e instanceof UsageError, `a UsageError, not ${(e as Error).name}: ${(e as Error).message}`);
    return e.message.split('\n')[0];
  }
  assert.fail(`${JSON.stringify(text)} was accepted`);
}

test('a key given twice is not valid YAML (the later one does not silently win)', () => {
  assert.match(
    message('matrix:\n  arch: [amd64]\nwaves:\n  - where: {}\nwaves:\n  - where: {}\n'),
    /^s\.yml:\d+: not valid YAML: Map keys must be unique; fix the syntax \(indentation, quotes, a missing ":"\)\.$/,
  );
});

test("the YAML parser's message: its first line only, without the code frame", () => {
  assert.equal(
    message('matrix:\n  arch: [amd64]\nwaves: [\n'),
    's.yml:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; fix the syntax (indentation, quotes, a missing ":").',
  );
});

test('a key with no value names its own line', () => {
  assert.equal(
    message('matrix:\n  arch: [amd64]\n? waves\n'),
    's.yml:3: waves must be a non-empty list, first wave first, e.g.',
  );
  assert.equal(
    message('matrix:\n  arch: [amd64, arm64]\n  ? exclude\nwaves:\n  - where: {}\n'),
    's.yml:3: matrix.exclude must be a list of mappings, e.g. - { region: us-west-1, arch: arm64 }.',
  );
  assert.equal(
    message('matrix:\n  arch: [amd64]\nwaves:\n  - name: a\n    ? cells\n'),
    's.yml:4: waves[0] (wave 1).cells must be a non-empty list of cells such as "region=cn-east-2,arch=amd64".',
  );
  // A name with no value is not a text value (said, not a crash).
  assert.match(
    message('matrix:\n  arch: [amd64]\nwaves:\n  - ? name\n    where: {}\n'),
    /\.name must be a text value\.$/,
  );
});

test("an exclude naming a dimension or value the matrix lacks lists the matrix's", () => {
  assert.equal(
    message(
      'matrix:\n  arch: [amd64, arm64]\n  os: [linux, darwin]\n  exclude:\n  - region: x\nwaves:\n  - where: {}\n',
    ),
    's.yml:5: matrix.exclude[0]: the matrix has no region dimension; use one of os, arch.',
  );
  assert.equal(
    message('matrix:\n  arch: [amd64, arm64]\n  region: [a, b]\n  exclude:\n  - arch: x86\nwaves:\n  - where: {}\n'),
    's.yml:5: matrix.exclude[0]: arch=x86 is not in matrix.arch (amd64, arm64); fix the value or add it to the matrix.',
  );
});

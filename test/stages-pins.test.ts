// The stages file's remaining rules, each with its FILE:LINE message (the common ones are in plan-stages),
// and wave planning's messages: what mutation testing found unpinned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../src/model/errors.ts';
import { MAX_WAVE_CELLS, parseStages } from '../src/fuse/stages.ts';
import { matrixEntry, planWave } from '../src/fuse/plan.ts';
import { foldRecords } from '../src/fuse/rules.ts';
import { parseCell } from '../src/fuse/cell.ts';
import type { FuseRecord } from '../src/fuse/types.ts';

const fails = (text: string, message: RegExp) =>
  assert.throws(
    () => parseStages(text, 's.yml'),
    (e: unknown) => e instanceof UsageError && message.test(e.message),
    `${JSON.stringify(text)} -> ${(() => {
      try {
        parseStages(text, 's.yml');
        return 'no error';
      } catch (e) {
        return (e as Error).message;
      }
    })()}`,
  );

const EXAMPLE =
  /e\.g\.\nmatrix:\n {2}region: \[cn-east-2, us-west-1\]\n {2}arch: \[amd64, arm64\]\nwaves:\n {2}- name: canary\n {4}cells: \["region=cn-east-2,arch=amd64"\]\n {2}- name: rest\n {4}where: \{\}$/;

test('top level and matrix: every rule with its line and its fix', () => {
  fails('- a\n', EXAMPLE);
  fails('', /^s\.yml:1: a stages file is a mapping with "waves:" \(and usually "matrix:"\), e\.g\./);
  fails('matrix:\n  arch: [amd64]\n', /^s\.yml:1: "waves:" is missing; list the waves in order, e\.g\./);
  fails('matrix:\n  arch: [amd64]\n', EXAMPLE);
  fails('1: x\nwaves: []\n', /^s\.yml:1: the top level: unknown key "1"; allowed: matrix, waves\.$/);
  fails('[a]: x\nwaves: []\n', /^s\.yml:1: the top level: unknown key \(not a plain name\); allowed: matrix, waves\.$/);
  fails(
    'matrix: [amd64]\nwaves:\n  - where: {}\n',
    /^s\.yml:1: matrix must be a mapping of dimension to values \(dimensions: region, isp, os, arch\)\.$/,
  );
  fails(
    'matrix: {}\nwaves:\n  - where: {}\n',
    /^s\.yml:1: matrix names no dimension; give values for some of region, isp, os, arch, e\.g\./,
  );
  fails(
    'matrix:\n  arch: []\nwaves:\n  - where: {}\n',
    /^s\.yml:2: matrix\.arch is an empty list; give at least one arch value\.$/,
  );
  fails(
    'matrix:\n  arch:\nwaves:\n  - where: {}\n',
    /^s\.yml:\d+: matrix\.arch is empty; write text, quoted when YAML would read it otherwise \(e\.g\. "5\.10", "true"\)\.$/,
  );
  fails('matrix:\n  arch: [[amd64]]\nwaves:\n  - where: {}\n', /^s\.yml:2: matrix\.arch must be a text value\.$/);
  fails(
    'matrix:\n  arch: [AMD64, amd64]\nwaves:\n  - where: {}\n',
    /^s\.yml:2: matrix\.arch lists amd64 twice; give each value once\.$/,
  );
  fails(
    'matrix:\n  arch: [amd 64]\nwaves:\n  - where: {}\n',
    /^s\.yml:2: matrix\.arch: the arch value "amd 64" may only hold letters/,
  );
});

test('matrix.exclude: a list of known values that removes something, never everything', () => {
  fails(
    'matrix:\n  arch: [amd64]\n  exclude: { arch: amd64 }\nwaves:\n  - where: {}\n',
    /^s\.yml:3: matrix\.exclude must be a list of mappings, e\.g\. - \{ region: us-west-1, arch: arm64 \}\.$/,
  );
  fails(
    'matrix:\n  arch: [amd64]\n  exclude:\nwaves:\n  - where: {}\n',
    /^s\.yml:3: matrix\.exclude must be a list of mappings/,
  );
  fails(
    'matrix:\n  arch: [amd64, arm64]\n  region: [a]\n  exclude:\n    - { region: a, arch: arm64 }\n    - { arch: arm64 }\nwaves:\n  - where: {}\n',
    /^s\.yml:6: matrix\.exclude\[1\] excludes no cell; check its values against the matrix\.$/,
  );
  fails(
    'matrix:\n  arch: [amd64]\n  exclude:\n    - { arch: amd64 }\nwaves:\n  - where: {}\n',
    /^s\.yml:1: matrix\.exclude removes every cell; nothing is left to roll out\.$/,
  );
  fails(
    'matrix:\n  arch: [amd64]\n  exclude:\n    - { region: a }\nwaves:\n  - where: {}\n',
    /^s\.yml:4: matrix\.exclude\[0\]: the matrix has no region dimension; use one of arch\.$/,
  );
  fails(
    'matrix:\n  arch: [amd64]\n  exclude:\n    - [arch]\nwaves:\n  - where: {}\n',
    /^s\.yml:4: matrix\.exclude\[0\] must be a mapping of dimension to values/,
  );
  const s = parseStages(
    'matrix:\n  region: [a, b]\n  arch: [x, y]\n  exclude:\n    - { region: a, arch: [x, y] }\nwaves:\n  - where: {}\n',
    's.yml',
  );
  assert.deepEqual(
    s.matrix!.map((c) => c.id),
    ['region=b,arch=x', 'region=b,arch=y'],
    'an exclude entry with a list removes each value',
  );
});

test('waves: shapes, names, cells and filters', () => {
  const m = 'matrix:\n  arch: [amd64, arm64]\n';
  fails(`${m}waves: {}\n`, /^s\.yml:3: waves must be a non-empty list, first wave first, e\.g\./);
  fails(`${m}waves:\n`, /^s\.yml:3: waves must be a non-empty list/);
  fails(
    `${m}waves:\n  - x\n`,
    /^s\.yml:4: waves\[0\] \(wave 1\) must be a mapping with "cells:" or "where:" \(and an optional "name:"\)\.$/,
  );
  fails(`${m}waves:\n  - name: [a]\n    where: {}\n`, /^s\.yml:4: waves\[0\] \(wave 1\)\.name must be a text value\.$/);
  fails(
    `${m}waves:\n  - cells: []\n`,
    /^s\.yml:4: waves\[0\] \(wave 1\)\.cells must be a non-empty list of cells such as "region=cn-east-2,arch=amd64"\.$/,
  );
  fails(`${m}waves:\n  - cells: arch=amd64\n`, /^s\.yml:4: waves\[0\] \(wave 1\)\.cells must be a non-empty list/);
  fails(`${m}waves:\n  - cells:\n`, /^s\.yml:4: waves\[0\] \(wave 1\)\.cells must be a non-empty list/);
  fails(
    `${m}waves:\n  - cells: [{}]\n`,
    /^s\.yml:4: waves\[0\] \(wave 1\)\.cells\[0\] names no dimension; write e\.g\. region=cn-east-2,arch=amd64\.$/,
  );
  fails(
    `${m}waves:\n  - cells: [arch=amd64, ARCH=AMD64]\n`,
    /^s\.yml:4: waves\[0\] \(wave 1\)\.cells\[1\]: arch=amd64 is listed twice in this wave\.$/,
  );
  fails(`${m}waves:\n  - cells: [5]\n`, /^s\.yml:4: waves\[0\] \(wave 1\)\.cells\[0\] is the number 5; write text/);
  fails(
    `${m}waves:\n  - where: { arch: amd64 }\n  - where: { arch: amd64 }\n`,
    /^s\.yml:5: waves\[1\] \(wave 2\)\.where matches no cell that an earlier wave has not taken; widen the filter or drop the wave\.$/,
  );
  fails(
    `${m}waves:\n  - where: [arch]\n`,
    /^s\.yml:4: waves\[0\] \(wave 1\)\.where must be a mapping of dimension to values/,
  );
  fails(
    `${m}waves:\n  - where: { region: a }\n`,
    /^s\.yml:4: waves\[0\] \(wave 1\)\.where: the matrix has no region dimension; use one of arch\.$/,
  );
  fails(
    `${m}waves:\n  - where: { name: x }\n`,
    /^s\.yml:4: waves\[0\] \(wave 1\)\.where: unknown key "name"; allowed: region, isp, os, arch\.$/,
  );
  const named = parseStages(`${m}waves:\n  - name: '  canary  '\n    cells: [arch=amd64]\n  - where: {}\n`, 's.yml');
  assert.deepEqual(
    named.waves.map((w) => [w.name, w.line, w.cells.map((c) => c.id)]),
    [
      ['canary', 4, ['arch=amd64']],
      ['wave 2', 6, ['arch=arm64']],
    ],
  );
  assert.equal(named.file, 's.yml');
  const filtered = parseStages(
    'matrix:\n  region: [a, b]\n  arch: [x, y]\nwaves:\n  - where: { arch: [y], region: b }\n  - where: { arch: x }\n  - where: {}\n',
    's.yml',
  );
  assert.deepEqual(
    filtered.waves.map((w) => w.cells.map((c) => c.id)),
    [['region=b,arch=y'], ['region=a,arch=x', 'region=b,arch=x'], ['region=a,arch=y']],
  );
  const mapped = parseStages('waves:\n  - cells: [{ arch: ARM64, region: cn-east-2 }]\n', 's.yml');
  assert.equal(mapped.waves[0].cells[0].id, 'region=cn-east-2,arch=arm64', 'a mapping cell is canonical too');
});

test(`a wave has at most ${MAX_WAVE_CELLS} cells (GitHub's matrix limit)`, () => {
  assert.equal(MAX_WAVE_CELLS, 256);
  const regions = (n: number) => [...Array(n).keys()].map((i) => `r${i}`).join(', ');
  const ok = parseStages(`matrix:\n  region: [${regions(128)}]\n  arch: [x, y]\nwaves:\n  - where: {}\n`, 's.yml');
  assert.equal(ok.waves[0].cells.length, 256);
  fails(
    `matrix:\n  region: [${regions(129)}]\n  arch: [x, y]\nwaves:\n  - where: {}\n`,
    /^s\.yml:5: waves\[0\] \(wave 1\) has 258 cells; GitHub runs at most 256 jobs from one matrix: split it into more waves\.$/,
  );
});

test('planWave: its messages and matrix entries', () => {
  const stages = parseStages(
    'waves:\n  - name: one\n    cells: [arch=a1, arch=a2, arch=a3, arch=a4, arch=a5, arch=a6, arch=a7]\n  - cells: [arch=b1]\n',
    's.yml',
  );
  const held = planWave(stages, 2, foldRecords([]));
  assert.equal(held.kind, 'held');
  if (held.kind !== 'held') return;
  assert.equal(held.previous.name, 'one');
  assert.equal(held.waiting.length, 7);
  assert.equal(
    held.message,
    'wave 2 (wave 2) is not promoted: wave 1 (one) is not fully passed: 7 of 7 cells unsettled: ' +
      ['a1', 'a2', 'a3', 'a4', 'a5']
        .map((v) => `arch=${v} has not reported a result yet (still running, skipped, or run without --fuse on)`)
        .join('; ') +
      '; and 2 more.',
  );
  let order = 0;
  const pass = (cell: string): FuseRecord => ({
    kind: 'cell',
    cell,
    state: 'pass',
    reason: 'ok',
    at: '',
    order: ++order,
  });
  const fewer = planWave(stages, 2, foldRecords(['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((v) => pass(`arch=${v}`))));
  assert.equal(
    fewer.kind === 'held' && fewer.message,
    'wave 2 (wave 2) is not promoted: wave 1 (one) is not fully passed: 1 of 7 cells unsettled: arch=a7 has not reported a result yet (still running, skipped, or run without --fuse on).',
  );
  const five = planWave(stages, 2, foldRecords(['a1', 'a2'].map((v) => pass(`arch=${v}`))));
  assert.equal(
    five.kind === 'held' && five.message,
    'wave 2 (wave 2) is not promoted: wave 1 (one) is not fully passed: 5 of 7 cells unsettled: ' +
      ['a3', 'a4', 'a5', 'a6', 'a7']
        .map((v) => `arch=${v} has not reported a result yet (still running, skipped, or run without --fuse on)`)
        .join('; ') +
      '.',
    'exactly five: all shown, no "more"',
  );
  const blocked = planWave(
    stages,
    2,
    foldRecords([
      ...['a1', 'a2', 'a3', 'a4', 'a5', 'a6'].map((v) => pass(`arch=${v}`)),
      { kind: 'cell', cell: 'arch=a7', state: 'blocked', reason: 'leak', at: '', order: ++order },
    ]),
  );
  assert.equal(blocked.kind, 'ready', 'a blocked cell is settled: the fuse stops it');
  assert.deepEqual(blocked.kind === 'ready' && blocked.matrix, { include: [{ arch: 'b1', cell: 'arch=b1' }] });
  assert.deepEqual(blocked.kind === 'ready' && blocked.leftOut, []);
  assert.equal(planWave(stages, 1, foldRecords([])).kind, 'ready', 'wave 1 waits for nothing');
  for (const n of [0, 3, 1.5, NaN])
    assert.throws(
      () => planWave(stages, n, foldRecords([])),
      (e: unknown) =>
        e instanceof UsageError &&
        e.message === `--stage ${n}: s.yml has 2 waves: 1 (one), 2 (wave 2); give one of those numbers.`,
      String(n),
    );
  const single = parseStages('waves:\n  - cells: [arch=x]\n', 'one.yml');
  assert.throws(
    () => planWave(single, 2, foldRecords([])),
    /^UsageError: --stage 2: one\.yml has 1 wave: 1 \(wave 1\); give one of those numbers\.$/,
  );
  assert.deepEqual(matrixEntry(parseCell('arch=arm64,region=cn-east-2')), {
    region: 'cn-east-2',
    arch: 'arm64',
    cell: 'region=cn-east-2,arch=arm64',
  });
});

// The stages file and `memgate plan`: strict validation with FILE:LINE errors, waves, promotion rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../src/model/errors.ts';
import { planWave } from '../src/fuse/plan.ts';
import { foldRecords } from '../src/fuse/rules.ts';
import { parseStages } from '../src/fuse/stages.ts';
import type { FuseRecord } from '../src/fuse/types.ts';
import { dirWorld, runCell, runCli } from './helpers/fuse-harness.ts';

const STAGES = `# three waves over 2 regions x 2 ISPs x 2 arches
matrix:
  region: [cn-east-2, cn-north-1]
  isp: [cmcc, ctcc]
  os: [linux-5.10]
  arch: [amd64, arm64]
  exclude:
    - { region: cn-north-1, isp: ctcc, arch: arm64 }
waves:
  - name: canary
    cells:
      - region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64
      - { region: cn-east-2, isp: cmcc, os: linux-5.10, arch: arm64 }
  - name: east
    where: { region: cn-east-2 }
  - name: rest
    where: {}
`;

test('waves: listed cells, filters, and "every cell left"', () => {
  const stages = parseStages(STAGES, 'stages.yml');
  assert.equal(stages.matrix?.length, 7, '2x2x1x2 minus one excluded');
  assert.deepEqual(
    stages.waves.map((w) => [w.index, w.name, w.cells.length, w.line]),
    [
      [1, 'canary', 2, 10],
      [2, 'east', 2, 14],
      [3, 'rest', 3, 16],
    ],
  );
  assert.deepEqual(
    stages.waves[1].cells.map((c) => c.id),
    ['region=cn-east-2,isp=ctcc,os=linux-5.10,arch=amd64', 'region=cn-east-2,isp=ctcc,os=linux-5.10,arch=arm64'],
  );
  assert.ok(
    !stages.waves[2].cells.some((c) => c.id === 'region=cn-north-1,isp=ctcc,os=linux-5.10,arch=arm64'),
    'excluded',
  );
  const noMatrix = parseStages('waves:\n  - cells: ["arch=amd64"]\n  - cells: ["arch=arm64"]\n', 's.yml');
  assert.equal(noMatrix.matrix, null);
  assert.deepEqual(
    noMatrix.waves.map((w) => w.name),
    ['wave 1', 'wave 2'],
  );
});

test('invalid stages files: FILE:LINE, what is wrong, how to fix it', () => {
  const cases: [string, RegExp][] = [
    ['matrix: [a\n', /^s\.yml:\d+: not valid YAML: .*; fix the syntax/],
    ['- a\n- b\n', /^s\.yml:1: a stages file is a mapping with "waves:"/],
    ['matrix:\n  arch: [amd64]\n', /^s\.yml:1: "waves:" is missing/],
    ['wave:\n  - cells: [arch=amd64]\n', /^s\.yml:1: the top level: unknown key "wave"; allowed: matrix, waves/],
    [
      'matrix:\n  cpu: [x86]\nwaves: []\n',
      /^s\.yml:2: matrix: unknown key "cpu"; allowed: region, isp, os, arch, exclude/,
    ],
    ['matrix:\n  os: [5.10]\nwaves:\n  - where: {}\n', /^s\.yml:2: matrix\.os is the number 5\.1; write text, quoted/],
    ['matrix:\n  arch: [amd64, amd64]\nwaves:\n  - where: {}\n', /^s\.yml:2: matrix\.arch lists amd64 twice/],
    ['matrix:\n  arch: [amd64]\nwaves: []\n', /^s\.yml:3: waves must be a non-empty list/],
    [
      'matrix:\n  arch: [amd64]\nwaves:\n  - name: a\n',
      /^s\.yml:4: waves\[0\] \(wave 1\) needs exactly one of "cells:" .* or "where:"/,
    ],
    ['matrix:\n  arch: [amd64]\nwaves:\n  - cells: [arch=amd64]\n    where: {}\n', /^s\.yml:4: .*needs exactly one of/],
    [
      'matrix:\n  arch: [amd64, arm64]\nwaves:\n  - cells: [arch=amd64]\n  - cells:\n      - arch=amd64\n',
      /^s\.yml:6: waves\[1\] \(wave 2\)\.cells\[0\]: arch=amd64 is already in wave 1 \(wave 1\); a cell belongs to one wave/,
    ],
    [
      'matrix:\n  arch: [amd64]\nwaves:\n  - cells: [arch=arm64]\n',
      /^s\.yml:4: .*arch=arm64 is not a cell of the matrix/,
    ],
    [
      'waves:\n  - where: { arch: arm64 }\n',
      /^s\.yml:2: waves\[0\] \(wave 1\)\.where filters the matrix, but the file has no "matrix:"/,
    ],
    [
      'matrix:\n  arch: [amd64]\nwaves:\n  - where: { arch: arm46 }\n',
      /^s\.yml:4: .*arch=arm46 is not in matrix\.arch \(amd64\); fix the value/,
    ],
    [
      'matrix:\n  arch: [amd64]\nwaves:\n  - where: {}\n  - where: {}\n',
      /^s\.yml:5: waves\[1\] \(wave 2\)\.where matches no cell that an earlier wave has not taken/,
    ],
    [
      'matrix:\n  arch: [amd64]\n  exclude:\n    - { arch: arm64 }\nwaves:\n  - where: {}\n',
      /^s\.yml:4: matrix\.exclude\[0\]: arch=arm64 is not in matrix\.arch/,
    ],
    [
      'waves:\n  - cells: ["region=cn-east-2,cpu=x"]\n',
      /^s\.yml:2: waves\[0\] \(wave 1\)\.cells\[0\]: "cpu" is not a dimension; use region, isp, os, arch/,
    ],
    ['waves:\n  - cells: [{ arch: [amd64, arm64] }]\n', /^s\.yml:2: .*a cell has one value per dimension, not a list/],
    [
      'waves:\n  - name: a\n    cells: [arch=amd64]\n  - name: a\n    cells: [arch=arm64]\n',
      /^s\.yml:4: .*the name "a" is already wave 1's/,
    ],
    [
      'waves:\n  - cells: [arch=amd64]\n    needs: x\n',
      /^s\.yml:3: waves\[0\] \(wave 1\): unknown key "needs"; allowed: name, cells, where/,
    ],
  ];
  for (const [text, message] of cases) {
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
  }
  assert.throws(
    () => parseStages('waves:\n  - cells:\n      - { arch: true }\n', 's.yml'),
    /s\.yml:3: .*arch is the boolean true; write text, quoted/,
  );
});

let order = 0;
const rec = (cell: string, state: 'running' | 'pass' | 'blocked' | 'inconclusive' | 'reset'): FuseRecord => ({
  kind: 'cell',
  cell,
  state,
  reason: state,
  at: '',
  order: ++order,
});

test('plan: wave 1 always; a wave waits for its predecessor; fused cells are left out', () => {
  const stages = parseStages(STAGES, 'stages.yml');
  const [c1, c2] = stages.waves[0].cells.map((c) => c.id);
  const one = planWave(stages, 1, foldRecords([]));
  assert.equal(one.kind, 'ready');
  assert.deepEqual(one.kind === 'ready' && one.matrix.include[0], {
    region: 'cn-east-2',
    isp: 'cmcc',
    os: 'linux-5.10',
    arch: 'amd64',
    cell: c1,
  });

  const held = planWave(stages, 2, foldRecords([rec(c1, 'pass')]));
  assert.equal(held.kind, 'held');
  assert.match(
    held.kind === 'held' ? held.message : '',
    /wave 2 \(east\) is not promoted: wave 1 \(canary\) is not fully passed: 1 of 2 cells unsettled: .*arch=arm64 has not reported a result yet/,
  );
  const running = planWave(stages, 2, foldRecords([rec(c1, 'pass'), rec(c2, 'running')]));
  assert.match(
    running.kind === 'held' ? running.message : '',
    /arch=arm64 is still running \(or its job was cancelled: re-run it\)/,
  );
  const inconclusive = planWave(stages, 2, foldRecords([rec(c1, 'pass'), rec(c2, 'inconclusive')]));
  assert.match(
    inconclusive.kind === 'held' ? inconclusive.message : '',
    /was inconclusive \(inconclusive\); re-run it/,
  );
  const wasReset = planWave(stages, 2, foldRecords([rec(c1, 'pass'), rec(c2, 'blocked'), rec(c2, 'reset')]));
  assert.match(wasReset.kind === 'held' ? wasReset.message : '', /was reset \(reset\) and has not run again since/);

  // c2 blocked: it is settled (fused); arm64 itself trips by hand: wave 2's arm64 cell is left out.
  const records = [
    rec(c1, 'pass'),
    rec(c2, 'blocked'),
    {
      kind: 'dim',
      dim: 'arch',
      value: 'arm64',
      state: 'tripped',
      reason: 'by hand',
      cells: [c2],
      at: '',
      order: ++order,
    } as FuseRecord,
  ];
  const two = planWave(stages, 2, foldRecords(records));
  assert.equal(two.kind, 'ready');
  if (two.kind !== 'ready') return;
  assert.deepEqual(
    two.matrix.include.map((e) => e.cell),
    ['region=cn-east-2,isp=ctcc,os=linux-5.10,arch=amd64'],
  );
  assert.deepEqual(
    two.leftOut.map((l) => l.cell),
    ['region=cn-east-2,isp=ctcc,os=linux-5.10,arch=arm64'],
  );
  assert.match(two.leftOut[0].message, /arch=arm64 tripped/);

  assert.throws(
    () => planWave(stages, 4, foldRecords([])),
    /--stage 4: stages\.yml has 3 waves: 1 \(canary\), 2 \(east\), 3 \(rest\)/,
  );
});

test('memgate plan: the matrix JSON on stdout, exit 1 with the reason when held, exit 2 for a bad file', async () => {
  const world = dirWorld();
  writeFileSync(join(world.cwd, 'stages.yml'), STAGES);
  const plan = (stage: string) => runCli(world, ['plan', '--stages', 'stages.yml', '--stage', stage]);
  const first = await plan('1');
  assert.equal(first.code, 0, first.stderr);
  assert.equal(
    first.stdout,
    '{"include":[{"region":"cn-east-2","isp":"cmcc","os":"linux-5.10","arch":"amd64","cell":"region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64"},{"region":"cn-east-2","isp":"cmcc","os":"linux-5.10","arch":"arm64","cell":"region=cn-east-2,isp=cmcc,os=linux-5.10,arch=arm64"}]}\n',
  );
  const held = await plan('2');
  assert.equal(held.code, 1);
  assert.equal(held.stdout, '', 'nothing a workflow could mistake for a matrix');
  assert.match(held.stderr, /wave 1 \(canary\) is not fully passed/);

  await runCell(world, 'region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64', 'pass');
  await runCell(world, 'region=cn-east-2,isp=cmcc,os=linux-5.10,arch=arm64', 'fail', '1,>50%');
  const second = await plan('2');
  assert.equal(second.code, 0, second.stderr);
  assert.deepEqual(
    JSON.parse(second.stdout).include.map((e: { cell: string }) => e.cell),
    ['region=cn-east-2,isp=ctcc,os=linux-5.10,arch=amd64'],
  );
  assert.match(
    second.stderr,
    /left out: cell region=cn-east-2,isp=ctcc,os=linux-5.10,arch=arm64 is fused: arch=arm64 tripped/,
  );

  assert.equal((await plan('0')).code, 2);
  assert.match((await plan('x')).stderr, /"x" is not a number/);
  assert.match(
    (await runCli(world, ['plan', '--stages', 'nope.yml', '--stage', '1'])).stderr,
    /--stages nope\.yml: cannot read it \(ENOENT\)/,
  );
  writeFileSync(join(world.cwd, 'bad.yml'), 'waves:\n  - cells: [arch=amd64]\n    where: {}\n');
  const bad = await runCli(world, ['plan', '--stages', 'bad.yml', '--stage', '1']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /bad\.yml:2: waves\[0\]/);
});

test('an all-fused wave plans an empty matrix and says to skip the job', async () => {
  const world = dirWorld();
  writeFileSync(join(world.cwd, 's.yml'), 'waves:\n  - cells: ["arch=amd64"]\n  - cells: ["region=x,arch=arm64"]\n');
  await runCli(world, ['fuse', 'trip', '--dimension', 'arch=arm64', '--reason', 'incident']);
  await runCell(world, 'arch=amd64', 'pass');
  const r = await runCli(world, ['plan', '--stages', 's.yml', '--stage', '2']);
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '{"include":[]}\n');
  assert.match(r.stderr, /every cell of wave 2 is fused; the matrix is empty, so skip the wave's job/);
});

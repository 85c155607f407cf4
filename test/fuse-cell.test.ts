import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../src/model/errors.ts';
import { parseCell, parseDimensionValue } from '../src/fuse/cell.ts';
import { meetsThreshold, parseThreshold } from '../src/fuse/rules.ts';

test('a cell is parsed into canonical order, values lowercased', () => {
  const cell = parseCell(' arch=AMD64, region=cn-east-2 ,os=linux-5.10,isp=cmcc');
  assert.equal(cell.id, 'region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64');
  assert.deepEqual(cell.dims, { region: 'cn-east-2', isp: 'cmcc', os: 'linux-5.10', arch: 'amd64' });
  assert.equal(parseCell('arch=arm64').id, 'arch=arm64');
});

test('bad cells name the fix', () => {
  const cases: [string, RegExp][] = [
    ['region=cn-east-2,cpu=x86', /"cpu" is not a dimension; use region, isp, os, arch/],
    ['region=cn-east-2,arch', /"arch" is not dimension=value/],
    ['', /--cell is empty/],
    ['arch=', /arch has no value/],
    ['arch=amd64,arch=arm64', /arch is given twice/],
    ['os=linux 5.10', /may only hold letters, digits/],
    [`region=${'x'.repeat(41)}`, /longer than 40 characters/],
  ];
  for (const [text, message] of cases) {
    assert.throws(
      () => parseCell(text),
      (e: unknown) => e instanceof UsageError && message.test(e.message),
      text,
    );
  }
});

test('a dimension value', () => {
  assert.deepEqual(parseDimensionValue('Arch=ARM64'), { dim: 'arch', value: 'arm64' });
  assert.throws(() => parseDimensionValue('arch=arm64,region=x'), /not one dimension=value/);
  assert.throws(() => parseDimensionValue('gpu=a100'), /"gpu" is not a dimension/);
});

test('thresholds: cells, shares, both', () => {
  assert.deepEqual(parseThreshold('2'), { minCells: 2, share: null, strict: false, text: '2' });
  assert.deepEqual(parseThreshold('50%'), { minCells: 1, share: 0.5, strict: false, text: '50%' });
  assert.deepEqual(parseThreshold('2, >50%'), { minCells: 2, share: 0.5, strict: true, text: '2,>50%' });
  for (const bad of ['0', 'two', '150%', '>100%', '2,3', '50%,60%', ''])
    assert.throws(() => parseThreshold(bad), UsageError, bad);
  const def = parseThreshold('2,>50%');
  assert.equal(meetsThreshold(1, 1, def), false, 'one blocked cell never names a dimension');
  assert.equal(meetsThreshold(2, 4, def), false, 'half is not more than half');
  assert.equal(meetsThreshold(2, 3, def), true);
  assert.equal(meetsThreshold(2, 4, parseThreshold('50%')), true);
  assert.equal(meetsThreshold(1, 2, parseThreshold('50%')), true);
  assert.equal(meetsThreshold(2, 9, parseThreshold('2')), true);
});

// Units (src/model/units.ts): the 64-character bound of a rate is inclusive, as it is for the other values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_VALUE_LENGTH, parseRate } from '../src/model/units.ts';
import { UsageError } from '../src/model/errors.ts';

test('a rate of exactly 64 characters is read; one of 65 is not', () => {
  const at = (length: number) => `${'0'.repeat(length - '1MiB/min'.length)}1MiB/min`;
  assert.equal(at(MAX_VALUE_LENGTH).length, 64);
  assert.equal(parseRate(at(MAX_VALUE_LENGTH), 'min-slope'), (1024 * 1024) / 60);
  assert.throws(() => parseRate(at(MAX_VALUE_LENGTH + 1), 'min-slope'), UsageError);
});

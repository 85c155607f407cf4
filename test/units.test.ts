import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDuration, parsePercent, parseRate, parseSize } from '../src/model/units.ts';
import { UsageError } from '../src/model/errors.ts';

test('durations take units and compounds', () => {
  assert.equal(parseDuration('250ms', 'interval'), 250);
  assert.equal(parseDuration('10s', 'warmup'), 10_000);
  assert.equal(parseDuration('1m30s', 'duration'), 90_000);
  assert.equal(parseDuration('1.5s', 'duration'), 1500);
  assert.equal(parseDuration('2h', 'duration'), 7_200_000);
});

test('bad durations name the option and the fix', () => {
  for (const bad of ['10', '10x', 's', '', '1m 30s', '-5s']) {
    assert.throws(
      () => parseDuration(bad, 'warmup'),
      (e: unknown) => e instanceof UsageError && /--warmup/.test(e.message) && /like 250ms/.test(e.message),
      bad,
    );
  }
});

test('sizes, rates and percentages', () => {
  assert.equal(parseSize('512MiB', 'memory-max'), 512 * 1024 * 1024);
  assert.equal(parseSize('1G', 'memory-max'), 1e9);
  assert.equal(parseSize('4096', 'memory-max'), 4096);
  assert.equal(parseRate('1MiB/min', 'min-slope'), (1024 * 1024) / 60);
  assert.equal(parseRate('16KiB/s', 'min-slope'), 16 * 1024);
  assert.equal(parsePercent('12%', 'max-p95-increase'), 0.12);
  assert.equal(parsePercent('100', 'max-slope-increase'), 1);
  assert.throws(() => parseSize('lots', 'memory-max'), /like 512MiB/);
  assert.throws(() => parseRate('1MiB', 'min-slope'), /like 1MiB\/min/);
  assert.throws(() => parsePercent('-3%', 'max-p95-increase'), /non-negative/);
  assert.throws(() => parsePercent('twelve', 'max-p95-increase'), UsageError);
});

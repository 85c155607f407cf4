// Units, every unit and every edge (mutation testing found them unpinned): parsing options and formatting
// figures for the report, the console, the summary and the PR comment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatBytes,
  formatDuration,
  formatPercent,
  formatRate,
  parseDuration,
  parsePercent,
  parseRate,
  parseSize,
} from '../src/model/units.ts';
import { UsageError } from '../src/model/errors.ts';

/** The message starts with this (the range it names may change). */
const usage = (fn: () => unknown, start: string) =>
  assert.throws(fn, (e: unknown) => e instanceof UsageError && e.message.startsWith(start), start);

test('durations: every unit, decimals, compounds, spaces around', () => {
  assert.equal(parseDuration('7ms', 'x'), 7);
  assert.equal(parseDuration('3s', 'x'), 3000);
  assert.equal(parseDuration('2m', 'x'), 120_000);
  assert.equal(parseDuration('2min', 'x'), 120_000);
  assert.equal(parseDuration('1h', 'x'), 3_600_000);
  assert.equal(parseDuration('1.5h', 'x'), 5_400_000);
  assert.equal(parseDuration('12.25s', 'x'), 12_250);
  assert.equal(parseDuration('1h2m3s4ms', 'x'), 3_723_004);
  assert.equal(parseDuration(' 10s ', 'x'), 10_000);
  usage(
    () => parseDuration('10', 'warmup'),
    '--warmup: "10" is not a duration; write a number with a unit, like 250ms, 10s, 2m or 1m30s',
  );
  for (const bad of ['1.s', '.5s', '10sx', 'x10s', '10 s', '1d'])
    assert.throws(() => parseDuration(bad, 'x'), UsageError, bad);
});

test('sizes: every unit, case, decimals, a space before the unit; bytes rounded', () => {
  const cases: [string, number][] = [
    ['1b', 1],
    ['1B', 1],
    ['2k', 2000],
    ['2kb', 2000],
    ['2KB', 2000],
    ['3m', 3e6],
    ['3mb', 3e6],
    ['4g', 4e9],
    ['4gb', 4e9],
    ['1ki', 1024],
    ['1KiB', 1024],
    ['1mi', 1024 ** 2],
    ['1MiB', 1024 ** 2],
    ['1gi', 1024 ** 3],
    ['1GiB', 1024 ** 3],
    ['1.5KiB', 1536],
    ['0.5b', 1],
    ['512 MiB', 512 * 1024 ** 2],
    [' 7 ', 7],
  ];
  for (const [text, bytes] of cases) assert.equal(parseSize(text, 'x'), bytes, text);
  usage(
    () => parseSize('1PiB', 'memory-max'),
    '--memory-max: "1PiB" is not a size; write bytes with a unit, like 512MiB, 2GiB or 800M',
  );
  for (const bad of ['MiB', '1.MiB', 'x1MiB', '1MiBx', '-1MiB', ''])
    assert.throws(() => parseSize(bad, 'x'), UsageError, bad);
});

test('rates: per second, minute and hour, spaces around the slash, the size part checked', () => {
  assert.equal(parseRate('60B/s', 'x'), 60);
  assert.equal(parseRate('60B/sec', 'x'), 60);
  assert.equal(parseRate('60B/m', 'x'), 1);
  assert.equal(parseRate('60B/MIN', 'x'), 1);
  assert.equal(parseRate('7200B/h', 'x'), 2);
  assert.equal(parseRate('1KiB / s', 'x'), 1024);
  usage(
    () => parseRate('1MiB', 'min-slope'),
    '--min-slope: "1MiB" is not a rate; write a size per time, like 1MiB/min or 16KiB/s',
  );
  usage(
    () => parseRate('lots/s', 'min-slope'),
    '--min-slope: "lots/s" is not a size; write bytes with a unit, like 512MiB, 2GiB or 800M',
  );
  for (const bad of ['1MiB/d', '/s', '1MiB/sx']) assert.throws(() => parseRate(bad, 'x'), UsageError, bad);
});

test('percentages: with or without %, decimals, zero; never negative', () => {
  assert.equal(parsePercent('0', 'x'), 0);
  assert.equal(parsePercent('0%', 'x'), 0);
  assert.equal(parsePercent('12.5%', 'x'), 0.125);
  assert.equal(parsePercent('250 %', 'x'), 2.5);
  assert.equal(parsePercent(' 5% ', 'x'), 0.05);
  usage(
    () => parsePercent('-3%', 'max-p95-increase'),
    '--max-p95-increase: "-3%" is not a percentage; write a non-negative number like 12% or 100%',
  );
  for (const bad of ['x12%', '12%x', '%', '1.%', '12%%']) assert.throws(() => parsePercent(bad, 'x'), UsageError, bad);
});

test('formatBytes: whole bytes under 1 KiB, one decimal above, GiB the largest unit, sign kept', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(1023), '1023 B');
  assert.equal(formatBytes(1024), '1.0 KiB');
  assert.equal(formatBytes(1536), '1.5 KiB');
  assert.equal(formatBytes(1024 ** 2 - 1), '1024.0 KiB');
  assert.equal(formatBytes(1024 ** 2), '1.0 MiB');
  assert.equal(formatBytes(5.25 * 1024 ** 3), '5.3 GiB');
  assert.equal(formatBytes(3000 * 1024 ** 3), '3000.0 GiB');
  assert.equal(formatBytes(-2048), '-2.0 KiB');
  assert.equal(formatBytes(-5), '-5 B');
  assert.equal(formatBytes(0.4), '0 B');
});

test('formatRate, formatPercent, formatDuration', () => {
  assert.equal(formatRate((1024 * 1024) / 60), '1.0 MiB/min');
  assert.equal(formatRate(-16 * 1024), '-960.0 KiB/min');
  assert.equal(formatPercent(0.142), '+14.2%');
  assert.equal(formatPercent(0), '+0.0%');
  assert.equal(formatPercent(-0.05), '-5.0%');
  assert.equal(formatPercent(null), 'n/a');
  assert.equal(formatPercent(Infinity), 'n/a');
  assert.equal(formatPercent(NaN), 'n/a');
  assert.equal(formatDuration(250.4), '250ms');
  assert.equal(formatDuration(999), '999ms');
  assert.equal(formatDuration(1000), '1s');
  assert.equal(formatDuration(1500), '1.5s');
  assert.equal(formatDuration(119_000), '119s');
  assert.equal(formatDuration(119_999), '120.0s');
  assert.equal(formatDuration(120_000), '2.0min');
  assert.equal(formatDuration(7_199_999), '120.0min');
  assert.equal(formatDuration(7_200_000), '2.0h');
});

test('two decimals, the 64-character limit on a value, and 40-character quotes in messages', () => {
  assert.equal(parseSize('1.25KiB', 'x'), 1280);
  assert.equal(parsePercent('12.25%', 'x'), 0.1225);
  const d64 = `${'0'.repeat(62)}1s`;
  assert.equal(d64.length, 64);
  assert.equal(parseDuration(d64, 'x'), 1000, 'a value of 64 characters is read');
  assert.throws(() => parseDuration(`0${d64}`, 'x'), UsageError, '65 characters are not');
  assert.equal(parseSize(`${'0'.repeat(63)}1`, 'x'), 1);
  assert.throws(() => parseSize(`${'0'.repeat(64)}1`, 'x'), UsageError);
  assert.equal(parseRate(`${'0'.repeat(58)}60B/s`.slice(-64), 'x'), 60);
  assert.throws(() => parseRate(`${'0'.repeat(60)}60B/s`, 'x'), UsageError);
  assert.equal(parsePercent(`${'0'.repeat(62)}5%`, 'x'), 0.05);
  assert.throws(() => parsePercent(`${'0'.repeat(63)}5%`, 'x'), UsageError);
  const long = `${'x'.repeat(40)}yz`;
  assert.throws(
    () => parseDuration(long, 'warmup'),
    (e: unknown) =>
      e instanceof UsageError && e.message.startsWith(`--warmup: "${'x'.repeat(40)}..." is not a duration`),
  );
  assert.throws(
    () => parseDuration('x'.repeat(40), 'warmup'),
    (e: unknown) => e instanceof UsageError && e.message.startsWith(`--warmup: "${'x'.repeat(40)}" is not a duration`),
    'exactly 40: quoted whole',
  );
});

test('the range ends: 24h, 1024TiB, 100000% are taken, just beyond is out of range', () => {
  assert.equal(parseDuration('24h', 'x'), 86_400_000);
  assert.throws(
    () => parseDuration('24h1ms', 'warmup'),
    (e: unknown) =>
      e instanceof UsageError &&
      e.message.startsWith('--warmup: "24h1ms" is out of range; give a duration from 0ms to 24h'),
  );
  assert.equal(parseSize('1024TiB', 'x'), 2 ** 50);
  assert.throws(
    () => parseSize('1025TiB', 'memory-max'),
    (e: unknown) =>
      e instanceof UsageError &&
      e.message.startsWith('--memory-max: "1025TiB" is out of range; give a size from 0 to 1024TiB'),
  );
  assert.equal(parsePercent('100000%', 'x'), 1000);
  assert.throws(
    () => parsePercent('100001%', 'x'),
    (e: unknown) =>
      e instanceof UsageError && /is out of range; give a percentage from 0% to 100000%\.$/.test(e.message),
  );
});

// Units on hostile input: Infinity, 1e400, 2000h, sizes no cgroup takes, megabyte strings. Each is a
// usage error (exit 2) that names the allowed range or the format, never an internal error, and
// parsing stays fast. Recorded cases: test/data/hostile/units.tsv. Properties over any string.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  MAX_DURATION_MS,
  MAX_PERCENT,
  MAX_SIZE_BYTES,
  parseDuration,
  parsePercent,
  parseRate,
  parseSize,
} from '../src/model/units.ts';
import { UsageError } from '../src/model/errors.ts';
import { cli } from '../src/cli/cli.ts';
import type { CliIO } from '../src/cli/io.ts';
import { assertLinearTime } from './helpers/linear-time.ts';

const PARSERS: Record<string, (text: string, option: string) => number> = {
  duration: parseDuration,
  'memory-max': parseSize,
  'min-slope': parseRate,
  'max-p95-increase': parsePercent,
};
const CASES = readFileSync(join(import.meta.dirname, 'data/hostile/units.tsv'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => l.split('\t') as [string, string]);

test('corpus: every hostile value is a UsageError naming the option and the range or the format', () => {
  assert.ok(CASES.length >= 25);
  for (const [option, value] of CASES) {
    assert.throws(
      () => PARSERS[option](value, option),
      (e: unknown) =>
        e instanceof UsageError &&
        e.message.startsWith(`--${option}: "`) &&
        /out of range; give|is not a/.test(e.message) &&
        e.message.length < 300,
      `${option} ${value.slice(0, 40)}`,
    );
  }
});

test('the bounds: 24h, 1024TiB, 100000% are taken; just beyond each is out of range', () => {
  assert.equal(parseDuration('24h', 'duration'), MAX_DURATION_MS);
  assert.throws(() => parseDuration('24h1ms', 'duration'), /out of range; give a duration from 0ms to 24h/);
  assert.throws(
    () => parseDuration('2000h', 'duration'),
    /--duration: "2000h" is out of range; give a duration from 0ms to 24h/,
  );
  assert.equal(parseSize('1024TiB', 'memory-max'), MAX_SIZE_BYTES);
  assert.throws(
    () => parseSize(String(MAX_SIZE_BYTES + 1), 'memory-max'),
    /out of range; give a size from 0 to 1024TiB/,
  );
  assert.throws(() => parseSize('9'.repeat(60), 'memory-max'), /out of range/);
  // Longer than any real value: not read at all, and the message still gives the range.
  assert.throws(() => parseSize('9'.repeat(400), 'memory-max'), /is not a size; .*\(from 0 to 1024TiB\)/);
  assert.equal(parseRate('1024TiB/s', 'min-slope'), MAX_SIZE_BYTES);
  assert.equal(parsePercent(`${MAX_PERCENT}%`, 'max-p95-increase'), MAX_PERCENT / 100);
  assert.throws(
    () => parsePercent(`${MAX_PERCENT + 1}%`, 'max-p95-increase'),
    /out of range; give a percentage from 0% to 100000%/,
  );
  assert.equal(parseDuration('0.4ms', 'interval'), 0, 'whole milliseconds');
});

test('the CLI: out-of-range values exit 2 with the range, not an internal error', async () => {
  const cases: [string[], RegExp][] = [
    [['--duration', '2000h'], /--duration: "2000h" is out of range; give a duration from 0ms to 24h/],
    [['--memory-max', '9'.repeat(400)], /--memory-max: "9{40}\.\.\." is not a size; .*\(from 0 to 1024TiB\)/],
    [['--memory-max', '9'.repeat(60)], /--memory-max: "9{40}\.\.\." is out of range; give a size from 0 to 1024TiB/],
    [['--min-slope', '1e400/s'], /--min-slope: "1e400\/s" is not a size/],
    [
      ['--max-p95-increase', `${'9'.repeat(60)}%`],
      /--max-p95-increase: .* is out of range; give a percentage from 0% to 100000%/,
    ],
    [['--max-p95-increase', '9'.repeat(400)], /--max-p95-increase: .* is not a percentage/],
  ];
  for (const [args, expected] of cases) {
    const err: string[] = [];
    const io: CliIO = {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH },
      stdout: () => {},
      stderr: (t) => err.push(t),
      logger: { info: () => {}, warn: (m) => err.push(m) },
      signal: new AbortController().signal,
    };
    const code = await cli(['run', '--baseline', 'sleep 60', '--gray', 'sleep 60', ...args], io);
    assert.equal(code, 2, `${args.join(' ').slice(0, 60)}: ${err.join('\n')}`);
    assert.match(err.join('\n'), expected);
    assert.ok(!err.join('\n').includes('internal error'));
  }
});

test('parsers run in linear time on megabyte values', () => {
  assertLinearTime(
    'rate, spaces before the slash',
    (n) => `1${' '.repeat(n)}x/s`,
    (t) => catchUsage(() => parseRate(t, 'min-slope')),
  );
  assertLinearTime(
    'rate, slashes',
    (n) => `${'/'.repeat(n)}s`,
    (t) => catchUsage(() => parseRate(t, 'min-slope')),
  );
  assertLinearTime(
    'duration, compound',
    (n) => '1s'.repeat(n / 2),
    (t) => catchUsage(() => parseDuration(t, 'duration')),
  );
  assertLinearTime(
    'size, digits',
    (n) => `${'9'.repeat(n)}x`,
    (t) => catchUsage(() => parseSize(t, 'memory-max')),
  );
});

function catchUsage(run: () => number): number | null {
  try {
    return run();
  } catch (error) {
    if (error instanceof UsageError) return null;
    throw error;
  }
}

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc
    .tuple(
      fc.oneof(
        fc.double(),
        fc.bigInt(),
        fc.constantFrom('Infinity', 'NaN', '1e400', '9'.repeat(400), '-0', '0x1f', '.5'),
      ),
      fc.constantFrom('', 'ms', 's', 'm', 'h', 'min', 'MiB', 'TiB', 'k', '%', '/s', 'MiB/min', ' ', '1s'),
    )
    .map(([n, u]) => `${n}${u}`),
);

test('property: any text gives a bounded finite number or a UsageError, never another error', () => {
  const bounds: Record<string, number> = {
    duration: MAX_DURATION_MS,
    'memory-max': MAX_SIZE_BYTES,
    'min-slope': MAX_SIZE_BYTES,
    'max-p95-increase': MAX_PERCENT / 100,
  };
  fc.assert(
    fc.property(fc.constantFrom(...Object.keys(PARSERS)), anyText, (option, text) => {
      const value = catchUsage(() => PARSERS[option](text, option));
      return value === null || (Number.isFinite(value) && value >= 0 && value <= bounds[option]);
    }),
    { numRuns: 200 },
  );
});

// Time complexity of a parser on hostile input, measured without trusting absolute timings: the
// machines are shared and noisy. The input grows 4x per step (16 KiB to 1 MiB); a linear parser takes
// ~4x as long per step, a quadratic one ~16x. A step is judged only once it takes long enough to be
// above timer noise, and the test stops at the first quadratic step, so that a regression fails in
// seconds instead of running for the minutes a quadratic parser needs on a megabyte.
import assert from 'node:assert/strict';

/** Sizes the input goes through, in characters. */
export const SIZES = [16 * 1024, 64 * 1024, 256 * 1024, 1024 * 1024];
/** Per 4x step: linear is ~4, quadratic ~16; the bound leaves room for GC pauses and a busy machine. */
export const MAX_STEP_RATIO = 10;
/** Steps faster than this are not judged: at this size they cannot be quadratic in any harmful way. */
export const NOISE_FLOOR_MS = 15;

export function timeOf(run: () => void): number {
  let best = Infinity;
  // The best of a few runs: noise only ever adds time. One run when it is already slow.
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
    if (best > 200) break;
  }
  return best;
}

/**
 * Asserts that `parse(make(n))` grows about linearly in n up to 1 MiB. `make(n)` builds an input of
 * about n characters. The two sizes of a step are timed in turns (best of 5 each), so that both
 * meet the same garbage-collector state. Returns the times per size (ms), for the test's message.
 */
export function assertLinearTime(
  name: string,
  make: (n: number) => string,
  parse: (text: string) => unknown,
): number[] {
  const times: number[] = [];
  for (let i = 1; i < SIZES.length; i++) {
    const [small, large] = [make(SIZES[i - 1]), make(SIZES[i])];
    let [before, now] = [Infinity, Infinity];
    for (let rep = 0; rep < 5 && (rep === 0 || now < 300); rep++) {
      let started = performance.now();
      parse(small);
      before = Math.min(before, performance.now() - started);
      started = performance.now();
      parse(large);
      now = Math.min(now, performance.now() - started);
    }
    times[i - 1] = before;
    times[i] = now;
    if (now < NOISE_FLOOR_MS) continue;
    const ratio = now / Math.max(before, NOISE_FLOOR_MS / 2);
    assert.ok(
      ratio <= MAX_STEP_RATIO,
      `${name}: ${SIZES[i - 1] / 1024} KiB took ${before.toFixed(1)} ms, ${SIZES[i] / 1024} KiB ${now.toFixed(1)} ms (${ratio.toFixed(1)}x for 4x the input: not linear)`,
    );
  }
  return times;
}

/** How many times a plain pass over the text (split into lines, each trimmed) a parser may take. */
export const SCAN_MULTIPLE = 100;
/** Added to the bound: a cold JIT, and a machine shared by several engineers' test runs. */
export const SCAN_SLACK_MS = 500;

/**
 * Asserts that parsing one recorded hostile input costs at most SCAN_MULTIPLE plain passes over it
 * plus SCAN_SLACK_MS: a parser that backtracks over a line (seconds on these inputs) cannot meet
 * that. Both are timed in turns (up to 5, best of each) so that a busy moment of the machine does not decide.
 */
export function assertNearScanTime(name: string, text: string, parse: (text: string) => unknown): void {
  let [scan, parsed] = [Infinity, Infinity];
  for (let round = 0; round < 5; round++) {
    scan = Math.min(
      scan,
      timeOf(() => text.split('\n').map((line) => line.trim())),
    );
    parsed = Math.min(
      parsed,
      timeOf(() => parse(text)),
    );
    // Within the bound: done. Seconds: a pathological parser, no need to ask again.
    if (parsed <= SCAN_MULTIPLE * scan + SCAN_SLACK_MS || parsed > 2000) break;
  }
  assert.ok(
    parsed <= SCAN_MULTIPLE * scan + SCAN_SLACK_MS,
    `${name}: parsing took ${parsed.toFixed(1)} ms, a plain pass over it ${scan.toFixed(2)} ms`,
  );
}

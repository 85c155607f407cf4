import { UsageError } from './errors.ts';

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

// Bounds: a value outside them is a usage error that names the range (exit 2), never an Infinity or
// a float that reaches a timer or a cgroup file and fails there as an internal error.

/** Longest duration memgate takes: a gate watches minutes; Node's timers cannot wait past ~24.8 days. */
export const MAX_DURATION_MS = 24 * 3_600_000;
/**
 * Largest size memgate takes: 1 PiB, beyond any machine's memory. A cgroup's memory.max takes whole
 * bytes below 2^63; JavaScript numbers are whole only to 2^53.
 */
export const MAX_SIZE_BYTES = 2 ** 50;
/** Largest percentage: a limit of 1000x is already no limit. */
export const MAX_PERCENT = 100_000;

const DURATION_EXAMPLE = 'like 250ms, 10s, 2m or 1m30s';
/** Longest value text read at all: no real duration, size, rate or percentage is longer. */
export const MAX_VALUE_LENGTH = 64;

/** "250ms", "10s", "1m30s", "1.5h" -> milliseconds (whole), from 0 to MAX_DURATION_MS. */
export function parseDuration(text: string, option: string): number {
  const trimmed = text.length > MAX_VALUE_LENGTH ? '' : text.trim();
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|min|m|h)/g)];
  const joined = parts.map((p) => p[0]).join('');
  if (parts.length === 0 || joined !== trimmed) {
    throw new UsageError(
      `--${option}: "${clipped(text)}" is not a duration; write a number with a unit, ${DURATION_EXAMPLE} (from 0ms to 24h).`,
    );
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * DURATION_UNITS[p[2]], 0);
  if (!Number.isFinite(ms) || ms > MAX_DURATION_MS) {
    throw new UsageError(
      `--${option}: "${clipped(text)}" is out of range; give a duration from 0ms to 24h, ${DURATION_EXAMPLE}.`,
    );
  }
  return Math.round(ms);
}

const SIZE_UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1e3,
  kb: 1e3,
  m: 1e6,
  mb: 1e6,
  g: 1e9,
  gb: 1e9,
  t: 1e12,
  tb: 1e12,
  ki: 1024,
  kib: 1024,
  mi: 1024 ** 2,
  mib: 1024 ** 2,
  gi: 1024 ** 3,
  gib: 1024 ** 3,
  ti: 1024 ** 4,
  tib: 1024 ** 4,
};

/** User text quoted in a message, cut to a readable length. */
const clipped = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}...` : text);

/** "512MiB", "1G", "1048576" -> bytes (whole), from 0 to MAX_SIZE_BYTES (1 PiB). */
export function parseSize(text: string, option: string): number {
  return sizeOf(text, option, text);
}

/** `text` as a size; messages quote `shown` (the whole value, when the size is part of a rate). */
function sizeOf(text: string, option: string, shown: string): number {
  const match = text.length > MAX_VALUE_LENGTH ? null : /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match?.[2].toLowerCase() ?? '';
  if (!match || !(unit in SIZE_UNITS)) {
    throw new UsageError(
      `--${option}: "${clipped(shown)}" is not a size; write bytes with a unit, like 512MiB, 2GiB or 800M (from 0 to 1024TiB).`,
    );
  }
  const bytes = Math.round(Number(match[1]) * SIZE_UNITS[unit]);
  if (!Number.isSafeInteger(bytes) || bytes > MAX_SIZE_BYTES) {
    throw new UsageError(
      `--${option}: "${clipped(shown)}" is out of range; give a size from 0 to 1024TiB, like 512MiB or 2GiB.`,
    );
  }
  return bytes;
}

const PER_SECOND: Record<string, number> = { s: 1, sec: 1, m: 60, min: 60, h: 3600 };

/** "1MiB/min", "16KiB/s" -> bytes per second; the size part bounded as parseSize bounds it. */
export function parseRate(text: string, option: string): number {
  // By hand, not with a lazy regex: the text may be long (an Action input) and must not backtrack.
  const trimmed = text.length > MAX_VALUE_LENGTH ? '' : text.trim();
  const slash = trimmed.lastIndexOf('/');
  const per =
    PER_SECOND[
      trimmed
        .slice(slash + 1)
        .trim()
        .toLowerCase()
    ];
  const size = trimmed.slice(0, Math.max(slash, 0)).trim();
  if (slash <= 0 || per === undefined || size === '') {
    throw new UsageError(
      `--${option}: "${clipped(text)}" is not a rate; write a size per time, like 1MiB/min or 16KiB/s.`,
    );
  }
  return sizeOf(size, option, text) / per;
}

/** "12%" or "12" -> 0.12, from 0% to MAX_PERCENT. */
export function parsePercent(text: string, option: string): number {
  const match = text.length > MAX_VALUE_LENGTH ? null : /^(-?\d+(?:\.\d+)?)\s*%?$/.exec(text.trim());
  if (!match || Number(match[1]) < 0) {
    throw new UsageError(
      `--${option}: "${clipped(text)}" is not a percentage; write a non-negative number like 12% or 100%.`,
    );
  }
  const percent = Number(match[1]);
  if (!Number.isFinite(percent) || percent > MAX_PERCENT) {
    throw new UsageError(
      `--${option}: "${clipped(text)}" is out of range; give a percentage from 0% to ${MAX_PERCENT}%.`,
    );
  }
  return percent / 100;
}

export function formatBytes(bytes: number): string {
  const sign = bytes < 0 ? '-' : '';
  let value = Math.abs(bytes);
  for (const unit of ['B', 'KiB', 'MiB', 'GiB']) {
    if (value < 1024 || unit === 'GiB') return `${sign}${unit === 'B' ? value.toFixed(0) : value.toFixed(1)} ${unit}`;
    value /= 1024;
  }
  return `${sign}${value} B`;
}

export function formatRate(bytesPerSec: number): string {
  return `${formatBytes(bytesPerSec * 60)}/min`;
}

export function formatPercent(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return 'n/a';
  return `${ratio >= 0 ? '+' : ''}${(ratio * 100).toFixed(1)}%`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)}s`;
  if (ms < 7_200_000) return `${(ms / 60_000).toFixed(1)}min`;
  return `${(ms / 3_600_000).toFixed(1)}h`;
}

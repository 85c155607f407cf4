import { UsageError } from './errors.ts';

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** "250ms", "10s", "1m30s", "1.5h" -> milliseconds. */
export function parseDuration(text: string, option: string): number {
  const trimmed = text.trim();
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|min|m|h)/g)];
  const joined = parts.map((p) => p[0]).join('');
  if (parts.length === 0 || joined !== trimmed) {
    throw new UsageError(`--${option}: "${text}" is not a duration; write a number with a unit, like 250ms, 10s, 2m or 1m30s.`);
  }
  return parts.reduce((sum, p) => sum + Number(p[1]) * DURATION_UNITS[p[2]], 0);
}

const SIZE_UNITS: Record<string, number> = {
  '': 1, b: 1,
  k: 1e3, kb: 1e3, m: 1e6, mb: 1e6, g: 1e9, gb: 1e9,
  ki: 1024, kib: 1024, mi: 1024 ** 2, mib: 1024 ** 2, gi: 1024 ** 3, gib: 1024 ** 3,
};

/** "512MiB", "1G", "1048576" -> bytes. */
export function parseSize(text: string, option: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = match?.[2].toLowerCase() ?? '';
  if (!match || !(unit in SIZE_UNITS)) {
    throw new UsageError(`--${option}: "${text}" is not a size; write bytes with a unit, like 512MiB, 2GiB or 800M.`);
  }
  return Math.round(Number(match[1]) * SIZE_UNITS[unit]);
}

/** "1MiB/min", "16KiB/s" -> bytes per second. */
export function parseRate(text: string, option: string): number {
  const match = /^(.+?)\s*\/\s*(s|sec|m|min|h)$/i.exec(text.trim());
  if (!match) {
    throw new UsageError(`--${option}: "${text}" is not a rate; write a size per time, like 1MiB/min or 16KiB/s.`);
  }
  const perSecond = { s: 1, sec: 1, m: 60, min: 60, h: 3600 }[match[2].toLowerCase()] ?? 1;
  return parseSize(match[1], option) / perSecond;
}

/** "12%" or "12" -> 0.12. */
export function parsePercent(text: string, option: string): number {
  const match = /^(-?\d+(?:\.\d+)?)\s*%?$/.exec(text.trim());
  if (!match || Number(match[1]) < 0) {
    throw new UsageError(`--${option}: "${text}" is not a percentage; write a non-negative number like 12% or 100%.`);
  }
  return Number(match[1]) / 100;
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

import { formatBytes, formatRate } from '../model/units.ts';
import type { Report, SideReport } from './report-json.ts';

/** Cell texts the Markdown and HTML renderers share, so both say a figure the same way. */
export const bytesOrNa = (v: number | null): string => (v === null ? 'n/a' : formatBytes(v));

export const confidenceText = (confidence: number): string => `${Math.round(confidence * 100)}% CI`;

export const slopeWithInterval = (s: SideReport, confidence: number): string =>
  s.slopeBytesPerSec === null
    ? 'n/a'
    : `${formatRate(s.slopeBytesPerSec)} (${confidenceText(confidence)} ${formatRate(s.slopeInterval!.low)} .. ${formatRate(s.slopeInterval!.high)})`;

const rateOrNa = (v: number | null): string => (v === null ? 'n/a' : formatRate(v));

/**
 * One row per process of each side (replicas): what the side figures are the mean of, so a reader
 * sees the band two processes of one build span. Empty with one process a side.
 */
export function instanceRows(report: Report): string[][] {
  if (report.baseline.instances.length < 2 && report.gray.instances.length < 2) return [];
  const rows: string[][] = [];
  for (const side of ['baseline', 'gray'] as const) {
    for (const [i, p] of report[side].instances.entries()) {
      rows.push([
        `${side} #${i + 1}`,
        bytesOrNa(p.p95Bytes),
        rateOrNa(p.slopeBytesPerSec),
        rateOrNa(p.inuseGrowthBytesPerSec),
        bytesOrNa(p.lastFloorBytes),
        p.oomKills ? `${p.oomKills} OOM` : p.exited ? 'exited' : '',
      ]);
    }
  }
  return rows;
}
export const INSTANCE_HEAD = ['process', 'P95', 'floor slope', 'retained heap growth', 'floor at end', ''];

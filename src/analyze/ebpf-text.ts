import { formatBytes, formatDuration } from '../model/units.ts';
import type { AllocationPath, EbpfSummary } from './ebpf-analyze.ts';

/** Gray's allocation paths shown on a terminal; report.json has the top 20 of each side. */
export const CONSOLE_PATHS = 3;

const rate = (bytesPerSec: number) => `${formatBytes(bytesPerSec)}/s`;

/** One allocation path in a line: `main.f (x.go:12) 1.0 MiB/s, 40% of gray's, from main.g`. */
export function describePath(p: AllocationPath, side: string): string {
  const where = p.location ? ` (${p.location})` : '';
  const caller = p.caller && p.caller !== p.function ? `, from ${p.caller}` : '';
  return `${p.function}${where} ${rate(p.bytesPerSec)}, ${Math.round(p.share * 100)}% of ${side}'s allocation${caller}`;
}

/** Terminal lines for the eBPF trace: both sides' allocation rates and gray's top paths. */
export function ebpfConsoleLines(summary: EbpfSummary | null): string[] {
  if (!summary || (!summary.gray && !summary.baseline)) return [];
  const side = (name: 'baseline' | 'gray') => {
    const s = summary[name];
    return s ? `${name} ${rate(s.bytesPerSec)} over ${formatDuration(s.traceMs)}` : `${name} not traced`;
  };
  const lines = [`  allocation paths (eBPF, ${summary.mode} mode): ${side('gray')}, ${side('baseline')}`];
  for (const [i, p] of (summary.gray?.paths ?? []).slice(0, CONSOLE_PATHS).entries())
    lines.push(`    ${i + 1}. ${describePath(p, 'gray')}`);
  return lines;
}

import { formatBytes, formatRate } from '../model/units.ts';
import type { SideReport } from './report-json.ts';

/** Cell texts the Markdown and HTML renderers share, so both say a figure the same way. */
export const bytesOrNa = (v: number | null): string => (v === null ? 'n/a' : formatBytes(v));

export const slopeWithInterval = (s: SideReport): string =>
  s.slopeBytesPerSec === null ? 'n/a' : `${formatRate(s.slopeBytesPerSec)} (95% CI ${formatRate(s.slopeInterval!.low)} .. ${formatRate(s.slopeInterval!.high)})`;

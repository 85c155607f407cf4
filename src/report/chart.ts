import type { MemorySample } from '../model/bundle.ts';

export interface ChartSeries {
  /** Bucket start times in seconds. */
  seconds: number[];
  /** Highest reading per bucket, MiB (null: no reading in that bucket). */
  baseline: (number | null)[];
  gray: (number | null)[];
}

const MiB = 1024 * 1024;

/**
 * Downsamples both sides onto the same buckets, keeping each bucket's highest reading: a chart of
 * maxima never hides a peak, and both lines stay on one clock.
 */
export function downsample(samples: readonly MemorySample[], maxPoints: number): ChartSeries {
  const out: ChartSeries = { seconds: [], baseline: [], gray: [] };
  if (samples.length === 0) return out;
  const buckets = Math.min(maxPoints, samples.length);
  const start = samples[0].t;
  const span = Math.max(1, samples[samples.length - 1].t - start);
  const width = span / buckets;
  for (let i = 0; i < buckets; i++) {
    out.seconds.push(Math.round((start + i * width) / 100) / 10);
    out.baseline.push(null);
    out.gray.push(null);
  }
  for (const s of samples) {
    const i = Math.min(buckets - 1, Math.floor((s.t - start) / width));
    for (const side of ['baseline', 'gray'] as const) {
      const v = s[side];
      if (v === null) continue;
      const mib = Math.round((v / MiB) * 100) / 100;
      const prev = out[side][i];
      out[side][i] = prev === null ? mib : Math.max(prev, mib);
    }
  }
  // Carry the last value over empty buckets so the lines do not break.
  for (const side of ['baseline', 'gray'] as const) {
    for (let i = 1; i < buckets; i++) out[side][i] ??= out[side][i - 1];
  }
  return out;
}

/** At most `maxPoints` readings, bucket maxima in bytes on one clock: the timeline report.json carries. */
export function timeline(samples: readonly MemorySample[], maxPoints = 240): MemorySample[] {
  if (samples.length <= maxPoints) return samples.map((s) => ({ ...s }));
  const series = downsample(samples, maxPoints);
  return series.seconds.map((sec, i) => ({
    t: Math.round(sec * 1000),
    baseline: series.baseline[i] === null ? null : Math.round(series.baseline[i]! * MiB),
    gray: series.gray[i] === null ? null : Math.round(series.gray[i]! * MiB),
  }));
}

/** A Mermaid `xychart-beta` line chart, which GitHub renders in comments and job summaries. */
export function mermaidChart(samples: readonly MemorySample[], warmupMs: number, maxPoints = 60): string {
  const series = downsample(samples, maxPoints);
  if (series.seconds.length < 2) return '';
  const values = [...series.baseline, ...series.gray].filter((v): v is number => v !== null);
  const top = Math.ceil(Math.max(...values) * 1.1);
  const line = (vs: (number | null)[]) => `[${vs.map((v) => (v ?? 0).toFixed(2)).join(', ')}]`;
  const end = series.seconds[series.seconds.length - 1];
  return [
    '```mermaid',
    'xychart-beta',
    `    title "Memory (MiB, max per ${((end - series.seconds[0]) / (series.seconds.length - 1)).toFixed(1)} s): baseline (1st line) vs gray (2nd line); warm-up ends at ${(warmupMs / 1000).toFixed(0)} s"`,
    `    x-axis "seconds since ready" ${series.seconds[0]} --> ${end}`,
    `    y-axis "MiB" 0 --> ${top}`,
    `    line ${line(series.baseline)}`,
    `    line ${line(series.gray)}`,
    '```',
  ].join('\n');
}

const COLORS = { baseline: '#1f77b4', gray: '#d62728' } as const;

/** An inline SVG line chart of both sides, the warm-up shaded, for the self-contained HTML report. */
export function svgChart(samples: readonly MemorySample[], warmupMs: number, width = 760, height = 280): string {
  const series = downsample(samples, 400);
  if (series.seconds.length < 2) return '<p>No memory readings were recorded.</p>';
  const pad = { left: 56, right: 16, top: 16, bottom: 36 };
  const values = [...series.baseline, ...series.gray].filter((v): v is number => v !== null);
  const yMax = Math.max(1, Math.ceil(Math.max(...values) * 1.1));
  const x0 = series.seconds[0];
  const x1 = series.seconds[series.seconds.length - 1];
  const x = (s: number) => pad.left + ((s - x0) / Math.max(1e-9, x1 - x0)) * (width - pad.left - pad.right);
  const y = (v: number) => height - pad.bottom - (v / yMax) * (height - pad.top - pad.bottom);
  const path = (side: 'baseline' | 'gray') =>
    series[side]
      .map((v, i) => (v === null ? '' : `${x(series.seconds[i]).toFixed(1)},${y(v).toFixed(1)}`))
      .filter(Boolean)
      .join(' ');
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Memory of baseline and gray over time">`,
  );
  const warmEnd = Math.min(x1, warmupMs / 1000);
  if (warmEnd > x0)
    parts.push(
      `<rect x="${x(x0)}" y="${pad.top}" width="${(x(warmEnd) - x(x0)).toFixed(1)}" height="${height - pad.top - pad.bottom}" fill="#eee"><title>warm-up (not judged)</title></rect>`,
    );
  for (let i = 0; i <= 4; i++) {
    const v = (yMax * i) / 4;
    parts.push(
      `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#ddd"/>`,
    );
    parts.push(
      `<text x="${pad.left - 6}" y="${(y(v) + 4).toFixed(1)}" font-size="11" text-anchor="end">${v.toFixed(v < 10 ? 1 : 0)}</text>`,
    );
  }
  for (let i = 0; i <= 5; i++) {
    const s = x0 + ((x1 - x0) * i) / 5;
    parts.push(
      `<text x="${x(s).toFixed(1)}" y="${height - pad.bottom + 16}" font-size="11" text-anchor="middle">${s.toFixed(0)}s</text>`,
    );
  }
  parts.push(
    `<text x="14" y="${height / 2}" font-size="11" transform="rotate(-90 14 ${height / 2})" text-anchor="middle">MiB</text>`,
  );
  for (const side of ['baseline', 'gray'] as const) {
    parts.push(
      `<polyline class="series-${side}" fill="none" stroke="${COLORS[side]}" stroke-width="2" points="${path(side)}"/>`,
    );
  }
  parts.push(
    `<g font-size="12"><rect x="${pad.left + 10}" y="${pad.top + 6}" width="12" height="3" fill="${COLORS.baseline}"/><text x="${pad.left + 26}" y="${pad.top + 11}">baseline</text><rect x="${pad.left + 100}" y="${pad.top + 6}" width="12" height="3" fill="${COLORS.gray}"/><text x="${pad.left + 116}" y="${pad.top + 11}">gray</text></g>`,
  );
  parts.push('</svg>');
  return parts.join('');
}

// A synthetic fleet of Go services' memory, as a store would hold it: instances of a stable and a
// canary track in several regions, 15 s scrapes over two hours. Each region is one behaviour:
//   eu-central-1  healthy both sides                         -> pass (or warn)
//   us-west-1     canaries leak 2 MiB/min                    -> fail (floor slope)
//   ap-south-1    canaries sit 40% higher, flat (a plateau)  -> fail (P95)
//   sa-east-1     healthy, but restarts (a new series; a drop in one series), a 10 min gap, NaN -> pass/warn, restarts reported
//   af-south-1    canaries only                              -> inconclusive (one side)
//   me-central-1  one canary                                 -> inconclusive (too few instances)
// Values: a floor with the instance's own offset and drift, a GC sawtooth above it, and noise.

export const MiB = 1024 * 1024;
export const SCRAPE_SEC = 15;
export const SPAN_SEC = 2 * 3600;

export interface SynthSeries {
  labels: Record<string, string>;
  /** [unix seconds, value]; NaN written as NaN. */
  points: [number, number][];
}

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Behaviour {
  /** Floor growth, bytes per minute. */
  leakPerMin?: number;
  /** Extra constant bytes. */
  plateau?: number;
  /** Restart by a new series (another `boot` label) at this share of the span. */
  newSeriesAt?: number;
  /** Restart seen as a drop within the series at this share of the span. */
  dropAt?: number;
  /** No points between these shares of the span. */
  gap?: [number, number];
  /** Every n-th point is NaN. */
  nanEvery?: number;
}

export function instanceSeries(
  labels: Record<string, string>,
  startSec: number,
  seed: number,
  b: Behaviour = {},
): SynthSeries[] {
  const rnd = random(seed);
  const offset = (rnd() - 0.5) * 6 * MiB;
  const drift = (rnd() - 0.5) * 40 * 1024; // bytes/min: two processes of one build drift a little apart
  const phase = rnd() * 60;
  const out: SynthSeries[] = [{ labels: { ...labels }, points: [] }];
  let restartAt = -1;
  for (let s = 0; s <= SPAN_SEC; s += SCRAPE_SEC) {
    const share = s / SPAN_SEC;
    const t = startSec + s;
    if (b.gap && share >= b.gap[0] && share < b.gap[1]) continue;
    if (b.newSeriesAt !== undefined && share >= b.newSeriesAt && out.length === 1) {
      out.push({ labels: { ...labels, boot: '2' }, points: [] });
      restartAt = s;
    }
    if (b.dropAt !== undefined && share >= b.dropAt && restartAt < 0) restartAt = s;
    const minutes = s / 60;
    let v = 100 * MiB + offset + drift * minutes + (b.leakPerMin ?? 0) * minutes + (b.plateau ?? 0);
    v += (((s + phase) % 60) / 60) * 4 * MiB; // GC sawtooth: up 4 MiB a minute, then collected
    v += (rnd() - 0.5) * 0.5 * MiB;
    if (restartAt >= 0 && s - restartAt < 90) v = 40 * MiB + ((s - restartAt) / 90) * (v - 40 * MiB); // a fresh process warms up
    const idx = Math.round(s / SCRAPE_SEC);
    out[out.length - 1].points.push([t, b.nanEvery && idx % b.nanEvery === 7 ? NaN : Math.round(v)]);
  }
  return out;
}

export function syntheticFleet(startSec: number): SynthSeries[] {
  const series: SynthSeries[] = [];
  let seed = 1;
  const add = (region: string, track: 'stable' | 'canary', n: number, b: (i: number) => Behaviour = () => ({})) => {
    for (let i = 0; i < n; i++)
      series.push(
        ...instanceSeries(
          { job: 'shop', region, track, instance: `${region}-${track}-${i}:9100` },
          startSec,
          seed++,
          b(i),
        ),
      );
  };
  add('eu-central-1', 'stable', 5);
  add('eu-central-1', 'canary', 3);
  add('us-west-1', 'stable', 5);
  add('us-west-1', 'canary', 3, () => ({ leakPerMin: 2 * MiB }));
  add('ap-south-1', 'stable', 5);
  add('ap-south-1', 'canary', 3, () => ({ plateau: 40 * MiB }));
  add('sa-east-1', 'stable', 5, (i) => (i === 1 ? { gap: [0.6, 0.68] } : i === 2 ? { nanEvery: 9 } : {}));
  add('sa-east-1', 'canary', 3, (i) => (i === 0 ? { newSeriesAt: 0.6 } : i === 1 ? { dropAt: 0.8 } : {}));
  add('af-south-1', 'canary', 3);
  add('me-central-1', 'stable', 4);
  add('me-central-1', 'canary', 1);
  return series;
}

const labelText = (labels: Record<string, string>) =>
  Object.entries(labels)
    .map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');

/** The Go heap in use of the same instances: 60% of their memory (it leaks with it). */
export function heapOf(series: readonly SynthSeries[]): SynthSeries[] {
  return series.map((s) => ({
    labels: s.labels,
    points: s.points.map(([t, v]) => [t, Number.isNaN(v) ? v : Math.round(v * 0.6)] as [number, number]),
  }));
}

/** OpenMetrics text for `promtool tsdb create-blocks-from openmetrics` (timestamps in seconds); heap series too when given. */
export function toOpenMetrics(
  series: readonly SynthSeries[],
  name = 'process_resident_memory_bytes',
  heap: readonly SynthSeries[] = [],
): string {
  const lines: string[] = [];
  const family = (familyName: string, list: readonly SynthSeries[]) => {
    lines.push(`# TYPE ${familyName} gauge`);
    for (const s of list)
      for (const [t, v] of s.points)
        lines.push(`${familyName}{${labelText(s.labels)}} ${Number.isNaN(v) ? 'NaN' : v} ${t}`);
  };
  family(name, series);
  if (heap.length) family('go_memstats_heap_inuse_bytes', heap);
  lines.push('# EOF', '');
  return lines.join('\n');
}

/** Prometheus text lines with millisecond timestamps, for VictoriaMetrics' /api/v1/import/prometheus. */
export function toPromText(series: readonly SynthSeries[], name = 'process_resident_memory_bytes'): string {
  const lines: string[] = [];
  for (const s of series)
    for (const [t, v] of s.points)
      lines.push(`${name}{${labelText(s.labels)}} ${Number.isNaN(v) ? 'NaN' : v} ${t * 1000}`);
  return lines.join('\n') + '\n';
}

import type { MemoryStat } from '../../model/bundle.ts';

export function parseKeyValues(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const [key, raw] = line.trim().split(/\s+/);
    if (key && raw !== undefined && /^\d+$/.test(raw)) values.set(key, Number(raw));
  }
  return values;
}

/** cgroup v2 memory.stat: kernel is reported directly on 5.18+, else as the sum of its parts. */
export function statFromV2(values: Map<string, number>): MemoryStat {
  const kernel =
    values.get('kernel') ??
    ['kernel_stack', 'pagetables', 'percpu', 'slab', 'sec_pagetables'].reduce((s, k) => s + (values.get(k) ?? 0), 0);
  return {
    anonBytes: values.get('anon') ?? 0,
    fileBytes: values.get('file') ?? 0,
    kernelBytes: kernel,
    sockBytes: values.get('sock') ?? 0,
  };
}

/** cgroup v1 memory.stat plus the kmem files, which v1 keeps apart. */
export function statFromV1(values: Map<string, number>, kmemBytes: number | null, tcpBytes: number | null): MemoryStat {
  return {
    anonBytes: values.get('total_rss') ?? values.get('rss') ?? 0,
    fileBytes: values.get('total_cache') ?? values.get('cache') ?? 0,
    kernelBytes: kmemBytes ?? 0,
    sockBytes: tcpBytes ?? 0,
  };
}

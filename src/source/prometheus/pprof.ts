// Live heap profiles and goroutine dumps of a fleet cell's instances (`--pprof 'http://{instance}/debug/pprof'`):
// a few snapshots now, of one gray and one baseline instance, in the ProfileSet a local run's bundle
// holds, so the same evidence analysis names suspects and leak patterns. They cover the seconds they
// were taken in, not the window the verdict was made on: evidence beside the verdict, not part of it.
import type { ProfileEntry, ProfileKind, ProfileSet } from '../../model/profiles.ts';
import { PROFILE_INDEX_SCHEMA } from '../../model/profiles.ts';
import { SIDES, type SideName } from '../../model/sides.ts';
import { fetchProfile, profileUrl } from '../../collect/pprof-fetch.ts';

export const INSTANCE_PLACEHOLDER = '{instance}';
/** An instance label value put into a URL: a host, an address and a port, nothing that moves the request elsewhere. */
const SAFE_INSTANCE = /^[A-Za-z0-9._-]+(:\d{1,5})?$|^\[[0-9a-fA-F:.]+\](:\d{1,5})?$/;

export interface PprofTargets {
  baseline: string | null;
  gray: string | null;
}

/** The base URL for an instance, or why there is none. */
export function instancePprofUrl(template: string, instance: string): { url: string } | { error: string } {
  if (!SAFE_INSTANCE.test(instance))
    return { error: `instance ${JSON.stringify(instance)} is not a host[:port], so it is not put into --pprof's URL` };
  return { url: template.split(INSTANCE_PLACEHOLDER).join(instance) };
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/** `snapshots` rounds, `intervalMs` apart, of a heap profile (?gc=1) and a goroutine dump from each side's instance. */
export async function snapshotProfiles(
  urls: PprofTargets,
  options: { snapshots: number; intervalMs: number; timeoutMs: number; signal?: AbortSignal },
): Promise<ProfileSet> {
  const entries: ProfileEntry[] = [];
  const data: Record<string, Uint8Array> = {};
  const started = Date.now();
  for (let seq = 0; seq < options.snapshots; seq++) {
    if (seq > 0) await sleep(options.intervalMs, options.signal);
    if (options.signal?.aborted) break;
    const t = Date.now() - started;
    const fetches: Promise<void>[] = [];
    for (const side of SIDES) {
      const base = urls[side];
      if (base === null) continue;
      for (const kind of ['heap', 'goroutine'] as ProfileKind[]) {
        fetches.push(
          fetchProfile(profileUrl(base, kind), options.timeoutMs, options.signal).then((result) => {
            const file = `pprof/${side}-${kind}-${String(seq).padStart(3, '0')}.${kind === 'heap' ? 'pb.gz' : 'txt'}`;
            if (result.ok) data[file] = result.data;
            entries.push({
              side: side as SideName,
              instance: 0,
              kind,
              seq,
              t,
              file: result.ok ? file : null,
              bytes: result.ok ? result.data.length : null,
              error: result.ok ? null : result.error,
              fetchMs: result.ms,
            });
          }),
        );
      }
    }
    await Promise.all(fetches);
  }
  entries.sort((a, b) => a.seq - b.seq || a.side.localeCompare(b.side) || a.kind.localeCompare(b.kind));
  return {
    schema: PROFILE_INDEX_SCHEMA,
    urls: { baseline: urls.baseline, gray: urls.gray },
    intervalMs: options.intervalMs,
    entries,
    notes: [],
    data,
  };
}

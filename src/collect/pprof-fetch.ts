import type { ProfileKind } from '../model/profiles.ts';

/** Larger answers are cut off: a goroutine dump of a runaway service can be huge. */
export const MAX_PROFILE_BYTES = 64 * 1024 * 1024;

/** The URL of one kind of profile under a pprof base URL (`http://127.0.0.1:PORT/debug/pprof`). */
export function profileUrl(base: string, kind: ProfileKind): string {
  const root = base.replace(/\/+$/, '');
  return kind === 'heap' ? `${root}/heap?gc=1` : `${root}/goroutine?debug=2`;
}

export type FetchResult = { ok: true; data: Uint8Array; ms: number } | { ok: false; error: string; ms: number };

function describe(error: unknown): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return 'no answer in time';
  const cause = e?.cause?.code ?? e?.cause?.message;
  return cause ? `${e?.message ?? 'fetch failed'}: ${cause}` : (e?.message ?? String(error));
}

/** Fetches one profile. Never throws: a failure comes back as a short reason. */
export async function fetchProfile(url: string, timeoutMs: number, signal?: AbortSignal): Promise<FetchResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  try {
    const timeout = AbortSignal.timeout(timeoutMs);
    const response = await fetch(url, {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      redirect: 'follow',
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      return { ok: false, error: `HTTP ${response.status} from ${url}`, ms: ms() };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body ?? []) {
      const bytes = chunk as Uint8Array;
      size += bytes.length;
      if (size > MAX_PROFILE_BYTES) {
        await response.body?.cancel().catch(() => {});
        return { ok: false, error: `answer larger than ${MAX_PROFILE_BYTES / 1024 / 1024} MiB from ${url}`, ms: ms() };
      }
      chunks.push(bytes);
    }
    return { ok: true, data: Buffer.concat(chunks), ms: ms() };
  } catch (error) {
    return { ok: false, error: `${describe(error)} (${url})`, ms: ms() };
  }
}

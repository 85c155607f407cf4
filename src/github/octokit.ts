// The Octokit behind RestClient: @actions/github's getOctokit with the retry and throttling plugins, and
// the transport of transport.ts. Loaded on a client's first request (rest.ts imports it lazily):
// importing @actions/github reads the event payload and may print to stdout, which a CLI run that never
// talks to GitHub should not do.
//
// Who does what:
//   - the retry plugin repeats a 5xx or a lost answer, with growing delays, for the requests the caller
//     marks as repeatable (`retries` per request; creates get 0: the first may have landed);
//   - the throttling plugin waits out GitHub's rate limits, any method (a refused request was not done):
//     the primary limit (403/429 with x-ratelimit-remaining: 0, until x-ratelimit-reset) and secondary
//     limits (403/429 "secondary rate limit", for Retry-After seconds; without one, or with
//     "Retry-After: 0", for a minute), while the wait is within bounds; and it sends writes one at a
//     time, as GitHub asks of one client.
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck/light.js';
import { MAX_RATE_LIMIT_WAIT_MS } from './errors.ts';
import { timedFetch } from './transport.ts';

export interface OctokitSettings {
  token: string;
  baseUrl: string;
  userAgent: string;
  timeoutMs: number;
  /** Repeats of a 5xx or lost answer (repeatable requests only), and of a rate-limited request. */
  retries: number;
  /** The retry plugin waits base × n² before repeat n. */
  retryBaseDelayMs: number;
  fetch?: typeof fetch;
}

export interface OctokitAnswer {
  status: number;
  headers: Record<string, string | number | undefined>;
  data: unknown;
}

/** One request: an absolute URL on the API's origin, a JSON body or none. */
export type SendRequest = (request: {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  /** False for a create: the retry plugin must not repeat it after a 5xx or a lost answer. */
  repeatable: boolean;
}) => Promise<OctokitAnswer>;

// Octokit's defaults, plus 429: a rate limit is the throttling plugin's, waited for as long as GitHub asks
// rather than on the retry plugin's clock.
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];

// Writes go one at a time in this process (GitHub: "make requests serially"), shared by every client.
// Octokit's own groups also space writes 1 s apart (3 s for comments); memgate writes a handful per run,
// far below the content-creation limits, so that spacing would only slow it (and its tests) down.
let writeGroups: { write: Bottleneck.Group; notifications: Bottleneck.Group } | null = null;

/**
 * The silent logger: Octokit would print deprecation notices that quote response headers to the
 * console, where a runner reads `::command::` lines; nothing a server says goes to the log unescaped.
 */
const quiet = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

export function createSender(settings: OctokitSettings): SendRequest {
  writeGroups ??= {
    write: new Bottleneck.Group({ maxConcurrent: 1 }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1 }),
  };
  const mayWait = (retryAfterSeconds: number, retryCount: number) =>
    retryCount < settings.retries && retryAfterSeconds * 1000 <= MAX_RATE_LIMIT_WAIT_MS;
  const octokit = getOctokit(
    settings.token,
    {
      baseUrl: settings.baseUrl,
      userAgent: settings.userAgent,
      log: quiet,
      request: { fetch: timedFetch(settings.baseUrl, settings.timeoutMs, settings.fetch) },
      retry: { retries: settings.retries, retryAfterBaseValue: settings.retryBaseDelayMs, doNotRetry: DO_NOT_RETRY },
      throttle: {
        ...writeGroups,
        onRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
          mayWait(retryAfter, retryCount),
        onSecondaryRateLimit: (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number) =>
          mayWait(retryAfter, retryCount),
      },
    },
    retry,
    throttling,
  );
  return async ({ method, url, headers, body, repeatable }) => {
    // Octokit expands {name} and :name in a URL as template variables; ours are literal.
    const target = new URL(url);
    const literal = target.origin + (target.pathname + target.search).replace(/[{}:]/g, encodeURIComponent);
    const response = await octokit.request(`${method} ${literal}`, {
      headers,
      ...(body === undefined ? {} : { data: body }),
      // Only ever 0 here: a per-request `retries` above 0 makes the retry plugin repeat any failure
      // (a 403 or a 404 too) at once, past its doNotRetry list; repeatable requests use the plugin's own count.
      ...(repeatable ? {} : { request: { retries: 0 } }),
    });
    return { status: response.status, headers: response.headers, data: response.data };
  };
}

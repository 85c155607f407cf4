// memgate's one GitHub REST client, behind the small GitHubApi interface that the sticky PR comment, the
// fuse's commit-status store and the Action use. Underneath: @actions/github's getOctokit with the retry and
// throttling plugins (octokit.ts), through the runner's proxy (transport.ts). Around it, what Octokit does not
// do for us (issue 11):
//   - the token goes to the API's own origin only: a URL or a Link rel="next" naming another origin is
//     refused before anything is sent (Octokit's paginate would follow it, token and all);
//   - creates (POST) and other non-repeatable requests are never repeated after a 5xx or a lost answer (the
//     first may have landed: no duplicate comments or statuses);
//   - a 429, or a 403 with Retry-After, that does not use GitHub's wording for its limits is waited out
//     here, within the same bound the throttling plugin keeps;
//   - errors come back typed (errors.ts), quoting a bounded part of the answer, never the token.

import {
  GitHubApiError,
  GitHubNetworkError,
  MAX_RATE_LIMIT_WAIT_MS,
  NoAnswerError,
  StalledAnswerError,
  apiErrorOf,
  quote,
  rateLimitWaitMs,
} from './errors.ts';
import type { FailedAnswer } from './errors.ts';
import type { SendRequest } from './octokit.ts';

export {
  GitHubApiError,
  GitHubNetworkError,
  MAX_QUOTED,
  MAX_RATE_LIMIT_WAIT_MS,
  rateLimitWaitMs,
} from './errors.ts';

export const DEFAULT_API_URL = 'https://api.github.com';

export interface RestResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

export type Query = Record<string, string | number | undefined>;

/** What the comment, the fuse store and the Action need from GitHub; tests may hand in their own. */
export interface GitHubApi {
  readonly baseUrl: string;
  /** An installation token (ghs_: the Actions GITHUB_TOKEN, a GitHub App): it acts as a bot, and GET /user does not name it. */
  readonly installationToken: boolean;
  /** One request; `path` is relative to the base URL (or an absolute URL on the API's origin). */
  request<T>(method: string, path: string, options?: { query?: Query; body?: unknown }): Promise<RestResponse<T>>;
  /** Every item of a paginated GET; `pick` takes the items out of a page that is an object, not an array. */
  paginate<T, P = T[]>(
    path: string,
    options?: { query?: Query; pick?: (page: P) => T[]; maxPages?: number },
  ): Promise<T[]>;
}

export interface RestClientOptions {
  token: string;
  /** Defaults to https://api.github.com; GitHub Enterprise and tests pass GITHUB_API_URL. */
  baseUrl?: string;
  userAgent?: string;
  /** Per-request time limit, the answer's whole body included. */
  timeoutMs?: number;
  /** Repeats after a network error or a 5xx (reads only), and after a rate limit (any method). */
  retries?: number;
  /** Repeat n of a network error or 5xx waits this × n² ms. */
  retryBaseDelayMs?: number;
  /** Replaces the network (and the proxy): tests. */
  fetch?: typeof fetch;
}

/** Parses an RFC 8288 Link header into rel -> URL. */
export function parseLinkHeader(header: string | null): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) return links;
  for (const part of header.split(',')) {
    const m = /<([^>]*)>\s*((?:;\s*[^;]+)*)/.exec(part.trim());
    if (!m) continue;
    const rel = /;\s*rel="?([^";]+)"?/.exec(m[2]);
    if (!rel) continue;
    for (const name of rel[1].trim().split(/\s+/)) links[name] = m[1];
  }
  return links;
}

const REQUEST_HEADERS = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };

// A create may have landed although its answer was lost or a 5xx: only these are repeated.
const REPEATABLE = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

export class RestClient implements GitHubApi {
  readonly baseUrl: string;
  private readonly token: string;
  private readonly options: RestClientOptions;
  private readonly retries: number;
  private sender: Promise<SendRequest> | null = null;

  constructor(options: RestClientOptions) {
    if (!options.token) throw new Error('RestClient needs a token');
    this.baseUrl = (options.baseUrl || DEFAULT_API_URL).replace(/\/+$/, '');
    this.token = options.token;
    this.options = options;
    this.retries = options.retries ?? 2;
  }

  url(path: string, query?: Query): string {
    const url = new URL(/^https?:\/\//.test(path) ? path : `${this.baseUrl}${path.startsWith('/') ? '' : '/'}${path}`);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url.toString();
  }

  private send(): Promise<SendRequest> {
    this.sender ??= import('./octokit.ts').then(({ createSender }) =>
      createSender({
        token: this.token,
        baseUrl: this.baseUrl,
        userAgent: this.options.userAgent ?? 'memgate',
        timeoutMs: this.options.timeoutMs ?? 15_000,
        retries: this.retries,
        retryBaseDelayMs: this.options.retryBaseDelayMs ?? 300,
        fetch: this.options.fetch,
      }),
    );
    return this.sender;
  }

  async request<T>(
    method: string,
    path: string,
    options: { query?: Query; body?: unknown } = {},
  ): Promise<RestResponse<T>> {
    const url = this.url(path, options.query);
    if (!this.sameApi(url))
      throw new GitHubNetworkError(
        `GitHub API ${method}: refusing ${new URL(url).origin}, which is not ${this.baseUrl} (the token is sent to the API's own origin only)`,
      );
    const shownPath = url.startsWith(this.baseUrl) ? url.slice(this.baseUrl.length) : url;
    const send = await this.send();
    for (let attempt = 0; ; attempt++) {
      try {
        const answer = await send({
          method,
          url,
          headers: REQUEST_HEADERS,
          body: options.body,
          repeatable: REPEATABLE.has(method),
        });
        const headers = new Headers();
        for (const [name, value] of Object.entries(answer.headers))
          if (value !== undefined) headers.set(name, String(value));
        return { status: answer.status, data: answer.data as T, headers };
      } catch (error) {
        const failed = failedAnswerOf(error);
        if (!failed) throw this.networkError(error, method, shownPath);
        const wait = unthrottledLimitWaitMs(error as Error, failed);
        if (wait !== null && attempt < this.retries) {
          // The request was refused, not done: any method may go again once the limit allows.
          await new Promise((resolve) => setTimeout(resolve, wait));
          continue;
        }
        throw apiErrorOf(failed, method, shownPath);
      }
    }
  }

  /** Turns a request that got no HTTP answer into a GitHubNetworkError; anything else (a bug) passes through. */
  private networkError(error: unknown, method: string, shownPath: string): unknown {
    if (!(error instanceof Error)) return error;
    const cause = error.cause;
    if (cause instanceof StalledAnswerError)
      return new GitHubNetworkError(`GitHub API ${method} ${shownPath}: ${cause.message}`);
    const requestError = 'request' in error && 'status' in error;
    if (!requestError && error.name !== 'AbortError') return error;
    const why = cause instanceof NoAnswerError ? cause.message : error.message;
    return new GitHubNetworkError(`GitHub API ${method} ${shownPath} could not be reached at ${this.baseUrl}: ${why}`);
  }

  get installationToken(): boolean {
    return this.token.startsWith('ghs_');
  }

  /** Whether `url` is on the API's own origin and under its base path (GitHub Enterprise: /api/v3). */
  sameApi(url: string): boolean {
    const base = new URL(this.baseUrl);
    const target = new URL(url);
    return (
      target.origin === base.origin &&
      (target.pathname === base.pathname || target.pathname.startsWith(`${base.pathname.replace(/\/$/, '')}/`))
    );
  }

  /**
   * Every item of a paginated GET, following Link rel="next" (per_page=100) on the API's origin only.
   * `pick` takes the items out of one page when the page is an object (e.g. the combined status's
   * `statuses`) rather than an array.
   */
  async paginate<T, P = T[]>(
    path: string,
    options: { query?: Query; pick?: (page: P) => T[]; maxPages?: number } = {},
  ): Promise<T[]> {
    const items: T[] = [];
    const pick = options.pick ?? ((page: P) => page as unknown as T[]);
    let next: string | undefined = this.url(path, { per_page: 100, ...options.query });
    for (let pages = 0; next; pages++) {
      if (pages >= (options.maxPages ?? 100))
        throw new Error(`GitHub API GET ${path}: more than ${options.maxPages ?? 100} pages; stopped`);
      const response: RestResponse<P> = await this.request<P>('GET', next);
      items.push(...pick(response.data));
      next = parseLinkHeader(response.headers.get('link')).next;
      if (next !== undefined && !this.sameApi(new URL(next, this.baseUrl).toString())) {
        throw new GitHubNetworkError(
          `GitHub API GET ${path}: the next page is on another origin (${quote(new URL(next, this.baseUrl).origin)}); stopped without sending the token there`,
        );
      }
    }
    return items;
  }
}

/** The HTTP answer an Octokit RequestError carries; null when there was none (network, timeout). */
function failedAnswerOf(error: unknown): FailedAnswer | null {
  if (typeof error !== 'object' || error === null || !('response' in error)) return null;
  const response = (error as { response?: { status?: unknown; headers?: unknown; data?: unknown } }).response;
  if (!response || typeof response.status !== 'number') return null;
  return {
    status: response.status,
    headers: (response.headers ?? {}) as FailedAnswer['headers'],
    data: response.data,
  };
}

/**
 * The wait for a rate limit the throttling plugin left alone: it knows GitHub's own signs (the words
 * "secondary rate limit", x-ratelimit-remaining: 0) and has already waited, or given up, on those. A 429,
 * or a 403 with Retry-After, worded otherwise (an Enterprise server, a proxy in front) is waited out here.
 */
function unthrottledLimitWaitMs(error: Error, answer: FailedAnswer): number | null {
  if (/\bsecondary rate\b/i.test(error.message) || String(answer.headers['x-ratelimit-remaining']) === '0') return null;
  const wait = rateLimitWaitMs(answer);
  return wait !== null && wait <= MAX_RATE_LIMIT_WAIT_MS ? wait : null;
}

/** The repository and API location an Action run (or a CLI run with the same variables) points at. */
export interface GitHubContext {
  apiUrl: string;
  owner: string;
  repo: string;
  sha: string | null;
  token: string | null;
}

/** Reads GITHUB_API_URL, GITHUB_REPOSITORY, GITHUB_SHA, and the token (an explicit one first, then GITHUB_TOKEN, GH_TOKEN). */
export function githubContextFromEnv(env: NodeJS.ProcessEnv, token?: string): GitHubContext | null {
  const repository = env.GITHUB_REPOSITORY?.trim() ?? '';
  const [owner, repo] = repository.split('/');
  if (!owner || !repo) return null;
  return {
    apiUrl: env.GITHUB_API_URL?.trim() || DEFAULT_API_URL,
    owner,
    repo,
    sha: env.GITHUB_SHA?.trim() || null,
    token: token?.trim() || env.GITHUB_TOKEN?.trim() || env.GH_TOKEN?.trim() || null,
  };
}

/** The web link of the current Actions run, for status target URLs. */
export function runUrlFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run } = env;
  return server && repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}

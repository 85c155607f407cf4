// A small fetch-based GitHub REST client: base URL from GITHUB_API_URL, a token, Link-header pagination,
// typed errors carrying the HTTP status. Enough for commit statuses and issue comments; no @actions/github.
// Hardened for a hostile or overloaded API (issue 11): the token goes only to the API's own origin (a
// Link rel="next" naming another origin stops pagination with an error), creates (POST) are never
// retried after a 5xx or a lost answer (the first may have landed: no duplicate comments or statuses),
// primary and secondary rate limits (403/429 with retry-after or x-ratelimit-remaining: 0) are waited
// out within a bound, and error messages quote at most MAX_QUOTED characters of a response.

export const DEFAULT_API_URL = 'https://api.github.com';

/** Characters of a response's message or errors quoted in an error message. */
export const MAX_QUOTED = 300;
/** The longest single wait for a rate limit; a longer one is an error saying when to try again. */
export const MAX_RATE_LIMIT_WAIT_MS = 60_000;

const quote = (text: string) => (text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text);

/** A GitHub API answer other than 2xx. `githubMessage` is GitHub's own `message` field. */
export class GitHubApiError extends Error {
  override name = 'GitHubApiError';
  readonly status: number;
  readonly method: string;
  readonly path: string;
  readonly githubMessage: string;
  readonly documentationUrl: string | null;
  constructor(
    status: number,
    method: string,
    path: string,
    githubMessage: string,
    documentationUrl: string | null,
    detail = '',
  ) {
    super(`GitHub API ${method} ${path} answered ${status}: ${githubMessage}${detail ? ` (${detail})` : ''}`);
    this.status = status;
    this.method = method;
    this.path = path;
    this.githubMessage = githubMessage;
    this.documentationUrl = documentationUrl;
  }
  /** The token may read but not write here (pull requests from forks, or a missing `permissions:` entry). */
  get notAccessible(): boolean {
    return this.status === 403 && /not accessible by integration/i.test(this.githubMessage);
  }
}

/** The request never got an HTTP answer (DNS, refused connection, timeout). */
export class GitHubNetworkError extends Error {
  override name = 'GitHubNetworkError';
}

export interface RestClientOptions {
  token: string;
  /** Defaults to https://api.github.com; GitHub Enterprise and tests pass GITHUB_API_URL. */
  baseUrl?: string;
  userAgent?: string;
  /** Per-request time limit. */
  timeoutMs?: number;
  /** Extra attempts after a network error, a 5xx, or a 429. */
  retries?: number;
  /** Delay before retry n (1-based), in ms. */
  retryDelayMs?: (attempt: number) => number;
  fetch?: typeof fetch;
}

export interface RestResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

export type Query = Record<string, string | number | undefined>;

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

export class RestClient {
  readonly baseUrl: string;
  private readonly token: string;
  private readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryDelayMs: (attempt: number) => number;
  private readonly fetchImpl: typeof fetch;

  constructor(options: RestClientOptions) {
    this.baseUrl = (options.baseUrl || DEFAULT_API_URL).replace(/\/+$/, '');
    this.token = options.token;
    this.userAgent = options.userAgent ?? 'memgate';
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = options.retries ?? 2;
    this.retryDelayMs = options.retryDelayMs ?? ((n) => 300 * 3 ** (n - 1));
    this.fetchImpl = options.fetch ?? fetch;
  }

  url(path: string, query?: Query): string {
    const url = new URL(/^https?:\/\//.test(path) ? path : `${this.baseUrl}${path.startsWith('/') ? '' : '/'}${path}`);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url.toString();
  }

  /** One request; `path` is relative to the base URL (or an absolute URL, as Link headers give). */
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
    // A create may have landed although its answer was lost or a 5xx: never repeated, so no duplicates.
    const idempotent = method === 'GET' || method === 'HEAD' || method === 'PUT' || method === 'DELETE';
    const headers: Record<string, string> = {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      'user-agent': this.userAgent,
    };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.fetchImpl(url, {
          method,
          headers,
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        if (idempotent && attempt < this.retries) {
          await sleep(this.retryDelayMs(attempt + 1));
          continue;
        }
        const cause =
          error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
        throw new GitHubNetworkError(
          `GitHub API ${method} ${shownPath} could not be reached at ${this.baseUrl}: ${cause}`,
        );
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        // A body that stalls past the time limit, or a connection cut mid-body.
        if (idempotent && attempt < this.retries) {
          await sleep(this.retryDelayMs(attempt + 1));
          continue;
        }
        throw new GitHubNetworkError(
          `GitHub API ${method} ${shownPath}: the answer (${response.status}) did not arrive in full within ${this.timeoutMs} ms: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      let data: unknown = null;
      if (text) {
        try {
          data = JSON.parse(text);
        } catch {
          data = text;
        }
      }
      if (response.ok) return { status: response.status, data: data as T, headers: response.headers };
      const limitWait = rateLimitWaitMs(response, data);
      if (limitWait !== null && attempt < this.retries) {
        // The request was refused, not done: any method may go again once the limit allows.
        if (limitWait > MAX_RATE_LIMIT_WAIT_MS) {
          throw new GitHubApiError(
            response.status,
            method,
            shownPath,
            `rate limited for ${Math.ceil(limitWait / 1000)} s more; try again later`,
            null,
          );
        }
        await sleep(limitWait);
        continue;
      }
      if (response.status >= 500 && idempotent && attempt < this.retries) {
        await sleep(this.retryDelayMs(attempt + 1));
        continue;
      }
      const body = (typeof data === 'object' && data !== null ? data : {}) as {
        message?: string;
        documentation_url?: string;
        errors?: unknown[];
      };
      const detail = Array.isArray(body.errors)
        ? body.errors
            .map((e) =>
              typeof e === 'object' && e !== null
                ? ((e as { message?: string }).message ?? JSON.stringify(e))
                : String(e),
            )
            .join('; ')
        : '';
      const message =
        typeof body.message === 'string' ? body.message : typeof data === 'string' && data ? data : response.statusText;
      throw new GitHubApiError(
        response.status,
        method,
        shownPath,
        quote(message),
        typeof body.documentation_url === 'string' ? quote(body.documentation_url) : null,
        quote(detail),
      );
    }
  }

  /** An installation token (ghs_: the Actions GITHUB_TOKEN, a GitHub App): it acts as a bot, and GET /user does not name it. */
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
   * Every item of a paginated GET, following Link rel="next" (per_page=100). `pick` takes the items out of
   * one page when the page is an object (e.g. the combined status's `statuses`) rather than an array.
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How long GitHub asks to wait, when the answer is a rate limit: 429, or 403 with retry-after (secondary
 * limits), x-ratelimit-remaining: 0 (the primary limit, until x-ratelimit-reset) or a message saying so.
 * Null for any other answer (a 403 for missing permissions is final).
 */
export function rateLimitWaitMs(
  response: Pick<Response, 'status' | 'headers'>,
  data: unknown,
  now = Date.now(),
): number | null {
  if (response.status !== 403 && response.status !== 429) return null;
  const retryAfter = Number(response.headers.get('retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter >= 0 && response.headers.get('retry-after') !== null)
    return retryAfter * 1000;
  if (response.headers.get('x-ratelimit-remaining') === '0') {
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) + 1000 : 60_000;
  }
  const message =
    typeof data === 'object' && data !== null ? String((data as { message?: unknown }).message ?? '') : '';
  if (response.status === 429 || /rate limit/i.test(message)) return 60_000; // GitHub: wait at least a minute
  return null;
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

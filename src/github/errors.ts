// What a GitHub API call can end in besides an answer, as typed errors the callers branch on: an HTTP
// answer other than 2xx (GitHubApiError, with the status and GitHub's own message), or no answer at all
// (GitHubNetworkError). Messages quote at most MAX_QUOTED characters of anything the server said.
import { STATUS_CODES } from 'node:http';

/** Characters of a response's message or errors quoted in an error message. */
export const MAX_QUOTED = 300;
/** The longest single wait for a rate limit; a longer one is an error saying when to try again. */
export const MAX_RATE_LIMIT_WAIT_MS = 60_000;

export const quote = (text: string) => (text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text);

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

/** The request never got an HTTP answer (DNS, refused connection, timeout, a body cut short). */
export class GitHubNetworkError extends Error {
  override name = 'GitHubNetworkError';
}

/** Headers arrived but the body did not, in full, within the time limit (or the connection was cut). */
export class StalledAnswerError extends Error {
  override name = 'StalledAnswerError';
  readonly status: number;
  constructor(status: number, timeoutMs: number, cause: unknown) {
    super(
      `the answer (${status}) did not arrive in full within ${timeoutMs} ms: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.status = status;
  }
}

/** No answer within the time limit. Not an AbortError: Octokit passes those through unwrapped, and the retry plugin would not repeat them. */
export class NoAnswerError extends Error {
  override name = 'NoAnswerError';
}

/** A response as far as the error mapping needs it: status, lower-case headers, the parsed body. */
export interface FailedAnswer {
  status: number;
  headers: Record<string, string | number | undefined>;
  data: unknown;
}

const header = (answer: FailedAnswer, name: string): string | null => {
  const value = answer.headers[name];
  return value === undefined ? null : String(value);
};

/**
 * How long GitHub asks to wait, when the answer is a rate limit: 429, or 403 with retry-after (secondary
 * limits), x-ratelimit-remaining: 0 (the primary limit, until x-ratelimit-reset) or a message saying so.
 * Null for any other answer (a 403 for missing permissions is final).
 */
export function rateLimitWaitMs(answer: FailedAnswer, now = Date.now()): number | null {
  if (answer.status !== 403 && answer.status !== 429) return null;
  const retryAfterText = header(answer, 'retry-after');
  const retryAfter = Number(retryAfterText);
  if (retryAfterText !== null && retryAfterText.trim() !== '' && Number.isFinite(retryAfter) && retryAfter >= 0)
    return retryAfter * 1000;
  if (header(answer, 'x-ratelimit-remaining') === '0') {
    const reset = Number(header(answer, 'x-ratelimit-reset'));
    return Number.isFinite(reset) && reset > 0 ? Math.max(0, reset * 1000 - now) + 1000 : 60_000;
  }
  const data = answer.data;
  const message =
    typeof data === 'object' && data !== null ? String((data as { message?: unknown }).message ?? '') : '';
  if (answer.status === 429 || /rate limit/i.test(message)) return 60_000; // GitHub: wait at least a minute
  return null;
}

/** The typed error for a non-2xx answer: GitHub's message, its validation errors, bounded. */
export function apiErrorOf(answer: FailedAnswer, method: string, shownPath: string): GitHubApiError {
  const wait = rateLimitWaitMs(answer);
  if (wait !== null && wait > MAX_RATE_LIMIT_WAIT_MS) {
    return new GitHubApiError(
      answer.status,
      method,
      shownPath,
      `rate limited for ${Math.ceil(wait / 1000)} s more; try again later`,
      null,
    );
  }
  const data = answer.data;
  const body = (typeof data === 'object' && data !== null ? data : {}) as {
    message?: unknown;
    documentation_url?: unknown;
    errors?: unknown;
  };
  const detail = Array.isArray(body.errors)
    ? body.errors
        .map((e) =>
          typeof e === 'object' && e !== null ? ((e as { message?: string }).message ?? JSON.stringify(e)) : String(e),
        )
        .join('; ')
    : '';
  const message =
    typeof body.message === 'string'
      ? body.message
      : typeof data === 'string' && data
        ? data
        : (STATUS_CODES[answer.status] ?? `HTTP ${answer.status}`);
  return new GitHubApiError(
    answer.status,
    method,
    shownPath,
    quote(message),
    typeof body.documentation_url === 'string' ? quote(body.documentation_url) : null,
    quote(detail),
  );
}

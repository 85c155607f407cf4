// A small client for the query API that Prometheus-compatible stores share (Prometheus, VictoriaMetrics,
// Thanos, Mimir): POST /api/v1/query_range and /api/v1/query with a form body. node:http(s) rather
// than fetch, because a custom CA (a private store's certificate) is an option of https.request.
// Credentials (a bearer token, a basic-auth password) are read from the environment by the caller and
// never appear in a message this module makes: messages name the URL without its userinfo.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { UsageError } from '../../model/errors.ts';
import { parseMatrixJson, type PointColumns } from './matrix-json.ts';

export interface PromAuth {
  /** Sent as `Authorization: Bearer ...`. */
  bearerToken: string | null;
  basic: { user: string; password: string } | null;
  /** PEM text of the CA that signed the store's certificate (https only). */
  caPem: string | null;
}

export interface PromClientOptions {
  /** The API's base, e.g. http://prometheus:9090 or http://vmselect:8481/select/0/prometheus (no userinfo). */
  baseUrl: string;
  auth: PromAuth;
  /** One request, start to last byte. */
  timeoutMs: number;
  /** Extra attempts after a 5xx or a dropped connection. */
  retries?: number;
  /** First backoff; doubled each attempt (with jitter). */
  backoffMs?: number;
  signal?: AbortSignal;
  /** Largest answer read, bytes: a selector that matches far too much fails clearly instead of exhausting memory. */
  maxResponseBytes?: number;
}

/** One series of a range query: its labels and its points as columns (unix seconds, readings; NaN and ±Inf kept). */
export interface RangeSeries extends PointColumns {
  metric: Record<string, string>;
}

/** A range series from [seconds, "value"] pairs, as the API writes them (tests and benches build answers so). */
export function rangeSeries(
  metric: Record<string, string>,
  values: readonly (readonly [number, string])[],
): RangeSeries {
  const { values: columns } = parseMatrixJson(JSON.stringify({ values })) as { values: PointColumns };
  return { metric, t: columns.t, v: columns.v };
}

/** The matrix's series, checked: a store that answers another shape fails clearly, not deep in the judge. */
export function matrixSeries(result: unknown[], where: string, query: string): RangeSeries[] {
  return result.map((s, i) => {
    const item = s as { metric?: unknown; values?: unknown } | null;
    const metric = item?.metric;
    const values = item?.values as PointColumns | undefined;
    const labelsOk =
      typeof metric === 'object' && metric !== null && Object.values(metric).every((l) => typeof l === 'string');
    if (!labelsOk || !(values?.t instanceof Float64Array))
      throw new StoreError(
        `${where}: query_range answered series ${i} without ${labelsOk ? 'its [seconds, "value"] points' : 'string labels'} for ${query}; is it a Prometheus query API?`,
      );
    return { metric: metric as Record<string, string>, t: values.t, v: values.v };
  });
}

export interface InstantSample {
  metric: Record<string, string>;
  value: [number, string];
}

/** The store answered, but not with data: a 5xx after every retry, a timeout, an unreadable body. Not the user's input. */
export class StoreError extends Error {
  override name = 'StoreError';
}

const DEFAULT_MAX_RESPONSE = 256 * 1024 * 1024;

/** The base URL as messages show it: never with a user or password in it. */
export function displayUrl(base: string): string {
  try {
    const url = new URL(base);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return '(an invalid URL)';
  }
}

interface RawAnswer {
  status: number;
  body: string;
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

/** Network errors worth another attempt: the store restarting, a proxy dropping the connection. */
const TRANSIENT = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN', 'UND_ERR_SOCKET']);

export class PromClient {
  readonly where: string;
  private readonly options: Required<Omit<PromClientOptions, 'signal'>> & { signal?: AbortSignal };
  private readonly base: URL;

  constructor(options: PromClientOptions) {
    let base: URL;
    try {
      base = new URL(options.baseUrl);
    } catch {
      throw new UsageError(
        `--prometheus "${options.baseUrl}" is not a URL; give the store's base URL, e.g. --prometheus http://prometheus:9090.`,
      );
    }
    if (base.protocol !== 'http:' && base.protocol !== 'https:') {
      throw new UsageError(
        `--prometheus ${displayUrl(options.baseUrl)}: only http:// and https:// URLs are supported.`,
      );
    }
    if (base.username || base.password) {
      throw new UsageError(
        `--prometheus: put no user or password in the URL (it would show in logs); use --prometheus-user with the password in MEMGATE_PROMETHEUS_PASSWORD, or a bearer token in MEMGATE_PROMETHEUS_TOKEN.`,
      );
    }
    if (options.auth.caPem && base.protocol !== 'https:') {
      throw new UsageError(`--prometheus-ca is for https:// stores; ${displayUrl(options.baseUrl)} is plain http.`);
    }
    this.base = base;
    this.where = displayUrl(options.baseUrl);
    this.options = { retries: 3, backoffMs: 250, maxResponseBytes: DEFAULT_MAX_RESPONSE, ...options };
  }

  /** POST /api/v1/query_range. Points come back as columns ("NaN", "+Inf" and "-Inf" as numbers). */
  async queryRange(
    query: string,
    startSec: number,
    endSec: number,
    stepSec: number,
  ): Promise<{ series: RangeSeries[]; warnings: string[] }> {
    const data = await this.call('query_range', {
      query,
      start: String(startSec),
      end: String(endSec),
      step: String(stepSec),
    });
    if (data.resultType !== 'matrix' || !Array.isArray(data.result))
      throw new StoreError(
        `${this.where}: query_range answered a ${String(data.resultType)}, not a matrix, for ${query}`,
      );
    return { series: matrixSeries(data.result, this.where, query), warnings: data.warnings };
  }

  /** POST /api/v1/query at one instant. */
  async query(query: string, timeSec: number): Promise<{ samples: InstantSample[]; warnings: string[] }> {
    const data = await this.call('query', { query, time: String(timeSec) });
    if (data.resultType !== 'vector' || !Array.isArray(data.result))
      throw new StoreError(`${this.where}: query answered a ${String(data.resultType)}, not a vector, for ${query}`);
    return { samples: data.result as InstantSample[], warnings: data.warnings };
  }

  private async call(
    endpoint: 'query' | 'query_range',
    form: Record<string, string>,
  ): Promise<{ resultType: unknown; result: unknown; warnings: string[] }> {
    const url = new URL(`${this.base.pathname.replace(/\/+$/, '')}/api/v1/${endpoint}`, this.base);
    url.search = this.base.search;
    // The store stops work on a query nobody waits for any more.
    const body = new URLSearchParams({
      ...form,
      timeout: `${Math.max(1, Math.floor(this.options.timeoutMs / 1000))}s`,
    }).toString();
    const shown = `${this.where}/api/v1/${endpoint}`;
    let attempt = 0;
    for (;;) {
      let answer: RawAnswer;
      try {
        answer = await this.post(url, body);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? '';
        if (error instanceof StoreError || error instanceof UsageError) throw error;
        if (TRANSIENT.has(code) && attempt < this.options.retries && !this.options.signal?.aborted) {
          await sleep(this.backoff(attempt++), this.options.signal);
          continue;
        }
        if (this.options.signal?.aborted) throw new StoreError(`${shown}: interrupted`);
        // Refused, unknown host, bad certificate: the URL or the CA is wrong, or the store is down.
        throw new UsageError(
          `--prometheus ${this.where}: cannot reach the store (${code || (error as Error).message}); check the URL (and --prometheus-ca for a private certificate) and that the store is up.`,
        );
      }
      if (answer.status >= 500 && attempt < this.options.retries && !this.options.signal?.aborted) {
        await sleep(this.backoff(attempt++), this.options.signal);
        continue;
      }
      return this.decode(answer, shown, form.query);
    }
  }

  private backoff(attempt: number): number {
    const base = this.options.backoffMs * 2 ** attempt;
    return base / 2 + Math.random() * base;
  }

  private decode(
    answer: RawAnswer,
    shown: string,
    query: string,
  ): { resultType: unknown; result: unknown; warnings: string[] } {
    type Envelope = {
      status?: unknown;
      data?: { resultType?: unknown; result?: unknown };
      errorType?: unknown;
      error?: unknown;
      warnings?: unknown;
    };
    let parsed: Envelope | null = null;
    try {
      // JSON.parse, but a range answer's points go straight into columns (most of a fleet's answer).
      parsed = parseMatrixJson(answer.body) as Envelope | null;
    } catch {
      parsed = null;
    }
    const warnings = Array.isArray(parsed?.warnings) ? parsed.warnings.map((w) => String(w)) : [];
    if (parsed && parsed.status === 'success' && parsed.data && answer.status < 300) {
      return { resultType: parsed.data.resultType, result: parsed.data.result, warnings };
    }
    const said =
      parsed && parsed.status === 'error'
        ? `${String(parsed.errorType ?? 'error')}: ${String(parsed.error ?? '')}`
        : `HTTP ${answer.status}${answer.body ? `: ${answer.body.slice(0, 200).replace(/\s+/g, ' ')}` : ''}`;
    if (answer.status === 401 || answer.status === 403) {
      throw new UsageError(
        `--prometheus ${this.where}: the store refused the credentials (HTTP ${answer.status}); set the bearer token in MEMGATE_PROMETHEUS_TOKEN (or --prometheus-token-env NAME), or --prometheus-user with MEMGATE_PROMETHEUS_PASSWORD.`,
      );
    }
    if (answer.status === 404 || answer.status === 405 || (!parsed && answer.status < 500)) {
      throw new UsageError(
        `--prometheus ${this.where}: ${shown} is not a Prometheus query API (${said}); give the base URL the store serves /api/v1/query_range under (VictoriaMetrics cluster: http://vmselect:8481/select/0/prometheus).`,
      );
    }
    if (answer.status === 400 || answer.status === 422) {
      throw new UsageError(
        `the store rejected the query ${query} (${said}); check --metric, --baseline, --gray and --by.`,
      );
    }
    throw new StoreError(`${shown} failed for ${query}: ${said}`);
  }

  private post(url: URL, body: string): Promise<RawAnswer> {
    const { auth, timeoutMs, maxResponseBytes, signal } = this.options;
    const headers: Record<string, string> = {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': String(Buffer.byteLength(body)),
      accept: 'application/json',
      'user-agent': 'memgate',
    };
    if (auth.bearerToken) headers.authorization = `Bearer ${auth.bearerToken}`;
    else if (auth.basic)
      headers.authorization = `Basic ${Buffer.from(`${auth.basic.user}:${auth.basic.password}`).toString('base64')}`;
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise<RawAnswer>((resolve, reject) => {
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        fn();
      };
      const req = request(
        url,
        { method: 'POST', headers, ...(auth.caPem ? { ca: auth.caPem } : {}) },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxResponseBytes) {
              req.destroy();
              finish(() =>
                reject(
                  new StoreError(
                    `${this.where}: the answer is larger than ${Math.round(maxResponseBytes / 1024 / 1024)} MiB; narrow the selection (add --by labels or matchers) or raise --step`,
                  ),
                ),
              );
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () =>
            finish(() => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })),
          );
          res.on('error', (error) => finish(() => reject(error)));
        },
      );
      const timer = setTimeout(() => {
        req.destroy();
        finish(() =>
          reject(
            new StoreError(
              `${this.where}: no answer within ${timeoutMs / 1000}s; raise --query-timeout, shorten --window or raise --step`,
            ),
          ),
        );
      }, timeoutMs);
      const onAbort = () => {
        req.destroy();
        finish(() => reject(new StoreError(`${this.where}: interrupted`)));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      req.on('error', (error) => finish(() => reject(error)));
      req.end(body);
    });
  }
}

// A loopback stand-in for GitHub's REST API, answering as GitHub does: bearer tokens (401 for unknown ones,
// 403 "Resource not accessible by integration" when a read-only token writes), 201 on create, 422 on bad
// input, pagination with Link headers (per_page default 30, max 100). It records every request it received.
//
// Routes live in a table: `new FakeGitHub()` serves commit statuses; add more with `addRoute` (issue comments,
// say), using `paginate`, `created`, `invalid` and `notFound` to answer like GitHub.
//
//   const gh = await FakeGitHub.start();
//   env.GITHUB_API_URL = gh.url; env.GITHUB_TOKEN = FakeGitHub.WRITE_TOKEN;
//   ... gh.requests.filter((r) => r.method === 'POST') ...
//   await gh.close();
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path without the query, e.g. /repos/o/r/statuses/abc. */
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  /** Parsed JSON body (or the raw text when not JSON; null when empty). */
  body: unknown;
  /** The token from the Authorization header, or null. */
  token: string | null;
  /** The status the fake answered with. */
  status?: number;
}

export interface RouteContext {
  req: RecordedRequest;
  params: Record<string, string>;
  gh: FakeGitHub;
}

export interface RouteResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: string;
  /** Like '/repos/:owner/:repo/statuses/:sha'; a `:name` segment matches one path segment. */
  path: string;
  /** Writes need a token with write access (others get 403 "Resource not accessible by integration"). */
  write?: boolean;
  handler: (ctx: RouteContext) => RouteResponse | Promise<RouteResponse>;
}

export interface CommitStatus {
  id: number;
  node_id: string;
  url: string;
  state: 'error' | 'failure' | 'pending' | 'success';
  description: string | null;
  target_url: string | null;
  context: string;
  created_at: string;
  updated_at: string;
  creator: { login: string; id: number; type: string };
}

export interface FakeFailure {
  method?: string;
  /** Substring of the path. */
  path?: string;
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests fail (default 1). */
  times?: number;
}

export type TokenAccess = 'write' | 'read';

export class FakeGitHub {
  static readonly WRITE_TOKEN = 'ghs_fake_write_token';
  static readonly READ_TOKEN = 'ghs_fake_read_only_token';

  readonly requests: RecordedRequest[] = [];
  /** Tokens it accepts. */
  readonly tokens = new Map<string, TokenAccess>([
    [FakeGitHub.WRITE_TOKEN, 'write'],
    [FakeGitHub.READ_TOKEN, 'read'],
  ]);
  /** Commit statuses by "owner/repo@sha", oldest first (GitHub lists them newest first). */
  readonly statuses = new Map<string, CommitStatus[]>();
  /** When set, only these "owner/repo" exist (others: 404). */
  repos: Set<string> | null = null;
  /** Delay before answering a write, in ms: widens race windows in concurrency tests. */
  writeDelayMs = 0;
  url = '';

  private readonly routes: Route[] = [];
  private readonly failures: FakeFailure[] = [];
  private server: Server | null = null;
  private nextId = 1000;
  private clock = Date.parse('2026-01-01T00:00:00Z');

  constructor() {
    this.addStatusRoutes();
  }

  static async start(): Promise<FakeGitHub> {
    const gh = new FakeGitHub();
    await gh.listen();
    return gh;
  }

  async listen(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = null;
  }

  /** Adds a route; routes added later are tried first, so a test can override a built-in one. */
  addRoute(route: Route): void {
    this.routes.unshift(route);
  }

  /** The next matching request(s) get this answer instead (e.g. a 502, or a 403 rate limit). */
  failNext(failure: FakeFailure): void {
    this.failures.push({ times: 1, ...failure });
  }

  newId(): number {
    return this.nextId++;
  }

  /** A strictly increasing timestamp, one second apart, so ordering by time is deterministic. */
  now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  // ---- answers as GitHub gives them ----

  /** A page of `items` as GitHub paginates: ?page= and ?per_page= (default 30, max 100), Link header. */
  paginate(ctx: RouteContext, items: unknown[], wrap?: (pageItems: unknown[]) => unknown): RouteResponse {
    const perPage = Math.min(100, Math.max(1, Number(ctx.req.query.per_page ?? 30) || 30));
    const page = Math.max(1, Number(ctx.req.query.page ?? 1) || 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const slice = items.slice((page - 1) * perPage, page * perPage);
    const link = (p: number) => {
      const query = new URLSearchParams({ ...ctx.req.query, per_page: String(perPage), page: String(p) });
      return `<${this.url}${ctx.req.path}?${query}>`;
    };
    const rels: string[] = [];
    if (page < last) rels.push(`${link(page + 1)}; rel="next"`, `${link(last)}; rel="last"`);
    if (page > 1) rels.push(`${link(1)}; rel="first"`, `${link(page - 1)}; rel="prev"`);
    return { status: 200, body: wrap ? wrap(slice) : slice, headers: rels.length ? { link: rels.join(', ') } : {} };
  }

  created(body: unknown): RouteResponse {
    return { status: 201, body };
  }

  invalid(resource: string, field: string, message: string): RouteResponse {
    return {
      status: 422,
      body: {
        message: 'Validation Failed',
        errors: [{ resource, code: 'custom', field, message }],
        documentation_url: 'https://docs.github.com/rest',
        status: '422',
      },
    };
  }

  notFound(): RouteResponse {
    return {
      status: 404,
      body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' },
    };
  }

  // ---- commit statuses ----

  private statusKey(params: Record<string, string>): string {
    return `${params.owner}/${params.repo}@${params.sha ?? params.ref}`;
  }

  /** Statuses of a commit, newest first, as GET .../statuses lists them. */
  statusesOf(owner: string, repo: string, sha: string): CommitStatus[] {
    return [...(this.statuses.get(`${owner}/${repo}@${sha}`) ?? [])].reverse();
  }

  /** The latest status per context (case-insensitive), as the combined status has them. */
  latestStatuses(owner: string, repo: string, sha: string): CommitStatus[] {
    const seen = new Set<string>();
    return this.statusesOf(owner, repo, sha).filter((s) => {
      const key = s.context.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  private addStatusRoutes(): void {
    this.addRoute({
      method: 'POST',
      path: '/repos/:owner/:repo/statuses/:sha',
      write: true,
      handler: (ctx) => {
        const body = (ctx.req.body ?? {}) as Record<string, unknown>;
        const state = body.state;
        if (state !== 'error' && state !== 'failure' && state !== 'pending' && state !== 'success') {
          return this.invalid('Status', 'state', 'state is not included in the list');
        }
        const context = typeof body.context === 'string' && body.context !== '' ? body.context : 'default';
        const description = typeof body.description === 'string' ? body.description : null;
        if (description !== null && [...description].length > 140)
          return this.invalid('Status', 'description', 'description is too long (maximum is 140 characters)');
        if ([...context].length > 255)
          return this.invalid('Status', 'context', 'context is too long (maximum is 255 characters)');
        if (!/^[0-9a-f]{7,64}$/i.test(ctx.params.sha))
          return {
            status: 422,
            body: {
              message: `No commit found for SHA: ${ctx.params.sha}`,
              documentation_url: 'https://docs.github.com/rest',
            },
          };
        const key = this.statusKey(ctx.params);
        const list = this.statuses.get(key) ?? [];
        if (list.filter((s) => s.context.toLowerCase() === context.toLowerCase()).length >= 1000) {
          return this.invalid('Status', 'context', 'This SHA and context has reached the maximum number of statuses.');
        }
        const id = this.newId();
        const at = this.now();
        const status: CommitStatus = {
          id,
          node_id: `SC_${id}`,
          url: `${this.url}/repos/${ctx.params.owner}/${ctx.params.repo}/statuses/${ctx.params.sha}`,
          state,
          description,
          target_url: typeof body.target_url === 'string' ? body.target_url : null,
          context,
          created_at: at,
          updated_at: at,
          creator: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' },
        };
        list.push(status);
        this.statuses.set(key, list);
        return this.created(status);
      },
    });
    this.addRoute({
      method: 'GET',
      path: '/repos/:owner/:repo/commits/:ref/statuses',
      handler: (ctx) => this.paginate(ctx, this.statusesOf(ctx.params.owner, ctx.params.repo, ctx.params.ref)),
    });
    this.addRoute({
      method: 'GET',
      path: '/repos/:owner/:repo/commits/:ref/status',
      handler: (ctx) => {
        const { owner, repo, ref } = ctx.params;
        const latest = this.latestStatuses(owner, repo, ref);
        const combined = latest.some((s) => s.state === 'error' || s.state === 'failure')
          ? 'failure'
          : latest.length === 0 || latest.some((s) => s.state === 'pending')
            ? 'pending'
            : 'success';
        return this.paginate(ctx, latest, (statuses) => ({
          state: combined,
          statuses,
          sha: ref,
          total_count: latest.length,
          repository: { full_name: `${owner}/${repo}` },
          commit_url: `${this.url}/repos/${owner}/${repo}/commits/${ref}`,
          url: `${this.url}/repos/${owner}/${repo}/commits/${ref}/status`,
        }));
      },
    });
  }

  // ---- plumbing ----

  private match(route: Route, method: string, path: string): Record<string, string> | null {
    if (route.method !== method) return null;
    const want = route.path.split('/');
    const got = path.split('/');
    if (want.length !== got.length) return null;
    const params: Record<string, string> = {};
    for (const [i, part] of want.entries()) {
      if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(got[i]);
      else if (part !== got[i]) return null;
    }
    return params;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const url = new URL(req.url ?? '/', this.url);
    const auth = req.headers.authorization ?? '';
    const token = /^(?:bearer|token)\s+(.+)$/i.exec(auth)?.[1] ?? null;
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: Object.fromEntries(
        Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
      ),
      body,
      token,
    };
    this.requests.push(recorded);
    const answer = await this.answer(recorded);
    recorded.status = answer.status;
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  }

  private async answer(req: RecordedRequest): Promise<RouteResponse> {
    const failure = this.failures.find(
      (f) => (!f.method || f.method === req.method) && (!f.path || req.path.includes(f.path)) && (f.times ?? 1) > 0,
    );
    if (failure) {
      failure.times = (failure.times ?? 1) - 1;
      return {
        status: failure.status,
        body: failure.body ?? { message: `fake failure ${failure.status}` },
        headers: failure.headers,
      };
    }
    for (const route of this.routes) {
      const params = this.match(route, req.method, req.path);
      if (!params) continue;
      const access = req.token === null ? null : this.tokens.get(req.token);
      if (access === undefined || (access === null && route.write)) {
        return {
          status: 401,
          body: {
            message: req.token === null ? 'Requires authentication' : 'Bad credentials',
            documentation_url: 'https://docs.github.com/rest',
            status: '401',
          },
        };
      }
      if (this.repos && params.owner && !this.repos.has(`${params.owner}/${params.repo}`)) return this.notFound();
      if (route.write && access !== 'write') {
        return {
          status: 403,
          body: {
            message: 'Resource not accessible by integration',
            documentation_url: 'https://docs.github.com/rest',
            status: '403',
          },
        };
      }
      if (route.write && this.writeDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.writeDelayMs));
      return route.handler({ req, params, gh: this });
    }
    return this.notFound();
  }
}

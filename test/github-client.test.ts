// Issue 11: the GitHub client on @actions/github's getOctokit with the retry and throttling plugins, against
// loopback servers that answer as GitHub does and record what they received: rate limits waited out for as
// long as GitHub asks, reads repeated after a 5xx or a cut connection, creates never repeated, and the
// runner's proxy (HTTP_PROXY / HTTPS_PROXY / NO_PROXY, as @actions/http-client reads them) used.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { inspect } from 'node:util';
import { GitHubApiError, GitHubNetworkError, RestClient } from '../src/github/rest.ts';
import { commentMarker, upsertStickyComment } from '../src/github/pr-comment.ts';
import { FakeGitHub } from './helpers/fake-github.ts';
import { addCommentRoutes } from './helpers/fake-github-comments.ts';

const TOKEN = 'ghs_client_test_token';

interface Seen {
  method: string;
  url: string;
  host: string | undefined;
  auth: string | undefined;
  at: number;
}
function server(handle: (req: IncomingMessage, res: ServerResponse, n: number) => void) {
  const seen: Seen[] = [];
  const s = createServer((req, res) => {
    seen.push({
      method: req.method!,
      url: req.url!,
      host: req.headers.host,
      auth: req.headers.authorization,
      at: Date.now(),
    });
    req.resume();
    handle(req, res, seen.length);
  });
  const ready = new Promise<string>((r) =>
    s.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)),
  );
  after(() => {
    s.closeAllConnections();
    s.close();
  });
  return { seen, ready };
}
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};
const client = (baseUrl: string, extra: Partial<ConstructorParameters<typeof RestClient>[0]> = {}) =>
  new RestClient({ token: TOKEN, baseUrl, retryBaseDelayMs: 10, ...extra });
const gap = (seen: Seen[], i: number) => seen[i].at - seen[i - 1].at;

test('a secondary rate limit (403, Retry-After: 1) on a read is waited out, then the read lands', async () => {
  const api = server((_req, res, n) =>
    n === 1
      ? json(
          res,
          403,
          {
            message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
            documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api',
          },
          { 'retry-after': '1', 'x-ratelimit-remaining': '4000' },
        )
      : json(res, 200, { login: 'memgate-bot' }),
  );
  const url = await api.ready;
  const r = await client(url).request<{ login: string }>('GET', '/user');
  assert.equal(r.data.login, 'memgate-bot');
  assert.equal(api.seen.length, 2, 'one refused, one answered');
  assert.ok(gap(api.seen, 1) >= 950, `waited the Retry-After second (${gap(api.seen, 1)} ms)`);
  assert.ok(gap(api.seen, 1) < 5000, `and not much more (${gap(api.seen, 1)} ms)`);
});

test('a 429 is waited out: the primary limit until x-ratelimit-reset, a secondary one for Retry-After', async () => {
  const api = server((req, res, n) => {
    if (n === 1)
      // The primary limit, spent: GitHub says when it resets (epoch seconds); this one resets now.
      return json(
        res,
        429,
        { message: 'API rate limit exceeded for installation.' },
        {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000)),
        },
      );
    if (n === 2)
      return json(res, 429, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '1' });
    json(res, req.method === 'POST' ? 201 : 200, { id: n });
  });
  const url = await api.ready;
  const r = await client(url).request<{ id: number }>('POST', '/repos/a/b/statuses/abc', {
    body: { state: 'success', context: 'x' },
  });
  assert.equal(r.status, 201, 'a refused create goes again: it was not done');
  assert.deepEqual(
    api.seen.map((s) => s.method),
    ['POST', 'POST', 'POST'],
  );
  assert.ok(gap(api.seen, 1) >= 950, `waited until the reset, plus GitHub's second (${gap(api.seen, 1)} ms)`);
  assert.ok(gap(api.seen, 2) >= 950, `waited the Retry-After second (${gap(api.seen, 2)} ms)`);
});

test('rate limits: the wait is bounded by the retries; a limit that outlasts them is the API error', async () => {
  const api = server((_req, res) =>
    json(res, 403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '1' }),
  );
  const url = await api.ready;
  await assert.rejects(
    client(url, { retries: 2 }).request('GET', '/x'),
    (e: unknown) => e instanceof GitHubApiError && e.status === 403 && /secondary rate limit/.test(e.message),
  );
  assert.equal(api.seen.length, 3, 'the first try and two repeats');
});

test('a read answered 502, 503, then a cut connection, is repeated until it lands', async () => {
  const api = server((req, res, n) => {
    if (n === 1) return json(res, 502, { message: 'Server Error' });
    if (n === 2) return json(res, 503, { message: 'Service Unavailable' });
    if (n === 3) return void req.socket.destroy();
    json(res, 200, [{ id: 1 }]);
  });
  const url = await api.ready;
  const r = await client(url, { retries: 3 }).request<{ id: number }[]>('GET', '/repos/a/b/issues/1/comments');
  assert.deepEqual(r.data, [{ id: 1 }]);
  assert.equal(api.seen.length, 4);
  assert.ok(
    api.seen.every((s) => s.method === 'GET' && s.auth === `token ${TOKEN}`),
    JSON.stringify(api.seen),
  );
});

test('reads out of repeats: a 5xx is the API error, a dead API a network error; the token is in neither', async () => {
  const api = server((_req, res) => json(res, 500, { message: 'boom' }));
  const url = await api.ready;
  const failures: unknown[] = [];
  await assert.rejects(
    client(url, { retries: 1 })
      .request('GET', '/x')
      .catch((e) => {
        failures.push(e);
        throw e;
      }),
    (e: unknown) => e instanceof GitHubApiError && e.status === 500 && /GET \/x answered 500: boom/.test(e.message),
  );
  assert.equal(api.seen.length, 2);
  await assert.rejects(
    client('http://127.0.0.1:9', { retries: 0 })
      .request('GET', '/x')
      .catch((e) => {
        failures.push(e);
        throw e;
      }),
    (e: unknown) =>
      e instanceof GitHubNetworkError && /could not be reached at http:\/\/127\.0\.0\.1:9/.test(e.message),
  );
  for (const e of failures) assert.ok(!inspect(e, { depth: 10 }).includes(TOKEN), inspect(e));
});

test('a 502 on creating the comment: the comment is adopted if it landed, else created once more; never two', async () => {
  for (const landed of [true, false]) {
    const gh = new FakeGitHub();
    const comments = addCommentRoutes(gh);
    let failed = false;
    gh.addRoute({
      method: 'POST',
      path: '/repos/:owner/:repo/issues/:issue/comments',
      write: true,
      handler: (ctx) => {
        const land = () => {
          const id = gh.newId();
          const comment = {
            id,
            body: (ctx.req.body as { body: string }).body,
            html_url: `https://github.example/o/r/pull/7#issuecomment-${id}`,
            user: { login: 'github-actions[bot]', type: 'Bot' },
            issue: 'o/r#7',
          };
          comments.push(comment);
          return comment;
        };
        if (failed) return gh.created(land());
        // The first create fails with a 502, after landing or before.
        failed = true;
        if (landed) land();
        return { status: 502, body: { message: 'Server Error' } };
      },
    });
    await gh.listen();
    try {
      const result = await upsertStickyComment(new RestClient({ baseUrl: gh.url, token: FakeGitHub.WRITE_TOKEN }), {
        owner: 'o',
        repo: 'r',
        issue: 7,
        key: 'gate',
        body: 'verdict',
      });
      assert.equal(result.kind, 'created', JSON.stringify(result));
      assert.equal(comments.length, 1, `landed=${landed}: exactly one comment`);
      assert.equal(comments[0].body, `${commentMarker('gate')}\nverdict`);
      assert.equal((result as { id: number }).id, comments[0].id);
      assert.deepEqual(
        gh.requests.filter((r) => r.method === 'POST').map((r) => r.status),
        landed ? [502] : [502, 201],
        'the create is never repeated blindly: after the 502 the comments are listed again first',
      );
    } finally {
      await gh.close();
    }
  }
});

// ---- the proxy ----

/** A forward proxy on loopback that knows one made-up host: api.github.test is the fake GitHub behind it. */
function proxy(target: () => string) {
  const seen: { method: string; target: string; auth: string | undefined }[] = [];
  const sockets = new Set<Socket>();
  const s = createServer((req, res) => {
    // Absolute-form requests (a plain-HTTP proxy without a tunnel): forward them.
    seen.push({ method: req.method!, target: req.url!, auth: req.headers['proxy-authorization'] });
    const url = new URL(req.url!);
    const upstream = new URL(target());
    const out = connect(Number(upstream.port), upstream.hostname, () => {
      out.write(`${req.method} ${url.pathname}${url.search} HTTP/1.1\r\n`);
      for (const [k, v] of Object.entries(req.headers)) if (!/^proxy-/.test(k)) out.write(`${k}: ${v}\r\n`);
      out.write('connection: close\r\n\r\n');
      req.pipe(out);
      out.pipe(res.socket!);
    });
  });
  s.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    seen.push({ method: 'CONNECT', target: req.url!, auth: req.headers['proxy-authorization'] });
    sockets.add(socket);
    if (!req.url!.startsWith('api.github.test:')) {
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = new URL(target());
    const out = connect(Number(upstream.port), upstream.hostname, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      out.write(head);
      out.pipe(socket);
      socket.pipe(out);
    });
    sockets.add(out);
    out.on('error', () => socket.destroy());
    socket.on('error', () => out.destroy());
  });
  const ready = new Promise<string>((r) =>
    s.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(s.address() as AddressInfo).port}`)),
  );
  after(() => {
    for (const socket of sockets) socket.destroy();
    s.closeAllConnections();
    s.close();
  });
  return { seen, ready };
}

const PROXY_VARS = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY'];
/** Runs `fn` with exactly these proxy variables set (the runner's way of naming a proxy), then restores them. */
async function withProxyEnv(vars: Record<string, string>, fn: () => Promise<void>) {
  const saved = Object.fromEntries(PROXY_VARS.map((k) => [k, process.env[k]]));
  for (const k of PROXY_VARS) delete process.env[k];
  Object.assign(process.env, vars);
  try {
    await fn();
  } finally {
    for (const k of PROXY_VARS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
}

test('HTTP_PROXY: every request, each page included, goes through the proxy (credentials and all)', async () => {
  const gh = await FakeGitHub.start();
  after(() => gh.close());
  const sha = 'c'.repeat(40);
  const direct = gh.url;
  const { seen, ready } = proxy(() => direct);
  const proxyUrl = await ready;
  const port = new URL(direct).port;
  // A host only the proxy can reach: the request lands only if it went through the proxy. The fake's
  // Link headers name it too, as GitHub's name the host the client asked.
  const base = `http://api.github.test:${port}`;
  gh.url = base;
  await withProxyEnv({ HTTP_PROXY: proxyUrl.replace('//', '//runner:s3cret@'), NO_PROXY: 'example.com' }, async () => {
    const api = new RestClient({ baseUrl: base, token: FakeGitHub.WRITE_TOKEN, retries: 0 });
    for (let i = 0; i < 3; i++)
      await api.request('POST', `/repos/acme/shop/statuses/${sha}`, {
        body: { state: 'success', context: `ci/${i}` },
      });
    const all = await api.paginate(`/repos/acme/shop/commits/${sha}/statuses`, { query: { per_page: 2 } });
    assert.equal(all.length, 3);
  });
  assert.ok(seen.length >= 1, 'the proxy was used');
  assert.ok(
    seen.every((s) => s.target === `api.github.test:${port}` || s.target.startsWith(`${base}/`)),
    JSON.stringify(seen),
  );
  assert.ok(
    seen.every((s) => s.auth === `Basic ${Buffer.from('runner:s3cret').toString('base64')}`),
    'the proxy credentials from the URL',
  );
  const reached = gh.requests.map((r) => [r.method, r.headers.host, r.token]);
  assert.equal(reached.length, 5, JSON.stringify(reached));
  assert.ok(
    reached.every(([, host, token]) => host === `api.github.test:${port}` && token === FakeGitHub.WRITE_TOKEN),
    JSON.stringify(reached),
  );
  assert.deepEqual(
    gh.requests.filter((r) => r.method === 'GET').map((r) => r.query.page ?? '1'),
    ['1', '2'],
    'the second page came through the proxy too',
  );
});

test('NO_PROXY names the API: it is reached directly; loopback API URLs always are (as @actions/http-client does)', async () => {
  const gh = await FakeGitHub.start();
  after(() => gh.close());
  const { seen, ready } = proxy(() => gh.url);
  const proxyUrl = await ready;
  const port = new URL(gh.url).port;
  await withProxyEnv({ HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl, NO_PROXY: 'localhost,.github.test' }, async () => {
    // Direct, a made-up host resolves nowhere: a network error, and the proxy saw nothing.
    await assert.rejects(
      new RestClient({ baseUrl: `http://api.github.test:${port}`, token: 't', retries: 0 }).request('GET', '/user'),
      GitHubNetworkError,
    );
    assert.equal(seen.length, 0);
    // @actions/http-client never proxies loopback hosts, whatever NO_PROXY says.
    process.env.NO_PROXY = '';
    const status = await new RestClient({ baseUrl: gh.url, token: FakeGitHub.WRITE_TOKEN }).request(
      'GET',
      `/repos/acme/shop/commits/${'d'.repeat(40)}/status`,
    );
    assert.equal(status.status, 200);
    assert.equal(seen.length, 0, JSON.stringify(seen));
  });
});

// Issue 11: the GitHub REST client against a hostile or overloaded API, on loopback servers that record
// what they received: the token never leaves the API's origin, creates are not repeated after a 5xx,
// rate limits are waited out, a 403 for permissions is final, quoted bodies are bounded, stalls time out.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { GitHubApiError, GitHubNetworkError, MAX_QUOTED, RestClient } from '../src/github/rest.ts';

interface Seen {
  method: string;
  url: string;
  auth: string | undefined;
  at: number;
}
function server(handle: (req: IncomingMessage, res: ServerResponse, n: number) => void) {
  const seen: Seen[] = [];
  const s = createServer((req, res) => {
    seen.push({ method: req.method!, url: req.url!, auth: req.headers.authorization, at: Date.now() });
    req.resume();
    handle(req, res, seen.length);
  });
  const ready = new Promise<string>((r) =>
    s.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(s.address() as { port: number }).port}`)),
  );
  after(() => {
    s.closeAllConnections();
    s.close();
  });
  return { seen, ready };
}
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const client = (baseUrl: string, extra: Partial<ConstructorParameters<typeof RestClient>[0]> = {}) =>
  new RestClient({ token: 'ghs_secret', baseUrl, retryBaseDelayMs: 10, ...extra });

test('pagination stops at a Link rel="next" on another origin; the token never goes there', async () => {
  const evil = server((_req, res) => json(res, 200, []));
  const evilUrl = await evil.ready;
  const api = server((_req, res) => json(res, 200, [{ id: 1 }], { link: `<${evilUrl}/steal?page=2>; rel="next"` }));
  const apiUrl = await api.ready;
  await assert.rejects(
    client(apiUrl).paginate('/repos/a/b/issues/1/comments'),
    (e: unknown) => e instanceof GitHubNetworkError && /next page is on another origin/.test(e.message),
  );
  assert.equal(evil.seen.length, 0, 'nothing was sent to the other origin');
  assert.equal(api.seen.length, 1);
  await assert.rejects(
    client(apiUrl).request('GET', `${evilUrl}/x`),
    GitHubNetworkError,
    'an absolute URL elsewhere is refused too',
  );
  assert.equal(evil.seen.length, 0);
});

test('a POST answered 502 is sent once (no duplicate comments); a GET is retried', async () => {
  const api = server((_req, res) => json(res, 502, { message: 'Server Error' }));
  const url = await api.ready;
  await assert.rejects(
    client(url).request('POST', '/repos/a/b/issues/1/comments', { body: { body: 'x' } }),
    (e: unknown) => e instanceof GitHubApiError && e.status === 502,
  );
  assert.equal(api.seen.filter((r) => r.method === 'POST').length, 1);
  await assert.rejects(client(url, { retries: 2 }).request('GET', '/x'), GitHubApiError);
  assert.equal(api.seen.filter((r) => r.method === 'GET').length, 3);
});

test('secondary rate limits (403 with retry-after) and 429 are waited out, for creates too', async () => {
  const api = server((_req, res, n) =>
    n === 1
      ? json(res, 403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '1' })
      : n === 2
        ? json(res, 429, { message: 'slow down' }, { 'retry-after': '0' })
        : json(res, 201, { id: 9 }),
  );
  const url = await api.ready;
  const r = await client(url).request<{ id: number }>('POST', '/repos/a/b/issues/1/comments', { body: { body: 'x' } });
  assert.equal(r.data.id, 9);
  assert.equal(api.seen.length, 3);
  assert.ok(
    api.seen[1].at - api.seen[0].at >= 950,
    `waited the retry-after second (${api.seen[1].at - api.seen[0].at} ms)`,
  );
});

test('a primary limit (x-ratelimit-remaining: 0) waits until reset, or fails saying when; a permission 403 is final', async () => {
  const api = server((req, res) => {
    if (req.url === '/far')
      return json(
        res,
        403,
        { message: 'API rate limit exceeded' },
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) },
      );
    json(res, 403, { message: 'Resource not accessible by integration' });
  });
  const url = await api.ready;
  await assert.rejects(
    client(url).request('GET', '/far'),
    (e: unknown) => e instanceof GitHubApiError && /rate limited for \d+ s more; try again later/.test(e.message),
  );
  await assert.rejects(
    client(url).request('POST', '/perm', { body: {} }),
    (e: unknown) => e instanceof GitHubApiError && e.notAccessible,
  );
  assert.equal(api.seen.filter((r) => r.url === '/perm').length, 1, 'not retried');
});

test('error messages quote a bounded part of the body; a stalled body times out as a network error', async () => {
  const api = server((req, res) => {
    if (req.url === '/huge')
      return json(res, 422, { message: 'x'.repeat(1_000_000), errors: [{ message: 'y'.repeat(100_000) }] });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('['); // and never more
  });
  const url = await api.ready;
  await assert.rejects(
    client(url).request('POST', '/huge', { body: {} }),
    (e: unknown) => e instanceof GitHubApiError && e.message.length < 3 * MAX_QUOTED + 200,
  );
  const started = Date.now();
  await assert.rejects(client(url, { timeoutMs: 300, retries: 0 }).request('GET', '/stall'), GitHubNetworkError);
  assert.ok(Date.now() - started < 3000);
});

test("with a personal token, only the token's own user's comment is adopted (GET /user)", async () => {
  const { upsertStickyComment, commentMarker } = await import('../src/github/pr-comment.ts');
  const marker = commentMarker('gate');
  const comments = [
    { id: 1, body: `${marker}\nforged`, html_url: 'u1', user: { login: 'mallory', type: 'User' } },
    { id: 2, body: `${marker}\nold`, html_url: 'u2', user: { login: 'alice', type: 'User' } },
  ];
  const api = server((req, res) => {
    if (req.url === '/user') return json(res, 200, { login: 'alice' });
    if (req.method === 'GET') return json(res, 200, comments);
    json(res, req.method === 'POST' ? 201 : 200, { id: req.method === 'POST' ? 3 : 2, html_url: 'u' });
  });
  const url = await api.ready;
  const result = await upsertStickyComment(client(url, { token: 'ghp_alice' }), {
    owner: 'a',
    repo: 'b',
    issue: 1,
    key: 'gate',
    body: 'new',
  });
  assert.equal(result.kind, 'updated');
  assert.deepEqual(
    api.seen.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.url}`),
    ['PATCH /repos/a/b/issues/comments/2'],
    "alice's comment, not mallory's",
  );
});

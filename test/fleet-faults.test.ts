// memgate fleet when the store misbehaves, against a tiny loopback server speaking the query API: down,
// a wrong URL, 4xx/5xx (retried with backoff), `status: error`, `warnings`, empty results, NaN values,
// a slow query, a bearer token (never shown), basic auth, a private CA; and label values an attacker
// controls, escaped in every output.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../src/cli/cli.ts';
import type { FleetReport } from '../src/report/fleet-report.ts';
import { renderFleetMarkdown, renderFleetHtml, renderFleetConsole } from '../src/report/fleet-report.ts';
import { freePort } from './helpers/prometheus.ts';

const work = mkdtempSync(join(tmpdir(), 'memgate-fleet-faults-'));
const servers: Server[] = [];
after(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  rmSync(work, { recursive: true, force: true });
});

const MiB = 2 ** 20;
type Answer = { status: number; body: unknown; delayMs?: number };
interface Request {
  path: string;
  form: URLSearchParams;
  headers: IncomingMessage['headers'];
}

/** A healthy cell's answer for a range query: baseline and gray instances, flat with noise, tagged by side. */
function matrix(
  form: URLSearchParams,
  cells: Record<
    string,
    {
      baseline: number;
      gray: number;
      grayLeakPerSec?: number;
      nan?: boolean;
      instanceName?: (side: string, i: number) => string;
    }
  >,
) {
  const start = Number(form.get('start'));
  const end = Number(form.get('end'));
  const step = Number(form.get('step'));
  const query = form.get('query') ?? '';
  const result = [];
  for (const [region, cell] of Object.entries(cells)) {
    if (!query.includes(`(?i)${region.replace(/\./g, '\\\\.')}`)) continue;
    for (const side of ['baseline', 'gray'] as const) {
      for (let i = 0; i < cell[side]; i++) {
        const values: [number, string][] = [];
        for (let t = start, k = 0; t <= end; t += step, k++) {
          const v =
            100 * MiB +
            i * MiB +
            ((k * 7919) % 13) * 100_000 +
            (side === 'gray' ? (cell.grayLeakPerSec ?? 0) * (t - start) : 0);
          values.push([t, cell.nan && k % 5 === 0 ? 'NaN' : String(v)]);
        }
        result.push({
          metric: {
            __name__: 'mem',
            region,
            instance: cell.instanceName?.(side, i) ?? `${region}-${side}-${i}`,
            memgate_side: side,
          },
          values,
        });
      }
    }
  }
  return { status: 'success', data: { resultType: 'matrix', result } };
}

function vector(cells: Record<string, { baseline: number; gray: number }>, side: 'baseline' | 'gray') {
  return {
    status: 'success',
    data: {
      resultType: 'vector',
      result: Object.entries(cells)
        .filter(([, c]) => c[side] > 0)
        .map(([region, c]) => ({ metric: { region }, value: [0, String(c[side])] })),
    },
  };
}

/** Which side a discovery query asks for (the fake reads its track matcher). */
const sideOf = (form: URLSearchParams) => (/track="canary"/.test(form.get('query') ?? '') ? 'gray' : 'baseline');

async function fakeStore(
  handle: (req: Request) => Answer,
  tls?: { key: string; cert: string },
): Promise<{ url: string; requests: Request[] }> {
  const requests: Request[] = [];
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const request = { path: req.url ?? '', form: new URLSearchParams(body), headers: req.headers };
      requests.push(request);
      const answer = handle(request);
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(answer.status, {
          'content-type': typeof answer.body === 'string' ? 'text/html' : 'application/json',
        });
        res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
      }, answer.delayMs ?? 0);
    });
  };
  const server = tls ? createHttpsServer(tls, listener) : createHttpServer(listener);
  servers.push(server);
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`, requests };
}

const CELLS = {
  'eu-central-1': { baseline: 4, gray: 3 },
  'us-west-1': { baseline: 4, gray: 3, grayLeakPerSec: (4 * MiB) / 60 },
};

function storeFor(
  cells: Record<
    string,
    {
      baseline: number;
      gray: number;
      grayLeakPerSec?: number;
      nan?: boolean;
      instanceName?: (side: string, i: number) => string;
    }
  >,
  extra: (req: Request) => Answer | null = () => null,
) {
  return (req: Request): Answer => {
    const special = extra(req);
    if (special) return special;
    if (req.path.endsWith('/api/v1/query')) return { status: 200, body: vector(cells, sideOf(req.form)) };
    if (req.path.endsWith('/api/v1/query_range')) return { status: 200, body: matrix(req.form, cells) };
    return { status: 404, body: '<html>404 page not found</html>' };
  };
}

async function fleet(url: string, more: string[] = [], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const out = mkdtempSync(join(work, 'out-'));
  const code = await cli(
    [
      'fleet',
      '--prometheus',
      url,
      '--metric',
      'mem',
      '--baseline',
      'track="stable"',
      '--gray',
      'track="canary"',
      '--by',
      'region',
      '--window',
      '30m',
      '--end',
      '1796200000',
      '--out',
      out,
      ...more,
    ],
    {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      logger: { info: (m) => (stderr += `${m}\n`), warn: (m) => (stderr += `warning: ${m}\n`) },
      signal: new AbortController().signal,
      cwd: work,
      env,
    },
  );
  let report: FleetReport | null = null;
  try {
    report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  } catch {
    report = null;
  }
  return { code, stdout, stderr, report, out };
}

test('a healthy and a leaking cell from a plain store: one query per side to find the cells, one per cell, 15 s steps', async () => {
  const store = await fakeStore(storeFor(CELLS));
  const run = await fleet(store.url);
  assert.equal(run.code, 1, run.stderr);
  assert.equal(run.report!.cells.find((c) => c.cell === 'region=us-west-1')!.verdict, 'fail');
  assert.ok(['pass', 'warn'].includes(run.report!.cells.find((c) => c.cell === 'region=eu-central-1')!.verdict));
  assert.equal(store.requests.filter((r) => r.path === '/api/v1/query').length, 2);
  const ranges = store.requests.filter((r) => r.path === '/api/v1/query_range');
  assert.equal(ranges.length, 2);
  assert.equal(ranges[0].form.get('step'), '15');
  assert.equal(Number(ranges[0].form.get('end')) - Number(ranges[0].form.get('start')), 1800);
  assert.match(
    ranges[0].form.get('query')!,
    /^label_replace\(mem\{region=~"\(\?i\)[a-z0-9\\.-]+",track="stable"\}, "memgate_side", "baseline", "", ""\) or label_replace\(mem\{region=~"[^"]+",track="canary"\}, "memgate_side", "gray", "", ""\)$/,
  );
  assert.ok(ranges[0].form.get('timeout'), 'the store is told the timeout');
});

test('a long window raises the step to stay under 11,000 points a series', async () => {
  // The cells answer no points: only the query's shape is checked here (judging 24 h of 8 s steps is bench/fleet.ts's).
  const store = await fakeStore(
    storeFor(CELLS, (req) =>
      req.path === '/api/v1/query_range'
        ? { status: 200, body: { status: 'success', data: { resultType: 'matrix', result: [] } } }
        : null,
    ),
  );
  const run = await fleet(store.url, ['--window', '24h', '--step', '1s']);
  const step = Number(store.requests.find((r) => r.path === '/api/v1/query_range')!.form.get('step'));
  assert.equal(step, Math.ceil(86400 / 10999));
  assert.ok(86400 / step + 1 <= 11000);
  assert.ok(
    run.report!.warnings.some((w) => /--step 1s would need more than 11000 points/.test(w)),
    run.report!.warnings.join('\n'),
  );
});

test('a store that is down, or a URL that is not a query API, is exit 2 naming it', async () => {
  const port = await freePort();
  const down = await fleet(`http://127.0.0.1:${port}`);
  assert.equal(down.code, 2);
  assert.match(
    down.stderr,
    new RegExp(`error: --prometheus http://127\\.0\\.0\\.1:${port}: cannot reach the store \\(ECONNREFUSED\\)`),
  );
  const wrong = await fakeStore(() => ({ status: 404, body: '<html>Not Found</html>' }));
  const run = await fleet(`${wrong.url}/grafana`);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /\/grafana\/api\/v1\/query is not a Prometheus query API \(HTTP 404/);
  const bad = await fleet('ftp://example.org');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /only http:\/\/ and https:\/\//);
});

test('5xx answers are retried with backoff; a cell whose query keeps failing is inconclusive (exit 3), the others are judged', async () => {
  let discoveryFailures = 2;
  const store = await fakeStore(
    storeFor(CELLS, (req) => {
      if (req.path === '/api/v1/query' && discoveryFailures-- > 0)
        return { status: 503, body: { status: 'error', errorType: 'unavailable', error: 'try later' } };
      if (req.path === '/api/v1/query_range' && /us-west-1/.test(req.form.get('query')!))
        return { status: 500, body: 'internal' };
      return null;
    }),
  );
  const run = await fleet(store.url);
  assert.equal(run.code, 3, run.stderr);
  const failed = run.report!.cells.find((c) => c.cell === 'region=us-west-1')!;
  assert.equal(failed.verdict, 'inconclusive');
  assert.equal(failed.reasons[0].rule, 'fleet-store');
  assert.match(failed.reasons[0].message, /query_range failed .*HTTP 500/);
  assert.equal(
    store.requests.filter((r) => r.path === '/api/v1/query_range' && /us-west-1/.test(r.form.get('query')!)).length,
    4,
    'one try and three retries',
  );
  assert.ok(['pass', 'warn'].includes(run.report!.cells.find((c) => c.cell === 'region=eu-central-1')!.verdict));
});

test('status "error" (bad_data) is exit 2 with the store\'s message; warnings of a partial answer reach the report', async () => {
  const rejecting = await fakeStore(() => ({
    status: 400,
    body: { status: 'error', errorType: 'bad_data', error: 'parse error at char 5: unexpected "{"' },
  }));
  const run = await fleet(rejecting.url);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /the store rejected the query .* \(bad_data: parse error at char 5/);

  const partial = await fakeStore((req) => {
    const answer = storeFor(CELLS)(req);
    (answer.body as { warnings?: string[] }).warnings = ['PromQL info: a store shard did not answer'];
    return answer;
  });
  const warned = await fleet(partial.url);
  assert.ok(
    warned.report!.warnings.some((w) =>
      /store warning \(baseline cells\): PromQL info: a store shard did not answer/.test(w),
    ),
  );
  assert.ok(warned.report!.cells.every((c) => c.warnings.some((w) => /store warning: PromQL info/.test(w))));
});

test('empty results: no cells is inconclusive (exit 3) naming the selector; NaN readings are missing, counted', async () => {
  const empty = await fakeStore(storeFor({}));
  const none = await fleet(empty.url);
  assert.equal(none.code, 3);
  assert.equal(none.report!.summary.cells, 0);
  assert.match(
    none.report!.warnings.join('\n'),
    /no series of mem\{\} with track="stable" or track="canary" over the window ending 2026-/,
  );

  const nan = await fakeStore(storeFor({ 'eu-central-1': { baseline: 4, gray: 3, nan: true } }));
  const run = await fleet(nan.url);
  const cell = run.report!.cells[0];
  assert.ok(['pass', 'warn'].includes(cell.verdict), JSON.stringify(cell.reasons));
  assert.ok(
    cell.warnings.some((w) => /gray: \d+ reading\(s\) were NaN or infinite and are treated as missing/.test(w)),
  );
  assert.equal(cell.instances.gray[0].samples, 121 - 25);
});

test('a slow query times out: that cell is inconclusive, said with the fix', async () => {
  const store = await fakeStore(
    storeFor(CELLS, (req) =>
      req.path === '/api/v1/query_range' && /us-west-1/.test(req.form.get('query')!)
        ? { status: 200, body: {}, delayMs: 3000 }
        : null,
    ),
  );
  const started = Date.now();
  const run = await fleet(store.url, ['--query-timeout', '1s']);
  assert.ok(Date.now() - started < 2900, 'the timeout ends the wait');
  const slow = run.report!.cells.find((c) => c.cell === 'region=us-west-1')!;
  assert.equal(slow.verdict, 'inconclusive');
  assert.match(slow.reasons[0].message, /no answer within 1s; raise --query-timeout/);
});

test('bearer token from the environment (never in the outputs), basic auth with the password from the environment, 401 is exit 2', async () => {
  const TOKEN = 'sekret-token-1234567890';
  const store = await fakeStore((req) =>
    req.headers.authorization === `Bearer ${TOKEN}` ? storeFor(CELLS)(req) : { status: 401, body: 'unauthorized' },
  );
  const denied = await fleet(store.url);
  assert.equal(denied.code, 2);
  assert.match(denied.stderr, /refused the credentials \(HTTP 401\); set the bearer token in MEMGATE_PROMETHEUS_TOKEN/);
  const ok = await fleet(store.url, [], { MEMGATE_PROMETHEUS_TOKEN: TOKEN });
  assert.equal(ok.code, 1, ok.stderr);
  const custom = await fleet(store.url, ['--prometheus-token-env', 'MY_TOKEN'], { MY_TOKEN: TOKEN });
  assert.equal(custom.code, 1);
  const everything = (dir: string): string =>
    readdirSync(dir)
      .map((n) =>
        statSync(join(dir, n)).isDirectory() ? everything(join(dir, n)) : readFileSync(join(dir, n), 'utf8'),
      )
      .join('\n');
  for (const run of [ok, custom])
    assert.ok(!`${run.stdout}${run.stderr}${everything(run.out)}`.includes(TOKEN), 'the token appears nowhere');

  const basic = await fakeStore((req) =>
    req.headers.authorization === `Basic ${Buffer.from('reader:pa55').toString('base64')}`
      ? storeFor(CELLS)(req)
      : { status: 403, body: 'forbidden' },
  );
  assert.equal(
    (await fleet(basic.url, ['--prometheus-user', 'reader'], { MEMGATE_PROMETHEUS_PASSWORD: 'pa55' })).code,
    1,
  );
  const noPassword = await fleet(basic.url, ['--prometheus-user', 'reader']);
  assert.equal(noPassword.code, 2);
  assert.match(noPassword.stderr, /needs its password in the environment variable MEMGATE_PROMETHEUS_PASSWORD/);
  const inUrl = await fleet(basic.url.replace('http://', 'http://reader:pa55@'));
  assert.equal(inUrl.code, 2);
  assert.ok(!inUrl.stderr.includes('pa55'));
});

test('a store with a private certificate: refused without --prometheus-ca (exit 2), judged with it', async () => {
  const dir = mkdtempSync(join(work, 'tls-'));
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { encoding: 'utf8' },
  );
  assert.equal(made.status, 0, `openssl (apt-get install openssl): ${made.stderr}`);
  const store = await fakeStore(storeFor(CELLS), {
    key: readFileSync(join(dir, 'key.pem'), 'utf8'),
    cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
  });
  const refused = await fleet(store.url);
  assert.equal(refused.code, 2);
  assert.match(
    refused.stderr,
    /cannot reach the store \((DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE)\); check the URL \(and --prometheus-ca/,
  );
  const trusted = await fleet(store.url, ['--prometheus-ca', join(dir, 'cert.pem')]);
  assert.equal(trusted.code, 1, trusted.stderr);
});

test('label values are untrusted: a value that is no cell value is left out with a warning; instance names are escaped in Markdown, HTML and the console', async () => {
  const hostile = '<img src=x onerror=alert(1)> @admin [x](http://evil) `code` | ::error::pwned';
  const cells = {
    'eu-central-1': {
      baseline: 3,
      gray: 3,
      grayLeakPerSec: (4 * MiB) / 60,
      instanceName: (side: string, i: number) => (side === 'gray' && i === 0 ? hostile : `${side}-${i}`),
    },
    'EU <b>bold</b>': { baseline: 3, gray: 3 },
  };
  const store = await fakeStore(storeFor(cells));
  const run = await fleet(store.url);
  const report = run.report!;
  assert.deepEqual(
    report.cells.map((c) => c.cell),
    ['region=eu-central-1'],
  );
  assert.ok(
    report.warnings.some((w) =>
      /the region value "EU <b>bold<\/b>" may only hold letters.*its series are left out/.test(w),
    ),
    report.warnings.join('\n'),
  );
  assert.ok(
    report.cells[0].instances.gray.some((i) => i.instance === hostile),
    'report.json keeps the value as it is',
  );
  const md = renderFleetMarkdown(report);
  assert.ok(
    !md.includes('<img') && !md.includes('<b>bold') && !md.includes('](http') && !/(^|[^\u200b])@admin/.test(md),
    md,
  );
  const html = renderFleetHtml(report);
  assert.ok(!html.includes('<img') && !html.includes('<b>bold'), 'no markup from labels in HTML');
  const text = renderFleetConsole(report);
  assert.ok(text.includes('onerror'), 'the console names the instance');
  assert.ok(
    text.split('\n').every((line) => !/^\s*::/.test(line)),
    'no line of it is a workflow command',
  );
});

test('--json: stdout is the fleet report.json exactly (for jq), the table goes to stderr', async () => {
  const store = await fakeStore(storeFor(CELLS));
  const run = await fleet(store.url, ['--json']);
  assert.equal(run.code, 1);
  assert.deepEqual(JSON.parse(run.stdout), run.report);
  assert.equal(run.stdout, readFileSync(join(run.out, 'report.json'), 'utf8'));
  assert.match(run.stderr, /memgate fleet: FAIL/);
});

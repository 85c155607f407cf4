// The REST client and the GitHub commit-status fuse store against the loopback FakeGitHub.
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../src/model/errors.ts';
import { type GitHubFuseStore, statusDescription, MAX_DESCRIPTION } from '../src/fuse/github-store.ts';
import { openRunFuse } from '../src/fuse/gate-fuse.ts';
import { foldRecords } from '../src/fuse/rules.ts';
import { GitHubApiError, GitHubNetworkError, RestClient, parseLinkHeader } from '../src/github/rest.ts';
import { runAction, type ActionCore } from '../src/action/run-action.ts';
import { FakeGitHub } from './helpers/fake-github.ts';
import { SHA, checkCellCli, fakeReport, githubWorld, runCell, runCli } from './helpers/fuse-harness.ts';

let gh: FakeGitHub;
before(async () => {
  gh = await FakeGitHub.start();
});
after(async () => {
  await gh.close();
});
beforeEach(() => {
  gh.statuses.clear();
  gh.requests.length = 0;
  gh.writeDelayMs = 0;
});

const client = (token = FakeGitHub.WRITE_TOKEN) => new RestClient({ token, baseUrl: gh.url, retryBaseDelayMs: 5 });
const ARM = 'region=cn-east-2,isp=cmcc,os=linux-5.10,arch=arm64';

function post(context: string, state = 'success', description = 'ok', sha = SHA) {
  return client().request('POST', `/repos/acme/shop/statuses/${sha}`, { body: { state, context, description } });
}

test('Link headers are parsed', () => {
  const links = parseLinkHeader(
    '<https://api.github.com/x?page=2>; rel="next", <https://api.github.com/x?page=5>; rel="last"',
  );
  assert.deepEqual(links, { next: 'https://api.github.com/x?page=2', last: 'https://api.github.com/x?page=5' });
  assert.deepEqual(parseLinkHeader(null), {});
});

test('create answers 201; list statuses is paginated newest first and the client follows rel="next"', async () => {
  const created = await post('ci/build', 'pending', 'starting');
  assert.equal(created.status, 201);
  for (let i = 0; i < 229; i++) await post(`ci/job-${i}`);
  const all = await client().paginate<{ context: string; id: number }>(`/repos/acme/shop/commits/${SHA}/statuses`);
  assert.equal(all.length, 230);
  assert.equal(all[0].context, 'ci/job-228', 'newest first');
  assert.equal(all.at(-1)!.context, 'ci/build');
  const gets = gh.requests.filter((r) => r.method === 'GET');
  assert.deepEqual(
    gets.map((r) => [r.query.per_page, r.query.page ?? '1']),
    [
      ['100', '1'],
      ['100', '2'],
      ['100', '3'],
    ],
  );
  assert.ok(
    gets.every((r) => r.token === FakeGitHub.WRITE_TOKEN && r.headers.accept === 'application/vnd.github+json'),
  );
});

test('typed errors: 401, 403 for a read-only token, 422 with the validation message; a 502 is retried for reads, never for creates', async () => {
  await assert.rejects(
    client('nope').request('GET', `/repos/acme/shop/commits/${SHA}/status`),
    (e: unknown) => e instanceof GitHubApiError && e.status === 401 && e.githubMessage === 'Bad credentials',
  );
  await assert.rejects(
    client(FakeGitHub.READ_TOKEN).request('POST', `/repos/acme/shop/statuses/${SHA}`, {
      body: { state: 'success', context: 'x' },
    }),
    (e: unknown) => e instanceof GitHubApiError && e.status === 403 && e.notAccessible,
  );
  await assert.rejects(
    post('x', 'success', 'd'.repeat(141)),
    (e: unknown) => e instanceof GitHubApiError && e.status === 422 && /description is too long/.test(e.message),
  );
  // A create whose answer is a 502 may have landed: repeating it could duplicate it (issue 11).
  gh.failNext({ method: 'POST', status: 502, times: 1 });
  await assert.rejects(post('after-502'), (e: unknown) => e instanceof GitHubApiError && e.status === 502);
  assert.equal(gh.requests.filter((r) => r.method === 'POST' && r.status === 502).length, 1, 'the POST was sent once');
  gh.failNext({ method: 'GET', status: 502, times: 2 });
  assert.equal(
    (await client(FakeGitHub.WRITE_TOKEN).request('GET', `/repos/acme/shop/commits/${SHA}/status`)).status,
    200,
    'two 502s, then the third GET lands',
  );
});

test('an unreachable API is a network error, and `fuse check` fails closed with exit 3', async () => {
  const dead = new RestClient({ token: 't', baseUrl: 'http://127.0.0.1:9', retries: 0 });
  await assert.rejects(dead.request('GET', '/x'), GitHubNetworkError);
  const world = githubWorld(gh, { GITHUB_API_URL: 'http://127.0.0.1:9' });
  const r = await checkCellCli(world, ARM);
  assert.equal(r.code, 3);
  assert.match(r.stderr, /could not read the fuse from commit statuses on acme\/shop@/);
});

test('statuses: one context per target, failure = tripped, description within 140 characters, run link', async () => {
  const world = githubWorld(gh);
  const cells = Array.from(
    { length: 6 },
    (_, i) => `region=region-with-a-long-name-${i},isp=isp-${i},os=linux-5.${i},arch=arm64`,
  );
  for (const cell of cells) await runCell(world, cell, 'fail', '6');
  const posts = gh.requests
    .filter((r) => r.method === 'POST')
    .map((r) => r.body as { state: string; context: string; description: string; target_url: string });
  assert.deepEqual(
    posts.slice(0, 2).map((p) => [p.context, p.state, p.description]),
    [
      [`memgate/fuse/cell/${cells[0]} (Release)`, 'pending', 'running: gate started'],
      [`memgate/fuse/cell/${cells[0]} (Release)`, 'failure', posts[1].description],
    ],
  );
  assert.match(posts[1].description, /^blocked: fail P0: P95 of memory rose/);
  assert.equal(posts[1].target_url, 'https://github.com/acme/shop/actions/runs/42');
  const dim = posts.find((p) => p.context.startsWith('memgate/fuse/dim/'))!;
  assert.equal(dim.context, 'memgate/fuse/dim/arch=arm64 (Release)');
  assert.equal(dim.state, 'failure');
  assert.ok(dim.description.length <= MAX_DESCRIPTION, dim.description);
  assert.match(
    dim.description,
    /^tripped: 6 of 6 finished arch=arm64 cells blocked \(rule 6\) \| cells: region=\S+ \+5$/,
  );
  for (const p of posts) assert.ok(p.description.length <= MAX_DESCRIPTION && p.context.length <= 255);
  // Read back: the full causing cells come from the blocked cells that share the value.
  const status = JSON.parse((await runCli(world, ['fuse', 'status', '--json'])).stdout);
  assert.deepEqual(status.dimensions.find((d: { value: string }) => d.value === 'arm64').causedBy, cells);
});

test('a tripped dimension description never cuts a cell id in half', () => {
  const cells = [
    'region=a,arch=arm64',
    'region=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb,isp=cccccccccccccccccccccccccccccccccccccccc,arch=arm64',
  ];
  const text = statusDescription({
    kind: 'dim',
    dim: 'arch',
    value: 'arm64',
    state: 'tripped',
    reason: '2 of 2 finished arch=arm64 cells blocked (rule 2,>50%)',
    cells,
    at: '',
  });
  assert.ok(text.length <= MAX_DESCRIPTION);
  assert.match(text, /\| cells: region=a,arch=arm64 \+1$/);
});

test('the store reads the combined status (paginated) and ignores other contexts, workflows and commits', async () => {
  for (let i = 0; i < 120; i++) await post(`ci/other-${i}`, i % 7 ? 'success' : 'failure');
  await post(`memgate/fuse/cell/${ARM} (Nightly)`, 'failure', 'blocked: another workflow');
  await post(`memgate/fuse/dim/arch=arm64 (Release)`, 'failure', 'tripped: on another commit', 'f'.repeat(40));
  const world = githubWorld(gh);
  await runCell(world, ARM, 'fail');
  gh.requests.length = 0;
  const r = await checkCellCli(world, ARM);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /its gate blocked/);
  const gets = gh.requests.filter((q) => q.method === 'GET');
  assert.ok(
    gets.every((q) => q.path === `/repos/acme/shop/commits/${SHA}/status`),
    'check uses the combined status only',
  );
  assert.equal(gets.length, 2, '122 contexts: two pages of 100');
  const amd = await checkCellCli(world, 'region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64');
  assert.equal(amd.code, 0, "the other commit's arch=arm64 and the Nightly workflow's cell do not count");
  const store = openRunFuse({ cell: ARM, fuse: 'on' }, { env: world.env, cwd: world.cwd })!.store as GitHubFuseStore;
  const state = foldRecords(await store.read());
  assert.deepEqual([...state.cells.keys()], [ARM]);
});

test('a later success on a context is a reset: latest per context wins, history keeps both', async () => {
  const world = githubWorld(gh);
  await runCell(world, ARM, 'fail');
  await runCli(world, ['fuse', 'reset', '--cell', ARM, '--reason', 'leak fixed in #812']);
  const statuses = gh.statusesOf('acme', 'shop', SHA);
  assert.deepEqual(
    statuses.map((s) => [s.state, s.description]),
    [
      ['success', 'reset by octocat: leak fixed in #812'],
      ['failure', statuses[1].description],
      ['pending', 'running: gate started'],
    ],
  );
  assert.equal((await checkCellCli(world, ARM)).code, 0);
});

test('many cells tripping at the same moment all land (concurrent creates)', async () => {
  gh.writeDelayMs = 15;
  const world = githubWorld(gh);
  const cells = Array.from({ length: 12 }, (_, i) => `region=r${i},isp=isp${i},arch=${i < 8 ? 'arm64' : 'amd64'}`);
  await Promise.all(cells.map((cell, i) => runCell(world, cell, i < 8 ? 'fail' : 'pass')));
  const latest = gh.latestStatuses('acme', 'shop', SHA);
  for (const cell of cells)
    assert.ok(
      latest.some((s) => s.context === `memgate/fuse/cell/${cell} (Release)`),
      cell,
    );
  const status = JSON.parse((await runCli(world, ['fuse', 'status', '--json'])).stdout);
  const arm = status.dimensions.find((d: { value: string }) => d.value === 'arm64');
  assert.equal(arm.fuse, 'tripped');
  assert.equal(arm.blocked.length, 8);
  assert.equal(status.dimensions.find((d: { value: string }) => d.value === 'amd64').fuse, 'ok');
  assert.deepEqual(
    status.dimensions.filter((d: { fuse: string }) => d.fuse === 'tripped').map((d: { value: string }) => d.value),
    ['arm64'],
  );
});

test('a read-only token can check but not trip: the error names the permission', async () => {
  const world = githubWorld(gh, { GITHUB_TOKEN: FakeGitHub.READ_TOKEN });
  assert.equal((await checkCellCli(world, ARM)).code, 0);
  const fuse = openRunFuse({ cell: ARM, fuse: 'on' }, { env: world.env, cwd: world.cwd })!;
  await assert.rejects(
    fuse.afterGate(fakeReport('fail'), world.cwd),
    (e: unknown) =>
      e instanceof UsageError &&
      /permissions: statuses: write/.test(e.message) &&
      /403 Resource not accessible by integration/.test(e.message),
  );
});

test('inside Actions without a token, or without GITHUB_SHA: exit 2 naming the fix', async () => {
  const noToken = await checkCellCli(githubWorld(gh, { GITHUB_TOKEN: undefined }), ARM);
  assert.equal(noToken.code, 2);
  assert.match(
    noToken.stderr,
    /no token: give the Action "github-token: \$\{\{ github.token \}\}".*GITHUB_TOKEN.*statuses: write/,
  );
  const noSha = await checkCellCli(githubWorld(gh, { GITHUB_SHA: undefined }), ARM);
  assert.equal(noSha.code, 2);
  assert.match(noSha.stderr, /GITHUB_SHA \(the commit\) is not set/);
  const badRepo = await checkCellCli(githubWorld(gh, { GITHUB_REPOSITORY: 'nope' }), ARM);
  assert.match(badRepo.stderr, /GITHUB_REPOSITORY \(owner\/name\) is not set/);
});

test('an explicit --fuse-scope is the context label', async () => {
  const world = githubWorld(gh);
  await runCli(world, ['fuse', 'trip', '--cell', ARM, '--reason', 'manual', '--fuse-scope', 'train-1.4']);
  assert.equal(gh.statusesOf('acme', 'shop', SHA)[0].context, `memgate/fuse/cell/${ARM} (train-1.4)`);
  assert.equal((await checkCellCli(world, ARM)).code, 0, 'the default scope (the Release workflow) is another rollout');
  assert.equal((await runCli(world, ['fuse', 'check', '--cell', ARM, '--fuse-scope', 'train-1.4'])).code, 1);
});

function fakeCore(inputs: Record<string, string>) {
  const outputs: Record<string, string> = {};
  const failed: string[] = [];
  const summaries: string[] = [];
  const core: ActionCore = {
    getInput: (name) => inputs[name] ?? '',
    setOutput: (name, value) => void (outputs[name] = value),
    setFailed: (message) => void failed.push(message),
    info: () => {},
    warning: () => {},
    notice: () => {},
    annotate: () => {},
    writeSummary: async (markdown) => void summaries.push(markdown),
  };
  return { core, outputs, failed, summaries };
}

test('the Action with fuse: on skips a fused cell without running its gate', async () => {
  const world = githubWorld(gh, { GITHUB_TOKEN: undefined });
  await runCli(githubWorld(gh), ['fuse', 'trip', '--dimension', 'arch=arm64', '--reason', 'arm64 fleet incident']);
  const { core, outputs, failed, summaries } = fakeCore({
    baseline: 'sleep 100',
    gray: 'sleep 100',
    cell: ARM,
    fuse: 'on',
    'github-token': FakeGitHub.WRITE_TOKEN,
  });
  const started = Date.now();
  await runAction(core, world.env, new AbortController().signal);
  assert.ok(Date.now() - started < 5000, 'finishes in seconds');
  assert.equal(outputs.fused, 'true');
  assert.match(outputs['fuse-reason'], /arch=arm64 tripped .*arm64 fleet incident/);
  assert.equal(failed.length, 1);
  assert.match(failed[0], /^memgate did not run: cell region=cn-east-2,isp=cmcc,os=linux-5.10,arch=arm64 is fused/);
  assert.match(summaries.join(''), /### Fuse/);
  assert.equal(outputs.verdict, undefined, 'no gate ran');
});

test('the Action: fuse on without a cell, or a bad cell, fails naming the fix', async () => {
  const world = githubWorld(gh);
  for (const [cell, message] of [
    ['', /fuse'? on needs (--|input ')cell/],
    ['region=cn-east-2,gpu=a100', /"gpu" is not a dimension; use region, isp, os, arch/],
  ] as const) {
    const { core, failed } = fakeCore({
      baseline: 'sleep 100',
      gray: 'sleep 100',
      cell,
      fuse: 'on',
      'github-token': FakeGitHub.WRITE_TOKEN,
    });
    await runAction(core, world.env, new AbortController().signal);
    assert.equal(failed.length, 1);
    assert.match(failed[0], message);
  }
});

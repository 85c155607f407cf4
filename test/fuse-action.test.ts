// The bundled Action with `fuse: on`, as a runner runs it (INPUT_* in, GITHUB_OUTPUT out), against the
// loopback FakeGitHub: a leaking arm64 cell blocks and trips its fuse in commit statuses; another arm64
// cell of the same workflow run then fails at once without running its gate; an amd64 cell still may run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureBin } from './helpers/fixtures.ts';
import { runActionProcess } from './helpers/run-action.ts';
import { requireRoot } from './helpers/env.ts';
import { FakeGitHub } from './helpers/fake-github.ts';
import { SHA, checkCellCli, githubWorld } from './helpers/fuse-harness.ts';

let work: string;
let gh: FakeGitHub;
before(async () => {
  requireRoot();
  work = mkdtempSync(join(tmpdir(), 'memgate-fuse-action-'));
  mkdirSync(join(work, 'bin'));
  for (const name of ['healthy', 'leak-map']) copyFileSync(fixtureBin(name), join(work, 'bin', name));
  gh = await FakeGitHub.start();
});
after(async () => {
  await gh.close();
  rmSync(work, { recursive: true, force: true });
});

function runAction(
  inputs: Record<string, string>,
): Promise<{ code: number | null; stdout: string; ms: number; outputs: Record<string, string>; summary: string }> {
  const env: NodeJS.ProcessEnv = {
    RUNNER_TEMP: work,
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: SHA,
    GITHUB_WORKFLOW: 'Release',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '7',
    GITHUB_ACTOR: 'octocat',
  };
  const all = {
    warmup: '2s',
    duration: '10s',
    'max-duration': '10s',
    interval: '250ms',
    'cgroup-driver': 'auto',
    'ready-timeout': '30s',
    'on-inconclusive': 'fail',
    fuse: 'on',
    'github-token': FakeGitHub.WRITE_TOKEN,
    ...inputs,
  };
  return runActionProcess(all, { cwd: work, env }).then((run) => ({ ...run, stdout: run.log }));
}

const EAST_ARM = 'region=cn-east-2,isp=cmcc,os=linux-5.10,arch=arm64';
const NORTH_ARM = 'region=cn-north-1,isp=ctcc,os=linux-6.1,arch=arm64';

test('fuse: on in the Action: a blocked cell trips in commit statuses, a fused cell fails in seconds', {
  timeout: 90_000,
}, async () => {
  const blocked = await runAction({
    baseline: './bin/healthy -addr 127.0.0.1:{port}',
    gray: './bin/leak-map -addr 127.0.0.1:{port} -leak-rate 60MiB',
    cell: EAST_ARM,
    'fuse-dimension-threshold': '1',
    out: 'east-arm',
  });
  assert.equal(blocked.code, 1, blocked.stdout);
  assert.equal(blocked.outputs.verdict, 'fail');
  assert.equal(blocked.outputs.fused, 'true');
  assert.match(
    blocked.outputs['fuse-reason'],
    /^cell region=cn-east-2,isp=cmcc,os=linux-5\.10,arch=arm64 blocked: fail P\d/,
  );
  assert.match(blocked.stdout, /fuse: TRIPPED arch=arm64: 1 of 1 finished arch=arm64 cells blocked \(rule 1\)/);
  assert.match(blocked.summary, /### Fuse/);
  const posts = gh.requests.filter((r) => r.method === 'POST');
  assert.ok(posts.every((r) => r.path === `/repos/acme/shop/statuses/${SHA}` && r.token === FakeGitHub.WRITE_TOKEN));
  const contexts = posts.map((r) => (r.body as { context: string; state: string }).context);
  assert.equal(contexts[0], `memgate/fuse/cell/${EAST_ARM} (Release)`);
  assert.ok(contexts.includes('memgate/fuse/dim/arch=arm64 (Release)'), contexts.join('\n'));
  assert.deepEqual(
    posts.map((r) => (r.body as { state: string }).state),
    ['pending', ...posts.slice(1).map(() => 'failure')],
    'running while the gate ran, then the trips',
  );
  assert.ok(
    posts.every((r) => (r.body as { target_url: string }).target_url === 'https://github.com/acme/shop/actions/runs/7'),
  );

  const skipped = await runAction({
    baseline: './bin/healthy -addr 127.0.0.1:{port}',
    gray: './bin/healthy -addr 127.0.0.1:{port}',
    cell: NORTH_ARM,
    out: 'north-arm',
  });
  assert.equal(skipped.code, 1);
  // Far short of a gate (its warm-up and window alone are 70 s), even on a busy runner.
  assert.ok(skipped.ms < 30_000, `took ${skipped.ms} ms`);
  assert.equal(skipped.outputs.fused, 'true');
  assert.equal(skipped.outputs.verdict, undefined, 'the gate did not run');
  assert.match(
    skipped.stdout,
    /::error::memgate did not run: cell region=cn-north-1,isp=ctcc,os=linux-6\.1,arch=arm64 is fused: arch=arm64 tripped .*first by cell region=cn-east-2,isp=cmcc,os=linux-5\.10,arch=arm64/,
  );

  const world = githubWorld(gh, { GITHUB_WORKFLOW: 'Release' });
  assert.equal(
    (await checkCellCli(world, 'region=cn-north-1,isp=ctcc,os=linux-6.1,arch=amd64')).code,
    0,
    'amd64 cells go on',
  );
});

test('fuse: on with a read-only token: the step fails before the gate, naming the permission', {
  timeout: 60_000,
}, async () => {
  const run = await runAction({
    baseline: './bin/healthy -addr 127.0.0.1:{port}',
    gray: './bin/healthy -addr 127.0.0.1:{port}',
    cell: 'region=us-west-1,arch=amd64',
    'github-token': FakeGitHub.READ_TOKEN,
    out: 'readonly',
  });
  assert.equal(run.code, 1, run.stdout);
  assert.ok(run.ms < 30_000, `took ${run.ms} ms`);
  assert.equal(run.outputs.verdict, undefined, 'the gate did not run');
  assert.match(
    run.stdout,
    /::error::the token may not write commit statuses on acme\/shop \(403 Resource not accessible by integration\): add "permissions: statuses: write" to the job/,
  );
  assert.doesNotMatch(run.stdout, /\n\s+at /);
});

// The bundled Action reporting where reviewers look, against a loopback server that answers like
// GitHub's REST API: sticky comment created then updated, one per comment-key, forks degrade.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, fixtureBin } from './helpers/fixtures.ts';
import { runActionProcess } from './helpers/run-action.ts';
import { requireRoot } from './helpers/env.ts';
import { FakeGitHub } from './helpers/fake-github.ts';
import { addCommentRoutes, type FakeComment } from './helpers/fake-github-comments.ts';

let work: string;
let gh: FakeGitHub;
let comments: FakeComment[];

before(async () => {
  requireRoot();
  work = mkdtempSync(join(tmpdir(), 'memgate-report-'));
  mkdirSync(join(work, 'bin'));
  for (const name of ['healthy', 'pool']) copyFileSync(fixtureBin(name), join(work, 'bin', name));
  writeFileSync(join(work, 'event.json'), JSON.stringify({ pull_request: { number: 7 } }));
  gh = new FakeGitHub();
  comments = addCommentRoutes(gh);
  await gh.listen();
});
after(async () => {
  await gh.close();
  rmSync(work, { recursive: true, force: true });
});

function runAction(inputs: Record<string, string>) {
  const stamp = `${Date.now()}-${Math.random()}`;
  const env: NodeJS.ProcessEnv = {
    GITHUB_API_URL: gh.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_RUN_ID: '99',
    GITHUB_WORKFLOW: 'gate',
    GITHUB_JOB: 'memory',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: join(work, 'event.json'),
    GITHUB_REF: 'refs/pull/7/merge',
    GITHUB_SHA: 'abc123',
    GITHUB_WORKSPACE: ROOT,
  };
  const all: Record<string, string> = {
    warmup: '2s',
    duration: '5s',
    'max-duration': '5s',
    interval: '250ms',
    'max-p95-increase': '12%',
    'max-slope-increase': '100%',
    'min-slope': '1MiB/min',
    'cgroup-driver': 'auto',
    'ready-timeout': '30s',
    'on-inconclusive': 'fail',
    comment: 'always',
    'github-token': FakeGitHub.WRITE_TOKEN,
    out: `out-${stamp}`,
    // 64 KiB heap sampling (Go 1.19 ignores GODEBUG=memprofilerate): at Go's 512 KiB a 5 s window's churn
    // bursts were sometimes ranked above the pool's pinned buffers, and the annotation named the wrong file.
    baseline: './bin/healthy -addr 127.0.0.1:{port} -memprofile-rate 65536',
    gray: './bin/pool -addr 127.0.0.1:{port} -memprofile-rate 65536',
    ...inputs,
  };
  return runActionProcess(all, { cwd: work, env }).then(({ code, log, outputText, summary }) => ({
    code,
    log,
    outputs: outputText,
    summary,
  }));
}

const writes = () => gh.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

test('first run creates the sticky comment, the second updates it, another comment-key gets its own', async () => {
  const first = await runAction({});
  assert.equal(first.code, 1, first.log);
  assert.deepEqual(writes(), ['POST /repos/acme/shop/issues/7/comments']);
  assert.equal(comments.length, 1);
  const body = comments[0].body;
  assert.match(body, /^<!-- memgate:sticky-comment [0-9a-f]{16} -->\n## memgate: ⛔ BLOCKED/);
  assert.match(body, /```mermaid\nxychart-beta/);
  assert.match(body, /\[workflow run\]\(https:\/\/github\.com\/acme\/shop\/actions\/runs\/99\)/);
  assert.match(first.outputs, /comment-url<</);
  assert.match(first.outputs, /html-report<<[^\n]*\nout-[^\n]*report\.html/);
  assert.match(first.summary, /## memgate: ⛔ BLOCKED/);
  // The verdict as an error annotation naming the top suspect, on its source line in the repository.
  assert.match(
    first.log,
    /::error title=memgate%3A release blocked \(P[0-3]\),file=fixtures\/service\/regress_pool\.go,line=\d+::P95 of memory rose/,
  );

  const second = await runAction({});
  assert.equal(second.code, 1);
  assert.deepEqual(writes(), [
    'POST /repos/acme/shop/issues/7/comments',
    `PATCH /repos/acme/shop/issues/comments/${comments[0].id}`,
  ]);
  assert.equal(comments.length, 1, 'updated in place');

  const other = await runAction({ 'comment-key': 'arm64' });
  assert.equal(other.code, 1);
  assert.equal(comments.length, 2);
  assert.equal(writes().at(-1), 'POST /repos/acme/shop/issues/7/comments');
  for (const r of gh.requests) assert.equal(r.token, FakeGitHub.WRITE_TOKEN);
});

test("a fork's read-only token leaves a notice and the summary, and the step's result is the verdict's", async () => {
  const before = gh.requests.length;
  const run = await runAction({
    'github-token': FakeGitHub.READ_TOKEN,
    baseline: './bin/healthy -addr 127.0.0.1:{port}',
    gray: './bin/healthy -addr 127.0.0.1:{port}',
    'max-p95-increase': '500%',
    'min-slope': '1GiB/min',
    'comment-key': 'fork',
  });
  assert.equal(run.code, 0, run.log);
  assert.match(
    run.log,
    /::notice::memgate could not comment on pull request #7 .*Resource not accessible by integration.*forks get a read-only token/,
  );
  assert.match(run.summary, /## memgate: (✅ PASS|⚠️ WARN)/);
  assert.ok(gh.requests.slice(before).some((r) => r.method === 'POST' && r.status === 403));
  assert.ok(existsSync(join(work, run.outputs.match(/html-report<<\S+\n(\S+)/)![1])));
});

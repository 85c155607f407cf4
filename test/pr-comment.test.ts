import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RestClient } from '../src/github/rest.ts';
import { commentMarker, pullRequestNumber, upsertStickyComment } from '../src/github/pr-comment.ts';
import { FakeGitHub } from './helpers/fake-github.ts';
import { addCommentRoutes } from './helpers/fake-github-comments.ts';

async function withFake(fn: (gh: FakeGitHub, comments: ReturnType<typeof addCommentRoutes>) => Promise<void>) {
  const gh = new FakeGitHub();
  const comments = addCommentRoutes(gh);
  await gh.listen();
  try {
    await fn(gh, comments);
  } finally {
    await gh.close();
  }
}

const client = (gh: FakeGitHub, token = FakeGitHub.WRITE_TOKEN) =>
  new RestClient({ baseUrl: gh.url, token, retries: 0 });

test('first run creates, the next updates the same comment; another key gets its own', async () => {
  await withFake(async (gh, comments) => {
    // Someone else's 130 comments push ours past the first page of 100.
    for (let i = 0; i < 130; i++)
      comments.push({
        id: 10 + i,
        body: `chatter ${i}`,
        html_url: '',
        user: { login: 'dev', type: 'User' },
        issue: 'o/r#7',
      });
    const target = { owner: 'o', repo: 'r', issue: 7, key: 'wf/job/amd64', body: 'first' };
    const first = await upsertStickyComment(client(gh), target);
    assert.equal(first.kind, 'created');
    const second = await upsertStickyComment(client(gh), { ...target, body: 'second' });
    assert.equal(second.kind, 'updated');
    assert.equal((second as { id: number }).id, (first as { id: number }).id);
    const other = await upsertStickyComment(client(gh), { ...target, key: 'wf/job/arm64', body: 'arm' });
    assert.equal(other.kind, 'created');
    const ours = comments.filter((c) => c.body.startsWith('<!-- memgate'));
    assert.equal(ours.length, 2);
    assert.ok(ours.some((c) => c.body === `${commentMarker('wf/job/amd64')}\nsecond`));
    // The lookup followed the pagination: page 2 was asked for.
    assert.ok(
      gh.requests.some((r) => r.method === 'GET' && r.query.page === '2'),
      JSON.stringify(gh.requests.map((r) => [r.method, r.path, r.query])),
    );
    assert.deepEqual(
      gh.requests.filter((r) => r.method !== 'GET').map((r) => r.method),
      ['POST', 'PATCH', 'POST'],
    );
  });
});

test("a fork's read-only token is 'unavailable', not an error", async () => {
  await withFake(async (gh) => {
    const result = await upsertStickyComment(client(gh, FakeGitHub.READ_TOKEN), {
      owner: 'o',
      repo: 'r',
      issue: 7,
      key: 'k',
      body: 'x',
    });
    assert.equal(result.kind, 'unavailable');
    assert.equal((result as { status: number }).status, 403);
    assert.match((result as { why: string }).why, /Resource not accessible by integration/);
  });
});

test('the marker cannot be forged or broken by the key', () => {
  const marker = commentMarker('--> <script>@org/team');
  assert.match(marker, /^<!-- memgate:sticky-comment [0-9a-f]{16} -->$/);
  assert.notEqual(commentMarker('a'), commentMarker('b'));
});

test('the pull request number comes from the event, else from the ref', () => {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-event-'));
  writeFileSync(join(dir, 'event.json'), JSON.stringify({ pull_request: { number: 42 } }));
  assert.equal(pullRequestNumber({ GITHUB_EVENT_PATH: join(dir, 'event.json') }), 42);
  assert.equal(pullRequestNumber({ GITHUB_REF: 'refs/pull/17/merge' }), 17);
  assert.equal(pullRequestNumber({ GITHUB_REF: 'refs/heads/main' }), null);
});

test("with the Actions token, a user's comment that carries the marker is not taken for ours", async () => {
  await withFake(async (gh, comments) => {
    const target = { owner: 'o', repo: 'r', issue: 7, key: 'k', body: 'verdict', botOnly: true };
    comments.push({
      id: 5,
      body: `${commentMarker('k')}\nforged`,
      html_url: '',
      user: { login: 'mallory', type: 'User' },
      issue: 'o/r#7',
    });
    const result = await upsertStickyComment(client(gh), target);
    assert.equal(result.kind, 'created');
    assert.equal(
      comments.find((c) => c.id === 5)!.body,
      `${commentMarker('k')}\nforged`,
      'the forged comment is left alone',
    );
    assert.equal((await upsertStickyComment(client(gh), target)).kind, 'updated', 'our own is found next time');
  });
});

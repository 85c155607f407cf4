// What the Action publishes, against the loopback FakeGitHub: `comment: always | on-failure | never`, the
// verdict annotation (error when blocked, warning for warn and inconclusive, none for a pass), and reporting
// failures (401, 403, 404, 422, an API that cannot be reached) that leave a notice and never fail the gate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { parseJudgeSettings } from '../src/config/plan.ts';
import { judgeBundle } from '../src/gate/judge-bundle.ts';
import { ExitCode } from '../src/model/constants.ts';
import { publishReport, type PublishCore } from '../src/action/publish.ts';
import type { Annotation } from '../src/action/annotations.ts';
import type { CommentMode } from '../src/github/pr-comment.ts';
import { commentMarker } from '../src/github/pr-comment.ts';
import type { Report } from '../src/report/report-json.ts';
import { FakeGitHub } from './helpers/fake-github.ts';
import { addCommentRoutes } from './helpers/fake-github-comments.ts';
import { makeBundle, MiB } from './helpers/bundles.ts';

const healthy = judgeBundle(makeBundle({}), parseJudgeSettings({ warmup: '5s' }));
const leaking = judgeBundle(makeBundle({ gray: { slope: (8 * MiB) / 60 } }), parseJudgeSettings({ warmup: '5s' }));

/** The report as each verdict: the renderers and publishing read only these fields of it. */
function as(verdict: Report['verdict']): Report {
  const base = verdict === 'fail' ? leaking : healthy;
  const exitCode =
    verdict === 'fail' ? ExitCode.Blocked : verdict === 'inconclusive' ? ExitCode.Inconclusive : ExitCode.Pass;
  const reasons =
    verdict === 'pass'
      ? []
      : verdict === 'fail'
        ? base.reasons
        : [
            {
              rule: 'slope-increase',
              outcome: verdict === 'warn' ? 'warn' : 'inconclusive',
              message: `the ${verdict} reason`,
              measured: null,
              limit: null,
            },
          ];
  return {
    ...base,
    verdict,
    exitCode,
    reasons: reasons as Report['reasons'],
    grade: verdict === 'warn' ? 'P3' : verdict === 'pass' ? null : base.grade,
  };
}

function recordingCore() {
  const log = {
    info: [] as string[],
    notice: [] as string[],
    warning: [] as string[],
    annotations: [] as Annotation[],
    summaries: [] as string[],
    outputs: {} as Record<string, string>,
  };
  const core: PublishCore = {
    info: (m) => log.info.push(m),
    notice: (m) => log.notice.push(m),
    warning: (m) => log.warning.push(m),
    annotate: (a) => log.annotations.push(a),
    writeSummary: async (md) => void log.summaries.push(md),
    setOutput: (name, value) => (log.outputs[name] = value),
  };
  return { core, log };
}

const ENV = (apiUrl: string): NodeJS.ProcessEnv => ({
  GITHUB_REPOSITORY: 'acme/shop',
  GITHUB_API_URL: apiUrl,
  GITHUB_REF: 'refs/pull/7/merge',
  GITHUB_WORKFLOW: 'gate',
  GITHUB_JOB: 'mem',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_RUN_ID: '99',
  GITHUB_WORKSPACE: '/nonexistent',
});
const settings = (comment: CommentMode, token = FakeGitHub.WRITE_TOKEN) => ({
  comment,
  commentKey: 'k',
  token,
  htmlReportPath: 'out/report.html',
  cell: '',
  commands: ['a', 'b'],
});

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

test('comment: always comments on a pass; never touches the API at all, yet writes the summary', async () => {
  await withFake(async (gh, comments) => {
    const always = recordingCore();
    const result = await publishReport(always.core, as('pass'), ENV(gh.url), settings('always'));
    assert.equal(result.kind, 'created');
    assert.equal(comments.length, 1);
    assert.match(comments[0].body, /^<!-- memgate:sticky-comment [0-9a-f]+ -->\n## memgate: ✅ PASS/);
    assert.equal(always.log.outputs['comment-url'], comments[0].html_url);

    const before = gh.requests.length;
    const never = recordingCore();
    const skipped = await publishReport(never.core, as('fail'), ENV(gh.url), settings('never'));
    assert.deepEqual(skipped, { kind: 'skipped', why: 'comment: never' });
    assert.equal(gh.requests.length, before, 'comment: never makes no request');
    assert.equal(never.log.summaries.length, 1, 'the job summary is still written');
    assert.match(never.log.summaries[0], /## memgate: ⛔ BLOCKED/);
    assert.equal(never.log.outputs['comment-url'], undefined);
  });
});

test('comment: on-failure creates only when the step fails, but keeps an earlier comment up to date', async () => {
  await withFake(async (gh, comments) => {
    const pass = recordingCore();
    const first = await publishReport(pass.core, as('pass'), ENV(gh.url), settings('on-failure'));
    assert.equal(first.kind, 'skipped');
    assert.equal(comments.length, 0, 'a pass with no earlier comment: nothing to say');
    assert.deepEqual(
      gh.requests.map((r) => r.method),
      ['GET'],
      'it looked for an earlier comment, and only looked',
    );

    const fail = recordingCore();
    assert.equal((await publishReport(fail.core, as('fail'), ENV(gh.url), settings('on-failure'))).kind, 'created');
    assert.match(comments[0].body, /⛔ BLOCKED/);
    const inconclusive = recordingCore();
    assert.equal(
      (await publishReport(inconclusive.core, as('inconclusive'), ENV(gh.url), settings('on-failure'))).kind,
      'updated',
      'inconclusive fails the step too',
    );

    const fixed = recordingCore();
    assert.equal(
      (await publishReport(fixed.core, as('pass'), ENV(gh.url), settings('on-failure'))).kind,
      'updated',
      'the next push that passes updates it: never stale',
    );
    assert.equal(comments.length, 1);
    assert.match(comments[0].body, /✅ PASS/);
    assert.ok(comments[0].body.startsWith(commentMarker('k')));
  });
});

test('annotation: an error when blocked, a warning for warn and inconclusive, none for a pass', async () => {
  const levels: Record<string, string | null> = {};
  for (const verdict of ['pass', 'warn', 'inconclusive', 'fail'] as const) {
    const { core, log } = recordingCore();
    await publishReport(core, as(verdict), {}, settings('never'));
    assert.ok(log.annotations.length <= 1);
    levels[verdict] = log.annotations[0]?.level ?? null;
    if (verdict === 'warn') {
      assert.equal(log.annotations[0].title, 'memgate: warn (P3)');
      assert.match(log.annotations[0].message, /^the warn reason/);
    }
    if (verdict === 'inconclusive') assert.match(log.annotations[0].title, /^memgate: inconclusive/);
    if (verdict === 'fail') assert.match(log.annotations[0].title, /^memgate: release blocked \(P[0-3]\)$/);
  }
  assert.deepEqual(levels, { pass: null, warn: 'warning', inconclusive: 'warning', fail: 'error' });
});

test('reporting failures: 401, 403, 404 and 422 leave a notice; the gate result stands', async () => {
  await withFake(async (gh) => {
    const cases: [string, (gh: FakeGitHub) => void, string, RegExp][] = [
      ['401 bad credentials', () => {}, 'ghs_unknown_token', /could not comment on pull request #7 \(.*401/],
      [
        '403 read-only token (a fork)',
        () => {},
        FakeGitHub.READ_TOKEN,
        /could not comment on pull request #7 \(.*403.*Resource not accessible by integration.*\)\. Pull requests from forks get a read-only token/,
      ],
      [
        '404 repository or PR gone',
        (g) => (g.repos = new Set(['other/repo'])),
        FakeGitHub.WRITE_TOKEN,
        /could not comment on pull request #7 \(.*404/,
      ],
      [
        '422 validation failed',
        (g) =>
          g.failNext({
            method: 'POST',
            path: '/comments',
            status: 422,
            body: { message: 'Validation Failed', errors: [{ message: 'body is too long' }] },
          }),
        FakeGitHub.WRITE_TOKEN,
        /could not comment on pull request #7 \(.*422/,
      ],
    ];
    for (const [name, arrange, token, notice] of cases) {
      gh.repos = null;
      arrange(gh);
      const { core, log } = recordingCore();
      const result = await publishReport(core, as('fail'), ENV(gh.url), settings('always', token));
      assert.equal(result.kind, 'unavailable', name);
      assert.equal(log.notice.length, 1, name);
      assert.match(log.notice[0], notice, `${name}: ${log.notice[0]}`);
      assert.match(log.notice[0], /The result is in the job summary\.$/);
      assert.equal(log.summaries.length, 1, `${name}: the summary is written anyway`);
      assert.deepEqual(log.warning, [], name);
    }
  });
});

test('reporting failures: an API that cannot be reached leaves a notice, no exception', async () => {
  // a port nobody listens on
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const { core, log } = recordingCore();
  const result = await publishReport(core, as('fail'), ENV(`http://127.0.0.1:${port}`), settings('always'));
  assert.equal(result.kind, 'unavailable');
  assert.equal(log.notice.length, 1);
  assert.match(
    log.notice[0],
    new RegExp(
      `^memgate could not comment on pull request #7: GitHub API GET .* could not be reached at http://127\\.0\\.0\\.1:${port}: .*\\. The result is in the job summary\\.$`,
    ),
  );
  assert.equal(log.summaries.length, 1);
});

test('no pull request, or no token: skipped with a reason, never an error', async () => {
  const noPr = recordingCore();
  assert.deepEqual(
    await publishReport(
      noPr.core,
      as('fail'),
      { GITHUB_REPOSITORY: 'acme/shop', GITHUB_REF: 'refs/heads/main' },
      settings('always'),
    ),
    { kind: 'skipped', why: 'not a pull request run' },
  );
  const noToken = recordingCore();
  assert.deepEqual(
    await publishReport(
      noToken.core,
      as('fail'),
      { GITHUB_REPOSITORY: 'acme/shop', GITHUB_REF: 'refs/pull/7/merge' },
      settings('always', ''),
    ),
    { kind: 'skipped', why: 'no token' },
  );
  assert.match(noToken.log.notice[0], /no token \(give github-token, or keep its default\)/);
});

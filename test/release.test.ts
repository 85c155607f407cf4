// scripts/release.sh in a scratch repository with a bare remote: it refuses what would make a bad
// release, tags vX.Y.Z, moves the major tag to each release of its major version, and pushes both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers/fixtures.ts';

const SCRIPT = join(ROOT, 'scripts/release.sh');
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};
let dir: string;
let repo: string;
let remote: string;

function sh(cwd: string, file: string, args: string[]) {
  const r = spawnSync(file, args, { cwd, env, encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}
const git = (...args: string[]) => {
  const r = sh(repo, 'git', args);
  assert.equal(r.code, 0, `git ${args.join(' ')}: ${r.out}`);
  return r.out.trim();
};
const release = (...args: string[]) => sh(repo, 'bash', [SCRIPT, ...args]);

/** package.json at `version`, a CHANGELOG with `sections`, committed. */
function commitRelease(version: string, sections: string[]) {
  writeFileSync(
    join(repo, 'package.json'),
    JSON.stringify({ name: 'scratch', version, scripts: { build: 'node build.mjs' } }, null, 2) + '\n',
  );
  writeFileSync(
    join(repo, 'CHANGELOG.md'),
    [
      '# Changelog',
      '',
      '## [Unreleased]',
      '',
      ...sections.flatMap((s) => [`## [${s}] - 2026-12-02`, '', `- ${s}`, '']),
    ].join('\n'),
  );
  git('add', '-A');
  git('commit', '-q', '-m', `release ${version}`);
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'memgate-release-'));
  repo = join(dir, 'repo');
  remote = join(dir, 'remote.git');
  assert.equal(sh(dir, 'git', ['init', '-q', '--bare', remote]).code, 0);
  assert.equal(sh(dir, 'git', ['init', '-q', '-b', 'main', repo]).code, 0);
  git('remote', 'add', 'origin', remote);
  // The build's --check fails while a file named "stale" exists, as a dist/ out of date would.
  writeFileSync(
    join(repo, 'build.mjs'),
    "import { existsSync } from 'node:fs';\nprocess.exit(process.argv.includes('--check') && existsSync('stale') ? 1 : 0);\n",
  );
  writeFileSync(join(repo, '.gitignore'), 'stale\n');
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('refuses what would make a bad release, and tags nothing then', () => {
  commitRelease('0.1.0', []);
  const cases: [string[], RegExp][] = [
    [[], /usage: .*release\.sh X\.Y\.Z/],
    [['v0.1.0'], /"v0\.1\.0" is not a version X\.Y\.Z/],
    [['0.1'], /not a version/],
    [['0.1.0', '--bogus'], /unknown option --bogus/],
    [['0.2.0'], /package\.json says version "0\.1\.0": set it to 0\.2\.0 and commit/],
    [['0.1.0'], /CHANGELOG\.md has no "## \[0\.1\.0\] - YYYY-MM-DD" section/],
  ];
  for (const [args, message] of cases) {
    const r = release(...args);
    assert.notEqual(r.code, 0, args.join(' '));
    assert.match(r.out, message);
  }
  commitRelease('0.1.0', ['0.1.0']);
  writeFileSync(join(repo, 'stale'), '');
  assert.match(release('0.1.0').out, /dist\/ does not match the sources/);
  rmSync(join(repo, 'stale'));
  writeFileSync(join(repo, 'untracked.txt'), '');
  assert.match(release('0.1.0').out, /uncommitted changes/);
  rmSync(join(repo, 'untracked.txt'));
  assert.equal(git('tag', '-l'), '');
});

test('tags vX.Y.Z, moves the major tag along the releases, pushes both when asked', () => {
  const first = release('0.1.0');
  assert.equal(first.code, 0, first.out);
  assert.match(first.out, /tagged v0\.1\.0 and moved v0 to [0-9a-f]+/);
  assert.match(
    first.out,
    /not pushed; to publish:\n {2}git push origin refs\/tags\/v0\.1\.0 && git push --force origin refs\/tags\/v0/,
  );
  const head1 = git('rev-parse', 'HEAD');
  assert.equal(git('rev-parse', 'v0.1.0^{commit}'), head1);
  assert.equal(git('rev-parse', 'v0^{commit}'), head1);
  assert.match(release('0.1.0').out, /v0\.1\.0 exists already/);

  commitRelease('0.2.0', ['0.2.0', '0.1.0']);
  const second = release('0.2.0', '--push');
  assert.equal(second.code, 0, second.out);
  const head2 = git('rev-parse', 'HEAD');
  assert.notEqual(head2, head1);
  assert.equal(git('rev-parse', 'v0^{commit}'), head2, 'v0 moved to the new release');
  assert.equal(git('rev-parse', 'v0.1.0^{commit}'), head1, 'the old release tag stays');
  const remoteTags = sh(dir, 'git', [
    '--git-dir',
    remote,
    'for-each-ref',
    '--format=%(refname:short) %(objectname)',
    'refs/tags',
  ]).out;
  assert.match(remoteTags, /^v0 /m);
  assert.match(remoteTags, /^v0\.2\.0 /m);
  assert.equal(sh(dir, 'git', ['--git-dir', remote, 'rev-parse', 'v0^{commit}']).out.trim(), head2);

  // A new major version gets its own major tag; v0 stays where it was.
  commitRelease('1.0.0', ['1.0.0']);
  assert.equal(release('1.0.0', '--push').code, 0);
  assert.equal(git('rev-parse', 'v1^{commit}'), git('rev-parse', 'HEAD'));
  assert.equal(sh(dir, 'git', ['--git-dir', remote, 'rev-parse', 'v0^{commit}']).out.trim(), head2);
});

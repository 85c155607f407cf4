// The plan and fuse sub-actions (plan/action.yml, fuse/action.yml) as a runner runs them: dist/plan.js and
// dist/fuse.js with INPUT_* variables (action.yml's defaults filled in, as the runner does) and a real
// GITHUB_OUTPUT file, against the loopback FakeGitHub holding the fuse in commit statuses. A staged
// rollout driven by `uses:` lines only: plan wave 1, trip its cells, plan wave 2 without them, check,
// status, reset. No workloads: no lock needed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './helpers/fixtures.ts';
import { runActionProcess, type ActionRun } from './helpers/run-action.ts';
import { FakeGitHub } from './helpers/fake-github.ts';
import { SHA } from './helpers/fuse-harness.ts';
import { FuseInput, FuseOutput, PlanInput, PlanOutput } from '../src/action/sub-actions.ts';
import { STORE_OPTIONS } from '../src/fuse/commands.ts';

const STAGES = `matrix:
  region: [cn-east-2, cn-north-1]
  isp: [cmcc]
  os: [linux-5.10]
  arch: [amd64, arm64]
waves:
  - name: canary
    where: { region: cn-east-2 }
  - name: rest
    where: {}
`;
const EAST_AMD = 'region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64';
const EAST_ARM = 'region=cn-east-2,isp=cmcc,os=linux-5.10,arch=arm64';
const NORTH_AMD = 'region=cn-north-1,isp=cmcc,os=linux-5.10,arch=amd64';
const NORTH_ARM = 'region=cn-north-1,isp=cmcc,os=linux-5.10,arch=arm64';

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
}
const actionYml = (dir: string): ActionYml => parse(readFileSync(join(ROOT, dir, 'action.yml'), 'utf8'));

let work: string;
let gh: FakeGitHub;
before(async () => {
  work = mkdtempSync(join(tmpdir(), 'memgate-sub-actions-'));
  writeFileSync(join(work, 'stages.yml'), STAGES);
  gh = await FakeGitHub.start();
});
after(async () => {
  await gh.close();
  rmSync(work, { recursive: true, force: true });
});

/** Runs `dir`/action.yml's main as the runner would: its declared defaults, then `inputs`. */
function subAction(
  dir: 'plan' | 'fuse',
  inputs: Record<string, string>,
  token = FakeGitHub.WRITE_TOKEN,
): Promise<ActionRun> {
  const yml = actionYml(dir);
  const defaults = Object.fromEntries(
    Object.entries(yml.inputs).map(([name, spec]) => [
      name,
      name === 'github-token' ? token : String(spec.default ?? ''),
    ]),
  );
  const env: NodeJS.ProcessEnv = {
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: SHA,
    GITHUB_WORKFLOW: 'Release',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '9',
    GITHUB_ACTOR: 'octocat',
  };
  return runActionProcess({ ...defaults, ...inputs }, { cwd: work, env, entry: join(ROOT, dir, yml.runs.main) });
}

test('plan/action.yml and fuse/action.yml: node24 over the repository dist/, inputs and outputs as the code reads and writes them', () => {
  for (const [dir, inputs, outputs] of [
    ['plan', [...Object.values(PlanInput), ...STORE_OPTIONS], Object.values(PlanOutput)],
    ['fuse', [...Object.values(FuseInput), ...STORE_OPTIONS], Object.values(FuseOutput)],
  ] as const) {
    const yml = actionYml(dir);
    assert.equal(yml.runs.using, 'node24', dir);
    assert.equal(yml.runs.main, `../dist/${dir}.js`, `${dir}: main points into the repository's dist/`);
    assert.ok(existsSync(join(ROOT, dir, yml.runs.main)), `${dir}: ${yml.runs.main} is built (npm run build)`);
    assert.deepEqual(Object.keys(yml.inputs).sort(), [...inputs].sort(), `${dir}: inputs`);
    assert.deepEqual(Object.keys(yml.outputs).sort(), [...outputs].sort(), `${dir}: outputs`);
    assert.equal(yml.inputs['github-token'].default, '${{ github.token }}');
  }
});

test('a staged rollout through the sub-actions: plan, trip, plan again without the fused cells, check, status, reset', {
  timeout: 60_000,
}, async () => {
  const wave1 = await subAction('plan', { stages: 'stages.yml', stage: '1' });
  assert.equal(wave1.code, 0, wave1.log);
  assert.deepEqual(JSON.parse(wave1.outputs.matrix), {
    include: [
      { region: 'cn-east-2', isp: 'cmcc', os: 'linux-5.10', arch: 'amd64', cell: EAST_AMD },
      { region: 'cn-east-2', isp: 'cmcc', os: 'linux-5.10', arch: 'arm64', cell: EAST_ARM },
    ],
  });
  assert.equal(wave1.outputs.empty, 'false');
  assert.equal(wave1.outputs.wave, 'canary');
  assert.match(
    wave1.outputText,
    /^matrix<<ghadelimiter_[0-9a-f-]+\n\{"include":/,
    'written to the GITHUB_OUTPUT file as the runner reads it',
  );

  const early = await subAction('plan', { stages: 'stages.yml', stage: '2' });
  assert.equal(early.code, 1, early.log);
  assert.match(
    early.log,
    /::error::plan: wave 2 \(rest\) is not promoted: wave 1 \(canary\) is not fully passed: 2 of 2 cells unsettled/,
  );
  assert.equal(early.outputs.matrix, undefined, 'no matrix while wave 1 is unsettled');

  // Both canary cells are stopped by hand (a fused cell is settled), with a rule that the two do not meet
  // (their region, isp and os are shared), and arm64 everywhere.
  const trip = await subAction('fuse', {
    command: 'trip',
    cell: `${EAST_ARM}\n${EAST_AMD}\n`,
    dimension: 'arch=arm64',
    reason: 'canary leaks (incident 4711)',
    'fuse-dimension-threshold': '3',
  });
  assert.equal(trip.code, 0, trip.log);
  assert.match(
    trip.log,
    /fuse: TRIPPED cell region=cn-east-2,isp=cmcc,os=linux-5\.10,arch=arm64: canary leaks \(incident 4711\)/,
  );
  assert.match(trip.log, /fuse: TRIPPED arch=arm64: canary leaks/);
  assert.doesNotMatch(trip.log, /TRIPPED (region|isp|os)=/, 'rule 3 is not met by two cells');
  const posts = gh.requests.filter((r) => r.method === 'POST');
  assert.equal(posts.length, 3);
  assert.ok(posts.every((r) => r.path === `/repos/acme/shop/statuses/${SHA}` && r.token === FakeGitHub.WRITE_TOKEN));

  const wave2 = await subAction('plan', { stages: 'stages.yml', stage: '2' });
  assert.equal(wave2.code, 0, wave2.log);
  assert.deepEqual(
    JSON.parse(wave2.outputs.matrix).include.map((e: { cell: string }) => e.cell),
    [NORTH_AMD],
  );
  assert.equal(wave2.outputs.wave, 'rest');
  assert.match(
    wave2.log,
    /plan: left out: cell region=cn-north-1,isp=cmcc,os=linux-5\.10,arch=arm64 is fused: arch=arm64 tripped/,
  );

  const fused = await subAction('fuse', { command: 'check', cell: NORTH_ARM });
  assert.equal(fused.code, 1, fused.log);
  assert.equal(fused.outputs.fused, 'true');
  assert.match(
    fused.outputs.message,
    /^cell region=cn-north-1,isp=cmcc,os=linux-5\.10,arch=arm64 is fused: arch=arm64 tripped/,
  );
  assert.match(fused.log, /::error::memgate fuse: cell region=cn-north-1/);
  const free = await subAction('fuse', { command: 'check', cell: NORTH_AMD });
  assert.equal(free.code, 0, free.log);
  assert.equal(free.outputs.fused, 'false');
  assert.match(free.outputs.message, /may run/);

  const status = await subAction('fuse', { command: 'status' });
  assert.equal(status.code, 0, status.log);
  const view = JSON.parse(status.outputs[FuseOutput.Status]);
  assert.ok(JSON.stringify(view).includes(EAST_ARM), status.outputs.status);
  assert.ok(JSON.stringify(view).includes('cn-east-2'));

  // A workflow_dispatch runs on the branch head: `sha` names the release commit.
  const otherCommit = 'f'.repeat(40);
  const elsewhere = await subAction('fuse', { command: 'check', cell: NORTH_ARM, sha: otherCommit });
  assert.equal(elsewhere.outputs.fused, 'false', 'another commit has its own fuse');
  const reset = await subAction('fuse', {
    command: 'reset',
    dimension: 'arch=arm64',
    reason: 'fixed in #812',
    sha: SHA,
  });
  assert.equal(reset.code, 0, reset.log);
  assert.match(reset.log, /fuse: reset arch=arm64: "fixed in #812"/);
  const again = await subAction('fuse', { command: 'check', cell: NORTH_ARM });
  assert.equal(again.code, 0, again.log);
  assert.equal(again.outputs.fused, 'false');
});

test('bad input fails the step naming the input; a read-only token names the permission', {
  timeout: 60_000,
}, async () => {
  const cases: ['plan' | 'fuse', Record<string, string>, RegExp][] = [
    [
      'fuse',
      { command: 'stauts' },
      /::error::input 'command': "stauts" is not a fuse command; use check, status, reset or trip\./,
    ],
    ['fuse', { command: 'reset', cell: EAST_ARM }, /::error::memgate fuse reset needs input 'reason'/],
    ['fuse', { command: 'trip', reason: 'x' }, /::error::memgate fuse trip needs what to act on: input 'cell'/],
    ['fuse', { command: 'check', cell: 'cpu=x' }, /::error::.*"cpu" is not a dimension/],
    [
      'fuse',
      { command: 'check', cell: EAST_ARM, sha: 'main' },
      /::error::input 'sha': "main" is not a full commit SHA/,
    ],
    [
      'plan',
      { stages: 'stages.yml', stage: 'two' },
      /::error::memgate plan needs input 'stage' N, the wave to promote .*"two" is not a number/,
    ],
    ['plan', { stages: 'missing.yml', stage: '1' }, /::error::input 'stages' missing\.yml: cannot read it \(ENOENT\)/],
    ['plan', { stages: 'stages.yml', stage: '3' }, /::error::input 'stage' 3: stages\.yml has 2 waves/],
  ];
  for (const [dir, inputs, message] of cases) {
    const run = await subAction(dir, inputs);
    assert.equal(run.code, 1, `${JSON.stringify(inputs)}: ${run.log}`);
    assert.match(run.log, message, JSON.stringify(inputs));
    assert.doesNotMatch(run.log, /\n\s+at /, 'no stack trace');
  }
  const readOnly = await subAction(
    'fuse',
    { command: 'trip', dimension: 'arch=arm64', reason: 'x' },
    FakeGitHub.READ_TOKEN,
  );
  assert.equal(readOnly.code, 1, readOnly.log);
  assert.match(readOnly.log, /::error::.*statuses: write/);
});

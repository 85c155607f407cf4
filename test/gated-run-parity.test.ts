// The CLI and the Action go through one gated run, so they treat the fuse alike: a cell fused before
// the run gets OUT/fuse.json in both, and an unreadable fuse is "try again" (exit 3) in both.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, type ActionCore } from '../src/action/run-action.ts';
import { FakeGitHub } from './helpers/fake-github.ts';
import { githubWorld, runCli } from './helpers/fuse-harness.ts';

let gh: FakeGitHub;
let work: string;
before(async () => {
  gh = await FakeGitHub.start();
  work = mkdtempSync(join(tmpdir(), 'memgate-parity-'));
});
after(async () => {
  await gh.close();
  rmSync(work, { recursive: true, force: true });
});

const ARM = 'region=cn-east-2,isp=cmcc,os=linux-5.10,arch=arm64';

function fakeCore(inputs: Record<string, string>) {
  const outputs: Record<string, string> = {};
  const failed: string[] = [];
  const core: ActionCore = {
    getInput: (name) => inputs[name] ?? '',
    setOutput: (name, value) => void (outputs[name] = value),
    setFailed: (message) => void failed.push(message),
    info: () => {},
    warning: () => {},
    notice: () => {},
    annotate: () => {},
    writeSummary: async () => {},
  };
  return { core, outputs, failed };
}

test('a cell fused before the run: OUT/fuse.json from the CLI and from the Action', async () => {
  const world = githubWorld(gh);
  await runCli(world, ['fuse', 'trip', '--dimension', 'arch=arm64', '--reason', 'arm64 fleet incident']);
  const cliOut = join(work, 'cli-fused');
  const cli = await runCli(world, [
    'run',
    '--baseline',
    'sleep 100',
    '--gray',
    'sleep 100',
    '--cell',
    ARM,
    '--fuse',
    'on',
    '--out',
    cliOut,
  ]);
  assert.equal(cli.code, 1, cli.stderr);
  const actionOut = join(work, 'action-fused');
  const { core, failed } = fakeCore({
    baseline: 'sleep 100',
    gray: 'sleep 100',
    cell: ARM,
    fuse: 'on',
    out: actionOut,
    'github-token': FakeGitHub.WRITE_TOKEN,
  });
  await runAction(core, world.env, new AbortController().signal);
  assert.equal(failed.length, 1);
  for (const out of [cliOut, actionOut]) {
    const fuse = JSON.parse(readFileSync(join(out, 'fuse.json'), 'utf8'));
    assert.equal(fuse.fused, true, out);
    assert.equal(fuse.recorded, null, `${out}: the gate did not run`);
    assert.match(fuse.reason, /arch=arm64 tripped .*arm64 fleet incident/);
  }
});

test('an unreachable fuse store: exit 3 "try again" from the CLI, the same message failing the Action (not an internal error)', async () => {
  const world = githubWorld(gh, { GITHUB_API_URL: 'http://127.0.0.1:9' });
  const cliOut = join(work, 'cli-dead');
  const cli = await runCli(world, [
    'run',
    '--baseline',
    'sleep 100',
    '--gray',
    'sleep 100',
    '--cell',
    ARM,
    '--fuse',
    'on',
    '--out',
    cliOut,
  ]);
  assert.equal(cli.code, 3, cli.stderr);
  assert.match(
    cli.stderr,
    /could not read the fuse from commit statuses on acme\/shop@.* before the gate: .*; treat the cell as not cleared and try again/,
  );
  const { core, failed, outputs } = fakeCore({
    baseline: 'sleep 100',
    gray: 'sleep 100',
    cell: ARM,
    fuse: 'on',
    out: join(work, 'action-dead'),
    'github-token': FakeGitHub.WRITE_TOKEN,
  });
  await runAction(core, world.env, new AbortController().signal);
  assert.equal(failed.length, 1);
  assert.match(failed[0], /could not read the fuse from commit statuses on acme\/shop@.* before the gate: .*try again/);
  assert.doesNotMatch(failed[0], /internal error/);
  assert.equal(outputs.verdict, undefined, 'no gate ran');
  assert.equal(existsSync(join(work, 'action-dead', 'fuse.json')), false);
});

// Drives the fuse the way runs do, without running gates: the CLI in-process, and the after-gate path with a
// made-up report. Works against both stores: `dirEnv` or `githubEnv` (a FakeGitHub).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../../src/cli/cli.ts';
import { openRunFuse, type FuseOutcome } from '../../src/fuse/gate-fuse.ts';
import type { CheckResult } from '../../src/fuse/rules.ts';
import type { Report } from '../../src/report/report-json.ts';
import { gatedRun, type GatedOutcome } from '../../src/run/gated-run.ts';
import { FakeGitHub } from './fake-github.ts';

export const SHA = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

export interface FuseWorld {
  kind: 'dir' | 'github';
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Extra options every command gets (the dir store's scope). */
  flags: string[];
}

/** A clean environment: nothing of the machine's own GITHUB_* leaks in. */
function baseEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, USER: 'tester' };
}

export function dirWorld(): FuseWorld {
  const cwd = mkdtempSync(join(tmpdir(), 'memgate-fuse-'));
  return { kind: 'dir', env: baseEnv(), cwd, flags: ['--fuse-scope', 'test-rollout'] };
}

export function githubWorld(gh: FakeGitHub, overrides: NodeJS.ProcessEnv = {}): FuseWorld {
  const cwd = mkdtempSync(join(tmpdir(), 'memgate-fuse-gh-'));
  const env: NodeJS.ProcessEnv = {
    ...baseEnv(),
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: gh.url,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SHA: SHA,
    GITHUB_WORKFLOW: 'Release',
    GITHUB_TOKEN: FakeGitHub.WRITE_TOKEN,
    GITHUB_ACTOR: 'octocat',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '42',
    ...overrides,
  };
  return { kind: 'github', env, cwd, flags: [] };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(world: FuseWorld, args: string[], extraFlags = true): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await cli([...args, ...(extraFlags ? world.flags : [])], {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    logger: { info: (m) => void (stderr += m + '\n'), warn: (m) => void (stderr += `warning: ${m}\n`) },
    signal: new AbortController().signal,
    cwd: world.cwd,
    env: world.env,
  });
  return { code, stdout, stderr };
}

export function fakeReport(verdict: Report['verdict']): Report {
  const reasons =
    verdict === 'fail'
      ? [
          {
            rule: 'p95-increase',
            outcome: 'block',
            message: 'P95 of memory rose +83.7% (gray 22.5 MiB vs baseline 12.2 MiB)',
            measured: 0.837,
            limit: 0.12,
          },
        ]
      : verdict === 'inconclusive'
        ? [{ rule: 'enough-samples', outcome: 'inconclusive', message: 'too few samples', measured: 3, limit: 8 }]
        : [];
  return {
    verdict,
    grade: verdict === 'fail' ? 'P0' : null,
    exitCode: { pass: 0, warn: 0, fail: 1, inconclusive: 3 }[verdict],
    reasons,
  } as unknown as Report;
}

export interface CellRun {
  /** What the gated run said. */
  gated: GatedOutcome;
  /** Null when the check stopped the cell. */
  outcome: FuseOutcome | null;
}

/** What `memgate run --cell CELL --fuse on` does (the same gated run) around a gate whose verdict is `verdict`. */
export async function runCell(
  world: FuseWorld,
  cell: string,
  verdict: Report['verdict'],
  threshold?: string,
): Promise<CellRun> {
  const raw: Record<string, string> = { cell, fuse: 'on' };
  if (threshold) raw['fuse-dimension-threshold'] = threshold;
  for (let i = 0; i < world.flags.length; i += 2) raw[world.flags[i].replace(/^--/, '')] = world.flags[i + 1];
  const fuse = openRunFuse(raw, { env: world.env, cwd: world.cwd })!;
  const outDir = join(world.cwd, 'out', cell.replace(/[^a-z0-9]+/gi, '_'));
  const quiet = { info: () => {}, warn: () => {} };
  const gated = await gatedRun({
    fuse,
    outDir,
    logger: quiet,
    gate: async () => ({
      kind: 'judged',
      report: fakeReport(verdict),
      reportPath: join(outDir, 'report.json'),
      outDir,
    }),
  });
  if (gated.kind === 'fuse-unreadable') throw new Error(gated.message);
  if (gated.kind === 'judged' && gated.fuseError) throw new Error(gated.fuseError.message);
  return { gated, outcome: gated.kind === 'judged' ? gated.fuse : null };
}

/**
 * A cell whose gate started and has not finished: `begin` only, with an hour's deadline as a run's gate
 * writes one (a record without one is stale 24 h after its `at`, and FakeGitHub's clock is in the past).
 */
export async function startCell(world: FuseWorld, cell: string): Promise<CheckResult> {
  const raw: Record<string, string> = { cell, fuse: 'on' };
  for (let i = 0; i < world.flags.length; i += 2) raw[world.flags[i].replace(/^--/, '')] = world.flags[i + 1];
  return openRunFuse(raw, { env: world.env, cwd: world.cwd })!.begin(3_600_000);
}

export async function checkCellCli(world: FuseWorld, cell: string): Promise<CliResult> {
  return runCli(world, ['fuse', 'check', '--cell', cell]);
}

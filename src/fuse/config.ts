// Fuse options (CLI flags / Action inputs) -> a validated config; scope and store selection.
import { execaSync } from 'execa';
import { resolve } from 'node:path';
import { Defaults, Option } from '../model/constants.ts';
import { UsageError } from '../model/errors.ts';
import type { RawOptions } from '../model/settings.ts';
import { RestClient, githubContextFromEnv } from '../github/rest.ts';
import { parseCell, type Cell } from './cell.ts';
import { DirFuseStore } from './dir-store.ts';
import { GitHubFuseStore } from './github-store.ts';
import { parseThreshold, type Threshold } from './rules.ts';
import type { FuseScope, FuseStore } from './types.ts';

export type StoreChoice = 'auto' | 'github' | 'dir';
const STORE_CHOICES: readonly StoreChoice[] = ['auto', 'github', 'dir'];

export interface StoreConfig {
  store: StoreChoice;
  dir: string;
  /** --fuse-scope, when given. */
  scope: string | undefined;
}

export interface FuseConfig extends StoreConfig {
  cell: Cell;
  threshold: Threshold;
}

function value(raw: RawOptions, name: string): string | undefined {
  const v = raw[name]?.trim();
  return v === undefined || v === '' ? undefined : v;
}

export function parseStoreConfig(raw: RawOptions): StoreConfig {
  const store = (value(raw, Option.FuseStore) ?? Defaults.fuseStore).toLowerCase();
  if (!STORE_CHOICES.includes(store as StoreChoice)) {
    throw new UsageError(
      `--${Option.FuseStore}: "${store}" is not a store; use auto (GitHub commit statuses inside Actions, else a directory), github or dir.`,
    );
  }
  const scope = value(raw, Option.FuseScope);
  if (scope !== undefined && (scope.length > 200 || /[\u0000-\u001f]/.test(scope))) {
    throw new UsageError(
      `--${Option.FuseScope}: give one line of at most 200 characters, e.g. --${Option.FuseScope} release-1.4.`,
    );
  }
  return { store: store as StoreChoice, dir: value(raw, Option.FuseDir) ?? Defaults.fuseDir, scope };
}

/** The run's fuse settings; null when the fuse is off. `--cell` without `--fuse on` is still checked. */
export function parseFuseConfig(raw: RawOptions): FuseConfig | null {
  const switchText = (value(raw, Option.Fuse) ?? Defaults.fuse).toLowerCase();
  const on = ['on', 'true', 'yes', '1'].includes(switchText);
  if (!on && !['off', 'false', 'no', '0'].includes(switchText)) {
    throw new UsageError(`--${Option.Fuse}: "${switchText}" is not allowed; use on or off (default ${Defaults.fuse}).`);
  }
  const cellText = value(raw, Option.Cell);
  const cell = cellText === undefined ? null : parseCell(cellText, `--${Option.Cell}`);
  const threshold = parseThreshold(
    value(raw, Option.FuseDimensionThreshold) ?? Defaults.fuseDimensionThreshold,
    `--${Option.FuseDimensionThreshold}`,
  );
  const store = parseStoreConfig(raw);
  if (!on) return null;
  if (!cell) {
    throw new UsageError(
      `--${Option.Fuse} on needs --${Option.Cell}: name the matrix cell this run gates, e.g. --${Option.Cell} "region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64" (in a workflow: cell: \${{ matrix.cell }}).`,
    );
  }
  return { ...store, cell, threshold };
}

export interface FuseEnvironment {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** The Action's github-token input (the CLI reads GITHUB_TOKEN / GH_TOKEN). */
  token?: string;
  fetch?: typeof fetch;
}

/** The checkout's commit, or what git said instead (its stderr, or why it could not run). */
function gitHead(cwd: string): { sha: string } | { why: string } {
  const result = execaSync('git', ['rev-parse', 'HEAD'], { cwd, timeout: 5000, reject: false, stdin: 'ignore' });
  const sha = result.failed ? '' : result.stdout.trim();
  if (/^[0-9a-f]{40,64}$/.test(sha)) return { sha };
  const said = (result.stderr || result.shortMessage || '').replace(/\s+/g, ' ').trim().slice(0, 300);
  return { why: said ? `git rev-parse HEAD: ${said}` : `git rev-parse HEAD printed "${sha.slice(0, 80)}"` };
}

/** The scope: --fuse-scope, else "<commit>/<workflow>" from GITHUB_SHA and GITHUB_WORKFLOW (git HEAD and "local" outside Actions). */
export function resolveScope(scopeText: string | undefined, fenv: FuseEnvironment): FuseScope {
  if (scopeText !== undefined) return { key: scopeText, label: scopeText, explicit: true };
  const head = fenv.env.GITHUB_SHA?.trim() ? { sha: fenv.env.GITHUB_SHA.trim() } : gitHead(fenv.cwd);
  if (!('sha' in head)) {
    throw new UsageError(
      `no fuse scope: outside GitHub Actions and outside a git checkout there is no commit to tie the fuse to (${head.why}); give --${Option.FuseScope} NAME (the same in every job of the rollout).`,
    );
  }
  const { sha } = head;
  const workflow = fenv.env.GITHUB_WORKFLOW?.trim() || 'local';
  return { key: `${sha}/${workflow}`, label: workflow, explicit: false };
}

/** Picks and opens the store: GitHub commit statuses inside Actions (token + repository + commit), else the directory. */
export function openFuseStore(config: StoreConfig, fenv: FuseEnvironment): FuseStore {
  const inActions = fenv.env.GITHUB_ACTIONS === 'true';
  const choice = config.store === 'auto' ? (inActions ? 'github' : 'dir') : config.store;
  if (choice === 'dir') return new DirFuseStore(resolve(fenv.cwd, config.dir), resolveScope(config.scope, fenv));
  const gh = githubContextFromEnv(fenv.env, fenv.token);
  const why =
    config.store === 'auto'
      ? 'inside GitHub Actions the fuse lives in commit statuses'
      : `--${Option.FuseStore} github keeps the fuse in commit statuses`;
  if (!gh)
    throw new UsageError(
      `${why}, and GITHUB_REPOSITORY (owner/name) is not set: set it, or use --${Option.FuseStore} dir.`,
    );
  if (!gh.sha)
    throw new UsageError(`${why}, and GITHUB_SHA (the commit) is not set: set it, or use --${Option.FuseStore} dir.`);
  if (!gh.token) {
    throw new UsageError(
      `${why}, and there is no token: give the Action "github-token: \${{ github.token }}" (the default) or the CLI GITHUB_TOKEN, with "permissions: statuses: write" on the job; or use --${Option.FuseStore} dir.`,
    );
  }
  const scope = resolveScope(config.scope, fenv);
  const client = new RestClient({ token: gh.token, baseUrl: gh.apiUrl, fetch: fenv.fetch });
  return new GitHubFuseStore({ client, owner: gh.owner, repo: gh.repo, sha: gh.sha, scope });
}

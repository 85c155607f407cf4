// The GitHub fuse store: commit statuses on the run's commit, visible to every job of the workflow.
// One context per target:
//   memgate/fuse/cell/<cell-id> (<scope label>)     pending = gate running, success = passed (or "reset ..."),
//                                                   failure = blocked (tripped), error = inconclusive
//   memgate/fuse/dim/<dim>=<value> (<scope label>)  failure = tripped, success = reset
// The latest status per context wins; a reset is a newer success status with the reason in its description.
import { createHash } from 'node:crypto';
import { UsageError } from '../model/errors.ts';
import { GitHubApiError, type GitHubApi } from '../github/rest.ts';
import { isDimension, parseCell } from './cell.ts';
import type { CellState, FuseRecord, FuseScope, FuseStore, NewFuseRecord } from './types.ts';

/** GitHub's limits on a commit status. */
export const MAX_DESCRIPTION = 140;
export const MAX_CONTEXT = 255;
const PREFIX = 'memgate/fuse/';
const MAX_LABEL = 60;

interface GitHubStatus {
  id: number;
  state: 'error' | 'failure' | 'pending' | 'success';
  context: string;
  description: string | null;
  target_url: string | null;
  created_at: string;
  updated_at?: string;
  creator?: { login?: string } | null;
}

interface CombinedStatus {
  state: string;
  statuses: GitHubStatus[];
  total_count: number;
}

/** The scope as it appears in a context: one line, at most 60 characters (a hash keeps long ones apart). */
export function contextLabel(scope: FuseScope): string {
  const clean = scope.label.replace(/\s+/g, ' ').trim() || 'default';
  if (clean.length <= MAX_LABEL) return clean;
  return `${clean.slice(0, MAX_LABEL - 9)}~${createHash('sha256').update(clean).digest('hex').slice(0, 8)}`;
}

export function contextFor(
  record: Pick<NewFuseRecord, 'kind'> & { cell?: string; dim?: string; value?: string },
  label: string,
): string {
  const target = record.kind === 'cell' ? `cell/${record.cell}` : `dim/${record.dim}=${record.value}`;
  return `${PREFIX}${target} (${label})`;
}

/** Cuts text to `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 3)}...`;
}

const CELLS_MARK = ' | cells: ';

/** The status description for a record: state word, reason, and for a dimension trip as many whole cell ids as fit. */
export function statusDescription(record: NewFuseRecord): string {
  if (record.state === 'reset')
    return clip(`reset${record.by ? ` by ${record.by}` : ''}: ${record.reason}`, MAX_DESCRIPTION);
  if (record.kind === 'cell') return clip(`${record.state}: ${record.reason}`, MAX_DESCRIPTION);
  const head = clip(`tripped: ${record.reason}`, MAX_DESCRIPTION);
  if (record.cells.length === 0 || head.length + CELLS_MARK.length >= MAX_DESCRIPTION - 10) return head;
  let text = head + CELLS_MARK.trimEnd();
  for (const [i, cell] of record.cells.entries()) {
    const more = record.cells.length - i - 1;
    const tail = more > 0 ? ` +${more}` : '';
    if (text.length + 1 + cell.length + tail.length > MAX_DESCRIPTION) return `${text} +${record.cells.length - i}`;
    text += ` ${cell}`;
  }
  return text;
}

const STATE_OF: Record<Exclude<CellState, 'reset'>, GitHubStatus['state']> = {
  running: 'pending',
  pass: 'success',
  blocked: 'failure',
  inconclusive: 'error',
};
const CELL_STATE: Record<GitHubStatus['state'], CellState> = {
  pending: 'running',
  success: 'pass',
  failure: 'blocked',
  error: 'inconclusive',
};

/** Reads one status back as a record of this scope; null when it is not one of ours. */
export function recordFromStatus(status: GitHubStatus, label: string): FuseRecord | null {
  const m = /^memgate\/fuse\/(cell|dim)\/(\S+) \((.*)\)$/i.exec(status.context);
  if (!m || m[3].toLowerCase() !== label.toLowerCase()) return null;
  const description = status.description ?? '';
  const reset = status.state === 'success' && /^reset\b/i.test(description);
  const base = {
    at: status.created_at,
    order: status.id,
    url: status.target_url ?? undefined,
    by: (reset ? /^reset by (\S+):/i.exec(description)?.[1] : undefined) ?? status.creator?.login ?? undefined,
    reason: description.replace(/^(reset(?: by \S+)?|running|pass|blocked|inconclusive|tripped):\s*/i, ''),
  };
  if (m[1].toLowerCase() === 'cell') {
    let cell: string;
    try {
      cell = parseCell(m[2], 'a fuse status').id;
    } catch {
      return null;
    }
    const state: CellState | undefined = reset ? 'reset' : CELL_STATE[status.state];
    return state === undefined ? null : { kind: 'cell', cell, state, ...base };
  }
  const eq = m[2].indexOf('=');
  const dim = m[2].slice(0, eq).toLowerCase();
  if (eq < 0 || !isDimension(dim)) return null;
  if (status.state !== 'failure' && status.state !== 'success') return null;
  const [reason, cellText] = base.reason.split(CELLS_MARK.trim());
  const cells = (cellText ?? '')
    .trim()
    .split(/\s+/)
    .filter((c) => c && !c.startsWith('+'));
  return {
    kind: 'dim',
    dim,
    value: m[2].slice(eq + 1).toLowerCase(),
    state: status.state === 'failure' ? 'tripped' : 'reset',
    cells,
    ...base,
    reason: reason.trim(),
  };
}

export interface GitHubStoreOptions {
  client: GitHubApi;
  owner: string;
  repo: string;
  sha: string;
  scope: FuseScope;
}

export class GitHubFuseStore implements FuseStore {
  readonly kind = 'github' as const;
  readonly where: string;
  readonly scope: FuseScope;
  readonly label: string;
  private readonly options: GitHubStoreOptions;

  constructor(options: GitHubStoreOptions) {
    this.options = options;
    this.scope = options.scope;
    this.label = contextLabel(options.scope);
    this.where = `commit statuses on ${options.owner}/${options.repo}@${options.sha.slice(0, 12)} (contexts "${PREFIX}... (${this.label})")`;
  }

  private get repoPath(): string {
    return `/repos/${encodeURIComponent(this.options.owner)}/${encodeURIComponent(this.options.repo)}`;
  }

  private ours(statuses: GitHubStatus[]): FuseRecord[] {
    return statuses
      .map((s) => recordFromStatus(s, this.label))
      .filter((r): r is FuseRecord => r !== null)
      .sort((a, b) => a.order - b.order);
  }

  /** The combined status: the latest status of every context, which is all the fold needs. */
  async read(): Promise<FuseRecord[]> {
    const statuses = await this.call(() =>
      this.options.client.paginate<GitHubStatus, CombinedStatus>(
        `${this.repoPath}/commits/${encodeURIComponent(this.options.sha)}/status`,
        { pick: (page) => page.statuses ?? [] },
      ),
    );
    return this.ours(statuses);
  }

  /** Every status ever set on the commit (GitHub lists them newest first; we return oldest first). */
  async history(): Promise<FuseRecord[]> {
    const statuses = await this.call(() =>
      this.options.client.paginate<GitHubStatus>(
        `${this.repoPath}/commits/${encodeURIComponent(this.options.sha)}/statuses`,
      ),
    );
    return this.ours(statuses);
  }

  async append(record: NewFuseRecord): Promise<FuseRecord> {
    const context = contextFor(record, this.label);
    if (context.length > MAX_CONTEXT)
      throw new UsageError(
        `the fuse context "${context}" is longer than GitHub's ${MAX_CONTEXT} characters; shorten the cell's values or --fuse-scope.`,
      );
    const body = {
      state: record.state === 'reset' ? 'success' : record.kind === 'cell' ? STATE_OF[record.state] : 'failure',
      context,
      description: statusDescription(record),
      ...(record.url ? { target_url: record.url } : {}),
    };
    const response = await this.call(() =>
      this.options.client.request<GitHubStatus>(
        'POST',
        `${this.repoPath}/statuses/${encodeURIComponent(this.options.sha)}`,
        { body },
      ),
    );
    // Keep what we meant (full reason and cell list); take GitHub's id and time.
    return { ...record, order: response.data.id, at: response.data.created_at ?? record.at } as FuseRecord;
  }

  private async call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw explainGitHubError(error, `${this.options.owner}/${this.options.repo}`, this.options.sha);
    }
  }
}

/** Turns the API errors a user can fix into UsageErrors that name the fix. */
export function explainGitHubError(error: unknown, repository: string, sha: string): unknown {
  if (!(error instanceof GitHubApiError)) return error;
  if (error.status === 401) {
    return new UsageError(
      `GitHub rejected the token (401 ${error.githubMessage}) while using the fuse on ${repository}: pass a valid token (the github-token input, or GITHUB_TOKEN for the CLI).`,
    );
  }
  if (error.notAccessible) {
    return new UsageError(
      `the token may not write commit statuses on ${repository} (403 ${error.githubMessage}): add "permissions: statuses: write" to the job; pull requests from forks only get a read-only token, so run fused rollouts from push or workflow_dispatch events.`,
    );
  }
  if (error.status === 404) {
    return new UsageError(
      `GitHub found no commit ${sha} in ${repository}, or the token cannot see it (404): check GITHUB_REPOSITORY and GITHUB_SHA, and give the job "permissions: statuses: write".`,
    );
  }
  if (error.status === 422) {
    return new UsageError(
      `GitHub refused a fuse status on ${repository}@${sha.slice(0, 12)}: ${error.message}; check that GITHUB_SHA names a commit of the repository.`,
    );
  }
  return error;
}

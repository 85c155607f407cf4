import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GitHubApiError, GitHubNetworkError, type GitHubApi } from './rest.ts';

export type CommentMode = 'always' | 'on-failure' | 'never';

export type CommentResult =
  | { kind: 'created'; id: number; url: string }
  | { kind: 'updated'; id: number; url: string }
  | { kind: 'skipped'; why: string }
  /** The token may not comment (a fork's read-only token) or the PR is gone: not the gate's failure. */
  | { kind: 'unavailable'; status: number; why: string };

interface IssueComment {
  id: number;
  body?: string;
  html_url: string;
  user?: { login: string; type?: string } | null;
}

/** The hidden line that finds this gate's comment again; the key is hashed so no text can break out. */
export function commentMarker(key: string): string {
  return `<!-- memgate:sticky-comment ${createHash('sha256').update(key).digest('hex').slice(0, 16)} -->`;
}

/** The pull request this run belongs to: the event payload first, then refs/pull/N/merge. */
export function pullRequestNumber(env: NodeJS.ProcessEnv): number | null {
  if (env.GITHUB_EVENT_PATH) {
    try {
      const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
      const number = event?.pull_request?.number ?? (event?.issue?.pull_request ? event.issue.number : undefined);
      if (Number.isInteger(number)) return number;
    } catch {
      // fall through to the ref
    }
  }
  const match = /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? '');
  return match ? Number(match[1]) : null;
}

/** The login of the token's user (GET /user), or null when the API will not say. */
async function tokenLogin(client: GitHubApi): Promise<string | null> {
  try {
    const { data } = await client.request<{ login?: unknown }>('GET', '/user');
    return typeof data?.login === 'string' ? data.login : null;
  } catch (error) {
    if (error instanceof GitHubApiError) return null;
    throw error;
  }
}

/**
 * Creates this gate's comment on the PR, or updates it in place when an earlier run left one.
 * `createIfMissing: false` only updates: a comment that said "blocked" must not go stale once fixed.
 */
export async function upsertStickyComment(
  client: GitHubApi,
  target: {
    owner: string;
    repo: string;
    issue: number;
    key: string;
    body: string;
    createIfMissing?: boolean;
    botOnly?: boolean;
  },
): Promise<CommentResult> {
  const marker = commentMarker(target.key);
  const body = `${marker}\n${target.body}`;
  const base = `/repos/${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}`;
  try {
    // Anyone can paste the marker: only a comment by the token's own identity is ours. With an
    // installation token (ghs_, the Actions token) that is a bot; with any other token, the user GET
    // /user names (a token that cannot say who it is adopts nothing and creates its own comment).
    const botOnly = target.botOnly ?? client.installationToken;
    const login = botOnly ? null : await tokenLogin(client);
    const ours = (c: IssueComment) => (botOnly ? c.user?.type === 'Bot' : login !== null && c.user?.login === login);
    const findMine = async () =>
      (await client.paginate<IssueComment>(`${base}/issues/${target.issue}/comments`)).find(
        (c) => c.body?.startsWith(marker) && ours(c),
      );
    const mine = await findMine();
    if (mine) {
      const { data } = await client.request<IssueComment>('PATCH', `${base}/issues/comments/${mine.id}`, {
        body: { body },
      });
      return { kind: 'updated', id: data.id, url: data.html_url };
    }
    if (target.createIfMissing === false)
      return { kind: 'skipped', why: 'no earlier comment to update, and this run needs none' };
    const create = () =>
      client.request<IssueComment>('POST', `${base}/issues/${target.issue}/comments`, { body: { body } });
    try {
      const { data } = await create();
      return { kind: 'created', id: data.id, url: data.html_url };
    } catch (error) {
      // A 5xx or a lost answer: the comment may have landed all the same (the client never repeats a
      // create). Look once more and adopt it; only when it is not there, create it a second time.
      if (!(error instanceof GitHubNetworkError || (error instanceof GitHubApiError && error.status >= 500)))
        throw error;
      const landed = await findMine();
      if (landed) return { kind: 'created', id: landed.id, url: landed.html_url };
      const { data } = await create();
      return { kind: 'created', id: data.id, url: data.html_url };
    }
  } catch (error) {
    if (error instanceof GitHubApiError && [401, 403, 404, 410, 422].includes(error.status)) {
      return { kind: 'unavailable', status: error.status, why: error.message };
    }
    throw error;
  }
}

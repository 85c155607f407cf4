// Issue-comment endpoints for FakeGitHub, answering as GitHub does (pagination, 201 on create,
// 422 for a body over 65,536 characters, 404 for a comment that is not there).
import type { FakeGitHub } from './fake-github.ts';

export interface FakeComment {
  id: number;
  body: string;
  html_url: string;
  user: { login: string; type: string };
  issue: string;
}

export function addCommentRoutes(gh: FakeGitHub): FakeComment[] {
  const comments: FakeComment[] = [];
  const tooLong = (body: unknown) => typeof body !== 'string' || [...body].length > 65_536;
  gh.addRoute({
    method: 'GET',
    path: '/repos/:owner/:repo/issues/:issue/comments',
    handler: (ctx) =>
      gh.paginate(
        ctx,
        comments.filter((c) => c.issue === `${ctx.params.owner}/${ctx.params.repo}#${ctx.params.issue}`),
      ),
  });
  gh.addRoute({
    method: 'POST',
    path: '/repos/:owner/:repo/issues/:issue/comments',
    write: true,
    handler: (ctx) => {
      const body = (ctx.req.body as { body?: unknown } | null)?.body;
      if (tooLong(body)) return gh.invalid('IssueComment', 'body', 'Body is too long (maximum is 65536 characters)');
      const id = gh.newId();
      const comment = {
        id,
        body: body as string,
        html_url: `https://github.example/${ctx.params.owner}/${ctx.params.repo}/pull/${ctx.params.issue}#issuecomment-${id}`,
        user: { login: 'github-actions[bot]', type: 'Bot' },
        issue: `${ctx.params.owner}/${ctx.params.repo}#${ctx.params.issue}`,
      };
      comments.push(comment);
      return gh.created(comment);
    },
  });
  gh.addRoute({
    method: 'PATCH',
    path: '/repos/:owner/:repo/issues/comments/:id',
    write: true,
    handler: (ctx) => {
      const comment = comments.find((c) => c.id === Number(ctx.params.id));
      if (!comment) return gh.notFound();
      const body = (ctx.req.body as { body?: unknown } | null)?.body;
      if (tooLong(body)) return gh.invalid('IssueComment', 'body', 'Body is too long (maximum is 65536 characters)');
      comment.body = body as string;
      return { status: 200, body: comment };
    },
  });
  return comments;
}

import { createHash } from 'node:crypto';
import { ExitCode } from '../model/constants.ts';
import { errorMessage } from '../model/errors.ts';
import { renderComment, renderSummary } from '../report/markdown.ts';
import type { Report } from '../report/report-json.ts';
import { verdictAnnotation, type Annotation } from './annotations.ts';
import { pullRequestNumber, upsertStickyComment, type CommentMode, type CommentResult } from '../github/pr-comment.ts';
import { RestClient, githubContextFromEnv, runUrlFromEnv } from '../github/rest.ts';

/** What publishing needs from the runner: a seam tests replace. */
export interface PublishCore {
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  annotate(annotation: Annotation): void;
  writeSummary(markdown: string): Promise<void>;
  setOutput(name: string, value: string): void;
}

export interface PublishSettings {
  comment: CommentMode;
  /** Identity of this gate's comment; empty: derived from workflow, job and commands. */
  commentKey: string;
  token: string;
  htmlReportPath: string;
}

export function parseCommentMode(text: string): CommentMode | null {
  const mode = text.trim() || 'always';
  return mode === 'always' || mode === 'on-failure' || mode === 'never' ? mode : null;
}

/**
 * Keeps matrix cells apart by default: same workflow and job, but a different cell or different
 * commands (as written, before {port} is filled in, so that the key survives the next push).
 */
export function defaultCommentKey(env: NodeJS.ProcessEnv, cell: string, commands: readonly string[]): string {
  const hash = createHash('sha256').update(commands.join('\n')).digest('hex').slice(0, 8);
  return [env.GITHUB_WORKFLOW ?? '', env.GITHUB_JOB ?? '', cell || hash].join('/');
}

/**
 * Job summary, annotation and sticky PR comment. A reporting problem never fails the step: a fork's
 * read-only token, a missing PR or an API outage each leave a notice, and the summary has it all.
 */
export async function publishReport(
  core: PublishCore,
  report: Report,
  env: NodeJS.ProcessEnv,
  settings: PublishSettings & { cell: string; commands: readonly string[] },
): Promise<CommentResult> {
  const runUrl = runUrlFromEnv(env) ?? null;
  const links = { runUrl, htmlReport: settings.htmlReportPath };
  try {
    await core.writeSummary(renderSummary(report, links));
  } catch (error) {
    core.warning(`memgate could not write the job summary: ${errorMessage(error)}`);
  }
  const annotation = verdictAnnotation(report, env.GITHUB_WORKSPACE ?? process.cwd());
  if (annotation) core.annotate(annotation);

  const failed = report.exitCode !== ExitCode.Pass;
  if (settings.comment === 'never') return { kind: 'skipped', why: 'comment: never' };
  const issue = pullRequestNumber(env);
  if (issue === null) return { kind: 'skipped', why: 'not a pull request run' };
  const context = githubContextFromEnv(env, settings.token);
  if (!context?.token) {
    core.notice(
      'memgate did not comment on the pull request: no token (give github-token, or keep its default); the result is in the job summary.',
    );
    return { kind: 'skipped', why: 'no token' };
  }
  const key = settings.commentKey || defaultCommentKey(env, settings.cell, settings.commands);
  try {
    const client = new RestClient({ baseUrl: context.apiUrl, token: context.token });
    const result = await upsertStickyComment(client, {
      owner: context.owner,
      repo: context.repo,
      issue,
      key,
      body: renderComment(report, links),
      createIfMissing: settings.comment === 'always' || failed,
      botOnly: context.token.startsWith('ghs_'),
    });
    if (result.kind === 'unavailable') {
      core.notice(
        `memgate could not comment on pull request #${issue} (${result.why}). Pull requests from forks get a read-only token; give the job "permissions: pull-requests: write" on same-repository PRs. The result is in the job summary.`,
      );
    } else if (result.kind !== 'skipped') {
      core.info(`memgate ${result.kind} its comment: ${result.url}`);
      core.setOutput('comment-url', result.url);
    }
    return result;
  } catch (error) {
    core.notice(
      `memgate could not comment on pull request #${issue}: ${errorMessage(error)}. The result is in the job summary.`,
    );
    return { kind: 'unavailable', status: 0, why: errorMessage(error) };
  }
}

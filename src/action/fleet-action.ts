// The Action in fleet mode (`mode: fleet`): the same options as `memgate fleet`, as inputs; the table of
// cells in the job summary and the sticky PR comment; outputs verdict, grade, report, html-report, fused.
import { ActionInput, ActionOutput, ExitCode, Option } from '../model/constants.ts';
import { UsageError, errorMessage } from '../model/errors.ts';
import type { Logger } from '../model/logger.ts';
import type { RawOptions } from '../model/settings.ts';
import { buildFleetPlan } from '../config/fleet-plan.ts';
import { renderFleetConsole, renderFleetMarkdown, type FleetReport } from '../report/fleet-report.ts';
import { SUMMARY_BUDGET } from '../report/markdown.ts';
import { fleetRun } from '../run/fleet-run.ts';
import { pullRequestNumber, upsertStickyComment, type CommentMode } from '../github/pr-comment.ts';
import { RestClient, githubContextFromEnv } from '../github/rest.ts';
import { neutraliseCommands } from '../report/escape-commands.ts';
import { parseCommentMode, type PublishCore } from './publish.ts';
import { printUntrusted } from './untrusted.ts';

/** The parts of @actions/core fleet mode uses (run-action.ts' ActionCore has them). */
export interface FleetCore extends PublishCore {
  getInput(name: string): string;
  setFailed(message: string): void;
}

/** Comment bodies are capped at 65,536 characters; the table and details are cut to fit below that. */
const COMMENT_BUDGET = 60_000;

async function comment(core: FleetCore, report: FleetReport, env: NodeJS.ProcessEnv, mode: CommentMode): Promise<void> {
  if (mode === 'never') return;
  const issue = pullRequestNumber(env);
  if (issue === null) return;
  const context = githubContextFromEnv(env, core.getInput(ActionInput.GithubToken));
  if (!context?.token) {
    core.notice('memgate did not comment on the pull request: no token; the fleet table is in the job summary.');
    return;
  }
  const key =
    core.getInput(ActionInput.CommentKey) || [env.GITHUB_WORKFLOW ?? '', env.GITHUB_JOB ?? '', 'fleet'].join('/');
  try {
    const client = new RestClient({ baseUrl: context.apiUrl, token: context.token });
    const result = await upsertStickyComment(client, {
      owner: context.owner,
      repo: context.repo,
      issue,
      key,
      body: renderFleetMarkdown(report, COMMENT_BUDGET),
      createIfMissing: mode === 'always' || report.exitCode !== ExitCode.Pass,
      botOnly: context.token.startsWith('ghs_'),
    });
    if (result.kind === 'created' || result.kind === 'updated') {
      core.info(`memgate ${result.kind} its comment: ${result.url}`);
      core.setOutput(ActionOutput.CommentUrl, result.url);
    } else if (result.kind === 'unavailable') {
      core.notice(
        `memgate could not comment on pull request #${issue} (${result.why}); the fleet table is in the job summary.`,
      );
    }
  } catch (error) {
    core.notice(
      `memgate could not comment on pull request #${issue}: ${errorMessage(error)}; the fleet table is in the job summary.`,
    );
  }
}

/**
 * `run`: the fleet run (a stand-in in tests). Label values, instance names and reasons come from the store
 * and the services it watches: progress lines are neutralised and the console table is printed between
 * stop-commands markers, as in run mode (warnings and notices are escaped by @actions/core).
 */
export async function runFleetAction(
  core: FleetCore,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal,
  run: typeof fleetRun = fleetRun,
): Promise<void> {
  const logger: Logger = { info: (m) => core.info(neutraliseCommands(m)), warn: (m) => core.warning(m) };
  try {
    const raw: RawOptions = Object.fromEntries(Object.values(Option).map((name) => [name, core.getInput(name)]));
    const mode = parseCommentMode(core.getInput(ActionInput.Comment));
    if (mode === null)
      throw new UsageError(
        `--${ActionInput.Comment}: "${core.getInput(ActionInput.Comment)}" is not allowed; use always (default), on-failure or never.`,
      );
    const plan = buildFleetPlan(raw, { cwd: process.cwd(), env, nowSec: Date.now() / 1000 });
    const { report, reportPath, htmlPath } = await run({
      plan,
      raw,
      fenv: { env, cwd: process.cwd(), token: core.getInput(ActionInput.GithubToken) },
      logger,
      signal,
      surface: 'action',
    });
    printUntrusted((line) => core.info(line), renderFleetConsole(report));
    core.setOutput(ActionOutput.Verdict, report.verdict);
    core.setOutput(ActionOutput.Grade, report.grade ?? '');
    core.setOutput(ActionOutput.Report, reportPath);
    core.setOutput(ActionOutput.HtmlReport, htmlPath);
    if (report.settings.fuse) core.setOutput(ActionOutput.Fused, String(report.cells.some((c) => c.fuse?.fused)));
    try {
      await core.writeSummary(renderFleetMarkdown(report, SUMMARY_BUDGET));
    } catch (error) {
      core.warning(`memgate could not write the job summary: ${errorMessage(error)}`);
    }
    await comment(core, report, env, mode);
    if (report.exitCode !== ExitCode.Pass) {
      const blocked = report.cells.filter((c) => c.verdict === 'fail' || c.verdict === 'fused').map((c) => c.cell);
      core.setFailed(
        blocked.length
          ? `memgate blocked ${blocked.length} cell(s) of the fleet: ${blocked.slice(0, 10).join('; ')}${blocked.length > 10 ? '; ...' : ''}`
          : `memgate could not decide on every cell (${report.summary.inconclusive} inconclusive); set on-inconclusive: pass to let such runs through`,
      );
    }
  } catch (error) {
    if (error instanceof UsageError) core.setFailed(error.message.replace(/--([a-z][a-z0-9-]*)/g, "input '$1'"));
    else core.setFailed(`memgate fleet: ${errorMessage(error)}`);
  }
}

import { ActionInput, ActionOutput, ExitCode, HtmlReportFile, Option } from '../model/constants.ts';
import { join } from 'node:path';
import { parseCommentMode, publishReport, type PublishCore } from './publish.ts';
import { buildPlan } from '../config/plan.ts';
import type { RawOptions } from '../model/settings.ts';
import { UsageError, errorMessage } from '../model/errors.ts';
import { gateMaxRunMs, runGate } from '../gate/run-gate.ts';
import type { Logger } from '../model/logger.ts';
import { renderConsole } from '../report/console.ts';
import type { Report } from '../report/report-json.ts';
import { openRunFuse, renderFuseMarkdown, renderFuseOutcome } from '../fuse/gate-fuse.ts';
import { gatedRun } from '../run/gated-run.ts';
import { runFleetAction } from './fleet-action.ts';
import { printUntrusted } from './untrusted.ts';
import { secretValues } from '../model/redact.ts';
import { neutraliseCommands } from '../report/escape-commands.ts';

/** The parts of @actions/core the Action uses: a seam tests can replace. */
export interface ActionCore extends PublishCore {
  getInput(name: string): string;
  /** core.setSecret: the runner masks the value in the job log. */
  setSecret?(value: string): void;
  setFailed(message: string): void;
}

const percentText = (ratio: number | null) => (ratio === null ? '' : (ratio * 100).toFixed(2));

function setOutputs(core: ActionCore, report: Report, reportPath: string): void {
  core.setOutput(ActionOutput.Verdict, report.verdict);
  core.setOutput(ActionOutput.Grade, report.grade ?? '');
  core.setOutput(ActionOutput.Report, reportPath);
  core.setOutput(ActionOutput.P95Increase, percentText(report.p95Increase));
  core.setOutput(ActionOutput.SlopeIncrease, percentText(report.slopeIncrease));
}

export async function runAction(core: ActionCore, env: NodeJS.ProcessEnv, signal: AbortSignal): Promise<void> {
  // The token input and every credential-named variable: masked in the log; redacted from the files
  // memgate writes (src/model/redact.ts) and kept from the workloads (start.ts scrubEnv).
  for (const secret of secretValues(env)) core.setSecret?.(secret);
  const mode = core.getInput(ActionInput.Mode).trim() || 'run';
  if (mode === 'fleet') return runFleetAction(core, env, signal);
  if (mode !== 'run') {
    core.setFailed(
      `input 'mode': "${mode}" is not a mode; use run (both builds on the runner, the default) or fleet (live canaries from a Prometheus-compatible store).`,
    );
    return;
  }
  // Progress and notes can carry workload-derived text: inert lines (warnings are escaped by core.warning).
  const logger: Logger = { info: (m) => core.info(neutraliseCommands(m)), warn: (m) => core.warning(m) };
  try {
    const raw: RawOptions = Object.fromEntries(Object.values(Option).map((name) => [name, core.getInput(name)]));
    // Reasons in the summary and the PR comment name inputs, not CLI flags.
    const plan = { ...buildPlan(raw, { cwd: process.cwd(), pathEnv: env.PATH ?? '' }), surface: 'action' as const };
    const comment = parseCommentMode(core.getInput(ActionInput.Comment));
    if (comment === null)
      throw new UsageError(
        `--${ActionInput.Comment}: "${core.getInput(ActionInput.Comment)}" is not allowed; use always (default), on-failure or never.`,
      );
    const fuse = openRunFuse(raw, { env, cwd: process.cwd(), token: core.getInput(ActionInput.GithubToken) });
    if (fuse) core.setOutput(ActionOutput.Fused, 'false');
    const outcome = await gatedRun({
      fuse,
      outDir: plan.outDir,
      logger,
      gate: () => runGate(plan, { logger, signal }),
      maxRunMs: gateMaxRunMs(plan),
    });
    switch (outcome.kind) {
      case 'fused':
        core.setOutput(ActionOutput.Fused, 'true');
        core.setOutput(ActionOutput.FuseReason, outcome.fuse.reason ?? '');
        await core.writeSummary(renderFuseMarkdown(outcome.fuse));
        core.setFailed(`memgate did not run: ${outcome.fuse.reason}`);
        return;
      case 'fuse-unreadable':
        core.setFailed(outcome.message);
        return;
      case 'interrupted':
        core.setFailed(
          `memgate was cancelled; both workloads were stopped. The partial bundle is in ${outcome.outDir}.`,
        );
        return;
      case 'judged':
        break;
    }
    const { report, reportPath } = outcome;
    printUntrusted((line) => core.info(line), renderConsole(report));
    setOutputs(core, report, reportPath);
    const htmlReportPath = join(outcome.outDir, HtmlReportFile);
    core.setOutput(ActionOutput.HtmlReport, htmlReportPath);
    await publishReport(core, report, env, {
      comment,
      commentKey: core.getInput(ActionInput.CommentKey),
      token: core.getInput(ActionInput.GithubToken),
      htmlReportPath,
      cell: raw[Option.Cell] ?? '',
      commands: [plan.commands.baseline, plan.commands.gray],
    });
    if (outcome.fuse) {
      printUntrusted((line) => core.info(line), renderFuseOutcome(outcome.fuse));
      core.setOutput(ActionOutput.Fused, String(outcome.fuse.fused));
      core.setOutput(ActionOutput.FuseReason, outcome.fuse.reason ?? '');
      await core.writeSummary(renderFuseMarkdown(outcome.fuse));
    }
    if (outcome.fuseError) {
      // A pass that could not be recorded fails the step; a block or an inconclusive run fails anyway.
      if (report.exitCode === ExitCode.Pass) {
        core.setFailed(outcome.fuseError.message);
        return;
      }
      core.warning(outcome.fuseError.message);
    }
    if (report.exitCode !== ExitCode.Pass) {
      const why = report.reasons[0]?.message ?? report.verdict;
      core.setFailed(
        report.verdict === 'fail'
          ? `memgate blocked this release (${report.grade ?? 'no grade'}): ${why}`
          : `memgate could not decide: ${why} (set on-inconclusive: pass to let such runs through)`,
      );
    }
  } catch (error) {
    // Messages name CLI flags; in a workflow the same settings are inputs.
    if (error instanceof UsageError) core.setFailed(error.message.replace(/--([a-z][a-z0-9-]*)/g, "input '$1'"));
    else core.setFailed(`memgate internal error: ${errorMessage(error)}`);
  }
}

// The plan and fuse sub-actions (plan/action.yml, fuse/action.yml): inputs -> src/fuse/commands.ts ->
// outputs, so a staged rollout is `uses:` lines only. Both run over the same dist/ as the main Action.
import { ExitCode, Option } from '../model/constants.ts';
import { UsageError, errorMessage } from '../model/errors.ts';
import type { RawOptions } from '../model/settings.ts';
import { renderStatus } from '../fuse/render.ts';
import {
  FuseStoreTrouble,
  STORE_OPTIONS,
  fuseCheck,
  fuseReset,
  fuseStatus,
  fuseTrip,
  planStage,
  type FuseCommandContext,
} from '../fuse/commands.ts';

/** The parts of @actions/core the sub-actions use: a seam tests can replace. */
export interface SubActionCore {
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  setFailed(message: string): void;
  info(message: string): void;
  warning(message: string): void;
}

/** Inputs and outputs of plan/action.yml. */
export const PlanInput = { Stages: 'stages', Stage: 'stage', GithubToken: 'github-token' } as const;
export const PlanOutput = { Matrix: 'matrix', Empty: 'empty', Wave: 'wave' } as const;

/** Inputs and outputs of fuse/action.yml. */
export const FuseInput = {
  Command: 'command',
  Cell: 'cell',
  Dimension: 'dimension',
  Reason: 'reason',
  Threshold: Option.FuseDimensionThreshold,
  Sha: 'sha',
  GithubToken: 'github-token',
} as const;
export const FuseOutput = { Fused: 'fused', Message: 'message', Status: 'status' } as const;

const FUSE_COMMANDS = ['check', 'status', 'reset', 'trip'] as const;

function context(core: SubActionCore, env: NodeJS.ProcessEnv, cwd: string, token: string): FuseCommandContext {
  const store: RawOptions = Object.fromEntries(STORE_OPTIONS.map((name) => [name, core.getInput(name)]));
  return { fenv: { env, cwd, token }, store, say: (line) => core.info(line) };
}

/** One line per list entry (a cell holds commas, so lists are lines), blanks and surrounding space dropped. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

const optional = (text: string) => (text.trim() === '' ? undefined : text);

/** Bad input names the input, not the CLI flag; a store that cannot be reached fails the step (try again). */
function fail(core: SubActionCore, error: unknown): void {
  if (error instanceof UsageError) core.setFailed(error.message.replace(/--([a-z][a-z0-9-]*)/g, "input '$1'"));
  else if (error instanceof FuseStoreTrouble) core.setFailed(error.message);
  else core.setFailed(`memgate internal error: ${errorMessage(error)}`);
}

/** plan/action.yml: wave N's strategy.matrix JSON in the `matrix` output; fails while wave N-1 is not fully passed. */
export async function runPlanAction(core: SubActionCore, env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  try {
    const outcome = await planStage(
      optional(core.getInput(PlanInput.Stages)),
      optional(core.getInput(PlanInput.Stage)),
      context(core, env, cwd, core.getInput(PlanInput.GithubToken)),
    );
    if (outcome.kind === 'held') {
      core.setFailed(outcome.message);
      return ExitCode.Blocked;
    }
    const { include } = outcome.matrix;
    core.setOutput(PlanOutput.Matrix, JSON.stringify(outcome.matrix));
    core.setOutput(PlanOutput.Empty, String(include.length === 0));
    core.setOutput(PlanOutput.Wave, outcome.name);
    core.info(
      `plan: wave ${outcome.wave} (${outcome.name}): ${include.length} of ${outcome.cells} cells to run${outcome.leftOut.length ? `, ${outcome.leftOut.length} left out by the fuse` : ''} (${outcome.where})`,
    );
    for (const left of outcome.leftOut) core.info(`plan: left out: ${left.message}`);
    if (include.length === 0)
      core.warning(
        `plan: every cell of wave ${outcome.wave} is fused; the matrix is empty: skip the wave's job with if: needs.<plan job>.outputs.empty != 'true' (GitHub refuses an empty matrix).`,
      );
    return ExitCode.Pass;
  } catch (error) {
    fail(core, error);
    return error instanceof UsageError ? ExitCode.Usage : ExitCode.Inconclusive;
  }
}

/** fuse/action.yml: check, status, reset or trip, e.g. from a workflow_dispatch. */
export async function runFuseAction(core: SubActionCore, env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  try {
    const command = core.getInput(FuseInput.Command).trim().toLowerCase();
    if (!(FUSE_COMMANDS as readonly string[]).includes(command)) {
      throw new UsageError(`input 'command': "${command}" is not a fuse command; use check, status, reset or trip.`);
    }
    // A workflow_dispatch runs on the branch head: `sha` names the release commit whose statuses hold the fuse.
    const sha = core.getInput(FuseInput.Sha).trim();
    if (sha && !/^[0-9a-f]{40,64}$/i.test(sha))
      throw new UsageError(
        `input 'sha': "${sha.slice(0, 80)}" is not a full commit SHA; give the release commit's 40-character SHA, or leave it empty for this run's commit.`,
      );
    const ctx = context(
      core,
      sha ? { ...env, GITHUB_SHA: sha.toLowerCase() } : env,
      cwd,
      core.getInput(FuseInput.GithubToken),
    );
    const targets = {
      cells: lines(core.getInput(FuseInput.Cell)),
      dimensions: lines(core.getInput(FuseInput.Dimension)),
    };
    const reason = optional(core.getInput(FuseInput.Reason));
    switch (command) {
      case 'check': {
        if (targets.cells.length > 1)
          throw new UsageError(`input 'cell': check takes one cell, ${targets.cells.length} were given.`);
        const outcome = await fuseCheck(targets.cells[0], ctx);
        core.setOutput(FuseOutput.Fused, String(outcome.fused));
        core.setOutput(FuseOutput.Message, outcome.message);
        if (outcome.fused) {
          core.setFailed(`memgate fuse: ${outcome.message}`);
          return ExitCode.Blocked;
        }
        return ExitCode.Pass;
      }
      case 'status': {
        const view = await fuseStatus(false, ctx);
        core.info(renderStatus(view));
        core.setOutput(FuseOutput.Status, JSON.stringify(view));
        return ExitCode.Pass;
      }
      case 'reset':
        await fuseReset(targets, reason, ctx);
        return ExitCode.Pass;
      default:
        await fuseTrip(targets, reason, optional(core.getInput(FuseInput.Threshold)), ctx);
        return ExitCode.Pass;
    }
  } catch (error) {
    fail(core, error);
    return error instanceof UsageError ? ExitCode.Usage : ExitCode.Inconclusive;
  }
}

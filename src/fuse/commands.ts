// The fuse commands themselves (check, status, reset, trip, plan), for both surfaces: the CLI
// (src/cli/fuse-commands.ts: flags -> these -> stdout and exit status) and the fuse and plan
// sub-actions (src/action/fuse-main.ts, plan-main.ts: inputs -> these -> outputs). Bad input throws
// UsageError; a store that cannot be read or written throws FuseStoreTrouble (fail closed: try again).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Defaults, Option } from '../model/constants.ts';
import { UsageError, errorMessage } from '../model/errors.ts';
import type { RawOptions } from '../model/settings.ts';
import { runUrlFromEnv } from '../github/rest.ts';
import { dimKey, parseCell, parseDimensionValue, type DimensionValue } from './cell.ts';
import { openFuseStore, parseStoreConfig, type FuseEnvironment } from './config.ts';
import { actorFromEnv } from './gate-fuse.ts';
import { planWave, type LeftOut, type MatrixEntry } from './plan.ts';
import { statusView, type StatusView } from './render.ts';
import { checkCell, dimensionTrips, foldRecords, isTripped, parseThreshold } from './rules.ts';
import { parseStages } from './stages.ts';
import type { FuseStore } from './types.ts';
import { localOwnerAlive } from './owner.ts';

/** A store failure that is not the user's to fix (network, GitHub 5xx): the cell is not cleared. */
export class FuseStoreTrouble extends Error {
  override name = 'FuseStoreTrouble';
}

export interface FuseCommandContext {
  fenv: FuseEnvironment;
  /** The store options (fuse-store, fuse-dir, fuse-scope) as given. */
  store: RawOptions;
  /** Each thing done, one line at a time (CLI: stdout; Action: the log). */
  say: (line: string) => void;
}

function open(context: FuseCommandContext): FuseStore {
  return openFuseStore(parseStoreConfig(context.store), context.fenv);
}

async function storeStep<T>(store: FuseStore, what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new FuseStoreTrouble(
      `fuse: could not ${what} ${store.where}: ${errorMessage(error)}; treat the cell as not cleared and try again.`,
    );
  }
}

export interface CheckOutcome {
  fused: boolean;
  /** Why it is fused (naming the tripping cell), or that it may run. */
  message: string;
}

export async function fuseCheck(cellText: string | undefined, context: FuseCommandContext): Promise<CheckOutcome> {
  if (!cellText)
    throw new UsageError(
      'memgate fuse check needs --cell, e.g. --cell "region=cn-east-2,isp=cmcc,os=linux-5.10,arch=amd64".',
    );
  const cell = parseCell(cellText);
  const store = open(context);
  const result = await storeStep(store, 'read the fuse from', async () =>
    checkCell(foldRecords(await store.read()), cell),
  );
  const message = result.fused
    ? result.message
    : `cell ${cell.id} may run: neither it nor any of its dimension values is tripped (${store.where}).`;
  context.say(`fuse: ${message}`);
  return { fused: result.fused, message };
}

export async function fuseStatus(history: boolean, context: FuseCommandContext): Promise<StatusView> {
  const store = open(context);
  return storeStep(store, 'read the fuse from', async () => {
    const records = history ? await store.history() : undefined;
    return statusView(foldRecords(records ?? (await store.read())), store.scope, store.where, records, {
      now: Date.now(),
      ownerAlive: localOwnerAlive,
    });
  });
}

export interface Targets {
  cells: string[];
  /** DIM=VALUE each. */
  dimensions: string[];
}

function targets(given: Targets, command: string): { cells: string[]; dims: DimensionValue[] } {
  const cells = given.cells.map((c) => parseCell(c).id);
  const dims = given.dimensions.map((d) => parseDimensionValue(d));
  if (cells.length + dims.length === 0)
    throw new UsageError(
      `${command} needs what to act on: --cell "region=...,arch=..." and/or --dimension arch=arm64 (each may repeat).`,
    );
  return { cells, dims };
}

function reasonOf(text: string | undefined, command: string): string {
  const reason = text?.replace(/\s+/g, ' ').trim();
  if (!reason)
    throw new UsageError(
      `${command} needs --reason "..." saying why; it is recorded with the ${command.endsWith('reset') ? 'reset' : 'trip'} (GitHub keeps the first ~120 characters).`,
    );
  return reason;
}

export async function fuseReset(
  given: Targets,
  reasonText: string | undefined,
  context: FuseCommandContext,
): Promise<void> {
  const command = 'memgate fuse reset';
  const { cells, dims } = targets(given, command);
  const reason = reasonOf(reasonText, command);
  const store = open(context);
  const { env } = context.fenv;
  const common = {
    state: 'reset' as const,
    reason,
    at: new Date().toISOString(),
    by: actorFromEnv(env),
    url: runUrlFromEnv(env),
  };
  await storeStep(store, 'reset in', async () => {
    const state = foldRecords(await store.read());
    for (const id of cells) {
      const latest = state.cells.get(id)?.latest;
      if (!latest || latest.state === 'reset') {
        context.say(`fuse: cell ${id} has no result to reset; nothing recorded.`);
        continue;
      }
      await store.append({ kind: 'cell', cell: id, ...common });
      context.say(`fuse: reset cell ${id} (was ${latest.state}): "${reason}"; it may run again.`);
    }
    for (const dv of dims) {
      if (!isTripped(state.dims.get(dimKey(dv)))) {
        context.say(`fuse: ${dimKey(dv)} is not tripped; nothing recorded.`);
        continue;
      }
      await store.append({ kind: 'dim', ...dv, cells: [], ...common });
      context.say(`fuse: reset ${dimKey(dv)}: "${reason}"; its earlier blocked cells no longer count toward the rule.`);
    }
    const after = foldRecords(await store.read());
    for (const id of cells) {
      const result = checkCell(after, parseCell(id));
      if (result.fused) context.say(`fuse: note: ${result.message}`);
    }
  });
}

export async function fuseTrip(
  given: Targets,
  reasonText: string | undefined,
  thresholdText: string | undefined,
  context: FuseCommandContext,
): Promise<void> {
  const command = 'memgate fuse trip';
  const { cells, dims } = targets(given, command);
  const reason = reasonOf(reasonText, command);
  const threshold = parseThreshold(thresholdText ?? Defaults.fuseDimensionThreshold);
  const store = open(context);
  const { env } = context.fenv;
  const common = { reason, at: new Date().toISOString(), by: actorFromEnv(env), url: runUrlFromEnv(env) };
  await storeStep(store, 'trip in', async () => {
    for (const id of cells) {
      await store.append({ kind: 'cell', cell: id, state: 'blocked', ...common });
      context.say(`fuse: TRIPPED cell ${id}: ${reason}`);
    }
    for (const dv of dims) {
      await store.append({ kind: 'dim', ...dv, state: 'tripped', cells: [], ...common });
      context.say(`fuse: TRIPPED ${dimKey(dv)}: ${reason}`);
    }
    if (cells.length) {
      const mine = new Set(cells.flatMap((id) => Object.entries(parseCell(id).dims).map(([d, v]) => `${d}=${v}`)));
      for (const t of dimensionTrips(foldRecords(await store.read()), threshold, Date.now(), localOwnerAlive).filter(
        (t) => mine.has(dimKey(t)),
      )) {
        await store.append({
          kind: 'dim',
          dim: t.dim,
          value: t.value,
          state: 'tripped',
          cells: t.blocked,
          ...common,
          reason: t.reason,
        });
        context.say(`fuse: TRIPPED ${dimKey(t)}: ${t.reason}; caused by ${t.blocked.join('; ')}`);
      }
    }
  });
}

export type PlanOutcome =
  /** Wave N's matrix; `include` may be empty when every cell is fused (skip the wave's job then). */
  | {
      kind: 'ready';
      matrix: { include: MatrixEntry[] };
      wave: number;
      name: string;
      cells: number;
      leftOut: LeftOut[];
      where: string;
    }
  /** Wave N-1 is not fully passed: nothing to run yet. */
  | { kind: 'held'; message: string };

/** `memgate plan`: wave N of the stages file as a GitHub strategy.matrix, fused cells left out. */
export async function planStage(
  file: string | undefined,
  stageText: string | undefined,
  context: FuseCommandContext,
): Promise<PlanOutcome> {
  if (!file) throw new UsageError('memgate plan needs --stages FILE (the YAML list of waves) and --stage N.');
  if (!stageText || !/^\d+$/.test(stageText.trim()))
    throw new UsageError(
      `memgate plan needs --stage N, the wave to promote (1 for the first wave)${stageText ? `; "${stageText}" is not a number` : ''}.`,
    );
  let text: string;
  try {
    text = readFileSync(resolve(context.fenv.cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(
      `--stages ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}); give the path of the stages YAML file.`,
    );
  }
  const stages = parseStages(text, file);
  const n = Number(stageText);
  if (n < 1 || n > stages.waves.length) planWave(stages, n, foldRecords([])); // throws the UsageError naming the waves
  const store = open(context);
  const plan = await storeStep(store, 'read the fuse from', async () =>
    planWave(stages, n, foldRecords(await store.read()), { now: Date.now(), ownerAlive: localOwnerAlive }),
  );
  if (plan.kind === 'held') return { kind: 'held', message: `plan: ${plan.message}` };
  return {
    kind: 'ready',
    matrix: plan.matrix,
    wave: n,
    name: plan.wave.name,
    cells: plan.wave.cells.length,
    leftOut: plan.leftOut,
    where: store.where,
  };
}

/** The store options of a command's flags or inputs. */
export const STORE_OPTIONS = [Option.FuseStore, Option.FuseDir, Option.FuseScope] as const;

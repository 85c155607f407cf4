// The fuse around one gate run (`memgate run --cell ... --fuse on`, the Action with `fuse: on`):
// check before the gate (a fused cell does not run), record the result after it, and when it blocked,
// trip the cell and evaluate the dimension rule.
import { mkdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { FuseFile } from '../model/constants.ts';
import type { RawOptions } from '../model/settings.ts';
import { runUrlFromEnv } from '../github/rest.ts';
import type { Report } from '../report/report-json.ts';
import { escapeMarkdown } from '../report/markdown.ts';
import { neutraliseLine } from '../report/escape-commands.ts';
import { cellDimensionValues, dimKey } from './cell.ts';
import { openFuseStore, parseFuseConfig, type FuseConfig, type FuseEnvironment } from './config.ts';
import { cellStateOf, checkCell, dimensionTrips, foldRecords, runningReason, type CheckResult } from './rules.ts';
import type { CellState, FuseStore } from './types.ts';
import { localOwnerAlive, thisProcessOwner } from './owner.ts';

export const FUSE_SCHEMA = 'memgate/fuse@1' as const;

export interface FuseTrip {
  /** "cell region=...,arch=arm64" or "arch=arm64". */
  target: string;
  reason: string;
  /** The blocked cells that caused it. */
  cells: string[];
}

/** What the fuse did for one run; written as OUT/fuse.json. */
export interface FuseOutcome {
  schema: typeof FUSE_SCHEMA;
  cell: string;
  scope: string;
  store: string;
  threshold: string;
  /** True when the cell was fused before the gate (it did not run) or its gate tripped the fuse. */
  fused: boolean;
  /** Why, in one line (null when not fused). */
  reason: string | null;
  /** The result recorded for the cell; null when it did not run. */
  recorded: CellState | null;
  /** Fuses this run tripped: always the cell's own when it blocked, plus dimension values the rule tripped. */
  tripped: FuseTrip[];
}

export interface RunFuse {
  config: FuseConfig;
  store: FuseStore;
  /** Whether the cell may run. */
  check(): Promise<CheckResult>;
  /**
   * The check, and when the cell may run, a `running` record for it (its siblings' rule shares count it).
   * `maxRunMs`: the longest the gate can take; written into the record as its deadline, after which
   * siblings treat it as stale (rules.ts isStaleRunning).
   */
  begin(maxRunMs?: number): Promise<CheckResult>;
  /** Settles the running record of a gate that ended without a verdict: `inconclusive` with the reason. */
  settle(reason: string): Promise<void>;
  /** After a judged gate run (or a judged fleet cell): records the result, trips what must trip, writes OUT/fuse.json. */
  afterGate(report: GateResult, outDir: string): Promise<FuseOutcome>;
  /** The outcome of a run stopped by the check. */
  skipped(check: Extract<CheckResult, { fused: true }>): FuseOutcome;
}

/** What the fuse records of a judged run: a run's report, or a fleet cell's entry. */
export type GateResult = Pick<Report, 'verdict' | 'grade'> & {
  reasons: readonly Pick<Report['reasons'][number], 'outcome' | 'message'>[];
};

export function actorFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  if (env.GITHUB_ACTOR) return env.GITHUB_ACTOR;
  try {
    return env.USER || userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

function resultReason(report: GateResult): string {
  const first = report.reasons.find(
    (r) =>
      r.outcome === (report.verdict === 'fail' ? 'block' : report.verdict === 'inconclusive' ? 'inconclusive' : 'warn'),
  );
  const grade = report.grade ? ` ${report.grade}` : '';
  return first ? `${report.verdict}${grade}: ${first.message}` : `${report.verdict}${grade}`;
}

/** Null when the fuse is off; validates the options and opens the store (UsageError on bad input). */
export function openRunFuse(raw: RawOptions, fenv: FuseEnvironment): RunFuse | null {
  const config = parseFuseConfig(raw);
  if (!config) return null;
  const store = openFuseStore(config, fenv);
  const cell = config.cell;
  const base = () => ({
    schema: FUSE_SCHEMA,
    cell: cell.id,
    scope: store.scope.key,
    store: store.where,
    threshold: config.threshold.text,
  });
  return {
    config,
    store,
    async check() {
      return checkCell(foldRecords(await store.read()), cell);
    },
    async begin(maxRunMs) {
      const result = await this.check();
      if (!result.fused) {
        const now = Date.now();
        const reason = maxRunMs === undefined ? 'gate started' : runningReason(new Date(now + maxRunMs));
        await store.append({
          kind: 'cell',
          cell: cell.id,
          state: 'running',
          reason,
          at: new Date(now).toISOString(),
          by: actorFromEnv(fenv.env),
          url: runUrlFromEnv(fenv.env),
          owner: thisProcessOwner(),
        });
      }
      return result;
    },
    async settle(reason) {
      await store.append({
        kind: 'cell',
        cell: cell.id,
        state: 'inconclusive',
        reason: `inconclusive: ${reason}`,
        at: new Date().toISOString(),
        by: actorFromEnv(fenv.env),
        url: runUrlFromEnv(fenv.env),
      });
    },
    skipped(check) {
      return { ...base(), fused: true, reason: check.message, recorded: null, tripped: [] };
    },
    async afterGate(report, outDir) {
      const state = cellStateOf(report.verdict);
      const common = { at: new Date().toISOString(), by: actorFromEnv(fenv.env), url: runUrlFromEnv(fenv.env) };
      const tripped: FuseTrip[] = [];
      const reason = resultReason(report);
      await store.append({ kind: 'cell', cell: cell.id, state, reason, ...common });
      if (state === 'blocked') {
        tripped.push({ target: `cell ${cell.id}`, reason, cells: [cell.id] });
        // Read after our own write: of cells blocking at the same moment, the last to read sees them all.
        const fused = foldRecords(await store.read());
        const mine = new Set(cellDimensionValues(cell).map(dimKey));
        for (const trip of dimensionTrips(fused, config.threshold, Date.now(), localOwnerAlive).filter((t) =>
          mine.has(dimKey(t)),
        )) {
          await store.append({
            kind: 'dim',
            dim: trip.dim,
            value: trip.value,
            state: 'tripped',
            reason: trip.reason,
            cells: trip.blocked,
            ...common,
          });
          tripped.push({ target: dimKey(trip), reason: trip.reason, cells: trip.blocked });
        }
      }
      const outcome: FuseOutcome = {
        ...base(),
        fused: state === 'blocked',
        reason: state === 'blocked' ? `cell ${cell.id} blocked: ${reason}` : null,
        recorded: state,
        tripped,
      };
      writeFuseFile(outDir, outcome);
      return outcome;
    },
  };
}

/** OUT/fuse.json: what the fuse did for this cell, whether its gate ran or not. */
export function writeFuseFile(outDir: string, outcome: FuseOutcome): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, FuseFile), JSON.stringify(outcome, null, 2) + '\n');
}

/** The fuse's part of the console output. */
export function renderFuseOutcome(outcome: FuseOutcome): string {
  const lines: string[] = [];
  if (outcome.recorded === null) {
    lines.push(`fuse: ${outcome.reason} (the gate did not run)`);
    return lines.map(neutraliseLine).join('\n');
  }
  lines.push(`fuse: recorded ${outcome.recorded} for cell ${outcome.cell} in ${outcome.store}`);
  for (const trip of outcome.tripped) {
    lines.push(
      `fuse: TRIPPED ${trip.target}: ${trip.reason}${trip.target.startsWith('cell ') ? '' : `; caused by ${trip.cells.join('; ')}`}`,
    );
  }
  // Reasons and cell ids come from the store, which a pull request's jobs write: one inert line each.
  return lines.map(neutraliseLine).join('\n');
}

/** The fuse's part of the job summary (Markdown). Cell ids and reasons are inert text in code spans. */
export function renderFuseMarkdown(outcome: FuseOutcome): string {
  const code = (t: string) => `<code>${escapeMarkdown(t)}</code>`;
  const lines = ['', '### Fuse', ''];
  if (outcome.recorded === null) {
    lines.push(`⛔ Cell ${code(outcome.cell)} is fused; its gate did not run.`, '', code(outcome.reason ?? ''));
    return lines.join('\n') + '\n';
  }
  lines.push(`Cell ${code(outcome.cell)}: recorded **${outcome.recorded}** (scope ${code(outcome.scope)}).`);
  if (outcome.tripped.length) {
    lines.push('', '| tripped | why | caused by |', '|---|---|---|');
    for (const t of outcome.tripped)
      lines.push(`| ${code(t.target)} | ${code(t.reason)} | ${t.cells.map(code).join('<br>')} |`);
  }
  return lines.join('\n') + '\n';
}

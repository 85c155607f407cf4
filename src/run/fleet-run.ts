// `memgate fleet`: the cells (a wave of the stages file, or every cell the store holds), the fuse
// checked per cell, each cell judged from the store, results recorded and tripped as `run --cell
// --fuse on` does, and the fleet report written. The CLI and the Action map its report to their surface.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HtmlReportFile, Option, ReportFile } from '../model/constants.ts';
import { UsageError, errorMessage } from '../model/errors.ts';
import type { FleetPlan } from '../model/fleet.ts';
import type { Logger } from '../model/logger.ts';
import type { RawOptions } from '../model/settings.ts';
import { exitCodeOf } from '../report/report-json.ts';
import { buildFleetReport, renderFleetHtml, type FleetCell, type FleetReport } from '../report/fleet-report.ts';
import {
  cellDir,
  discoverFleetCells,
  judgeCells,
  mapLimit,
  openFleet,
  profileCell,
  targetOf,
  writeCellReport,
  type CellTarget,
} from '../gate/fleet-gate.ts';
import { cellFromDims, checkValue, isDimension, DIMENSIONS, type Dimension } from '../fuse/cell.ts';
import type { FuseEnvironment } from '../fuse/config.ts';
import { openRunFuse, type RunFuse } from '../fuse/gate-fuse.ts';
import { parseStages } from '../fuse/stages.ts';

export interface FleetRunOptions {
  plan: FleetPlan;
  /** The raw options, for the fuse's own (--fuse, --fuse-*). */
  raw: RawOptions;
  fenv: FuseEnvironment;
  logger: Logger;
  signal?: AbortSignal;
  /** The Action spells options as inputs. */
  surface?: 'cli' | 'action';
}

export interface FleetOutcome {
  report: FleetReport;
  reportPath: string;
  htmlPath: string;
}

function checkDimensions(plan: FleetPlan): Dimension[] {
  return plan.by.map((b) => {
    if (!isDimension(b.dimension))
      throw new UsageError(
        `--${Option.By}: "${b.dimension}" is not a fuse dimension; use ${DIMENSIONS.join(', ')}, mapping a label of another name as DIMENSION=LABEL (e.g. region=topology_region).`,
      );
    return b.dimension;
  });
}

/** The cells of wave N of the stages file, each with exactly the --by dimensions. */
function waveTargets(
  plan: FleetPlan,
  cwd: string,
): { targets: CellTarget[]; stage: { file: string; index: number; name: string } } {
  const { file, stage } = plan.stages!;
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(
      `--${Option.Stages} ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}); give the path of the stages YAML file.`,
    );
  }
  const stages = parseStages(text, file);
  const wave = stages.waves[stage - 1];
  if (!wave)
    throw new UsageError(
      `--${Option.Stage} ${stage}: ${file} has ${stages.waves.length} wave(s); give 1 to ${stages.waves.length}.`,
    );
  const dims = new Set(plan.by.map((b) => b.dimension));
  const targets = wave.cells.map((cell) => {
    const named = Object.keys(cell.dims);
    if (named.length !== dims.size || named.some((d) => !dims.has(d))) {
      throw new UsageError(
        `${file}: wave ${stage} (${wave.name}) has cell ${cell.id}, whose dimensions (${named.join(', ')}) are not those of --${Option.By} (${[...dims].join(', ')}); give --${Option.By} the stages file's dimensions.`,
      );
    }
    const labels = Object.fromEntries(plan.by.map((b) => [b.label, cell.dims[b.dimension as Dimension]!]));
    return targetOf(cell.id, labels);
  });
  return { targets, stage: { file, index: stage, name: wave.name } };
}

/** Every cell the store holds series of, either side. A label value that is no cell value is left out, said. */
async function discoveredTargets(
  plan: FleetPlan,
  session: ReturnType<typeof openFleet>,
  warnings: string[],
): Promise<CellTarget[]> {
  const found = await discoverFleetCells(session);
  warnings.push(...found.warnings);
  const byId = new Map<string, CellTarget>();
  for (const cell of found.cells) {
    const dims: Partial<Record<Dimension, string>> = {};
    try {
      for (const b of plan.by)
        dims[b.dimension as Dimension] = checkValue(
          b.dimension,
          cell.labels[b.label],
          `the store's ${b.label} label`,
        ).value;
    } catch (error) {
      warnings.push(
        `${errorMessage(error).replace(/\.$/, '')}: its series are left out (a cell value may hold letters, digits, ".", "_", "-")`,
      );
      continue;
    }
    const id = cellFromDims(dims).id;
    // Values that differ only in case are one cell (the fuse's ids are lowercase); its matchers ignore case.
    if (!byId.has(id))
      byId.set(id, targetOf(id, Object.fromEntries(plan.by.map((b) => [b.label, dims[b.dimension as Dimension]!]))));
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}

function fusedCell(target: CellTarget, message: string): FleetCell {
  return {
    cell: target.id,
    labels: target.labels,
    verdict: 'fused',
    grade: null,
    exitCode: 1,
    reasons: [{ rule: 'fused', outcome: 'block', message, measured: null, limit: null }],
    instances: { baseline: [], gray: [] },
    leftOut: { baseline: [], gray: [] },
    restarts: 0,
    p95Increase: null,
    slopeDifference: null,
    heap: null,
    warnings: [],
    profiles: null,
    fuse: { fused: true, reason: message, tripped: [] },
    report: null,
  };
}

export async function fleetRun({ plan, raw, fenv, logger, signal, surface }: FleetRunOptions): Promise<FleetOutcome> {
  if (raw[Option.Cell]?.trim())
    throw new UsageError(
      `--${Option.Cell} is for memgate run; memgate fleet makes its cells from --${Option.By} (and --${Option.Stages}/--${Option.Stage}).`,
    );
  checkDimensions(plan);
  const session = openFleet(plan, signal);
  const warnings = [...session.warnings];
  const wave = plan.stages ? waveTargets(plan, fenv.cwd) : null;
  const fuseOn = ['on', 'true', 'yes', '1'].includes((raw[Option.Fuse] ?? '').trim().toLowerCase());
  // Validates the fuse options before anything is asked of the store.
  const openFuse = (id: string): RunFuse => openRunFuse({ ...raw, [Option.Fuse]: 'on', [Option.Cell]: id }, fenv)!;
  if (fuseOn) openFuse('region=memgate-check');
  let queries = 0;
  let targets: CellTarget[];
  if (wave) targets = wave.targets;
  else {
    try {
      targets = await discoveredTargets(plan, session, warnings);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new FleetUndecidedError(
        `fleet: the store could not list the cells: ${errorMessage(error)}; nothing was judged; try again.`,
      );
    }
    queries += 2;
  }
  logger.info(
    `fleet: ${targets.length} cell(s) to judge from ${session.client.where}${wave ? ` (wave ${wave.stage.index}, ${wave.stage.name})` : ''}`,
  );

  const cells: FleetCell[] = [];
  const fuses = new Map<string, RunFuse>();
  const toJudge: CellTarget[] = [];
  for (const target of targets) {
    if (!fuseOn) {
      toJudge.push(target);
      continue;
    }
    const fuse = openFuse(target.id);
    try {
      const check = await fuse.begin();
      if (check.fused) {
        cells.push(fusedCell(target, check.message));
        continue;
      }
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new FleetUndecidedError(
        `fuse: could not read the fuse from ${fuse.store.where} before judging cell ${target.id}: ${errorMessage(error)}; the cells are not cleared; try again.`,
      );
    }
    fuses.set(target.id, fuse);
    toJudge.push(target);
  }
  const settings = {
    limits: plan.limits,
    warmupMs: 0,
    onInconclusive: plan.onInconclusive,
    surface,
    minInstances: plan.minInstances,
    heapMetric: session.text.heapMetric,
  };
  const judged = await judgeCells(session, toJudge, settings, plan.queryConcurrency);
  queries += toJudge.length * (session.query.heapMetric ? 2 : 1);
  if (plan.pprof !== null) {
    const explain = judged.filter((c) => (c.verdict === 'fail' || c.verdict === 'warn') && c.instances.gray.length > 0);
    if (explain.length)
      logger.info(
        `fleet: live profiles of ${explain.length} cell(s) (3 snapshots, ${plan.profileIntervalMs / 1000}s apart)`,
      );
    await mapLimit(explain, plan.queryConcurrency, (cell) =>
      profileCell(cell, plan.pprof!, plan.profileIntervalMs, signal),
    );
  }
  for (const cell of judged) {
    writeCellReport(plan.outDir, cell);
    const fuse = fuses.get(cell.cell);
    if (fuse) {
      try {
        const outcome = await fuse.afterGate(
          { verdict: cell.verdict === 'fused' ? 'fail' : cell.verdict, grade: cell.grade, reasons: cell.reasons },
          cellDir(plan.outDir, cell.cell),
        );
        cell.fuse = { fused: outcome.fused, reason: outcome.reason, tripped: outcome.tripped.map((t) => t.target) };
      } catch (error) {
        // A pass that could not be recorded must not let the cell through; a block stays a block.
        const message = `fuse: could not record cell ${cell.cell}'s result (${cell.verdict}) in ${fuse.store.where}: ${errorMessage(error)}`;
        cell.warnings.push(message);
        logger.warn(message);
        if (cell.verdict === 'pass' || cell.verdict === 'warn') {
          cell.reasons.unshift({
            rule: 'fuse-unrecorded',
            outcome: 'inconclusive',
            message,
            measured: null,
            limit: null,
          });
          cell.verdict = 'inconclusive';
          cell.exitCode = exitCodeOf('inconclusive', 'fail');
        }
      }
    }
    cells.push(cell);
  }
  const report = buildFleetReport(
    cells,
    {
      store: session.client.where,
      metric: session.text.metric,
      heapMetric: session.text.heapMetric,
      baseline: session.text.baseline,
      gray: session.text.gray,
      by: plan.by.map((b) => (b.dimension === b.label ? b.dimension : `${b.dimension}=${b.label}`)),
      instanceLabel: plan.instanceLabel,
      windowMs: plan.windowMs,
      end: plan.endText,
      stepMs: session.query.clock.stepSec * 1000,
      minInstances: plan.minInstances,
      onInconclusive: plan.onInconclusive,
      limits: plan.limits,
      stage: wave?.stage ?? null,
      fuse: fuseOn,
    },
    {
      warnings:
        targets.length === 0
          ? [
              ...warnings,
              `no series of ${session.text.metric} with ${session.text.baseline} or ${session.text.gray} over the window ending ${plan.endText}: check --metric, the matchers, --end and --window`,
            ]
          : warnings,
      queries,
    },
  );
  mkdirSync(plan.outDir, { recursive: true });
  const reportPath = join(plan.outDir, ReportFile);
  const htmlPath = join(plan.outDir, HtmlReportFile);
  try {
    writeFileSync(reportPath, JSON.stringify(report, null, 2) + '\n');
    writeFileSync(htmlPath, renderFleetHtml(report));
  } catch (error) {
    throw new UsageError(
      `--${Option.Out} ${plan.outDir}: cannot write the report there (${(error as NodeJS.ErrnoException).code ?? errorMessage(error)}); give a directory you can write to.`,
    );
  }
  return { report, reportPath, htmlPath };
}

/** The fuse or the store could not be read before the cells were judged: nothing is cleared (exit 3). */
export class FleetUndecidedError extends Error {
  override name = 'FleetUndecidedError';
}

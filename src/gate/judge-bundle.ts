import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlReportFile, ReportFile } from '../model/constants.ts';
import { renderHtml } from '../report/html.ts';
import { UsageError } from '../model/errors.ts';
import type { Bundle } from '../model/bundle.ts';
import type { JudgeSettings } from '../model/settings.ts';
import { analyze, type Analysis } from '../analyze/analyze.ts';
import { judge } from '../judge/judge.ts';
import { buildReport, type Report } from '../report/report-json.ts';

/** analyze -> judge -> report: the pure middle, shared by `run` and `analyze`. */
export function judgeBundle(bundle: Bundle, settings: JudgeSettings): Report {
  return judgeAnalysis(analyze(bundle, settings.warmupMs), settings);
}

/** judge -> report on an analysis already made (a run analyses once, and writes its files from the same). */
export function judgeAnalysis(analysis: Analysis, settings: JudgeSettings): Report {
  return buildReport(judge(analysis, settings.limits), settings);
}

/** Writes report.json and the self-contained report.html beside it; returns the JSON's path. */
export function writeReport(outDir: string, report: Report): string {
  const path = join(outDir, ReportFile);
  try {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(path, JSON.stringify(report, null, 2) + '\n');
    writeFileSync(join(outDir, HtmlReportFile), renderHtml(report));
  } catch (error) {
    throw new UsageError(`--out ${outDir}: cannot write the report there (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); give a directory you can write to.`);
  }
  return path;
}

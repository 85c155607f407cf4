import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlReportFile, ReportFile } from '../constants.ts';
import { renderHtml } from '../report/html.ts';
import type { Bundle } from '../collect/bundle-types.ts';
import type { JudgeSettings } from '../config/plan.ts';
import { analyze } from '../analyze/analyze.ts';
import { judge } from '../judge/judge.ts';
import { buildReport, type Report } from '../report/report-json.ts';

/** analyze -> judge -> report: the pure middle, shared by `run` and `analyze`. */
export function judgeBundle(bundle: Bundle, settings: JudgeSettings): Report {
  return buildReport(judge(analyze(bundle, settings.warmupMs), settings.limits), settings);
}

/** Writes report.json and the self-contained report.html beside it; returns the JSON's path. */
export function writeReport(outDir: string, report: Report): string {
  mkdirSync(outDir, { recursive: true });
  const path = join(outDir, ReportFile);
  writeFileSync(path, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(outDir, HtmlReportFile), renderHtml(report));
  return path;
}

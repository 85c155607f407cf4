import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlReportFile, ReportFile } from '../model/constants.ts';
import { renderHtml } from '../report/html.ts';
import { UsageError, outWriteError } from '../model/errors.ts';
import type { Bundle } from '../model/bundle.ts';
import type { JudgeSettings } from '../model/settings.ts';
import { analyze, type Analysis } from '../analyze/analyze.ts';
import { judge } from '../judge/judge.ts';
import type { WatchRecord } from '../model/watch.ts';
import { levelsOfRecord } from './watch.ts';
import { buildReport, type Report } from '../report/report-json.ts';
import { writeFileNoFollow } from '../collect/bundle-files.ts';

/** analyze -> judge -> report: the pure middle, shared by `run` and `analyze` (a watched run's bundle is re-judged at its last look's levels). */
export function judgeBundle(bundle: Bundle, settings: JudgeSettings): Report {
  return judgeAnalysis(analyze(bundle, settings.warmupMs), settings, bundle.meta.watch ?? null);
}

/** judge -> report on an analysis already made (a run analyses once, and writes its files from the same). */
export function judgeAnalysis(analysis: Analysis, settings: JudgeSettings, watch: WatchRecord | null = null): Report {
  return buildReport(judge(analysis, settings.limits, levelsOfRecord(watch ?? undefined)), settings, watch);
}

/**
 * Writes report.json and the self-contained report.html beside it; returns the JSON's path. Neither
 * is written through a symlink: `--out` may be a directory that came with an untrusted bundle.
 */
export function writeReport(outDir: string, report: Report): string {
  const path = join(outDir, ReportFile);
  let current = path;
  try {
    mkdirSync(outDir, { recursive: true });
    writeFileNoFollow(path, JSON.stringify(report, null, 2) + '\n');
    current = join(outDir, HtmlReportFile);
    writeFileNoFollow(current, renderHtml(report));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP')
      throw new UsageError(
        `--out ${outDir}: ${current} is a symlink, and memgate does not write through symlinks; remove it or give another directory.`,
      );
    throw (
      outWriteError(error, outDir) ??
      new UsageError(
        `--out ${outDir}: cannot write the report there (${code ?? (error as Error).message}); give a directory you can write to.`,
      )
    );
  }
  return path;
}

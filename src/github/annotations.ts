import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Report } from '../report/report-json.ts';
import { describeSuspect } from '../analyze/evidence-text.ts';

export interface Annotation {
  level: 'error' | 'warning';
  title: string;
  message: string;
  file?: string;
  line?: number;
}

/**
 * A suspect's `file:line` as a path inside the repository, or null. Go binaries record absolute
 * build paths; a build in the workspace (or a trimmed module path) maps onto a checked-out file.
 */
export function repositoryLocation(location: string | null, workspace: string): { file: string; line: number } | null {
  const match = location ? /^(.*):(\d+)$/.exec(location) : null;
  if (!match) return null;
  const [, path, line] = match;
  const candidates = isAbsolute(path) ? [relative(workspace, path)] : [path, ...suffixes(path)];
  for (const candidate of candidates) {
    if (candidate === '' || candidate.startsWith('..') || isAbsolute(candidate)) continue;
    if (existsSync(join(workspace, candidate))) return { file: candidate.split(sep).join('/'), line: Number(line) };
  }
  return null;
}

/** module/path/file.go -> path/file.go, file.go: a -trimpath build names files by module path. */
function suffixes(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(1).map((_, i) => parts.slice(i + 1).join('/'));
}

/** The verdict as one annotation naming the top suspect, placed on its line when it is ours. */
export function verdictAnnotation(report: Report, workspace: string): Annotation | null {
  if (report.verdict === 'pass') return null;
  const level = report.verdict === 'fail' ? 'error' : 'warning';
  const title = `memgate: ${report.verdict === 'fail' ? 'release blocked' : report.verdict}${report.grade ? ` (${report.grade})` : ''}`;
  const top = report.suspects[0];
  const why = report.reasons[0]?.message ?? report.verdict;
  const message = top ? `${why}\nTop suspect: ${describeSuspect(top)}` : why;
  const place = top ? repositoryLocation(top.location, workspace) : null;
  return { level, title, message, ...(place ?? {}) };
}

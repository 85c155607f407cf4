import { type Dirent, existsSync, readdirSync } from 'node:fs';
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
  if (isAbsolute(path)) {
    const inside = relative(workspace, path);
    if (!inside.startsWith('..') && !isAbsolute(inside) && existsSync(path))
      return { file: inside.split(sep).join('/'), line: Number(line) };
  }
  // Trimmed paths (module-relative, or cut by -trimpath) name the file by its last segments.
  const found = findBySuffix(workspace, path.replace(/^\/+/, ''));
  return found ? { file: found, line: Number(line) } : null;
}

const SKIP = new Set(['node_modules', 'vendor', 'dist']);

/** The one file under `root` whose path ends with `suffix` (or its shortest tail that is unique). */
function findBySuffix(root: string, suffix: string, budget = { entries: 20_000 }): string | null {
  const matches: string[] = [];
  const walk = (dir: string, rel: string, depth: number) => {
    if (depth > 8 || budget.entries <= 0) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (--budget.entries <= 0) return;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIP.has(entry.name)) walk(join(dir, entry.name), path, depth + 1);
      } else if (path === suffix || path.endsWith(`/${suffix}`)) {
        matches.push(path);
      }
    }
  };
  walk(root, '', 0);
  return matches.length === 1 ? matches[0] : null;
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

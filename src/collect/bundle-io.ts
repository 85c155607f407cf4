import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BundleFile, READABLE_BUNDLE_SCHEMAS } from '../model/constants.ts';
import { UsageError } from '../model/errors.ts';
import type { Bundle } from '../model/bundle.ts';
import { readProfileSet } from './pprof-bundle.ts';
import { readEbpfTrace } from './ebpf-bundle.ts';
import { BundlePathError, readInsideBundle } from './bundle-files.ts';
import { finalProblem, metaProblem, sampleProblem, statProblem } from './bundle-check.ts';

export function bundleDir(outDir: string): string {
  return join(outDir, BundleFile.Dir);
}

const jsonLines = (rows: readonly object[]) =>
  rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : '');

export function writeBundle(outDir: string, bundle: Bundle): string {
  const dir = bundleDir(outDir);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, BundleFile.Meta), JSON.stringify(bundle.meta, null, 2) + '\n');
  writeFileSync(join(dir, BundleFile.Samples), jsonLines(bundle.samples));
  writeFileSync(join(dir, BundleFile.Stats), jsonLines(bundle.stats));
  writeFileSync(join(dir, BundleFile.Final), JSON.stringify(bundle.final, null, 2) + '\n');
  return dir;
}

/** A bundle file by its name, read only inside the bundle (the bundle may come from elsewhere). */
function bundleText(dir: string, name: string): string {
  try {
    return readInsideBundle(dir, name).toString('utf8');
  } catch (error) {
    if (error instanceof BundlePathError)
      throw new UsageError(`the bundle at ${dir} is damaged: ${error.message}; re-run memgate to record a new one.`);
    throw error;
  }
}

/** One JSON value per line; each checked by `problem` (what is wrong with it, or null). */
function parseLines<T>(dir: string, name: string, problem: (value: unknown) => string | null): T[] {
  const path = join(dir, name);
  return bundleText(dir, name)
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line, i) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new UsageError(
          `${path} line ${i + 1} is not JSON; the bundle is damaged. Re-run memgate to record a new one.`,
        );
      }
      const bad = problem(value);
      if (bad)
        throw new UsageError(
          `${path} line ${i + 1}: ${bad}; the bundle is damaged. Re-run memgate to record a new one.`,
        );
      return value as T;
    });
}

/** Reads a bundle from an out directory (or the bundle directory itself). */
export function readBundle(path: string): Bundle {
  const dir = existsSync(join(path, BundleFile.Meta)) ? path : bundleDir(path);
  const metaPath = join(dir, BundleFile.Meta);
  if (!existsSync(metaPath)) {
    throw new UsageError(
      `no memgate bundle at ${path} (expected ${metaPath}); give the --out directory of an earlier "memgate run".`,
    );
  }
  let meta: Bundle['meta'];
  let final: Bundle['final'];
  const metaText = bundleText(dir, BundleFile.Meta);
  const finalText = bundleText(dir, BundleFile.Final);
  try {
    meta = JSON.parse(metaText);
    final = JSON.parse(finalText);
  } catch (error) {
    throw new UsageError(
      `the bundle at ${dir} is damaged (${(error as Error).message}); re-run memgate to record a new one.`,
    );
  }
  if (typeof meta !== 'object' || meta === null || typeof final !== 'object' || final === null) {
    throw new UsageError(
      `the bundle at ${dir} is damaged (${BundleFile.Meta} or ${BundleFile.Final} is not a JSON object); re-run memgate to record a new one.`,
    );
  }
  if (!READABLE_BUNDLE_SCHEMAS.includes(meta.schema)) {
    throw new UsageError(
      `${metaPath} has schema "${meta.schema}", this memgate reads ${READABLE_BUNDLE_SCHEMAS.map((s) => `"${s}"`).join(' and ')}; analyze it with the memgate version that recorded it.`,
    );
  }
  // Every field the analysis reads, checked here: a wrong type is this message, not an internal error.
  for (const [file, bad] of [
    [BundleFile.Meta, metaProblem(meta)],
    [BundleFile.Final, finalProblem(final)],
  ] as const) {
    if (bad)
      throw new UsageError(`${join(dir, file)}: ${bad}; the bundle is damaged. Re-run memgate to record a new one.`);
  }
  return {
    meta,
    final,
    samples: parseLines(dir, BundleFile.Samples, sampleProblem),
    stats: existsSync(join(dir, BundleFile.Stats)) ? parseLines(dir, BundleFile.Stats, statProblem) : [],
    profiles: readProfileSet(dir),
    ebpf: readEbpfTrace(dir),
  };
}

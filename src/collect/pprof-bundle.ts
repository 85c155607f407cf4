import { existsSync, writeFileSync } from 'node:fs';
import { BundlePathError, readInsideBundle } from './bundle-files.ts';
import { join } from 'node:path';
import { SIDES } from '../model/sides.ts';
import {
  PROFILE_DIR,
  PROFILE_INDEX_FILE,
  PROFILE_INDEX_SCHEMA,
  type ProfileIndex,
  type ProfileSet,
} from '../model/profiles.ts';

/**
 * The profiles of a bundle directory with their bytes, or undefined when the run fetched none
 * (no `pprof/index.json`). Damage is not fatal: it comes back as notes the report shows.
 */
export function readProfileSet(bundleDir: string): ProfileSet | undefined {
  const indexPath = join(bundleDir, PROFILE_DIR, PROFILE_INDEX_FILE);
  if (!existsSync(indexPath)) return undefined;
  let index: ProfileIndex;
  try {
    index = JSON.parse(readInsideBundle(bundleDir, `${PROFILE_DIR}/${PROFILE_INDEX_FILE}`).toString('utf8'));
    if (index?.schema !== PROFILE_INDEX_SCHEMA || !Array.isArray(index.entries))
      throw new Error(`schema "${index?.schema}", expected "${PROFILE_INDEX_SCHEMA}"`);
  } catch (error) {
    return {
      schema: PROFILE_INDEX_SCHEMA,
      urls: { baseline: null, gray: null },
      intervalMs: 0,
      entries: [],
      notes: [`the profile index ${indexPath} is unreadable (${(error as Error).message}); no profile evidence`],
      data: {},
    };
  }
  // No prototype: a file name such as __proto__ is just a key.
  const data: Record<string, Uint8Array> = Object.create(null);
  const notes = [...(Array.isArray(index.notes) ? index.notes.filter((n) => typeof n === 'string') : [])];
  // The index may come from elsewhere: a file it names is read only inside the bundle, and an entry
  // whose file is refused is left out with one note (its name quoted, never the file's content).
  const refused: string[] = [];
  const entries = index.entries.filter((entry) => {
    if (typeof entry !== 'object' || entry === null) return false;
    if (entry.file === null || entry.file === undefined) return true;
    try {
      data[entry.file] = readInsideBundle(bundleDir, entry.file);
    } catch (error) {
      if (!(error instanceof BundlePathError)) throw error;
      if (/cannot be opened \(ENOENT\)/.test(error.message)) return true; // analyzeEvidence warns about a missing file
      refused.push(error.message);
      return false;
    }
    return true;
  });
  if (refused.length)
    notes.push(
      `${refused.length} file(s) named in ${PROFILE_DIR}/${PROFILE_INDEX_FILE} refused and left out (first: ${refused[0]})`,
    );
  const urls = index.urls ?? { baseline: null, gray: null };
  for (const side of SIDES) urls[side] ??= null;
  return { ...index, entries, urls, notes, data };
}

/** Writes files into the bundle's profile directory; returns their paths relative to the bundle. */
export function writeProfileFiles(bundleDir: string, files: readonly { name: string; data: Uint8Array }[]): string[] {
  return files.map((file) => {
    const path = `${PROFILE_DIR}/${file.name}`;
    writeFileSync(join(bundleDir, path), file.data);
    return path;
  });
}

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SIDES } from '../model/sides.ts';
import { PROFILE_DIR, PROFILE_INDEX_FILE, PROFILE_INDEX_SCHEMA, type ProfileIndex, type ProfileSet } from '../model/profiles.ts';

/**
 * The profiles of a bundle directory with their bytes, or undefined when the run fetched none
 * (no `pprof/index.json`). Damage is not fatal: it comes back as notes the report shows.
 */
export function readProfileSet(bundleDir: string): ProfileSet | undefined {
  const indexPath = join(bundleDir, PROFILE_DIR, PROFILE_INDEX_FILE);
  if (!existsSync(indexPath)) return undefined;
  let index: ProfileIndex;
  try {
    index = JSON.parse(readFileSync(indexPath, 'utf8'));
    if (index?.schema !== PROFILE_INDEX_SCHEMA || !Array.isArray(index.entries)) throw new Error(`schema "${index?.schema}", expected "${PROFILE_INDEX_SCHEMA}"`);
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
  const data: Record<string, Uint8Array> = {};
  const notes = [...(index.notes ?? [])];
  for (const entry of index.entries) {
    if (!entry.file) continue;
    try {
      data[entry.file] = readFileSync(join(bundleDir, entry.file));
    } catch {
      // analyzeEvidence warns about a file the index names that is not there.
    }
  }
  const urls = index.urls ?? { baseline: null, gray: null };
  for (const side of SIDES) urls[side] ??= null;
  return { ...index, urls, notes, data };
}

/** Writes files into the bundle's profile directory; returns their paths relative to the bundle. */
export function writeProfileFiles(bundleDir: string, files: readonly { name: string; data: Uint8Array }[]): string[] {
  return files.map((file) => {
    const path = `${PROFILE_DIR}/${file.name}`;
    writeFileSync(join(bundleDir, path), file.data);
    return path;
  });
}

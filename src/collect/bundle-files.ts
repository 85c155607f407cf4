// File access for bundles that may come from elsewhere (an artifact of a pull request's run handed to
// `memgate analyze`): a path a bundle names is read only when it resolves, symlinks followed, to a
// regular file inside the bundle directory, and no larger than a cap; a report is written only to a
// path that is not a symlink (O_NOFOLLOW), so a bundle cannot redirect memgate's reads or writes.
import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync, writeSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

/** Largest bundle file memgate reads (a profile is capped at 64 MiB when fetched; samples of a long run ~20 MiB). */
export const MAX_BUNDLE_FILE_BYTES = 256 * 1024 * 1024;

/** A path a bundle names that memgate will not read: outside the bundle, not a regular file, too large. */
export class BundlePathError extends Error {
  override name = 'BundlePathError';
}

const quoted = (path: string) => JSON.stringify(path.length > 120 ? `${path.slice(0, 120)}...` : path);

/**
 * Reads `relPath` (as a bundle names it) under `root`. Throws a BundlePathError when the path is
 * absolute, climbs out with `..`, resolves (through symlinks) outside `root`, is not a regular file,
 * or is larger than `maxBytes`; the message quotes the name, never the file's content.
 */
export function readInsideBundle(root: string, relPath: unknown, maxBytes = MAX_BUNDLE_FILE_BYTES): Buffer {
  if (typeof relPath !== 'string' || relPath === '' || relPath.includes('\0'))
    throw new BundlePathError(`${quoted(String(relPath))} is not a file name`);
  if (isAbsolute(relPath) || relPath.split(/[\\/]/).includes('..'))
    throw new BundlePathError(`${quoted(relPath)} points outside the bundle`);
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = realpathSync(root);
    realFile = realpathSync(join(root, relPath));
  } catch (error) {
    throw new BundlePathError(
      `${quoted(relPath)} cannot be opened (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  const inside = relative(realRoot, realFile);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new BundlePathError(`${quoted(relPath)} leads outside the bundle (through a symlink)`);
  }
  // Opened without following a last symlink swapped in since realpath, and without blocking on a FIFO,
  // then checked on the descriptor.
  const fd = openSync(realFile, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new BundlePathError(`${quoted(relPath)} is not a regular file`);
    if (stat.size > maxBytes)
      throw new BundlePathError(
        `${quoted(relPath)} is ${stat.size} bytes, more than memgate reads of a bundle file (${maxBytes})`,
      );
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a file, refusing to follow a symlink at `path` (ELOOP): a directory someone else prepared
 * cannot make memgate overwrite a file elsewhere. An existing regular file is replaced.
 */
export function writeFileNoFollow(path: string, data: string | Uint8Array): void {
  const fd = openSync(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW | constants.O_NONBLOCK,
    0o644,
  );
  try {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
  } finally {
    closeSync(fd);
  }
}

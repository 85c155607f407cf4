/** A problem with what the user gave us: reported as one clear line naming the fix, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Why a write failed, in words, for the errno codes that are the user's to fix. */
const WRITE_PROBLEMS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is not a directory',
};

/**
 * A write under --out that failed for a reason the user fixes (a full or read-only file system, no
 * permission): a UsageError (exit 2) naming the file, why, and the fix. Null for any other error.
 */
export function outWriteError(error: unknown, outDir: string): UsageError | null {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  const problem = code ? WRITE_PROBLEMS[code] : undefined;
  if (!problem) return null;
  const fix =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'free space there or give --out a directory on a file system with room'
      : 'give a directory you can write to';
  return new UsageError(`--out ${outDir}: cannot write ${path ?? outDir}: ${problem} (${code}); ${fix}.`);
}

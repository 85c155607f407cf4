import { closeSync, createWriteStream, mkdirSync, openSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { BundleFile } from '../../model/constants.ts';
import { UsageError, outWriteError } from '../../model/errors.ts';
import type { Logger } from '../../model/logger.ts';

/**
 * Room --out must have before anything starts. Creating an empty file succeeds on a full file system,
 * so the check writes this much (and removes it); a disk that fills during the run is caught when the
 * bundle is written (run-gate.ts), with the same exit status.
 */
export const OUT_ROOM_BYTES = 64 * 1024;

/**
 * Opens the bundle's workloads.log before anything starts: an --out that cannot be written (missing
 * rights, read-only, full) is bad input (exit 2) naming the path and why, not a crash mid-run, and the
 * directories this check created are removed again.
 */
export function openWorkloadLog(bundleDir: string, outDir: string, logger: Logger): WriteStream {
  const logPath = join(bundleDir, BundleFile.Log);
  let created: string | undefined;
  try {
    created = mkdirSync(bundleDir, { recursive: true });
    closeSync(openSync(logPath, 'w'));
    const probe = join(bundleDir, '.memgate-room');
    try {
      writeFileSync(probe, Buffer.alloc(OUT_ROOM_BYTES));
    } finally {
      rmSync(probe, { force: true });
    }
  } catch (error) {
    if (created) rmSync(created, { recursive: true, force: true });
    throw (
      outWriteError(error, outDir) ??
      new UsageError(
        `--out ${outDir}: cannot write ${logPath} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); give a directory you can write to.`,
      )
    );
  }
  const log = createWriteStream(logPath);
  log.on('error', (error) =>
    logger.warn(`cannot write ${logPath}: ${error.message}; workload output is no longer kept`),
  );
  return log;
}

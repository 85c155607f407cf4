import { closeSync, createWriteStream, mkdirSync, openSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { BundleFile } from '../../model/constants.ts';
import { UsageError } from '../../model/errors.ts';
import type { Logger } from '../../model/logger.ts';

/** Opens the bundle's workloads.log before anything starts: an --out that cannot be written is bad input, not a crash mid-run. */
export function openWorkloadLog(bundleDir: string, outDir: string, logger: Logger): WriteStream {
  const logPath = join(bundleDir, BundleFile.Log);
  try {
    mkdirSync(bundleDir, { recursive: true });
    closeSync(openSync(logPath, 'w'));
  } catch (error) {
    throw new UsageError(
      `--out ${outDir}: cannot write ${logPath} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); give a directory you can write to.`,
    );
  }
  const log = createWriteStream(logPath);
  log.on('error', (error) =>
    logger.warn(`cannot write ${logPath}: ${error.message}; workload output is no longer kept`),
  );
  return log;
}

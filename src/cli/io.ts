import type { Logger } from '../model/logger.ts';

/** What the CLI's commands get from the process: a seam the tests replace. */
export interface CliIO {
  stdout: (text: string) => void;
  logger: Logger;
  signal: AbortSignal;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

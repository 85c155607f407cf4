import type { Logger } from '../model/logger.ts';

/** What the CLI's commands get from the process: a seam the tests replace. */
export interface CliIO {
  /** Results only (verdict, JSON, matrix): what a pipe like `| jq` reads. */
  stdout: (text: string) => void;
  /** Fatal errors (`error: ...`) and usage for a bare command; progress and warnings go through `logger`. */
  stderr: (text: string) => void;
  logger: Logger;
  signal: AbortSignal;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Where the gate speaks while it runs; the CLI writes to stderr, the Action to the job log. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

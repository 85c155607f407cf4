#!/usr/bin/env node
import { cli } from './cli.ts';
import type { Logger } from '../model/logger.ts';
import { neutraliseCommands } from '../report/escape-commands.ts';

// Progress and warnings carry workload-derived text (exit lines, load output, suspects' names): inside
// Actions the runner scans stderr for workflow commands too, so every line is made inert.
const stderrLogger: Logger = {
  info: (message) => process.stderr.write(`${neutraliseCommands(message)}\n`),
  warn: (message) => process.stderr.write(`warning: ${neutraliseCommands(message)}\n`),
};

const controller = new AbortController();
const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
let signalled: keyof typeof SIGNAL_EXIT | null = null;
// A reader that went away (memgate ... | head) must not crash the run before it cleans up.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});
// Nothing may end memgate before teardown: an unexpected error stops the run like a signal would.
let internalError: unknown = null;
const stopOnError = (error: unknown) => {
  internalError ??= error;
  controller.abort();
};
process.on('uncaughtException', stopOnError);
process.on('unhandledRejection', stopOnError);
for (const name of ['SIGHUP', 'SIGINT', 'SIGTERM'] as const) {
  process.on(name, () => {
    if (signalled) return; // cleanup is under way; a second signal must not cut it short
    signalled = name;
    process.stderr.write(`memgate: ${name} received; stopping both workloads and removing their cgroups\n`);
    controller.abort();
  });
}

const code = await cli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  // Error lines quote what the user or a store gave (paths, cell ids, reasons): inert as well.
  stderr: (text) => process.stderr.write(neutraliseCommands(text)),
  logger: stderrLogger,
  signal: controller.signal,
  cwd: process.cwd(),
  env: process.env,
});
if (internalError !== null && !signalled) {
  process.stderr.write(
    `memgate: internal error: ${internalError instanceof Error ? internalError.message : String(internalError)}; both workloads were stopped and their cgroups removed\n`,
  );
}
process.exitCode = signalled ? SIGNAL_EXIT[signalled] : internalError !== null ? 3 : code;

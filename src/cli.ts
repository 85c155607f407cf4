#!/usr/bin/env node
import { cli } from './cli-impl.ts';
import { stderrLogger } from './gate/logger.ts';

const controller = new AbortController();
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
let signalled: keyof typeof SIGNAL_EXIT | null = null;
for (const name of ['SIGINT', 'SIGTERM'] as const) {
  process.on(name, () => {
    if (signalled) return; // cleanup is under way; a second signal must not cut it short
    signalled = name;
    process.stderr.write(`memgate: ${name} received; stopping both workloads and removing their cgroups\n`);
    controller.abort();
  });
}

const code = await cli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  logger: stderrLogger,
  signal: controller.signal,
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = signalled ? SIGNAL_EXIT[signalled] : code;

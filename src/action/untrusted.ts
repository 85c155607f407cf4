// Untrusted text on the Action's stdout: the console report and the fuse's lines hold function names,
// goroutine frames, reasons and a workload's last output, which come from the service under test or a
// pull request. Besides being neutralised line by line (src/report/escape-commands.ts), a block of it is
// printed with workflow commands switched off: `::stop-commands::TOKEN` before, `::TOKEN::` after, with a
// token nobody can guess, so a line that still looked like a command would be shown, not run.
import { randomBytes } from 'node:crypto';
import { neutraliseCommands } from '../report/escape-commands.ts';

/** Prints `text` between stop-commands markers; `token` for tests only (default: 128 random bits). */
export function printUntrusted(
  info: (line: string) => void,
  text: string,
  token: string = randomBytes(16).toString('hex'),
): void {
  // A text that held the token could end the stop early: neutralised, it cannot start a line with `::`.
  info(`::stop-commands::${token}`);
  info(neutraliseCommands(text));
  info(`::${token}::`);
}

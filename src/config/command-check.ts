import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { UsageError } from '../model/errors.ts';

/** Where a command will run: relative programs resolve against cwd, bare names against PATH. */
export interface PlanContext {
  cwd: string;
  pathEnv: string;
}

/** Shell words after which the program is not the first word: the shell will say what is missing. */
const SHELL_WORDS = new Set([
  'exec',
  'env',
  'cd',
  'export',
  'set',
  'eval',
  '.',
  'source',
  'ulimit',
  'umask',
  'trap',
  'nice',
  'nohup',
  'command',
  'time',
  'test',
  '[',
  'if',
  'for',
  'while',
  'until',
  'case',
  '{',
  '(',
  '!',
  'sh',
  'bash',
]);

/** The program a shell command line starts: its first word after any VAR=value prefixes. */
export function programOf(command: string): string | null {
  const words = command.trim().split(/\s+/);
  const first = words.find((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w));
  if (!first || /["'$`\\(){};|&<>]/.test(first)) return null; // too shell-like to guess; the shell will tell
  return first;
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The file a plain command runs (relative to cwd, or found on PATH), or null when it cannot be told. */
export function programPath(command: string, context: PlanContext): string | null {
  const program = programOf(command);
  if (program === null || SHELL_WORDS.has(program) || /[;&|\n]/.test(command)) return null;
  if (program.includes('/')) {
    const path = isAbsolute(program) ? program : resolve(context.cwd, program);
    return isExecutableFile(path) ? path : null;
  }
  for (const dir of context.pathEnv.split(delimiter))
    if (dir !== '' && isExecutableFile(join(dir, program))) return join(dir, program);
  return null;
}

/** Fails early, with the fix, when a command's program does not exist or cannot run. */
export function checkCommand(command: string, side: string, context: PlanContext): void {
  const program = programOf(command);
  // A command list or pipeline is the shell's to run; only a plain command is checked here.
  if (program === null || SHELL_WORDS.has(program) || /[;&|\n]/.test(command)) return;
  if (program.includes('/')) {
    const path = isAbsolute(program) ? program : resolve(context.cwd, program);
    if (!isExecutableFile(path)) {
      throw new UsageError(
        `--${side}: "${program}" is not an executable file (looked at ${path}); build it first or fix the path.`,
      );
    }
    return;
  }
  const found = context.pathEnv.split(delimiter).some((dir) => dir !== '' && isExecutableFile(join(dir, program)));
  if (!found) {
    throw new UsageError(
      `--${side}: command "${program}" was not found on PATH; install it or give its path, like ./bin/${program}.`,
    );
  }
}

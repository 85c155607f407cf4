// What every CLI command shares: its table entry (name, one-line summary, its own --help text), the
// dispatcher that finds it (with did-you-mean), option parsing with did-you-mean, and --json output.
// A new command is a CliCommand in its own file and one line in the table in cli.ts.
import { parseArgs } from 'node:util';
import { ExitCode } from '../model/constants.ts';
import { UsageError, errorMessage } from '../model/errors.ts';
import type { CliIO } from './io.ts';
import { didYouMean } from './suggest.ts';

interface CommandBase {
  name: string;
  /** One line in the list of its parent's commands. */
  summary: string;
  /** What `... NAME --help` prints to stdout (exit 0): this command's own usage and options. */
  usage: string;
}

/** A command that does the work; `--help` anywhere in its arguments (before `--`) is answered for it. */
export interface LeafCommand extends CommandBase {
  run(args: string[], io: CliIO): Promise<number>;
}

/** A command with subcommands (`memgate fuse status`): dispatched again, level by level. */
export interface GroupCommand extends CommandBase {
  commands: readonly CliCommand[];
}

export type CliCommand = LeafCommand | GroupCommand;

/** True when the arguments ask for help: `--help` or `-h` as an argument of its own, before a `--`. */
export function wantsHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

/** `usage: PATH COMMAND ...` in two lines, for a bare group (stderr, exit 2). */
export function shortUsage(path: string, group: GroupCommand): string {
  return `usage: ${path} COMMAND [options]   (commands: ${group.commands.map((c) => c.name).join(', ')})\n${path} --help describes them; ${path} COMMAND --help shows a command's options.\n`;
}

/**
 * Finds the command `argv[0]` in `group` and runs it. A bare group prints its short usage on stderr
 * (exit 2); `--help`, `-h` or `help` its full usage on stdout (exit 0); `help COMMAND` (or
 * `--help COMMAND`, `COMMAND --help`) that command's usage. An unknown name is a UsageError with a suggestion.
 */
export async function dispatch(path: string, group: GroupCommand, argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(shortUsage(path, group));
    return ExitCode.Usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    if (rest.length && !rest[0].startsWith('-')) return dispatch(path, group, [...rest, '--help'], io);
    io.stdout(group.usage + '\n');
    return ExitCode.Pass;
  }
  const command = group.commands.find((c) => c.name === name);
  if (!command) {
    const names = group.commands.map((c) => c.name);
    const what = name.startsWith('-') ? `"${name}" before a command` : `unknown command "${name}"`;
    throw new UsageError(
      `${path}: ${what}.${didYouMean(name.replace(/^-+/, ''), names, (c) => `${path} ${c}`)} The commands are ${names.join(', ')}; ${path} --help describes them.`,
    );
  }
  if ('commands' in command) return dispatch(`${path} ${command.name}`, command, rest, io);
  if (wantsHelp(rest)) {
    io.stdout(command.usage + '\n');
    return ExitCode.Pass;
  }
  return command.run(rest, io);
}

export type Flags = Record<string, string | boolean | string[] | undefined>;

export interface FlagSpec {
  /** Options that take a value. */
  strings: readonly string[];
  /** Of `strings`, those that may be given more than once. */
  multiple?: readonly string[];
  /** Options without a value (`--json`). */
  booleans?: readonly string[];
  /** How many positional arguments the command takes (default none). */
  positionals?: number;
}

/**
 * node:util parseArgs, strict, with messages that name the fix: an unknown option gets the closest
 * known ones (`--duraton` -> `--duration`), every message points at `COMMAND --help`.
 */
export function parseFlags(
  command: string,
  args: readonly string[],
  spec: FlagSpec,
): { flags: Flags; positionals: string[] } {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {};
  for (const name of spec.strings)
    options[name] = spec.multiple?.includes(name) ? { type: 'string', multiple: true } : { type: 'string' };
  for (const name of spec.booleans ?? []) options[name] = { type: 'boolean' };
  const allowed = spec.positionals ?? 0;
  let parsed: { values: unknown; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: allowed > 0 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = errorMessage(error);
    const unknown = /^Unknown option '([^']*)'/.exec(message);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown) {
      const typed = unknown[1];
      const known = [...spec.strings, ...(spec.booleans ?? [])];
      const hint = didYouMean(typed.replace(/^-+/, '').replace(/=.*$/s, ''), known, (c) => `--${c}`);
      throw new UsageError(`${command}: unknown option ${typed}.${hint} ${command} --help lists the options.`);
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      const extra = /^Unexpected argument '(.*)'\. This command does not take positional arguments$/s.exec(
        message,
      )?.[1];
      throw new UsageError(
        `${command}: unexpected argument${extra === undefined ? '' : ` "${extra}"`}: it takes options only (values go after their option, e.g. --out DIR). ${command} --help lists them.`,
      );
    }
    const said = message
      .replace(/\. To specify a positional argument.*$/s, '')
      .replace(/\s*\n\s*/g, ' ')
      .replace(/\.$/, '');
    throw new UsageError(`${command}: ${said}; ${command} --help lists the options.`);
  }
  if (parsed.positionals.length > allowed) {
    throw new UsageError(
      `${command}: unexpected argument "${parsed.positionals[allowed]}"; ${command} --help shows what it takes.`,
    );
  }
  return { flags: parsed.values as Flags, positionals: parsed.positionals };
}

/** The option that makes `run`, `analyze` (and `fleet`) print the report to stdout, and nothing else there. */
export const JSON_FLAG = 'json';

/**
 * report.json's content, exactly as it is written to OUT/report.json, for `| jq` (any report: the
 * fleet's too). Pretty JSON is
 * inert in a workflow log: every line starts with a space, a bracket or a quote (never `::`), and
 * JSON escapes \r and \n inside strings.
 */
export function reportJson(report: object): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** Where a command's human-readable text goes: stdout normally, stderr when stdout carries --json. */
export function humanOut(io: CliIO, json: boolean): (text: string) => void {
  return json ? io.stderr : io.stdout;
}

/** A fatal error, as the CLI prints it: one `error:` line on stderr (the exit status says the rest). */
export function printError(io: CliIO, message: string): void {
  io.stderr(`error: ${message}\n`);
}

// Text printed to stdout or stderr inside GitHub Actions is scanned line by line for workflow
// commands. The runner (actions/runner, ActionCommand.cs) takes a line as a command when, after
// its leading whitespace is trimmed, it starts with `::` (`::error ...::`, `::add-mask::`,
// `::stop-commands::`), or when `##[` appears anywhere in it (the old form, still parsed). A lone
// `\r` ends a line too. Function names, goroutine frames, fuse reasons and a workload's last output
// line come from the service under test or a pull request, so every line memgate prints is made
// inert here: pure, no I/O.

/** Leading characters the runner trims (.NET Char.IsWhiteSpace) or that JavaScript counts as space. */
const LEADING_SPACE = /^[\s\u180e]*/u;

/** Control characters shown as escapes: a terminal would act on them, the runner may split on them. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/gu;

const escapeControl = (c: string) => (c === '\r' ? '\\r' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * One line of output made inert: control characters (a lone `\r` included) become visible escapes,
 * a leading `::` gets a backslash before it, and `##[` becomes `#\#[`. Text that holds no command
 * passes unchanged. The result never contains `\n` or `\r`.
 */
export function neutraliseLine(line: string): string {
  let safe = line.replace(/\n/g, '\\n').replace(CONTROL, escapeControl).replaceAll('##[', '#\\#[');
  const indent = LEADING_SPACE.exec(safe)![0].length;
  if (safe.startsWith('::', indent)) safe = `${safe.slice(0, indent)}\\${safe.slice(indent)}`;
  return safe;
}

/**
 * A block of output (lines joined by `\n`) made inert line by line: `\r\n` is taken as a line end,
 * every other `\r` is shown as `\r`, and no line can start a runner command.
 */
export function neutraliseCommands(text: string): string {
  return text.replace(/\r\n/g, '\n').split('\n').map(neutraliseLine).join('\n');
}

/** Whether a line would be taken as a workflow command by the runner (for tests and checks). */
export function startsRunnerCommand(line: string): boolean {
  return line.slice(LEADING_SPACE.exec(line)![0].length).startsWith('::') || line.includes('##[');
}

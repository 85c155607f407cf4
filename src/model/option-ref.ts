// A verdict's reasons name the options that change them; the CLI says `--duration`, the Action's
// summary says the `duration` input. The judge writes a marker, each surface renders it its way.
import type { OptionName } from './constants.ts';

const MARK = '\u0001opt:';
const END = '\u0001';
const PATTERN = /\u0001opt:([a-z0-9-]+)\u0001/g;

export type Surface = 'cli' | 'action';

/** A reference to an option inside a message; render it with `renderOptionRefs`. */
export function optionRef(name: OptionName): string {
  return `${MARK}${name}${END}`;
}

/** Messages with option references spelled for one surface: `--name` (CLI) or the `name` input (Action). */
export function renderOptionRefs(text: string, surface: Surface): string {
  return text.replace(PATTERN, (_, name: string) => (surface === 'cli' ? `--${name}` : `the ${name} input`));
}

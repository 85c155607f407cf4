// Defaults live in one place (src/model/constants.ts `Defaults`); action.yml repeats them because
// GitHub shows them to users, so this checks that the two agree, input by input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ActionInput, Defaults, Option } from '../src/model/constants.ts';

interface Input {
  description: string;
  required?: boolean;
  default?: string;
}
const action = parse(readFileSync(join(import.meta.dirname, '..', 'action.yml'), 'utf8')) as {
  inputs: Record<string, Input>;
};
const defaults: Record<string, string> = Defaults;
/** `max-p95-increase` -> `maxP95Increase`: the Defaults key of an option. */
const keyOf = (option: string) => option.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

test('every option is an Action input, and every input is an option or an Action-only input', () => {
  const options = Object.values(Option) as string[];
  const actionOnly = Object.values(ActionInput) as string[];
  assert.deepEqual(
    options.filter((name) => !(name in action.inputs)),
    [],
    'options the Action does not declare',
  );
  assert.deepEqual(
    Object.keys(action.inputs).filter((name) => !options.includes(name) && !actionOnly.includes(name)),
    [],
    'inputs memgate does not read',
  );
});

test("action.yml's input defaults agree with Defaults", () => {
  const disagree: string[] = [];
  for (const name of Object.values(Option)) {
    const input = action.inputs[name];
    if (!input) continue;
    const given = input.default === undefined ? undefined : String(input.default);
    const ours = defaults[keyOf(name)];
    if (ours === undefined) {
      // No default: required, or empty (unset).
      if (!input.required && given !== '') disagree.push(`${name}: action.yml default "${given}", memgate has none`);
    } else if (given === '') {
      // Empty stands for memgate's own default; the description must then say what it is.
      if (!input.description.includes(ours))
        disagree.push(`${name}: empty in action.yml, and its description does not name the default ${ours}`);
    } else if (given !== ours) {
      disagree.push(`${name}: action.yml says "${given}", Defaults.${keyOf(name)} is "${ours}"`);
    }
  }
  assert.deepEqual(disagree, []);
});

test('every default belongs to an option', () => {
  const keys = (Object.values(Option) as string[]).map(keyOf);
  assert.deepEqual(
    Object.keys(Defaults).filter((key) => !keys.includes(key)),
    [],
  );
});

test("README's option tables quote the defaults memgate uses", () => {
  const readme = readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| `--([a-z0-9-]+)[^`]*` \| `([^`]+)` \|/gm)];
  assert.ok(rows.length >= 15, `README option rows found: ${rows.length}`);
  const disagree = rows
    .filter(([, name, value]) => defaults[keyOf(name)] !== value)
    .map(([, name, value]) => `--${name}: README says ${value}, Defaults.${keyOf(name)} is ${defaults[keyOf(name)]}`);
  assert.deepEqual(disagree, []);
});

// PromQL selectors memgate builds: the user's --metric with --baseline/--gray and a cell's label
// matchers added, and the queries a fleet needs. Only selectors are accepted for --metric (not any
// PromQL expression): memgate must add matchers to it and tell each series' instance and side.
import { UsageError } from '../../model/errors.ts';

export interface Selector {
  /** The metric name, or null for a selector of matchers only (`{__name__=~"..."}`). */
  name: string | null;
  /** Each matcher as PromQL text, e.g. `job="shop"`. */
  matchers: string[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const OPS = ['=~', '!~', '!=', '='];

/** Splits `a="x", b=~'y.*'` into matchers, each checked: label, operator, quoted value. */
export function parseMatchers(text: string, option: string): string[] {
  let rest = text.trim();
  if (rest.startsWith('{') && rest.endsWith('}')) rest = rest.slice(1, -1).trim();
  const matchers: string[] = [];
  const example = `e.g. --${option} 'track="canary"' or 'track=~"canary|gray",zone!="test"'`;
  while (rest.length > 0) {
    const label = LABEL.exec(rest)?.[0];
    if (!label)
      throw new UsageError(
        `--${option}: "${text}" is not a list of label matchers (a label name is expected at "${rest.slice(0, 20)}"); ${example}.`,
      );
    rest = rest.slice(label.length).trimStart();
    const op = OPS.find((o) => rest.startsWith(o));
    if (!op) throw new UsageError(`--${option}: after ${label} an operator (=, !=, =~, !~) is expected; ${example}.`);
    rest = rest.slice(op.length).trimStart();
    const quote = rest[0];
    if (quote !== '"' && quote !== "'" && quote !== '`')
      throw new UsageError(`--${option}: the value of ${label} must be quoted ("..."); ${example}.`);
    let end = 1;
    while (end < rest.length && rest[end] !== quote) end += rest[end] === '\\' && quote !== '`' ? 2 : 1;
    if (end >= rest.length)
      throw new UsageError(`--${option}: the value of ${label} has no closing ${quote}; ${example}.`);
    matchers.push(`${label}${op}${rest.slice(0, end + 1)}`);
    rest = rest.slice(end + 1).trimStart();
    if (rest.startsWith(',')) rest = rest.slice(1).trimStart();
    else if (rest.length > 0)
      throw new UsageError(`--${option}: matchers are separated by commas (at "${rest.slice(0, 20)}"); ${example}.`);
  }
  return matchers;
}

/** `process_resident_memory_bytes{job="shop"}`, `process_resident_memory_bytes` or `{__name__="x",job="y"}`. */
export function parseSelector(text: string, option: string): Selector {
  const trimmed = text.trim();
  const name = NAME.exec(trimmed)?.[0] ?? null;
  const rest = trimmed.slice(name?.length ?? 0).trim();
  if (rest !== '' && !(rest.startsWith('{') && rest.endsWith('}'))) {
    throw new UsageError(
      `--${option}: "${text}" is not a series selector; give a metric name with optional matchers, e.g. --${option} 'process_resident_memory_bytes{job="shop"}' (memgate adds the side and cell matchers itself, so functions and operators are not accepted).`,
    );
  }
  if (name === null && rest === '')
    throw new UsageError(
      `--${option} is empty; give the memory metric, e.g. --${option} 'process_resident_memory_bytes{job="shop"}'.`,
    );
  const matchers = rest === '' ? [] : parseMatchers(rest, option);
  if (name === null && matchers.length === 0)
    throw new UsageError(`--${option}: "{}" selects nothing; give a metric name.`);
  return { name, matchers };
}

/** A PromQL string literal holding exactly `value`. */
export function quoteLabelValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

export function selectorText(selector: Selector, extra: readonly string[] = []): string {
  const matchers = [...selector.matchers, ...extra];
  return `${selector.name ?? ''}{${matchers.join(',')}}`;
}

/** Matchers that pick one cell: each label equal to its value. */
export function cellMatchers(labels: Readonly<Record<string, string>>): string[] {
  return Object.entries(labels).map(([label, value]) => `${label}=${quoteLabelValue(value)}`);
}

/** The label the one-query-per-cell answer carries to say which side a series is. */
export const SIDE_LABEL = 'memgate_side';

/**
 * Both sides of a cell in one range query: each side's selector with a label naming its side added
 * by the store (label_replace with an empty source always matches), joined with `or`.
 */
export function cellRangeQuery(
  metric: Selector,
  sides: { baseline: readonly string[]; gray: readonly string[] },
  cell: readonly string[],
): string {
  const tagged = (side: 'baseline' | 'gray') =>
    `label_replace(${selectorText(metric, [...cell, ...sides[side]])}, "${SIDE_LABEL}", "${side}", "", "")`;
  return `${tagged('baseline')} or ${tagged('gray')}`;
}

/** Which cells hold series of a side over the window, and how many series each: one instant query. */
export function discoveryQuery(
  metric: Selector,
  side: readonly string[],
  by: readonly string[],
  windowSec: number,
): string {
  return `count by (${by.join(',')}) (count_over_time(${selectorText(metric, side)}[${Math.max(1, Math.round(windowSec))}s]))`;
}

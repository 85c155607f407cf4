// The shape of a bundle read back from disk. A bundle handed to `memgate analyze` may come from
// elsewhere or be damaged: every field the analysis reads is checked here first, so that a wrong
// type is one clear message naming the file and the field (exit 2), never a TypeError deep in the
// statistics reported as an internal error.
import type { BundleMeta, MemorySample, SideFinal, StatSample } from '../model/bundle.ts';
import { SIDES } from '../model/sides.ts';

type Check = (value: unknown) => boolean;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const nonNegative: Check = (v) => finite(v) && (v as number) >= 0;
const string: Check = (v) => typeof v === 'string';
const orNull =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);
const listOf =
  (check: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(check);

/** The first field of `value` that fails its check, as `name`, or null. */
function firstBad(value: unknown, fields: Record<string, Check>): string | null {
  if (!isObject(value)) return 'it is not a JSON object';
  for (const [name, check] of Object.entries(fields))
    if (!check(value[name])) return `"${name}" is ${describe(value[name])}`;
  return null;
}

function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  const text = JSON.stringify(v) ?? String(v);
  return `wrong (${text.length > 40 ? `${text.slice(0, 40)}...` : text})`;
}

const instanceMeta = (v: unknown) => firstBad(v, { command: string, port: orNull(finite), location: string }) === null;

const exitFields = {
  atMs: finite,
  code: orNull(finite),
  signal: orNull(string),
  beforeReady: (v: unknown) => typeof v === 'boolean',
  lastOutput: listOf(string),
};
const exit: Check = (v) => v === null || firstBad(v, exitFields) === null;
const instanceFinal = (v: unknown) =>
  firstBad(v, { peakBytes: orNull(finite), oomKills: orNull(finite), exit }) === null;

const level = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;
const look = (v: unknown) =>
  firstBad(v, {
    windowMs: nonNegative,
    state: (x: unknown) => x === 'pass' || x === 'block' || x === 'undecided',
    levels: (x: unknown) => firstBad(x, { block: level, pass: level }) === null,
  }) === null;
/** A watched run's looks: re-judged at the levels its last look spent. */
const watchRecord = (v: unknown) =>
  firstBad(v, {
    firstLookMs: nonNegative,
    budgetMs: nonNegative,
    looks: listOf(look),
    stoppedEarly: (x: unknown) => typeof x === 'boolean',
  }) === null;

/** What is wrong with meta.json, or null. */
export function metaProblem(meta: unknown): string | null {
  const top = firstBad(meta, {
    warmupMs: nonNegative,
    durationMs: nonNegative,
    intervalMs: nonNegative,
    memoryMaxBytes: orNull(nonNegative),
    replicas: optional((v) => Number.isSafeInteger(v) && (v as number) >= 0),
    driver: string,
    load: orNull(string),
    limitations: listOf(string),
    warnings: listOf(string),
    endedEarly: orNull(string),
    sides: isObject,
    watch: optional(watchRecord),
  });
  if (top) return top;
  const sides = (meta as BundleMeta).sides;
  for (const side of SIDES) {
    const bad = firstBad(sides[side], {
      command: string,
      port: orNull(finite),
      location: string,
      instances: optional(listOf(instanceMeta)),
    });
    if (bad) return `sides.${side}: ${bad}`;
  }
  return null;
}

/** What is wrong with final.json, or null. */
export function finalProblem(final: unknown): string | null {
  if (!isObject(final)) return 'it is not a JSON object';
  for (const side of SIDES) {
    const bad = firstBad(final[side] as SideFinal, {
      peakBytes: orNull(finite),
      oomKills: orNull(finite),
      exit,
      instances: optional(listOf(instanceFinal)),
    });
    if (bad) return `${side}: ${bad}`;
  }
  return null;
}

const readings = listOf(orNull(finite));
const sampleFields = {
  t: finite,
  baseline: orNull(finite),
  gray: orNull(finite),
  instances: optional((v) => isObject(v) && SIDES.every((s) => readings(v[s]))),
};

/** What is wrong with one line of samples.jsonl, or null. */
export function sampleProblem(sample: unknown): string | null {
  return firstBad(sample as MemorySample, sampleFields);
}

const statFields = {
  t: finite,
  side: (v: unknown) => (SIDES as readonly unknown[]).includes(v),
  anonBytes: finite,
  fileBytes: finite,
  kernelBytes: finite,
  sockBytes: finite,
  instance: optional((v) => Number.isSafeInteger(v) && (v as number) >= 0),
};

/** What is wrong with one line of stat.jsonl, or null. */
export function statProblem(stat: unknown): string | null {
  return firstBad(stat as StatSample, statFields);
}

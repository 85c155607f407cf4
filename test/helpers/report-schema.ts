// schema/report.schema.json, compiled once with ajv's draft 2020-12 build, for the tests that hold
// a report.json (built from recorded bundles, or written by a real run).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ROOT } from './fixtures.ts';

export const REPORT_SCHEMA_PATH = join(ROOT, 'schema/report.schema.json');

// strict: a keyword ajv does not know (a typo in the schema) is an error, not ignored.
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(readFileSync(REPORT_SCHEMA_PATH, 'utf8')));

/** What is wrong with `report` as report.json, one line per finding; empty when it is valid. */
export function reportSchemaErrors(report: unknown): string[] {
  // As it is written to report.json: what JSON cannot carry (NaN, Infinity, undefined) is changed on the way.
  const json: unknown = JSON.parse(JSON.stringify(report));
  if (validate(json)) return [];
  return (validate.errors ?? []).map((e) => {
    const extra =
      e.keyword === 'additionalProperties'
        ? ` (${(e.params as { additionalProperty: string }).additionalProperty})`
        : '';
    return `${e.instancePath || '/'} ${e.message}${extra}`;
  });
}

export function assertValidReport(report: unknown, what = 'report.json'): void {
  assert.deepEqual(
    reportSchemaErrors(report),
    [],
    `${what} does not match schema/report.schema.json (if the report changed on purpose, update the schema: see its description)`,
  );
}

// schema/fleet-report.schema.json (with schema/report.schema.json for the cells' own reports), compiled
// once with ajv's draft 2020-12 build, for the tests that hold a fleet report.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { ROOT } from './fixtures.ts';

const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(JSON.parse(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8')));
const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema/fleet-report.schema.json'), 'utf8')));

/** What is wrong with `report` as a fleet report.json, one line per finding; empty when it is valid. */
export function fleetReportSchemaErrors(report: unknown): string[] {
  return validate(JSON.parse(JSON.stringify(report)))
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

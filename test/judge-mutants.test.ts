// Mutation-testing pins for the judge (issue 14): each test kills a mutant that Stryker found surviving in
// src/judge/*.ts or src/analyze/intervals.ts. Pure and fast: Analysis values from synthetic bundles, with
// fields overridden to sit on the edge a mutant moves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJudgeSettings } from '../src/config/plan.ts';
import { analyze } from '../src/analyze/analyze.ts';
import { judge } from '../src/judge/judge.ts';
import { gradeOf, P2_LIMIT_SHARE } from '../src/judge/grade.ts';
import { makeBundle, MiB } from './helpers/bundles.ts';

const limits = parseJudgeSettings({ warmup: '5s' }).limits;
const healthy = analyze(makeBundle({}), 5000);

test('grade: gray resting above 75% of --memory-max is P2 without a blocking rule; at or under it, nothing', () => {
  const p95 = healthy.gray.p95Bytes!;
  const at = { ...healthy, memoryMaxBytes: p95 / P2_LIMIT_SHARE };
  assert.equal(gradeOf('pass', [], at), null);
  assert.equal(gradeOf('pass', [], { ...at, memoryMaxBytes: at.memoryMaxBytes - 1 }), 'P2');
  assert.equal(judge({ ...at, memoryMaxBytes: at.memoryMaxBytes - 1 }, limits).grade, 'P2');
});

// Stale running records (src/fuse/rules.ts) at their exact bounds, and wave planning's default clock
// (src/fuse/plan.ts): what the mutation run (npm run mutate) found unpinned. A record is stale only after its
// deadline, or after 24 h without one, not at that millisecond.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UNDATED_RUNNING_STALE_MS, foldRecords, runningReason, staleRunning } from '../src/fuse/rules.ts';
import type { CellRecord } from '../src/fuse/types.ts';
import { planWave } from '../src/fuse/plan.ts';
import { parseStages } from '../src/fuse/stages.ts';

const NOW = Date.parse('2026-12-02T12:00:00Z');
let order = 0;
const running = (reason: string, at: string, cell = 'arch=amd64'): CellRecord =>
  ({ kind: 'cell', cell, state: 'running', reason, at, order: ++order }) as CellRecord;

test('a running record with a deadline is stale after it, not at it', () => {
  const record = running(runningReason(new Date(NOW)), '2026-12-02T11:00:00Z');
  assert.equal(staleRunning(record, NOW), null);
  assert.match(staleRunning(record, NOW + 1) ?? '', /was due to end by 2026-12-02T12:00:00\.000Z; no result since$/);
});

test('one without a deadline is stale more than 24 h after its start, not at 24 h', () => {
  assert.equal(UNDATED_RUNNING_STALE_MS, 24 * 3_600_000);
  const at = new Date(NOW - UNDATED_RUNNING_STALE_MS).toISOString();
  const record = running('gate started', at);
  assert.equal(staleRunning(record, NOW), null);
  assert.equal(
    staleRunning(record, NOW + 1),
    `its gate started at ${at}, more than 24 h ago, with no deadline; no result since`,
  );
});

test("the plan's clock defaults to now: a cell left running past its deadline holds the next wave as inconclusive", () => {
  const stages = parseStages('waves:\n  - cells: ["arch=amd64"]\n  - cells: ["arch=arm64"]\n', 's.yml');
  const left = running(runningReason(new Date('2020-01-01T01:00:00Z')), '2020-01-01T00:00:00Z');
  const plan = planWave(stages, 2, foldRecords([left]));
  assert.equal(plan.kind, 'held');
  assert.match(plan.kind === 'held' ? plan.message : '', /arch=amd64 was left running and counts as inconclusive: /);
});

// The tracer's text output, as bpftrace 0.17 printed it here (test/data/ebpf), and garbage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBpftraceOutput } from '../src/collect/ebpf-parse.ts';

const data = (name: string) => readFileSync(join(import.meta.dirname, 'data/ebpf', name), 'utf8');

test('sampled mode, two sides: every entry kept, duplicate keys included, rates per pid', () => {
  const parsed = parseBpftraceOutput(data('sampled-two-sides.txt'));
  assert.equal(parsed.attached, true);
  assert.equal(parsed.skipped, 0, String(parsed.firstSkipped));
  assert.equal(parsed.truncated, false);
  assert.equal(parsed.records.length, 11);
  assert.deepEqual([...new Set(parsed.records.map((r) => r.pid))].sort(), [305, 309]);
  assert.equal(parsed.rates.get(305), 524288);
  assert.equal(parsed.rates.get(309), 524288);
  // Two raw stacks that print alike are two entries here: aggregation happens after symbolizing.
  const leak = parsed.records.filter(
    (r) => r.pid === 305 && r.frames.some((f) => f.symbol === 'main.(*sessionStore).remember'),
  );
  assert.equal(leak.length, 2);
  assert.deepEqual(
    leak[0].frames.map((f) => f.symbol),
    leak[1].frames.map((f) => f.symbol),
  );
  const first = leak[0].frames;
  assert.equal(first[0].symbol, 'runtime.mProf_Malloc');
  assert.equal(first[0].addr, 0x42e140n);
  assert.equal(first[1].symbol, 'runtime.mallocgc');
  assert.equal(first[1].offset, 1817);
  assert.ok(leak.every((r) => r.total === r.count * 57344 && r.goid > 0));
});

test('a process that exited before printing: addresses without symbols', () => {
  const parsed = parseBpftraceOutput(data('exited-unsymbolized.txt'));
  assert.equal(parsed.skipped, 0);
  assert.equal(parsed.records.length, 3);
  assert.ok(parsed.records.every((r) => r.frames.every((f) => f.symbol === null && f.addr > 0n)));
  assert.equal(parsed.records[1].frames[3].addr, 0x6814dcn);
  assert.equal(parsed.rates.get(23222), 65536);
});

test('every mode: mallocgc at offset 0 first, sizes as asked', () => {
  const parsed = parseBpftraceOutput(data('every-mode.txt'));
  assert.equal(parsed.skipped, 0);
  assert.ok(parsed.records.length >= 3);
  assert.ok(parsed.records.every((r) => r.frames[0].symbol === 'runtime.mallocgc' && r.frames[0].offset === 0));
  assert.equal(parsed.rates.size, 0);
});

test('garbage: unreadable lines and broken entries are counted and skipped, good entries kept, a cut-off end noticed', () => {
  const parsed = parseBpftraceOutput(data('garbage.txt'));
  assert.equal(parsed.attached, true);
  assert.deepEqual(
    parsed.records.map((r) => [r.goid, r.count, r.total, r.frames.length]),
    [
      [5, 2, 114688, 5],
      [7, 1, 57344, 3],
    ],
  );
  assert.equal(parsed.rates.get(305), 524288);
  assert.ok(parsed.skipped >= 6, `skipped ${parsed.skipped}`);
  assert.equal(parsed.firstSkipped, 'WARNING: something odd the tracer said');
  assert.equal(parsed.truncated, true);
});

test('nothing at all, or random bytes: no throw', () => {
  assert.deepEqual(parseBpftraceOutput('').records, []);
  const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)).toString('latin1');
  const parsed = parseBpftraceOutput(noise);
  assert.equal(parsed.records.length, 0);
  assert.equal(parsed.attached, false);
  assert.ok(parsed.firstSkipped === null || parsed.firstSkipped.length <= 123);
});

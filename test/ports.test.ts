import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, portRange } from '../src/workload/ports.ts';

const listening = (port: number): Promise<Server> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });

test("ports come from below the kernel's ephemeral range, where bind(0) and outgoing connections do not reach", () => {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-ports-'));
  try {
    const file = join(dir, 'range');
    writeFileSync(file, '32768\t60999\n');
    assert.deepEqual(portRange(file), [10_000, 32_767]);
    writeFileSync(file, '40000 60999\n');
    assert.deepEqual(portRange(file), [10_000, 39_999]);
    writeFileSync(file, '1024 65535\n'); // no room below it: the IANA default
    assert.deepEqual(portRange(file), [10_000, 32_767]);
    assert.deepEqual(portRange(join(dir, 'missing')), [10_000, 32_767]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('freePort: a free port of the range, never one that is taken; bind(0) when the range has none', async () => {
  const [low, high] = portRange();
  for (let i = 0; i < 20; i++) {
    const port = await freePort();
    assert.ok(port >= low && port <= high, `${port} in ${low}..${high}`);
  }
  const held = await listening(0);
  const port = (held.address() as { port: number }).port;
  try {
    // The range's one port is taken: after 50 tries, the kernel's choice.
    const other = await freePort([port, port]);
    assert.ok(other !== port && other > 1023, `${other}: a port another program listens on is never handed out`);
  } finally {
    held.close();
  }
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(await freePort([port, port]), port, 'once free, it is');
});

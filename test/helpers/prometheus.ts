// Real stores for the fleet tests: Debian's Prometheus (backfilled with promtool from OpenMetrics text)
// and VictoriaMetrics (fed through its import API), each on a free loopback port with a temporary
// data directory, stopped and removed whatever happens. Missing binaries fail loudly with the fix.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

export interface RunningStore {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export function requireBinary(name: string, pkg: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  assert.equal(
    found.status,
    0,
    `${name} is not installed: apt-get install -y ${pkg} (the fleet tests run a real ${pkg})`,
  );
}

const live = new Set<ChildProcess>();
// A test that throws past its cleanup must not leave a store behind.
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

async function waitReady(url: string, child: ChildProcess, log: () => string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the store exited with ${child.exitCode} before it was ready: ${log()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the store was not ready within ${timeoutMs} ms: ${log()}`);
}

function stopper(child: ChildProcess, dir: string): () => Promise<void> {
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    live.delete(child);
    rmSync(dir, { recursive: true, force: true });
  };
}

function track(child: ChildProcess): () => string {
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  live.add(child);
  return () => log;
}

/** Prometheus on a TSDB backfilled from OpenMetrics text (`# EOF`-terminated). */
export async function startPrometheus(openMetrics: string): Promise<RunningStore> {
  requireBinary('prometheus', 'prometheus');
  requireBinary('promtool', 'prometheus');
  const dir = mkdtempSync(join(tmpdir(), 'memgate-prom-'));
  try {
    writeFileSync(join(dir, 'fleet.om'), openMetrics);
    const backfill = spawnSync(
      'promtool',
      ['tsdb', 'create-blocks-from', 'openmetrics', join(dir, 'fleet.om'), join(dir, 'data')],
      { encoding: 'utf8' },
    );
    assert.equal(backfill.status, 0, `promtool backfill failed: ${backfill.stderr}`);
    writeFileSync(join(dir, 'prometheus.yml'), 'global: {}\n');
    const port = await freePort();
    const child = spawn(
      'prometheus',
      [
        '--config.file',
        join(dir, 'prometheus.yml'),
        '--storage.tsdb.path',
        join(dir, 'data'),
        '--storage.tsdb.retention.time',
        '100y',
        '--web.listen-address',
        `127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const log = track(child);
    const stop = stopper(child, dir);
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitReady(`${url}/-/ready`, child, log);
    } catch (error) {
      await stop();
      throw error;
    }
    return { url, pid: child.pid!, stop };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** VictoriaMetrics (single node), fed Prometheus text lines with millisecond timestamps. */
export async function startVictoriaMetrics(promText: string): Promise<RunningStore> {
  requireBinary('victoria-metrics', 'victoria-metrics');
  const dir = mkdtempSync(join(tmpdir(), 'memgate-vm-'));
  const port = await freePort();
  const child = spawn(
    'victoria-metrics',
    [
      `-storageDataPath=${join(dir, 'data')}`,
      `-httpListenAddr=127.0.0.1:${port}`,
      '-retentionPeriod=100y',
      '-search.disableCache',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = track(child);
  const stop = stopper(child, dir);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(`${url}/health`, child, log);
    const res = await fetch(`${url}/api/v1/import/prometheus`, { method: 'POST', body: promText });
    assert.ok(res.ok, `VictoriaMetrics import failed: ${res.status} ${await res.text()}`);
    const flushed = await fetch(`${url}/internal/force_flush`);
    assert.ok(flushed.ok, 'VictoriaMetrics force_flush failed');
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, stop };
}

/** Prometheus scraping live targets (an empty TSDB), with the given scrape configuration. */
export async function startScrapingPrometheus(configYaml: string): Promise<RunningStore> {
  requireBinary('prometheus', 'prometheus');
  const dir = mkdtempSync(join(tmpdir(), 'memgate-prom-live-'));
  writeFileSync(join(dir, 'prometheus.yml'), configYaml);
  const port = await freePort();
  const child = spawn(
    'prometheus',
    [
      '--config.file',
      join(dir, 'prometheus.yml'),
      '--storage.tsdb.path',
      join(dir, 'data'),
      '--web.listen-address',
      `127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = track(child);
  const stop = stopper(child, dir);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(`${url}/-/ready`, child, log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid!, stop };
}

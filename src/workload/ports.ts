import { readFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';

/**
 * Ports memgate hands out: below the kernel's ephemeral range, at random. A port from bind(0) comes from
 * that range, where the kernel hands the one just freed to the next bind(0) (another gate on the same
 * machine) and outgoing connections take ports too: a service then finds its port taken (measured: 1 in
 * 30 runs of two calibration gates at a time, seen as a crash).
 */
export function portRange(rangeFile = '/proc/sys/net/ipv4/ip_local_port_range'): [number, number] {
  try {
    const low = Number(readFileSync(rangeFile, 'utf8').trim().split(/\s+/)[0]);
    if (Number.isInteger(low) && low > 12_000) return [10_000, low - 1];
  } catch {
    // not Linux: below the IANA dynamic range
  }
  return [10_000, 32_767];
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function kernelPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A loopback port that was free a moment ago (the workload binds it next). */
export async function freePort(range: [number, number] = portRange()): Promise<number> {
  const [low, high] = range;
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low + 1));
    if (await canListen(port)) return port;
  }
  return kernelPort();
}

export function portOpen(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

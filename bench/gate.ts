// memgate's own cost and its detection figures, measured side by side in one run.
//   npm run bench                 (about 15 minutes: 2 overhead runs, 1 leak run, 10 healthy pairs)
//   HEALTHY_RUNS=3 npm run bench  (fewer healthy pairs)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CLI, fixtureBin } from '../test/helpers/fixtures.ts';

const work = mkdtempSync(join(tmpdir(), 'memgate-bench-'));
const bin = (name: string) => join(work, name);
for (const name of ['healthy', 'leak-map']) copyFileSync(fixtureBin(name), bin(name));
copyFileSync(fixtureBin('healthy'), bin('healthy-head'));
const TICKS_PER_SEC = 100;

interface Measured {
  code: number | null;
  wallMs: number;
  samplingCpuShare: number;
  peakRssBytes: number;
  report: {
    verdict: string;
    grade: string | null;
    reasons: { rule: string; outcome: string }[];
    gray: { slopeBytesPerSec: number };
    baseline: { slopeBytesPerSec: number };
    p95Increase: number;
  };
}

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime
}

function hwm(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}

function run(out: string, args: string[]): Promise<Measured> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, 'run', '--out', join(work, out), ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const pid = child.pid!;
    let peak = 0;
    let windowStart: { t: number; ticks: number } | null = null;
    let windowEnd: { t: number; ticks: number } | null = null;
    const poll = setInterval(() => {
      try {
        peak = Math.max(peak, hwm(pid));
      } catch {}
    }, 200);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      try {
        if (text.includes('both ready')) windowStart = { t: performance.now(), ticks: cpuTicks(pid) };
        if (/memgate: \d/.test(text)) windowEnd = { t: performance.now(), ticks: cpuTicks(pid) };
      } catch {}
    });
    child.on('exit', (code) => {
      clearInterval(poll);
      const share =
        windowStart && windowEnd && windowEnd.t > windowStart.t
          ? (windowEnd.ticks - windowStart.ticks) / TICKS_PER_SEC / ((windowEnd.t - windowStart.t) / 1000)
          : NaN;
      resolve({
        code,
        wallMs: performance.now() - started,
        samplingCpuShare: share,
        peakRssBytes: peak,
        report: JSON.parse(readFileSync(join(work, out, 'report.json'), 'utf8')),
      });
    });
  });
}

const MiB = 1024 * 1024;
const perMin = (bps: number) => `${((bps * 60) / MiB).toFixed(2)} MiB/min`;
const service = (name: string) => `${bin(name)} -addr 127.0.0.1:{port}`;

try {
  for (const [label, extra] of [
    ['cgroup sampling only (--pprof off --ebpf off)', ['--pprof', 'off', '--ebpf', 'off']],
    ['with the default evidence (pprof every 10s, eBPF auto)', []],
  ] as const) {
    console.log(
      `memgate bench: own overhead, ${label}; healthy vs healthy, warm-up 5s + window 30s, sampling every 100ms`,
    );
    const overhead = await run(`overhead-${extra.length}`, [
      '--baseline',
      service('healthy'),
      '--gray',
      service('healthy-head'),
      '--warmup',
      '5s',
      '--duration',
      '30s',
      '--interval',
      '100ms',
      ...extra,
    ]);
    console.log(`  time beyond warm-up + window: ${((overhead.wallMs - 35_000) / 1000).toFixed(2)} s   (target < 3 s)`);
    console.log(
      `  CPU while sampling at 100ms:  ${(overhead.samplingCpuShare * 100).toFixed(2)}% of a core   (target < 1%)`,
    );
    console.log(`  peak RSS of memgate:          ${(overhead.peakRssBytes / MiB).toFixed(1)} MiB`);
  }
  console.log('\nmemgate bench: detection of a steady 2 MiB/min leak (warm-up 10s, window 60s, defaults)');
  const leak = await run('leak', [
    '--baseline',
    service('healthy'),
    '--gray',
    service('leak-map'),
    '--warmup',
    '10s',
    '--duration',
    '60s',
  ]);
  console.log(
    `  verdict ${leak.report.verdict} (${leak.report.grade ?? 'no grade'}), exit ${leak.code}; blocking rules: ${
      leak.report.reasons
        .filter((r) => r.outcome === 'block')
        .map((r) => r.rule)
        .join(', ') || 'none'
    }`,
  );
  console.log(
    `  floor slope gray ${perMin(leak.report.gray.slopeBytesPerSec)} vs baseline ${perMin(leak.report.baseline.slopeBytesPerSec)}; P95 ${(leak.report.p95Increase * 100).toFixed(1)}%`,
  );

  const runs = Number(process.env.HEALTHY_RUNS ?? 10);
  console.log(`\nmemgate bench: ${runs} healthy-vs-healthy runs (warm-up 10s, window 60s, defaults)`);
  let passed = 0;
  for (let i = 0; i < runs; i++) {
    const pair = await run(`healthy-${i}`, [
      '--baseline',
      service('healthy'),
      '--gray',
      service('healthy-head'),
      '--warmup',
      '10s',
      '--duration',
      '60s',
    ]);
    const ok = pair.code === 0;
    if (ok) passed++;
    console.log(
      `  run ${i + 1}: ${pair.report.verdict}, exit ${pair.code}; slopes ${perMin(pair.report.baseline.slopeBytesPerSec)} / ${perMin(pair.report.gray.slopeBytesPerSec)}; P95 ${(pair.report.p95Increase * 100).toFixed(1)}%`,
    );
  }
  console.log(`  passed ${passed} of ${runs}   (target: ${runs} of ${runs})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// Fault bench (issue 11): N gate runs (default 50), each with one random fault, and what each left behind.
//
//   flock /tmp/memgate-e2e.lock npx node bench/faults.ts [--runs 50] [--seed 11] [--only KIND]
//
// As root (cgroups, tmpfs mounts for the disk faults). Every kind runs once in each round of
// KINDS.length runs (random order and moments from the seed). Short windows (warm-up 2 s, window 6 s,
// one process a side) keep 50 runs near 12 minutes on an idle machine. Its own fixture directory (.tmp/faults-bin) and a frozen
// copy of dist/cli.js and dist/index.js (others rebuild dist/ while it runs). Prints per run: the fault,
// the exit status, processes left (anything running from the fixture directory, a memgate-watchdog,
// a bpftrace of ours) 2.5 s after memgate ended, cgroups left (memgate-PID-* of that run, scopes), and
// whether the bundle was kept (OUT/bundle/samples.jsonl). It checks the machine for leftovers as the
// e2e tests do, so run it under the e2e lock.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createGzip } from 'node:zlib';
import { readCgroupLayout } from '../src/workload/cgroup/mounts.ts';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const RUNS = Number(flag('runs') ?? 50);
let seed = Number(flag('seed') ?? 11);
const ONLY = flag('only');
/** mulberry32: the same seed gives the same faults and moments. */
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

if (process.getuid?.() !== 0) throw new Error('bench/faults.ts needs root (cgroups, a tmpfs for the full-disk fault)');
const BIN = join(ROOT, '.tmp/faults-bin');
const build = spawnSync('bash', [join(ROOT, 'fixtures/build.sh'), BIN], { encoding: 'utf8' });
if (build.status !== 0) throw new Error(`fixtures/build.sh failed:\n${build.stderr}`);
const work = mkdtempSync(join(tmpdir(), 'memgate-faults-'));
const CLI = join(work, 'cli.mjs');
const ACTION = join(work, 'action.mjs');
copyFileSync(join(ROOT, 'dist/cli.js'), CLI);
copyFileSync(join(ROOT, 'dist/index.js'), ACTION);
writeFileSync(join(work, 'event.json'), JSON.stringify({ pull_request: { number: 7 } }));

const service = (name: string, extra = '') => `${join(BIN, name)} -addr 127.0.0.1:{port}${extra ? ` ${extra}` : ''}`;
const QUICK = [
  '--warmup',
  '2s',
  '--duration',
  '6s',
  '--interval',
  '250ms',
  '--replicas',
  '1',
  '--profile-interval',
  '2s',
  '--stop-timeout',
  '2s',
];

// ---- loopback stand-ins: a pprof that hangs, one that sends a gzip bomb, a GitHub in three bad moods ----
async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}
const hanging = createServer(() => {}); // accepts, never answers
let bomb: Buffer | null = null;
async function gzipBomb(): Promise<Buffer> {
  if (bomb) return bomb;
  const gz = createGzip({ level: 9 });
  const chunks: Buffer[] = [];
  gz.on('data', (c: Buffer) => chunks.push(c));
  const zeros = Buffer.alloc(1 << 20);
  for (let i = 0; i < 200; i++) if (!gz.write(zeros)) await new Promise((r) => gz.once('drain', r));
  await new Promise((r) => gz.end(r));
  bomb = Buffer.concat(chunks); // 200 MiB inflated, ~200 KiB sent
  return bomb;
}
const bombing = createServer(async (req, res) => {
  if (req.url?.startsWith('/debug/pprof/heap')) {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(await gzipBomb());
  } else {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('goroutine 1 [running]:\nmain.main()\n\t/x/main.go:1 +0x1\n');
  }
});
let githubMood: '5xx' | 'rate-limit' | 'nothing' = '5xx';
const github = createServer((req, res) => {
  if (githubMood === 'nothing') {
    req.socket.destroy();
    return;
  }
  if (githubMood === 'rate-limit') {
    res.writeHead(403, {
      'content-type': 'application/json',
      'retry-after': '1',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1),
    });
    res.end(
      JSON.stringify({
        message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      }),
    );
    return;
  }
  res.writeHead(502, { 'content-type': 'text/html' });
  res.end('<html>502 Bad Gateway</html>');
});
const ports = { hanging: await listen(hanging), bombing: await listen(bombing), github: await listen(github) };

// ---- what is left ----
function procs(): { pid: number; ppid: number; cmd: string }[] {
  const out: { pid: number; ppid: number; cmd: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (after[0] === 'Z') continue;
      out.push({
        pid: Number(entry),
        ppid: Number(after[1]),
        cmd: readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim(),
      });
    } catch {
      // gone
    }
  }
  return out;
}
/** Watchdogs and tracers of this bench's runs, seen while they ran (their memgate's children). Nothing else is ours. */
const ours = new Set<number>();
function noteChildren(root: number): void {
  for (const p of procs())
    if ((p.ppid === root || ours.has(p.ppid)) && /memgate-watchdog|memgate-tracer|bpftrace/.test(p.cmd))
      ours.add(p.pid);
}
function processesLeft(): string[] {
  return procs()
    .filter((p) => p.cmd.includes(BIN) || p.cmd.includes(work) || ours.has(p.pid))
    .map((p) => `${p.pid} ${p.cmd.slice(0, 100)}`);
}
function cgroupsLeft(pid: number): string[] {
  const layout = readCgroupLayout();
  const left: string[] = [];
  for (const dir of [layout.v1Memory, layout.v2]) {
    if (!dir) continue;
    for (const entry of readdirSync(dir)) if (entry.startsWith(`memgate-${pid}-`)) left.push(join(dir, entry));
  }
  return left;
}
/** bpftrace processes below `root` (by parent chain): the tracer of that memgate. */
function tracerOf(root: number): number[] {
  const all = procs();
  const parent = new Map(all.map((p) => [p.pid, p.ppid]));
  const below = (pid: number) => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  return all.filter((p) => /(^|\/)bpftrace /.test(p.cmd) && p.cmd.includes(work) && below(p.pid)).map((p) => p.pid);
}

// ---- the faults ----
type Fault = {
  kind: string;
  detail: string;
  cmd: string[];
  entry: 'cli' | 'action';
  env?: NodeJS.ProcessEnv;
  at?: { ms: number; act: (child: ChildProcess) => void };
  setup?: () => void;
  cleanup?: () => void;
  /** What this fault must end with, beyond nothing left: the problems, none when as documented. */
  expect?: (r: { code: number | null; signal: string | null; log: string }) => string[];
};
const KINDS = [
  'sigkill',
  'sigterm',
  'sigint',
  'crash',
  'oom',
  'no-port',
  'pprof-hang',
  'pprof-bomb',
  'tracer-killed',
  'disk-full',
  'disk-fills',
  'github-5xx',
  'github-403',
  'github-nothing',
];

function fault(kind: string, n: number): Fault {
  const out = join(work, `out-${n}`);
  const base = [
    'run',
    '--baseline',
    service('healthy'),
    '--gray',
    service('leak-map'),
    ...QUICK,
    '--ebpf',
    'off',
    '--out',
    out,
  ];
  const at = 1000 + Math.round(random() * 9000); // 1-10 s: start, warm-up, window or teardown
  switch (kind) {
    case 'sigkill':
    case 'sigterm':
    case 'sigint': {
      const signal = kind.toUpperCase() as NodeJS.Signals;
      return {
        kind,
        detail: `${signal} at ${(at / 1000).toFixed(1)}s`,
        cmd: base,
        entry: 'cli',
        at: { ms: at, act: (c) => c.kill(signal) },
      };
    }
    case 'crash':
      return {
        kind,
        detail: 'gray exits 3 after 4s',
        cmd: [
          'run',
          '--baseline',
          service('healthy'),
          '--gray',
          service('healthy', '-crash-after 4s'),
          ...QUICK,
          '--ebpf',
          'off',
          '--out',
          out,
        ],
        entry: 'cli',
      };
    case 'oom':
      return {
        kind,
        detail: '--memory-max 24MiB, gray leaks 600MiB/min',
        cmd: [
          'run',
          '--baseline',
          service('healthy'),
          '--gray',
          service('leak-map', '-leak-rate 600MiB'),
          ...QUICK,
          '--ebpf',
          'off',
          '--memory-max',
          '24MiB',
          '--out',
          out,
        ],
        entry: 'cli',
      };
    case 'no-port':
      return {
        kind,
        detail: 'gray never listens, --ready-timeout 3s',
        cmd: [
          'run',
          '--baseline',
          service('healthy'),
          '--gray',
          'sleep 60 # {port}',
          ...QUICK,
          '--ebpf',
          'off',
          '--ready-timeout',
          '3s',
          '--out',
          out,
        ],
        entry: 'cli',
      };
    case 'pprof-hang':
      return {
        kind,
        detail: 'gray pprof accepts and never answers',
        cmd: [...base, '--gray-pprof', `http://127.0.0.1:${ports.hanging}/debug/pprof`],
        entry: 'cli',
      };
    case 'pprof-bomb':
      return {
        kind,
        detail: 'gray heap profile: 200 MiB gzip bomb',
        cmd: [...base, '--gray-pprof', `http://127.0.0.1:${ports.bombing}/debug/pprof`],
        entry: 'cli',
      };
    case 'tracer-killed': {
      const cmd = base.map((a) => (a === 'off' && base[base.indexOf(a) - 1] === '--ebpf' ? 'auto' : a));
      return {
        kind,
        detail: `bpftrace SIGKILLed at ${(Math.max(at, 5000) / 1000).toFixed(1)}s`,
        cmd,
        entry: 'cli',
        at: {
          ms: Math.max(at, 5000),
          act: (c) => {
            for (const pid of tracerOf(c.pid!)) process.kill(pid, 'SIGKILL');
          },
        },
      };
    }
    case 'disk-full':
    case 'disk-fills': {
      // A tmpfs of 1 MiB pre-filled with a file: full (no page left), or with 80 KiB left: room for the
      // start's 64 KiB check but not for the run's profiles and bundle, so the disk fills during the run.
      const mnt = join(work, `full-${n}`);
      mkdirSync(mnt, { recursive: true });
      const room = kind === 'disk-full' ? 0 : 80;
      return {
        kind,
        detail: room === 0 ? '--out on a full tmpfs (0 bytes free)' : '--out on a tmpfs with 80 KiB free',
        cmd: base.map((a) => (a === out ? join(mnt, 'out') : a)),
        entry: 'cli',
        setup: () => {
          const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt], { encoding: 'utf8' });
          if (m.status !== 0) throw new Error(`mount tmpfs: ${m.stderr}`);
          const fill = spawnSync(
            'dd',
            ['if=/dev/zero', `of=${join(mnt, 'fill')}`, 'bs=4k', `count=${256 - room / 4}`, 'status=none'],
            { encoding: 'utf8' },
          );
          if (room > 0 && fill.status !== 0) throw new Error(`dd: ${fill.stderr}`);
          const free = Number(
            spawnSync('df', ['-k', '--output=avail', mnt], { encoding: 'utf8' }).stdout.split('\n')[1],
          );
          if (free !== room) throw new Error(`the tmpfs at ${mnt} has ${free} KiB free, not ${room}`);
        },
        // Exit 2 naming the file under --out and ENOSPC; a full disk at the start leaves no --out behind.
        expect: (r) =>
          [
            r.code === 2 ? '' : `exit ${r.code ?? r.signal}, not 2`,
            r.log.includes(`cannot write ${join(mnt, 'out')}`) && r.log.includes('(ENOSPC)')
              ? ''
              : 'no message naming the file and ENOSPC',
            room === 0 && existsSync(join(mnt, 'out')) ? `${join(mnt, 'out')} left behind` : '',
          ].filter(Boolean),
        cleanup: () => void spawnSync('umount', [mnt]),
      };
    }
    default: {
      const mood = kind.slice('github-'.length) as typeof githubMood;
      const inputs: Record<string, string> = {
        baseline: service('healthy'),
        gray: service('leak-map'),
        warmup: '2s',
        duration: '6s',
        interval: '250ms',
        replicas: '1',
        'profile-interval': '2s',
        'stop-timeout': '2s',
        ebpf: 'off',
        comment: 'always',
        'github-token': 'ghs_benchtoken',
        out,
      };
      const env: NodeJS.ProcessEnv = {
        GITHUB_ACTIONS: 'true',
        GITHUB_API_URL: `http://127.0.0.1:${ports.github}`,
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'acme/shop',
        GITHUB_RUN_ID: '1',
        GITHUB_WORKFLOW: 'gate',
        GITHUB_JOB: 'memory',
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: join(work, 'event.json'),
        GITHUB_SHA: 'abc123',
        GITHUB_OUTPUT: join(work, `output-${n}`),
        GITHUB_STEP_SUMMARY: join(work, `summary-${n}`),
      };
      for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
      return {
        kind,
        detail: `GitHub answers ${mood === '5xx' ? '502' : mood === 'rate-limit' ? '403 secondary rate limit' : 'nothing (connection reset)'}`,
        cmd: [],
        entry: 'action',
        env,
        setup: () => {
          githubMood = mood;
          writeFileSync(env.GITHUB_OUTPUT!, '');
          writeFileSync(env.GITHUB_STEP_SUMMARY!, '');
        },
      };
    }
  }
}

interface Row {
  n: number;
  kind: string;
  detail: string;
  code: number | null;
  signal: string | null;
  ms: number;
  processes: string[];
  cgroups: string[];
  bundle: boolean;
  note: string;
  /** How the run differs from what its fault must end with (empty: as documented). */
  unexpected: string[];
}
const rows: Row[] = [];
const LIMIT_MS = 120_000;
/** Every kind in each round of KINDS.length runs (in a random order), so 50 runs exercise each kind 3 or 4 times. */
const schedule: string[] = [];
while (schedule.length < RUNS) {
  const round = [...KINDS];
  for (let i = round.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [round[i], round[j]] = [round[j], round[i]];
  }
  schedule.push(...round);
}
for (let n = 1; n <= RUNS; n++) {
  const kind = ONLY ?? schedule[n - 1];
  const f = fault(kind === 'github-403' ? 'github-rate-limit' : kind, n);
  f.kind = kind;
  f.setup?.();
  const started = Date.now();
  const child =
    f.entry === 'cli'
      ? spawn(process.execPath, [CLI, ...f.cmd], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(process.execPath, [ACTION], {
          cwd: work,
          stdio: ['ignore', 'pipe', 'pipe'],
          env: { PATH: process.env.PATH, HOME: process.env.HOME, ...f.env },
        });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const timers = [setTimeout(() => child.kill('SIGKILL'), LIMIT_MS)];
  const watching = setInterval(() => noteChildren(child.pid!), 200);
  if (f.at) timers.push(setTimeout(() => f.at!.act(child), f.at.ms));
  const [code, signal] = await new Promise<[number | null, string | null]>((r) =>
    child.once('exit', (c, s) => r([c, s])),
  );
  const ms = Date.now() - started;
  timers.forEach(clearTimeout);
  clearInterval(watching);
  await sleep(2500);
  const out = f.cmd.includes('--out') ? f.cmd[f.cmd.indexOf('--out') + 1] : (f.env?.INPUT_OUT ?? '');
  const row: Row = {
    n,
    kind,
    detail: f.detail,
    code,
    signal,
    ms,
    processes: processesLeft(),
    cgroups: cgroupsLeft(child.pid!),
    bundle: existsSync(join(out, 'bundle/samples.jsonl')),
    note: (/error: [^\n]*/.exec(log)?.[0] ?? /warning: [^\n]*/.exec(log)?.[0] ?? '').slice(0, 160),
    unexpected: f.expect?.({ code, signal, log }) ?? [],
  };
  if (ms >= LIMIT_MS) row.note = `hung: killed after ${LIMIT_MS / 1000}s; ${row.note}`;
  rows.push(row);
  console.log(
    `${String(n).padStart(2)} ${kind.padEnd(14)} exit ${code ?? signal} in ${(ms / 1000).toFixed(1)}s  processes left ${row.processes.length}  cgroups left ${row.cgroups.length}  bundle ${row.bundle ? 'kept' : 'none'}  (${f.detail}) ${row.note}`,
  );
  for (const u of row.unexpected) console.log(`     UNEXPECTED: ${u}`);
  for (const p of row.processes) console.log(`     left: ${p}`);
  for (const g of row.cgroups) console.log(`     left: ${g}`);
  f.cleanup?.();
  // Whatever one run left must not count against the next: kill it (only what this bench started) and say so above.
  for (const p of row.processes)
    try {
      process.kill(Number(p.split(' ')[0]), 'SIGKILL');
    } catch {
      /* gone */
    }
  ours.clear();
  for (const g of row.cgroups) spawnSync('sh', ['-c', `for d in $(find '${g}' -depth -type d); do rmdir "$d"; done`]);
}
for (const s of [hanging, bombing, github]) s.close();
hanging.closeAllConnections?.();

console.log('\nper fault: runs, exit statuses, processes left, cgroups left, bundles kept');
for (const kind of [...new Set(rows.map((r) => r.kind))].sort()) {
  const these = rows.filter((r) => r.kind === kind);
  const codes = [...new Set(these.map((r) => String(r.code ?? r.signal)))].join('/');
  console.log(
    `${kind.padEnd(14)} ${String(these.length).padStart(2)} runs  exit ${codes.padEnd(10)} not as documented ${these.filter((r) => r.unexpected.length).length}  processes ${these.reduce((a, r) => a + r.processes.length, 0)}  cgroups ${these.reduce((a, r) => a + r.cgroups.length, 0)}  bundles ${these.filter((r) => r.bundle).length}/${these.length}`,
  );
}
const totalP = rows.reduce((a, r) => a + r.processes.length, 0);
const totalC = rows.reduce((a, r) => a + r.cgroups.length, 0);
const totalU = rows.filter((r) => r.unexpected.length > 0).length;
console.log(
  `\ntotal: ${rows.length} runs, ${totalP} processes left, ${totalC} cgroups left (target 0 and 0), ${totalU} not as documented`,
);
rmSync(work, { recursive: true, force: true });
process.exit(0);

// The CLI's promises to a person at a terminal and to a script: --help on every command and subcommand
// (stdout, exit 0, that command's own usage); a bare memgate or memgate fuse is a short usage on stderr
// (exit 2); fatal errors are one `error:` line; a typo gets a did-you-mean (exit 2); `analyze --json`
// prints report.json's content and nothing else on stdout. In process through cli() with captured IO,
// and once through dist/cli.js so the entry's wiring (stdout, stderr, exit status) is covered too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, USAGE } from '../src/cli/cli.ts';
import { editDistance, suggest } from '../src/cli/suggest.ts';
import { wantsHelp } from '../src/cli/command.ts';
import type { CliIO } from '../src/cli/io.ts';
import { Option } from '../src/model/constants.ts';
import { writeBundle } from '../src/collect/bundle-io.ts';
import type { Report } from '../src/report/report-json.ts';
import { makeBundle, MiB } from './helpers/bundles.ts';
import { spawnCli } from './helpers/spawn-cli.ts';

interface Captured {
  code: number;
  stdout: string;
  /** Everything the process would print on stderr: errors, usage, progress and warnings. */
  stderr: string;
}

async function memgate(args: string[], cwd = tmpdir()): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    logger: { info: (m) => void (stderr += `${m}\n`), warn: (m) => void (stderr += `warning: ${m}\n`) },
    signal: new AbortController().signal,
    cwd,
    env: { PATH: process.env.PATH },
  };
  const code = await cli(args, io);
  return { code, stdout, stderr };
}

test('did-you-mean: one edit (a swap of neighbours counts as one), a quarter of the word at most, or the one name it begins', () => {
  assert.equal(editDistance('rnu', 'run'), 1);
  assert.equal(editDistance('duraton', 'duration'), 1);
  assert.equal(editDistance('', 'abc'), 3);
  assert.deepEqual(suggest('rnu', ['run', 'analyze', 'fuse', 'plan']), ['run']);
  assert.deepEqual(suggest('duraton', Object.values(Option)), ['duration']);
  assert.deepEqual(suggest('stauts', ['check', 'status', 'reset', 'trip']), ['status']);
  assert.deepEqual(suggest('dur', Object.values(Option)), ['duration'], 'a unique start');
  assert.deepEqual(suggest('fuse-s', Object.values(Option)), [], 'fuse-scope or fuse-store: no guess');
  assert.deepEqual(suggest('frobnicate', ['run', 'analyze', 'fuse', 'plan']), [], 'nothing close, no wild guess');
  assert.deepEqual(suggest('run', ['run']), [], 'an exact name is not a typo');
  assert.deepEqual(suggest('RUN', ['run', 'rum']), ['run'], 'case does not matter');
  assert.deepEqual(suggest('x'.repeat(10_000), ['run']), [], 'a pasted paragraph is not compared');
});

test('--help is seen before a "--" only, so a value after it stays a value', () => {
  assert.equal(wantsHelp(['--baseline', 'x', '--help']), true);
  assert.equal(wantsHelp(['-h']), true);
  assert.equal(wantsHelp(['--baseline', './bin/s --help']), false, 'inside a value');
  assert.equal(wantsHelp(['--', '--help']), false);
});

/** Every command and subcommand, with the first line its own --help must start with. */
const COMMANDS: [string[], RegExp][] = [
  [['run'], /^Usage: memgate run --baseline "CMD" --gray "CMD" \[options\]\n/],
  [['analyze'], /^Usage: memgate analyze DIR \[options\]\n/],
  [['plan'], /^Usage: memgate plan --stages FILE --stage N/],
  [['fuse'], /^Usage: memgate fuse check\|status\|reset\|trip/],
  [['fuse', 'check'], /^Usage: memgate fuse check --cell CELL/],
  [['fuse', 'status'], /^Usage: memgate fuse status \[--json\] \[--history\]/],
  [['fuse', 'reset'], /^Usage: memgate fuse reset /],
  [['fuse', 'trip'], /^Usage: memgate fuse trip /],
  [['version'], /^Usage: memgate version/],
];

test('--help, -h and "help COMMAND" on every command and subcommand: its own usage on stdout, exit 0, nothing on stderr', async () => {
  for (const [command, first] of COMMANDS) {
    const forms = [
      [...command, '--help'],
      [...command, '-h'],
      ['help', ...command],
      ['--help', ...command],
    ];
    for (const args of forms) {
      const r = await memgate(args);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stdout, first, args.join(' '));
      assert.equal(r.stderr, '', args.join(' '));
    }
  }
  const withOthers = await memgate(['run', '--baseline', './nowhere', '--duraton', 'x', '--help']);
  assert.equal(withOthers.code, 0, 'help wins over anything else given');
  assert.match(withOthers.stdout, /^Usage: memgate run /);
  const top = await memgate(['--help']);
  assert.equal(top.code, 0);
  assert.equal(top.stdout, USAGE + '\n');
  for (const name of ['run', 'analyze', 'fuse', 'plan'])
    assert.match(top.stdout, new RegExp(`^  ${name} +\\S`, 'm'), `memgate --help lists ${name}`);
});

test("each command's help names every option it accepts (and run's and analyze's --json)", async () => {
  // run accepts exactly the options its help documents (fleet's options, say, are refused as unknown).
  const run = (await memgate(['run', '--help'])).stdout;
  for (const name of [...Object.values(Option), 'json']) {
    const given = await memgate(['run', `--${name}`, ...(name === 'json' ? [] : ['x'])]);
    const accepted = !/unknown option/.test(given.stderr);
    assert.equal(
      new RegExp(`^  --${name} `, 'm').test(run),
      accepted,
      `--${name}: ${accepted ? 'accepted but not in run --help' : 'in run --help but refused'}`,
    );
  }
  assert.match(run, /^ {2}--json /m);
  const analyze = (await memgate(['analyze', '--help'])).stdout;
  for (const name of [
    'warmup',
    'max-p95-increase',
    'min-p95-delta',
    'max-slope-increase',
    'min-slope',
    'on-inconclusive',
    'out',
    'json',
  ]) {
    assert.match(analyze, new RegExp(`^  --${name} `, 'm'), `analyze --help: --${name}`);
  }
  assert.doesNotMatch(analyze, /--baseline|--duration/, 'analyze runs nothing');
  const reset = (await memgate(['fuse', 'reset', '--help'])).stdout;
  for (const name of ['cell', 'dimension', 'reason', 'fuse-scope', 'fuse-store', 'fuse-dir'])
    assert.match(reset, new RegExp(`--${name} `), `fuse reset --help: --${name}`);
  const plan = (await memgate(['plan', '--help'])).stdout;
  for (const name of ['stages', 'stage', 'fuse-store'])
    assert.match(plan, new RegExp(`--${name} `), `plan --help: --${name}`);
});

test('a bare memgate (or memgate fuse) prints a short usage on stderr and exits 2; stdout stays empty', async () => {
  for (const args of [[], ['fuse']]) {
    const r = await memgate(args);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^usage: memgate (fuse )?COMMAND \[options\]/);
    assert.ok(r.stderr.trim().split('\n').length <= 3, `short: ${r.stderr}`);
  }
  assert.match((await memgate([])).stderr, /commands: run, analyze, fuse, plan/);
});

test('typos: did-you-mean for commands, subcommands and options, exit 2, one error line, nothing on stdout', async () => {
  const cases: [string[], RegExp][] = [
    [['rnu'], /^error: memgate: unknown command "rnu"\. Did you mean memgate run\? /],
    [['analyse', 'x'], /^error: memgate: unknown command "analyse"\. Did you mean memgate analyze\? /],
    [
      ['run', '--duraton', '60s'],
      /^error: memgate run: unknown option --duraton\. Did you mean --duration\? memgate run --help lists the options\.\n$/,
    ],
    [['run', '--max-p95-increse=5%'], /unknown option --max-p95-increse\. Did you mean --max-p95-increase\?/],
    [
      ['analyze', 'dir', '--warmpu', '5s'],
      /^error: memgate analyze: unknown option --warmpu\. Did you mean --warmup\?/,
    ],
    [['fuse', 'stauts'], /^error: memgate fuse: unknown command "stauts"\. Did you mean memgate fuse status\? /],
    [
      ['fuse', 'check', '--cel', 'arch=amd64'],
      /^error: memgate fuse check: unknown option --cel\. Did you mean --cell\?/,
    ],
    [
      ['plan', '--stages', 'x.yml', '--stgae', '1'],
      /^error: memgate plan: unknown option --stgae\. Did you mean --stage\?/,
    ],
    [['run', '--jsno'], /Did you mean --json\?/],
  ];
  for (const [args, message] of cases) {
    const r = await memgate(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.equal(r.stdout, '');
  }
  const far = await memgate(['frobnicate']);
  assert.equal(far.code, 2);
  assert.doesNotMatch(far.stderr, /Did you mean/, 'no wild guess');
  assert.match(far.stderr, /The commands are run, analyze, fuse, plan/);
});

test('fatal errors are printed as "error:", never "warning:"; no stack trace', async () => {
  const cases: [string[], RegExp][] = [
    [['run'], /^error: --baseline is required/],
    [['run', '--baseline', 'true', '--gray', 'true', 'extra'], /^error: memgate run: unexpected argument "extra"/],
    [
      ['run', '--duration'],
      /^error: memgate run: Option '--duration <value>' argument missing; memgate run --help lists the options\.\n$/,
    ],
    [['analyze'], /^error: memgate analyze needs the directory of an earlier run/],
    [['analyze', '/nonexistent/run'], /^error: /],
    [['fuse', 'check'], /^error: memgate fuse check needs --cell/],
    [['fuse', 'reset', '--cell', 'arch=amd64'], /^error: memgate fuse reset needs --reason/],
    [['plan', '--stage', '1'], /^error: memgate plan needs --stages FILE/],
    [['version', 'extra'], /^error: memgate version: unexpected argument "extra"/],
  ];
  for (const [args, message] of cases) {
    const r = await memgate(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message, args.join(' '));
    assert.doesNotMatch(r.stderr, /warning:/, args.join(' '));
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
});

test('analyze --json: stdout is report.json exactly (jq reads it), the verdict and the report path go to stderr', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-json-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  // A steady 4 MiB/min leak in gray: a blocked verdict, with reasons to print.
  writeBundle(join(dir, 'run'), makeBundle({ warmupMs: 5000, durationMs: 60_000, gray: { slope: (4 * MiB) / 60 } }));
  const json = await memgate(['analyze', join(dir, 'run'), '--json', '--out', join(dir, 'again')]);
  const written = readFileSync(join(dir, 'again', 'report.json'), 'utf8');
  assert.equal(json.stdout, written, 'stdout is the content of the report.json written beside it');
  const report = JSON.parse(json.stdout) as Report;
  assert.equal(report.verdict, 'fail');
  assert.equal(json.code, report.exitCode);
  assert.match(json.stderr, /^memgate: FAIL/m, 'the human verdict is on stderr');
  assert.match(json.stderr, /^report: .*again\/report\.json$/m);

  const plain = await memgate(['analyze', join(dir, 'run')]);
  assert.match(plain.stdout, /^memgate: FAIL/, 'without --json the verdict is on stdout');
  const bare = await memgate(['analyze', join(dir, 'run'), '--json']);
  assert.deepEqual(JSON.parse(bare.stdout), report, 'without --out the same report');

  const bad = await memgate(['analyze', join(dir, 'run'), '--json', '--warmup', 'soon']);
  assert.equal(bad.code, 2);
  assert.equal(bad.stdout, '', 'bad input: nothing on stdout for jq to misread');
});

test('through dist/cli.js: bare memgate, --help and analyze --json as a shell sees them', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-json-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeBundle(join(dir, 'run'), makeBundle({ warmupMs: 5000, durationMs: 30_000 }));
  const bare = await spawnCli([], { cwd: dir });
  assert.equal(bare.code, 2);
  assert.equal(bare.stdout, '');
  assert.match(bare.stderr, /^usage: memgate COMMAND/);
  const help = await spawnCli(['fuse', 'status', '--help'], { cwd: dir });
  assert.equal(help.code, 0, help.stderr);
  assert.match(help.stdout, /^Usage: memgate fuse status/);
  const typo = await spawnCli(['rnu'], { cwd: dir });
  assert.equal(typo.code, 2);
  assert.match(typo.stderr, /^error: memgate: unknown command "rnu"\. Did you mean memgate run\?/);
  // --on-inconclusive pass: half a minute of a healthy pair cannot rule out a slow leak (inconclusive),
  // and the exit status then follows the option, as a shell sees it.
  const json = await spawnCli(['analyze', 'run', '--json', '--on-inconclusive', 'pass'], { cwd: dir });
  const report = JSON.parse(json.stdout) as Report;
  assert.equal(json.code, report.exitCode, json.stderr);
  assert.equal(json.code, 0, json.stderr);
  assert.ok(['pass', 'warn', 'inconclusive'].includes(report.verdict), report.verdict);
  assert.match(json.stderr, new RegExp(`^memgate: ${report.verdict.toUpperCase()}`, 'm'));
});

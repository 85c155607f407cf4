// Mutation testing (issue 14): `npm run mutate` plants one small bug at a time in the modules that decide or
// escape, runs the unit tests that reach it, and writes reports/mutation/mutation.json (and an HTML view).
// Survivors are killed by a test or listed, with the reason, in test/mutation-equivalents.md.
//
// Runner: Stryker's TAP runner starts `node FILE.test.ts` (Node 24 type stripping, node:test's TAP reporter),
// one process per test file, with per-file coverage: a mutant only re-runs the test files that reach it.
// The `node` it spawns is the one on PATH: run it through npm (`npm run mutate`) so that it is Node 24 from
// node_modules/.bin, not the system's Node 20.

import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every mutant starts fresh node processes on the same instrumented sources: Node's compile cache (type
// stripping and V8 code) makes each start about twice as fast on this 2-core machine.
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'memgate-stryker-compile-cache');

/** The modules that decide or escape. */
const mutate = [
  // fuse: the dimension rule, folding records, the check, stages files and wave planning
  'src/fuse/rules.ts',
  'src/fuse/stages.ts',
  'src/fuse/plan.ts',
  // units (durations, sizes, rates, percentages) on the ground floor
  'src/model/units.ts',
  // evidence: heap profile diff, leak patterns, eBPF suspects
  'src/analyze/heap-diff.ts',
  'src/analyze/patterns.ts',
  'src/analyze/ebpf-analyze.ts',
  // escaping of everything a workload or a pull request wrote, on its way into Markdown and HTML
  'src/report/format.ts',
  'src/report/markdown.ts',
  'src/report/html.ts',
  // workflow commands (`::`, `##[`) in every line memgate prints inside GitHub Actions
  'src/report/escape-commands.ts',
  // the judge (verdict, grades, heap-profile rules) and the statistics it decides on (intervals)
  'src/judge/judge.ts',
  'src/judge/grade.ts',
  'src/judge/evidence-rules.ts',
  'src/analyze/intervals.ts',
  // the three-way decision against a limit (alpha spending), the limit rules, and the statistics beneath them:
  // the floor and its slope (stats), and the side and difference figures the judge decides on (analyze)
  'src/judge/decision.ts',
  'src/judge/limit-rules.ts',
  'src/analyze/stats.ts',
  'src/analyze/analyze.ts',
];

/**
 * Pure unit tests only: no e2e, no Go, no cgroups, no bpftrace, no chromium, no child processes where it can
 * be helped (each test file is one process per mutant that it reaches, so a slow file costs minutes).
 */
const allTestFiles = [
  // Focused, fast files first: a mutant's covering files run in this order until one fails.
  'test/units-pins.test.ts',
  'test/units-mutants.test.ts',
  // the judge and its statistics (test/judge-properties.test.ts is left out: slow)
  'test/decision.test.ts',
  'test/limit-rules.test.ts',
  'test/judge-mutants.test.ts',
  'test/analyze-mutants.test.ts',
  'test/judge.test.ts',
  'test/judge-trust.test.ts',
  'test/stats.test.ts',
  'test/intervals-pins.test.ts',
  'test/intervals.test.ts',
  'test/units.test.ts',
  'test/fuse-rules.test.ts',
  'test/fuse-cell.test.ts',
  'test/fuse-settle.test.ts',
  'test/fuse-rules-mutants.test.ts',
  'test/stages-pins.test.ts',
  'test/stages-mutants.test.ts',
  'test/fuse-properties.test.ts',
  'test/plan-stages.test.ts',
  'test/heap-diff.test.ts',
  'test/patterns-rules.test.ts',
  'test/patterns-mutants.test.ts',
  'test/ebpf-suspects.test.ts',
  'test/ebpf-mutants.test.ts',
  'test/escaping-pins.test.ts',
  'test/render-pins.test.ts',
  'test/render-mutants.test.ts',
  'test/escape-commands.test.ts',
  'test/render.test.ts',
  'test/ebpf-analyze.test.ts',
  'test/patterns.test.ts',
  'test/evidence.test.ts',
  'test/hostile-render.test.ts',
  'test/pprof-parse.test.ts',
  // the units' bounds and hostile values (slow: linear-time checks), last
  'test/units-bounds.test.ts',
];

/**
 * `MEMGATE_MUTATE_TESTS=test/a.test.ts,test/b.test.ts npm run mutate -- --mutate src/x.ts` runs only those
 * files (the module's own tests): the dry run starts every listed file once, so a run of one module need not
 * pay for the others'. A mutant that only another module's tests kill then counts as survived: the figures in
 * the README say which tests each module ran with.
 */
const chosen = process.env.MEMGATE_MUTATE_TESTS?.split(',')
  .map((f) => f.trim())
  .filter(Boolean);
const testFiles = chosen?.length ? chosen : allTestFiles;

/**
 * Tests that run dist/cli.js, Go tools or a gate process to SIGKILL: they cannot see a mutant (the bundle, Go and
 * that child are not mutated) and cost seconds per run. Left out by name (node:test's --test-skip-pattern).
 */
const SKIP = '/^(memgate plan|an all-fused wave|go tool pprof opens|dir store: memgate plan)/';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  tap: {
    testFiles,
    // node:test prints spec, not TAP, unless asked; the hook records which mutants each file reached.
    nodeArgs: ['--test-reporter=tap', `--test-skip-pattern=${SKIP}`, '--disable-warning=ExperimentalWarning', '-r', '{{hookFile}}', '{{testFile}}'],
    forceBail: true,
  },
  coverageAnalysis: 'perTest',
  mutate,
  ignoreStatic: false,
  // 2 cores shared by several engineers
  concurrency: 2,
  timeoutMS: 6000,
  timeoutFactor: 2,
  dryRunTimeoutMinutes: 5,
  // the sandbox copies the project: leave out what no unit test reads
  ignorePatterns: ['dist', 'bench', 'fixtures/bin', 'memgate-out', '.tmp', 'reports', '*.log'],
  reporters: ['json', 'html', 'clear-text', 'progress'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  // Incremental: a run re-tests only mutants whose code or tests changed since the last run's
  // reports/stryker-incremental.json (and reports every mutant). `npm run mutate -- --force` re-tests all.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  thresholds: { high: 90, low: 80, break: null },
};

// Evidence in the verdict: warnings for profiles that failed, the first block reason naming the top
// suspect, inuse growth as a second signal, and the report, console and Markdown renderings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeEvidence } from '../src/analyze/evidence.ts';
import type { Suspect } from '../src/analyze/evidence-types.ts';
import { encodeHeapValues } from '../src/analyze/heap-diff-profile.ts';
import { readProfileSet } from '../src/collect/pprof-bundle.ts';
import { writeDiffProfiles } from '../src/gate/evidence-files.ts';
import { PROFILE_INDEX_SCHEMA, type ProfileEntry, type ProfileSet } from '../src/model/profiles.ts';
import { parseJudgeSettings } from '../src/config/plan.ts';
import { judgeBundle } from '../src/gate/judge-bundle.ts';
import { renderConsole } from '../src/report/console.ts';
import { renderSummary } from '../src/report/markdown.ts';
import { makeBundle, MiB } from './helpers/bundles.ts';

const DATA = join(import.meta.dirname, 'data/pprof');
const recorded = (variant: string) => readProfileSet(join(DATA, variant))!;
const broken = (name: string) => readFileSync(join(DATA, 'broken', name));

function withData(set: ProfileSet, file: string, data: Uint8Array): ProfileSet {
  return { ...set, data: { ...set.data, [file]: data } };
}
const fileOf = (set: ProfileSet, side: string, kind: string, which: 'first' | 'last') => {
  const files = set.entries.filter((e) => e.side === side && e.kind === kind && e.file).sort((a, b) => a.t - b.t);
  return (which === 'first' ? files[0] : files[files.length - 1]).file!;
};

test('fetches that failed become one warning per side and kind; the rest is used', () => {
  const set = recorded('leak-map');
  const failed: ProfileEntry[] = [
    {
      side: 'gray',
      kind: 'heap',
      seq: 9,
      t: 8000,
      file: null,
      bytes: null,
      error: 'no answer in time (http://127.0.0.1:1/debug/pprof/heap?gc=1)',
      fetchMs: 10_000,
    },
    { side: 'gray', kind: 'heap', seq: 10, t: 9000, file: null, bytes: null, error: 'HTTP 404', fetchMs: 3 },
  ];
  const e = analyzeEvidence({ ...set, entries: [...set.entries, ...failed] }, 1000)!;
  assert.deepEqual(e.warnings, [
    'gray heap profile: 2 of 5 fetches failed (first: no answer in time (http://127.0.0.1:1/debug/pprof/heap?gc=1)); the evidence uses the rest',
  ]);
  assert.equal(e.patterns[0].id, 'unbounded-map');
});

test('a truncated or corrupt profile is left out with a warning, and the run goes on with the others', () => {
  const set = recorded('leak-map');
  const lastDump = fileOf(set, 'gray', 'goroutine', 'last');
  const text = Buffer.from(set.data[lastDump]).toString('utf8');
  const mid = set.entries.filter((x) => x.side === 'gray' && x.kind === 'heap').sort((a, b) => a.t - b.t)[1].file!;
  let damaged = withData(set, mid, broken('heap-truncated.pb.gz'));
  damaged = withData(damaged, fileOf(set, 'baseline', 'heap', 'last'), broken('heap-corrupt.pb.gz'));
  // Cut off in the middle of a line, as a connection dropped mid-answer would leave it.
  damaged = withData(damaged, lastDump, Buffer.from(text.slice(0, Math.floor(text.length * 0.6))));
  const e = analyzeEvidence(damaged, 1000)!;
  assert.equal(e.warnings.length, 3, e.warnings.join('\n'));
  assert.match(
    e.warnings[0] + e.warnings[1],
    /gray heap profile pprof\/gray-heap-001\.pb\.gz is unreadable \(not valid gzip \(unexpected end of file\); truncated or corrupt\); left out/,
  );
  assert.match(e.warnings.join('\n'), /baseline heap profile pprof\/baseline-heap-002\.pb\.gz is unreadable/);
  assert.match(
    e.warnings.join('\n'),
    /gray goroutine dump pprof\/gray-goroutine-002\.txt: the dump ends in the middle of goroutine \d+ \(truncated\?\); used what it holds/,
  );
  assert.equal(e.patterns[0].id, 'unbounded-map');
  assert.equal(e.suspects[0].function, 'main.(*sessionStore).remember');
});

test('a dump in the wrong format and a file missing from the bundle are warnings too', () => {
  const set = recorded('healthy');
  const goroutine = fileOf(set, 'gray', 'goroutine', 'first');
  const heap = fileOf(set, 'baseline', 'heap', 'first');
  const data = { ...set.data, [goroutine]: broken('goroutine-debug1.txt') };
  delete data[heap];
  const e = analyzeEvidence({ ...set, data }, 1000)!;
  assert.match(
    e.warnings.join('\n'),
    /gray goroutine dump pprof\/gray-goroutine-000\.txt is unreadable \(not a goroutine dump in the debug=2 format/,
  );
  assert.match(
    e.warnings.join('\n'),
    /baseline heap pprof\/baseline-heap-000\.pb\.gz is missing from the bundle; left out/,
  );
  assert.deepEqual(e.patterns, []);
});

test('too few profiles: no heap or goroutine evidence, said so, and no suspects invented', () => {
  const set = recorded('leak-map');
  const only = set.entries.filter((x) => x.seq === 0);
  const e = analyzeEvidence({ ...set, entries: only }, 1000)!;
  assert.deepEqual(e.suspects, []);
  assert.deepEqual(e.patterns, []);
  assert.match(
    e.warnings.join('\n'),
    /too few usable heap profiles in the window \(baseline 1, gray 1; two per side needed\): no heap evidence/,
  );
  assert.match(e.warnings.join('\n'), /too few usable goroutine dumps/);
  // Only gray has a series: gray's own growth, said so.
  const grayOnly = analyzeEvidence(
    { ...set, entries: set.entries.filter((x) => x.side === 'gray' || x.seq === 0) },
    1000,
  )!;
  assert.match(
    grayOnly.warnings.join('\n'),
    /baseline has 1 usable heap profile\(s\) in the window; its heap growth is taken as none/,
  );
  assert.equal(grayOnly.suspects[0].function, 'main.(*sessionStore).remember');
});

test('profiles fetched during warm-up are not part of the window', () => {
  const set = recorded('leak-map');
  // With a warm-up past the last snapshot, nothing is left.
  const e = analyzeEvidence(set, 60_000)!;
  assert.deepEqual(e.suspects, []);
  assert.equal(e.summary.heap.gray.snapshots, 0);
});

test('a damaged profile index is a note, not a crash; no index means no profiles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-evidence-'));
  try {
    assert.equal(readProfileSet(dir), undefined);
    cpSync(join(DATA, 'blocked'), dir, { recursive: true });
    writeFileSync(join(dir, 'pprof/index.json'), '{"schema": "memgate/pprof-index@1", "entr');
    const set = readProfileSet(dir)!;
    assert.match(set.notes[0], /the profile index .*index\.json is unreadable .*; no profile evidence/);
    assert.deepEqual(analyzeEvidence(set, 0)!.warnings, set.notes);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- in the verdict ----

const settings = parseJudgeSettings({ warmup: '1s' });

test('a blocked leak: the first reason names the top suspect and its pattern; report.json carries both', () => {
  const bundle = {
    ...makeBundle({
      warmupMs: 1000,
      durationMs: 60_000,
      gray: { slope: (30 * MiB) / 60, noise: 0 },
      baseline: { noise: 0 },
    }),
    profiles: recorded('leak-map'),
  };
  const report = judgeBundle(bundle, settings);
  assert.equal(report.verdict, 'fail');
  assert.equal(report.reasons[0].outcome, 'block');
  assert.match(
    report.reasons[0].message,
    /; top suspect: main\.\(\*sessionStore\)\.remember \(service\/regress_leak_map\.go:\d+\) \+\d+\.\d MiB retained \(100% of the heap growth\); looks like unbounded-map \(\d+% sure\)$/,
  );
  assert.ok(
    report.reasons.slice(1).every((r) => !r.message.includes('top suspect')),
    'only the first block reason',
  );
  const s = report.suspects[0];
  assert.deepEqual(
    Object.keys(s).sort(),
    [
      'baseline',
      'bytes',
      'caller',
      'count',
      'createdBy',
      'function',
      'gray',
      'kind',
      'location',
      'objects',
      'pattern',
      'share',
      'source',
      'stack',
      'state',
      'waitMinutes',
    ].sort(),
  );
  assert.equal(s.source, 'pprof');
  assert.deepEqual(
    report.patterns.map((p) => p.id),
    ['unbounded-map'],
  );
  assert.deepEqual(Object.keys(report.patterns[0]).sort(), ['confidence', 'functions', 'hint', 'id', 'message']);
  assert.deepEqual(report.profiles!.diffProfiles, ['pprof/diff-gray.pb.gz', 'pprof/diff-gray-vs-baseline.pb.gz']);
  // It survives JSON as it is (report.json).
  assert.deepEqual(JSON.parse(JSON.stringify(report)).suspects, report.suspects);
});

test('a pass has suspects and patterns empty; without profiles too', () => {
  const flat = makeBundle({ warmupMs: 1000, durationMs: 60_000, gray: { noise: 0 }, baseline: { noise: 0 } });
  // Profiles that rule retained growth under its limit (both sides alike, sampled every 64 KiB): a pass.
  const withProfiles = judgeBundle({ ...flat, profiles: linearSet(MiB, MiB, 64 * 1024) }, settings);
  assert.equal(withProfiles.verdict, 'pass', JSON.stringify(withProfiles.reasons, null, 1));
  assert.equal(withProfiles.comparisons.find((c) => c.rule === 'inuse-growth')!.decision, 'pass');
  assert.deepEqual([withProfiles.suspects, withProfiles.patterns], [[], []]);
  // The recorded healthy profiles (three a side at Go's 512 KiB) cannot rule retained growth under its
  // limit, though the cgroup floor passes: a pass needs every rule ruled, so inconclusive, on that rule
  // alone; still no suspects or patterns.
  const recordedHealthy = judgeBundle({ ...flat, profiles: recorded('healthy') }, settings);
  assert.equal(recordedHealthy.verdict, 'inconclusive');
  assert.equal(recordedHealthy.comparisons.find((c) => c.rule === 'slope-increase')!.decision, 'pass');
  assert.equal(recordedHealthy.comparisons.find((c) => c.rule === 'inuse-growth')!.decision, 'undecided');
  assert.deepEqual(
    recordedHealthy.reasons.map((r) => `${r.outcome}:${r.rule}`),
    ['inconclusive:inuse-growth'],
  );
  assert.deepEqual([recordedHealthy.suspects, recordedHealthy.patterns], [[], []]);
  const without = judgeBundle(flat, settings);
  assert.deepEqual([without.suspects, without.patterns, without.profiles], [[], [], null]);
  assert.ok(!without.comparisons.some((c) => c.rule === 'inuse-growth'));
});

/**
 * A synthetic profile set: one side's main.leak grows `perSnapshot` bytes a snapshot, 7 snapshots 2 s
 * apart, sampled every `periodBytes` (Go's default 512 KiB, or the 64 KiB memgate advises).
 */
function linearSet(grayPerSnapshot: number, baselinePerSnapshot = 0, periodBytes = 512 * 1024): ProfileSet {
  const entries: ProfileEntry[] = [];
  const data: Record<string, Uint8Array> = {};
  for (let seq = 0; seq < 7; seq++) {
    for (const [side, per] of [
      ['baseline', baselinePerSnapshot],
      ['gray', grayPerSnapshot],
    ] as const) {
      const file = `pprof/${side}-heap-${seq}.pb.gz`;
      const rows = [
        {
          frames: [{ fn: 'main.newWarmCache', file: '/app/main.go', line: 5 }],
          value: { bytes: 4 * MiB, objects: 1000 },
        },
        {
          frames: [
            { fn: 'main.leak', file: '/app/leak.go', line: 9 },
            { fn: 'main.handle', file: '/app/main.go', line: 20 },
          ],
          value: { bytes: 1 + per * seq, objects: 1 + Math.round((per * seq) / 1024) },
        },
      ];
      data[file] = encodeHeapValues(rows, periodBytes, 'test');
      entries.push({
        side,
        kind: 'heap',
        seq,
        t: 1000 + seq * 2000,
        file,
        bytes: data[file].length,
        error: null,
        fetchMs: 1,
      });
    }
  }
  return {
    schema: PROFILE_INDEX_SCHEMA,
    urls: { baseline: 'http://x/debug/pprof', gray: 'http://x/debug/pprof' },
    intervalMs: 2000,
    entries,
    notes: [],
    data,
  };
}

test('inuse growth decides where the cgroup slope is unclear, and the reason says so', () => {
  // A cgroup series so noisy that its slope says nothing; heap profiles show 1 MiB every 2 s in gray,
  // sampled every 64 KiB: 30 MiB/min over 12 s, known to about 3 MiB/min.
  const noisy = makeBundle({
    warmupMs: 1000,
    durationMs: 12_000,
    gray: { noise: 40 * MiB },
    baseline: { noise: 40 * MiB },
    seed: 3,
  });
  const report = judgeBundle({ ...noisy, profiles: linearSet(MiB, 0, 64 * 1024) }, settings);
  assert.equal(report.verdict, 'fail', JSON.stringify(report.reasons, null, 1));
  const reason = report.reasons.find((r) => r.rule === 'inuse-growth')!;
  assert.equal(reason.outcome, 'block');
  assert.match(
    reason.message,
    /^retained heap grows faster in gray: inuse_space gray 30\.0 MiB\/min vs baseline 0 B\/min/,
  );
  assert.match(
    reason.message,
    /the cgroup floor is too noisy to tell \(slope difference .*\), so this was decided on heap profiles \(inuse_space\)/,
  );
  assert.match(report.reasons[0].message, /top suspect: main\.leak \(app\/leak\.go:9\)/);
  assert.equal(report.grade, 'P1');
  const comparison = report.comparisons.find((c) => c.rule === 'inuse-growth')!;
  assert.equal(comparison.passed, false);
  assert.equal(comparison.decision, 'block');
  assert.ok(Math.abs(comparison.measured! - MiB / 2) < 1);
  // Sampled every 512 KiB (Go's default), 12 s of profiles cannot tell 30 MiB/min from nothing: Go
  // records about one sample per 512 KiB, so 6 MiB is a dozen samples, and none at all is possible for
  // a slow leak. Inconclusive, and the reason says what would decide it.
  const coarse = judgeBundle({ ...noisy, profiles: linearSet(MiB) }, settings);
  assert.equal(coarse.verdict, 'inconclusive', JSON.stringify(coarse.reasons, null, 1));
  assert.equal(coarse.comparisons.find((c) => c.rule === 'inuse-growth')!.decision, 'undecided');
  assert.match(
    coarse.reasons[0].message,
    /retained heap \(inuse_space\) difference 30\.0 MiB\/min, .* cannot tell either; what would decide it: .*, or finer heap sampling: the profiles sample every 512\.0 KiB; set runtime\.MemProfileRate to 64 KiB in the service/,
  );
});

test('where the cgroup floor is clearly flat, clear inuse growth still blocks (the floor lags the heap); growth the profiles cannot resolve is inconclusive', () => {
  // No sawtooth, no noise: the cgroup floor is flat beyond doubt.
  const flat = makeBundle({
    warmupMs: 1000,
    durationMs: 60_000,
    gray: { noise: 0, sawtooth: 0 },
    baseline: { noise: 0, sawtooth: 0 },
  });
  const report = judgeBundle({ ...flat, profiles: linearSet(MiB, 0, 64 * 1024) }, settings);
  assert.equal(report.verdict, 'fail', JSON.stringify(report.reasons, null, 1));
  assert.equal(report.comparisons.find((c) => c.rule === 'slope-increase')!.decision, 'pass');
  const reason = report.reasons.find((r) => r.rule === 'inuse-growth')!;
  assert.equal(reason.outcome, 'block');
  assert.match(reason.message, /the cgroup floor does not show it yet \(Go's heap has headroom below its GC goal/);
  assert.equal(report.grade, 'P1');
  // At 512 KiB sampling the same growth is undecided: the cgroup rules growth out, but a pass needs
  // retained heap ruled under its limit too, so inconclusive, advising finer sampling (no "watch it" note).
  const coarse = judgeBundle({ ...flat, profiles: linearSet(MiB) }, settings);
  assert.equal(coarse.verdict, 'inconclusive', JSON.stringify(coarse.reasons, null, 1));
  assert.equal(coarse.comparisons.find((c) => c.rule === 'slope-increase')!.decision, 'pass');
  assert.equal(coarse.comparisons.find((c) => c.rule === 'inuse-growth')!.decision, 'undecided');
  assert.deepEqual(
    coarse.reasons.map((r) => `${r.outcome}:${r.rule}`),
    ['inconclusive:inuse-growth'],
  );
  assert.match(
    coarse.reasons[0].message,
    /^retained heap growth: inuse_space difference 30\.0 MiB\/min, between \S+ \S+ and \S+ \S+ \(one process a side\); the cgroup floor rules out growth above 0 B\/min, but retained heap is not ruled under the allowed 512\.0 KiB\/min yet \(a slow leak shows there before the cgroup\); what would decide it: .*, or finer heap sampling: the profiles sample every 512\.0 KiB; set runtime\.MemProfileRate to 64 KiB in the service/,
  );
  assert.ok(!coarse.warnings.some((w) => /watch it/.test(w)), JSON.stringify(coarse.warnings));
  // Both growing alike: nothing.
  const same = judgeBundle({ ...flat, profiles: linearSet(MiB, MiB, 64 * 1024) }, settings);
  assert.equal(same.verdict, 'pass');
  assert.deepEqual(same.suspects, []);
});

test('diff profiles are written into the bundle; none without heap evidence', () => {
  const dir = mkdtempSync(join(tmpdir(), 'memgate-evidence-'));
  try {
    const bundle = { ...makeBundle({ warmupMs: 1000, durationMs: 6000 }), profiles: recorded('leak-map') };
    cpSync(join(DATA, 'leak-map'), dir, { recursive: true });
    const written = writeDiffProfiles(dir, bundle, 1000);
    assert.deepEqual(written, { files: ['pprof/diff-gray.pb.gz', 'pprof/diff-gray-vs-baseline.pb.gz'], warning: null });
    assert.ok(readFileSync(join(dir, 'pprof/diff-gray.pb.gz')).length > 100);
    assert.deepEqual(writeDiffProfiles(dir, makeBundle({}), 1000), { files: [], warning: null });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// ---- renderings ----

function suspect(i: number, fn: string): Suspect {
  return {
    function: fn,
    source: i % 2 ? 'goroutine' : 'pprof',
    kind: 'growth',
    bytes: i % 2 ? null : (i + 1) * MiB,
    objects: null,
    count: i % 2 ? 10 * i : null,
    share: 0.1,
    gray: 1,
    baseline: 0,
    location: `x.go:${i}`,
    stack: [fn],
    caller: null,
    createdBy: i % 2 ? 'main.spawn' : null,
    state: i % 2 ? 'chan send' : null,
    waitMinutes: null,
    pattern: null,
  };
}

test('the console shows the top 5 suspects and every pattern with its fix', () => {
  const bundle = { ...makeBundle({ warmupMs: 1000, durationMs: 6000 }), profiles: recorded('blocked') };
  const report = judgeBundle(bundle, settings);
  report.suspects = [...Array(7).keys()].map((i) => suspect(i, `main.f${i}`));
  const text = renderConsole(report);
  assert.match(text, /suspects \(gray against baseline, top 5 of 7\):/);
  assert.match(text, / {4}1\. main\.f0 \(x\.go:0\) \+1\.0 MiB retained \(10% of the heap growth\)/);
  assert.match(
    text,
    / {4}2\. main\.f1 \(x\.go:1\) \+10 goroutines \[chan send\] \(10% of the goroutine growth\), created by main\.spawn/,
  );
  assert.ok(text.includes('    5. main.f4') && !text.includes('main.f5'));
  assert.match(text, / {2}pattern goroutine-blocked \(\d+% sure\): Goroutines started by main\.publishEvent/);
  assert.match(text, / {4}fix: Give every goroutine a way to finish/);
});

test('Markdown: suspects and patterns section, everything from the workload escaped', () => {
  const bundle = { ...makeBundle({ warmupMs: 1000, durationMs: 6000 }), profiles: recorded('ticker') };
  const report = judgeBundle(bundle, settings);
  report.suspects = [
    { ...suspect(0, 'main.(*T).<img src=x onerror=alert(1)>|@octocat'), location: '[a](http://evil)' },
  ];
  report.patterns = [{ ...report.patterns[0], message: 'Tickers in main.`x`|<b>bold</b> @team.' }];
  const md = renderSummary(report);
  assert.match(md, /\*\*Looks like\*\*/);
  assert.match(md, /\*\*Suspects\*\* \(gray against baseline\)/);
  assert.ok(
    !md.includes('<img') &&
      !md.includes('@octocat') &&
      !md.includes('](http') &&
      !md.includes('<b>') &&
      !md.includes('@team'),
    md,
  );
  assert.match(md, /&lt;img src&#61;x onerror&#61;alert&#40;1&#41;&gt;&#124;&#64;\u200boctocat/);
  const row = md.split('\n').find((l) => l.startsWith('| 1 |'))!;
  assert.equal(row.split('|').length, 7, 'no cell breaks out of the table');
});

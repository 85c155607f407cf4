// The stages file (YAML): the rollout's cells and its waves. Pure: text in, validated waves out;
// every problem is a UsageError "FILE:LINE: what is wrong; how to fix it".
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { UsageError } from '../model/errors.ts';
import { DIMENSIONS, cellFromDims, checkValue, isDimension, parseCell, type Cell, type Dimension } from './cell.ts';

export interface Wave {
  /** 1-based, as `--stage` counts. */
  index: number;
  name: string;
  cells: Cell[];
  /** Line of the wave in the stages file. */
  line: number;
}

export interface Stages {
  file: string;
  /** Every cell of the matrix (null when the file has no `matrix:`; the waves then list their cells). */
  matrix: Cell[] | null;
  waves: Wave[];
}

/** GitHub runs at most 256 jobs from one matrix. */
export const MAX_WAVE_CELLS = 256;

const EXAMPLE = `e.g.
matrix:
  region: [cn-east-2, us-west-1]
  arch: [amd64, arm64]
waves:
  - name: canary
    cells: ["region=cn-east-2,arch=amd64"]
  - name: rest
    where: {}`;

type Values = Partial<Record<Dimension, string[]>>;

class StagesReader {
  private readonly lines = new LineCounter();
  readonly file: string;
  constructor(file: string) {
    this.file = file;
  }

  parse(text: string): Stages {
    const doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
      const error = doc.errors[0];
      const line = error.linePos?.[0].line ?? 1;
      throw new UsageError(
        `${this.file}:${line}: not valid YAML: ${error.message.split('\n')[0]}; fix the syntax (indentation, quotes, a missing ":").`,
      );
    }
    const root = doc.contents as Node | null;
    if (!root || !isMap(root)) {
      throw new UsageError(
        `${this.file}:1: a stages file is a mapping with "waves:" (and usually "matrix:"), ${EXAMPLE}`,
      );
    }
    const top = this.entries(root, 'the top level', ['matrix', 'waves']);
    const matrix = top.has('matrix') ? this.matrix(top.get('matrix')!) : null;
    const wavesNode = top.get('waves');
    if (!wavesNode)
      throw new UsageError(`${this.file}:${this.line(root)}: "waves:" is missing; list the waves in order, ${EXAMPLE}`);
    return {
      file: this.file,
      matrix: matrix?.cells ?? null,
      waves: this.waves(wavesNode.value, wavesNode.key, matrix),
    };
  }

  line(node: unknown): number {
    const range = (node as Node | null)?.range;
    return range ? this.lines.linePos(range[0]).line : 1;
  }

  fail(node: unknown, message: string): never {
    throw new UsageError(`${this.file}:${this.line(node)}: ${message}`);
  }

  /** The pairs of a mapping, keyed by their (string) keys; unknown keys are an error naming the allowed ones. */
  entries(map: YAMLMap, what: string, allowed: readonly string[]): Map<string, { key: Node; value: Node | null }> {
    const out = new Map<string, { key: Node; value: Node | null }>();
    for (const pair of map.items as Pair<Node, Node | null>[]) {
      const key = isScalar(pair.key) ? String(pair.key.value) : null;
      if (key === null || !allowed.includes(key)) {
        this.fail(
          pair.key,
          `${what}: unknown key ${key === null ? '(not a plain name)' : `"${key}"`}; allowed: ${allowed.join(', ')}.`,
        );
      }
      out.set(key, { key: pair.key, value: pair.value });
    }
    return out;
  }

  text(node: Node | null, what: string): string {
    if (!isScalar(node)) this.fail(node, `${what} must be a text value.`);
    if (typeof node.value !== 'string') {
      this.fail(
        node,
        `${what} is ${node.value === null ? 'empty' : `the ${typeof node.value} ${String(node.value)}`}; write text, quoted when YAML would read it otherwise (e.g. "5.10", "true").`,
      );
    }
    return node.value;
  }

  /** One value or a list of values of a dimension. */
  values(node: Node | null, dim: Dimension, what: string): string[] {
    const items = isSeq(node) ? (node.items as Node[]) : [node];
    if (isSeq(node) && items.length === 0) this.fail(node, `${what} is an empty list; give at least one ${dim} value.`);
    const out: string[] = [];
    for (const item of items) {
      const { value } = checkValue(dim, this.text(item, what), `${this.file}:${this.line(item)}: ${what}`);
      if (out.includes(value)) this.fail(item, `${what} lists ${value} twice; give each value once.`);
      out.push(value);
    }
    return out;
  }

  dimensionMap(node: Node | null, what: string, extra: readonly string[] = []): { values: Values; node: YAMLMap } {
    if (!isMap(node))
      this.fail(node, `${what} must be a mapping of dimension to values (dimensions: ${DIMENSIONS.join(', ')}).`);
    const values: Values = {};
    for (const [key, { value }] of this.entries(node, what, [...DIMENSIONS, ...extra])) {
      if (isDimension(key)) values[key] = this.values(value, key, `${what}.${key}`);
    }
    return { values, node };
  }

  matrix(entry: { key: Node; value: Node | null }): { cells: Cell[]; values: Values } {
    const { values, node } = this.dimensionMap(entry.value, 'matrix', ['exclude']);
    const dims = DIMENSIONS.filter((d) => values[d]);
    if (dims.length === 0)
      this.fail(entry.key, `matrix names no dimension; give values for some of ${DIMENSIONS.join(', ')}, ${EXAMPLE}`);
    let combos: Partial<Record<Dimension, string>>[] = [{}];
    for (const dim of dims) combos = combos.flatMap((c) => values[dim]!.map((v) => ({ ...c, [dim]: v })));
    let cells = combos.map(cellFromDims);
    const exclude = (node.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && p.key.value === 'exclude');
    if (exclude) {
      if (!isSeq(exclude.value))
        this.fail(
          exclude.value ?? exclude.key,
          'matrix.exclude must be a list of mappings, e.g. - { region: us-west-1, arch: arm64 }.',
        );
      for (const [i, item] of (exclude.value.items as Node[]).entries()) {
        const what = `matrix.exclude[${i}]`;
        const filter = this.dimensionMap(item, what).values;
        this.knownValues(filter, values, item, what);
        const before = cells.length;
        cells = cells.filter((c) => !matches(c, filter));
        if (cells.length === before) this.fail(item, `${what} excludes no cell; check its values against the matrix.`);
      }
    }
    if (cells.length === 0) this.fail(entry.key, 'matrix.exclude removes every cell; nothing is left to roll out.');
    return { cells, values };
  }

  knownValues(filter: Values, values: Values, node: Node | null, what: string): void {
    for (const dim of DIMENSIONS) {
      for (const v of filter[dim] ?? []) {
        if (!values[dim])
          this.fail(
            node,
            `${what}: the matrix has no ${dim} dimension; use one of ${DIMENSIONS.filter((d) => values[d]).join(', ')}.`,
          );
        if (!values[dim]!.includes(v))
          this.fail(
            node,
            `${what}: ${dim}=${v} is not in matrix.${dim} (${values[dim]!.join(', ')}); fix the value or add it to the matrix.`,
          );
      }
    }
  }

  waves(node: Node | null, key: Node, matrix: { cells: Cell[]; values: Values } | null): Wave[] {
    if (!isSeq(node) || node.items.length === 0)
      this.fail(node ?? key, `waves must be a non-empty list, first wave first, ${EXAMPLE}`);
    const taken = new Map<string, Wave>();
    const waves: Wave[] = [];
    for (const [i, item] of (node.items as Node[]).entries()) {
      const index = i + 1;
      const what = `waves[${i}] (wave ${index})`;
      if (!isMap(item))
        this.fail(item, `${what} must be a mapping with "cells:" or "where:" (and an optional "name:").`);
      const fields = this.entries(item, what, ['name', 'cells', 'where']);
      const name = fields.has('name') ? this.text(fields.get('name')!.value, `${what}.name`).trim() : `wave ${index}`;
      const clash = waves.find((w) => w.name === name);
      if (clash)
        this.fail(item, `${what}: the name "${name}" is already wave ${clash.index}'s; give each wave its own name.`);
      const wave: Wave = { index, name, cells: [], line: this.line(item) };
      if (fields.has('cells') === fields.has('where')) {
        this.fail(
          item,
          `${what} needs exactly one of "cells:" (a list of cells) or "where:" (a filter on the matrix's dimensions, {} for every cell left).`,
        );
      }
      if (fields.has('cells')) {
        const list = fields.get('cells')!.value;
        if (!isSeq(list) || list.items.length === 0)
          this.fail(
            list ?? item,
            `${what}.cells must be a non-empty list of cells such as "region=cn-east-2,arch=amd64".`,
          );
        for (const [j, c] of (list.items as Node[]).entries()) {
          const cwhat = `${what}.cells[${j}]`;
          const cell = isMap(c)
            ? this.mapCell(c, cwhat)
            : parseCell(this.text(c, cwhat), `${this.file}:${this.line(c)}: ${cwhat}`);
          if (!cell.id) this.fail(c, `${cwhat} names no dimension; write e.g. region=cn-east-2,arch=amd64.`);
          if (matrix && !matrix.cells.some((m) => m.id === cell.id))
            this.fail(
              c,
              `${cwhat}: ${cell.id} is not a cell of the matrix (or is excluded); fix it or add its values to matrix.`,
            );
          const earlier = taken.get(cell.id);
          if (earlier)
            this.fail(
              c,
              `${cwhat}: ${cell.id} is already in wave ${earlier.index} (${earlier.name}); a cell belongs to one wave.`,
            );
          if (wave.cells.some((w) => w.id === cell.id))
            this.fail(c, `${cwhat}: ${cell.id} is listed twice in this wave.`);
          wave.cells.push(cell);
        }
      } else {
        const where = fields.get('where')!;
        if (!matrix)
          this.fail(
            where.key,
            `${what}.where filters the matrix, but the file has no "matrix:"; add one, or list the wave's cells under "cells:".`,
          );
        const filter = this.dimensionMap(where.value, `${what}.where`).values;
        this.knownValues(filter, matrix.values, where.value, `${what}.where`);
        wave.cells = matrix.cells.filter((c) => matches(c, filter) && !taken.has(c.id));
        if (wave.cells.length === 0)
          this.fail(
            where.key,
            `${what}.where matches no cell that an earlier wave has not taken; widen the filter or drop the wave.`,
          );
      }
      if (wave.cells.length > MAX_WAVE_CELLS)
        this.fail(
          item,
          `${what} has ${wave.cells.length} cells; GitHub runs at most ${MAX_WAVE_CELLS} jobs from one matrix: split it into more waves.`,
        );
      for (const c of wave.cells) taken.set(c.id, wave);
      waves.push(wave);
    }
    return waves;
  }

  /** A cell written as a mapping: { region: cn-east-2, arch: amd64 }. */
  mapCell(map: YAMLMap, what: string): Cell {
    for (const pair of map.items as Pair<Node, Node | null>[]) {
      if (isSeq(pair.value))
        this.fail(
          pair.value,
          `${what}: a cell has one value per dimension, not a list; use a "where:" wave to pick several.`,
        );
    }
    const values = this.dimensionMap(map, what).values;
    return cellFromDims(Object.fromEntries(DIMENSIONS.filter((d) => values[d]).map((d) => [d, values[d]![0]])));
  }
}

function matches(cell: Cell, filter: Values): boolean {
  return DIMENSIONS.every(
    (dim) => filter[dim] === undefined || (cell.dims[dim] !== undefined && filter[dim]!.includes(cell.dims[dim]!)),
  );
}

/** Parses and validates a stages file's text; `file` names it in errors. */
export function parseStages(text: string, file: string): Stages {
  return new StagesReader(file).parse(text);
}
